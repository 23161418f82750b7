using System.Net;
using System.Text;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Pricing;

/// <summary>The ICP API over HTTP on the real app: seed 004 case 1, validation listing every field, tenant isolation and
/// roles, and the organization's records (policies, projects, fund, allowances, exposure, report). Its own app instance:
/// the records written here must not reach other classes.</summary>
public sealed class PricingApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static string Org(Guid org, string path) => $"/api/v1/organizations/{org}/{path}";

    private static string Demo(string path) => Org(WebAppFixture.DemoOrgId, path);

    // Seed 004 case 1 (SPEC §5): the tariff NTD 4.1177/kWh is the one the seed's five-year saving implies.
    private static object Chiller(string name = "chiller", decimal capex = 1_000_000m) => new
    {
        name, capex, horizonYears = 5, firstYear = 2026, energySaved = 16_243m, energyUnit = "kWh", tariffPerKwh = 4.1177m, tariffEscalation = 0.05m,
        gridFactorKgPerKwh = 0.474m, carbonPricePerTonne = 1500m, discountRate = 0.05m,
    };

    [Fact]
    public async Task Appraise_SeedCase1_ReturnsTheSeedFigures()
    {
        // Given a viewer (a calculation needs Read only)
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When seed 004 case 1 is posted
        using var response = await client.PostJsonAsync("/api/v1/pricing/appraise", Chiller());

        // Then 16,243 × 0.474 / 1,000 = 7.699182 t a year worth 7.699182 × 1,500 = 11,548.773 (seed: NTD 11,549); the five-year
        // saving 16,243 × 4.1177 × (1 + 1.05 + … + 1.05⁴) = 369,575.22 (seed 369,578: its tariff is 4.117731, rounded to 4.1177)
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = await response.JsonAsync();
        var year1 = a.GetProperty("years")[1];
        year1.GetProperty("abatementTonnes").GetDecimal().ShouldBe(7.699182m);
        year1.GetProperty("carbonValue").GetDecimal().ShouldBe(11_548.773m);
        var geometric = 1m + 1.05m + (1.05m * 1.05m) + (1.05m * 1.05m * 1.05m) + (1.05m * 1.05m * 1.05m * 1.05m);
        Math.Abs(a.GetProperty("totalEnergyCostSaving").GetDecimal() - (16_243m * 4.1177m * geometric)).ShouldBeLessThan(0.000001m);
        // NPV with ICP = 5 × 66,883.8011 / 1.05 − 1,000,000 + 11,548.773 × Σ 1/1.05^t = −631,505.57
        var annuity = (1m / 1.05m) + (1m / (1.05m * 1.05m)) + (1m / (1.05m * 1.05m * 1.05m)) + (1m / (1.05m * 1.05m * 1.05m * 1.05m)) + (1m / (1.05m * 1.05m * 1.05m * 1.05m * 1.05m));
        Math.Abs(a.GetProperty("npvWithCarbon").GetDecimal() - ((5m * 16_243m * 4.1177m / 1.05m) - 1_000_000m + (11_548.773m * annuity))).ShouldBeLessThan(0.0001m);
    }

    [Fact]
    public async Task Appraise_BadInput_400ListingEveryField()
    {
        // Given a negative horizon with energy in kg, and separately a year before Taipower's series (2005)
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When posted
        using var bad = await client.PostJsonAsync("/api/v1/pricing/appraise", new { name = "bad", capex = 1000m, horizonYears = -5, firstYear = 2026, energySaved = 100m,
            energyUnit = "kg", tariffPerKwh = 4m, carbonPricePerTonne = 1500m, discountRate = 0.05m });
        using var old = await client.PostJsonAsync("/api/v1/pricing/appraise", new { name = "old", capex = 1000m, horizonYears = 3, firstYear = 1990, energySaved = 100m,
            tariffPerKwh = 4m, carbonPricePerTonne = 1500m, discountRate = 0.05m });

        // Then 400 problem details naming both fields in one answer, and the missing factor year
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["energyUnit", "horizonYears"], ignoreOrder: true);
        old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await old.JsonAsync();
        problem.ErrorFields().ShouldBe(["gridFactor"]);
        problem.GetProperty("errors").GetProperty("gridFactor")[0].GetString()!.ShouldContain("1990");
    }

    [Fact]
    public async Task StressProgrammeAndMacc_Calculations_ReturnTheirTables()
    {
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When the chiller is stressed over SPEC §5's five prices and three tariff paths, seed 004 case 2 evaluated, and a MACC built
        using var stress = await client.PostJsonAsync("/api/v1/pricing/stress", new { project = Chiller(), prices = new[] { 300m, 1200m, 1500m, 1800m, 3000m }, tariffEscalations = new[] { 0m, 0.03m, 0.05m } });
        using var programme = await client.PostJsonAsync("/api/v1/pricing/programme", new
        {
            purchases = Enumerable.Range(0, 7).Select(i => new { year = 2024 + i, energy = 64_000m * (i + 1) }), pricePerTonne = 1500m, gridFactorKgPerKwh = 0.474m,
        });
        using var macc = await client.PostJsonAsync("/api/v1/pricing/macc", new { projects = new[] { Chiller(), Chiller("LED", 100_000m) }, pricePerTonne = 1500m });

        // Then 5 × 3 = 15 cases; 2030: 448,000 × 0.474 / 1,000 = 212.352 t, × 1,500 = NTD 318,528 (seed prints 212.3 / 318,480, its
        // rounded tonnes × 1,500); the LED (NPV w/o ICP 5 × 63,698.86 − 100,000 > 0) comes first on the curve and pays off
        stress.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await stress.JsonAsync()).GetProperty("cases").GetArrayLength().ShouldBe(15);
        programme.StatusCode.ShouldBe(HttpStatusCode.OK);
        var years = await programme.JsonAsync();
        years[6].GetProperty("abatementTonnes").GetDecimal().ShouldBe(212.352m);
        years[6].GetProperty("value").GetDecimal().ShouldBe(318_528m);
        macc.StatusCode.ShouldBe(HttpStatusCode.OK);
        var segments = (await macc.JsonAsync()).GetProperty("segments");
        segments[0].GetProperty("project").GetString().ShouldBe("LED");
        segments[0].GetProperty("paysOff").GetBoolean().ShouldBeTrue();
        segments[1].GetProperty("paysOff").GetBoolean().ShouldBeFalse();
    }

    [Theory]
    [InlineData("GET", "pricing/policies")]
    [InlineData("POST", "pricing/policies")]
    [InlineData("GET", "pricing/fund")]
    [InlineData("POST", "pricing/fund/charge")]
    [InlineData("GET", "pricing/projects")]
    [InlineData("GET", "pricing/implicit")]
    [InlineData("GET", "pricing/allowances/positions?year=2024")]
    [InlineData("GET", "pricing/report?format=html")]
    public async Task OrganizationRoutes_OrgBTokenOnDemo_Return404AndAnonymous401(string method, string path)
    {
        // Given organization B's admin token and no token
        using var orgB = app.Client(WebAppFixture.OrgBAdminToken);
        using var anonymous = app.Client();

        // When either calls the demo organization's pricing route
        using var asB = await orgB.SendAsync(Request(method, Demo(path)));
        using var asNobody = await anonymous.SendAsync(Request(method, Demo(path)));

        // Then B learns nothing (404), the anonymous caller is asked to authenticate (401)
        asB.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        asNobody.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Exposure_OrgBTokenOnDemoInventory_Returns404()
    {
        using var orgB = app.Client(WebAppFixture.OrgBAdminToken);
        using var response = await orgB.GetAsync(Demo($"inventories/{app.DemoInventoryId}/carbon-exposure"));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("pricing/policies")]
    [InlineData("pricing/projects")]
    [InlineData("pricing/fund/charge")]
    [InlineData("pricing/fund/spend")]
    [InlineData("pricing/allowances/allocate")]
    [InlineData("pricing/allowances/transfer")]
    public async Task Writes_ViewerToken_Return403(string path)
    {
        // Given a viewer of the demo organization / When it writes / Then 403
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        using var response = await viewer.SendAsync(Request("POST", Demo(path)));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OrganizationRecords_AdminFlow_PolicyFundExposureAndReports()
    {
        using var admin = app.Client(WebAppFixture.DemoAdminToken);

        // Given a shadow price NTD 1,500 over scopes 1-2 and an internal fee NTD 300 (an invalid policy first)
        using var invalid = await admin.PostJsonAsync(Demo("pricing/policies"), new { name = "", type = "carbon-tax", pricePerTonne = 1500m });
        using var shadow = await admin.PostJsonAsync(Demo("pricing/policies"), new { name = "Shadow price", type = "ShadowPrice", pricePerTonne = 1500m, effectiveFrom = "2024-01-01", scopes = new[] { 1, 2 } });
        using var feePolicy = await admin.PostJsonAsync(Demo("pricing/policies"), new { name = "Internal fee", type = "InternalFee", pricePerTonne = 300m, effectiveFrom = "2024-01-01" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.JsonAsync()).ErrorFields().ShouldBe(["name", "type"], ignoreOrder: true);
        shadow.StatusCode.ShouldBe(HttpStatusCode.Created);
        feePolicy.StatusCode.ShouldBe(HttpStatusCode.Created);
        var shadowId = (await shadow.JsonAsync()).GetProperty("id").GetGuid();
        using var raise = await admin.PostJsonAsync(Demo($"pricing/policies/{shadowId}/prices"), new { pricePerTonne = 1800m, effectiveFrom = "2027-01-01", reason = "annual review" });
        raise.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await raise.JsonAsync()).GetProperty("prices").GetArrayLength().ShouldBe(2);

        // When the demo's 2024 inventory is read for exposure at NTD 3,000 and charged to the fund at NTD 300 by department
        var results = await (await admin.GetAsync(Demo($"inventories/{app.DemoInventoryId}/results"))).JsonAsync();
        using var exposure = await admin.GetAsync(Demo($"inventories/{app.DemoInventoryId}/carbon-exposure?price=3000"));
        using var charge = await admin.PostJsonAsync(Demo("pricing/fund/charge"), new { inventoryId = app.DemoInventoryId, pricePerTonne = 300m, by = "department", date = "2025-01-31" });

        // Then every exposure line prices the same covered tonnes (Scope 1 + Scope 2 location-based of the results endpoint):
        // the shadow price and fee in force on 2024-12-31 (1,500 and 300), the carbon fee rate 300 and the user's 3,000
        exposure.StatusCode.ShouldBe(HttpStatusCode.OK);
        var e = await exposure.JsonAsync();
        var byScope = results.GetProperty("byScope");
        var covered = byScope.EnumerateArray().Where(s => s.GetProperty("key").GetString() is "Scope1" or "Scope2").Sum(s => s.GetProperty("tonnes").GetDecimal());
        var lines = e.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("pricePerTonne").GetDecimal()).ShouldBe([300m, 1500m, 300m, 3000m], ignoreOrder: true);
        lines.ShouldAllBe(l => Math.Abs(l.GetProperty("coveredTonnes").GetDecimal() - covered) < 0.000001m);
        // the demo SME emits far below K = 25,000 t: nothing chargeable under 碳費收費辦法
        e.GetProperty("taiwanCarbonFee").GetProperty("amount").GetDecimal().ShouldBe(0m);
        // and the fund holds the sum of the departments' charges, each the department's tonnes × 300 rounded to whole NTD
        charge.StatusCode.ShouldBe(HttpStatusCode.OK);
        var fund = await charge.JsonAsync();
        var entries = fund.GetProperty("entries").EnumerateArray().ToList();
        entries.ShouldNotBeEmpty();
        fund.GetProperty("balance").GetDecimal().ShouldBe(entries.Sum(x => x.GetProperty("amount").GetDecimal()));
        Math.Abs(entries.Sum(x => x.GetProperty("amount").GetDecimal()) - (covered * 300m)).ShouldBeLessThanOrEqualTo(0.5m * entries.Count);

        // When a project is saved (a bad one first) and its report asked in every format
        using var badProject = await admin.PostJsonAsync(Demo("pricing/projects"), new { name = "bad", capex = -1m, horizonYears = 0, discountRate = 0.05m, directAbatementTonnes = 1m });
        using var project = await admin.PostJsonAsync(Demo("pricing/projects"), Chiller());
        badProject.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badProject.JsonAsync()).ErrorFields().ShouldBe(["capex", "horizonYears"], ignoreOrder: true);
        project.StatusCode.ShouldBe(HttpStatusCode.Created);
        var projectId = (await project.JsonAsync()).GetProperty("id").GetGuid();
        using var html = await admin.GetAsync(Demo($"pricing/report?format=html&lang=en&projectId={projectId}"));
        using var xlsx = await admin.GetAsync(Demo($"pricing/report?format=xlsx&projectId={projectId}"));
        using var pdf = await admin.GetAsync(Demo($"pricing/report?format=pdf&projectId={projectId}"));
        using var badFormat = await admin.GetAsync(Demo("pricing/report?format=csv"));

        // Then the HTML carries the seed's yearly carbon value and the disclosure of both policies; xlsx is a zip; pdf a PDF
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await html.Content.ReadAsStringAsync();
        page.ShouldContain("11,549");
        page.ShouldContain("ESRS E1-8");
        page.ShouldContain("Internal fee");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]).ShouldBe("PK");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]).ShouldBe("%PDF-");
        badFormat.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method == "POST" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
    };
}
