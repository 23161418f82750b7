using System.Net;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Tokens;

/// <summary>API tokens an administrator issues for machine clients (issue 3 item 7): shown once, stored as SHA-256,
/// usable with the role given, refused after revocation, invisible to other organizations.</summary>
public sealed class ApiTokensApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static string Url(Guid org, string path = "") => $"/api/v1/organizations/{org}/api-tokens{path}";

    [Fact]
    public async Task Issue_ByAdmin_TokenReadsWithItsRoleUntilRevoked()
    {
        // Given the demo administrator
        using var admin = app.Client(WebAppFixture.DemoAdminToken);

        // When it issues a viewer token for a reporting robot
        using var issued = await admin.PostJsonAsync(Url(WebAppFixture.DemoOrgId), new { name = "reporting robot", role = "viewer" });

        // Then the token comes back once, and works for reads of the demo organization only
        issued.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await issued.JsonAsync();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("id").GetGuid();
        using var robot = app.Client(token);
        (await robot.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await robot.GetAsync($"/api/v1/organizations/{WebAppFixture.OrgBId}/inventories")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // a viewer may not write (AccessRules: EditData is contributor or administrator)
        using var write = await robot.PostJsonAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories", new { name = "robot", year = 2030 });
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // the list never shows the token itself
        var listed = await (await admin.GetAsync(Url(WebAppFixture.DemoOrgId))).Content.ReadAsStringAsync();
        listed.ShouldContain("reporting robot");
        listed.ShouldNotContain(token);

        // When the administrator revokes it
        using var revoked = await admin.DeleteAsync(Url(WebAppFixture.DemoOrgId, $"/{id}"));

        // Then the token no longer authenticates
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await robot.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Issue_ByContributorOrOtherOrganization_ForbiddenOrNotFound()
    {
        // Given a contributor of the demo organization and the administrator of organization B
        using var contributor = app.Client(WebAppFixture.DemoContributorToken);
        using var orgB = app.Client(WebAppFixture.OrgBAdminToken);

        // When each tries to issue a demo-organization token
        using var byContributor = await contributor.PostJsonAsync(Url(WebAppFixture.DemoOrgId), new { name = "x", role = "admin" });
        using var byOrgB = await orgB.PostJsonAsync(Url(WebAppFixture.DemoOrgId), new { name = "x", role = "admin" });

        // Then the contributor lacks ManageMembers (403) and B cannot even see the organization (404)
        byContributor.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byOrgB.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Issue_BadFields_Returns400ListingEach()
    {
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        using var bad = await admin.PostJsonAsync(Url(WebAppFixture.DemoOrgId), new { name = "", role = "owner" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["name", "role"], ignoreOrder: true);
    }
}
