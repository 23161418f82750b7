using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;

namespace CarbonLedger.Reports.Tests.Planning;

public sealed class PlanReportsTests
{
    [Fact]
    public void Render_Xlsx_IsRejectedNamingTheFormats()
    {
        // Given / When
        using var stream = new MemoryStream();
        var error = Should.Throw<ArgumentOutOfRangeException>(() => PlanReports.Render(PlanDocumentSamples.Seed003(ReportLanguage.ZhTw), ReportFormat.Xlsx, stream));

        // Then
        error.Message.ShouldContain("HTML, PDF or Word (.docx)");
    }

    [Fact]
    public void InventoryRender_Docx_IsRejectedSayingWordIsForThePlan()
    {
        // Given an inventory report / When asked for Word
        using var stream = new MemoryStream();
        var error = Should.Throw<ArgumentOutOfRangeException>(() => InventoryReports.Render(Inventory.SampleInventory.Model(ReportLanguage.English), ReportFormat.Docx, stream));

        // Then
        error.Message.ShouldContain("Word (.docx) is for the transition plan");
        stream.Length.ShouldBe(0);
    }

    [Theory]
    [InlineData("plan.docx", ReportFormat.Docx)]
    [InlineData("plan.PDF", ReportFormat.Pdf)]
    [InlineData("plan.htm", ReportFormat.Html)]
    [InlineData("plan.xlsx", null)]
    public void FormatOf_Extension_GivesTheFormat(string path, ReportFormat? expected)
    {
        // Given / When / Then
        PlanReports.FormatOf(path).ShouldBe(expected);
    }

    [Fact]
    public void ExtensionAndContentType_Docx_AreWords()
    {
        // Given / When / Then: the .docx extension and its media type (ECMA-376 Part 2, [MS-OFFMACRO2]'s registry)
        InventoryReports.Extension(ReportFormat.Docx).ShouldBe(".docx");
        InventoryReports.ContentType(ReportFormat.Docx).ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }
}
