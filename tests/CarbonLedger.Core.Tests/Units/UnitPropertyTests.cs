using CarbonLedger.Units;
using FsCheck;
using FsCheck.Xunit;

namespace CarbonLedger.Core.Tests.Units;

/// <summary>STYLE.md: property tests for invariants — every conversion round-trips and composes.</summary>
public sealed class UnitPropertyTests
{
    // Tolerance, from decimal's representation: 28-29 significant digits (relative 1e-27 per rounding, a few roundings per
    // conversion → 1e-24), and no digit below 1e-28, so an intermediate value in a unit r times larger than the start unit
    // (r up to 3.6e9: GWh/kJ) carries an absolute error of up to 1e-28 × r when brought back. Anything larger is a bug.
    private static decimal Tolerance(decimal value, params Unit[] units)
    {
        var largest = units.Max(u => u.ToBase);
        var smallest = units.Min(u => u.ToBase);
        return (Math.Abs(value) * 1e-24m) + (1e-27m * (largest / smallest));
    }

    private static readonly Unit[] Units = UnitCatalog.All.ToArray();

    [Property(MaxTest = 500)]
    public bool ConvertTo_AndBack_ReturnsTheOriginalValue(int fromIndex, int toIndex, long millis)
    {
        // Given two units of the same dimension (and currency) and any value
        var from = Units[Math.Abs(fromIndex % Units.Length)];
        var candidates = Units.Where(from.IsConvertibleTo).ToArray();
        var to = candidates[Math.Abs(toIndex % candidates.Length)];
        var value = millis / 1000m;

        // When converted there and back
        var back = new Quantity(value, from).ConvertTo(to).ConvertTo(from).Value;

        // Then the value survives
        return Math.Abs(back - value) <= Tolerance(value, from, to);
    }

    [Property(MaxTest = 500)]
    public bool ConvertTo_ThroughAnIntermediateUnit_EqualsDirectConversion(int a, int b, int c, int units)
    {
        // Given three units of one dimension
        var from = Units[Math.Abs(a % Units.Length)];
        var same = Units.Where(from.IsConvertibleTo).ToArray();
        var via = same[Math.Abs(b % same.Length)];
        var to = same[Math.Abs(c % same.Length)];
        var q = new Quantity(units, from);

        // When / Then from → via → to equals from → to
        var direct = q.ConvertTo(to).Value;
        var twoSteps = q.ConvertTo(via).ConvertTo(to).Value;
        return Math.Abs(direct - twoSteps) <= Tolerance(direct, from, via, to);
    }

    [Property(MaxTest = 300)]
    public bool ConvertTo_AcrossDimensions_AlwaysThrows(int a, int b)
    {
        var from = Units[Math.Abs(a % Units.Length)];
        var to = Units[Math.Abs(b % Units.Length)];
        if (from.IsConvertibleTo(to))
        {
            return true;
        }
        try
        {
            new Quantity(1m, from).ConvertTo(to);
            return false;
        }
        catch (UnitMismatchException ex)
        {
            return ex.Message.Contains(from.Code, StringComparison.Ordinal) && ex.Message.Contains(to.Code, StringComparison.Ordinal);
        }
    }
}
