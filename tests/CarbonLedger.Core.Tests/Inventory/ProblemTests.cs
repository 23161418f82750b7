using CarbonLedger.Inventory;
using CarbonLedger.Testing;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Core.Tests.Inventory;

/// <summary>Expected failures are reported as problems with their location, all in one pass (STYLE.md "three channels"),
/// and the rest of the inventory is still calculated.</summary>
public sealed class ProblemTests
{
    [Fact]
    public void Calculate_UnknownSource_ReportsProblemAndKeepsOtherLines()
    {
        // Given one good activity and one pointing at a source that does not exist
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 1_000m, UnitCatalog.KilowattHour);
        var missing = Guid.Parse("11111111-2222-3333-4444-555555555555");
        b.ActivityForSourceId(missing, 5m, UnitCatalog.Litre);

        // When
        var result = b.Calculate();

        // Then one problem naming the unknown source id; 1,000 × 0.474 = 0.474 t still calculated
        result.Problems.Single().Message.ShouldBe($"unknown emission source {missing}");
        result.Problems.Single().Location.Field!.ShouldEndWith(".sourceId");
        result.IsComplete.ShouldBeFalse();
        result.Totals().Total.ShouldBe(0.474m);
    }

    [Fact]
    public void Calculate_ActivityOutsideReportingPeriod_IsAProblem()
    {
        // Given December 2023 entered in the 2024 inventory
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 1_000m, UnitCatalog.KilowattHour, new LocalDate(2023, 12, 1), new LocalDate(2023, 12, 31), evidence: "INV-2023-12");

        // When
        var result = b.Calculate();

        // Then
        var problem = result.Problems.Single();
        problem.Message.ShouldBe("2023-12-01..2023-12-31 lies outside the reporting period 2024-01-01..2024-12-31");
        problem.Location.Field!.ShouldContain("(INV-2023-12)");
        result.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void Calculate_ActivityStraddlingPeriodEnd_IsAProblem()
    {
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 1_000m, UnitCatalog.KilowattHour, new LocalDate(2024, 12, 15), new LocalDate(2025, 1, 14));

        b.Calculate().Problems.Single().Location.Field!.ShouldEndWith(".period");
    }

    [Fact]
    public void Calculate_UnitMismatch_NamesBothUnitsAndTheFactor()
    {
        // Given diesel entered in kg while the MOENV factor is per litre
        var b = new InventoryBuilder();
        b.Source("GEN", SourceType.StationaryCombustion, "moenv604/stationary/diesel");
        b.Activity("GEN", 500m, UnitCatalog.Kilogram);

        // When
        var result = b.Calculate();

        // Then a problem, never a silent multiply
        result.Problems.Single().Message.ShouldBe(
            "source GEN: cannot convert kg (mass) to L (volume): the dimensions differ (factor moenv604/stationary/diesel is per L)");
        result.Lines.ShouldBeEmpty();
    }

    [Fact]
    public void Calculate_UnknownFactorKey_IsAProblem()
    {
        var b = new InventoryBuilder();
        b.Source("X", SourceType.Process, "nowhere/factor");
        b.Activity("X", 1m, UnitCatalog.Kilogram);

        b.Calculate().Problems.Single().Message.ShouldBe("source X: unknown emission factor 'nowhere/factor'");
    }

    [Fact]
    public void Calculate_SeveralBadActivities_ReportsEveryProblemInOnePass()
    {
        // Given three different faults
        var b = new InventoryBuilder();
        b.Source("GEN", SourceType.StationaryCombustion, "moenv604/stationary/diesel");
        b.Activity("GEN", 1m, UnitCatalog.KilowattHour);
        b.Activity("GEN", 1m, UnitCatalog.Litre, new LocalDate(2025, 1, 1), new LocalDate(2025, 1, 31));
        b.ActivityForSourceId(Guid.Empty, 1m, UnitCatalog.Litre);

        // When / Then
        b.Calculate().Problems.Count.ShouldBe(3);
    }
}
