using System.Net;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Factors;

public sealed class FactorsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string Factors = $"/api/v1/organizations/{WebAppFixture.DemoOrgId}/factors";

    [Fact]
    public async Task Get_TwGrid2024_ReturnsTheAnnounced0474()
    {
        // Given a viewer
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When the grid factor is asked for 2024
        using var response = await client.GetAsync($"{Factors}/tw-grid?year=2024");

        // Then it is 0.474 kg CO2e per kWh (ROC 113 announcement, tw_electricity_emission_factors.csv row 2024)
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var factor = (await response.JsonAsync()).GetProperty("factor");
        factor.GetProperty("perUnit").GetString().ShouldBe("kWh");
        factor.GetProperty("year").GetInt32().ShouldBe(2024);
        var gas = factor.GetProperty("gases").EnumerateArray().Single();
        gas.GetProperty("gas").GetString().ShouldBe("CO2e");
        gas.GetProperty("value").GetDecimal().ShouldBe(0.474m);
        gas.GetProperty("massUnit").GetString().ShouldBe("kg");
    }

    [Fact]
    public async Task Get_KeyWithSlashes_ResolvesAndUnknownKeyIs404()
    {
        // Given a viewer
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When a slash-separated MOENV key and a made-up key are asked for
        using var diesel = await client.GetAsync($"{Factors}/moenv604/stationary/diesel?year=2024");
        using var unknown = await client.GetAsync($"{Factors}/no/such/factor?year=2024");

        // Then the first resolves to that key, the second is not found
        diesel.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await diesel.JsonAsync()).GetProperty("factor").GetProperty("key").GetString().ShouldBe("moenv604/stationary/diesel");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GwpSet_Ar5_HasIpccAr5Values()
    {
        // Given a viewer
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When the AR5 set is read
        using var response = await client.GetAsync($"{Factors}/gwp-sets/AR5");

        // Then CH4 = 28 and N2O = 265 (IPCC AR5 WG1 ch. 8, Table 8.A.1, GWP100 without climate-carbon feedback)
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var gases = (await response.JsonAsync()).GetProperty("gases").EnumerateArray()
            .ToDictionary(g => g.GetProperty("gas").GetString()!, g => g.GetProperty("gwp").GetDecimal());
        gases["CH4"].ShouldBe(28m);
        gases["N2O"].ShouldBe(265m);
    }

    [Fact]
    public async Task List_SearchDiesel_ReturnsOnlyMatchingFactors()
    {
        // Given a viewer
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When factors are searched for "diesel"
        using var response = await client.GetAsync($"{Factors}?search=diesel&pageSize=1000");

        // Then every hit mentions diesel in its key or name, and the MOENV stationary diesel factor is among them
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var items = (await response.JsonAsync()).GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(f => f.GetProperty("key").GetString()!.Contains("diesel", StringComparison.OrdinalIgnoreCase)
            || f.GetProperty("name").GetString()!.Contains("diesel", StringComparison.OrdinalIgnoreCase));
        items.ShouldContain(f => f.GetProperty("key").GetString() == "moenv604/stationary/diesel");
    }

    [Fact]
    public async Task AddCustom_ByAdmin_IsListedForItsOrganizationOnly()
    {
        // Given an admin of the demo organization and a supplier-specific factor
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        using var other = app.Client(WebAppFixture.OrgBAdminToken);

        // When it is posted, then the custom factors of both organizations are listed
        using var created = await admin.PostJsonAsync(Factors, new
        {
            key = "supplier/test-widget", name = "Test widget, cradle-to-gate", year = 2024, perUnit = "kg",
            gases = new[] { new { gas = "CO2e", value = 3.25m, massUnit = "kg" } }, source = "Supplier EPD (test)",
        });
        using var mine = await admin.GetAsync($"{Factors}?set=custom&search=test-widget");
        using var theirs = await other.GetAsync($"/api/v1/organizations/{WebAppFixture.OrgBId}/factors?set=custom&search=test-widget");

        // Then the demo organization sees it and organization B does not
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await mine.JsonAsync()).GetProperty("items").EnumerateArray()
            .ShouldContain(f => f.GetProperty("key").GetString() == "supplier/test-widget" && f.GetProperty("gases")[0].GetProperty("value").GetDecimal() == 3.25m);
        (await theirs.JsonAsync()).GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task AddCustom_BadFields_Returns400ListingEach()
    {
        // Given an admin
        using var admin = app.Client(WebAppFixture.DemoAdminToken);

        // When the key is reserved, the unit unknown and a gas value negative
        using var response = await admin.PostJsonAsync(Factors, new
        {
            key = "gas/CO2", name = "x", perUnit = "parsecs", gases = new[] { new { gas = "CO2", value = -1m, massUnit = "kg" } }, source = "x",
        });

        // Then each is named
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).ErrorFields().ShouldBe(["key", "perUnit", "gases[0].factor.CO2"], ignoreOrder: true);
    }
}
