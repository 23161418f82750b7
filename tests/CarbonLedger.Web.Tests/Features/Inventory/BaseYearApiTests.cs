using System.Net;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Inventory;

/// <summary>Structural changes and the base-year recalculation check over HTTP (GHG Protocol Corporate Standard ch. 5).
/// Its own app instance: the changes recorded here must not reach other classes' reports.</summary>
public sealed class BaseYearApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static string Url(string path) => $"/api/v1/organizations/{WebAppFixture.DemoOrgId}/base-year/{path}";

    [Fact]
    public async Task Changes_ViewerThenAdmin_ForbiddenThenCreatedAndCheckGivesVerdictAndReportCarriesIt()
    {
        // Given the demo's 2024 inventory (its base year, threshold 5 %), with its location-based total from the results endpoint
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        var results = await (await viewer.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories/{app.DemoInventoryId}/results")).JsonAsync();
        var total = results.GetProperty("totalTonnes").GetDecimal();
        // an acquisition worth 6 % of the base year, rounded to kg
        var acquisition = Math.Round(total * 0.06m, 3);
        var body = new { kind = "acquisition", description = "收購 Kaohsiung depot", impactTonnes = acquisition, year = 2025 };

        // When a viewer posts a change
        using var forbidden = await viewer.PostJsonAsync(Url("changes"), body);

        // Then 403, and nothing was recorded
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await viewer.GetAsync(Url("changes"))).JsonAsync()).GetArrayLength().ShouldBe(0);

        // When an admin posts an invalid change, then a valid one and an organic-growth one
        using var invalid = await admin.PostJsonAsync(Url("changes"), new { kind = "takeover", description = "", year = 2025 });
        using var created = await admin.PostJsonAsync(Url("changes"), body);
        using var organic = await admin.PostJsonAsync(Url("changes"), new { kind = "organic-growth", description = "new customers", impactTonnes = total, year = 2025 });

        // Then the invalid one lists every bad field, the others are created
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.JsonAsync()).ErrorFields().ShouldBe(["kind", "description", "impactTonnes"], ignoreOrder: true);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        organic.StatusCode.ShouldBe(HttpStatusCode.Created);
        var stored = await created.JsonAsync();
        stored.GetProperty("kind").GetString().ShouldBe("acquisition");
        stored.GetProperty("impactTonnes").GetDecimal().ShouldBe(acquisition);

        // When a viewer checks the base year
        using var check = await viewer.GetAsync(Url("check"));

        // Then acquisition / total × 100 ≈ 6 % ≥ 5 %: recalculate; the organic growth (100 % of the base year) is ignored
        check.StatusCode.ShouldBe(HttpStatusCode.OK);
        var verdict = await check.JsonAsync();
        verdict.GetProperty("baseYear").GetInt32().ShouldBe(2024);
        verdict.GetProperty("baseYearTonnes").GetDecimal().ShouldBe(total);
        verdict.GetProperty("cumulativeImpactTonnes").GetDecimal().ShouldBe(acquisition);
        verdict.GetProperty("cumulativePercent").GetDecimal().ShouldBe(acquisition / total * 100m);
        verdict.GetProperty("thresholdPercent").GetDecimal().ShouldBe(5m);
        verdict.GetProperty("recalculationRequired").GetBoolean().ShouldBeTrue();
        verdict.GetProperty("changes").GetArrayLength().ShouldBe(2);

        // and the JSON report of the inventory carries the base-year emissions and the same verdict
        var report = await (await viewer.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories/{app.DemoInventoryId}/report?format=json&lang=en")).JsonAsync();
        var section = report.GetProperty("baseYear");
        section.GetProperty("emissionsTonnes").GetDecimal().ShouldBe(total);
        section.GetProperty("recalculation").GetProperty("recalculationRequired").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Check_OtherOrganizationsToken_NotFound()
    {
        // Given organization B's admin token
        using var client = app.Client(WebAppFixture.OrgBAdminToken);

        // When it asks for the demo's check
        using var response = await client.GetAsync(Url("check"));

        // Then 404 (tenant isolation)
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
