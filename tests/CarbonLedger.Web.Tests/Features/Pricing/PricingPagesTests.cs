using System.Net;
using System.Text.RegularExpressions;
using CarbonLedger.Web.Infrastructure.Auth;
using CarbonLedger.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CarbonLedger.Web.Tests.Features.Pricing;

/// <summary>The ICP pages through the real pipeline (server prerendering): the appraisal page opens on seed 004 case 1,
/// the overview shows exposure, fund, trading and MACC, and another organization's pages are not found.</summary>
public sealed class PricingPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private Task<HttpClient> SignedInAsync(int login) => app.SignedInAsync(AuthSetup.DemoLogins[login].Email);

    [Fact]
    public async Task AppraisalPage_DemoViewer_OpensOnSeedCase1WithResultsStressAndChart()
    {
        // Given the demo viewer signed in
        using var browser = await SignedInAsync(4);

        // When the appraisal page opens
        using var response = await browser.GetAsync($"/o/{WebAppFixture.DemoOrgId}/pricing");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Then seed 004 case 1 is appraised: year 1's carbon value 16,243 × 0.474 / 1,000 × 1,500 = 11,548.773 exactly, the five-year
        // saving 16,243 × 4.1177 × (1 + 1.05 + … + 1.05⁴), a stress table and the cash-flow chart; a viewer gets no save button
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-testid=\"carbon-value-1\" data-value=\"11548.773");
        var geometric = 1m + 1.05m + (1.05m * 1.05m) + (1.05m * 1.05m * 1.05m) + (1.05m * 1.05m * 1.05m * 1.05m);
        var saving = Regex.Match(html, "data-testid=\"total-saving\" data-value=\"([0-9.]+)\"").Groups[1].Value;
        Math.Abs(decimal.Parse(saving, System.Globalization.CultureInfo.InvariantCulture) - (16_243m * 4.1177m * geometric)).ShouldBeLessThan(0.000001m);
        html.ShouldContain("data-testid=\"appraisal-stress\"");
        html.ShouldContain("<svg");
        html.ShouldNotContain("data-testid=\"appraisal-save\"");
    }

    [Fact]
    public async Task OverviewPage_DemoAdmin_ShowsExposureFundTradingAndPolicyForm()
    {
        // Given the demo administrator
        using var browser = await SignedInAsync(0);

        // When the ICP overview opens
        using var response = await browser.GetAsync($"/o/{WebAppFixture.DemoOrgId}/pricing/icp");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Then the sections are there and the carbon-fee rule names K = 25,000 t
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-testid=\"icp-exposure\"");
        html.ShouldContain("25,000");
        html.ShouldContain("data-testid=\"icp-fund\"");
        html.ShouldContain("data-testid=\"icp-trading\"");
        html.ShouldContain("data-testid=\"policy-create\"");
    }

    [Fact]
    public async Task PricingPages_OtherOrganization_Return404()
    {
        // Given a demo user (member of the demo organization only)
        using var browser = await SignedInAsync(4);

        // When it opens organization B's ICP pages / Then 404
        (await browser.GetAsync($"/o/{WebAppFixture.OrgBId}/pricing")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/o/{WebAppFixture.OrgBId}/pricing/icp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
