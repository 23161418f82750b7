using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CarbonLedger.Web.Infrastructure.Auth;
using CarbonLedger.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CarbonLedger.Web.Tests.Features.Ui;

/// <summary>The browser UI through the real pipeline: the static-SSR login form with antiforgery, cookie sign-in, the
/// dashboard's figures against the API's, tenant isolation (404) and the anonymous redirect.</summary>
public sealed class UiPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private HttpClient Browser() => app.Browser();

    private static Task<string> AntiforgeryTokenAsync(HttpClient browser) => BrowserSession.AntiforgeryTokenAsync(browser);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password) =>
        BrowserSession.SignInAsync(browser, email, password);

    [Fact]
    public async Task Login_Get_RendersFormWithAntiforgeryFieldAndDemoLogins()
    {
        // Given an anonymous browser
        using var browser = Browser();

        // When it opens the login page
        var response = await browser.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        // Then the form posts with an antiforgery token, and the demo logins (the demo organization is seeded) are listed
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("name=\"__RequestVerificationToken\" value=\"");
        html.ShouldContain("data-testid=\"login-email\"");
        html.ShouldContain("data-testid=\"demo-logins\"");
        html.ShouldContain(AuthSetup.DemoLogins[0].Email);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_Returns400()
    {
        // Given a form post with valid demo credentials but no antiforgery token
        using var browser = Browser();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Form.Email"] = AuthSetup.DemoLogins[0].Email, ["Form.Password"] = AuthSetup.DemoPassword,
        });

        // When it is posted
        var response = await browser.PostAsync("/account/login", form);

        // Then the request is refused and no auth cookie is issued
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("carbonledger.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WrongPassword_StaysOnLoginWithError()
    {
        // Given the demo administrator's email with a wrong password
        using var browser = Browser();

        // When signing in
        var response = await SignInAsync(browser, AuthSetup.DemoLogins[0].Email, "not-the-password-123");

        // Then the form is shown again with the error, and no cookie
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"login-error\"");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).ShouldNotContain(c => c.StartsWith("carbonledger.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_DemoLogin_ShowsOrganizationAndApiTotal()
    {
        // Given the demo administrator signed in through the form
        using var browser = Browser();
        var signIn = await SignInAsync(browser, AuthSetup.DemoLogins[0].Email, AuthSetup.DemoPassword);
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // ... and the API's location-based total for the demo's 2024 inventory (the dashboard shows the latest period)
        using var api = app.Client(WebAppFixture.DemoAdminToken);
        var inventories = await (await api.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories")).JsonAsync();
        var latest = inventories.EnumerateArray().OrderByDescending(i => i.GetProperty("periodStart").GetString(), StringComparer.Ordinal).First();
        var results = await (await api.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories/{latest.GetProperty("id").GetGuid()}/results?basis=location")).JsonAsync();
        var apiTotal = results.GetProperty("totalTonnes").GetDecimal();
        apiTotal.ShouldBeGreaterThan(0m);

        // When the browser opens the demo organization's dashboard
        var response = await browser.GetAsync($"/o/{WebAppFixture.DemoOrgId}");
        // (Blazor encodes non-ASCII text as character references: compare the decoded page)
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Then it shows the organization's name and the same total: exactly (data-value) and as displayed (zh-TW, N2)
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var orgName = (await (await api.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}")).JsonAsync()).GetProperty("organization").GetProperty("name").GetString()!;
        html.ShouldContain(orgName);
        html.ShouldContain($"data-testid=\"total-location\" data-value=\"{apiTotal.ToString(CultureInfo.InvariantCulture)}\"");
        html.ShouldContain(apiTotal.ToString("N2", CultureInfo.GetCultureInfo("zh-TW")) + " tCO₂e");
    }

    [Fact]
    public async Task Dashboard_DemoUserOtherOrganization_Returns404()
    {
        // Given a demo user (member of the demo organization only)
        using var browser = Browser();
        (await SignInAsync(browser, AuthSetup.DemoLogins[4].Email, AuthSetup.DemoPassword)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // When it opens organization B's dashboard and one of its inner pages
        var dashboard = await browser.GetAsync($"/o/{WebAppFixture.OrgBId}");
        var activities = await browser.GetAsync($"/o/{WebAppFixture.OrgBId}/activities");

        // Then both answer 404, without B's name
        dashboard.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        activities.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await dashboard.Content.ReadAsStringAsync()).ShouldNotContain("Organization B");
    }

    [Fact]
    public async Task Dashboard_Anonymous_RedirectsToLogin()
    {
        // Given an anonymous browser
        using var browser = Browser();

        // When it opens the demo dashboard
        var response = await browser.GetAsync($"/o/{WebAppFixture.DemoOrgId}");

        // Then it is sent to the login page
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/login");
    }
}
