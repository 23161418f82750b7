using System.Text.Json;
using System.Text.Json.Serialization;
using CarbonLedger.Planning;
using NodaTime;
using NodaTime.Text;

namespace CarbonLedger.Data.Stores;

/// <summary>The one JSON form of transition plans and pathway methods (stored versions, the REST API, the CLI's plan
/// files): camelCase, enums by name, dates as ISO yyyy-MM-dd.</summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize(TransitionPlan plan) => JsonSerializer.Serialize(plan, Options);

    public static string Serialize(PathwayMethod method) => JsonSerializer.Serialize(method, Options);

    /// <summary>Reads a plan; a malformed document is a problem naming the JSON path and the reason.</summary>
    public static Common.Outcome<TransitionPlan> Deserialize(string json, string source = "plan")
    {
        try
        {
            var plan = JsonSerializer.Deserialize<TransitionPlan>(json, Options);
            if (plan is null) { return Common.Outcome<TransitionPlan>.Failure(Common.Problem.AtField(source, "is empty", "內容為空")); }
            if (string.IsNullOrWhiteSpace(plan.Title)) { return Common.Outcome<TransitionPlan>.Failure(Common.Problem.AtField("title", "is required", "必填")); }
            return Common.Outcome<TransitionPlan>.Success(plan);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? source : ex.Path.TrimStart('$', '.');
            return Common.Outcome<TransitionPlan>.Failure(Common.Problem.AtField(where.Length == 0 ? source : where,
                $"is not valid plan JSON (line {ex.LineNumber + 1}): {ex.Message}", $"不是有效的轉型計畫 JSON（第 {ex.LineNumber + 1} 行）：{ex.Message}"));
        }
    }

    public static PathwayMethod? DeserializeMethod(string json) => JsonSerializer.Deserialize<PathwayMethod>(json, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new LocalDateConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class LocalDateConverter : JsonConverter<LocalDate>
    {
        public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.GetString() ?? "";
            var parsed = LocalDatePattern.Iso.Parse(text);
            return parsed.Success ? parsed.Value : throw new JsonException($"'{text}' is not a date (yyyy-MM-dd)");
        }

        public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
