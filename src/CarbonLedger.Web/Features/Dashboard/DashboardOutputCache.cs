using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CarbonLedger.Data.Stores;
using Microsoft.AspNetCore.OutputCaching;

namespace CarbonLedger.Web.Features.Dashboard;

/// <summary>Caches the rendered dashboard page (<c>/o/{orgId}</c>, the most visited page) per browser session, culture
/// and data version: the key holds a hash of the session's authentication and antiforgery cookies (so no one is ever
/// served another session's page, and the page's logout form token matches its own antiforgery cookie), the query
/// string, and the organization's ledger head (<see cref="LedgerStore.HeadAsync"/>), which changes with every write —
/// so the cache never shows data older than the last change. Entries live at most 60 s, which bounds how long a
/// removed member could still see a page they had already loaded. Every other request is not cached.</summary>
public sealed partial class DashboardOutputCache : IOutputCachePolicy
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    [GeneratedRegex("^/o/(?<org>[0-9a-fA-F-]{36})/?$")]
    private static partial Regex DashboardPath();

    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        var match = DashboardPath().Match(http.Request.Path.Value ?? "");
        if (!HttpMethods.IsGet(http.Request.Method) || !match.Success || http.User.Identity?.IsAuthenticated != true
            || !Guid.TryParse(match.Groups["org"].Value, out var org))
        {
            context.EnableOutputCaching = false;
            return;
        }
        var session = http.Request.Cookies
            .Where(c => c.Key == "carbonledger.auth" || c.Key.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal) || c.Key == ".AspNetCore.Culture")
            .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key + "=" + c.Value);
        var head = await http.RequestServices.GetRequiredService<LedgerStore>().HeadAsync(org, cancellation);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["session"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", session))));
        context.CacheVaryByRules.VaryByValues["head"] = head.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        // Only a plain 200 page is stored; a response that sets a cookie (e.g. the first antiforgery cookie) is not.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }
        return ValueTask.CompletedTask;
    }
}
