using CarbonLedger.Portfolio;
using CarbonLedger.Portfolio.SampleData;
using CarbonLedger.Reports.Portfolio;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CarbonLedger.Reports.Tests.Portfolio;

public sealed class PortfolioReportTests
{
    private static PortfolioReportModel SampleModel()
    {
        var problem = ThesisSampleData.OptimizationProblem(0.04m);
        var solution = TrackingErrorOptimizer.Solve(problem);
        var frontier = TrackingErrorOptimizer.Frontier(problem, TrackingErrorOptimizer.Grid(0.2, 4));
        return PortfolioReportModel.From("Thesis sample <4 %>", problem, solution, frontier);
    }

    [Fact]
    public void Html_HasWeightsAndFrontierSvgAndEscapesText()
    {
        var html = PortfolioHtmlReport.Render(SampleModel());

        html.ShouldContain("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"weights\"");
        html.ShouldContain("class=\"frontier\"");
        html.ShouldContain("Thesis sample &lt;4 %&gt;");
        // 50 names → 50 benchmark bars and 50 optimised bars; 5 frontier points (R = 0, 5, 10, 15, 20 %).
        System.Text.RegularExpressions.Regex.Count(html, "class=\"before\"").ShouldBe(50);
        System.Text.RegularExpressions.Regex.Count(html, "class=\"after\"").ShouldBe(50);
        System.Text.RegularExpressions.Regex.Count(html, "<circle").ShouldBe(5);
        html.ShouldContain("台積電");
    }

    [Fact]
    public void Xlsx_HasThreeSheetsWithWeightsRows()
    {
        var model = SampleModel();
        using var stream = new MemoryStream();

        PortfolioXlsxReport.Write(model, stream);

        stream.Position = 0;
        using var doc = SpreadsheetDocument.Open(stream, false);
        var sheets = doc.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value).ToList();
        sheets.ShouldBe(["weights", "frontier", "solver"]);
        var weightsPart = (WorksheetPart)doc.WorkbookPart.GetPartById(doc.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().First().Id!);
        var rows = weightsPart.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        rows.Count.ShouldBe(51); // header + 50 names
        rows[1].Elements<Cell>().First().InnerText.ShouldBe("台積電");
    }
}
