using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Testing.Databases;
using CarbonLedger.Units;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Stores;

/// <summary>The store on both real engines (STYLE.md: integration tests use a temporary SQLite file and a local PostgreSQL).</summary>
public sealed class InventoryStoreTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 3, 1, 9, 0));

    /// <summary>A one-site organization: 12 monthly electricity bills of 1,000 kWh and one diesel purchase.</summary>
    private static (Organization Org, ChangeSet Changes) SmallOrganization(Guid orgId)
    {
        var org = new Organization(orgId, "測試公司 Test Co.", ConsolidationApproach.OperationalControl, 2024);
        var entity = new LegalEntity(DeterministicGuid.For(orgId, "entity", "Test Co."), "Test Co.", 100m);
        var site = new Facility(DeterministicGuid.For(orgId, "facility", "HQ"), entity.Id, "HQ", "Head office");
        var power = new EmissionSource(DeterministicGuid.For(orgId, "source", "E1"), site.Id, "E1", "Grid electricity", SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey);
        var diesel = new EmissionSource(DeterministicGuid.For(orgId, "source", "G1"), site.Id, "G1", "Generator", SourceType.StationaryCombustion, "moenv604/stationary/diesel");
        var activities = Enumerable.Range(1, 12).Select(m =>
        {
            var start = new LocalDate(2024, m, 1);
            return new ActivityRecord(DeterministicGuid.For(orgId, "activity", "E1", m.ToString(System.Globalization.CultureInfo.InvariantCulture)), power.Id,
                new Quantity(1000m, UnitCatalog.KilowattHour), new DateInterval(start, start.PlusMonths(1).PlusDays(-1)),
                DataQualityLevel.Measured, "tester", Clock.GetCurrentInstant(), $"INV-{m:00}", 2.5m, "電費單");
        }).Append(new ActivityRecord(DeterministicGuid.For(orgId, "activity", "G1"), diesel.Id, new Quantity(200.125m, UnitCatalog.Litre),
            new DateInterval(new LocalDate(2024, 6, 1), new LocalDate(2024, 6, 30)), DataQualityLevel.Calculated, "tester", Clock.GetCurrentInstant()))
            .ToList();
        var rec = ContractualInstrument.FromRecCount(DeterministicGuid.For(orgId, "instrument", "T-REC-1"), "T-REC-1", 3m,
            new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31)), site.Id);
        return (org, new ChangeSet
        {
            LegalEntities = [entity], Facilities = [site], Sources = [power, diesel], Activities = activities, Instruments = [rec], Origin = "test",
        });
    }

    private static async Task<int> CountRowsAsync(TestDatabase db)
    {
        await using var ctx = db.CreateContext();
        return await ctx.Activities.CountAsync() + await ctx.Sources.CountAsync() + await ctx.Facilities.CountAsync()
            + await ctx.LegalEntities.CountAsync() + await ctx.Instruments.CountAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_FreshDatabase_LeavesNoPendingMigrationOrModelChange(DatabaseProvider provider)
    {
        // Given a migrated, empty database
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.CreateContext();

        // Then the migrations cover the whole model on this engine
        (await ctx.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        ctx.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_ChangeSet_RoundTripsEveryValue(DatabaseProvider provider)
    {
        // Given
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = Guid.NewGuid();
        var (org, changes) = SmallOrganization(orgId);
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        await store.CreateOrganizationAsync(org);

        // When
        var result = await store.ApplyAsync(orgId, changes, "tester");

        // Then: 1 entity + 1 facility + 2 sources + 1 instrument + 13 activities = 18 inserted
        result.Succeeded.ShouldBeTrue(string.Join("; ", result.Problems));
        result.Value.Inserted.ShouldBe(18);
        result.Value.Updated.ShouldBe(0);
        var snapshot = (await store.LoadAsync(orgId))!;
        snapshot.Organization.Name.ShouldBe("測試公司 Test Co.");
        snapshot.Sources.Select(s => s.Code).ShouldBe(["E1", "G1"]);
        snapshot.Instruments.Single().KilowattHours.ShouldBe(3000m); // 3 T-RECs × 1,000 kWh
        var activities = await store.LoadActivitiesAsync(orgId, ReportingPeriod.Year(2024));
        activities.Count.ShouldBe(13);
        var diesel = activities.Single(a => a.Evidence is null);
        diesel.Quantity.Value.ShouldBe(200.125m);
        diesel.Quantity.Unit.ShouldBe(UnitCatalog.Litre);
        var march = activities.Single(a => a.Evidence == "INV-03");
        march.Period.ShouldBe(new DateInterval(new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 31)));
        march.EnteredAt.ShouldBe(Clock.GetCurrentInstant());
        march.UncertaintyPercent.ShouldBe(2.5m);
        march.Note.ShouldBe("電費單");
        march.Quality.ShouldBe(DataQualityLevel.Measured);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_SameChangeSetTwice_UpdatesInsteadOfDuplicating(DatabaseProvider provider)
    {
        // Given a change set already applied once
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = Guid.NewGuid();
        var (org, changes) = SmallOrganization(orgId);
        await using (var ctx = db.CreateContext())
        {
            var store = new InventoryStore(ctx, Clock);
            await store.CreateOrganizationAsync(org);
            (await store.ApplyAsync(orgId, changes, "tester")).Succeeded.ShouldBeTrue();
        }
        var before = await CountRowsAsync(db);

        // When it is applied again
        await using var ctx2 = db.CreateContext();
        var again = await new InventoryStore(ctx2, Clock).ApplyAsync(orgId, changes, "tester");

        // Then nothing is inserted, all 18 rows are updated in place
        again.Value.Inserted.ShouldBe(0);
        again.Value.Updated.ShouldBe(18);
        (await CountRowsAsync(db)).ShouldBe(before);
        before.ShouldBe(18);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_ReferenceIntoAnotherOrganization_WritesNothing(DatabaseProvider provider)
    {
        // Given organization A with data, and organization B
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var (orgA, changesA) = SmallOrganization(a);
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        await store.CreateOrganizationAsync(orgA);
        await store.CreateOrganizationAsync(new Organization(b, "B", ConsolidationApproach.OperationalControl, 2024));
        (await store.ApplyAsync(a, changesA, "tester")).Succeeded.ShouldBeTrue();
        var before = await CountRowsAsync(db);

        // When B tries to add a source on A's facility and an activity on A's source
        var intruder = new EmissionSource(Guid.NewGuid(), changesA.Facilities[0].Id, "X1", "intruder", SourceType.StationaryCombustion, "moenv604/stationary/diesel");
        var activity = new ActivityRecord(Guid.NewGuid(), changesA.Sources[0].Id, new Quantity(1m, UnitCatalog.KilowattHour),
            new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31)), DataQualityLevel.Measured, "mallory", Clock.GetCurrentInstant());
        var result = await store.ApplyAsync(b, new ChangeSet { Sources = [intruder], Activities = [activity] }, "mallory");

        // Then both references are refused and no row was written
        result.Succeeded.ShouldBeFalse();
        result.Problems.Count.ShouldBe(2);
        result.Problems.ShouldContain(p => p.Message.Contains("is not a facility of this organization"));
        result.Problems.ShouldContain(p => p.Message.Contains("is not a source of this organization"));
        (await CountRowsAsync(db)).ShouldBe(before);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ApplyAsync_ActivityIdOwnedByAnotherOrganization_RollsBackTheWholeBatch(DatabaseProvider provider)
    {
        // Given A's data stored, and B about to import a batch whose last activity reuses one of A's activity ids
        await using var db = await TestDatabase.CreateAsync(provider);
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var (orgA, changesA) = SmallOrganization(a);
        var (orgB, changesB) = SmallOrganization(b);
        await using (var ctx = db.CreateContext())
        {
            var store = new InventoryStore(ctx, Clock);
            await store.CreateOrganizationAsync(orgA);
            await store.CreateOrganizationAsync(orgB);
            (await store.ApplyAsync(a, changesA, "tester")).Succeeded.ShouldBeTrue();
        }
        var before = await CountRowsAsync(db);
        var stolen = changesA.Activities[0];
        var clash = new ActivityRecord(stolen.Id, changesB.Sources[0].Id, new Quantity(999m, UnitCatalog.KilowattHour), stolen.Period,
            DataQualityLevel.Measured, "mallory", Clock.GetCurrentInstant());
        var batch = changesB with { Activities = [.. changesB.Activities, clash] };

        // When
        await using var ctx2 = db.CreateContext();
        await Should.ThrowAsync<DomainException>(() => new InventoryStore(ctx2, Clock).ApplyAsync(b, batch, "mallory"));

        // Then none of B's 19 rows exist and A's activity is untouched
        (await CountRowsAsync(db)).ShouldBe(before);
        await using var ctx3 = db.CreateContext();
        (await ctx3.Activities.SingleAsync(x => x.Id == stolen.Id)).Quantity.ShouldBe(1000m);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task LoadInputAsync_StoredInventory_CalculatesAsByHand(DatabaseProvider provider)
    {
        // Given the small organization stored with a 2024 inventory on AR5
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = Guid.NewGuid();
        var (org, changes) = SmallOrganization(orgId);
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        await store.CreateOrganizationAsync(org);
        (await store.ApplyAsync(orgId, changes, "tester")).Succeeded.ShouldBeTrue();
        var inventoryId = await store.CreateInventoryAsync(orgId, "2024", ReportingPeriod.Year(2024), "AR5");

        // When
        var input = (await store.LoadInputAsync(orgId, inventoryId))!;
        var result = InventoryCalculator.Calculate(input);

        // Then Scope 2 location-based = 12 × 1,000 kWh × 0.474 kgCO2e/kWh (Taiwan grid 2024) / 1,000 = 5.688 t;
        // market-based: 3 T-RECs cover 3,000 kWh → (12,000 − 3,000) × 0.474 / 1,000 = 4.266 t.
        // Scope 1 diesel, MOENV 6.0.4(修) per-L factors as printed in shared/data/tw_moenv_v604_fuel_emission_factors.csv
        // (CO2 2.6060317920000005, CH4 1.0550736E-4, N2O 2.1101472E-5) with AR5 GWPs 28 and 265:
        // 200.125 L × (2.606031792 + 0.00010550736×28 + 0.000021101472×265) / 1,000 = 200.125 × 2.614577888 / 1,000 = 0.5232424 t (checked with python3)
        result.Problems.ShouldBeEmpty();
        result.Scope2(Scope2Method.LocationBased).ShouldBe(5.688m);
        result.Scope2(Scope2Method.MarketBased).ShouldBe(4.266m);
        Math.Round(result.Totals().ByScope[Scope.Scope1], 6).ShouldBe(0.523242m);
    }
}
