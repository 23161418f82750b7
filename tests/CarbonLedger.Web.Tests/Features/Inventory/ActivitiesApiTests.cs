using System.Net;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Tests.Infrastructure;
using NodaTime;

namespace CarbonLedger.Web.Tests.Features.Inventory;

public sealed class ActivitiesApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string Activities = $"/api/v1/organizations/{WebAppFixture.DemoOrgId}/activities";

    private async Task<int> StoredActivitiesAsync()
    {
        await using var db = app.Database.CreateContext();
        return await new InventoryStore(db, SystemClock.Instance).CountActivitiesAsync(WebAppFixture.DemoOrgId);
    }

    [Fact]
    public async Task Add_WithEveryFieldBad_Returns400ListingEachField()
    {
        // Given a contributor and a body where five fields are wrong in five different ways
        using var client = app.Client(WebAppFixture.DemoContributorToken);
        var before = await StoredActivitiesAsync();

        // When it is posted
        using var response = await client.PostJsonAsync(Activities, new
        {
            source = "NO-SUCH-SOURCE",
            quantity = -5m,
            unit = "furlongs",
            periodStart = "2024-02-30",
            quality = "guessed",
        });

        // Then one validation problem names every bad field, and nothing is stored
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var fields = (await response.JsonAsync()).ErrorFields();
        fields.ShouldBe(["source", "unit", "periodStart", "periodEnd", "quality", "quantity"], ignoreOrder: true);
        (await StoredActivitiesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Add_UnitOfWrongDimension_Returns400OnUnit()
    {
        // Given litres for an electricity source (its factor tw-grid is per kWh)
        using var client = app.Client(WebAppFixture.DemoContributorToken);

        // When it is posted
        using var response = await client.PostJsonAsync(Activities,
            new { source = "ELEC-TPE", quantity = 10m, unit = "L", periodStart = "2024-05-01", periodEnd = "2024-05-31", quality = "measured" });

        // Then the unit is the field at fault
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).ErrorFields().ShouldBe(["unit"]);
    }

    [Fact]
    public async Task Add_ValidActivity_Returns201AndStoresOneRow_ListedBySourceFilter()
    {
        // Given a contributor and a valid datum
        using var client = app.Client(WebAppFixture.DemoContributorToken);
        var before = await StoredActivitiesAsync();

        // When it is posted, then listed by source and date
        using var response = await client.PostJsonAsync(Activities, new
        {
            source = "ELEC-TYN", quantity = 123.5m, unit = "kWh", periodStart = "2024-12-01", periodEnd = "2024-12-31",
            quality = "calculated", evidence = "TEST-POST-1",
        });
        using var list = await client.GetAsync($"{Activities}?source=ELEC-TYN&from=2024-12-01&to=2024-12-31&pageSize=1000");

        // Then exactly one row more is stored, and the filtered list holds it and only that source's rows
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await StoredActivitiesAsync()).ShouldBe(before + 1);
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await list.JsonAsync();
        var items = page.GetProperty("items").EnumerateArray().ToList();
        items.ShouldAllBe(i => i.GetProperty("sourceCode").GetString() == "ELEC-TYN");
        items.ShouldContain(i => i.GetProperty("evidence").GetString() == "TEST-POST-1" && i.GetProperty("quantity").GetDecimal() == 123.5m);
    }

    [Fact]
    public async Task List_BadFilters_Returns400ListingEach()
    {
        // Given a viewer
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When the filters are malformed
        using var response = await client.GetAsync($"{Activities}?from=yesterday&facility=NOPE&page=0");

        // Then each is reported
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).ErrorFields().ShouldBe(["from", "facility", "page"], ignoreOrder: true);
    }
}
