using System.Text;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Import;
using CarbonLedger.Inventory;
using CarbonLedger.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Import.Tests.Store;

/// <summary>Files → validation → the store, on both real engines: all-or-nothing, no duplicates on re-import.</summary>
public sealed class StoreImportTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 2, 1, 0, 0));

    private const string Facilities = "entity_name,facility_code,facility_name\nTest Co.,HQ,Head office\n";
    private const string Sources = "source_code,facility_code,name,source_type,factor_key\nE1,HQ,Electricity,PurchasedElectricity,tw-grid\nG1,HQ,Generator,固定燃燒,moenv604/stationary/diesel\n";
    private const string GoodActivity = "source_code,period_start,period_end,quantity,unit,data_quality,evidence\n"
        + "E1,2024-01-01,2024-01-31,1000,kWh,measured,INV-1\nE1,2024-02-01,2024-02-29,2000,度,measured,INV-2\nG1,2024-03-01,2024-03-31,100,L,calculated,FUEL-1\n";
    // Row 2: unknown unit; row 3: negative quantity; row 4: date outside 2024; row 5: unknown source; row 6: L for electricity.
    private const string BadActivity = "source_code,period_start,period_end,quantity,unit,data_quality,evidence\n"
        + "E1,2024-01-01,2024-01-31,1000,kWx,measured,A\nE1,2024-02-01,2024-02-29,-5,kWh,measured,B\nE1,2025-01-01,2025-01-31,10,kWh,measured,C\n"
        + "ZZ,2024-01-01,2024-01-31,10,kWh,measured,D\nE1,2024-04-01,2024-04-30,10,L,measured,E\n";

    private static ImportFile Csv(string name, string text) => new(name, new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static async Task<(TestDatabase Db, Guid OrgId)> OrganizationWithInventoryAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        var orgId = Guid.NewGuid();
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        await store.CreateOrganizationAsync(new Organization(orgId, "Test Co.", ConsolidationApproach.OperationalControl, 2024));
        await store.CreateInventoryAsync(orgId, "2024", ReportingPeriod.Year(2024), "AR5");
        return (db, orgId);
    }

    private static async Task<int> RowsAsync(TestDatabase db)
    {
        await using var ctx = db.CreateContext();
        return await ctx.Activities.CountAsync() + await ctx.Sources.CountAsync() + await ctx.Facilities.CountAsync() + await ctx.LegalEntities.CountAsync();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ImportAsync_GoodFilesTwice_StoresOnceAndCalculatesByHand(DatabaseProvider provider)
    {
        // Given
        var (db, orgId) = await OrganizationWithInventoryAsync(provider);
        await using var _ = db;
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        ImportFile[] Files() => [Csv("facilities.csv", Facilities), Csv("sources.csv", Sources), Csv("activity.csv", GoodActivity)];

        // When imported twice
        var first = await InventoryImporter.ImportAsync(store, orgId, Files(), "tester", null, CancellationToken.None, clock: Clock);
        var rowsAfterFirst = await RowsAsync(db);
        var second = await InventoryImporter.ImportAsync(store, orgId, Files(), "tester", null, CancellationToken.None, clock: Clock);

        // Then 1 entity + 1 facility + 2 sources + 3 activities = 7 rows, written once, updated the second time
        first.Succeeded.ShouldBeTrue(string.Join("; ", first.Problems));
        first.Value.Inserted.ShouldBe(7);
        second.Value.Inserted.ShouldBe(0);
        second.Value.Updated.ShouldBe(7);
        rowsAfterFirst.ShouldBe(7);
        (await RowsAsync(db)).ShouldBe(7);

        // and the stored data calculates: Scope 2 = (1,000 + 2,000 kWh; 度 = kWh) × 0.474 / 1,000 = 1.422 t
        var inventory = (await store.ListInventoriesAsync(orgId))[0];
        var result = InventoryCalculator.Calculate((await store.LoadInputAsync(orgId, inventory.Id))!);
        result.Problems.ShouldBeEmpty();
        result.Scope2(Scope2Method.LocationBased).ShouldBe(1.422m);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ImportAsync_FileWithBadRows_ReportsEveryRowAndStoresNothing(DatabaseProvider provider)
    {
        // Given an organization that already holds good data
        var (db, orgId) = await OrganizationWithInventoryAsync(provider);
        await using var _ = db;
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        (await InventoryImporter.ImportAsync(store, orgId, [Csv("facilities.csv", Facilities), Csv("sources.csv", Sources), Csv("activity.csv", GoodActivity)],
            "tester", null, CancellationToken.None, clock: Clock)).Succeeded.ShouldBeTrue();
        var before = await RowsAsync(db);

        // When a file with five bad rows (and nothing good) is imported
        var result = await InventoryImporter.ImportAsync(store, orgId, [Csv("activity.csv", BadActivity)], "tester", null, CancellationToken.None, clock: Clock);

        // Then each bad row is named with file, row and column, and nothing changed
        result.Succeeded.ShouldBeFalse();
        var located = result.Problems.Select(p => (p.Location.File, p.Location.Row, p.Location.Column)).ToList();
        located.ShouldContain(("activity.csv", 2, "unit"));
        located.ShouldContain(("activity.csv", 3, "quantity"));
        located.ShouldContain(l => l.File == "activity.csv" && l.Row == 4);
        located.ShouldContain(("activity.csv", 5, "source_code"));
        located.ShouldContain(("activity.csv", 6, "unit"));
        (await RowsAsync(db)).ShouldBe(before);
    }

    [Fact]
    public async Task ImportAsync_OrganizationWithoutInventory_AsksForOne()
    {
        // Given an organization with no inventory yet
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.CreateContext();
        var store = new InventoryStore(ctx, Clock);
        var orgId = Guid.NewGuid();
        await store.CreateOrganizationAsync(new Organization(orgId, "New Co.", ConsolidationApproach.OperationalControl, 2024));

        // When
        var result = await InventoryImporter.ImportAsync(store, orgId, [Csv("activity.csv", GoodActivity)], "tester", null, CancellationToken.None);

        // Then
        result.Succeeded.ShouldBeFalse();
        result.Problems.Single().Location.Field.ShouldBe("period");
    }
}
