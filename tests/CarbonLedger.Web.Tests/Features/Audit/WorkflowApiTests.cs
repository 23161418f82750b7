using System.Net;
using System.Text.Json;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Audit;

/// <summary>The audit ledger over HTTP, the inventory workflow with its role rules (Core's InventoryWorkflow and
/// AccessRules), and comments (SPEC §2; issue 3 items 3-4).</summary>
public sealed class WorkflowApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string Org = AuditClients.Org;

    private string Workflow => $"{Org}/inventories/{app.DemoInventoryId}/workflow";

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string url, string? reason = null) =>
        reason is null ? await client.PostAsync(url, null) : await client.PostJsonAsync(url, new { reason });

    [Fact]
    public async Task Ledger_DemoOrganization_ListsChainedEntriesAndVerifies()
    {
        // Given the demo organization as the app seeded it, read by a viewer
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When the first page of two entries, the next page and the verification are read
        using var first = await viewer.GetAsync($"{Org}/ledger?take=2");
        var page = await first.JsonAsync();
        using var second = await viewer.GetAsync($"{Org}/ledger?take=2&after={page.GetProperty("next").GetInt64()}");
        using var verify = await viewer.GetAsync($"{Org}/ledger/verify");

        // Then entries 1 and 2 come first, entry 2 links to entry 1's hash, the next page starts at 3, and the chain is valid
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe([1L, 2L]);
        entries[1].GetProperty("previousHash").GetString().ShouldBe(entries[0].GetProperty("hash").GetString());
        page.GetProperty("head").GetInt64().ShouldBeGreaterThanOrEqualTo(2);
        (await second.JsonAsync()).GetProperty("entries")[0].GetProperty("sequence").GetInt64().ShouldBe(3);
        var result = await verify.JsonAsync();
        result.GetProperty("valid").GetBoolean().ShouldBeTrue(result.GetProperty("message").GetString());
        result.GetProperty("entriesChecked").GetInt64().ShouldBe(page.GetProperty("head").GetInt64());
        result.GetProperty("firstAlteredSequence").ValueKind.ShouldBe(JsonValueKind.Null);
        result.GetProperty("fault").GetString().ShouldBe("None");
    }

    [Fact]
    public async Task Ledger_BadPaging_ListsEveryField()
    {
        // Given
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When after is negative and take too large
        using var response = await viewer.GetAsync($"{Org}/ledger?after=-1&take=5000");

        // Then both are named
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).ErrorFields().ShouldBe(["after", "take"], ignoreOrder: true);
    }

    [Fact]
    public async Task Workflow_SubmitReviewApproveLockRestate_EachRoleOnlyItsStepAndLockedRefusesData()
    {
        // Given the demo's 2024 inventory (a draft) and a client per role
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        using var contributor = app.Client(WebAppFixture.DemoContributorToken);
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        using var reviewer = await AuditClients.WithRoleAsync(app, "reviewer");

        // When each step is tried first by a role without the right, then by the role with it
        using var viewerSubmit = await ActAsync(viewer, $"{Workflow}/submit");
        using var submit = await ActAsync(contributor, $"{Workflow}/submit");
        using var contributorReview = await ActAsync(contributor, $"{Workflow}/review");
        using var review = await ActAsync(reviewer, $"{Workflow}/review");
        using var reviewerApprove = await ActAsync(reviewer, $"{Workflow}/approve");
        using var approve = await ActAsync(admin, $"{Workflow}/approve");
        using var lockIt = await ActAsync(admin, $"{Workflow}/lock");

        // Then wrong roles get 403, right ones move the status one step each
        viewerSubmit.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        contributorReview.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        reviewerApprove.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await submit.JsonAsync()).GetProperty("status").GetString().ShouldBe("submitted");
        (await review.JsonAsync()).GetProperty("status").GetString().ShouldBe("reviewed");
        (await approve.JsonAsync()).GetProperty("status").GetString().ShouldBe("approved");
        (await lockIt.JsonAsync()).GetProperty("status").GetString().ShouldBe("locked");

        // When data inside the locked period is posted, the lock is repeated, and restate is tried without a reason
        using var activity = await admin.PostJsonAsync($"{Org}/activities",
            new { source = "ELEC-TPE", quantity = 10m, unit = "kWh", periodStart = "2024-06-01", periodEnd = "2024-06-30", quality = "measured", evidence = "WORKFLOW-LOCK" });
        using var lockAgain = await ActAsync(admin, $"{Workflow}/lock");
        using var restateNoReason = await ActAsync(admin, $"{Workflow}/restate");

        // Then the activity is refused naming the inventory, a second lock conflicts, and restate names the missing reason
        activity.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusal = (await activity.JsonAsync()).GetProperty("errors").EnumerateObject().SelectMany(p => p.Value.EnumerateArray()).Single().GetString();
        refusal.ShouldBe("falls in inventory '2024 溫室氣體盤查 GHG inventory', which is locked: record a restatement to reopen it");
        lockAgain.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await lockAgain.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("locked");
        restateNoReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await restateNoReason.JsonAsync()).ErrorFields().ShouldBe(["reason"]);

        // When the administrator restates with a reason
        using var restate = await ActAsync(admin, $"{Workflow}/restate", "更正三月電費 corrected March electricity bill");
        using var history = await viewer.GetAsync(Workflow);
        using var activityAfter = await admin.PostJsonAsync($"{Org}/activities",
            new { source = "ELEC-TPE", quantity = 10m, unit = "kWh", periodStart = "2024-06-01", periodEnd = "2024-06-30", quality = "measured", evidence = "WORKFLOW-LOCK" });

        // Then the inventory is a draft again, the history holds the five steps with the reason, and data can change
        (await restate.JsonAsync()).GetProperty("status").GetString().ShouldBe("draft");
        var h = await history.JsonAsync();
        h.GetProperty("status").GetString().ShouldBe("draft");
        var events = h.GetProperty("events").EnumerateArray().ToList();
        events.Select(e => e.GetProperty("action").GetString()).ShouldBe(["submit", "review", "approve", "lock", "restate"]);
        events[^1].GetProperty("reason").GetString().ShouldBe("更正三月電費 corrected March electricity bill");
        events[^1].GetProperty("from").GetString().ShouldBe("locked");
        activityAfter.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Workflow_UnknownActionOrInventory_Returns400Or404()
    {
        // Given
        using var admin = app.Client(WebAppFixture.DemoAdminToken);

        // When
        using var unknown = await ActAsync(admin, $"{Workflow}/publish");
        using var missing = await ActAsync(admin, $"{Org}/inventories/{Guid.NewGuid()}/workflow/submit");

        // Then
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.JsonAsync()).ErrorFields().ShouldBe(["action"]);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Comments_VerifierComments_ViewerRefused_BothRead()
    {
        // Given a verifier (read + comment) and a viewer
        using var verifier = await AuditClients.WithRoleAsync(app, "verifier");
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        var comments = $"{Org}/inventories/{app.DemoInventoryId}/comments";

        // When the verifier comments on the inventory and on a line, the viewer tries, and an empty comment on an unknown kind is posted
        using var onInventory = await verifier.PostJsonAsync(comments, new { text = "請補充冷媒逸散佐證 Please add refrigerant evidence" });
        using var onLine = await verifier.PostJsonAsync(comments, new { targetKind = "source", targetId = "ELEC-TPE", text = "Grid factor year?" });
        using var byViewer = await viewer.PostJsonAsync(comments, new { text = "me too" });
        using var empty = await verifier.PostJsonAsync(comments, new { targetKind = "planet", text = "" });
        using var list = await viewer.GetAsync(comments);
        using var filtered = await viewer.GetAsync($"{comments}?targetKind=source&targetId=ELEC-TPE");

        // Then
        onInventory.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await onInventory.JsonAsync();
        created.GetProperty("targetKind").GetString().ShouldBe("inventory");
        created.GetProperty("targetId").GetString().ShouldBe(app.DemoInventoryId.ToString("D"));
        created.GetProperty("authorRole").GetString().ShouldBe("verifier");
        onLine.StatusCode.ShouldBe(HttpStatusCode.Created);
        byViewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        // (the target id defaults to the inventory only for an inventory comment, so a "planet" without one names it too)
        (await empty.JsonAsync()).ErrorFields().ShouldBe(["targetKind", "targetId", "text"], ignoreOrder: true);
        (await list.JsonAsync()).GetArrayLength().ShouldBe(2);
        (await filtered.JsonAsync()).EnumerateArray().Single().GetProperty("text").GetString().ShouldBe("Grid factor year?");
    }

    [Fact]
    public async Task OrgBAdmin_DemoWorkflowLedgerAndComments_Returns404()
    {
        // Given organization B's administrator
        using var other = app.Client(WebAppFixture.OrgBAdminToken);

        // When it reads and writes the demo organization's ledger, workflow and comments
        using var ledger = await other.GetAsync($"{Org}/ledger");
        using var verify = await other.GetAsync($"{Org}/ledger/verify");
        using var history = await other.GetAsync(Workflow);
        using var submit = await ActAsync(other, $"{Workflow}/submit");
        using var comment = await other.PostJsonAsync($"{Org}/inventories/{app.DemoInventoryId}/comments", new { text = "hello" });
        // and uses its own organization's route with the demo's inventory id
        using var crossed = await ActAsync(other, $"/api/v1/organizations/{WebAppFixture.OrgBId}/inventories/{app.DemoInventoryId}/workflow/submit");

        // Then every answer is 404
        new[] { ledger, verify, history, submit, comment, crossed }.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.NotFound);
    }
}
