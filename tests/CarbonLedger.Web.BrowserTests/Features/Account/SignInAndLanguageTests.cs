using CarbonLedger.Web.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Features.Account;

/// <summary>Signing in through the real form and switching the UI language (issue 3: "zh-TW and English, switchable").</summary>
public sealed class SignInAndLanguageTests(BrowserAppFixture app) : IClassFixture<BrowserAppFixture>
{
    private const string Folder = "account";

    [Fact]
    public async Task SignIn_AsDemoContributor_LandsOnDemoDashboardAsContributor()
    {
        // Given a fresh browser on the login page
        var page = await app.NewPageAsync();

        // When the demo contributor signs in with the demo password (AuthSetup.DemoLogins)
        await page.SignInAsync(Browser.Contributor, Folder);
        await Artifacts.ScreenshotAsync(page, Folder, "dashboard-contributor");

        // Then "/" sends them to their only organization's dashboard, the demo one, signed in as themselves with the
        // contributor role (zh-TW by default: 填報者) and the DEMO badge shown
        new Uri(page.Url).AbsolutePath.ShouldBe(Browser.Org());
        var user = await page.TestId("signed-in-user").InnerTextAsync();
        user.ShouldContain(Browser.Contributor);
        user.ShouldContain("填報者");
        (await page.TestId("demo-badge").IsVisibleAsync()).ShouldBeTrue();
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnLoginWithError()
    {
        // Given the login page
        var page = await app.NewPageAsync();
        await page.GotoAsync("/account/login");

        // When the demo viewer signs in with a wrong password
        await page.TestId("login-email").FillAsync(Browser.Viewer);
        await page.TestId("login-password").FillAsync("not-the-demo-password");
        await page.TestId("login-submit").ClickAsync();
        await page.TestId("login-error").WaitForAsync();
        await Artifacts.ScreenshotAsync(page, Folder, "login-wrong-password");

        // Then the form is shown again with the error and no session exists: the dashboard still redirects to login
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
        await page.GotoAsync(Browser.Org());
        new Uri(page.Url).AbsolutePath.ShouldBe("/account/login");
    }

    [Fact]
    public async Task LanguageSwitch_ZhTwToEnglishAndBack_ChangesNavigation()
    {
        // Given the demo viewer on the dashboard in the default language (zh-TW)
        var page = await app.NewPageAsync();
        await page.SignInAsync(Browser.Viewer, Folder);
        var nav = page.TestId("nav-activities");
        (await nav.InnerTextAsync()).Trim().ShouldBe("活動數據");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("zh-TW");

        // When they choose English
        await page.TestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await page.ReadyAsync();
        await Artifacts.ScreenshotAsync(page, Folder, "dashboard-en");

        // Then the navigation is in English on the same page
        new Uri(page.Url).AbsolutePath.ShouldBe(Browser.Org());
        (await page.TestId("nav-activities").InnerTextAsync()).Trim().ShouldBe("Activity data");
        (await page.TestId("nav-ledger").InnerTextAsync()).Trim().ShouldBe("Audit ledger");

        // When they switch back to 中文
        await page.TestId("lang-zh").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-TW");
        await page.ReadyAsync();
        await Artifacts.ScreenshotAsync(page, Folder, "dashboard-zh");

        // Then the navigation is in Traditional Chinese again
        (await page.TestId("nav-activities").InnerTextAsync()).Trim().ShouldBe("活動數據");
        (await page.TestId("nav-ledger").InnerTextAsync()).Trim().ShouldBe("稽核軌跡");
    }
}
