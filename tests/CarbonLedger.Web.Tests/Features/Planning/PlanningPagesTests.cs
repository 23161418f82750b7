using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CarbonLedger.Web.Infrastructure.Auth;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Planning;

/// <summary>The targets and transition-plan pages through the real pipeline (server prerendering) on the demo
/// organization, which is seeded with an SBTi 1.5 °C Scope 1+2 target on its 2024 inventory and the FSC sample plan
/// with illustrative values (DemoSeeder, TransitionPlanSample.Demo).</summary>
public sealed class PlanningPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const int Admin = 0;
    private const int Viewer = 4;

    private Task<HttpClient> SignedInAsync(int login) => app.SignedInAsync(AuthSetup.DemoLogins[login].Email);

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient browser, string path)
    {
        using var response = await browser.GetAsync(path);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private static decimal DataValue(string html, string pattern)
    {
        var m = Regex.Match(html, pattern + "[^>]*?data-value=\"([^\"]+)\"", RegexOptions.Singleline);
        m.Success.ShouldBeTrue(pattern);
        return decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private async Task<string> DemoPlanPathAsync(HttpClient browser)
    {
        var (_, html) = await GetAsync(browser, $"/o/{WebAppFixture.DemoOrgId}/plans");
        var m = Regex.Match(html, "href=\"(/o/[0-9a-f-]+/plans/[0-9a-f-]+)\" data-testid=\"plan-link\"");
        m.Success.ShouldBeTrue("the plans page links the demo plan");
        return m.Groups[1].Value;
    }

    [Fact]
    public async Task TargetsPage_DemoViewer_ShowsBaseYearFromInventoryMethodChartAndCriteria()
    {
        // Given the demo viewer, and the 2024 inventory's market-based Scope 1 and Scope 2 totals from the results API
        using var browser = await SignedInAsync(Viewer);
        using var api = app.Client(WebAppFixture.DemoViewerToken);
        var results = await (await api.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories/{app.DemoInventoryId}/results?basis=market")).JsonAsync();
        var byScope = results.GetProperty("byScope").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("tonnes").GetDecimal());
        var scope12 = byScope.GetValueOrDefault("Scope1") + byScope.GetValueOrDefault("Scope2");

        // When the targets page opens
        var (status, html) = await GetAsync(browser, $"/o/{WebAppFixture.DemoOrgId}/targets");

        // Then the demo target shows base year 2024 with the inventory's Scope 1+2 (market-based) as its base value and
        // the inventory named as source; SBTi 1.5 °C is 4.2 %/yr linear, so 2030 = base × (1 − 0.042 × (2030 − 2024)) =
        // base × 0.748 (SPEC §4); the pathway chart, the progress table and the SBTi criteria are there; a viewer gets no form
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("<b>2024</b>");
        html.ShouldContain("絕對減量法 4.2%/年");
        html.ShouldContain("data-testid=\"target-base-source\">來源：inventory '");
        var baseValue = DataValue(html, "data-testid=\"target-base\">\\s*<b>2024</b>: <span");
        baseValue.ShouldBe(scope12, 0.000001m);
        DataValue(html, "<b>2030</b>: <span").ShouldBe(scope12 * 0.748m, 0.000001m);
        html.ShouldContain("data-testid=\"pathway-chart\"");
        html.ShouldContain("data-testid=\"progress\"");
        html.ShouldContain("data-code=\"base-year\"");
        html.ShouldNotContain("data-testid=\"target-form\"");
    }

    [Fact]
    public async Task TargetsPage_DemoAdmin_ShowsCreateFormWithTheInventoryYears()
    {
        // Given the demo administrator (EditPlan)
        using var browser = await SignedInAsync(Admin);

        // When the targets page opens
        var (status, html) = await GetAsync(browser, $"/o/{WebAppFixture.DemoOrgId}/targets");

        // Then the form offers the inventory year 2024 as base year
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-testid=\"target-form\"");
        html.ShouldContain("<option value=\"2024\"");
    }

    [Fact]
    public async Task PlanEditor_DemoAdmin_ShowsSeedClassificationCompletenessAndTpt()
    {
        // Given the demo administrator and the demo plan
        using var browser = await SignedInAsync(Admin);
        var path = await DemoPlanPathAsync(browser);

        // When the editor opens
        var (status, html) = await GetAsync(browser, path);

        // Then seed 003's sample classification is computed live: aligned A 30 % + D 15 % = 45 %, transitioning B 25 % +
        // C 20 % = 45 %, not applicable E 10 %, not aligned 0 (SPEC §6)
        status.ShouldBe(HttpStatusCode.OK);
        DataValue(html, "<tr data-status=\"Aligned\">.*?<td class=\"cl-num\"").ShouldBe(0.45m);
        DataValue(html, "<tr data-status=\"Transitioning\">.*?<td class=\"cl-num\"").ShouldBe(0.45m);
        DataValue(html, "<tr data-status=\"NotApplicable\">.*?<td class=\"cl-num\"").ShouldBe(0.10m);
        DataValue(html, "<tr data-status=\"NotAligned\">.*?<td class=\"cl-num\"").ShouldBe(0m);
        // The TPT sub-elements the demo leaves empty: 2.3, 5.3, 5.4, 5.5 have no FSC item at all, and its only engagement
        // is with the value chain (seed 003 樣本 三(四)), so 3.2 (industry) and 3.3 (government, civil society) are empty.
        var empty = Regex.Matches(html, "data-code=\"([0-9.]+)\" data-covered=\"false\"").Select(m => m.Groups[1].Value).ToList();
        empty.ShouldBe(["2.3", "3.2", "3.3", "5.3", "5.4", "5.5"]);
        Regex.Matches(html, "data-code=\"[0-9.]+\" data-covered=\"true\"").Count.ShouldBe(19 - 6);
        html.ShouldContain("data-testid=\"completeness\"");
        html.ShouldContain("data-testid=\"plan-versions\"");
        html.ShouldContain("data-testid=\"plan-save\"");
        html.ShouldContain("data-testid=\"approve-box\"");
        html.ShouldContain("data-testid=\"plan-doc-docx-zh-TW\"");
    }

    [Fact]
    public async Task PlanEditor_DemoViewer_IsReadOnly()
    {
        // Given the demo viewer (no EditPlan, no ApprovePlan)
        using var browser = await SignedInAsync(Viewer);
        var path = await DemoPlanPathAsync(browser);

        // When the editor opens
        var (status, html) = await GetAsync(browser, path);

        // Then the plan shows with every input disabled, and neither save nor approve is offered
        status.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("data-testid=\"section-ambition\"");
        Regex.IsMatch(html, "<textarea[^>]*disabled[^>]*data-testid=\"pf-ambition.statement\"").ShouldBeTrue();
        html.ShouldNotContain("data-testid=\"plan-save\"");
        html.ShouldNotContain("data-testid=\"approve-box\"");
        html.ShouldNotContain("data-testid=\"plan-new-sample\"");
    }

    [Fact]
    public async Task PlanningPages_OtherOrganization_Return404()
    {
        // Given a demo user (member of the demo organization only) and the demo plan's id
        using var browser = await SignedInAsync(Viewer);
        var planId = (await DemoPlanPathAsync(browser)).Split('/')[^1];

        // When it opens organization B's planning pages / Then 404
        (await browser.GetAsync($"/o/{WebAppFixture.OrgBId}/targets")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/o/{WebAppFixture.OrgBId}/plans")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await browser.GetAsync($"/o/{WebAppFixture.OrgBId}/plans/{planId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PlanEditor_UnknownPlan_Returns404()
    {
        // Given the demo viewer
        using var browser = await SignedInAsync(Viewer);

        // When the editor is asked for a plan id the organization does not have
        var (status, html) = await GetAsync(browser, $"/o/{WebAppFixture.DemoOrgId}/plans/{Guid.NewGuid()}");

        // Then 404 and no editor
        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldNotContain("data-testid=\"section-ambition\"");
    }

    [Theory]
    [InlineData("/targets")]
    [InlineData("/plans")]
    public async Task PlanningPages_Anonymous_RedirectToLogin(string suffix)
    {
        // Given an anonymous browser
        using var browser = app.Browser();

        // When it opens a planning page
        using var response = await browser.GetAsync($"/o/{WebAppFixture.DemoOrgId}{suffix}");

        // Then it is sent to the login page
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
