using System.Security.Cryptography;
using CarbonLedger.Audit;
using CarbonLedger.Data;
using CarbonLedger.Data.Entities;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Web.Infrastructure.Auth;

/// <summary>Accounts and sign-in: ASP.NET Core Identity (PBKDF2 password hashes, lockout) with its cookie for people in
/// the browser, and bearer API tokens for machine clients. One policy scheme picks the handler per request: a request
/// with <c>Authorization: Bearer …</c> is a token request, anything else uses the cookie. Unauthenticated browser
/// requests are redirected to the login page; unauthenticated /api requests get 401 problem details.</summary>
public static partial class AuthSetup
{
    public const string SmartScheme = "CarbonLedger";
    public const string LoginPath = "/account/login";

    /// <summary>The shortest password Identity accepts.</summary>
    public const int MinPasswordLength = 10;

    public static IServiceCollection AddCarbonLedgerAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiTokenRegistry>();
        services.AddScoped<OrganizationAccess>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "cookie or API token", o => o.ForwardDefaultSelector = http =>
                IsTokenRequest(http) || http.Request.Path.StartsWithSegments("/api") && !HasIdentityCookie(http)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = LoginPath;
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "carbonledger.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddIdentityCore<UserRow>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = MinPasswordLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddEntityFrameworkStores<CarbonLedgerDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder(SmartScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(ApiPolicies.Read, p => p.AddAuthenticationSchemes(SmartScheme).RequireAuthenticatedUser());
        return services;
    }

    private static bool IsTokenRequest(HttpContext http) =>
        http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool HasIdentityCookie(HttpContext http) => http.Request.Cookies.ContainsKey("carbonledger.auth");

    private static async Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            var problems = ctx.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = ctx.HttpContext,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = status,
                    Title = status == StatusCodes.Status401Unauthorized ? "Authentication required" : "Not allowed",
                },
            });
            return;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
    }

    public const string AdminEmail = "admin@carbonledger.local";
    public const string DemoPassword = "demo-CarbonLedger-2024";

    /// <summary>The demo logins, one per role, all members of the demo organization only and marked IsDemo.</summary>
    public static readonly IReadOnlyList<(string Email, string Name, OrganizationRole Role)> DemoLogins =
    [
        ("demo@carbonledger.local", "示範管理者 Demo administrator", OrganizationRole.Administrator),
        ("demo-contributor@carbonledger.local", "示範填報者 Demo contributor", OrganizationRole.Contributor),
        ("demo-reviewer@carbonledger.local", "示範內稽 Demo reviewer", OrganizationRole.Reviewer),
        ("demo-verifier@carbonledger.local", "示範查證 Demo verifier", OrganizationRole.Verifier),
        ("demo-viewer@carbonledger.local", "示範檢視 Demo viewer", OrganizationRole.Viewer),
    ];

    /// <summary>First start: creates the administrator when no account exists (password from
    /// <c>Auth:InitialAdmin:Password</c>, else generated and logged once), making it administrator of every existing
    /// organization; when the demo organization exists, creates the demo logins (password <see cref="DemoPassword"/>,
    /// clearly marked demo, members of the demo organization only).</summary>
    public static async Task EnsureAccountsAsync(IServiceProvider services, IConfiguration configuration, Guid? demoOrganizationId, ILogger logger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var users = services.GetRequiredService<UserManager<UserRow>>();
        var db = services.GetRequiredService<CarbonLedgerDbContext>();
        var clock = services.GetRequiredService<IClock>();
        if (!await db.Users.AnyAsync(u => !u.IsDemo, ct))
        {
            var configured = configuration["Auth:InitialAdmin:Password"];
            var password = string.IsNullOrWhiteSpace(configured) ? "Cl7-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) : configured;
            var admin = await CreateUserAsync(users, AdminEmail, "Administrator", password, isDemo: false, clock);
            foreach (var org in await db.Organizations.Select(o => o.Id).ToListAsync(ct))
            {
                db.Memberships.Add(NewMembership(org, admin.Id, OrganizationRole.Administrator, clock));
            }
            await db.SaveChangesAsync(ct);
            if (string.IsNullOrWhiteSpace(configured)) { LogAdmin(logger, AdminEmail, password); }
        }
        if (demoOrganizationId is not { } demoOrg) { return; }
        foreach (var (email, name, role) in DemoLogins)
        {
            if (await users.FindByEmailAsync(email) is not null) { continue; }
            var user = await CreateUserAsync(users, email, name, DemoPassword, isDemo: true, clock);
            db.Memberships.Add(NewMembership(demoOrg, user.Id, role, clock));
            await db.SaveChangesAsync(ct);
        }
    }

    public static MembershipRow NewMembership(Guid organizationId, string userId, OrganizationRole role, IClock clock, IEnumerable<Guid>? facilityScope = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var scope = facilityScope?.Select(f => f.ToString("D")).ToList();
        return new MembershipRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, UserId = userId, Role = AccessRules.Code(role),
            FacilityScope = scope is { Count: > 0 } ? string.Join(',', scope) : null, CreatedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
    }

    public static async Task<UserRow> CreateUserAsync(UserManager<UserRow> users, string email, string displayName, string password, bool isDemo, IClock clock)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(clock);
        var user = new UserRow
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, IsDemo = isDemo,
            CreatedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"cannot create {email}: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        return user;
    }

    // Printed once, on the start that creates the administrator; only Identity's hash is stored.
    [LoggerMessage(Level = LogLevel.Warning, Message = "administrator created: {Email} with password {Password} (change it after signing in)")]
    private static partial void LogAdmin(ILogger logger, string email, string password);
}
