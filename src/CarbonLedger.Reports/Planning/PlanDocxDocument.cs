using CarbonLedger.Reports.Inventory;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CarbonLedger.Reports.Planning;

/// <summary>The transition plan as a Word document (.docx, ECMA-376 transitional), the format these plans are edited in:
/// real Title/Heading1/Heading2 styles (Word's navigation pane and table of contents see them), bordered tables for
/// the activity, metric and pathway tables, and an East-Asian font in the document defaults so Word and LibreOffice
/// set Chinese text in a Traditional Chinese face. Pathway charts are in the HTML and PDF; here the pathway table
/// carries the same figures.</summary>
public static class PlanDocxDocument
{
    /// <summary>The East-Asian face the document asks for: 微軟正黑體 ships with Windows Word; LibreOffice maps it through
    /// fontconfig (to Noto Sans CJK TC on Debian with fonts-noto-cjk).</summary>
    public const string EastAsianFont = "Microsoft JhengHei";

    public const string LatinFont = "Calibri";

    /// <summary>Text width of an A4 page with 2 cm margins, in twentieths of a point: 11906 − 2 × 1134.</summary>
    private const int TextWidthTwips = 11906 - (2 * 1134);

    private const int IndentTwips = 420;

    public static void Write(PlanDocumentModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        // The package needs a seekable stream; an HTTP body is not one.
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"{model.Title} — {model.OrganizationName}";
            document.PackageProperties.Creator = "CarbonLedger";
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles(model.Language);
            var body = new Body();
            foreach (var block in model.Blocks)
            {
                switch (block)
                {
                    case PlanHeading h:
                        body.Append(Paragraph(h.Text, h.Level switch { 0 => "Title", 1 => "Heading1", _ => "Heading2" }));
                        break;
                    case PlanParagraph p:
                        body.Append(Paragraph(p.Text, p.IsNote ? "Note" : null, p.Indent));
                        break;
                    case PlanTable t:
                        body.Append(Table(t));
                        body.Append(new Paragraph());
                        break;
                    case PlanPathwayChart:
                        break;
                    default:
                        throw new InvalidOperationException($"no Word rendering for block {block.GetType().Name}");
                }
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Right = 1134U, Bottom = 1134, Left = 1134U, Header = 709U, Footer = 709U, Gutter = 0U }));
            main.Document = new Document(body);
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static Paragraph Paragraph(string text, string? style, int indent = 0, bool bold = false, bool right = false)
    {
        var properties = new ParagraphProperties();
        if (style is not null) { properties.Append(new ParagraphStyleId { Val = style }); }
        if (indent > 0) { properties.Append(new Indentation { Left = (indent * IndentTwips).ToString(System.Globalization.CultureInfo.InvariantCulture) }); }
        if (right) { properties.Append(new Justification { Val = JustificationValues.Right }); }
        var run = new Run();
        if (bold) { run.Append(new RunProperties(new Bold())); }
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        var paragraph = new Paragraph();
        if (properties.HasChildren) { paragraph.Append(properties); }
        paragraph.Append(run);
        return paragraph;
    }

    private static Table Table(PlanTable t)
    {
        var widths = ColumnWidths(t);
        static T Edge<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4U, Space = 0U, Color = "888888" };
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidthTwips.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(Edge<TopBorder>(), Edge<LeftBorder>(), Edge<BottomBorder>(), Edge<RightBorder>(), Edge<InsideHorizontalBorder>(), Edge<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })));
        table.Append(new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < t.Headers.Count; i++) { header.Append(Cell(t.Headers[i], widths[i], shaded: true, bold: true, right: false)); }
        table.Append(header);
        foreach (var row in t.Rows)
        {
            var tr = new TableRow();
            for (var i = 0; i < row.Count; i++)
            {
                var label = t.LabelColumn && i == 0;
                tr.Append(Cell(row[i].Text, widths[i], shaded: label, bold: false, right: row[i].Numeric));
            }
            table.Append(tr);
        }
        return table;
    }

    private static TableCell Cell(string text, int width, bool shaded, bool bold, bool right)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded) { properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "EEF5EE" }); }
        return new TableCell(properties, Paragraph(text, "TableText", bold: bold, right: right));
    }

    /// <summary>Column widths in proportion to each column's longest text (a CJK character counting double), at least a
    /// sixteenth of the width; a label column (the activity table's row names) takes two fifths.</summary>
    private static int[] ColumnWidths(PlanTable t)
    {
        static double Length(string s) => Math.Min(40, s.Sum(c => c >= '\u2E80' ? 2.0 : 1.0));
        var n = t.Headers.Count;
        var want = Enumerable.Range(0, n).Select(i => Math.Max(4.0, t.Rows.Select(r => Length(r[i].Text)).Append(Length(t.Headers[i])).Max())).ToArray();
        if (t.LabelColumn && n > 1)
        {
            var rest = want.Skip(1).Sum();
            want[0] = rest * 2 / 3;
        }
        var total = want.Sum();
        var widths = want.Select(w => Math.Max(TextWidthTwips / 16, (int)(w / total * TextWidthTwips))).ToArray();
        return widths;
    }

    private static Styles Styles(ReportLanguage language)
    {
        var languages = new Languages { Val = language == ReportLanguage.ZhTw ? "zh-TW" : "en-US", EastAsia = "zh-TW" };
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = EastAsianFont, ComplexScript = LatinFont },
                new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" }, languages)),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "100", Line = "300", LineRule = LineSpacingRuleValues.Auto })));
        return new Styles(defaults,
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            ParagraphStyle("Title", "Title", uiPriority: 10, outline: null, size: 36, bold: true, color: "2E7D32", before: 0, after: 120),
            ParagraphStyle("Heading1", "heading 1", uiPriority: 9, outline: 0, size: 30, bold: true, color: "2E7D32", before: 360, after: 120),
            ParagraphStyle("Heading2", "heading 2", uiPriority: 9, outline: 1, size: 25, bold: true, color: "222222", before: 240, after: 80),
            ParagraphStyle("Note", "Note", uiPriority: 20, outline: null, size: 18, bold: false, color: "555555", before: 0, after: 100),
            ParagraphStyle("TableText", "Table Text", uiPriority: 21, outline: null, size: 18, bold: false, color: null, before: 0, after: 0));
    }

    private static Style ParagraphStyle(string id, string name, int uiPriority, int? outline, int size, bool bold, string? color, int before, int after)
    {
        var paragraph = new StyleParagraphProperties();
        if (outline is not null) { paragraph.Append(new KeepNext()); }
        paragraph.Append(new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = after.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (outline is { } level) { paragraph.Append(new OutlineLevel { Val = level }); }
        var run = new StyleRunProperties();
        if (bold) { run.Append(new Bold()); }
        if (color is not null) { run.Append(new Color { Val = color }); }
        run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        run.Append(new FontSizeComplexScript { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new UIPriority { Val = uiPriority });
        if (outline is not null || id is "Title") { style.Append(new PrimaryStyle()); }
        style.Append(paragraph, run);
        style.Type = StyleValues.Paragraph;
        style.StyleId = id;
        return style;
    }
}
