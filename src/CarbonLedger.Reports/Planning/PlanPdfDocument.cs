using CarbonLedger.Reports.Inventory;
using SkiaSharp;

namespace CarbonLedger.Reports.Planning;

/// <summary>The transition plan as an A4 PDF with the same blocks as <see cref="PlanHtmlDocument"/>, drawn with the inventory
/// PDF's page writer and CJK font (<see cref="PdfFonts"/>); each target's pathway as a vector chart.</summary>
public static class PlanPdfDocument
{
    private const float IndentStep = 14f;

    public static void Write(PlanDocumentModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var font = PdfFonts.Resolve();
        var tableStrings = ReportStrings.For(model.Language);
        var pages = new List<SKPicture>();
        try
        {
            using (var p = new PdfPageWriter(font.Regular, font.Bold, pages))
            {
                foreach (var block in model.Blocks)
                {
                    switch (block)
                    {
                        case PlanHeading { Level: 0 } h: p.Title(h.Text, ""); break; // the organization follows as the model's first paragraph
                        case PlanHeading { Level: 1 } h: p.H2(h.Text); break;
                        case PlanHeading h: p.H3(h.Text); break;
                        case PlanParagraph { IsNote: true } n: p.Note(n.Text); break;
                        case PlanParagraph b: p.Body(b.Text, b.Indent * IndentStep); break;
                        case PlanTable t:
                            p.Table(t.Headers, t.Rows.Select(r => r.Select(c => new PdfCell(c.Text, c.Numeric)).ToArray()), tableStrings);
                            break;
                        case PlanPathwayChart c: Chart(p, c); break;
                        default: throw new InvalidOperationException($"no PDF for block {block.GetType().Name}");
                    }
                }
            }
            WriteDocument(model, font.Regular, pages, output);
        }
        finally
        {
            foreach (var picture in pages) { picture.Dispose(); }
        }
    }

    private static void Chart(PdfPageWriter p, PlanPathwayChart chart) => p.Figure(190f, (canvas, box, typeface) =>
    {
        var c = PlanChartLayout.Of(chart);
        using var font = new SKFont(typeface, 6.5f);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var grid = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, Color = new SKColor(0xe0, 0xe0, 0xe0) };
        using var line = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, Color = PdfPageWriter.Green };
        var left = box.Left + 60f;
        var top = box.Top + 6f;
        var width = box.Width - 70f;
        var height = box.Height - 44f;
        float X(double x) => left + (float)(x * width);
        float Y(double y) => top + (float)(y * height);
        fill.Color = PdfPageWriter.Muted;
        foreach (var (y, label) in c.Ticks)
        {
            canvas.DrawLine(left, Y(y), left + width, Y(y), grid);
            canvas.DrawText(label, left - 3f, Y(y) + 2.5f, SKTextAlign.Right, font, fill);
        }
        foreach (var (x, label) in c.XLabels) { canvas.DrawText(label, X(x), top + height + 10f, SKTextAlign.Center, font, fill); }
        if (c.Pathway.Count > 1)
        {
            using var path = new SKPath();
            path.MoveTo(X(c.Pathway[0].X), Y(c.Pathway[0].Y));
            foreach (var (x, y) in c.Pathway.Skip(1)) { path.LineTo(X(x), Y(y)); }
            canvas.DrawPath(path, line);
        }
        fill.Color = PdfPageWriter.Blue;
        foreach (var (x, y, _) in c.Actuals) { canvas.DrawCircle(X(x), Y(y), 2.5f, fill); }
        var ly = top + height + 24f;
        fill.Color = PdfPageWriter.Green;
        canvas.DrawRect(left, ly - 4f, 10f, 2f, fill);
        fill.Color = PdfPageWriter.Muted;
        var legend = $"{chart.PathwayLabel} ({chart.Unit})";
        canvas.DrawText(legend, left + 13f, ly, SKTextAlign.Left, font, fill);
        if (c.Actuals.Count > 0)
        {
            var ax = left + 30f + font.MeasureText(legend);
            fill.Color = PdfPageWriter.Blue;
            canvas.DrawCircle(ax, ly - 3f, 2.5f, fill);
            fill.Color = PdfPageWriter.Muted;
            canvas.DrawText(chart.ActualLabel, ax + 6f, ly, SKTextAlign.Left, font, fill);
        }
        fill.Color = PdfPageWriter.Muted;
        canvas.DrawText(PdfPageWriter.Truncate(chart.Title, font, box.Width), box.Left, box.Bottom - 2f, SKTextAlign.Left, font, fill);
    });

    private static void WriteDocument(PlanDocumentModel model, SKTypeface typeface, List<SKPicture> pages, Stream output)
    {
        var title = $"{model.Title} — {model.OrganizationName}";
        var metadata = new SKDocumentPdfMetadata { Title = title, Creator = "CarbonLedger", Producer = "CarbonLedger (SkiaSharp PDF)", RasterDpi = 300 };
        PdfPageWriter.WriteDocument(metadata, title, typeface, pages, output);
    }
}
