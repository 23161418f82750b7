using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CarbonLedger.Reports.Inventory;

/// <summary>The whole <see cref="InventoryReportModel"/> as JSON: camelCase property names taken from the model's
/// records (so they stay stable as long as the records do), enums as their names, decimals as JSON numbers with
/// every digit, dates as ISO 8601 strings, CJK text unescaped (HTML-sensitive characters such as dates as ISO 8601 strings, CJK text unescaped.lt; stay escaped).</summary>
public static class InventoryJsonReport
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static void Write(InventoryReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        JsonSerializer.Serialize(output, model, Options);
    }

    public static string Render(InventoryReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return JsonSerializer.Serialize(model, Options);
    }
}
