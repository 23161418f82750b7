using System.Net;
using System.Text;
using CarbonLedger.Audit;
using CarbonLedger.Web.Infrastructure.Auth;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features;

/// <summary>Each role gets exactly its rights (issue 3 "Show"): every organization endpoint that declares a permission
/// is called with a token of each of the five roles; a role the matrix (Core/Audit/Roles.cs, SPEC §2) denies gets 403,
/// a role it allows never does. Its own app instance: allowed calls may change the demo data.</summary>
public sealed class RoleMatrixTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly (OrganizationRole Role, string Token)[] Tokens =
    [
        (OrganizationRole.Viewer, WebAppFixture.DemoViewerToken),
        (OrganizationRole.Verifier, WebAppFixture.DemoVerifierToken),
        (OrganizationRole.Reviewer, WebAppFixture.DemoReviewerToken),
        (OrganizationRole.Contributor, WebAppFixture.DemoContributorToken),
        (OrganizationRole.Administrator, WebAppFixture.DemoAdminToken),
    ];

    [Fact]
    public async Task EveryPermissionedEndpoint_EachRole_ForbiddenExactlyWhenTheMatrixDenies()
    {
        // Given every /api/v1 organization endpoint that requires more than reading
        var guarded = ApiRoutes.All(app)
            .Select(e => (e.Method, e.Path, Required: e.Endpoint.Metadata.GetOrderedMetadata<PermissionRequirement>().Select(r => r.Permission).ToList()))
            .Where(e => e.Required.Any(p => p != Permission.Read))
            .ToList();
        guarded.Count.ShouldBeGreaterThanOrEqualTo(20, "activities, imports, factors, inventories, base year, audit, members, evidence, tokens and pricing all write");
        var failures = new List<string>();

        // When each role calls each of them (deniers first, so an allowed call cannot change what a later denial sees)
        foreach (var (role, token) in Tokens)
        {
            using var client = app.Client(token);
            foreach (var (method, path, required) in guarded)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path)
                {
                    Content = method is "POST" or "PUT" or "PATCH" ? new StringContent("{}", Encoding.UTF8, "application/json") : null,
                };
                using var response = await client.SendAsync(request);
                var allowed = required.All(p => AccessRules.Allows(role, p));

                // Then 403 exactly when the matrix denies (allowed calls may still be 400/404/409 on the empty body)
                if (allowed == (response.StatusCode == HttpStatusCode.Forbidden) || response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    failures.Add($"{AccessRules.Code(role)} {method} {path} needs {string.Join("+", required)} → {(int)response.StatusCode}");
                }
            }
        }
        failures.ShouldBeEmpty();
    }
}
