using System.Globalization;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Testing.Databases;
using CarbonLedger.Units;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Stores;

/// <summary>SPEC §2 on both real engines: "draft → submitted → reviewed → approved → locked; a locked inventory cannot
/// change except through a recorded restatement", each step by its role, recorded in the history and the ledger.</summary>
public sealed class WorkflowStoreTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 1, 9, 0);

    private sealed record Seeded(Guid OrgId, Guid InventoryId, ChangeSet Changes, FakeClock Clock);

    /// <summary>One source with two 2024 bills (ledger entries #1–#5: entity, facility, source, two activities) and the
    /// FY2024 inventory (#6). The clock advances a second per reading, as a real one would between steps.</summary>
    private static async Task<Seeded> SeedAsync(TestDatabase db)
    {
        var clock = new FakeClock(Now, Duration.FromSeconds(1));
        var orgId = Guid.NewGuid();
        var entity = new LegalEntity(DeterministicGuid.For(orgId, "entity", "Flow Co."), "Flow Co.", 100m);
        var site = new Facility(DeterministicGuid.For(orgId, "facility", "HQ"), entity.Id, "HQ", "Head office");
        var power = new EmissionSource(DeterministicGuid.For(orgId, "source", "E1"), site.Id, "E1", "Grid electricity", SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey);
        var activities = new[] { 1, 2 }.Select(m => Bill(orgId, power.Id, m, 1_000m)).ToList();
        var changes = new ChangeSet { LegalEntities = [entity], Facilities = [site], Sources = [power], Activities = activities, Origin = "test" };
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, clock);
        await store.CreateOrganizationAsync(new Organization(orgId, "Flow Co.", ConsolidationApproach.OperationalControl, 2024));
        (await store.ApplyAsync(orgId, changes, "tester")).Succeeded.ShouldBeTrue();
        var inventoryId = await store.CreateInventoryAsync(orgId, "FY2024", ReportingPeriod.Year(2024), "AR5", createdBy: "admin");
        return new Seeded(orgId, inventoryId, changes, clock);
    }

    private static ActivityRecord Bill(Guid orgId, Guid sourceId, int month, decimal kwh)
    {
        var start = new LocalDate(2024, month, 1);
        return new ActivityRecord(DeterministicGuid.For(orgId, "activity", "E1", month.ToString(CultureInfo.InvariantCulture)), sourceId,
            new Quantity(kwh, UnitCatalog.KilowattHour), new DateInterval(start, start.PlusMonths(1).PlusDays(-1)), DataQualityLevel.Measured, "tester", Now);
    }

    private static async Task<Outcome<InventoryStatus>> MoveAsync(TestDatabase db, Seeded s, WorkflowAction action, OrganizationRole role, string actor, string? reason = null)
    {
        await using var ctx = db.CreateContext();
        return await new WorkflowStore(ctx, s.Clock).TransitionAsync(s.OrgId, s.InventoryId, action, role, actor, reason);
    }

    private static async Task<Outcome<ApplyResult>> ApplyAsync(TestDatabase db, Seeded s, ChangeSet changes)
    {
        await using var ctx = db.CreateContext();
        return await new InventoryStore(ctx, s.Clock).ApplyAsync(s.OrgId, changes, "editor");
    }

    private static async Task<IReadOnlyList<LedgerEntry>> LedgerAsync(TestDatabase db, Seeded s)
    {
        await using var ctx = db.CreateContext();
        return await new LedgerStore(ctx, s.Clock).ListAsync(s.OrgId, take: 1000);
    }

    private static async Task<string> StatusAsync(TestDatabase db, Seeded s)
    {
        await using var ctx = db.CreateContext();
        return (await new InventoryStore(ctx, s.Clock).FindInventoryAsync(s.OrgId, s.InventoryId))!.Status;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TransitionAsync_FullCycleWithRestatement_EnforcesRolesLockAndRecordsEveryStep(DatabaseProvider provider)
    {
        // Given the FY2024 draft with two January/February bills
        await using var db = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(db);
        (await LedgerAsync(db, s)).Count.ShouldBe(6);

        // When a viewer tries to submit, the contributor submits, and the contributor then tries to review its own work
        var viewerSubmit = await MoveAsync(db, s, WorkflowAction.Submit, OrganizationRole.Viewer, "vera");
        var submit = await MoveAsync(db, s, WorkflowAction.Submit, OrganizationRole.Contributor, "carl");
        var contributorReview = await MoveAsync(db, s, WorkflowAction.Review, OrganizationRole.Contributor, "carl");

        // Then only the submission moved the inventory; the refusals say which role may not do what
        viewerSubmit.Succeeded.ShouldBeFalse();
        viewerSubmit.Problems.Single().Message.ShouldBe("a viewer may not submit an inventory");
        submit.Value.ShouldBe(InventoryStatus.Submitted);
        contributorReview.Problems.Single().Message.ShouldBe("a contributor may not review an inventory");
        (await StatusAsync(db, s)).ShouldBe("Submitted");

        // When the reviewer reviews, a reviewer tries to approve, the administrator approves and locks
        (await MoveAsync(db, s, WorkflowAction.Review, OrganizationRole.Reviewer, "rita")).Value.ShouldBe(InventoryStatus.Reviewed);
        (await MoveAsync(db, s, WorkflowAction.Approve, OrganizationRole.Reviewer, "rita")).Problems.Single().Message
            .ShouldBe("a reviewer may not approve an inventory");
        (await MoveAsync(db, s, WorkflowAction.Approve, OrganizationRole.Administrator, "ada")).Value.ShouldBe(InventoryStatus.Approved);
        (await MoveAsync(db, s, WorkflowAction.Lock, OrganizationRole.Administrator, "ada")).Value.ShouldBe(InventoryStatus.Locked);
        (await StatusAsync(db, s)).ShouldBe("Locked");

        // When February's bill is corrected while FY2024 is locked
        var february = Bill(s.OrgId, s.Changes.Sources[0].Id, 2, 1_100m);
        var refused = await ApplyAsync(db, s, new ChangeSet { Activities = [february], Origin = "correction" });

        // Then nothing is written: the problem names the activity, the inventory, its state and the way out
        refused.Succeeded.ShouldBeFalse();
        var problem = refused.Problems.ShouldHaveSingleItem();
        problem.Location.Field.ShouldBe($"activity {february.Id}");
        problem.Message.ShouldBe("falls in inventory 'FY2024', which is locked: record a restatement to reopen it");
        (await LedgerAsync(db, s)).Count.ShouldBe(6 + 4 * 2); // four transitions × (workflow entry + inventory update)

        // When a restatement is asked without a reason, then with one
        var noReason = await MoveAsync(db, s, WorkflowAction.Restate, OrganizationRole.Administrator, "ada", "  ");
        var restate = await MoveAsync(db, s, WorkflowAction.Restate, OrganizationRole.Administrator, "ada", "February bill re-issued by Taipower");

        // Then only the reasoned one reopens FY2024 as a draft, and the correction now goes in as one update entry
        noReason.Problems.Single().Location.Field.ShouldBe("reason");
        restate.Value.ShouldBe(InventoryStatus.Draft);
        var applied = await ApplyAsync(db, s, new ChangeSet { Activities = [february], Origin = "correction" });
        applied.Succeeded.ShouldBeTrue(string.Join("; ", applied.Problems));
        applied.Value.Updated.ShouldBe(1);

        // And the history holds the five transitions in order, with actor and reason
        await using var ctx = db.CreateContext();
        var history = await new WorkflowStore(ctx, s.Clock).HistoryAsync(s.OrgId, s.InventoryId);
        history.Select(h => (h.Action, h.From, h.To, h.Actor)).ShouldBe(
        [
            (WorkflowAction.Submit, InventoryStatus.Draft, InventoryStatus.Submitted, "carl"),
            (WorkflowAction.Review, InventoryStatus.Submitted, InventoryStatus.Reviewed, "rita"),
            (WorkflowAction.Approve, InventoryStatus.Reviewed, InventoryStatus.Approved, "ada"),
            (WorkflowAction.Lock, InventoryStatus.Approved, InventoryStatus.Locked, "ada"),
            (WorkflowAction.Restate, InventoryStatus.Locked, InventoryStatus.Draft, "ada"),
        ]);
        history[^1].Reason.ShouldBe("February bill re-issued by Taipower");

        // And the ledger: 6 seed entries + 5 transitions × 2 + 1 activity update = 17, all verifying
        var ledger = await LedgerAsync(db, s);
        ledger.Count.ShouldBe(17);
        var workflow = ledger.Where(e => e.EntityKind == "workflow").ToList();
        workflow.Select(e => (e.Action, e.Actor)).ShouldBe([("submit", "carl"), ("review", "rita"), ("approve", "ada"), ("lock", "ada"), ("restate", "ada")]);
        workflow.Select(e => e.EntityId).ShouldBe(history.Select(h => h.Id.ToString("D")));
        workflow[0].Content.ShouldContain("\"role\":\"contributor\"");
        workflow[1].Content.ShouldContain("\"role\":\"reviewer\"");
        workflow[^1].Content.ShouldContain("\"reason\":\"February bill re-issued by Taipower\"");
        workflow[^1].Content.ShouldContain("\"from\":\"Locked\"");
        ledger.Where(e => e.EntityKind == LedgerContent.Inventory && e.Action == "update").Select(e => e.Content)
            .ShouldAllBe(c => c.Contains("\"status\":"));
        ledger[^1].Action.ShouldBe("update");
        ledger[^1].EntityId.ShouldBe(february.Id.ToString("D"));
        var verification = await new LedgerStore(ctx, s.Clock).VerifyAsync(s.OrgId);
        verification.IsValid.ShouldBeTrue(verification.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task HistoryAsync_StepsAtTheSameInstant_InTheOrderTaken(DatabaseProvider provider)
    {
        // Given FY2024 and a clock that does not move (steps scripted within one clock reading)
        await using var db = await TestDatabase.CreateAsync(provider);
        var seeded = await SeedAsync(db);
        var s = seeded with { Clock = new FakeClock(Now.Plus(Duration.FromHours(1))) };

        // When five steps are taken at that one instant
        (await MoveAsync(db, s, WorkflowAction.Submit, OrganizationRole.Contributor, "carl")).Succeeded.ShouldBeTrue();
        (await MoveAsync(db, s, WorkflowAction.Return, OrganizationRole.Reviewer, "rita", "Q3 bills missing")).Succeeded.ShouldBeTrue();
        (await MoveAsync(db, s, WorkflowAction.Submit, OrganizationRole.Contributor, "carl")).Succeeded.ShouldBeTrue();
        (await MoveAsync(db, s, WorkflowAction.Review, OrganizationRole.Reviewer, "rita")).Succeeded.ShouldBeTrue();
        (await MoveAsync(db, s, WorkflowAction.Approve, OrganizationRole.Administrator, "ada")).Succeeded.ShouldBeTrue();

        // Then the history lists them as taken (the ledger's order), not by their equal times
        await using var ctx = db.CreateContext();
        var history = await new WorkflowStore(ctx, s.Clock).HistoryAsync(s.OrgId, s.InventoryId);
        history.Select(h => h.Action).ShouldBe([WorkflowAction.Submit, WorkflowAction.Return, WorkflowAction.Submit, WorkflowAction.Review, WorkflowAction.Approve]);
        history[1].Reason.ShouldBe("Q3 bills missing");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_ActivityOutsideASubmittedInventorysPeriod_IsAccepted(DatabaseProvider provider)
    {
        // Given FY2024 submitted
        await using var db = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(db);
        (await MoveAsync(db, s, WorkflowAction.Submit, OrganizationRole.Contributor, "carl")).Succeeded.ShouldBeTrue();

        // When a January 2025 bill and a February 2024 correction are applied together
        var inside = Bill(s.OrgId, s.Changes.Sources[0].Id, 2, 1_100m);
        var start = new LocalDate(2025, 1, 1);
        var outside = new ActivityRecord(Guid.NewGuid(), s.Changes.Sources[0].Id, new Quantity(900m, UnitCatalog.KilowattHour),
            new DateInterval(start, new LocalDate(2025, 1, 31)), DataQualityLevel.Measured, "tester", Now);
        var both = await ApplyAsync(db, s, new ChangeSet { Activities = [inside, outside] });
        var onlyOutside = await ApplyAsync(db, s, new ChangeSet { Activities = [outside] });

        // Then the batch with the 2024 row is refused whole (the submitted inventory must be returned to draft first),
        // while the 2025 row alone is outside every closed period and goes in
        both.Problems.Single().Message.ShouldBe("falls in inventory 'FY2024', which is submitted: return it to draft first");
        onlyOutside.Succeeded.ShouldBeTrue(string.Join("; ", onlyOutside.Problems));
        onlyOutside.Value.Inserted.ShouldBe(1);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_ActivityInALockedInventorysPeriod_RefusalCarriesTheZhTwMessage(DatabaseProvider provider)
    {
        // Given FY2024 taken through submit, review, approve and lock
        await using var db = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(db);
        (await MoveAsync(db, s, WorkflowAction.Submit, OrganizationRole.Contributor, "carl")).Succeeded.ShouldBeTrue();
        (await MoveAsync(db, s, WorkflowAction.Review, OrganizationRole.Reviewer, "rita")).Succeeded.ShouldBeTrue();
        (await MoveAsync(db, s, WorkflowAction.Approve, OrganizationRole.Administrator, "ada")).Succeeded.ShouldBeTrue();
        (await MoveAsync(db, s, WorkflowAction.Lock, OrganizationRole.Administrator, "ada")).Succeeded.ShouldBeTrue();

        // When February's bill is corrected while FY2024 is locked
        var february = Bill(s.OrgId, s.Changes.Sources[0].Id, 2, 1_100m);
        var refused = await ApplyAsync(db, s, new ChangeSet { Activities = [february], Origin = "correction" });

        // Then the refusal says the same in Traditional Chinese (issue 3 item 1 "zh-TW and English, every string
        // localized"): the inventory by name, its state (已鎖定, the UI's label) and the way out (重編, the UI's word for a
        // restatement), under the same field; the English text is unchanged
        var problem = refused.Problems.ShouldHaveSingleItem();
        problem.Message.ShouldBe("falls in inventory 'FY2024', which is locked: record a restatement to reopen it");
        problem.MessageZhTw.ShouldBe("落在盤查清冊「FY2024」的期間內，該清冊已鎖定：請先記錄重編以重新開啟");
        problem.ToString(zhTw: true).ShouldBe($"欄位「activity {february.Id}」：落在盤查清冊「FY2024」的期間內，該清冊已鎖定：請先記錄重編以重新開啟");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AddCommentAsync_VerifierOnAnActivity_StoredListedAndInTheLedger(DatabaseProvider provider)
    {
        // Given FY2024
        await using var db = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(db);
        var activityId = s.Changes.Activities[0].Id.ToString("D");
        await using var ctx = db.CreateContext();
        var workflow = new WorkflowStore(ctx, s.Clock);

        // When an external verifier comments on January's bill, a viewer tries to, and a bad request is made
        var added = await workflow.AddCommentAsync(s.OrgId, s.InventoryId, "activity", activityId, "請提供一月電費單影本", "vic", OrganizationRole.Verifier);
        var viewer = await workflow.AddCommentAsync(s.OrgId, s.InventoryId, "activity", activityId, "looks fine", "vera", OrganizationRole.Viewer);
        var bad = await workflow.AddCommentAsync(s.OrgId, Guid.NewGuid(), "invoice", "", " ", "vic", OrganizationRole.Verifier);

        // Then the verifier's comment is stored with its role; the viewer is refused; the bad request lists every problem
        added.Succeeded.ShouldBeTrue(string.Join("; ", added.Problems));
        added.Value.AuthorRole.ShouldBe("verifier");
        viewer.Problems.Single().Message.ShouldBe("a viewer may not comment");
        bad.Problems.Select(p => p.Location.Field).ShouldBe(["targetKind", "targetId", "text", "inventoryId"]);
        var listed = await workflow.CommentsAsync(s.OrgId, s.InventoryId, "activity", activityId);
        listed.Single().Text.ShouldBe("請提供一月電費單影本");
        listed.Single().Author.ShouldBe("vic");
        (await workflow.CommentsAsync(s.OrgId, s.InventoryId, "source")).ShouldBeEmpty();

        // And the ledger has one more entry (#7), a comment naming the comment's id
        var ledger = await new LedgerStore(ctx, s.Clock).ListAsync(s.OrgId, take: 1000);
        ledger.Count.ShouldBe(7);
        ledger[^1].Action.ShouldBe("comment");
        ledger[^1].Actor.ShouldBe("vic");
        ledger[^1].EntityId.ShouldBe(added.Value.Id.ToString("D"));
        ledger[^1].Content.ShouldContain("請提供一月電費單影本");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TransitionAsync_UnknownInventory_ProblemOnInventoryId(DatabaseProvider provider)
    {
        // Given an organization without that inventory
        await using var db = await TestDatabase.CreateAsync(provider);
        var s = await SeedAsync(db);
        await using var ctx = db.CreateContext();

        // When
        var outcome = await new WorkflowStore(ctx, s.Clock).TransitionAsync(s.OrgId, Guid.NewGuid(), WorkflowAction.Submit, OrganizationRole.Administrator, "ada", null);

        // Then
        outcome.Problems.Single().Location.Field.ShouldBe("inventoryId");
        (await new LedgerStore(ctx, s.Clock).CountAsync(s.OrgId)).ShouldBe(6);
    }
}
