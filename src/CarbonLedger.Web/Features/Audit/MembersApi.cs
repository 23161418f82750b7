using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Web.Features.Audit;

public sealed record MemberDto(Guid MembershipId, string UserId, string Email, string DisplayName, string Role, IReadOnlyList<Guid> FacilityIds,
    bool IsDemo, DateTimeOffset CreatedAt);

/// <summary>A member to add: a new account (password required, Identity's rules) or an existing one (password ignored).
/// <see cref="FacilityIds"/> limits a contributor to those facilities of this organization (empty = all).</summary>
public sealed record AddMemberRequest(string? Email, string? DisplayName, string? Role, IReadOnlyList<Guid>? FacilityIds, string? Password);

/// <summary><c>/api/v1/organizations/{orgId}/members</c>: an organization's people and their roles (issue 3 item 2),
/// managed by its administrators. Adding and removing are recorded in the audit ledger (kind "membership").</summary>
public sealed class MembersApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapOrganization("/members").WithTags("Members");
        group.MapGet("/", List).WithName("ListMembers").RequirePermission(Permission.ManageMembers);
        group.MapPost("/", Add).WithName("AddMember").RequirePermission(Permission.ManageMembers).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{membershipId:guid}", Remove).WithName("RemoveMember").RequirePermission(Permission.ManageMembers)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<List<MemberDto>>> List(Guid orgId, CarbonLedgerDbContext db, CancellationToken ct)
    {
        var rows = await (from m in db.Memberships.AsNoTracking()
                          join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                          where m.OrganizationId == orgId
                          select new { m, u }).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.u.Email, StringComparer.Ordinal).Select(r => ToDto(r.m, r.u)).ToList());
    }

    public static async Task<Results<Created<MemberDto>, ValidationProblem, ProblemHttpResult>> Add(Guid orgId, AddMemberRequest request,
        CarbonLedgerDbContext db, UserManager<UserRow> users, LedgerStore ledger, IClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        var email = request.Email?.Trim() ?? "";
        if (email.Length is 0 or > 256 || !email.Contains('@', StringComparison.Ordinal)) { problems.Add(Problem.AtField("email", "a valid e-mail address is required", "須為有效的電子郵件地址")); }
        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > 200) { problems.Add(Problem.AtField("displayName", "is required (at most 200 characters)", "為必填（最多 200 個字元）")); }
        if (!AccessRules.TryParse(request.Role, out var role)) { problems.Add(Problem.AtField("role", "must be admin, contributor, reviewer, verifier or viewer", "須為 admin（管理者）、contributor（填報者）、reviewer（內部稽核）、verifier（查證人員）或 viewer（檢視者）")); }
        var facilityIds = request.FacilityIds?.Distinct().ToList() ?? [];
        if (facilityIds.Count > 0)
        {
            var own = await db.Facilities.AsNoTracking().Where(f => f.OrganizationId == orgId && facilityIds.Contains(f.Id)).Select(f => f.Id).ToListAsync(ct);
            foreach (var missing in facilityIds.Except(own))
            {
                problems.Add(Problem.AtField("facilityIds", $"no facility {missing} in this organization", $"本組織沒有據點 {missing}"));
            }
        }
        var existing = email.Length > 0 ? await users.FindByEmailAsync(email) : null;
        if (existing is null && string.IsNullOrEmpty(request.Password)) { problems.Add(Problem.AtField("password", "an initial password is required for a new account", "新帳號須設定初始密碼")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid member"); }

        if (existing is not null && await db.Memberships.AnyAsync(m => m.OrganizationId == orgId && m.UserId == existing.Id, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already a member", detail: $"{email} is already a member of this organization.");
        }
        var user = existing;
        if (user is null)
        {
            user = new UserRow
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = request.DisplayName!.Trim(),
                CreatedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
            };
            var created = await users.CreateAsync(user, request.Password!);
            if (!created.Succeeded)
            {
                return Validation.Invalid(created.Errors.Select(e => Problem.AtField(e.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email", e.Description, IdentityErrorZhTw(e))).ToList(),
                    "Invalid member");
            }
        }
        var membership = AuthSetup.NewMembership(orgId, user.Id, role, clock, facilityIds);
        db.Memberships.Add(membership);
        await db.SaveChangesAsync(ct);
        await ledger.AppendAsync(orgId, [new LedgerEvent(http.Member().Actor, "add", "membership", membership.Id.ToString("D"), Content(membership, user))], ct);
        return TypedResults.Created($"/api/v1/organizations/{orgId}/members", ToDto(membership, user));
    }

    /// <summary>Removes a membership (the account stays: it may belong to other organizations). The last administrator
    /// cannot be removed, so an organization is never left without one.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid orgId, Guid membershipId, CarbonLedgerDbContext db, LedgerStore ledger,
        HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var row = await db.Memberships.SingleOrDefaultAsync(m => m.OrganizationId == orgId && m.Id == membershipId, ct);
        if (row is null) { return TenantIsolation.NotFound("member"); }
        var admin = AccessRules.Code(OrganizationRole.Administrator);
        if (row.Role == admin && await db.Memberships.CountAsync(m => m.OrganizationId == orgId && m.Role == admin, ct) == 1)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Last administrator",
                detail: "This is the organization's only administrator: add another administrator first.");
        }
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == row.UserId, ct);
        db.Memberships.Remove(row);
        await db.SaveChangesAsync(ct);
        await ledger.AppendAsync(orgId, [new LedgerEvent(http.Member().Actor, "remove", "membership", row.Id.ToString("D"), Content(row, user))], ct);
        return TypedResults.NoContent();
    }

    private static string Content(MembershipRow m, UserRow u) => LedgerContent.Of(new Dictionary<string, string?>
    {
        ["email"] = u.Email, ["userId"] = m.UserId, ["role"] = m.Role, ["facilityScope"] = m.FacilityScope,
    });

    private static MemberDto ToDto(MembershipRow m, UserRow u) => new(m.Id, u.Id, u.Email ?? u.UserName ?? u.Id, u.DisplayName, m.Role,
        string.IsNullOrWhiteSpace(m.FacilityScope) ? [] : m.FacilityScope.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Guid.Parse).ToList(),
        u.IsDemo, m.CreatedAt);

    /// <summary>ASP.NET Core Identity's error in Traditional Chinese, by its code (IdentityErrorDescriber's English text is
    /// the <c>errors</c> entry); an unlisted code keeps the English description inside the zh-TW sentence.</summary>
    private static string IdentityErrorZhTw(IdentityError e) => e.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => $"密碼長度不足（至少 {AuthSetup.MinPasswordLength} 個字元）",
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => "密碼須包含至少一個數字（0-9）",
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => "密碼須包含至少一個小寫字母（a-z）",
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => "密碼須包含至少一個大寫字母（A-Z）",
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => "密碼須包含至少一個非英數字元",
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => "密碼須包含更多不同的字元",
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => "此電子郵件地址已有帳號使用",
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => "電子郵件地址格式無效",
        _ => $"帳號資料不符規定：{e.Description}",
    };
}
