using System.Globalization;
using System.Net;
using System.Text;
using CarbonLedger.Planning;
using CarbonLedger.Reports;

namespace CarbonLedger.Web.Features.Planning.Pages;

/// <summary>The target page's pathway-vs-actual chart as inline SVG (server-rendered like the pricing page's charts, so
/// it shows before the circuit connects and in a static fetch): the target's pathway, the actual values of each
/// inventory year, and optionally a national reference pathway rebased to the target's base-year value.</summary>
public static class PathwayChart
{
    private const double Width = 720;
    private const double Height = 300;
    private const double Left = 70;
    private const double Right = 20;
    private const double Top = 30;
    private const double Bottom = 52;

    /// <summary>A reference pathway's values for the target's years, rebased so that the base year equals the target's
    /// base value: value(y) = base value × share(y) / share(base year). Empty when the years fall outside the reference.</summary>
    public static IReadOnlyList<(int Year, decimal Value)> Rebased(GhgTarget target, ReferencePathway reference)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reference);
        var first = reference.Points[0].Year;
        var last = reference.Points[^1].Year;
        if (target.BaseYear < first || target.BaseYear > last) { return []; }
        var baseShare = reference.ShareAt(target.BaseYear);
        if (baseShare <= 0m) { return []; }
        var points = new List<(int, decimal)>();
        for (var y = target.BaseYear; y <= Math.Min(target.TargetYear, last); y++)
        {
            points.Add((y, target.BaseValue * reference.ShareAt(y) / baseShare));
        }
        return points;
    }

    public static string Svg(TargetProgress progress, IReadOnlyList<(int Year, decimal Value)> reference, string pathwayLabel, string actualLabel,
        string referenceLabel, string unit)
    {
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(reference);
        var pathway = progress.Pathway.Select(p => (p.Year, p.Value)).ToList();
        var actuals = progress.Rows.Select(r => (r.Year, Value: r.Actual)).ToList();
        var years = pathway.Select(p => p.Year).Concat(actuals.Select(a => a.Year)).Concat(reference.Select(r => r.Year)).ToList();
        var firstYear = years.Min();
        var lastYear = Math.Max(years.Max(), firstYear + 1);
        var max = ChartScale.NiceMax(pathway.Select(p => p.Value).Concat(actuals.Select(a => a.Value)).Concat(reference.Select(r => r.Value)).DefaultIfEmpty(0m).Max());
        double X(int year) => Left + ((Width - Left - Right) * (year - firstYear) / (lastYear - firstYear));
        double Y(decimal value) => Top + ((Height - Top - Bottom) * (double)((max - value) / max));
        static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(Width)} {F(Height)}\" width=\"100%\" style=\"max-width:{F(Width)}px\" role=\"img\" data-testid=\"pathway-chart\">");
        for (var k = 0; k <= 5; k++)
        {
            var v = max * k / 5m;
            var y = Y(v);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"#e0e0e0\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{v.ToString("#,##0.##", CultureInfo.InvariantCulture)}</text>");
        }
        var step = Math.Max(1, (lastYear - firstYear + 9) / 10);
        for (var year = firstYear; year <= lastYear; year += step)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(X(year))}\" y=\"{F(Height - Bottom + 16)}\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">{year}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(Left - 6)}\" y=\"{F(Top - 14)}\" font-size=\"11\" text-anchor=\"end\" fill=\"#555\">{Encode(unit)}</text>");
        if (reference.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#9e9e9e\" stroke-width=\"2\" stroke-dasharray=\"6 4\" points=\"{Points(reference, X, Y)}\" data-testid=\"pathway-reference\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2.5\" points=\"{Points(pathway, X, Y)}\" data-testid=\"pathway-line\"/>");
        if (actuals.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"#e65100\" stroke-width=\"2\" points=\"{Points(actuals, X, Y)}\"/>");
        }
        foreach (var (year, value) in actuals)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(year))}\" cy=\"{F(Y(value))}\" r=\"5\" fill=\"#e65100\" data-year=\"{year}\" data-value=\"{value.ToString(CultureInfo.InvariantCulture)}\"><title>{year}: {value.ToString("#,##0.##", CultureInfo.InvariantCulture)} {Encode(unit)}</title></circle>");
        }
        // Legend below the axis labels.
        var ly = Height - 12;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left)}\" x2=\"{F(Left + 24)}\" y1=\"{F(ly - 4)}\" y2=\"{F(ly - 4)}\" stroke=\"#1565c0\" stroke-width=\"2.5\"/><text x=\"{F(Left + 30)}\" y=\"{F(ly)}\" font-size=\"12\">{Encode(pathwayLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(Left + 232)}\" cy=\"{F(ly - 4)}\" r=\"5\" fill=\"#e65100\"/><text x=\"{F(Left + 242)}\" y=\"{F(ly)}\" font-size=\"12\">{Encode(actualLabel)}</text>");
        if (reference.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{F(Left + 372)}\" x2=\"{F(Left + 396)}\" y1=\"{F(ly - 4)}\" y2=\"{F(ly - 4)}\" stroke=\"#9e9e9e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{F(Left + 402)}\" y=\"{F(ly)}\" font-size=\"12\">{Encode(referenceLabel)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Points(IEnumerable<(int Year, decimal Value)> points, Func<int, double> x, Func<decimal, double> y) =>
        string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{x(p.Year):0.#},{y(p.Value):0.#}")));

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

}
