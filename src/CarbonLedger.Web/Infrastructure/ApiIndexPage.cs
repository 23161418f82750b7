using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>A browsable list of the API's endpoints at <c>/api</c>, generated from the endpoint data source (the same
/// endpoints the OpenAPI document at <c>/openapi/v1.json</c> describes), so it can never drift from the code.</summary>
public static class ApiIndexPage
{
    public static IEndpointRouteBuilder MapApiIndex(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api", (EndpointDataSource endpoints) => TypedResults.Content(Render(endpoints), "text/html; charset=utf-8", Encoding.UTF8))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    public static IEnumerable<(string Method, string Route, RouteEndpoint Endpoint)> ApiEndpoints(EndpointDataSource endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'), e)))
            .OrderBy(x => x.Item2, StringComparer.Ordinal).ThenBy(x => x.m, StringComparer.Ordinal);
    }

    private static string Render(EndpointDataSource endpoints)
    {
        static string E(string? s) => Html.Encode(s ?? "");
        var sb = new StringBuilder();
        sb.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>CarbonLedger API</title>
            <style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem}table{border-collapse:collapse}
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}code{font-size:.95em}</style></head><body>
            <h1>CarbonLedger API <small>/api/v1</small></h1>
            <p>OpenAPI document: <a href="/openapi/v1.json">/openapi/v1.json</a>. Every endpoint below needs
            <code>Authorization: Bearer &lt;token&gt;</code> (tokens are configured under <code>Auth:Tokens</code>; the demo token is printed
            in the log at start-up). Errors are RFC 9457 problem details.</p>
            <table><thead><tr><th>Method</th><th>Route</th><th>Name</th><th>Tag</th><th>Policy</th></tr></thead><tbody>
            """);
        foreach (var (method, route, endpoint) in ApiEndpoints(endpoints))
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "authenticated").Distinct(StringComparer.Ordinal);
            var tags = endpoint.Metadata.GetOrderedMetadata<ITagsMetadata>().SelectMany(t => t.Tags);
            sb.Append("<tr><td>").Append(E(method)).Append("</td><td><code>").Append(E(route)).Append("</code></td><td>")
              .Append(E(endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName)).Append("</td><td>")
              .Append(E(string.Join(", ", tags))).Append("</td><td>").Append(E(string.Join(", ", policies))).Append("</td></tr>");
        }
        sb.Append("</tbody></table></body></html>");
        return sb.ToString();
    }
}
