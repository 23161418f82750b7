using System.Text;
using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Imports;

/// <summary>Uploading an activity CSV with errors on the imports page: every problem is listed with its file, row and
/// column, nothing is stored; the fixed file then imports (SPEC §1 "Import": all-or-nothing, file/row/column/reason).</summary>
public sealed class ImportFixTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "imports";

    // activity.csv in the import template's column order (ImportTemplates.Activity). The header is file row 1, so the
    // data lines are rows 2-5. Row 3 has an unknown unit, row 4 a negative quantity, row 5 a source that does not exist.
    private const string Header = "source_code,period_start,period_end,quantity,unit,data_quality,evidence";
    private const string Good = "ELEC-TPE,2024-07-01,2024-07-31,321.5,kWh,measured,BT-IMPORT-1";
    private const string BadUnit = "GEN-TYN,2024-07-01,2024-07-31,12,bananas,measured,BT-IMPORT-2";
    private const string FixedUnit = "GEN-TYN,2024-07-01,2024-07-31,12,L,measured,BT-IMPORT-2";
    private const string BadQuantity = "CAR-ABC1234,2024-07-01,2024-07-31,-5,L,calculated,BT-IMPORT-3";
    private const string FixedQuantity = "CAR-ABC1234,2024-07-01,2024-07-31,5,L,calculated,BT-IMPORT-3";
    private const string BadSource = "NO-SUCH-SOURCE,2024-07-01,2024-07-31,7,kWh,measured,BT-IMPORT-4";
    private const string FixedSource = "ELEC-TYN,2024-07-01,2024-07-31,7,kWh,measured,BT-IMPORT-4";

    [Fact]
    public async Task Import_FileWithThreeBadRowsThenFixed_ListsEveryProblemThenImportsAll()
    {
        // Given the demo contributor on the imports page
        var page = await app.SignedInPageAsync(Browser.Contributor, Folder);
        await page.OpenAsync(Browser.Org("/imports"), Folder, "imports");
        var before = await app.ActivityCountAsync();

        // When they upload activity.csv with three bad rows
        await UploadAsync(page, Header, Good, BadUnit, BadQuantity, BadSource);

        // Then the page lists exactly the three problems, each with the file, its row and its column, and nothing is stored
        await Assertions.Expect(page.TestId("import-problems")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, Folder, "import-problems");
        var rows = page.TestId("import-problems").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3);
        var cells = new List<(string File, string Row, string Column)>();
        for (var i = 0; i < 3; i++)
        {
            var td = rows.Nth(i).Locator("td");
            cells.Add(((await td.Nth(0).InnerTextAsync()).Trim(), (await td.Nth(2).InnerTextAsync()).Trim(), (await td.Nth(3).InnerTextAsync()).Trim()));
        }
        cells.ShouldAllBe(c => c.File == "activity.csv");
        cells.OrderBy(c => c.Row, StringComparer.Ordinal).Select(c => $"{c.Row}:{c.Column}")
            .ShouldBe(["3:unit", "4:quantity", "5:source_code"]);
        (await app.ActivityCountAsync()).ShouldBe(before);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE Evidence LIKE 'BT-IMPORT-%'")).ShouldBe(0);

        // When they fix the three cells and upload the file again
        await UploadAsync(page, Header, Good, FixedUnit, FixedQuantity, FixedSource);

        // Then all four rows are imported and stored
        await Assertions.Expect(page.TestId("import-result")).ToContainTextAsync("新增 4 筆");
        await Artifacts.ScreenshotAsync(page, Folder, "import-fixed");
        (await app.ActivityCountAsync()).ShouldBe(before + 4);
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE Evidence LIKE 'BT-IMPORT-%'")).ShouldBe(4);
    }

    private static async Task UploadAsync(IPage page, params string[] lines)
    {
        await page.TestId("import-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "activity.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"),
        });
        // Choosing files clears the previous outcome: wait for that, so Import sends the new file.
        await Assertions.Expect(page.TestId("import-problems")).ToHaveCountAsync(0);
        var submit = page.TestId("import-submit");
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await submit.ClickAsync();
    }
}
