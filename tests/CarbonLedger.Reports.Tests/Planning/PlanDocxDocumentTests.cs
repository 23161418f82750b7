using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CarbonLedger.Reports.Tests.Planning;

/// <summary>The .docx read back with the Open XML SDK: headings by style, tables, fonts, and the SDK's schema validator.</summary>
public sealed class PlanDocxDocumentTests
{
    private static MemoryStream Docx(PlanDocumentModel model)
    {
        var stream = new MemoryStream();
        PlanReports.Render(model, ReportFormat.Docx, stream);
        stream.Position = 0;
        return stream;
    }

    private static string TextOf(OpenXmlElement element) => string.Concat(element.Descendants<Text>().Select(t => t.Text));

    private static List<(string Style, string Text)> Headings(WordprocessingDocument doc) =>
        doc.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Select(p => (Style: p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", Text: TextOf(p)))
            .Where(p => p.Style.StartsWith("Heading", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Render_Seed003_HeadingParagraphsAreTheFscItemsInOrder()
    {
        // Given / When
        using var stream = Docx(PlanDocumentSamples.Seed003(ReportLanguage.ZhTw));
        using var doc = WordprocessingDocument.Open(stream, false);
        var headings = Headings(doc);

        // Then Heading1 for 一 to 五 and Heading2 for the sub-items, in the sample's order, then the appendix
        var f = PlanDocumentSamples.FscHeadingsZhTw;
        headings.Take(17).ShouldBe(
        [
            ("Heading1", f[0]), ("Heading1", f[1]),
            ("Heading1", "三、執行策略及行動規劃"), ("Heading2", f[2]), ("Heading2", f[3]), ("Heading2", f[4]), ("Heading2", f[5]),
            ("Heading1", "四、指標與目標"), ("Heading2", f[6]), ("Heading2", f[7]), ("Heading2", f[8]),
            ("Heading1", "五、治理"), ("Heading2", f[9]), ("Heading2", f[10]), ("Heading2", f[11]),
            ("Heading1", "附錄"), ("Heading2", "附錄一、依金管會建議涵蓋事項之完整性檢查"),
        ]);
        // the styles are defined in the styles part with outline levels 0 and 1, so Word's navigation pane lists them
        var styles = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        styles["Heading1"].StyleParagraphProperties!.OutlineLevel!.Val!.Value.ShouldBe(0);
        styles["Heading2"].StyleParagraphProperties!.OutlineLevel!.Val!.Value.ShouldBe(1);
    }

    [Fact]
    public void Render_Seed003_ActivityTableHasBordersSharesAndStatuses()
    {
        // Given / When
        using var stream = Docx(PlanDocumentSamples.Seed003(ReportLanguage.ZhTw));
        using var doc = WordprocessingDocument.Open(stream, false);
        var table = doc.MainDocumentPart!.Document!.Body!.Elements<Table>().First();
        var rows = table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(TextOf).ToArray()).ToList();

        // Then the sample's table: A-E, 30/25/20/15/10 %, statuses 符合/轉型中/轉型中/符合/不適用, with single borders all round and inside
        rows[0].Skip(1).ShouldBe(["A", "B", "C", "D", "E"]);
        rows[1].Skip(1).ShouldBe(["30%", "25%", "20%", "15%", "10%"]);
        rows[^1].ShouldBe(["衡量結果：個別經濟活動之永續程度", "符合", "轉型中", "轉型中", "符合", "不適用"]);
        var borders = table.GetFirstChild<TableProperties>()!.TableBorders!;
        new BorderType?[] { borders.TopBorder, borders.LeftBorder, borders.BottomBorder, borders.RightBorder, borders.InsideHorizontalBorder, borders.InsideVerticalBorder }
            .ShouldAllBe(b => b != null && b.Val! == BorderValues.Single);
    }

    [Fact]
    public void Render_Demo_SetsAnEastAsianFontAndTheTraditionalChineseLanguage()
    {
        // Given / When
        using var stream = Docx(PlanDocumentSamples.Demo(ReportLanguage.ZhTw));
        using var doc = WordprocessingDocument.Open(stream, false);
        var defaults = doc.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;

        // Then Chinese text is set in a Traditional Chinese face, marked zh-TW
        defaults.RunFonts!.EastAsia!.Value.ShouldBe(PlanDocxDocument.EastAsianFont);
        defaults.Languages!.EastAsia!.Value.ShouldBe("zh-TW");
        // and the pathway table carries 2030's value 1,000 × (1 − 0.042 × 6) = 748
        var pathway = doc.MainDocumentPart.Document!.Body!.Elements<Table>().Single(t => TextOf(t.Elements<TableRow>().First()).StartsWith("年度", StringComparison.Ordinal));
        pathway.Elements<TableRow>().Last().Elements<TableCell>().Take(2).Select(TextOf).ShouldBe(["2030", "748.000"]);
    }

    [Theory]
    [InlineData(false, ReportLanguage.ZhTw)]
    [InlineData(true, ReportLanguage.ZhTw)]
    [InlineData(true, ReportLanguage.English)]
    public void Render_AnyPlan_ValidatesWithoutErrors(bool demo, ReportLanguage language)
    {
        // Given / When
        using var stream = Docx(demo ? PlanDocumentSamples.Demo(language) : PlanDocumentSamples.Seed003(language));
        using var doc = WordprocessingDocument.Open(stream, false);

        // Then the Open XML SDK's schema and semantic validator finds nothing (what Word checks before opening a file)
        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Render_DemoEnglish_HeadingsAreEnglish()
    {
        // Given / When
        using var stream = Docx(PlanDocumentSamples.Demo(ReportLanguage.English));
        using var doc = WordprocessingDocument.Open(stream, false);

        // Then
        Headings(doc).Where(h => h.Style == "Heading1").Select(h => h.Text).Take(5).ShouldBe(
        [
            "I. Applicability of the Sustainable Economic Activities Recognition Reference Guidelines", "II. Ambition", "III. Strategy and action plan",
            "IV. Metrics and targets", "V. Governance",
        ]);
    }
}
