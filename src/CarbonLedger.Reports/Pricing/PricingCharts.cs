using CarbonLedger.Pricing;

namespace CarbonLedger.Reports.Pricing;

/// <summary>A chart laid out in a unit box (x and y in 0…1, y = 0 at the top), so the HTML (SVG) and PDF (Skia) renderers
/// draw the same bars from the same numbers.</summary>
internal sealed record ChartLayout(IReadOnlyList<ChartBar> Bars, IReadOnlyList<(double X, double Y)> Line, IReadOnlyList<(double Y, string Label)> Ticks,
    IReadOnlyList<(double X, string Label)> XLabels, double ZeroY, (double Y, string Label)? Threshold);

/// <summary>A bar: its rectangle in the unit box, its series (0 = without ICP / MACC bar, 1 = with ICP) and its label.</summary>
internal sealed record ChartBar(double X, double Y, double Width, double Height, int Series, string Label, bool PaysOff);

internal static class PricingCharts
{
    /// <summary>Per year two bars (cash flow without and with ICP) and the cumulative cash flow with ICP as a line.</summary>
    public static ChartLayout CashFlows(AppraisalResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var cumulative = new List<decimal>();
        var c = 0m;
        foreach (var y in r.Years) { c += y.CashFlowWithCarbon.Amount; cumulative.Add(c); }
        var values = r.Years.SelectMany(y => new[] { y.CashFlowWithoutCarbon.Amount, y.CashFlowWithCarbon.Amount }).Concat(cumulative).Append(0m).ToList();
        var (lo, hi) = Range(values.Min(), values.Max());
        double Y(decimal v) => (double)((hi - v) / (hi - lo));
        var n = r.Years.Count;
        var slot = 1.0 / n;
        var bars = new List<ChartBar>();
        var line = new List<(double, double)>();
        var labels = new List<(double, string)>();
        for (var i = 0; i < n; i++)
        {
            var y = r.Years[i];
            var x0 = i * slot;
            foreach (var (series, value) in new[] { (0, y.CashFlowWithoutCarbon.Amount), (1, y.CashFlowWithCarbon.Amount) })
            {
                var top = Math.Min(Y(value), Y(0m));
                bars.Add(new ChartBar(x0 + (slot * (0.12 + (0.38 * series))), top, slot * 0.36, Math.Abs(Y(value) - Y(0m)), series,
                    PricingNumbers.Amount(value), value >= 0m));
            }
            line.Add((x0 + (slot / 2), Y(cumulative[i])));
            labels.Add((x0 + (slot / 2), y.CalendarYear.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return new ChartLayout(bars, line, Ticks(lo, hi, Y), labels, Y(0m), null);
    }

    /// <summary>The MACC: bars as wide as each project's abatement, as high as its cost per tonne (below zero when it pays
    /// for itself), with the internal price as a horizontal line.</summary>
    public static ChartLayout Macc(Macc macc, CarbonPrice? price)
    {
        ArgumentNullException.ThrowIfNull(macc);
        var total = macc.Segments.Count == 0 ? 1m : Math.Max(macc.Segments[^1].CumulativeEndTonnes, 1e-9m);
        var values = macc.Segments.Select(s => s.CostPerTonne.Amount).Append(0m).ToList();
        if (price is { } p) { values.Add(p.PerTonne.Amount); }
        var (lo, hi) = Range(values.Min(), values.Max());
        double Y(decimal v) => (double)((hi - v) / (hi - lo));
        var bars = macc.Segments.Select(s =>
        {
            var top = Math.Min(Y(s.CostPerTonne.Amount), Y(0m));
            return new ChartBar((double)(s.CumulativeStartTonnes / total), top, (double)(s.AbatementTonnes / total), Math.Abs(Y(s.CostPerTonne.Amount) - Y(0m)), 0,
                s.Project, price is not { } q || s.CostPerTonne <= q.PerTonne);
        }).ToList();
        var xLabels = Enumerable.Range(0, 6).Select(k => (k / 5.0, PricingNumbers.Tonnes(total * k / 5m))).ToList();
        return new ChartLayout(bars, [], Ticks(lo, hi, Y), xLabels, Y(0m), price is { } pr ? (Y(pr.PerTonne.Amount), PricingNumbers.Price(pr)) : null);
    }

    private static List<(double, string)> Ticks(decimal lo, decimal hi, Func<decimal, double> y) =>
        Enumerable.Range(0, 6).Select(k => lo + ((hi - lo) * k / 5m)).Select(v => (y(v), PricingNumbers.Amount(v))).ToList();

    /// <summary>An axis range from nice round numbers that contains every value and zero.</summary>
    private static (decimal Lo, decimal Hi) Range(decimal min, decimal max)
    {
        var span = Math.Max(Math.Abs(min), Math.Abs(max));
        if (span == 0m) { return (-1m, 1m); }
        var power = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)span)));
        var step = power / 2m;
        var lo = Math.Floor(min / step) * step;
        var hi = Math.Ceiling(max / step) * step;
        if (hi == lo) { hi = lo + step; }
        return (lo, hi);
    }
}
