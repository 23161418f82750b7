using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Import.Portfolio;
using CarbonLedger.Planning;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Cli.Commands.Planning;

/// <summary>What the target and plan verbs share: opening the organization's <see cref="PlanningStore"/>, reading plan
/// and activity files (every problem names the file and the field, row or column), and writing planning JSON in the one
/// form of <see cref="PlanJson.Options"/> (enums by name, ISO dates), indented for people.</summary>
internal static class PlanningCli
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><see cref="PlanJson.Options"/> indented, zh-TW kept readable (a file or a terminal, not HTML).</summary>
    public static JsonSerializerOptions Indented { get; } = new(PlanJson.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Option<bool> JsonOption() => new("--json") { Description = "Write one JSON document to stdout" };

    public static Option<string?> LangOption() => new("--lang") { Description = "Language: zh-TW (default) or en" };

    public static ReportLanguage Language(string? text) => (text ?? "zh-TW").Trim().ToUpperInvariant() switch
    {
        "ZH-TW" or "ZH" or "ZHTW" => ReportLanguage.ZhTw,
        "EN" or "EN-US" or "EN-GB" or "ENGLISH" => ReportLanguage.English,
        _ => throw new CliUsageException($"--lang: '{text}' is not zh-TW or en"),
    };

    /// <summary>One JSON document on stdout (the raw writer, so no line is wrapped inside it).</summary>
    public static void Json(CliContext context, object document)
    {
        var writer = context.Console.Profile.Out.Writer;
        writer.Write(JsonSerializer.Serialize(document, document.GetType(), Indented));
        writer.Write('\n');
        writer.Flush();
    }

    public static int Fail(CliContext context, IEnumerable<Problem> problems, string? file = null)
    {
        foreach (var p in problems)
        {
            var line = CliRun.Format(p);
            context.Error.WriteLine("error: " + (file is null || p.Location.File is not null ? line : $"{file}: {line}"));
        }
        return ExitCodes.Failed;
    }

    public sealed record Opened(CarbonLedgerDbContext Db, OrganizationSnapshot Organization, PlanningStore Store) : IAsyncDisposable
    {
        public Guid OrgId => Organization.Organization.Id;

        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }

    public static async Task<Opened> OpenAsync(CliContext context, DataOptions data, ParseResult parse, string org, CancellationToken ct)
    {
        var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
        try
        {
            var inventories = new InventoryStore(db, context.Clock);
            var snapshot = await OrganizationLookup.FindAsync(inventories, org, ct);
            return new Opened(db, snapshot, new PlanningStore(db, inventories, context.Clock));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    /// <summary>A plan JSON file; a malformed one fails naming the file and the JSON path.</summary>
    public static Outcome<TransitionPlan> ReadPlanFile(string path)
    {
        if (!File.Exists(path)) { throw new CliFailureException($"{path}: no such file"); }
        var outcome = PlanJson.Deserialize(File.ReadAllText(path), "plan");
        return outcome.Succeeded ? outcome : Outcome<TransitionPlan>.Failure(outcome.Problems.Select(p => At(path, p)).ToList());
    }

    private static Problem At(string path, Problem p) => p with { Location = p.Location with { File = Path.GetFileName(path) } };

    /// <summary>Economic activities from a CSV (columns name, revenue_share, type, substantial_contribution,
    /// no_significant_harm, social_safeguards, has_transition_plan, status) or JSON (a plan, {activities: [...]} or an
    /// array). Shares are fractions or percentages ("30%").</summary>
    public static Outcome<IReadOnlyList<EconomicActivity>> ReadActivities(string path)
    {
        if (!File.Exists(path)) { throw new CliFailureException($"{path}: no such file"); }
        var name = Path.GetFileName(path);
        if (string.Equals(Path.GetExtension(path), ".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ReadActivitiesCsv(PortfolioTable.FromCsvFile(path));
        }
        var text = File.ReadAllText(path);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var array = root.ValueKind == JsonValueKind.Array ? root
                : root.ValueKind == JsonValueKind.Object && root.TryGetProperty("activities", out var a) ? a
                : throw new CliFailureException($"{name}: expected a plan, {{\"activities\": [...]}} or an array of activities");
            var list = array.Deserialize<List<EconomicActivity>>(PlanJson.Options) ?? [];
            return Outcome<IReadOnlyList<EconomicActivity>>.Success(list);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? "activities" : "activities" + ex.Path.TrimStart('$');
            return Outcome<IReadOnlyList<EconomicActivity>>.Failure(new Problem(new ProblemLocation(File: name, Field: where),
                CliRun.Inv($"is not valid (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}"), CliRun.Inv($"格式錯誤（第 {(ex.LineNumber ?? 0) + 1} 行）：{ex.Message}")));
        }
    }

    private static readonly string[] CsvColumns = ["name", "revenue_share", "type", "substantial_contribution", "no_significant_harm", "social_safeguards", "has_transition_plan", "status"];

    private static Outcome<IReadOnlyList<EconomicActivity>> ReadActivitiesCsv(PortfolioTable table)
    {
        var problems = new List<Problem>();
        var col = CsvColumns.ToDictionary(c => c, table.Column);
        foreach (var required in new[] { "name", "revenue_share", "type" }.Where(c => col[c] < 0))
        {
            problems.Add(new Problem(table.At(1, required), $"the column '{required}' is missing (columns: {string.Join(", ", CsvColumns)})",
                $"缺少「{required}」欄（欄位：{string.Join("、", CsvColumns)}）"));
        }
        if (problems.Count > 0) { return Outcome<IReadOnlyList<EconomicActivity>>.Failure(problems); }
        var list = new List<EconomicActivity>();
        foreach (var (row, cells) in table.Rows)
        {
            string Cell(string c) => col[c] >= 0 && col[c] < cells.Count ? cells[col[c]].Trim() : "";
            if (cells.All(string.IsNullOrWhiteSpace)) { continue; }
            var share = Share(Cell("revenue_share"));
            if (share is null) { problems.Add(new Problem(table.At(row, "revenue_share"), $"'{Cell("revenue_share")}' is not a share (0.3 or 30%)", $"「{Cell("revenue_share")}」不是營收占比（0.3 或 30%）")); }
            var type = Enum(Cell("type"), ActivityTypes, "general, supporting or not-applicable", "一般、支持型或不適用", table, row, "type", problems) ?? ActivityType.General;
            var c1 = Condition(Cell("substantial_contribution"), table, row, "substantial_contribution", problems);
            var c2 = Condition(Cell("no_significant_harm"), table, row, "no_significant_harm", problems);
            var c3 = Condition(Cell("social_safeguards"), table, row, "social_safeguards", problems);
            var plan = Cell("has_transition_plan").ToUpperInvariant() switch
            {
                "" or "NO" or "N" or "FALSE" or "0" or "無" or "/" => false,
                "YES" or "Y" or "TRUE" or "1" or "有" => true,
                var other => Bad(problems, table, row, "has_transition_plan", $"'{other}' is not yes or no", $"「{other}」不是 yes（有）或 no（無）"),
            };
            var status = Cell("status").Length == 0 ? null : Enum(Cell("status"), Statuses, "aligned, transitioning, not-aligned or not-applicable", "符合、轉型中、不符合或不適用", table, row, "status", problems);
            list.Add(new EconomicActivity(Cell("name"), share ?? 0m, type, c1, c2, c3, plan, status));
        }
        return problems.Count > 0 ? Outcome<IReadOnlyList<EconomicActivity>>.Failure(problems) : Outcome<IReadOnlyList<EconomicActivity>>.Success(list);
    }

    private static bool Bad(List<Problem> problems, PortfolioTable table, int row, string column, string message, string messageZhTw)
    {
        problems.Add(new Problem(table.At(row, column), message, messageZhTw));
        return false;
    }

    private static decimal? Share(string text)
    {
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].Trim() : text;
        if (!decimal.TryParse(number, NumberStyles.Number, Inv, out var value)) { return null; }
        return percent ? value / 100m : value;
    }

    private static readonly Dictionary<string, ActivityType> ActivityTypes = new(StringComparer.Ordinal)
    {
        ["GENERAL"] = ActivityType.General, ["一般經濟活動"] = ActivityType.General, ["一般"] = ActivityType.General,
        ["SUPPORTING"] = ActivityType.Supporting, ["支持型經濟活動"] = ActivityType.Supporting, ["支持型"] = ActivityType.Supporting,
        ["NOTAPPLICABLE"] = ActivityType.NotApplicable, ["NA"] = ActivityType.NotApplicable, ["不適用"] = ActivityType.NotApplicable,
    };

    private static readonly Dictionary<string, SustainabilityStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["ALIGNED"] = SustainabilityStatus.Aligned, ["符合"] = SustainabilityStatus.Aligned,
        ["TRANSITIONING"] = SustainabilityStatus.Transitioning, ["轉型中"] = SustainabilityStatus.Transitioning,
        ["NOTALIGNED"] = SustainabilityStatus.NotAligned, ["不符合"] = SustainabilityStatus.NotAligned,
        ["NOTAPPLICABLE"] = SustainabilityStatus.NotApplicable, ["NA"] = SustainabilityStatus.NotApplicable, ["不適用"] = SustainabilityStatus.NotApplicable,
    };

    private static T? Enum<T>(string text, Dictionary<string, T> names, string expected, string expectedZhTw, PortfolioTable table, int row, string column,
        List<Problem> problems) where T : struct
    {
        if (names.TryGetValue(Key(text), out var value)) { return value; }
        problems.Add(new Problem(table.At(row, column), $"'{text}' is not {expected}", $"「{text}」不是{expectedZhTw}"));
        return null;
    }

    private static ConditionResult Condition(string text, PortfolioTable table, int row, string column, List<Problem> problems)
    {
        switch (Key(text))
        {
            case "" or "—" or "-" or "/" or "NOTASSESSED" or "NA": return ConditionResult.NotAssessed;
            case "MET" or "YES" or "Y" or "符合": return ConditionResult.Met;
            case "NOTMET" or "NO" or "N" or "不符合": return ConditionResult.NotMet;
            default:
                problems.Add(new Problem(table.At(row, column), $"'{text}' is not met, not-met or blank (not assessed)", $"「{text}」不是 met（符合）、not-met（不符合）或空白（不評估）"));
                return ConditionResult.NotAssessed;
        }
    }

    public static string Key(string text) => text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
        .Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    public static string Percent(decimal share) => (share * 100m).ToString("0.##", Inv) + " %";

    public static string Number(decimal value) => value.ToString("#,0.###", Inv);
}
