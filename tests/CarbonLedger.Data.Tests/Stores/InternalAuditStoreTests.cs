using CarbonLedger.Data.Demo;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Testing.Databases;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Stores;

/// <summary>Internal audit (seed 002 肆 內部稽核; SPEC §2) on both real engines: checklists pre-filled with the seed's
/// checks, findings and corrective actions, each write with its ledger entry, each query within one organization.</summary>
public sealed class InternalAuditStoreTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 8, 30);

    private static async Task<(TestDatabase Db, CarbonLedgerDbContext Ctx, DemoSeedResult Demo, InternalAuditStore Store, LedgerStore Ledger)> SetUpAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var ctx = db.CreateContext();
        var clock = new FakeClock(Now);
        var demo = await DemoSeeder.EnsureDemoAsync(ctx, clock);
        return (db, ctx, demo, new InternalAuditStore(ctx, clock), new LedgerStore(ctx, clock));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CreateChecklistAsync_WithoutItems_PrefillsTheSeedChecksAndAppendsOneLedgerEntry(DatabaseProvider provider)
    {
        // Given the demo organization and its ledger head
        var (db, ctx, demo, store, ledger) = await SetUpAsync(provider);
        await using var _ = db;
        await using var __ = ctx;
        var head = await ledger.HeadAsync(demo.OrganizationId);

        // When a checklist is created for the demo inventory without items
        var created = await store.CreateChecklistAsync(demo.OrganizationId, new ChecklistInput(demo.InventoryId, null), "auditor@example.com");

        // Then it carries the default items in order, all open, and the ledger gained one "checklist" entry
        created.Succeeded.ShouldBeTrue(string.Join("; ", created.Problems));
        var checklist = (await store.ChecklistAsync(demo.OrganizationId, created.Value.Id))!;
        checklist.Title.ShouldBe(InternalAuditStore.DefaultTitle);
        checklist.InventoryId.ShouldBe(demo.InventoryId);
        checklist.Items.Select(i => i.Text).ShouldBe(InternalAuditStore.DefaultItems);
        checklist.Items.Select(i => i.Position).ShouldBe(Enumerable.Range(1, InternalAuditStore.DefaultItems.Count));
        checklist.Items.ShouldAllBe(i => i.Result == "open" && i.CheckedBy == null);
        checklist.Items.ShouldContain(i => i.Text.Contains("GWP", StringComparison.Ordinal));
        checklist.Items.ShouldContain(i => i.Text.Contains("基準年", StringComparison.Ordinal));
        var entries = await ledger.ListAsync(demo.OrganizationId, head);
        var entry = entries.ShouldHaveSingleItem();
        entry.EntityKind.ShouldBe("checklist");
        entry.EntityId.ShouldBe(checklist.Id.ToString("D"));
        entry.Actor.ShouldBe("auditor@example.com");
        (await ledger.VerifyAsync(demo.OrganizationId)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetItemResultAsync_Pass_RecordsResultNoteWhoAndWhen(DatabaseProvider provider)
    {
        // Given a checklist with two items
        var (db, ctx, demo, store, ledger) = await SetUpAsync(provider);
        await using var _ = db;
        await using var __ = ctx;
        var checklist = (await store.CreateChecklistAsync(demo.OrganizationId, new ChecklistInput(null, "Q1 稽核", ["邊界 boundary", "係數 factors"]), "lead")).Value;
        var head = await ledger.HeadAsync(demo.OrganizationId);

        // When the second item passes with a note
        var set = await store.SetItemResultAsync(demo.OrganizationId, checklist.Id, checklist.Items[1].Id, "PASS", " MOENV 2024 v1 cited ", "auditor");

        // Then the result, trimmed note, checker and the clock's instant are stored, the first item is untouched
        set.Succeeded.ShouldBeTrue(string.Join("; ", set.Problems));
        var stored = (await store.ChecklistAsync(demo.OrganizationId, checklist.Id))!;
        stored.Items[1].ShouldBe(checklist.Items[1] with { Result = "pass", Note = "MOENV 2024 v1 cited", CheckedBy = "auditor", CheckedAt = Now });
        stored.Items[0].Result.ShouldBe("open");
        (await ledger.ListAsync(demo.OrganizationId, head)).ShouldHaveSingleItem().Action.ShouldBe("check");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task SetItemResultAsync_BadResultAndUnknownItem_ListsBothFieldsAndWritesNothing(DatabaseProvider provider)
    {
        // Given a checklist
        var (db, ctx, demo, store, ledger) = await SetUpAsync(provider);
        await using var _ = db;
        await using var __ = ctx;
        var checklist = (await store.CreateChecklistAsync(demo.OrganizationId, new ChecklistInput(null, null), "lead")).Value;
        var head = await ledger.HeadAsync(demo.OrganizationId);

        // When a result that is not a result is set on an item that does not exist
        var set = await store.SetItemResultAsync(demo.OrganizationId, checklist.Id, Guid.NewGuid(), "maybe", null, "auditor");

        // Then both fields are named and the ledger is unchanged
        set.Problems.Select(p => p.Location.Field).ShouldBe(["result", "itemId"], ignoreOrder: true);
        (await ledger.HeadAsync(demo.OrganizationId)).ShouldBe(head);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task CreateFindingAsync_EveryFieldBad_ListsEveryField(DatabaseProvider provider)
    {
        // Given
        var (db, ctx, demo, store, _) = await SetUpAsync(provider);
        await using var d = db;
        await using var c = ctx;

        // When title, description, owner are empty, the severity and date invalid and the inventory unknown
        var created = await store.CreateFindingAsync(demo.OrganizationId, new FindingInput(Guid.NewGuid(), " ", null, "urgent", "", "2026-02-30"), "auditor");

        // Then every field is listed
        created.Problems.Select(p => p.Location.Field).ShouldBe(["title", "description", "severity", "owner", "dueDate", "inventoryId"], ignoreOrder: true);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task SetFindingStatusAsync_CloseWithOpenAction_RefusedUntilTheActionIsDone(DatabaseProvider provider)
    {
        // Given a high-severity finding with one corrective action
        var (db, ctx, demo, store, ledger) = await SetUpAsync(provider);
        await using var _ = db;
        await using var __ = ctx;
        var head = await ledger.HeadAsync(demo.OrganizationId);
        var finding = await store.CreateFindingAsync(demo.OrganizationId,
            new FindingInput(demo.InventoryId, "電費單缺漏 Missing March bill", "The March electricity bill of TPE is not on file.", "High", "Facilities team", "2026-04-30"), "auditor");
        finding.Succeeded.ShouldBeTrue(string.Join("; ", finding.Problems));
        var action = await store.AddCorrectiveActionAsync(demo.OrganizationId, finding.Value.Id,
            new CorrectiveActionInput("Request a copy from Taipower", "Amy", "2026-04-15"), "auditor");
        action.Succeeded.ShouldBeTrue(string.Join("; ", action.Problems));

        // When it is closed while the action is open
        var early = await store.SetFindingStatusAsync(demo.OrganizationId, finding.Value.Id, "closed", "auditor");

        // Then it is refused naming the status
        early.Problems.ShouldHaveSingleItem().Location.Field.ShouldBe("status");

        // When the action is done and the finding closed
        var done = await store.SetCorrectiveActionStatusAsync(demo.OrganizationId, finding.Value.Id, action.Value.Id, "done", "amy");
        var closed = await store.SetFindingStatusAsync(demo.OrganizationId, finding.Value.Id, "closed", "auditor");

        // Then both are stored, the completion stamped with the clock, and the ledger holds the four writes in order
        done.Value.CompletedAt.ShouldBe(Now);
        closed.Succeeded.ShouldBeTrue(string.Join("; ", closed.Problems));
        var stored = (await store.FindingAsync(demo.OrganizationId, finding.Value.Id))!;
        stored.Status.ShouldBe("closed");
        stored.Severity.ShouldBe("high");
        stored.DueDate.ShouldBe(new LocalDate(2026, 4, 30));
        stored.Actions.ShouldHaveSingleItem().Status.ShouldBe("done");
        (await ledger.ListAsync(demo.OrganizationId, head)).Select(e => (e.EntityKind, e.Action))
            .ShouldBe([("finding", "create"), ("corrective-action", "create"), ("corrective-action", "update"), ("finding", "update")]);
        (await ledger.VerifyAsync(demo.OrganizationId)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Queries_AnotherOrganization_SeeNothingAndWriteNothing(DatabaseProvider provider)
    {
        // Given a checklist and a finding of the demo organization, and a second organization
        var (db, ctx, demo, store, _) = await SetUpAsync(provider);
        await using var d = db;
        await using var c = ctx;
        var other = new Organization(Guid.NewGuid(), "Other Co.", ConsolidationApproach.OperationalControl, 2024);
        await new InventoryStore(ctx, new FakeClock(Now)).CreateOrganizationAsync(other);
        var checklist = (await store.CreateChecklistAsync(demo.OrganizationId, new ChecklistInput(null, null), "lead")).Value;
        var finding = (await store.CreateFindingAsync(demo.OrganizationId, new FindingInput(null, "t", "d", "low", "o", "2026-05-01"), "lead")).Value;

        // When the other organization reads and writes them
        var checklists = await store.ChecklistsAsync(other.Id);
        var findings = await store.FindingsAsync(other.Id);
        var one = await store.FindingAsync(other.Id, finding.Id);
        var set = await store.SetItemResultAsync(other.Id, checklist.Id, checklist.Items[0].Id, "pass", null, "intruder");
        var action = await store.AddCorrectiveActionAsync(other.Id, finding.Id, new CorrectiveActionInput("x", "y", "2026-05-01"), "intruder");
        var checklistOnOther = await store.CreateChecklistAsync(other.Id, new ChecklistInput(demo.InventoryId, null), "intruder");

        // Then nothing is visible and every write names the foreign id as unknown
        checklists.ShouldBeEmpty();
        findings.ShouldBeEmpty();
        one.ShouldBeNull();
        set.Problems.ShouldHaveSingleItem().Location.Field.ShouldBe("checklistId");
        action.Problems.ShouldHaveSingleItem().Location.Field.ShouldBe("findingId");
        checklistOnOther.Problems.ShouldHaveSingleItem().Location.Field.ShouldBe("inventoryId");
        (await store.ChecklistAsync(demo.OrganizationId, checklist.Id))!.Items[0].Result.ShouldBe("open");
    }
}
