using System.Globalization;

namespace CarbonLedger.Reports.Planning;

/// <summary>A pathway chart laid out in a unit box (x and y in 0…1, y = 0 at the top), so the HTML (SVG) and PDF (Skia)
/// renderers draw the same lines from the same numbers: the pathway as a line, actual values as markers, the y axis
/// from zero to a round maximum.</summary>
internal sealed record PlanChartLayout(IReadOnlyList<(double X, double Y)> Pathway, IReadOnlyList<(double X, double Y, string Label)> Actuals,
    IReadOnlyList<(double Y, string Label)> Ticks, IReadOnlyList<(double X, string Label)> XLabels)
{
    public static PlanChartLayout Of(PlanPathwayChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var years = chart.Pathway.Select(p => p.Year).Concat(chart.Actuals.Select(a => a.Year)).ToList();
        var first = years.Min();
        var last = Math.Max(years.Max(), first + 1);
        var max = ChartScale.NiceMax(chart.Pathway.Select(p => p.Value).Concat(chart.Actuals.Select(a => a.Value)).DefaultIfEmpty(0m).Max());
        double X(int year) => (double)(year - first) / (last - first);
        double Y(decimal value) => (double)((max - value) / max);
        var step = Math.Max(1, (last - first + 9) / 10);
        var xLabels = new List<(double, string)>();
        for (var y = first; y <= last; y += step) { xLabels.Add((X(y), y.ToString(CultureInfo.InvariantCulture))); }
        var ticks = Enumerable.Range(0, 6).Select(k => max * k / 5m).Select(v => (Y(v), v.ToString("#,##0.####", CultureInfo.InvariantCulture))).ToList();
        return new PlanChartLayout(
            chart.Pathway.Select(p => (X(p.Year), Y(p.Value))).ToList(),
            chart.Actuals.Select(a => (X(a.Year), Y(a.Value), a.Value.ToString("#,##0.###", CultureInfo.InvariantCulture))).ToList(),
            ticks, xLabels);
    }

}
