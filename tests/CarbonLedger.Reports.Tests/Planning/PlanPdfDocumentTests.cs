using System.Text;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;
using CarbonLedger.Reports.Tests.Pricing;

namespace CarbonLedger.Reports.Tests.Planning;

/// <summary>The plan as PDF, read back with the inventory tests' small PDF reader. Shares <see cref="PdfFonts"/>' static
/// configuration with the other PDF tests, so it runs in their collection.</summary>
[Collection(PdfFontsCollection.Name)]
public sealed class PlanPdfDocumentTests
{
    private static byte[] Pdf(PlanDocumentModel model)
    {
        using var stream = new MemoryStream();
        PlanReports.Render(model, ReportFormat.Pdf, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Render_Seed003_IsAMultiPagePdf()
    {
        // Given / When
        var bytes = Pdf(PlanDocumentSamples.Seed003(ReportLanguage.ZhTw));
        var pdf = new Inventory.InventoryPdfReportTests.PdfReader(bytes);

        // Then "%PDF-" first and "%%EOF" last (ISO 32000-1 7.5.2, 7.5.5), and the sample with its appendix spans pages
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        Encoding.ASCII.GetString(bytes).TrimEnd().ShouldEndWith("%%EOF");
        pdf.PageCount().ShouldBeGreaterThan(1);
        pdf.PageCount().ShouldBe(pdf.Pages().Count);
    }

    [Fact]
    public void Render_DemoEnglish_TextHasHeadingsTargetAndPageNumbers()
    {
        // Given / When
        var pdf = new Inventory.InventoryPdfReportTests.PdfReader(Pdf(PlanDocumentSamples.Demo(ReportLanguage.English)));
        var text = pdf.Text();

        // Then the section headings, 2027's pathway value 1,000 × (1 − 0.042 × 3) = 874 and "n / N" on the last page
        foreach (var label in new[] { "II. Ambition", "III. Strategy and action plan", "IV. Metrics and targets", "V. Governance", "(a) Key assumptions" })
        {
            text.ShouldContain(label);
        }
        text.ShouldContain("874.000");
        text.ShouldContain($"{pdf.PageCount()} / {pdf.PageCount()}");
    }
}
