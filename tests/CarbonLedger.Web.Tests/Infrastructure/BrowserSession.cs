using System.Net;
using System.Text.RegularExpressions;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CarbonLedger.Web.Tests.Infrastructure;

/// <summary>A cookie-holding client that signs in through the real static-SSR login form (GET for the antiforgery
/// token, POST the credentials), as a browser does.</summary>
public static partial class BrowserSession
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    public static partial Regex AntiforgeryField();

    public static HttpClient Browser(this WebAppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient browser)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var html = await browser.GetStringAsync("/account/login");
        var match = AntiforgeryField().Match(html);
        match.Success.ShouldBeTrue("the login form carries an antiforgery field");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(browser);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Form.Email"] = email, ["Form.Password"] = password,
        });
        return await browser.PostAsync("/account/login", form);
    }

    /// <summary>A client signed in as a demo login (password <see cref="AuthSetup.DemoPassword"/>).</summary>
    public static async Task<HttpClient> SignedInAsync(this WebAppFixture app, string email)
    {
        var browser = app.Browser();
        using var signedIn = await SignInAsync(browser, email, AuthSetup.DemoPassword);
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return browser;
    }
}
