using System.Globalization;
using System.Net;
using System.Text;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Pricing;

/// <summary>The ICP report as one self-contained HTML page (inline CSS and SVG charts, no script): inputs, the yearly
/// table, NPV/IRR/payback with and without the internal price, the stress test, the cash-flow chart, the MACC and the
/// ESRS E1-8 / IFRS S2 29(f) disclosure block. Text from users is HTML-encoded.</summary>
public static class PricingHtmlReport
{
    private const string Css =
        "body{font-family:'Noto Sans TC','Microsoft JhengHei',system-ui,sans-serif;margin:2em;color:#222;font-size:14px}" +
        "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:2px solid #2e7d32;margin-top:1.6em}" +
        "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #bbb;padding:3px 7px;vertical-align:top}" +
        "th{background:#eef5ee;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
        "tr.total td{font-weight:bold;background:#f6f6f6}.note{color:#555;font-size:.92em}svg text{font-size:11px;font-family:inherit}" +
        "@media print{body{margin:1cm;font-size:11px}table,svg{page-break-inside:avoid}}";

    private const double ChartWidth = 720, ChartHeight = 260, PlotLeft = 80, PlotTop = 14, PlotWidth = 620, PlotHeight = 200;

    public static void Write(PricingReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(new UTF8Encoding(false).GetBytes(Render(model)));
    }

