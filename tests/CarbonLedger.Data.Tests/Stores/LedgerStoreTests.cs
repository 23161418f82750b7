using System.Globalization;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Testing.Databases;
using CarbonLedger.Units;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Stores;

/// <summary>SPEC §2 on both real engines: every write appends hash-chained ledger entries in its transaction, and
/// verification names the first entry altered — in the chain or in the data behind it.</summary>
public sealed class LedgerStoreTests
{
    private static readonly Instant Now = Instant.FromUtc(2025, 3, 1, 9, 0);

    /// <summary>One entity, one facility, one electricity source, three monthly bills and one instrument. The February
    /// bill has a quantity with twelve decimals (the columns keep ten: numeric(28,10)) and every bill an entry time with
    /// sub-microsecond digits, to probe that the ledger content of what is stored reads back equal on both engines.</summary>
    private static (Organization Org, ChangeSet Changes) Organization(Guid orgId)
    {
        var org = new Organization(orgId, "Ledger Co.", ConsolidationApproach.OperationalControl, 2024);
        var entity = new LegalEntity(DeterministicGuid.For(orgId, "entity", "Ledger Co."), "Ledger Co.", 100m);
        var site = new Facility(DeterministicGuid.For(orgId, "facility", "HQ"), entity.Id, "HQ", "Head office");
        var power = new EmissionSource(DeterministicGuid.For(orgId, "source", "E1"), site.Id, "E1", "Grid electricity", SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey);
        var enteredAt = Now.PlusNanoseconds(123_456_789); // .123456789 s: PostgreSQL keeps .123456
        var activities = new[] { 1_000m, 1_234.567890123456m, 16_243m }.Select((kwh, i) =>
        {
            var start = new LocalDate(2024, i + 1, 1);
            return new ActivityRecord(ActivityId(orgId, i + 1), power.Id, new Quantity(kwh, UnitCatalog.KilowattHour),
                new DateInterval(start, start.PlusMonths(1).PlusDays(-1)), DataQualityLevel.Measured, "tester", enteredAt,
                $"INV-{i + 1:00}", 2.5m, "電費單");
        }).ToList();
        var rec = ContractualInstrument.FromRecCount(DeterministicGuid.For(orgId, "instrument", "T-REC-1"), "T-REC-1", 3m,
            new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)), site.Id);
        return (org, new ChangeSet { LegalEntities = [entity], Facilities = [site], Sources = [power], Activities = activities, Instruments = [rec], Origin = "test" });
    }

    private static Guid ActivityId(Guid orgId, int month) => DeterministicGuid.For(orgId, "activity", "E1", month.ToString(CultureInfo.InvariantCulture));

    private static async Task<Guid> SeedAsync(TestDatabase db)
    {
        var orgId = Guid.NewGuid();
        var (org, changes) = Organization(orgId);
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, new FakeClock(Now));
        await store.CreateOrganizationAsync(org);
        var applied = await store.ApplyAsync(orgId, changes, "tester");
        applied.Succeeded.ShouldBeTrue(string.Join("; ", applied.Problems));
        return orgId;
    }

    private static async Task<LedgerVerification> VerifyAsync(TestDatabase db, Guid orgId)
    {
        await using var ctx = db.CreateContext();
        return await new LedgerStore(ctx, new FakeClock(Now)).VerifyAsync(orgId);
    }

    private static async Task<IReadOnlyList<LedgerEntry>> EntriesAsync(TestDatabase db, Guid orgId)
    {
        await using var ctx = db.CreateContext();
        return await new LedgerStore(ctx, new FakeClock(Now)).ListAsync(orgId, take: 1000);
    }

    // Raw SQL as an intruder would write it: ids as EF stores them (SQLite: upper-case text; PostgreSQL: uuid).
    private static object IdParameter(TestDatabase db, Guid id) => db.Provider == DatabaseProvider.Sqlite ? id.ToString().ToUpperInvariant() : id;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_NewChangeSet_AppendsOneCreateEntryPerRowAndVerifies(DatabaseProvider provider)
    {
        // Given a migrated database
        await using var db = await TestDatabase.CreateAsync(provider);

        // When 1 entity + 1 facility + 1 source + 1 instrument + 3 activities are applied
        var orgId = await SeedAsync(db);

        // Then 7 "create" entries, numbered 1..7, in the store's write order (entities, facilities, sources, instruments,
        // then activities), each by the applying user and naming its row
        var entries = await EntriesAsync(db, orgId);
        entries.Select(e => e.Sequence).ShouldBe([1L, 2, 3, 4, 5, 6, 7]);
        entries.ShouldAllBe(e => e.Action == "create" && e.Actor == "tester");
        entries.Select(e => e.EntityKind).ShouldBe([LedgerContent.LegalEntity, LedgerContent.Facility, LedgerContent.Source,
            LedgerContent.Instrument, LedgerContent.Activity, LedgerContent.Activity, LedgerContent.Activity]);
        entries.Where(e => e.EntityKind == LedgerContent.Activity).Select(e => e.EntityId).Order()
            .ShouldBe(new[] { 1, 2, 3 }.Select(m => ActivityId(orgId, m).ToString("D")).Order());
        entries[0].PreviousHash.ShouldBe(HashChain.Genesis);
        var result = await VerifyAsync(db, orgId);
        result.IsValid.ShouldBeTrue(result.Message);
        result.EntriesChecked.ShouldBe(7);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_IdenticalChangeSetAgain_AppendsNothing(DatabaseProvider provider)
    {
        // Given the change set applied once (7 entries)
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await SeedAsync(db);
        var (_, changes) = Organization(orgId);

        // When the identical change set is applied again
        await using (var ctx = db.CreateContext())
        {
            (await new InventoryStore(ctx, new FakeClock(Now)).ApplyAsync(orgId, changes, "tester")).Succeeded.ShouldBeTrue();
        }

        // Then what was stored reads back to the same ledger content on this engine, so no row is recorded again
        var entries = await EntriesAsync(db, orgId);
        entries.Count.ShouldBe(7, string.Join("\n", entries.Skip(7).Select(e => $"{e.EntityKind} {e.Content}")));
        (await VerifyAsync(db, orgId)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_OneActivityChanged_AppendsOneUpdateEntry(DatabaseProvider provider)
    {
        // Given the change set applied once
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await SeedAsync(db);
        var (_, changes) = Organization(orgId);
        var march = changes.Activities[2];

        // When the March bill is corrected from 16,243 to 16,234 kWh and the whole set applied again
        var corrected = changes with { Activities = [changes.Activities[0], changes.Activities[1], new ActivityRecord(march.Id, march.SourceId, new Quantity(16_234m, UnitCatalog.KilowattHour), march.Period, march.Quality,
            march.EnteredBy, march.EnteredAt, march.Evidence, march.UncertaintyPercent, march.Note)] };
        await using (var ctx = db.CreateContext())
        {
            (await new InventoryStore(ctx, new FakeClock(Now)).ApplyAsync(orgId, corrected, "editor")).Succeeded.ShouldBeTrue();
        }

        // Then exactly one entry (#8) is appended: an update of that activity recording the new quantity
        var entries = await EntriesAsync(db, orgId);
        entries.Count.ShouldBe(8);
        var update = entries[^1];
        update.Sequence.ShouldBe(8);
        update.Action.ShouldBe("update");
        update.Actor.ShouldBe("editor");
        update.EntityKind.ShouldBe(LedgerContent.Activity);
        update.EntityId.ShouldBe(march.Id.ToString("D"));
        update.Content.ShouldContain("\"quantity\":\"16234\"");
        (await VerifyAsync(db, orgId)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task VerifyAsync_ActivityQuantityChangedWithRawSql_DataDiffersNamingItsEntry(DatabaseProvider provider)
    {
        // Given a verified ledger, and the entry that recorded the March bill
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await SeedAsync(db);
        var marchId = ActivityId(orgId, 3);
        var recorded = (await EntriesAsync(db, orgId)).Single(e => e.EntityId == marchId.ToString("D"));

        // When someone edits the quantity in the database, behind the application
        await using (var ctx = db.CreateContext())
        {
            var changed = await ctx.Database.ExecuteSqlRawAsync("UPDATE activities SET \"Quantity\" = {0} WHERE \"Id\" = {1}",
                [db.Provider == DatabaseProvider.Sqlite ? "1624.3" : 1624.3m, IdParameter(db, marchId)]);
            changed.ShouldBe(1);
        }
        var result = await VerifyAsync(db, orgId);

        // Then the chain itself is intact (all 7 entries check) but the row no longer matches what that entry recorded
        result.IsValid.ShouldBeFalse();
        result.Fault.ShouldBe(LedgerFault.DataDiffers);
        result.FirstAlteredSequence.ShouldBe(recorded.Sequence);
        result.EntriesChecked.ShouldBe(7);
        result.Message.ShouldContain(marchId.ToString("D"));
        result.Message.ShouldContain($"#{recorded.Sequence}");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task VerifyAsync_LedgerContentEdited_ContentAlteredAtThatSequence(DatabaseProvider provider)
    {
        // Given a verified ledger of 7 entries
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await SeedAsync(db);

        // When entry #5's content is rewritten in the database
        await using (var ctx = db.CreateContext())
        {
            var changed = await ctx.LedgerEntries.Where(e => e.OrganizationId == orgId && e.Sequence == 5)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Content, e => e.Content.Replace("\"quantity\":\"", "\"quantity\":\"9")));
            changed.ShouldBe(1);
        }
        var result = await VerifyAsync(db, orgId);

        // Then the chain stops at #5: its content no longer hashes to its stored content hash (4 entries checked before it)
        result.IsValid.ShouldBeFalse();
        result.Fault.ShouldBe(LedgerFault.ContentAltered);
        result.FirstAlteredSequence.ShouldBe(5);
        result.EntriesChecked.ShouldBe(4);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task VerifyAsync_LedgerEntryDeleted_SequenceGap(DatabaseProvider provider)
    {
        // Given a verified ledger of 7 entries
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await SeedAsync(db);

        // When entry #3 is deleted
        await using (var ctx = db.CreateContext())
        {
            (await ctx.LedgerEntries.Where(e => e.OrganizationId == orgId && e.Sequence == 3).ExecuteDeleteAsync()).ShouldBe(1);
        }
        var result = await VerifyAsync(db, orgId);

        // Then #4 follows #2: a gap named at #4
        result.IsValid.ShouldBeFalse();
        result.Fault.ShouldBe(LedgerFault.SequenceGap);
        result.FirstAlteredSequence.ShouldBe(4);
        result.EntriesChecked.ShouldBe(2);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task HeadAsync_AfterWrites_IsTheLatestSequenceAndListPagesAfterIt(DatabaseProvider provider)
    {
        // Given 7 entries
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await SeedAsync(db);
        await using var ctx = db.CreateContext();
        var ledger = new LedgerStore(ctx, new FakeClock(Now));

        // When / Then the head is 7, the count 7, and a page after #5 holds #6 and #7
        (await ledger.HeadAsync(orgId)).ShouldBe(7);
        (await ledger.CountAsync(orgId)).ShouldBe(7);
        (await ledger.ListAsync(orgId, afterSequence: 5)).Select(e => e.Sequence).ShouldBe([6L, 7]);
        (await ledger.ListAsync(orgId, take: 2)).Select(e => e.Sequence).ShouldBe([1L, 2]);
        (await ledger.HeadAsync(Guid.NewGuid())).ShouldBe(0);
    }
}
