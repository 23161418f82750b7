using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Infrastructure;

/// <summary>Steps every browser test takes: sign in through the real login form, open a page and wait until its
/// interactive (Blazor Server) part is connected, take the page's screenshot.</summary>
public static class Browser
{
    public const string Admin = "demo@carbonledger.local";
    public const string Contributor = "demo-contributor@carbonledger.local";
    public const string Reviewer = "demo-reviewer@carbonledger.local";
    public const string Verifier = "demo-verifier@carbonledger.local";
    public const string Viewer = "demo-viewer@carbonledger.local";

    public static string Org(string suffix = "") => $"/o/{BrowserAppFixture.DemoOrgId}{suffix}";

    public static ILocator TestId(this IPage page, string id) => page.GetByTestId(id);

    /// <summary>Signs in through /account/login (static SSR form) and waits for the dashboard the app redirects to.</summary>
    public static async Task SignInAsync(this IPage page, string email, string folder)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.TestId("login-email").FillAsync(email);
        await page.TestId("login-password").FillAsync(AuthSetup.DemoPassword);
        await Artifacts.ScreenshotAsync(page, folder, "login");
        await page.TestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/o/", StringComparison.Ordinal));
        await page.ReadyAsync();
    }

    /// <summary>Opens <paramref name="path"/>, waits for the interactive circuit and saves the page's screenshot.</summary>
    public static async Task OpenAsync(this IPage page, string path, string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var response = await page.GotoAsync(path);
        response.ShouldNotBeNull();
        response.Ok.ShouldBeTrue($"GET {path} answered {response.Status}");
        await page.ReadyAsync();
        await Artifacts.ScreenshotAsync(page, folder, name);
    }

    /// <summary>Blazor Server pages are prerendered, then become interactive once blazor.web.js has opened its circuit:
    /// clicking before that does nothing. Waits for the network to go quiet after load (the circuit's negotiate and
    /// first render batch are done by then).</summary>
    public static async Task ReadyAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForFunctionAsync("() => !window.Blazor || document.readyState === 'complete'");
    }
}
