using System.Security.Claims;
using CarbonLedger.Audit;
using CarbonLedger.Data;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Web.Infrastructure.Auth;

/// <summary>Who is acting in one organization: a signed-in member (cookie) or an API token, with the role in that
/// organization and, for a contributor, the facilities they may edit (null = all).</summary>
public sealed record MemberContext(
    string UserId,
    string UserName,
    string DisplayName,
    Guid OrganizationId,
    string OrganizationName,
    OrganizationRole Role,
    IReadOnlySet<Guid>? FacilityScope,
    bool IsDemoUser,
    bool IsApiToken)
{
    public bool Can(Permission permission) => AccessRules.Allows(Role, permission);

    /// <summary>Whether this member may change data of <paramref name="facilityId"/> (edit permission and facility scope).</summary>
    public bool CanEditFacility(Guid facilityId) => Can(Permission.EditData) && (FacilityScope is null || FacilityScope.Contains(facilityId));

    /// <summary>The name stamped on what this member writes (ledger actor, "entered by").</summary>
    public string Actor => IsApiToken ? $"api:{UserName}" : UserName;
}

/// <summary>Resolves a principal's memberships from the database on every request, so a removed member loses access
/// at once. API tokens carry their organization and role as claims (<see cref="ApiClaims"/>).</summary>
public sealed class OrganizationAccess(CarbonLedgerDbContext db)
{
    private const string CacheKey = "carbonledger:memberships";

    public static string? UserId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue(ClaimTypes.NameIdentifier);
    }

    public async Task<IReadOnlyList<MemberContext>> MembershipsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true) { return []; }
        if (ApiUser.OrganizationId(user) is { } tokenOrg)
        {
            var org = await db.Organizations.AsNoTracking().Where(o => o.Id == tokenOrg).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (org is null || !AccessRules.TryParse(user.FindFirstValue(ApiClaims.Role), out var tokenRole)) { return []; }
            var name = user.FindFirstValue(ApiClaims.TokenName) ?? "api";
            return [new MemberContext($"token:{name}", name, name, tokenOrg, org, tokenRole, null, false, true)];
        }
        var userId = UserId(user);
        if (userId is null) { return []; }
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.UserId == userId
                          select new { m, OrgName = o.Name, u.UserName, u.DisplayName, u.IsDemo }).ToListAsync(ct);
        return rows.OrderBy(r => r.OrgName, StringComparer.Ordinal).Select(r =>
        {
            AccessRules.TryParse(r.m.Role, out var role);
            IReadOnlySet<Guid>? scope = string.IsNullOrWhiteSpace(r.m.FacilityScope)
                ? null
                : r.m.FacilityScope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Guid.Parse).ToHashSet();
            return new MemberContext(userId, r.UserName ?? userId, r.DisplayName, r.m.OrganizationId, r.OrgName, role, scope, r.IsDemo, false);
        }).ToList();
    }

    /// <summary>The principal's membership in <paramref name="organizationId"/>, or null (→ 404: tenants are invisible to each other).</summary>
    public async Task<MemberContext?> ForAsync(ClaimsPrincipal user, Guid organizationId, CancellationToken ct = default) =>
        (await MembershipsAsync(user, ct)).FirstOrDefault(m => m.OrganizationId == organizationId);

    /// <summary>Same as <see cref="ForAsync"/>, memoised for the request.</summary>
    public async Task<MemberContext?> ForRequestAsync(HttpContext http, Guid organizationId)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Items[CacheKey] is not IReadOnlyList<MemberContext> list)
        {
            list = await MembershipsAsync(http.User, http.RequestAborted);
            http.Items[CacheKey] = list;
        }
        return list.FirstOrDefault(m => m.OrganizationId == organizationId);
    }
}

/// <summary>Endpoint metadata: the permission an endpoint needs in the route's organization.</summary>
public sealed record PermissionRequirement(Permission Permission);

public static class PermissionEndpoints
{
    private const string MemberKey = "carbonledger:member";

    /// <summary>Requires <paramref name="permission"/> in the route's organization (checked by the tenant filter of
    /// <see cref="TenantIsolation.MapOrganization"/>; 403 with problem details when the role lacks it).</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WithMetadata(new PermissionRequirement(permission));
        return builder;
    }

    /// <summary>The member resolved by the tenant filter for this request (only inside organization routes).</summary>
    public static MemberContext Member(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[MemberKey] as MemberContext ?? throw new InvalidOperationException("no member: the endpoint is not under MapOrganization");
    }

    internal static void SetMember(HttpContext http, MemberContext member) => http.Items[MemberKey] = member;
}
