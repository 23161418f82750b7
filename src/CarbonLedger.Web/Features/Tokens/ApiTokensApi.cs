using System.Security.Cryptography;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Web.Features.Tokens;

public sealed record ApiTokenDto(Guid Id, string Name, string Role, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

/// <summary>The token itself appears only in this response; the server keeps its SHA-256.</summary>
public sealed record IssuedApiTokenDto(Guid Id, string Name, string Role, string Token);

public sealed record IssueApiTokenRequest(string? Name, string? Role);

/// <summary>API tokens for machine clients (issue 3 item 7), issued and revoked by an organization's administrator.
/// Issuing and revoking are recorded in the audit ledger (kind "api-token", without the token).</summary>
public sealed class ApiTokensApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapOrganization("/api-tokens").WithTags("API tokens");
        group.MapGet("/", List).WithName("ListApiTokens").RequirePermission(Permission.ManageMembers);
        group.MapPost("/", Issue).WithName("IssueApiToken").RequirePermission(Permission.ManageMembers);
        group.MapDelete("/{tokenId:guid}", Revoke).WithName("RevokeApiToken").RequirePermission(Permission.ManageMembers);
    }

    public static async Task<Ok<List<ApiTokenDto>>> List(Guid orgId, CarbonLedgerDbContext db, CancellationToken ct)
    {
        var rows = await db.ApiTokens.AsNoTracking().Where(t => t.OrganizationId == orgId).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(ToDto).ToList());
    }

    public static async Task<Results<Created<IssuedApiTokenDto>, ValidationProblem>> Issue(Guid orgId, IssueApiTokenRequest request,
        CarbonLedgerDbContext db, LedgerStore ledger, IClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 200) { problems.Add(Problem.AtField("name", "is required (at most 200 characters)", "為必填（最多 200 個字元）")); }
        if (!AccessRules.TryParse(request.Role, out var role)) { problems.Add(Problem.AtField("role", "must be admin, contributor, reviewer, verifier or viewer", "須為 admin（管理者）、contributor（填報者）、reviewer（內部稽核）、verifier（查證人員）或 viewer（檢視者）")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid API token"); }
        var token = "cl_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var member = http.Member();
        var row = new ApiTokenRow
        {
            Id = Guid.NewGuid(), OrganizationId = orgId, Name = request.Name!.Trim(), Sha256 = ApiTokenRegistry.HashHex(token),
            Role = AccessRules.Code(role), CreatedBy = member.Actor, CreatedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        db.ApiTokens.Add(row);
        await db.SaveChangesAsync(ct);
        await ledger.AppendAsync(orgId, [new CarbonLedger.Audit.LedgerEvent(member.Actor, "issue", "api-token", row.Id.ToString("D"),
            LedgerContent.Of(new Dictionary<string, string?> { ["name"] = row.Name, ["role"] = row.Role }))], ct);
        return TypedResults.Created($"/api/v1/organizations/{orgId}/api-tokens/{row.Id}", new IssuedApiTokenDto(row.Id, row.Name, row.Role, token));
    }

    public static async Task<Results<Ok<ApiTokenDto>, ProblemHttpResult>> Revoke(Guid orgId, Guid tokenId, CarbonLedgerDbContext db, LedgerStore ledger,
        IClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.OrganizationId == orgId && t.Id == tokenId, ct);
        if (row is null) { return TenantIsolation.NotFound("API token"); }
        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetCurrentInstant().ToDateTimeOffset();
            await db.SaveChangesAsync(ct);
            await ledger.AppendAsync(orgId, [new CarbonLedger.Audit.LedgerEvent(http.Member().Actor, "revoke", "api-token", row.Id.ToString("D"),
                LedgerContent.Of(new Dictionary<string, string?> { ["name"] = row.Name, ["role"] = row.Role }))], ct);
        }
        return TypedResults.Ok(ToDto(row));
    }

    private static ApiTokenDto ToDto(ApiTokenRow r) => new(r.Id, r.Name, r.Role, r.CreatedBy, r.CreatedAt, r.RevokedAt);
}
