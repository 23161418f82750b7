using System.Net;
using System.Text;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features;

/// <summary>Authentication on every /api/v1 endpoint, roles, and tenant isolation (404 rather than 403 across tenants).</summary>
public sealed class AuthorizationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    /// <summary>Every /api/v1 route with its parameters filled in (organization = the demo's, inventory = its 2024 one).</summary>
    private List<(string Method, string Path)> AllApiEndpoints() => ApiRoutes.All(app).Select(e => (e.Method, e.Path)).ToList();

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
    };

    [Fact]
    public async Task ApiEndpoints_Anonymous_Return401ProblemDetails()
    {
        // Given every endpoint the app maps under /api/v1 (enumerated, so a new endpoint without auth fails this test)
        var endpoints = AllApiEndpoints();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(14, "issue 2 alone maps 14 inventory/factor/import endpoints");
        using var client = app.Client();
        var failures = new List<string>();

        // When each is called without a token
        foreach (var (method, path) in endpoints)
        {
            using var response = await client.SendAsync(Request(method, path));
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{method} {path} → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}");
            }
        }

        // Then every one answers 401 with problem details
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApiEndpoints_UnknownToken_Return401()
    {
        // Given a token nobody configured
        using var client = app.Client("not-a-configured-token");
        var failures = new List<string>();

        // When each endpoint is called with it
        foreach (var (method, path) in AllApiEndpoints())
        {
            using var response = await client.SendAsync(Request(method, path));
            if (response.StatusCode != HttpStatusCode.Unauthorized) { failures.Add($"{method} {path} → {(int)response.StatusCode}"); }
        }

        // Then it is rejected everywhere
        failures.ShouldBeEmpty();
    }

    public static TheoryData<string, string> WriteEndpoints => new()
    {
        { "POST", "activities" },
        { "POST", "inventories" },
        { "POST", "factors" },
        { "POST", "imports" },
        { "POST", "audit/checklists" },
        { "POST", "audit/findings" },
        { "POST", "audit/recompute" },
        { "POST", "evidence" },
        { "POST", "members" },
        { "GET", "members" },
    };

    [Theory]
    [MemberData(nameof(WriteEndpoints))]
    public async Task WriteEndpoint_ViewerToken_Returns403(string method, string resource)
    {
        // Given a viewer of the demo organization
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When it posts to a write endpoint of its own organization
        using var response = await client.SendAsync(Request(method, $"/api/v1/organizations/{WebAppFixture.DemoOrgId}/{resource}"));

        // Then the role is refused (403 problem details)
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task ReadEndpoint_ViewerToken_Returns200()
    {
        // Given a viewer of the demo organization
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When it reads its organization
        using var response = await client.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}");

        // Then it may
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.JsonAsync()).GetProperty("organization").GetProperty("isDemo").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task OrgBToken_EveryDemoOrganizationEndpoint_Returns404()
    {
        // Given an admin token of organization B
        using var client = app.Client(WebAppFixture.OrgBAdminToken);
        var failures = new List<string>();

        // When it calls every organization-scoped endpoint of the demo organization (reads and writes)
        var tenantEndpoints = AllApiEndpoints().Where(e => e.Path.StartsWith($"/api/v1/organizations/{WebAppFixture.DemoOrgId}", StringComparison.Ordinal)).ToList();
        tenantEndpoints.Count.ShouldBeGreaterThanOrEqualTo(14);
        foreach (var (method, path) in tenantEndpoints)
        {
            using var response = await client.SendAsync(Request(method, path));
            if (response.StatusCode != HttpStatusCode.NotFound) { failures.Add($"{method} {path} → {(int)response.StatusCode}"); }
        }

        // Then each answers 404 (not 403: existence is not revealed)
        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task DemoToken_OrgBEndpoints_Return404_WhileOrgBTokenReadsThem()
    {
        // Given organization B's inventory, and the demo organization's admin token
        var orgB = $"/api/v1/organizations/{WebAppFixture.OrgBId}";
        using var demo = app.Client(WebAppFixture.DemoAdminToken);
        using var owner = app.Client(WebAppFixture.OrgBAdminToken);

        // When the demo token reads and writes B
        using var read = await demo.GetAsync($"{orgB}/inventories/{app.OrgBInventoryId}/results");
        using var snapshot = await demo.GetAsync(orgB);
        using var write = await demo.PostJsonAsync($"{orgB}/activities",
            new { source = "B-ELEC", quantity = 10m, unit = "kWh", periodStart = "2024-01-01", periodEnd = "2024-01-31" });
        using var ownRead = await owner.GetAsync($"{orgB}/inventories/{app.OrgBInventoryId}/results");

        // Then the demo token gets 404 everywhere; B's own token gets 200 on the same URL
        read.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        snapshot.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        write.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ownRead.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DemoApiToken_LoggedOnceAtStart_AuthenticatesForTheDemoOrganizationOnly()
    {
        // Given the log of the app's start-up
        var lines = app.Logs.Where(l => l.Contains("demo API token: ", StringComparison.Ordinal)).ToList();
        lines.Count.ShouldBe(1);
        var token = lines[0].Split("demo API token: ")[1].Split(' ')[0];
        using var client = app.Client(token);

        // When the printed token is used
        using var own = await client.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/sources");
        using var other = await client.GetAsync($"/api/v1/organizations/{WebAppFixture.OrgBId}/sources");

        // Then it reads the demo organization and nothing else
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