    public static string Render(PricingReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = PricingStrings.For(model.Language);
        var sb = new StringBuilder();
        var title = model.Appraisal is not null ? s[PricingText.Title] : s[PricingText.MaccTitle];
        sb.Append("<!DOCTYPE html><html lang=\"").Append(model.Language.Tag()).Append("\"><head><meta charset=\"utf-8\"><title>")
          .Append(E(title)).Append(" — ").Append(E(model.Title)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        sb.Append("<h1>").Append(E(title)).Append("</h1>");
        var header = new List<(string, string)> { (s[PricingText.Project], model.Title) };
        if (model.OrganizationName is { } org) { header.Add((s[PricingText.Organization], org)); }
        header.Add((s[PricingText.GeneratedAt], model.GeneratedAt));
        KeyValues(sb, header);
        sb.Append("<p class=\"note\">").Append(E(s[PricingText.RoundingRule])).Append("</p>");

        if (model.Appraisal is { } r)
        {
            sb.Append("<h2>").Append(E(s[PricingText.Summary])).Append("</h2>");
            KeyValues(sb, PricingTables.Inputs(r.Inputs, s));
            Table(sb, PricingTables.Results(r, s));
            sb.Append("<p class=\"note\">").Append(E(s[PricingText.AbatementCostNote])).Append("</p>");
            sb.Append("<h2>").Append(E(s[PricingText.YearlyTable])).Append("</h2>");
            Table(sb, PricingTables.Years(r, s));
            var sources = r.Years.Where(y => y.GridFactorSource is not null).Select(y => $"{y.CalendarYear}: {y.GridFactorSource}").Distinct().ToList();
            if (sources.Count > 0) { sb.Append("<p class=\"note\">").Append(E(s[PricingText.GridFactorSource] + " — " + string.Join("; ", sources))).Append("</p>"); }
            sb.Append("<h2>").Append(E(s[PricingText.CashFlowChart])).Append("</h2>");
            Chart(sb, PricingCharts.CashFlows(r), s[PricingText.CashFlowChart], [s[PricingText.CashFlowWithout], s[PricingText.CashFlowWith], s[PricingText.CumulativeWith]]);
        }
        if (model.Stress.Count > 0)
        {
            sb.Append("<h2>").Append(E(s[PricingText.StressTest])).Append("</h2>");
            sb.Append("<p class=\"note\">").Append(E(s[PricingText.StressNote])).Append("</p>");
            Table(sb, PricingTables.Stress(model.Stress, s));
        }
        if (model.Macc is { } macc)
        {
            sb.Append("<h2>").Append(E(s[PricingText.Macc])).Append("</h2>");
            Table(sb, PricingTables.Macc(macc, model.MaccPrice, s));
            if (PricingTables.PayingOff(macc, model.MaccPrice, s) is { } line) { sb.Append("<p>").Append(E(line)).Append("</p>"); }
            Chart(sb, PricingCharts.Macc(macc, model.MaccPrice), s[PricingText.MaccChart], [s[PricingText.CostPerTonne]]);
        }
        if (model.Disclosures.Count > 0)
        {
            sb.Append("<h2>").Append(E(s[PricingText.Disclosure])).Append("</h2>");
            sb.Append("<p class=\"note\">").Append(E(s[PricingText.DisclosureNote])).Append("</p>");
            Table(sb, PricingTables.Disclosure(model.Disclosures, s));
            sb.Append("<p class=\"note\">").Append(E(s[PricingText.CarbonFeeContext])).Append("</p>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>The cash-flow chart alone as inline SVG (every text HTML-encoded), for the web page.</summary>
    public static string CashFlowSvg(CarbonLedger.Pricing.AppraisalResult appraisal, ReportLanguage language)
    {
        var s = PricingStrings.For(language);
        var sb = new StringBuilder();
        Chart(sb, PricingCharts.CashFlows(appraisal), s[PricingText.CashFlowChart], [s[PricingText.CashFlowWithout], s[PricingText.CashFlowWith], s[PricingText.CumulativeWith]]);
        return sb.ToString();
    }

    /// <summary>The MACC chart alone as inline SVG (every text HTML-encoded), for the web page.</summary>
    public static string MaccSvg(CarbonLedger.Pricing.Macc macc, CarbonLedger.Pricing.CarbonPrice? price, ReportLanguage language)
    {
        var s = PricingStrings.For(language);
        var sb = new StringBuilder();
        Chart(sb, PricingCharts.Macc(macc, price), s[PricingText.MaccChart], [s[PricingText.CostPerTonne]]);
        return sb.ToString();
    }

    private static void KeyValues(StringBuilder sb, IEnumerable<(string Label, string Value)> rows)
    {
        sb.Append("<table>");
        foreach (var (label, value) in rows) { sb.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>"); }
        sb.Append("</table>");
    }

    private static void Table(StringBuilder sb, PricingTable t)
    {
        sb.Append("<table><thead><tr>");
        foreach (var h in t.Headers) { sb.Append("<th>").Append(E(h)).Append("</th>"); }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows) { Row(sb, row, null); }
        if (t.Total is { } total) { Row(sb, total, "total"); }
        sb.Append("</tbody></table>");
    }

    private static void Row(StringBuilder sb, PricingCell[] cells, string? css)
    {
        sb.Append(css is null ? "<tr>" : $"<tr class=\"{css}\">");
        foreach (var c in cells) { sb.Append(c.Numeric ? "<td class=\"n\">" : "<td>").Append(E(c.Text)).Append("</td>"); }
        sb.Append("</tr>");
    }

    private static readonly string[] Colors = ["#9e9e9e", "#2e7d32", "#1565c0"];

    private static void Chart(StringBuilder sb, ChartLayout c, string title, IReadOnlyList<string> legend)
    {
        string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        double X(double x) => PlotLeft + (x * PlotWidth);
        double Y(double y) => PlotTop + (y * PlotHeight);
        sb.Append("<svg role=\"img\" aria-label=\"").Append(E(title)).Append("\" width=\"").Append(F(ChartWidth)).Append("\" height=\"").Append(F(ChartHeight + 20))
          .Append("\" viewBox=\"0 0 ").Append(F(ChartWidth)).Append(' ').Append(F(ChartHeight + 20)).Append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var (y, label) in c.Ticks)
        {
            sb.Append("<line x1=\"").Append(F(PlotLeft)).Append("\" x2=\"").Append(F(PlotLeft + PlotWidth)).Append("\" y1=\"").Append(F(Y(y))).Append("\" y2=\"").Append(F(Y(y)))
              .Append("\" stroke=\"#e0e0e0\"/><text x=\"").Append(F(PlotLeft - 4)).Append("\" y=\"").Append(F(Y(y) + 4)).Append("\" text-anchor=\"end\">").Append(E(label)).Append("</text>");
        }
        foreach (var b in c.Bars)
        {
            var color = c.Line.Count == 0 ? (b.PaysOff ? Colors[1] : "#c62828") : Colors[b.Series];
            sb.Append("<rect x=\"").Append(F(X(b.X))).Append("\" y=\"").Append(F(Y(b.Y))).Append("\" width=\"").Append(F(b.Width * PlotWidth)).Append("\" height=\"")
              .Append(F(b.Height * PlotHeight)).Append("\" fill=\"").Append(color).Append("\" stroke=\"#fff\" stroke-width=\"0.5\"><title>").Append(E(b.Label)).Append("</title></rect>");
            if (c.Line.Count == 0 && b.Width * PlotWidth > 30)
            {
                sb.Append("<text x=\"").Append(F(X(b.X + (b.Width / 2)))).Append("\" y=\"").Append(F(Y(b.Y) - 3)).Append("\" text-anchor=\"middle\">").Append(E(b.Label)).Append("</text>");
            }
        }
        sb.Append("<line x1=\"").Append(F(PlotLeft)).Append("\" x2=\"").Append(F(PlotLeft + PlotWidth)).Append("\" y1=\"").Append(F(Y(c.ZeroY))).Append("\" y2=\"").Append(F(Y(c.ZeroY)))
          .Append("\" stroke=\"#555\"/>");
        if (c.Line.Count > 0)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"").Append(Colors[2]).Append("\" stroke-width=\"2\" points=\"")
              .Append(string.Join(' ', c.Line.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"))).Append("\"/>");
        }
        if (c.Threshold is { } t)
        {
            sb.Append("<line x1=\"").Append(F(PlotLeft)).Append("\" x2=\"").Append(F(PlotLeft + PlotWidth)).Append("\" y1=\"").Append(F(Y(t.Y))).Append("\" y2=\"").Append(F(Y(t.Y)))
              .Append("\" stroke=\"#1565c0\" stroke-dasharray=\"6 3\"/><text x=\"").Append(F(PlotLeft + PlotWidth)).Append("\" y=\"").Append(F(Y(t.Y) - 4))
              .Append("\" text-anchor=\"end\" fill=\"#1565c0\">").Append(E(t.Label)).Append("</text>");
        }
        foreach (var (x, label) in c.XLabels)
        {
            sb.Append("<text x=\"").Append(F(X(x))).Append("\" y=\"").Append(F(PlotTop + PlotHeight + 16)).Append("\" text-anchor=\"middle\">").Append(E(label)).Append("</text>");
        }
        var lx = PlotLeft;
        for (var i = 0; i < legend.Count; i++)
        {
            var color = legend.Count == 1 ? Colors[1] : Colors[i];
            sb.Append("<rect x=\"").Append(F(lx)).Append("\" y=\"").Append(F(ChartHeight + 4)).Append("\" width=\"10\" height=\"10\" fill=\"").Append(color).Append("\"/>")
              .Append("<text x=\"").Append(F(lx + 14)).Append("\" y=\"").Append(F(ChartHeight + 13)).Append("\">").Append(E(legend[i])).Append("</text>");
            lx += 40 + (legend[i].Length * 7);
        }
        sb.Append("</svg>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
