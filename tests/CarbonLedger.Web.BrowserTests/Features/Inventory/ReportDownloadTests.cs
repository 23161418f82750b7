using System.Text;
using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Inventory;

/// <summary>Downloading the inventory report in each format from the reports page's links (issue 3: "download HTML /
/// PDF / .xlsx"), with the browser's own session cookie.</summary>
public sealed class ReportDownloadTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "reports";

    // Magic numbers: PDF files start with "%PDF-" (ISO 32000-1 §7.5.2); .xlsx is an OOXML ZIP package, "PK\x03\x04"
    // (ZIP local file header, APPNOTE §4.3.7); the HTML report is a document starting with its doctype.
    [Theory]
    [InlineData("html", "text/html", "<!DOCTYPE html")]
    [InlineData("pdf", "application/pdf", "%PDF-")]
    [InlineData("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "PK\u0003\u0004")]
    public async Task ReportLink_EachFormat_DownloadsThatFormat(string format, string contentType, string magic)
    {
        // Given the demo viewer (read-only) on the reports page
        var page = await app.SignedInPageAsync(Browser.Viewer, Folder);
        await page.OpenAsync(Browser.Org("/reports"), Folder, $"reports-{format}");
        var link = page.TestId($"report-{format}-zh-TW").First;
        var href = await link.GetAttributeAsync("href");
        href.ShouldNotBeNull();

        // When they click the zh-TW link of the format
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Artifacts.DownloadPath(Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        // The same URL fetched with the page's cookies, to read the response's content type.
        var response = await page.APIRequest.GetAsync(href);

        // Then the file is of that format: its content type and its first bytes
        (await download.FailureAsync()).ShouldBeNull();
        response.Status.ShouldBe(200);
        response.Headers["content-type"].ShouldStartWith(contentType);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Length.ShouldBeGreaterThan(magic.Length);
        var skip = bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0; // a UTF-8 byte-order mark before the HTML doctype
        var head = Encoding.Latin1.GetString(bytes, skip, Math.Min(bytes.Length - skip, 64));
        head.StartsWith(magic, StringComparison.OrdinalIgnoreCase).ShouldBeTrue($"{format} starts with {head[..Math.Min(head.Length, 20)]}");
    }
}
