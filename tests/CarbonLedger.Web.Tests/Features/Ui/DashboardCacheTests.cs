using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CarbonLedger.Web.Infrastructure.Auth;
using CarbonLedger.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CarbonLedger.Web.Tests.Features.Ui;

/// <summary>The dashboard's output cache (Features/Dashboard/DashboardOutputCache.cs): a session never sees another
/// session's page, and a write to the organization's data (a new ledger head) is visible on the next request.
/// Its own app instance: it adds an activity.</summary>
public sealed partial class DashboardCacheTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [GeneratedRegex("data-testid=\"total-location\" data-value=\"([0-9.]+)\"")]
    private static partial Regex TotalLocation();

    private Task<HttpClient> SignedInAsync(string email) => app.SignedInAsync(email);

    private static decimal Total(string html) => decimal.Parse(TotalLocation().Match(html).Groups[1].Value, CultureInfo.InvariantCulture);

    [Fact]
    public async Task Dashboard_AfterAWrite_ShowsTheNewTotal_AndSessionsNeverShareAPage()
    {
        // Given a contributor who has loaded the dashboard twice (the second may come from the cache)
        using var contributor = await SignedInAsync("demo-contributor@carbonledger.local");
        var url = $"/o/{WebAppFixture.DemoOrgId}";
        var first = await contributor.GetStringAsync(url);
        var second = await contributor.GetStringAsync(url);
        Total(second).ShouldBe(Total(first));

        // When 1,000 kWh of Taipower electricity is added through the API
        using var api = app.Client(WebAppFixture.DemoContributorToken);
        using var added = await api.PostJsonAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/activities",
            new { source = "ELEC-TPE", quantity = 1000m, unit = "kWh", periodStart = "2024-12-01", periodEnd = "2024-12-31", evidence = "cache-test" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var results = await (await api.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories/{app.DemoInventoryId}/results")).JsonAsync();
        var apiTotal = results.GetProperty("totalTonnes").GetDecimal();

        // Then the same session's next dashboard shows the API's new total (1,000 kWh × 0.474 kg/kWh = 0.474 t more than
        // before: Taipower 2024, operational control, 100 %), not the cached page
        var after = await contributor.GetStringAsync(url);
        Total(after).ShouldBe(apiTotal);
        (Total(after) - Total(first)).ShouldBe(0.474m);

        // And another session (the viewer) gets its own page, naming its own user, never the contributor's
        using var viewer = await SignedInAsync("demo-viewer@carbonledger.local");
        var viewerPage = await viewer.GetStringAsync(url);
        viewerPage.ShouldContain("demo-viewer@carbonledger.local");
        viewerPage.ShouldNotContain("demo-contributor@carbonledger.local");
        after.ShouldContain("demo-contributor@carbonledger.local");
    }
}
