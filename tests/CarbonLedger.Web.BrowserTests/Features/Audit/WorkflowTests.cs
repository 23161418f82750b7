using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Audit;

/// <summary>The inventory workflow in the browser, each step by the role the permission matrix gives it (SPEC §2:
/// draft → submitted → reviewed → approved → locked; submit = contributor, review = reviewer, approve and lock = admin).</summary>
public sealed class WorkflowTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "workflow";

    [Fact]
    public async Task Workflow_SubmitReviewApproveLock_EachByItsRole_EndsLocked()
    {
        // Given the demo inventory in Draft, opened by the demo contributor
        var contributor = await app.SignedInPageAsync(Browser.Contributor, Folder);
        await contributor.OpenAsync(Browser.Org("/workflow"), Folder, "contributor-draft");
        await Assertions.Expect(contributor.TestId("workflow-status")).ToHaveTextAsync("草稿");
        // A contributor may submit but not approve or lock (AccessRules: Approve/Lock are the administrator's).
        (await contributor.TestId("workflow-approve").CountAsync()).ShouldBe(0);
        (await contributor.TestId("workflow-lock").CountAsync()).ShouldBe(0);

        // When the contributor submits
        await contributor.TestId("workflow-submit").ClickAsync();

        // Then it is Submitted and the contributor has no further action
        await Assertions.Expect(contributor.TestId("workflow-status")).ToHaveTextAsync("已提交");
        await Assertions.Expect(contributor.TestId("workflow-no-actions")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(contributor, Folder, "contributor-submitted");

        // When the demo reviewer marks it reviewed
        var reviewer = await app.SignedInPageAsync(Browser.Reviewer, Folder);
        await reviewer.OpenAsync(Browser.Org("/workflow"), Folder, "reviewer-submitted");
        (await reviewer.TestId("workflow-approve").CountAsync()).ShouldBe(0);
        await reviewer.TestId("workflow-review").ClickAsync();

        // Then it is Reviewed
        await Assertions.Expect(reviewer.TestId("workflow-status")).ToHaveTextAsync("已審查");
        await Artifacts.ScreenshotAsync(reviewer, Folder, "reviewer-reviewed");

        // When the demo administrator approves, then locks
        var admin = await app.SignedInPageAsync(Browser.Admin, Folder);
        await admin.OpenAsync(Browser.Org("/workflow"), Folder, "admin-reviewed");
        await admin.TestId("workflow-approve").ClickAsync();
        await Assertions.Expect(admin.TestId("workflow-status")).ToHaveTextAsync("已核准");
        await admin.TestId("workflow-lock").ClickAsync();

        // Then it is Locked, the history lists the four transitions, and the database agrees
        await Assertions.Expect(admin.TestId("workflow-status")).ToHaveTextAsync("已鎖定");
        await Artifacts.ScreenshotAsync(admin, Folder, "admin-locked");
        await Assertions.Expect(admin.TestId("workflow-history").Locator("tbody tr")).ToHaveCountAsync(4);
        var inventoryId = await admin.TestId("workflow-inventory").InputValueAsync();
        (await app.ScalarAsync<string>("SELECT Status FROM inventories WHERE lower(Id) = lower($id)", ("$id", inventoryId))).ShouldBe("Locked");
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM workflow_events WHERE lower(InventoryId) = lower($id)", ("$id", inventoryId))).ShouldBe(4);
    }
}
