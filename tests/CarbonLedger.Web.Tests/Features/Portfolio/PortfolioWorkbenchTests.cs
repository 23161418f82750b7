using System.Text;
using CarbonLedger.Web.Features.Portfolio;

namespace CarbonLedger.Web.Tests.Features.Portfolio;

/// <summary>What the portfolio page does with an upload (PortfolioWorkbench.FromUpload): a dataset is one .xlsx workbook
/// or CSV tables, never both, so no uploaded file is silently ignored.</summary>
public sealed class PortfolioWorkbenchTests
{
    private static (string Name, byte[] Content) File(string name, string text) => (name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void FromUpload_WorkbookBesideCsvTableAndSecondWorkbook_NamesEachIgnoredFile()
    {
        // Given a workbook, a CSV table beside it and a second workbook (their content does not matter: the rule is about
        // which files make up the dataset)
        (string Name, byte[] Content)[] files =
        [
            File("t50.xlsx", "not read here"),
            File("constituents.csv", "company,weight\nA,1\n"),
            File("other.xlsx", "not read here"),
        ];

        // When the page loads them
        var outcome = PortfolioWorkbench.FromUpload(files);

        // Then the upload is refused, naming the CSV table and the second workbook, in English and zh-TW
        outcome.Succeeded.ShouldBeFalse();
        var csv = outcome.Problems.Single(p => p.Location.File == "constituents.csv");
        csv.Message.ShouldBe("a CSV table beside an .xlsx workbook: upload the workbook or CSV tables, not both");
        csv.MessageZhTw.ShouldBe("與 .xlsx 活頁簿一併上傳的 CSV 表：請擇一上傳活頁簿或 CSV 表");
        var second = outcome.Problems.Single(p => p.Location.File == "other.xlsx");
        second.Message.ShouldBe("a second .xlsx workbook: upload one workbook, or CSV tables");
        second.MessageZhTw.ShouldNotBeNull();
    }
}
