using Microsoft.AspNetCore.Http.HttpResults;
using CarbonLedger.Audit;
using CarbonLedger.Web.Infrastructure.Auth;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>Tenant isolation for <c>/api/v1/organizations/{orgId}/…</c>: the caller must be a member of the route's
/// organization (a signed-in member or an API token of it), with the permission the endpoint requires. Otherwise the answer is 404, not 403, so a caller cannot learn whether another organization exists.</summary>
public static class TenantIsolation
{
    public const string RouteKey = "orgId";

    /// <summary>The organizations route group every tenant endpoint hangs under.</summary>
    public static RouteGroupBuilder MapOrganization(this RouteGroupBuilder api, string suffix = "")
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/organizations/{" + RouteKey + ":guid}" + suffix);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var access = http.RequestServices.GetRequiredService<OrganizationAccess>();
            if (!Guid.TryParse(http.Request.RouteValues[RouteKey]?.ToString(), out var orgId)
                || await access.ForRequestAsync(http, orgId) is not { } member)
            {
                return NotFound();
            }
            PermissionEndpoints.SetMember(http, member);
            var required = http.GetEndpoint()?.Metadata.GetOrderedMetadata<PermissionRequirement>() ?? [];
            if (required.FirstOrDefault(r => !member.Can(r.Permission)) is { } missing)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    detail: $"A {AccessRules.Code(member.Role)} may not do this ({missing.Permission}).");
            }
            return await next(context);
        });
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static ProblemHttpResult NotFound(string what = "organization") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No such {what} for this token.");
}
