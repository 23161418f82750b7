using System.Net;
using System.Text.RegularExpressions;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Audit;

/// <summary>Clients of the demo organization in roles the fixture has no configured token for (reviewer, verifier),
/// issued through the API-token endpoint by the demo administrator, and a browser-like client signed in by cookie.</summary>
public static partial class AuditClients
{
    public static string Org => $"/api/v1/organizations/{WebAppFixture.DemoOrgId}";

    public static async Task<HttpClient> WithRoleAsync(WebAppFixture app, string role)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        using var issued = await admin.PostJsonAsync($"{Org}/api-tokens", new { name = $"test {role} {Guid.NewGuid():N}", role });
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        return app.Client((await issued.JsonAsync()).GetProperty("token").GetString());
    }

    /// <summary>Signs in through the login form (GET for its anti-forgery token, then POST) and keeps the cookie.</summary>
    public static async Task<HttpClient> SignedInAsync(WebAppFixture app, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Client();
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page);
        token.Success.ShouldBeTrue("the login form carries an anti-forgery token");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["Form.Email"] = email,
            ["Form.Password"] = password,
        });
        using var response = await client.PostAsync("/account/login", form);
        ((int)response.StatusCode).ShouldBeInRange(200, 399);
        using var probe = await client.GetAsync($"{Org}/ledger?take=1");
        probe.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in cookie authenticates API calls");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
