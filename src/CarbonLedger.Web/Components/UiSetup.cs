using System.Globalization;
using System.Text.RegularExpressions;
using CarbonLedger.Web.Features.Dashboard;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;

namespace CarbonLedger.Web.Components;

/// <summary>The browser UI: Blazor Web App (static SSR for the account pages, InteractiveServer for the rest) with
/// MudBlazor, zh-TW by default and English, the culture kept in the standard ASP.NET Core culture cookie.</summary>
public static partial class UiSetup
{
    public static readonly IReadOnlyList<CultureInfo> Cultures = [CultureInfo.GetCultureInfo("zh-TW"), CultureInfo.GetCultureInfo("en")];

    public static IServiceCollection AddCarbonLedgerUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddMudServices();
        services.AddTransient<MudBlazor.MudLocalizer, ZhTwMudLocalizer>(); // MudBlazor's own texts in zh-TW
        services.AddMemoryCache();
        services.AddSingleton<DashboardService>();
        services.AddSingleton<CarbonLedger.Web.Features.Planning.InventoryFiguresCache>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-TW");
            o.SupportedCultures = [.. Cultures];
            o.SupportedUICultures = [.. Cultures];
            // Only the cookie (set by the language switch) chooses: the default stays zh-TW whatever the browser sends.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    public static WebApplication MapCarbonLedgerUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLocalization();
        app.Use(OrganizationGuard);
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapPost("/account/logout", Logout);
        app.MapGet("/culture/set", SetCulture).AllowAnonymous();
        return app;
    }

    /// <summary>Tenant isolation for pages: /o/{id}/… of an organization the signed-in user is not a member of answers
    /// 404 before any component renders, so another tenant's pages cannot be told apart from missing ones.</summary>
    private static async Task OrganizationGuard(HttpContext http, RequestDelegate next)
    {
        var match = OrgPath().Match(http.Request.Path.Value ?? "");
        if (match.Success && http.User.Identity?.IsAuthenticated == true && Guid.TryParse(match.Groups[1].Value, out var orgId))
        {
            var access = http.RequestServices.GetRequiredService<OrganizationAccess>();
            if (await access.ForRequestAsync(http, orgId) is null)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                http.Response.ContentType = "text/html; charset=utf-8";
                var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
                await http.Response.WriteAsync(zh
                    ? "<!DOCTYPE html><html lang=\"zh-TW\"><head><meta charset=\"utf-8\"><title>找不到</title></head><body style=\"font-family:sans-serif;margin:3rem\"><h1 data-testid=\"not-found\">找不到頁面</h1><p>此組織不存在，或您不是它的成員。</p><p><a href=\"/\">回首頁</a></p></body></html>"
                    : "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body style=\"font-family:sans-serif;margin:3rem\"><h1 data-testid=\"not-found\">Not found</h1><p>This organization does not exist or you are not a member of it.</p><p><a href=\"/\">Home</a></p></body></html>");
                return;
            }
        }
        await next(http);
    }

    private static async Task<IResult> Logout(HttpContext http, Microsoft.AspNetCore.Identity.SignInManager<Data.Entities.UserRow> signIn,
        [Microsoft.AspNetCore.Mvc.FromForm] string? returnUrl)
    {
        // Binding a form parameter makes the endpoint validate the antiforgery token (UseAntiforgery): no cross-site logout.
        _ = returnUrl;
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }

    private static IResult SetCulture(HttpContext http, string? culture, string? redirectUri)
    {
        var chosen = Cultures.FirstOrDefault(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase)) ?? Cultures[0];
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        var target = string.IsNullOrEmpty(redirectUri) || !redirectUri.StartsWith('/') || redirectUri.StartsWith("//", StringComparison.Ordinal) ? "/" : redirectUri;
        return TypedResults.LocalRedirect(target);
    }

    [GeneratedRegex(@"^/o/([0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex OrgPath();
}
