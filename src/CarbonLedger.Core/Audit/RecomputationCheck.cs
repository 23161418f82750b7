using CarbonLedger.Common;
using CarbonLedger.Units;

namespace CarbonLedger.Audit;

/// <summary>One row of a published table to check (seed 002 肆 internal audit: recompute what was reported): an
/// activity quantity with its unit, the factor used (mass of CO2e per <paramref name="FactorPerUnit"/>), and the
/// result as printed, with the number of decimals it was printed to.</summary>
public sealed record PublishedRow(
    int Row,
    string Label,
    Quantity Activity,
    decimal Factor,
    Unit FactorMassUnit,
    Unit FactorPerUnit,
    decimal Reported,
    int ReportedDecimals,
    Unit ReportedUnit);

/// <summary>A checked row: what the row's own quantity × factor gives, in the reported unit, and the difference.</summary>
public sealed record RecomputedRow(PublishedRow Source, decimal Recomputed, decimal Difference, decimal Tolerance, bool Differs)
{
    /// <summary>Difference as a share of the recomputed value (null when the recomputed value is zero).</summary>
    public decimal? RelativeDifference => Recomputed == 0m ? null : Difference / Recomputed;
}

public sealed record RecomputationReport(IReadOnlyList<RecomputedRow> Rows)
{
    public IReadOnlyList<RecomputedRow> Differing => Rows.Where(r => r.Differs).ToList();
}

/// <summary>Recomputes a published table row by row: converted activity × factor, converted to the reported mass unit.
/// A row differs when |reported − recomputed| exceeds half a unit of the last printed decimal (what rounding to the
/// printed precision can explain), or the caller's absolute tolerance if larger.</summary>
public static class RecomputationCheck
{
    public static RecomputationReport Check(IEnumerable<PublishedRow> rows, decimal absoluteTolerance = 0m)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (absoluteTolerance < 0m) { throw new ArgumentOutOfRangeException(nameof(absoluteTolerance), "tolerance cannot be negative"); }
        var result = new List<RecomputedRow>();
        foreach (var row in rows)
        {
            result.Add(CheckRow(row, absoluteTolerance));
        }
        return new RecomputationReport(result);
    }

    public static RecomputedRow CheckRow(PublishedRow row, decimal absoluteTolerance = 0m)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.FactorMassUnit.Dimension != Dimension.Mass)
        {
            throw new DomainException("factor unit", $"row {row.Row}: the factor's numerator '{row.FactorMassUnit.Code}' is not a mass",
                $"第 {row.Row} 列：排放係數分子的單位「{row.FactorMassUnit.Code}」不是質量單位");
        }
        if (row.ReportedUnit.Dimension != Dimension.Mass)
        {
            throw new DomainException("reported unit", $"row {row.Row}: the reported unit '{row.ReportedUnit.Code}' is not a mass",
                $"第 {row.Row} 列：公布值的單位「{row.ReportedUnit.Code}」不是質量單位");
        }
        // Activity in the factor's denominator unit (throws UnitMismatchException naming both units if they differ in kind).
        var activity = row.Activity.ConvertTo(row.FactorPerUnit).Value;
        var mass = new Quantity(activity * row.Factor, row.FactorMassUnit).ConvertTo(row.ReportedUnit).Value;
        var difference = row.Reported - mass;
        var rounding = 0.5m * Pow10(-row.ReportedDecimals);
        var tolerance = Math.Max(rounding, absoluteTolerance);
        return new RecomputedRow(row, mass, difference, tolerance, Math.Abs(difference) > tolerance);
    }

    /// <summary>Decimals as printed: "12.340" → 3, "7" → 0.</summary>
    public static int PrintedDecimals(string printed)
    {
        ArgumentNullException.ThrowIfNull(printed);
        var text = printed.Trim();
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) { return 0; }
        var digits = 0;
        for (var i = dot + 1; i < text.Length && char.IsAsciiDigit(text[i]); i++) { digits++; }
        return digits;
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++) { value *= 10m; }
        return exponent >= 0 ? value : 1m / value;
    }
}
