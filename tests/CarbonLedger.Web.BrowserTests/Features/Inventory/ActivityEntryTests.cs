using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Inventory;

/// <summary>Entering activity data in the browser: one row in the grid, and rows pasted from Excel (tab-separated),
/// which the importer's rules check all-or-nothing (SPEC §1 "Import"; issue 3 "grid entry, paste from Excel").</summary>
public sealed class ActivityEntryTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "activities";

    [Fact]
    public async Task GridAddRow_ValidActivity_IsStoredAndListed()
    {
        // Given the demo contributor on the activity page
        var page = await app.SignedInPageAsync(Browser.Contributor, Folder);
        await page.OpenAsync(Browser.Org("/activities"), Folder, "activities");
        const string evidence = "BT-GRID-0001 diesel refill invoice";
        (await app.ActivitiesWithEvidenceAsync(evidence)).ShouldBe(0);

        // When they type one row (the demo's diesel generator GEN-TYN, 2024 is the demo inventory's year) and add it;
        // it covers the last day of the year only, so it sorts last in the grid (ordered by period start)
        await page.TestId("grid-new-source").SelectOptionAsync("GEN-TYN");
        await page.TestId("grid-new-start").FillAsync("2024-12-31");
        await page.TestId("grid-new-end").FillAsync("2024-12-31");
        await page.TestId("grid-new-quantity").FillAsync("37.5");
        await page.TestId("grid-new-unit").FillAsync("L");
        await page.TestId("grid-new-quality").SelectOptionAsync("measured");
        await page.TestId("grid-new-evidence").FillAsync(evidence);
        await page.TestId("grid-add-row").ClickAsync();

        // Then the page says one row was added, the database holds exactly that row, and the grid lists it
        await Assertions.Expect(page.TestId("activities-saved")).ToContainTextAsync("新增 1 筆");
        await Artifacts.ScreenshotAsync(page, Folder, "grid-row-added");
        (await app.ActivitiesWithEvidenceAsync(evidence)).ShouldBe(1);
        (await app.ScalarAsync<string>("SELECT Quantity FROM activities WHERE Evidence = $e", ("$e", evidence))).ShouldStartWith("37.5");
        (await app.ScalarAsync<string>("SELECT EnteredBy FROM activities WHERE Evidence = $e", ("$e", evidence))).ShouldContain("demo-contributor");
        await page.OpenAsync(Browser.Org("/activities"), Folder, "activities-after-add");
        // MudDataGridPager's buttons: first, previous, next, last.
        await page.TestId("activities-grid").Locator(".mud-table-pagination-actions button").Last.ClickAsync();
        await Assertions.Expect(page.TestId("activities-grid")).ToContainTextAsync(evidence);
        await Artifacts.ScreenshotAsync(page, Folder, "activities-last-page");
    }

    [Fact]
    public async Task Paste_OneBadCellThenFixed_NamesRowAndColumnStoresNothingThenStoresAll()
    {
        // Given the demo contributor on the activity page, and three rows copied from Excel (tab-separated) in the
        // template's column order, the second with a malformed quantity
        var page = await app.SignedInPageAsync(Browser.Contributor, Folder);
        await page.OpenAsync(Browser.Org("/activities"), Folder, "activities-before-paste");
        const string tag = "BT-PASTE";
        string Row(string code, int month, string quantity, string unit) =>
            string.Join('\t', code, $"2024-{month:00}-01", $"2024-{month:00}-{DateTime.DaysInMonth(2024, month):00}", quantity, unit, "measured", $"{tag}-{month}");
        var bad = string.Join('\n', Row("ELEC-TPE", 10, "1200", "kWh"), Row("ELEC-TPE", 11, "12x0", "kWh"), Row("GEN-TYN", 11, "20", "L"));
        var before = await app.ActivityCountAsync();

        // When they paste the rows and save
        await page.TestId("paste-box").FillAsync(bad);
        await page.TestId("paste-submit").ClickAsync();

        // Then the error names pasted row 2 and its column quantity, and nothing at all was stored (all-or-nothing)
        var problems = page.TestId("activities-problems");
        await Assertions.Expect(problems).ToContainTextAsync("第 2 列");
        await Artifacts.ScreenshotAsync(page, Folder, "paste-error");
        var text = await problems.InnerTextAsync();
        text.ShouldContain("quantity");
        text.ShouldNotContain("第 1 列");
        text.ShouldNotContain("第 3 列");
        (await app.ActivityCountAsync()).ShouldBe(before);

        // When they fix the cell and save again
        var fixedRows = bad.Replace("12x0", "1250", StringComparison.Ordinal);
        await page.TestId("paste-box").FillAsync(fixedRows);
        await page.TestId("paste-submit").ClickAsync();

        // Then all three rows are stored
        await Assertions.Expect(page.TestId("activities-saved")).ToContainTextAsync("新增 3 筆");
        await Artifacts.ScreenshotAsync(page, Folder, "paste-saved");
        (await app.ActivityCountAsync()).ShouldBe(before + 3);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE Evidence LIKE 'BT-PASTE-%'")).ShouldBe(3);
    }
}
