using System.Net.Http.Json;
using System.Text.Json;

namespace CarbonLedger.Web.Tests.Infrastructure;

/// <summary>Small helpers for reading JSON responses.</summary>
public static class Http
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body) => client.PostAsJsonAsync(url, body);

    /// <summary>The keys of a validation problem's <c>errors</c> object.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();

    public static decimal SumTonnes(this JsonElement items) => items.EnumerateArray().Sum(i => i.GetProperty("tonnes").GetDecimal());
}
