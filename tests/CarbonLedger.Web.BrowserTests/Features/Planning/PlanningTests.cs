using System.Text;
using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Planning;

/// <summary>Targets and the transition plan in the browser (issue 5): the demo target's pathway chart, then the demo
/// plan edited, saved as a new immutable version, approved by the administrator, and downloaded as Word.</summary>
public sealed class PlanningTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "planning";

    [Fact]
    public async Task Plan_EditSaveApproveDownload_NewApprovedVersionAndWordFile()
    {
        // Given the demo administrator on the targets page: the seeded SBTi target with its pathway chart
        var page = await app.SignedInPageAsync(Browser.Admin, Folder);
        await page.OpenAsync(Browser.Org("/targets"), Folder, "targets");
        await Assertions.Expect(page.TestId("pathway-chart").First).ToBeVisibleAsync();
        await Assertions.Expect(page.TestId("target-base").First).ToContainTextAsync("2024");
        await page.TestId("ndc-toggle").First.CheckAsync();
        await Assertions.Expect(page.TestId("pathway-reference").First).ToBeAttachedAsync();
        await Artifacts.ScreenshotAsync(page, Folder, "targets-with-ndc");

        // And the demo plan (version 1, seeded) opened from the plans list
        await page.OpenAsync(Browser.Org("/plans"), Folder, "plans");
        await page.TestId("plan-link").First.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/plans/", StringComparison.Ordinal));
        await page.ReadyAsync();
        await Assertions.Expect(page.TestId("plan-version")).ToHaveTextAsync("第 1 版");
        await Assertions.Expect(page.TestId("completeness")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, Folder, "plan-v1");
        var planId = page.Url.Split('/')[^1];

        // When the ambition year is changed from 2030 to 2032 (a typo first, named beside the field) and the plan saved
        var year = page.TestId("pf-ambition.targetYear");
        await Assertions.Expect(year).ToHaveValueAsync("2030");
        await year.FillAsync("20x2");
        await year.PressAsync("Tab");
        await Assertions.Expect(page.Locator("[data-testid=section-ambition] .cl-err")).ToContainTextAsync("「20x2」不是整數");
        await Artifacts.ScreenshotAsync(page, Folder, "plan-field-error");
        await year.FillAsync("2032");
        await year.PressAsync("Tab");
        await Assertions.Expect(page.TestId("plan-dirty")).ToBeVisibleAsync();
        await page.TestId("plan-note").FillAsync("ambition 2032");
        await page.TestId("plan-save").ClickAsync();

        // Then version 2 exists, in the page and in the database, holding the new year
        await Assertions.Expect(page.TestId("plan-saved")).ToHaveTextAsync("已儲存為第 2 版。");
        await Assertions.Expect(page.TestId("plan-version")).ToHaveTextAsync("第 2 版");
        await Assertions.Expect(page.Locator("[data-testid=plan-versions] tr[data-version='2']")).ToBeVisibleAsync();
        (await app.ScalarAsync<long>("SELECT COUNT(*) FROM transition_plan_versions WHERE lower(PlanId) = lower($id)", ("$id", planId))).ShouldBe(2);
        (await app.ScalarAsync<string>("SELECT ContentJson FROM transition_plan_versions WHERE lower(PlanId) = lower($id) AND Version = 2", ("$id", planId)))
            .ShouldContain("2032");
        await Assertions.Expect(page.TestId("completeness")).ToBeVisibleAsync();
        await Artifacts.ScreenshotAsync(page, Folder, "plan-v2-saved");

        // When the administrator records the board's approval of version 2
        await page.TestId("approve-body").FillAsync("董事會");
        await page.TestId("approve-date").FillAsync("2025-03-14");
        await page.TestId("approve-resolution").FillAsync("董事過半數出席，出席董事過半數同意");
        await page.TestId("approve-submit").ClickAsync();

        // Then version 2 carries the approval, in the page and in the database
        await Assertions.Expect(page.TestId("approved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=plan-versions] tr[data-version='2'] [data-testid=version-approval]")).ToContainTextAsync("董事會");
        (await app.ScalarAsync<string>("SELECT ApprovingBody FROM transition_plan_versions WHERE lower(PlanId) = lower($id) AND Version = 2", ("$id", planId)))
            .ShouldBe("董事會");
        await Artifacts.ScreenshotAsync(page, Folder, "plan-v2-approved");

        // When the Word document is downloaded
        var link = page.TestId("plan-doc-docx-zh-TW");
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Artifacts.DownloadPath(Folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);

        // Then it is a .docx of version 2: an OOXML ZIP package starts with "PK\x03\x04" (ZIP local file header, APPNOTE §4.3.7)
        (await download.FailureAsync()).ShouldBeNull();
        download.SuggestedFilename.ShouldEndWith("v2.docx");
        var bytes = await File.ReadAllBytesAsync(path);
        bytes.Length.ShouldBeGreaterThan(4);
        Encoding.Latin1.GetString(bytes, 0, 4).ShouldBe("PK\u0003\u0004");

        // When the user switches to English / Then the editor's sections and the targets page are in English
        await page.TestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.ReadyAsync();
        await Assertions.Expect(page.TestId("section-ambition")).ToContainTextAsync("II. Ambition");
        await Artifacts.ScreenshotAsync(page, Folder, "plan-en");
        await page.OpenAsync(Browser.Org("/targets"), Folder, "targets-en");
        await Assertions.Expect(page.TestId("target-method").First).ToContainTextAsync("absolute contraction 4.2 %/yr");
    }
}
