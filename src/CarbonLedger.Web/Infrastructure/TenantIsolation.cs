using Microsoft.AspNetCore.Http.HttpResults;
using CarbonLedger.Web.Infrastructure.Auth;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>Tenant isolation for <c>/api/v1/organizations/{orgId}/…</c>: the organization in the route must be the
/// token's. Otherwise the answer is 404, not 403, so a caller cannot learn whether another organization exists.</summary>
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
            if (!Guid.TryParse(http.Request.RouteValues[RouteKey]?.ToString(), out var orgId) || !ApiUser.Owns(http.User, orgId))
            {
                return NotFound();
            }
            return await next(context);
        });
        group.ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static ProblemHttpResult NotFound(string what = "organization") =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No such {what} for this token.");
}
