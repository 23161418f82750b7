using System.Globalization;
using CarbonLedger.Reports.Inventory;
using SkiaSharp;

namespace CarbonLedger.Reports.Pricing;

/// <summary>The ICP report as an A4 PDF with the same sections and figures as <see cref="PricingHtmlReport"/>, drawn with
/// the inventory PDF's page writer and CJK font (<see cref="PdfFonts"/>), the cash-flow and MACC charts as vector
/// graphics laid out by <see cref="PricingCharts"/>.</summary>
public static class PricingPdfReport
{
    private static readonly SKColor[] SeriesColors = [new(0x9e, 0x9e, 0x9e), PdfPageWriter.Green, PdfPageWriter.Blue];
    private static readonly SKColor Loss = new(0xc6, 0x28, 0x28);

    public static void Write(PricingReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var font = PdfFonts.Resolve();
        var s = PricingStrings.For(model.Language);
        var tableStrings = ReportStrings.For(model.Language);
        var title = model.Appraisal is not null ? s[PricingText.Title] : s[PricingText.MaccTitle];
        var pages = new List<SKPicture>();
        try
        {
            using (var p = new PdfPageWriter(font.Regular, font.Bold, pages))
            {
                p.Title(title, model.Title);
                var header = new List<(string, string)>();
                if (model.OrganizationName is { } org) { header.Add((s[PricingText.Organization], org)); }
                header.Add((s[PricingText.GeneratedAt], model.GeneratedAt));
                p.KeyValues([.. header]);
                p.Note(s[PricingText.RoundingRule]);
                if (model.Appraisal is { } r)
                {
                    p.H2(s[PricingText.Summary]);
                    p.KeyValues([.. PricingTables.Inputs(r.Inputs, s)]);
                    Table(p, PricingTables.Results(r, s), tableStrings);
                    p.Note(s[PricingText.AbatementCostNote]);
                    p.H2(s[PricingText.YearlyTable]);
                    Table(p, PricingTables.Years(r, s), tableStrings);
                    p.H2(s[PricingText.CashFlowChart]);
                    Chart(p, PricingCharts.CashFlows(r), [s[PricingText.CashFlowWithout], s[PricingText.CashFlowWith], s[PricingText.CumulativeWith]]);
                }
                if (model.Stress.Count > 0)
                {
                    p.H2(s[PricingText.StressTest]);
                    p.Note(s[PricingText.StressNote]);
                    Table(p, PricingTables.Stress(model.Stress, s), tableStrings);
                }
                if (model.Macc is { } macc)
                {
                    p.H2(s[PricingText.Macc]);
                    Table(p, PricingTables.Macc(macc, model.MaccPrice, s), tableStrings);
                    if (PricingTables.PayingOff(macc, model.MaccPrice, s) is { } line) { p.Note(line); }
                    Chart(p, PricingCharts.Macc(macc, model.MaccPrice), [s[PricingText.CostPerTonne]]);
                }
                if (model.Disclosures.Count > 0)
                {
                    p.H2(s[PricingText.Disclosure]);
                    p.Note(s[PricingText.DisclosureNote]);
                    Table(p, PricingTables.Disclosure(model.Disclosures, s), tableStrings);
                    p.Note(s[PricingText.CarbonFeeContext]);
                }
            }
            WriteDocument(model, title, font.Regular, pages, output);
        }
        finally
        {
            foreach (var picture in pages) { picture.Dispose(); }
        }
    }

    private static void Table(PdfPageWriter p, PricingTable t, ReportStrings strings) =>
        p.Table(t.Headers, t.Rows.Select(Cells), strings, t.Total is { } total ? Cells(total) : null);

    private static PdfCell[] Cells(PricingCell[] cells) => cells.Select(c => new PdfCell(c.Text, c.Numeric)).ToArray();

    private static void Chart(PdfPageWriter p, ChartLayout c, IReadOnlyList<string> legend) => p.Figure(200f, (canvas, box, typeface) =>
    {
        using var font = new SKFont(typeface, 6.5f);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, Color = new SKColor(0xe0, 0xe0, 0xe0) };
        var left = box.Left + 60f;
        var top = box.Top + 6f;
        var width = box.Width - 70f;
        var height = box.Height - 40f;
        float X(double x) => left + (float)(x * width);
        float Y(double y) => top + (float)(y * height);
        fill.Color = PdfPageWriter.Muted;
        foreach (var (y, label) in c.Ticks)
        {
            canvas.DrawLine(left, Y(y), left + width, Y(y), stroke);
            canvas.DrawText(label, left - 3f, Y(y) + 2.5f, SKTextAlign.Right, font, fill);
        }
        foreach (var b in c.Bars)
        {
            fill.Color = c.Line.Count == 0 ? (b.PaysOff ? PdfPageWriter.Green : Loss) : SeriesColors[b.Series];
            canvas.DrawRect(X(b.X), Y(b.Y), (float)(b.Width * width), Math.Max((float)(b.Height * height), 0.3f), fill);
            if (c.Line.Count == 0 && b.Width * width > 30)
            {
                fill.Color = PdfPageWriter.Muted;
                canvas.DrawText(PdfPageWriter.Truncate(b.Label, font, (float)(b.Width * width)), X(b.X + (b.Width / 2)), Y(b.Y) - 2f, SKTextAlign.Center, font, fill);
            }
        }
        stroke.Color = PdfPageWriter.Muted;
        canvas.DrawLine(left, Y(c.ZeroY), left + width, Y(c.ZeroY), stroke);
        if (c.Line.Count > 1)
        {
            using var path = new SKPath();
            path.MoveTo(X(c.Line[0].X), Y(c.Line[0].Y));
            foreach (var (x, y) in c.Line.Skip(1)) { path.LineTo(X(x), Y(y)); }
            using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = PdfPageWriter.Blue };
            canvas.DrawPath(path, line);
        }
        if (c.Threshold is { } t)
        {
            using var dash = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f, Color = PdfPageWriter.Blue, PathEffect = SKPathEffect.CreateDash([5f, 3f], 0f) };
            canvas.DrawLine(left, Y(t.Y), left + width, Y(t.Y), dash);
            fill.Color = PdfPageWriter.Blue;
            canvas.DrawText(t.Label, left + width, Y(t.Y) - 2f, SKTextAlign.Right, font, fill);
        }
        fill.Color = PdfPageWriter.Muted;
        foreach (var (x, label) in c.XLabels) { canvas.DrawText(label, X(x), top + height + 10f, SKTextAlign.Center, font, fill); }
        var lx = left;
        for (var i = 0; i < legend.Count; i++)
        {
            fill.Color = legend.Count == 1 ? PdfPageWriter.Green : SeriesColors[i];
            canvas.DrawRect(lx, top + height + 18f, 7f, 7f, fill);
            fill.Color = PdfPageWriter.Muted;
            canvas.DrawText(legend[i], lx + 10f, top + height + 24.5f, SKTextAlign.Left, font, fill);
            lx += 24f + font.MeasureText(legend[i]);
        }
    });

    private static void WriteDocument(PricingReportModel model, string title, SKTypeface typeface, List<SKPicture> pages, Stream output)
    {
        var generated = DateTime.Parse(model.GeneratedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{title} — {model.Title}", Creator = "CarbonLedger", Producer = "CarbonLedger (SkiaSharp PDF)",
            Creation = generated, Modified = generated, RasterDpi = 300,
        };
        PdfPageWriter.WriteDocument(metadata, $"{title} — {model.Title}", typeface, pages, output);
    }
}
