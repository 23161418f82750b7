using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Tests.Infrastructure;
using NodaTime;

namespace CarbonLedger.Web.Tests.Features.Imports;

public sealed class ImportsApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string Imports = $"/api/v1/organizations/{WebAppFixture.DemoOrgId}/imports";

    private const string Header = "source_code,period_start,period_end,quantity,unit,data_quality,evidence,uncertainty_percent,note\n";

    private async Task<int> StoredActivitiesAsync()
    {
        await using var db = app.Database.CreateContext();
        return await new InventoryStore(db, SystemClock.Instance).CountActivitiesAsync(WebAppFixture.DemoOrgId);
    }

    private static MultipartFormDataContent Upload(string fileName, string csv)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "files", fileName);
        return form;
    }

    [Fact]
    public async Task Import_WithBadRows_Returns422WithRowAndColumn_AndStoresNothing()
    {
        // Given an activity file whose row 2 is good and rows 3-5 each have one bad value (row 1 is the header)
        var csv = Header
            + "ELEC-TPE,2024-03-01,2024-03-31,1000,kWh,measured,IMPORT-GOOD,,\n"
            + "ELEC-TPE,2024-04-01,2024-04-30,1000,furlongs,measured,IMPORT-BAD-UNIT,,\n"
            + "ELEC-TPE,2024-05-01,2024-05-31,-7,kWh,measured,IMPORT-BAD-QTY,,\n"
            + "ELEC-TPE,2024-13-01,2024-06-30,1000,kWh,measured,IMPORT-BAD-DATE,,\n";
        using var client = app.Client(WebAppFixture.DemoAdminToken);
        var before = await StoredActivitiesAsync();

        // When it is uploaded
        using var content = Upload("activity.csv", csv);
        using var response = await client.PostAsync(Imports, content);

        // Then 422 lists a problem at each bad row and column, and not even the good row is stored (all-or-nothing)
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problems = (await response.JsonAsync()).GetProperty("problems").EnumerateArray()
            .Select(p => (File: p.GetProperty("file").GetString(), Row: p.GetProperty("row").GetInt32(), Column: p.GetProperty("column").GetString()))
            .ToList();
        problems.ShouldContain(("activity.csv", 3, "unit"));
        problems.ShouldContain(("activity.csv", 4, "quantity"));
        problems.ShouldContain(("activity.csv", 5, "period_start"));
        problems.ShouldNotContain(p => p.Row == 2);
        (await StoredActivitiesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Import_GoodFile_Returns200WithCounts_AndReimportDoesNotDuplicate()
    {
        // Given a file of two good rows
        var csv = Header
            + "ELEC-TPE,2024-03-01,2024-03-31,11,kWh,measured,IMPORT-OK-1,,\n"
            + "ELEC-TYN,2024-03-01,2024-03-31,22,kWh,measured,IMPORT-OK-2,,\n";
        using var client = app.Client(WebAppFixture.DemoContributorToken);
        var before = await StoredActivitiesAsync();

        // When it is uploaded twice
        using var first = Upload("activity.csv", csv);
        using var firstResponse = await client.PostAsync(Imports, first);
        using var second = Upload("activity.csv", csv);
        using var secondResponse = await client.PostAsync(Imports, second);

        // Then the first inserts 2, the second updates the same 2, and the store holds 2 more rows in all
        firstResponse.StatusCode.ShouldBe(HttpStatusCode.OK);
        var a = await firstResponse.JsonAsync();
        a.GetProperty("inserted").GetInt32().ShouldBe(2);
        var b = await secondResponse.JsonAsync();
        b.GetProperty("inserted").GetInt32().ShouldBe(0);
        b.GetProperty("updated").GetInt32().ShouldBe(2);
        (await StoredActivitiesAsync()).ShouldBe(before + 2);
    }
}
