using CarbonLedger.Data;
using CarbonLedger.Data.Demo;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Inventory.Demo;
using CarbonLedger.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Demo;

public sealed class DemoSeederTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 1, 15, 0, 0));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EnsureDemoAsync_FreshDatabase_StoresAnInventoryThatCalculatesLikeTheInMemoryDemo(DatabaseProvider provider)
    {
        // Given a fresh database
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.CreateContext();

        // When the demo is seeded
        var seeded = await DemoSeeder.EnsureDemoAsync(ctx, Clock);

        // Then the stored inventory is complete, and its Scope 2 location-based total is the stored electricity kWh
        // × 0.474 kgCO2e/kWh (Taiwan grid 2024, shared/data/tw_electricity_emission_factors.csv) / 1,000, summed here
        // straight from the database rows, independently of the calculator.
        seeded.Created.ShouldBeTrue();
        var store = new InventoryStore(ctx, Clock);
        var input = (await store.LoadInputAsync(seeded.OrganizationId, seeded.InventoryId))!;
        var stored = InventoryCalculator.Calculate(input);
        stored.Problems.ShouldBeEmpty();
        var electricitySources = await ctx.Sources.Where(s => s.OrganizationId == seeded.OrganizationId && s.Type == nameof(SourceType.PurchasedElectricity))
            .Select(s => s.Id).ToListAsync();
        var kwhRows = await ctx.Activities.Where(a => electricitySources.Contains(a.SourceId)).Select(a => new { a.Quantity, a.Unit }).ToListAsync();
        kwhRows.ShouldAllBe(r => r.Unit == "kWh");
        var expectedScope2 = kwhRows.Sum(r => r.Quantity) * 0.474m / 1000m;
        stored.Scope2(Scope2Method.LocationBased).ShouldBe(expectedScope2);

        // and persistence changes nothing: the stored inventory totals equal the in-memory demo's, breakdown by breakdown
        var memory = InventoryCalculator.Calculate(DemoOrganization.Build(ReferenceLibrary.Create()).ToInput(ReferenceLibrary.Create()));
        foreach (var basis in new[] { Scope2Method.LocationBased, Scope2Method.MarketBased })
        {
            stored.Totals(basis).Total.ShouldBe(memory.Totals(basis).Total);
            stored.Totals(basis).ByScope.ShouldBe(memory.Totals(basis).ByScope);
            stored.Totals(basis).ByFacility.ShouldBe(memory.Totals(basis).ByFacility);
        }
    }

    [Fact]
    public async Task EnsureDemoAsync_SecondTime_WritesNothing()
    {
        // Given a seeded database
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var ctx = db.CreateContext()) { await DemoSeeder.EnsureDemoAsync(ctx, Clock); }
        await using var ctx2 = db.CreateContext();
        var activities = await ctx2.Activities.CountAsync();
        var batches = await ctx2.ChangeBatches.CountAsync();

        // When seeding again
        var again = await DemoSeeder.EnsureDemoAsync(ctx2, Clock);

        // Then nothing is created or written
        again.Created.ShouldBeFalse();
        (await ctx2.Activities.CountAsync()).ShouldBe(activities);
        (await ctx2.ChangeBatches.CountAsync()).ShouldBe(batches);
        activities.ShouldBeGreaterThan(100);
    }
}
