using System.Globalization;
using System.Text;
using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Portfolio;

/// <summary>The portfolio page in the browser (issue 6): reached from the navigation, the reduction input re-solves the
/// optimisation, and an uploaded dataset with a returns file replaces the thesis sample.</summary>
public sealed class PortfolioPageBrowserTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "portfolio";

    private static async Task<double> ValueAsync(IPage page, string testId) =>
        double.Parse((await page.TestId(testId).GetAttributeAsync("data-value"))!, CultureInfo.InvariantCulture);

    private static FilePayload Csv(string name, string text) => new() { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task PortfolioPage_ReductionThenUpload_ResolvesAndSwitchesToTheDataset()
    {
        // Given the demo viewer, who follows the navigation's portfolio link
        var page = await app.SignedInPageAsync(Browser.Viewer, Folder);
        await page.OpenAsync(Browser.Org(), Folder, "dashboard");
        await page.TestId("nav-portfolio").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/portfolio", StringComparison.Ordinal));
        await page.ReadyAsync();
        await Assertions.Expect(page.TestId("portfolio-forecast")).ToContainTextAsync("聯發科");
        var total = await ValueAsync(page, "opt-total");
        Math.Abs((await ValueAsync(page, "opt-target") / (total * 0.96)) - 1).ShouldBeLessThan(1e-12);
        await Artifacts.ScreenshotAsync(page, Folder, "sample-r4");

        // When the reduction is set to 10 %
        var before = await page.TestId("opt-target").GetAttributeAsync("data-value");
        var input = page.TestId("portfolio-reduction");
        await input.FillAsync("10");
        await input.PressAsync("Tab");

        // Then the target becomes Q_total × (1 − 0.10) and the solution meets it to 1e-8
        await Assertions.Expect(page.TestId("opt-target")).Not.ToHaveAttributeAsync("data-value", before!);
        Math.Abs((await ValueAsync(page, "opt-target") / (total * 0.9)) - 1).ShouldBeLessThan(1e-12);
        Math.Abs((await ValueAsync(page, "opt-carbon") / (total * 0.9)) - 1).ShouldBeLessThan(1e-8);
        await Artifacts.ScreenshotAsync(page, Folder, "sample-r10");

        // When a four-name dataset (weights 40/30/20/10 %, 2023 emissions 1,000/500/200/100 t) and eight months of
        // returns are uploaded
        await page.TestId("portfolio-upload-input").SetInputFilesAsync(new[]
        {
            Csv("constituents.csv", "company,weight_pct\nA,40\nB,30\nC,20\nD,10\n"),
            Csv("emissions.csv", "company,year,scope12_t\nA,2023,1000\nB,2023,500\nC,2023,200\nD,2023,100\n"),
            Csv("returns.csv", "date,A,B,C,D\n2024-01,0.010,0.020,-0.010,0.005\n2024-02,-0.020,0.010,0.030,0.000\n2024-03,0.030,-0.010,0.020,0.010\n" +
                "2024-04,0.000,0.040,-0.020,-0.010\n2024-05,0.015,-0.030,0.010,0.020\n2024-06,-0.010,0.000,0.040,-0.005\n" +
                "2024-07,0.025,0.015,-0.030,0.015\n2024-08,-0.005,0.005,0.000,0.000\n"),
        });

        // Then the page works on it: the 3-factor model estimated from the returns, Q_total = 0.4 × 1,000 + 0.3 × 500
        // + 0.2 × 200 + 0.1 × 100 = 600 t, and at R = 10 % the portfolio carbon is 540 t
        await Assertions.Expect(page.TestId("opt-risk-model")).ToContainTextAsync("PCA(3) of Ledoit-Wolf shrunk covariance");
        Math.Abs((await ValueAsync(page, "opt-total") / 600) - 1).ShouldBeLessThan(1e-12);
        Math.Abs((await ValueAsync(page, "opt-carbon") / 540) - 1).ShouldBeLessThan(1e-8);
        await Assertions.Expect(page.TestId("portfolio-source")).ToContainTextAsync("returns.csv");
        await Artifacts.ScreenshotAsync(page, Folder, "uploaded");
    }

    [Fact]
    public async Task PortfolioPage_MoreThanTwentyFiles_ListsAProblemAndKeepsTheSample()
    {
        // Given the demo viewer on the portfolio page
        var page = await app.SignedInPageAsync(Browser.Viewer, Folder);
        await page.OpenAsync("/portfolio", Folder, "before-too-many");

        // When 21 files are uploaded at once (the page takes at most 20)
        await page.TestId("portfolio-upload-input").SetInputFilesAsync(
            Enumerable.Range(1, 21).Select(i => Csv(string.Create(CultureInfo.InvariantCulture, $"extra{i}.csv"), "a\n1\n")).ToArray());

        // Then the upload is refused with a problem naming the count, in the viewer's language, and the sample stays
        await Assertions.Expect(page.TestId("portfolio-upload-problems")).ToContainTextAsync("共 21 個檔案；最多上傳 20 個");
        await Assertions.Expect(page.TestId("portfolio-forecast")).ToContainTextAsync("聯發科");
    }
}
