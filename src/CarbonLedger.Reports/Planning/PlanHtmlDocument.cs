using System.Globalization;
using System.Net;
using System.Text;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Planning;

/// <summary>The transition plan as one self-contained, print-friendly HTML page (inline CSS and SVG, no script): headings
/// h1-h3 in the sample's numbering, bordered tables, a pathway chart per target. Text from users is HTML-encoded.</summary>
public static class PlanHtmlDocument
{
    private const string Css =
        "body{font-family:'Noto Sans TC','Noto Sans CJK TC','Microsoft JhengHei',system-ui,sans-serif;margin:2em auto;max-width:60em;color:#222;font-size:14px;line-height:1.6}" +
        "h1{font-size:1.6em;color:#2e7d32}h2{font-size:1.25em;border-bottom:2px solid #2e7d32;margin-top:1.6em}h3{font-size:1.08em;margin-top:1.2em}" +
        "p{margin:.35em 0}p.i1{margin-left:1.5em}p.i2{margin-left:3em}p.i3{margin-left:4.5em}p.note{color:#555;font-size:.92em}" +
        "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #888;padding:3px 7px;vertical-align:top}" +
        "th{background:#eef5ee;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.label{background:#f6f6f6;max-width:22em}" +
        "svg text{font-size:11px;font-family:inherit}" +
        "@media print{body{margin:1cm;font-size:11px;max-width:none}table,svg{page-break-inside:avoid}h2,h3{page-break-after:avoid}}";

    private const double ChartWidth = 720, PlotLeft = 80, PlotTop = 14, PlotWidth = 610, PlotHeight = 200;

    public static void Write(PlanDocumentModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(new UTF8Encoding(false).GetBytes(Render(model)));
    }

    public static string Render(PlanDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"").Append(model.Language.Tag()).Append("\"><head><meta charset=\"utf-8\"><title>")
          .Append(E(model.Title)).Append(" — ").Append(E(model.OrganizationName)).Append("</title><style>").Append(Css).Append("</style></head><body>");
        foreach (var block in model.Blocks)
        {
            switch (block)
            {
                case PlanHeading h:
                    var tag = $"h{h.Level + 1}";
                    sb.Append('<').Append(tag).Append('>').Append(E(h.Text)).Append("</").Append(tag).Append('>');
                    break;
                case PlanParagraph p:
                    var css = p.IsNote ? "note" : "";
                    if (p.Indent > 0) { css = (css + " i" + Math.Min(p.Indent, 3).ToString(CultureInfo.InvariantCulture)).Trim(); }
                    sb.Append(css.Length == 0 ? "<p>" : $"<p class=\"{css}\">").Append(E(p.Text)).Append("</p>");
                    break;
                case PlanTable t:
                    Table(sb, t);
                    break;
                case PlanPathwayChart c:
                    Chart(sb, c);
                    break;
                default:
                    throw new InvalidOperationException($"no HTML for block {block.GetType().Name}");
            }
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, PlanTable t)
    {
        sb.Append("<table><thead><tr>");
        foreach (var h in t.Headers) { sb.Append("<th>").Append(E(h)).Append("</th>"); }
        sb.Append("</tr></thead><tbody>");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var cell = row[i];
                var css = t.LabelColumn && i == 0 ? " class=\"label\"" : cell.Numeric ? " class=\"n\"" : "";
                sb.Append("<td").Append(css).Append('>').Append(E(cell.Text)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table>");
    }

    private static void Chart(StringBuilder sb, PlanPathwayChart chart)
    {
        var c = PlanChartLayout.Of(chart);
        static string F(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        static double X(double x) => PlotLeft + (x * PlotWidth);
        static double Y(double y) => PlotTop + (y * PlotHeight);
        var height = PlotTop + PlotHeight + 46;
        sb.Append("<figure><svg role=\"img\" aria-label=\"").Append(E(chart.Title)).Append("\" width=\"").Append(F(ChartWidth)).Append("\" height=\"").Append(F(height))
          .Append("\" viewBox=\"0 0 ").Append(F(ChartWidth)).Append(' ').Append(F(height)).Append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        foreach (var (y, label) in c.Ticks)
        {
            sb.Append("<line x1=\"").Append(F(PlotLeft)).Append("\" x2=\"").Append(F(PlotLeft + PlotWidth)).Append("\" y1=\"").Append(F(Y(y))).Append("\" y2=\"").Append(F(Y(y)))
              .Append("\" stroke=\"#e0e0e0\"/><text x=\"").Append(F(PlotLeft - 4)).Append("\" y=\"").Append(F(Y(y) + 4)).Append("\" text-anchor=\"end\">").Append(E(label)).Append("</text>");
        }
        foreach (var (x, label) in c.XLabels)
        {
            sb.Append("<text x=\"").Append(F(X(x))).Append("\" y=\"").Append(F(PlotTop + PlotHeight + 16)).Append("\" text-anchor=\"middle\">").Append(E(label)).Append("</text>");
        }
        sb.Append("<polyline fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\" points=\"")
          .Append(string.Join(' ', c.Pathway.Select(p => $"{F(X(p.X))},{F(Y(p.Y))}"))).Append("\"/>");
        foreach (var (x, y, label) in c.Actuals)
        {
            sb.Append("<circle cx=\"").Append(F(X(x))).Append("\" cy=\"").Append(F(Y(y))).Append("\" r=\"4\" fill=\"#1565c0\"><title>").Append(E(label)).Append("</title></circle>");
        }
        var ly = PlotTop + PlotHeight + 34;
        sb.Append("<rect x=\"").Append(F(PlotLeft)).Append("\" y=\"").Append(F(ly - 9)).Append("\" width=\"14\" height=\"3\" fill=\"#2e7d32\"/><text x=\"").Append(F(PlotLeft + 18))
          .Append("\" y=\"").Append(F(ly)).Append("\">").Append(E($"{chart.PathwayLabel} ({chart.Unit})")).Append("</text>");
        if (c.Actuals.Count > 0)
        {
            sb.Append("<circle cx=\"").Append(F(PlotLeft + 200)).Append("\" cy=\"").Append(F(ly - 4)).Append("\" r=\"4\" fill=\"#1565c0\"/><text x=\"").Append(F(PlotLeft + 208))
              .Append("\" y=\"").Append(F(ly)).Append("\">").Append(E(chart.ActualLabel)).Append("</text>");
        }
        sb.Append("</svg><figcaption class=\"note\">").Append(E(chart.Title)).Append("</figcaption></figure>");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
