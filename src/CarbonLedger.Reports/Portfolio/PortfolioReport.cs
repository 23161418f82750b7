using System.Globalization;
using System.Net;
using System.Text;
using CarbonLedger.Portfolio;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CarbonLedger.Reports.Portfolio;

/// <summary>One name's weight before (benchmark) and after (optimised), as fractions.</summary>
public sealed record WeightChange(string Company, double Before, double After);

/// <summary>What a portfolio report shows: weights before/after, the TE-vs-reduction frontier and the solver's figures.</summary>
public sealed record PortfolioReportModel(string Title, IReadOnlyList<WeightChange> Weights, IReadOnlyList<FrontierPoint> Frontier, TrackingErrorSolution? Solution, string RiskModelNote)
{
    public static PortfolioReportModel From(string title, TrackingErrorProblem problem, TrackingErrorSolution solution, IReadOnlyList<FrontierPoint> frontier)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(solution);
        var weights = problem.Risk.Names.Select((n, i) => new WeightChange(n, problem.BenchmarkWeights[i], solution.Weights.Count > i ? solution.Weights[i] : double.NaN)).ToList();
        return new PortfolioReportModel(title, weights, frontier, solution, problem.Risk.Method);
    }
}

/// <summary>HTML report with inline SVG charts (no script, no external assets).</summary>
public static class PortfolioHtmlReport
{
    public static string Render(PortfolioReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(model.Title)).Append("</title>")
          .Append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}td:first-child{text-align:left}</style></head><body>");
        sb.Append("<h1>").Append(E(model.Title)).Append("</h1><p>Risk model: ").Append(E(model.RiskModelNote)).Append("</p>");
        if (model.Solution is { } s)
        {
            sb.Append(Inv($"<p>Status {s.Status}; TE {s.TrackingError:P3}; carbon {s.CarbonTonnes:N0} t (target {s.CarbonTargetTonnes:N0} t); Σw−1 {s.SumResidual:E1}; stationarity {s.StationarityResidual:E1}; duality gap {s.DualityGap:E1}; {s.Iterations} iterations; solver {E(s.Solver)}</p>"));
        }
        sb.Append("<h2>Weights before and after</h2>").Append(WeightsSvg(model.Weights));
        sb.Append("<h2>Tracking error against reduction</h2>").Append(FrontierSvg(model.Frontier));
        sb.Append("<h2>Weights</h2><table><tr><th>company</th><th>benchmark</th><th>optimised</th><th>change</th></tr>");
        foreach (var w in model.Weights)
        {
            sb.Append(Inv($"<tr><td>{E(w.Company)}</td><td>{w.Before:P2}</td><td>{w.After:P2}</td><td>{w.After - w.Before:+0.00%;-0.00%;0.00%}</td></tr>"));
        }
        sb.Append("</table></body></html>");
        return sb.ToString();
    }

    /// <summary>Horizontal paired bars: grey = benchmark, green = optimised.</summary>
    public static string WeightsSvg(IReadOnlyList<WeightChange> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        const int rowHeight = 16, labelWidth = 110, barWidth = 420;
        var max = weights.Count == 0 ? 1 : Math.Max(weights.Max(w => Math.Max(w.Before, double.IsNaN(w.After) ? 0 : w.After)), 1e-9);
        var height = (weights.Count * rowHeight) + 20;
        var sb = new StringBuilder(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"weights\" width=\"{labelWidth + barWidth + 80}\" height=\"{height}\" role=\"img\" aria-label=\"weights before and after\">"));
        for (var i = 0; i < weights.Count; i++)
        {
            var w = weights[i];
            var y = 10 + (i * rowHeight);
            var after = double.IsNaN(w.After) ? 0 : w.After;
            sb.Append(Inv($"<text x=\"0\" y=\"{y + 11}\" font-size=\"11\">{E(w.Company)}</text>"));
            sb.Append(Inv($"<rect class=\"before\" x=\"{labelWidth}\" y=\"{y}\" width=\"{barWidth * w.Before / max:F2}\" height=\"6\" fill=\"#999\"><title>{E(w.Company)} benchmark {w.Before:P2}</title></rect>"));
            sb.Append(Inv($"<rect class=\"after\" x=\"{labelWidth}\" y=\"{y + 7}\" width=\"{barWidth * after / max:F2}\" height=\"6\" fill=\"#2a7\"><title>{E(w.Company)} optimised {after:P2}</title></rect>"));
        }
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Line chart of TE (y) against reduction (x); infeasible points are omitted.</summary>
    public static string FrontierSvg(IReadOnlyList<FrontierPoint> frontier)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        const int w = 480, h = 260, pad = 40;
        var pts = frontier.Where(p => p.Status != OptimizationStatus.Infeasible && double.IsFinite(p.TrackingError)).ToList();
        var maxX = pts.Count == 0 ? 1 : Math.Max(pts.Max(p => p.Reduction), 1e-9);
        var maxY = pts.Count == 0 ? 1 : Math.Max(pts.Max(p => p.TrackingError), 1e-9);
        var sb = new StringBuilder(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"frontier\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"tracking error against reduction\">"));
        sb.Append(Inv($"<line x1=\"{pad}\" y1=\"{h - pad}\" x2=\"{w - 10}\" y2=\"{h - pad}\" stroke=\"#000\"/><line x1=\"{pad}\" y1=\"10\" x2=\"{pad}\" y2=\"{h - pad}\" stroke=\"#000\"/>"));
        sb.Append(Inv($"<text x=\"{w / 2}\" y=\"{h - 8}\" font-size=\"11\">reduction (max {maxX:P1})</text><text x=\"2\" y=\"20\" font-size=\"11\">TE (max {maxY:P2})</text>"));
        var coords = pts.Select(p => (X: pad + ((w - pad - 10) * p.Reduction / maxX), Y: h - pad - ((h - pad - 10) * p.TrackingError / maxY), P: p)).ToList();
        if (coords.Count > 0)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"#2a7\" stroke-width=\"2\" points=\"")
              .Append(string.Join(' ', coords.Select(c => Inv($"{c.X:F1},{c.Y:F1}")))).Append("\"/>");
            foreach (var c in coords)
            {
                sb.Append(Inv($"<circle cx=\"{c.X:F1}\" cy=\"{c.Y:F1}\" r=\"3\" fill=\"#2a7\"><title>R {c.P.Reduction:P1}: TE {c.P.TrackingError:P3}</title></circle>"));
            }
        }
        return sb.Append("</svg>").ToString();
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>.xlsx report: sheets "weights", "frontier" and "solver". Written with the Open XML SDK directly: ClosedXML
/// 0.95.4's XLWorkbook fails its type initialisation on .NET 10 here (InvalidProgramException), so it is not used.</summary>
public static class PortfolioXlsxReport
{
    public static void Write(PortfolioReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var wbPart = doc.AddWorkbookPart();
        wbPart.Workbook = new Workbook(new Sheets());
        AddSheet(wbPart, 1, "weights", [["company", "benchmark", "optimised", "change"],
            .. model.Weights.Select(w => new object[] { w.Company, w.Before, w.After, w.After - w.Before })]);
        AddSheet(wbPart, 2, "frontier", [["reduction", "status", "tracking error", "carbon t"],
            .. model.Frontier.Select(p => new object[] { p.Reduction, p.Status.ToString(), p.TrackingError, p.CarbonTonnes })]);
        var s = model.Solution;
        AddSheet(wbPart, 3, "solver", s is null ? [["risk model", model.RiskModelNote]] :
        [
            ["status", s.Status.ToString()], ["message", s.Message], ["solver", s.Solver], ["risk model", model.RiskModelNote],
            ["tracking error", s.TrackingError], ["carbon t", s.CarbonTonnes], ["carbon target t", s.CarbonTargetTonnes],
            ["sum residual", s.SumResidual], ["carbon residual t", s.CarbonResidualTonnes], ["stationarity", s.StationarityResidual],
            ["duality gap", s.DualityGap], ["iterations", (double)s.Iterations],
        ]);
        wbPart.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart wbPart, uint id, string name, IReadOnlyList<object[]> rows)
    {
        var part = wbPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var row in rows)
        {
            var r = new Row();
            foreach (var value in row)
            {
                r.Append(value switch
                {
                    double d when double.IsFinite(d) => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                    double => new Cell(),
                    _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")) },
                });
            }
            data.Append(r);
        }
        part.Worksheet = new Worksheet(data);
        wbPart.Workbook.Sheets!.Append(new Sheet { Id = wbPart.GetIdOfPart(part), SheetId = id, Name = name });
    }
}
