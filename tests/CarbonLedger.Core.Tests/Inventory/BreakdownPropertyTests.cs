using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Testing;
using CarbonLedger.Units;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;

namespace CarbonLedger.Core.Tests.Inventory;

/// <summary>SPEC §1: "aggregations … that always add up to the total". For random inventories (every source type, two
/// facilities, departments or none, activities spanning several months, RECs, equity share) each breakdown sums
/// exactly — decimal equality, no tolerance — to the total, on both Scope 2 bases.</summary>
public sealed class BreakdownPropertyTests
{
    private static readonly (SourceType Type, string Key, Unit Unit, Scope3Category? Category)[] Kinds =
    [
        (SourceType.StationaryCombustion, "moenv604/stationary/diesel", UnitCatalog.Litre, null),
        (SourceType.StationaryCombustion, "moenv604/stationary/lpg", UnitCatalog.Kilolitre, null),
        (SourceType.StationaryCombustion, "custom/b100", UnitCatalog.Litre, null),
        (SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline", UnitCatalog.UsGallon, null),
        (SourceType.Process, "custom/process", UnitCatalog.Tonne, null),
        (SourceType.FugitiveRefrigerant, "gas/R-410A", UnitCatalog.Kilogram, null),
        (SourceType.FugitiveRefrigerant, "leak/chillers/high/R-404A", UnitCatalog.Kilogram, null),
        (SourceType.FugitiveFireExtinguisher, "gas/HFC-227ea", UnitCatalog.Gram, null),
        (SourceType.FugitiveSf6, "gas/SF6", UnitCatalog.Kilogram, null),
        (SourceType.FugitiveSeptic, SepticTank.FactorKey, UnitCatalog.PersonHour, null),
        (SourceType.PurchasedElectricity, "tw-grid", UnitCatalog.KilowattHour, null),
        (SourceType.PurchasedElectricity, "tw-grid", UnitCatalog.MegawattHour, null),
        (SourceType.Scope3, "custom/pkm", UnitCatalog.PassengerKilometre, Scope3Category.BusinessTravel),
        (SourceType.Scope3, "custom/pkm", UnitCatalog.PassengerKilometre, Scope3Category.EmployeeCommuting),
        (SourceType.Scope3, "custom/goods", UnitCatalog.Kilogram, Scope3Category.PurchasedGoodsAndServices),
        (SourceType.Scope3, "custom/waste", UnitCatalog.Tonne, Scope3Category.WasteGenerated),
    ];

    private static readonly string?[] Departments = ["管理部", "業務部", "倉儲部", null];

    internal static InventoryResult RandomInventory(int seed, int activityCount)
    {
        var rng = new Random(seed);
        var approach = (ConsolidationApproach)rng.Next(3);
        var b = new InventoryBuilder(consolidation: approach, gwpSetId: new[] { "AR4", "AR5", "AR6" }[rng.Next(3)]);
        b.AddFactor("custom/b100", UnitCatalog.Litre, (GreenhouseGas.BiogenicCO2, 2.5m), (GreenhouseGas.CH4, 0.00033m), (GreenhouseGas.N2O, 0.0000217m));
        b.AddFactor("custom/process", UnitCatalog.Kilogram, (GreenhouseGas.CO2, 0.4397m));
        b.AddFactor("custom/pkm", UnitCatalog.PassengerKilometre, (GreenhouseGas.CO2e, 0.1537m));
        b.AddFactor("custom/goods", UnitCatalog.Kilogram, (GreenhouseGas.CO2e, 2.71m));
        b.AddFactor("custom/waste", UnitCatalog.Tonne, (GreenhouseGas.CO2e, 467m));
        b.Entity("Parent", 100m);
        b.Entity("Sub", 70m + rng.Next(30), "Parent");
        b.Facility("TPE", 100m, entityName: "Parent");
        b.Facility("TYN", 51m + rng.Next(49), operationalControl: true, financialControl: rng.Next(2) == 0, entityName: "Sub");
        var sourceCount = 3 + rng.Next(20);
        for (var i = 0; i < sourceCount; i++)
        {
            var kind = Kinds[rng.Next(Kinds.Length)];
            b.Source($"S{i}-{kind.Type}", kind.Type, kind.Key, kind.Category, Departments[rng.Next(Departments.Length)], rng.Next(2) == 0 ? "TPE" : "TYN");
        }
        var sources = b.Sources;
        for (var i = 0; i < activityCount; i++)
        {
            var source = sources[rng.Next(sources.Count)];
            var kind = Kinds.First(k => k.Type == source.Type && k.Key == source.FactorKey && k.Category == source.Scope3Category);
            var start = new LocalDate(2024, 1, 1).PlusDays(rng.Next(366));
            var end = rng.Next(3) == 0 ? start.PlusDays(rng.Next(120)) : start;
            if (end.Year > 2024) { end = new LocalDate(2024, 12, 31); }
            var value = rng.Next(1, 5_000_000) / (decimal)Math.Pow(10, rng.Next(4));
            b.Activity(source.Code, value, kind.Unit, start, end, (DataQualityLevel)(1 + rng.Next(3)));
        }
        for (var i = rng.Next(4); i > 0; i--)
        {
            b.Recs($"T-REC-{i}", rng.Next(1, 200), rng.Next(3) == 0 ? "TYN" : null);
        }
        if (rng.Next(2) == 0)
        {
            b.Instrument("SUPPLIER", InstrumentType.SupplierSpecific, rng.Next(1, 100_000), 0.321m);
        }
        return b.Calculate();
    }

    private static void SumsToTotal<TKey>(IReadOnlyDictionary<TKey, decimal> breakdown, decimal total, string name) where TKey : notnull =>
        breakdown.Values.Sum().ShouldBe(total, name);

    [Property(MaxTest = 100)]
    public void Totals_EveryBreakdown_SumsExactlyToTheTotal(int seed, PositiveInt size)
    {
        // Given a random inventory
        var result = RandomInventory(seed, 1 + (size.Get % 200));
        result.Problems.ShouldBeEmpty();

        foreach (var basis in new[] { Scope2Method.LocationBased, Scope2Method.MarketBased })
        {
            // When
            var t = result.Totals(basis);

            // Then the total is the sum of the counted lines, and every breakdown partitions it exactly
            t.Total.ShouldBe(result.Lines.Where(l => l.CountsIn(basis)).Sum(l => l.Co2eTonnes));
            SumsToTotal(t.ByScope, t.Total, "scope");
            SumsToTotal(t.ByIsoCategory, t.Total, "ISO category");
            SumsToTotal(t.ByEmissionType, t.Total, "emission type");
            SumsToTotal(t.ByGasGroup, t.Total, "gas group");
            SumsToTotal(t.ByGas, t.Total, "gas");
            SumsToTotal(t.ByFacility, t.Total, "facility");
            SumsToTotal(t.ByDepartment, t.Total, "department");
            SumsToTotal(t.BySource, t.Total, "source");
            SumsToTotal(t.ByMonth, t.Total, "month");
            SumsToTotal(t.ByScope3Category, t.ByScope.GetValueOrDefault(Scope.Scope3), "Scope 3 category");
            SumsToTotal(t.Scope1ByGasGroup, t.ByScope.GetValueOrDefault(Scope.Scope1), "Scope 1 gas group");
        }
    }

    [Property(MaxTest = 100)]
    public void MarketBased_AnyInstruments_CoverEachKwhAtMostOnce(int seed, PositiveInt size)
    {
        // Given a random inventory
        var result = RandomInventory(seed, 1 + (size.Get % 200));

        // When / Then the market-based lines re-partition the electricity kWh exactly, and each instrument's applied +
        // unused kWh equals its size
        var location = result.Lines.Where(l => l.Source.Type == SourceType.PurchasedElectricity && l.Scope2Method == Scope2Method.LocationBased).Sum(l => l.ActivityInFactorUnit);
        var market = result.Lines.Where(l => l.Source.Type == SourceType.PurchasedElectricity && l.Scope2Method == Scope2Method.MarketBased).Sum(l => l.ActivityInFactorUnit);
        market.ShouldBe(location);
        foreach (var usage in result.Instruments)
        {
            (usage.AppliedKwh + usage.UnusedKwh).ShouldBe(usage.Instrument.KilowattHours);
            usage.AppliedKwh.ShouldBe(result.Lines.Where(l => l.Instrument?.Id == usage.Instrument.Id).Sum(l => l.ActivityInFactorUnit));
        }
    }
}
