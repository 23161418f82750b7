using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CarbonLedger.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Web.Tests.Features.Audit;

/// <summary>Members (issue 3 item 2: accounts, roles, contributors scoped to facilities) and evidence files (item 1:
/// evidence upload), both tenant-checked.</summary>
public sealed class MembersAndEvidenceApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string Org = AuditClients.Org;
    private static readonly string OrgB = $"/api/v1/organizations/{WebAppFixture.OrgBId}";

    private async Task<Guid> DemoFacilityAsync()
    {
        await using var db = app.Database.CreateContext();
        return await db.Facilities.Where(f => f.OrganizationId == WebAppFixture.DemoOrgId).OrderBy(f => f.Code).Select(f => f.Id).FirstAsync();
    }

    private static MultipartFormDataContent File(string name, byte[] bytes, string type = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "file", name);
        return form;
    }

    [Fact]
    public async Task AddMember_NewContributorScopedToAFacility_CanSignInAndIsListedThenRemoved()
    {
        // Given the demo administrator and one demo facility
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        var facility = await DemoFacilityAsync();
        var email = $"amy.{Guid.NewGuid():N}@example.com";

        // When a contributor limited to that facility is added with an initial password
        using var added = await admin.PostJsonAsync($"{Org}/members",
            new { email, displayName = "林小美 Amy Lin", role = "contributor", facilityIds = new[] { facility }, password = "initial-Password-1" });
        var member = await added.JsonAsync();
        using var list = await admin.GetAsync($"{Org}/members");

        // Then the account exists, is listed with its role and scope, can sign in, and the ledger recorded the membership
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        member.GetProperty("role").GetString().ShouldBe("contributor");
        member.GetProperty("facilityIds").EnumerateArray().Select(f => f.GetGuid()).ShouldBe([facility]);
        (await list.JsonAsync()).EnumerateArray().Select(m => m.GetProperty("email").GetString()).ShouldContain(email);
        using (await AuditClients.SignedInAsync(app, email, "initial-Password-1")) { }
        var membershipId = member.GetProperty("membershipId").GetGuid();
        using var ledger = await admin.GetAsync($"{Org}/ledger?kind=membership&entityId={membershipId}");
        (await ledger.JsonAsync()).GetProperty("entries").GetArrayLength().ShouldBe(1);

        // When it is removed
        using var removed = await admin.DeleteAsync($"{Org}/members/{membershipId}");
        using var after = await admin.GetAsync($"{Org}/members");

        // Then it is gone from the list
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await after.JsonAsync()).EnumerateArray().Select(m => m.GetProperty("email").GetString()).ShouldNotContain(email);
    }

    [Fact]
    public async Task AddMember_BadFieldsAndAnotherOrganizationsFacility_ListsEveryField()
    {
        // Given organization B's administrator and a facility of the demo organization
        using var other = app.Client(WebAppFixture.OrgBAdminToken);
        var demoFacility = await DemoFacilityAsync();

        // When B adds a member with a bad e-mail, no name, an unknown role, the demo's facility and no password
        using var response = await other.PostJsonAsync($"{OrgB}/members", new { email = "not-an-email", role = "boss", facilityIds = new[] { demoFacility } });

        // Then every field is named, the foreign facility among them
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).ErrorFields().ShouldBe(["email", "displayName", "role", "facilityIds", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task AddMember_ExistingAccount_JoinsWithoutANewPasswordOnce()
    {
        // Given organization B's administrator and the demo viewer's existing account
        using var other = app.Client(WebAppFixture.OrgBAdminToken);
        var body = new { email = "demo-viewer@carbonledger.local", displayName = "Demo viewer", role = "verifier" };

        // When B adds that account (no password), twice
        using var first = await other.PostJsonAsync($"{OrgB}/members", body);
        using var second = await other.PostJsonAsync($"{OrgB}/members", body);

        // Then the first joins it as a verifier of B and the second conflicts
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await first.JsonAsync()).GetProperty("role").GetString().ShouldBe("verifier");
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Members_NonAdministratorOrOtherOrganization_403Or404()
    {
        // Given a contributor of the demo and B's administrator
        using var contributor = app.Client(WebAppFixture.DemoContributorToken);
        using var other = app.Client(WebAppFixture.OrgBAdminToken);

        // When they list or add demo members
        using var list = await contributor.GetAsync($"{Org}/members");
        using var add = await contributor.PostJsonAsync($"{Org}/members", new { email = "x@example.com", displayName = "x", role = "admin", password = "initial-Password-1" });
        using var foreign = await other.GetAsync($"{Org}/members");
        using var foreignDelete = await other.DeleteAsync($"{Org}/members/{Guid.NewGuid()}");

        // Then
        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        add.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignDelete.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Evidence_Upload_StoresSha256OnceAndDownloadsTheSameBytes_OnlyInItsOrganization()
    {
        // Given a 3,000-byte "bill" whose SHA-256 is computed here independently
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("台電電費單 2024-03 ", 125)))[..3000];
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var contributor = app.Client(WebAppFixture.DemoContributorToken);
        using var other = app.Client(WebAppFixture.OrgBAdminToken);

        // When it is uploaded twice, downloaded, and read by organization B
        using var first = await contributor.PostAsync($"{Org}/evidence", File("bill-2024-03.pdf", bytes));
        var stored = await first.JsonAsync();
        var id = stored.GetProperty("id").GetGuid();
        using var again = await contributor.PostAsync($"{Org}/evidence", File("copy.pdf", bytes));
        using var download = await contributor.GetAsync($"{Org}/evidence/{id}");
        using var foreign = await other.GetAsync($"{Org}/evidence/{id}");
        using var foreignOwnRoute = await other.GetAsync($"{OrgB}/evidence/{id}");
        using var ledger = await contributor.GetAsync($"{Org}/ledger?kind=evidence&entityId={id}");

        // Then it is stored once under its hash, the bytes come back intact, B gets 404, and the ledger recorded the upload
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        stored.GetProperty("sha256").GetString().ShouldBe(sha);
        stored.GetProperty("size").GetInt64().ShouldBe(3000);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.JsonAsync()).GetProperty("id").GetGuid().ShouldBe(id);
        download.Content.Headers.ContentType?.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignOwnRoute.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var entry = (await ledger.JsonAsync()).GetProperty("entries").EnumerateArray().Single();
        entry.GetProperty("content").GetString()!.ShouldContain(sha);
    }

    [Fact]
    public async Task Evidence_OverTenMegabytesOrByAViewer_Refused()
    {
        // Given 10 MB + 1 byte (10 × 1024 × 1024 + 1 = 10,485,761)
        var big = new byte[10 * 1024 * 1024 + 1];
        using var contributor = app.Client(WebAppFixture.DemoContributorToken);
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When
        using var tooBig = await contributor.PostAsync($"{Org}/evidence", File("huge.bin", big, "application/octet-stream"));
        using var byViewer = await viewer.PostAsync($"{Org}/evidence", File("small.pdf", [1, 2, 3]));

        // Then
        tooBig.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        byViewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
