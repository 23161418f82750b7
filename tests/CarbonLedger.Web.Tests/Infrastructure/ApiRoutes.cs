using System.Text.RegularExpressions;
using CarbonLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CarbonLedger.Web.Tests.Infrastructure;

/// <summary>Every /api/v1 route the app maps, with its parameters filled in, for tests that enumerate endpoints (so a new
/// endpoint is covered without being listed by hand).</summary>
public static partial class ApiRoutes
{
    [GeneratedRegex(@"\{\**(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    /// <summary>Organization = the demo's, inventory = its 2024 one; ids of records that need not exist (checklists,
    /// findings, evidence, members, targets, plans …) get a fresh well-formed id, years and versions a number (int route constraints), so authentication, tenant isolation and permissions
    /// answer before any lookup.</summary>
    public static string Fill(string route, Guid inventoryId) => RouteParameter().Replace(route, m => m.Groups[1].Value switch
    {
        "orgId" => WebAppFixture.DemoOrgId.ToString(),
        "id" => inventoryId.ToString(),
        "key" => "tw-grid",
        "action" => "submit",
        "year" => "2025",
        "version" => "1",
        var name when name.EndsWith("Id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ => "x",
    });

    public static IEnumerable<(string Method, string Path, RouteEndpoint Endpoint)> All(WebAppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var source = app.App.Services.GetRequiredService<EndpointDataSource>();
        return ApiIndexPage.ApiEndpoints(source).Select(e => (e.Method, Fill(e.Route, app.DemoInventoryId), e.Endpoint));
    }
}
