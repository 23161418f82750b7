namespace CarbonLedger.Reports.Inventory;

/// <summary>Percentages for display. Each part's exact share is value ÷ total × 100; the displayed shares are rounded
/// to <c>decimals</c> places by the largest-remainder (Hamilton) method, so they add to exactly 100 whenever the total
/// is positive: every share is floored, then the units still missing go one each to the parts with the largest
/// remainders (ties: the earlier part).</summary>
public static class Shares
{
    public static decimal[] Exact(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var total = values.Sum();
        return values.Select(v => total == 0 ? 0m : v / total * 100m).ToArray();
    }

    public static decimal[] LargestRemainder(IReadOnlyList<decimal> values, int decimals = 2)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (decimals is < 0 or > 10) { throw new ArgumentOutOfRangeException(nameof(decimals), decimals, "0-10 decimals"); }
        if (values.Any(v => v < 0)) { throw new ArgumentException("shares of negative parts are not defined", nameof(values)); }
        var result = new decimal[values.Count];
        var total = values.Sum();
        if (total == 0) { return result; }
        var scale = Pow10(decimals);
        var units = 100m * scale;
        var floors = new decimal[values.Count];
        var remainders = new decimal[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            var exact = values[i] / total * units;
            floors[i] = decimal.Floor(exact);
            remainders[i] = exact - floors[i];
        }
        var missing = (int)(units - floors.Sum());
        var order = Enumerable.Range(0, values.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take(missing).ToHashSet();
        for (var i = 0; i < values.Count; i++)
        {
            result[i] = (floors[i] + (order.Contains(i) ? 1m : 0m)) / scale;
        }
        return result;
    }

    private static decimal Pow10(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++) { p *= 10m; }
        return p;
    }
}
