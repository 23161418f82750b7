namespace CarbonLedger.Reports;

/// <summary>Axis scaling shared by every chart the product draws (PDF reports, plan documents, the web's SVG charts).</summary>
public static class ChartScale
{
    /// <summary>The axis maximum: the smallest 1, 2, 2.5 or 5 × 10^k not below <paramref name="max"/> (1 when all are zero).
    /// The power of ten comes from a logarithm (double); the result is exact in decimal.</summary>
    public static decimal NiceMax(decimal max)
    {
        if (max <= 0m) { return 1m; }
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)max)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (step * power >= max) { return step * power; }
        }
        return 10m * power;
    }
}
