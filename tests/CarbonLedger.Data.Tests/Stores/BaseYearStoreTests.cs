using CarbonLedger.Data.Demo;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Testing.Databases;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Stores;

/// <summary>The base-year recalculation check on both real engines (GHG Protocol Corporate Standard ch. 5).</summary>
public sealed class BaseYearStoreTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2026, 2, 1, 9, 0));

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task CheckBaseYearAsync_DemoWithChanges_SumsAbsoluteImpactsIgnoresOrganicGrowthAndComparesWithThreshold(DatabaseProvider provider)
    {
        // Given the demo organization (base year 2024, default 5 % threshold) with its stored 2024 inventory, whose
        // location-based total is calculated here from the stored input
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.CreateContext();
        var demo = await DemoSeeder.EnsureDemoAsync(ctx, Clock);
        var input = (await new InventoryStore(ctx, Clock).LoadInputAsync(demo.OrganizationId, demo.InventoryId))!;
        var total = InventoryCalculator.Calculate(input).Totals(Scope2Method.LocationBased).Total;
        total.ShouldBeGreaterThan(0m);
        var store = new BaseYearStore(ctx, Clock);
        // impacts sized from the total, rounded to kg so they are ordinary stored figures
        var acquisition = Math.Round(total * 0.02m, 3);
        var divestment = -Math.Round(total * 0.01m, 3);
        var organic = Math.Round(total * 0.10m, 3);
        var methodology = Math.Round(total * 0.03m, 3);

        // When an acquisition (+2 %) and a divestment (−1 %) are recorded
        (await store.AddStructuralChangeAsync(demo.OrganizationId, new StructuralChange("收購 Kaohsiung depot", StructuralChangeKind.Acquisition, acquisition, 2025), "tester")).Succeeded.ShouldBeTrue();
        (await store.AddStructuralChangeAsync(demo.OrganizationId, new StructuralChange("出售 Taichung shop", StructuralChangeKind.Divestment, divestment, 2025), "tester")).Succeeded.ShouldBeTrue();
        var below = await store.CheckBaseYearAsync(demo.OrganizationId);

        // Then absolute values add: (|+2 %| + |−1 %|) = 3 % of the base year, below 5 %: no recalculation
        below.Succeeded.ShouldBeTrue(string.Join("; ", below.Problems));
        below.Value.BaseYear.ShouldBe(2024);
        below.Value.InventoryId.ShouldBe(demo.InventoryId);
        below.Value.Check.BaseYearTonnes.ShouldBe(total);
        below.Value.Check.CumulativeImpactTonnes.ShouldBe(acquisition + -divestment);
        below.Value.Check.CumulativePercent.ShouldBe((acquisition + -divestment) / total * 100m);
        below.Value.Check.CumulativePercent.ShouldBe(3m, 0.001m);
        below.Value.Check.ThresholdPercent.ShouldBe(5m);
        below.Value.Check.RecalculationRequired.ShouldBeFalse();

        // When organic growth of 10 % is recorded
        (await store.AddStructuralChangeAsync(demo.OrganizationId, new StructuralChange("新客戶 organic growth", StructuralChangeKind.OrganicGrowth, organic, 2025), "tester")).Succeeded.ShouldBeTrue();
        var organicOnly = await store.CheckBaseYearAsync(demo.OrganizationId);

        // Then it is ignored by rule (ch. 5): still 3 %, no recalculation, though it is listed
        organicOnly.Value.Check.CumulativeImpactTonnes.ShouldBe(acquisition + -divestment);
        organicOnly.Value.Check.RecalculationRequired.ShouldBeFalse();
        organicOnly.Value.Changes.Count.ShouldBe(3);

        // When a methodology change of +3 % is recorded
        (await store.AddStructuralChangeAsync(demo.OrganizationId, new StructuralChange("改用 AR6", StructuralChangeKind.MethodologyChange, methodology, 2026), "tester")).Succeeded.ShouldBeTrue();
        var above = await store.CheckBaseYearAsync(demo.OrganizationId);

        // Then 2 % + 1 % + 3 % = 6 % ≥ 5 %: recalculate the base year
        above.Value.Check.CumulativeImpactTonnes.ShouldBe(acquisition + -divestment + methodology);
        above.Value.Check.CumulativePercent.ShouldBe(6m, 0.001m);
        above.Value.Check.RecalculationRequired.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ListStructuralChangesAsync_TwoOrganizations_ReturnsOnlyTheTenantsRoundTripped(DatabaseProvider provider)
    {
        // Given the demo and a second organization, each with one change
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.CreateContext();
        var demo = await DemoSeeder.EnsureDemoAsync(ctx, Clock);
        var other = new Organization(Guid.NewGuid(), "Other Co.", ConsolidationApproach.OperationalControl, 2023);
        await new InventoryStore(ctx, Clock).CreateOrganizationAsync(other);
        var store = new BaseYearStore(ctx, Clock);
        var mine = new StructuralChange("併購 merger with BlueRiver", StructuralChangeKind.Merger, -12.3456789012m, 2025);
        (await store.AddStructuralChangeAsync(demo.OrganizationId, mine, "alice")).Succeeded.ShouldBeTrue();
        (await store.AddStructuralChangeAsync(other.Id, new StructuralChange("x", StructuralChangeKind.Insourcing, 1m, 2024), "bob")).Succeeded.ShouldBeTrue();

        // When the demo's changes are listed
        var listed = await store.ListStructuralChangesAsync(demo.OrganizationId);

        // Then only its own change comes back, every field intact (decimal(28,10) keeps ten decimals)
        listed.Count.ShouldBe(1);
        listed[0].Change.ShouldBe(mine);
        listed[0].RecordedBy.ShouldBe("alice");
        listed[0].RecordedAt.ShouldBe(Clock.GetCurrentInstant());
    }

    [Fact]
    public async Task AddStructuralChangeAsync_BlankDescriptionAndYearBeforeBaseYear_ReportsBothAndStoresNothing()
    {
        // Given the demo organization (base year 2024)
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.CreateContext();
        var demo = await DemoSeeder.EnsureDemoAsync(ctx, Clock);
        var store = new BaseYearStore(ctx, Clock);

        // When a change without description dated 2023 is recorded
        var outcome = await store.AddStructuralChangeAsync(demo.OrganizationId, new StructuralChange(" ", StructuralChangeKind.Acquisition, 5m, 2023), "tester");

        // Then both fields are reported and nothing is stored
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Select(p => p.Location.Field).ShouldBe(["description", "year"], ignoreOrder: true);
        (await store.ListStructuralChangesAsync(demo.OrganizationId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task CheckBaseYearAsync_NoInventoryEndingInBaseYear_FailsNamingTheYear()
    {
        // Given an organization with base year 2023 and no inventory
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var ctx = db.CreateContext();
        var org = new Organization(Guid.NewGuid(), "No Inventory Co.", ConsolidationApproach.OperationalControl, 2023);
        await new InventoryStore(ctx, Clock).CreateOrganizationAsync(org);

        // When the base year is checked
        var outcome = await new BaseYearStore(ctx, Clock).CheckBaseYearAsync(org.Id);

        // Then it fails with "no inventory for base year 2023"
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Single().Message.ShouldBe("no inventory for base year 2023");
    }
}
