using System.Reflection;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>A resource's endpoints (after jasontaylordev's <c>IEndpointGroup</c>): each feature folder
/// under <c>Features/&lt;Module&gt;/</c> holds one implementation per resource; <see cref="EndpointGroups"/>
/// maps them all under <c>/api/v1</c>.</summary>
public interface IEndpointGroup
{
    /// <summary>Maps the group's endpoints onto <paramref name="api"/> (already prefixed with <c>/api/v1</c>).</summary>
    void Map(RouteGroupBuilder api);
}

public static class EndpointGroups
{
    public static RouteGroupBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1");
        var groups = Assembly.GetExecutingAssembly().GetTypes()
            .Where(t => typeof(IEndpointGroup).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in groups)
        {
            ((IEndpointGroup)Activator.CreateInstance(type)!).Map(api);
        }
        return api;
    }
}
