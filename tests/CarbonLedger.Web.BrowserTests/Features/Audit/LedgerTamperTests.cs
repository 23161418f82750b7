using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Audit;

/// <summary>Seed 000's "digital audit": a row changed in the database file behind the application's back is caught by
/// the ledger page's Verify, which names the ledger entry the row no longer matches (SPEC §2).</summary>
public sealed class LedgerTamperTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "ledger";

    [Fact]
    public async Task Verify_AfterActivityRowAlteredInSqlite_NamesTheAlteredEntry()
    {
        // Given the demo ledger, which verifies clean
        var page = await app.SignedInPageAsync(Browser.Reviewer, Folder);
        await page.OpenAsync(Browser.Org("/ledger"), Folder, "ledger");
        await page.TestId("ledger-verify").ClickAsync();
        await Assertions.Expect(page.TestId("ledger-verify-result")).ToHaveAttributeAsync("data-valid", "true");
        await Artifacts.ScreenshotAsync(page, Folder, "verify-ok");

        // When one stored activity's quantity is changed with raw SQL in the SQLite file (the first by id)
        var id = await app.ScalarAsync<string>("SELECT Id FROM activities ORDER BY Id LIMIT 1");
        (await app.ExecuteAsync("UPDATE activities SET Quantity = '999999' WHERE Id = $id", ("$id", id))).ShouldBe(1);
        // The entry Verify must name: the latest ledger entry recorded for that activity (ledger ids are lower-case "D" Guids).
        var expected = await app.ScalarAsync<long>(
            "SELECT MAX(Sequence) FROM ledger_entries WHERE EntityKind = 'activity' AND EntityId = lower($id)", ("$id", id));
        expected.ShouldBeGreaterThan(0);

        // When Verify is run again
        await page.TestId("ledger-verify").ClickAsync();

        // Then it fails and names that entry and the altered activity
        var result = page.TestId("ledger-verify-result");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-valid", "false");
        await Artifacts.ScreenshotAsync(page, Folder, "verify-tampered");
        var text = await result.InnerTextAsync();
        text.ShouldContain($"第 {expected} 筆");
        text.ShouldContain(id.ToLowerInvariant());
    }
}
