using CarbonLedger.Audit;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Audit;

/// <summary>SPEC §2 / seed 002 肆: "given a published table (quantity, factor, reported result) the system recomputes every
/// row and flags rows that differ". Hand-worked rows; a difference within half a unit of the last printed decimal is
/// rounding, not a discrepancy.</summary>
public sealed class RecomputationCheckTests
{
    // Taiwan grid 2024: 0.474 kg CO2e/kWh (shared/data/tw_electricity_emission_factors.csv, year 2024).
    private static PublishedRow Electricity(string reported) => new(1, "Taipei office electricity",
        new Quantity(16_243m, UnitCatalog.KilowattHour), 0.474m, UnitCatalog.Kilogram, UnitCatalog.KilowattHour,
        decimal.Parse(reported, System.Globalization.CultureInfo.InvariantCulture), RecomputationCheck.PrintedDecimals(reported), UnitCatalog.Tonne);

    [Fact]
    public void CheckRow_ReportedToThreeDecimals_WithinRounding_NotFlagged()
    {
        // Given 16,243 kWh × 0.474 kg/kWh = 7,699.182 kg = 7.699182 t, printed as "7.699"
        // When
        var r = RecomputationCheck.CheckRow(Electricity("7.699"));

        // Then 7.699 − 7.699182 = −0.000182; |−0.000182| ≤ 0.0005 (half of 0.001): rounding, not flagged
        r.Recomputed.ShouldBe(7.699182m);
        r.Difference.ShouldBe(-0.000182m);
        r.Tolerance.ShouldBe(0.0005m);
        r.Differs.ShouldBeFalse();
    }

    [Fact]
    public void CheckRow_ReportedToTwoDecimals_WithinRounding_NotFlagged()
    {
        // When the same row is printed as "7.70"
        var r = RecomputationCheck.CheckRow(Electricity("7.70"));

        // Then 7.70 − 7.699182 = 0.000818 ≤ 0.005 (half of 0.01): not flagged
        r.Difference.ShouldBe(0.000818m);
        r.Tolerance.ShouldBe(0.005m);
        r.Differs.ShouldBeFalse();
    }

    [Fact]
    public void CheckRow_ReportedValueOff_Flagged()
    {
        // When printed as "7.800"
        var r = RecomputationCheck.CheckRow(Electricity("7.800"));

        // Then 7.800 − 7.699182 = 0.100818 > 0.0005: flagged, relative difference 0.100818 / 7.699182
        r.Difference.ShouldBe(0.100818m);
        r.Differs.ShouldBeTrue();
        r.RelativeDifference.ShouldBe(0.100818m / 7.699182m);
    }

    [Fact]
    public void Check_AbsoluteToleranceLargerThanRounding_UsesTheTolerance()
    {
        // Given the "7.800" row and an absolute tolerance of 0.2 t
        // When
        var report = RecomputationCheck.Check([Electricity("7.800")], 0.2m);

        // Then the tolerance is max(0.0005, 0.2) = 0.2 and 0.100818 ≤ 0.2: nothing differs
        report.Rows.Single().Tolerance.ShouldBe(0.2m);
        report.Differing.ShouldBeEmpty();
    }

    [Fact]
    public void CheckRow_LitresAgainstPerKilolitreFactor_ConvertsBeforeMultiplying()
    {
        // Given 3,400 L of diesel and a factor of 2,606 kg CO2e per kL, reported as "8.860" t
        var row = new PublishedRow(2, "Generator diesel", new Quantity(3_400m, UnitCatalog.Litre), 2_606m, UnitCatalog.Kilogram,
            UnitCatalog.Kilolitre, 8.860m, 3, UnitCatalog.Tonne);

        // When
        var r = RecomputationCheck.CheckRow(row);

        // Then 3,400 L = 3.4 kL; 3.4 × 2,606 = 8,860.4 kg = 8.8604 t; 8.860 − 8.8604 = −0.0004, within 0.0005
        r.Recomputed.ShouldBe(8.8604m);
        r.Difference.ShouldBe(-0.0004m);
        r.Differs.ShouldBeFalse();
    }

    [Fact]
    public void CheckRow_KilolitresAgainstPerLitreFactorReportedInKilograms_Flagged()
    {
        // Given 12.5 kL × 2.606 kg/L reported as "32575.5" kg
        var row = new PublishedRow(3, "Fleet diesel", new Quantity(12.5m, UnitCatalog.Kilolitre), 2.606m, UnitCatalog.Kilogram,
            UnitCatalog.Litre, 32_575.5m, 1, UnitCatalog.Kilogram);

        // When
        var r = RecomputationCheck.CheckRow(row);

        // Then 12.5 kL = 12,500 L; 12,500 × 2.606 = 32,575 kg; 32,575.5 − 32,575 = 0.5 > 0.05 (half of 0.1): flagged
        r.Recomputed.ShouldBe(32_575m);
        r.Difference.ShouldBe(0.5m);
        r.Differs.ShouldBeTrue();
    }

    [Fact]
    public void Check_RowsInOrder_OnlyTheOffRowDiffers()
    {
        // When three printings of the same row are checked together
        var report = RecomputationCheck.Check([Electricity("7.699"), Electricity("7.70"), Electricity("7.800")]);

        // Then every row comes back, in order, and only "7.800" (diff 0.100818) differs
        report.Rows.Select(r => r.Source.Reported).ShouldBe([7.699m, 7.70m, 7.800m]);
        report.Differing.Select(r => r.Source.Reported).ShouldBe([7.800m]);
    }

    [Fact]
    public void CheckRow_KwhActivityWithPerLitreFactor_ThrowsUnitMismatchNamingBothUnits()
    {
        // Given an electricity quantity paired with a per-litre factor (an energy cannot become a volume)
        var row = new PublishedRow(4, "mixed up", new Quantity(16_243m, UnitCatalog.KilowattHour), 2.606m, UnitCatalog.Kilogram,
            UnitCatalog.Litre, 42.3m, 1, UnitCatalog.Tonne);

        // When / Then
        var ex = Should.Throw<UnitMismatchException>(() => RecomputationCheck.CheckRow(row));
        ex.From.ShouldBe(UnitCatalog.KilowattHour);
        ex.To.ShouldBe(UnitCatalog.Litre);
        ex.Message.ShouldContain("kWh");
        ex.Message.ShouldContain("L (volume)");
    }

    [Fact]
    public void Check_NegativeTolerance_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => RecomputationCheck.Check([Electricity("7.699")], -0.1m));

    [Theory]
    [InlineData("7.699", 3)]
    [InlineData("7.70", 2)]
    [InlineData("7", 0)]
    [InlineData(" 12.340 ", 3)]
    [InlineData("1,234.5", 1)]
    public void PrintedDecimals_AsPrinted_CountsDigitsAfterThePoint(string printed, int decimals) =>
        RecomputationCheck.PrintedDecimals(printed).ShouldBe(decimals);
}
