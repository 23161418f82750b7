using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CarbonLedger.Web.Infrastructure.Auth;

/// <summary>Authenticates <c>Authorization: Bearer &lt;token&gt;</c> against <see cref="ApiTokenRegistry"/> and answers
/// 401/403 with RFC 9457 problem details instead of empty bodies.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenRegistry tokens,
    CarbonLedger.Data.CarbonLedgerDbContext db,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header[prefix.Length..].Trim();
        if (token.Length == 0)
        {
            return AuthenticateResult.Fail("empty bearer token");
        }
        // Configured tokens (and the demo token) first, then tokens an administrator issued (api_tokens, SHA-256 only;
        // looking up by the hash reveals nothing about the token).
        var entry = tokens.Find(token);
        if (entry is null)
        {
            var hex = ApiTokenRegistry.HashHex(token);
            var row = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(
                db.ApiTokens.Where(t => t.Sha256 == hex && t.RevokedAt == null), Context.RequestAborted);
            if (row is not null) { entry = new ApiTokenEntry(Convert.FromHexString(hex), row.OrganizationId, row.Role, row.Name); }
        }
        if (entry is null)
        {
            return AuthenticateResult.Fail("unknown API token");
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ApiClaims.OrganizationId, entry.OrganizationId.ToString()),
            new Claim(ApiClaims.Role, entry.Role),
            new Claim(ApiClaims.TokenName, entry.Name),
            new Claim(ClaimTypes.Name, entry.Name),
        ], SchemeName, ClaimTypes.Name, ApiClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Authentication required",
                Detail = "Send an API token as 'Authorization: Bearer <token>'.",
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden,
                Title = "Not allowed",
                Detail = "This token's role may read but not change data (writes need admin or contributor).",
            },
        });
    }
}

/// <summary>Reads the token's claims (and the signed-in user's name for cookie sessions).</summary>
public static class ApiUser
{
    public static Guid? OrganizationId(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Guid.TryParse(user.FindFirstValue(ApiClaims.OrganizationId), out var id) ? id : null;
    }

    public static string Name(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindFirstValue(ApiClaims.TokenName) is { Length: > 0 } n) { return $"api:{n}"; }
        return user.Identity?.Name is { Length: > 0 } signedIn ? signedIn : "api";
    }

    /// <summary>Whether the token belongs to <paramref name="organizationId"/> (tenant isolation).</summary>
    public static bool Owns(ClaimsPrincipal user, Guid organizationId) => OrganizationId(user) == organizationId;
}
