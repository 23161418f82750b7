using System.Globalization;
using CarbonLedger.Common;
using CarbonLedger.Inventory;
using CarbonLedger.Portfolio;

namespace CarbonLedger.Planning;

/// <summary>Whether a target caps tonnes or tonnes per unit of a denominator (revenue, product) — SPEC §4.</summary>
public enum TargetKind
{
    Absolute,
    Intensity,
}

/// <summary>How the yearly pathway from the base year to the target year is drawn.</summary>
public enum PathwayMethodKind
{
    /// <summary>A straight line from the base-year value to the target value (the user's own target).</summary>
    LinearToTarget,

    /// <summary>Absolute contraction: a fixed share of base-year emissions removed every year, linear (SBTi).</summary>
    AbsoluteContraction,

    /// <summary>The thesis's IPCC AR6 category (seed 001 Table 2): linear so that 2030 is a given share of 2019.</summary>
    Ar6Category,

    /// <summary>User-defined milestones (year, value), linear between them.</summary>
    Milestones,
}

/// <summary>An absolute-contraction rate with the method version and source it comes from. SPEC §4: SBTi revised the
/// rates in 2026 (dynamic rate, 4.2 %/yr floor kept), so the rate is a parameter, never a constant in the code.</summary>
public sealed record ContractionRate(string Code, decimal AnnualRate, string Ambition, string Version, string Source)
{
    /// <summary>SBTi 1.5 °C: 4.2 % of base-year emissions per year, linear (SPEC §4; issue 5).</summary>
    public static ContractionRate Sbti15C { get; } = new("sbti-1.5c", 0.042m, "1.5 °C", "SBTi Corporate Near-Term Criteria v5.x (2021-2024)",
        "SBTi Corporate Net-Zero Standard / Near-Term Criteria: absolute contraction 4.2 %/yr linear for 1.5 °C (SPEC §4)");

    /// <summary>SBTi well-below 2 °C: 2.5 % of base-year emissions per year, linear.</summary>
    public static ContractionRate SbtiWellBelow2C { get; } = new("sbti-wb2c", 0.025m, "well-below 2 °C", "SBTi Corporate Near-Term Criteria v5.x (2021-2024)",
        "SBTi Corporate Near-Term Criteria: absolute contraction 2.5 %/yr linear for well-below 2 °C (SPEC §4)");

    public static IReadOnlyList<ContractionRate> Presets { get; } = [Sbti15C, SbtiWellBelow2C];

    public static ContractionRate? ByCode(string code) =>
        Presets.FirstOrDefault(p => string.Equals(p.Code, code, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A milestone of a user-defined pathway: the value (tCO2e, or tCO2e per denominator unit) allowed in a year.</summary>
public sealed record Milestone(int Year, decimal Value);

/// <summary>How a target's pathway is drawn, with the parameters of that method. Flat (one record, a kind) so it stores
/// and travels as plain JSON; <see cref="Describe"/> names the method, its version and its source.</summary>
public sealed record PathwayMethod(PathwayMethodKind Kind, ContractionRate? Rate = null, string? Category = null, IReadOnlyList<Milestone>? Milestones = null)
{
    public static PathwayMethod Linear { get; } = new(PathwayMethodKind.LinearToTarget);

    public static PathwayMethod Contraction(ContractionRate rate) => new(PathwayMethodKind.AbsoluteContraction, Rate: rate);

    public static PathwayMethod Ar6(string category) => new(PathwayMethodKind.Ar6Category, Category: category);

    public static PathwayMethod FromMilestones(IReadOnlyList<Milestone> milestones) => new(PathwayMethodKind.Milestones, Milestones: milestones);

    /// <summary>The thesis category (C1-C5) this method names, or null.</summary>
    public TemperatureCategory? Ar6CategoryRow =>
        Category is null ? null : CategoryMapping.Thesis2025.Categories.FirstOrDefault(c => string.Equals(c.Code, Category, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reduction in points of the base-year value per year the method requires (linear), or null for methods
    /// without a rate. AR6: (1 − share₂₀₃₀) / (2030 − 2019), e.g. C1 = 0.43 / 11.</summary>
    public decimal? AnnualRatePoints => Kind switch
    {
        PathwayMethodKind.AbsoluteContraction => Rate?.AnnualRate,
        PathwayMethodKind.Ar6Category => Ar6CategoryRow is { } c ? (1m - c.Share2030Of2019) / (Ar6ReferenceTargetYear - Ar6ReferenceBaseYear) : null,
        _ => null,
    };

    public const int Ar6ReferenceBaseYear = 2019;
    public const int Ar6ReferenceTargetYear = 2030;

    public string Describe(bool zhTw = false) => Kind switch
    {
        PathwayMethodKind.LinearToTarget => zhTw ? "自訂目標，線性路徑" : "own target, linear pathway",
        PathwayMethodKind.AbsoluteContraction when Rate is { } r => zhTw
            ? Inv($"絕對減量法 {r.AnnualRate * 100m:0.##}%/年（{r.Ambition}；{r.Version}）")
            : Inv($"absolute contraction {r.AnnualRate * 100m:0.##} %/yr ({r.Ambition}; {r.Version})"),
        PathwayMethodKind.Ar6Category when Ar6CategoryRow is { } c => zhTw
            ? Inv($"IPCC AR6 {c.Code}：2030 年為 2019 年之 {c.Share2030Of2019 * 100m:0.##}%（論文表 2）")
            : Inv($"IPCC AR6 {c.Code}: 2030 at {c.Share2030Of2019 * 100m:0.##} % of 2019 (thesis Table 2)"),
        PathwayMethodKind.Milestones => zhTw ? "自訂里程碑" : "user-defined milestones",
        _ => Kind.ToString(),
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What an intensity target divides by, and its base-year amount (e.g. revenue 1,250 "NTD million").</summary>
public sealed record IntensityDenominator(string Name, string Unit, decimal BaseYearAmount);

/// <summary>A GHG reduction target (SPEC §4; seed 003 四(二)2). Values are tCO2e for absolute targets and tCO2e per
/// denominator unit for intensity targets; <see cref="BaseYearEmissions"/> comes from the inventory of the base year
/// (never retyped — the store fills it). Build one with <see cref="Create"/>, which checks every field.</summary>
public sealed record GhgTarget
{
    private GhgTarget(string name, TargetKind kind, IReadOnlyList<Scope> scopes, Scope2Method scope2Basis, int baseYear, decimal baseYearEmissions,
        int targetYear, decimal reduction, PathwayMethod method, IntensityDenominator? denominator, decimal coverage)
    {
        Name = name;
        Kind = kind;
        Scopes = scopes;
        Scope2Basis = scope2Basis;
        BaseYear = baseYear;
        BaseYearEmissions = baseYearEmissions;
        TargetYear = targetYear;
        Reduction = reduction;
        Method = method;
        Denominator = denominator;
        Coverage = coverage;
    }

    public string Name { get; }
    public TargetKind Kind { get; }

    /// <summary>Scopes covered, ascending.</summary>
    public IReadOnlyList<Scope> Scopes { get; }

    /// <summary>Which Scope 2 figure the target counts (market-based is where RECs act).</summary>
    public Scope2Method Scope2Basis { get; }
    public int BaseYear { get; }

    /// <summary>Base-year tCO2e of the covered scopes (decimal: reported tonnes).</summary>
    public decimal BaseYearEmissions { get; }
    public int TargetYear { get; }

    /// <summary>Reduction of the base-year value by the target year, a fraction (0.42 = −42 %).</summary>
    public decimal Reduction { get; }
    public PathwayMethod Method { get; }
    public IntensityDenominator? Denominator { get; }

    /// <summary>Share of the covered scopes' emissions inside the target boundary (SBTi: ≥ 95 % of Scope 1+2).</summary>
    public decimal Coverage { get; }

    /// <summary>The base-year value: tCO2e, or tCO2e per denominator unit.</summary>
    public decimal BaseValue => Kind == TargetKind.Intensity ? BaseYearEmissions / Denominator!.BaseYearAmount : BaseYearEmissions;

    /// <summary>The target-year value = base value × (1 − reduction).</summary>
    public decimal TargetValue => BaseValue * (1m - Reduction);

    public string ValueUnit => Kind == TargetKind.Intensity ? $"tCO2e/{Denominator!.Unit}" : "tCO2e";

    public string ScopesText => string.Join("+", Scopes.Select(s => ((int)s).ToString(CultureInfo.InvariantCulture)));

    /// <summary>The reduction by <paramref name="targetYear"/> the method requires at least (linear rate × years), or
    /// null when the method has no rate. Rounded to 10 decimals: the AR6 rates are divided by 11 years, and without the
    /// rounding C1 over 2019-2030 gives 0.43/11 × 11 = 0.4300000000000000000000000001, which rejected a stated 0.43.</summary>
    public static decimal? MinimumReduction(PathwayMethod method, int baseYear, int targetYear)
    {
        ArgumentNullException.ThrowIfNull(method);
        return method.AnnualRatePoints is { } r ? Math.Min(1m, Math.Round(r * (targetYear - baseYear), 10)) : null;
    }

    /// <summary>Checks and builds a target. <paramref name="reduction"/> may be null for the rate methods (it is then the
    /// method's minimum) and for milestones (the last milestone's value); every problem is named by field.</summary>
    public static Outcome<GhgTarget> Create(string? name, TargetKind kind, IEnumerable<Scope>? scopes, int baseYear, decimal baseYearEmissions,
        int targetYear, decimal? reduction, PathwayMethod? method, IntensityDenominator? denominator = null,
        Scope2Method scope2Basis = Scope2Method.MarketBased, decimal coverage = 1m)
    {
        var problems = new List<Problem>();
        method ??= PathwayMethod.Linear;
        var scopeList = (scopes ?? []).Distinct().Order().ToList();
        if (string.IsNullOrWhiteSpace(name)) { problems.Add(Problem.AtField("name", "is required", "必填")); }
        if (scopeList.Count == 0) { problems.Add(Problem.AtField("scopes", "name at least one scope (1, 2, 3)", "至少指定一個範疇（1、2、3）")); }
        if (baseYear is < 1990 or > 2100) { problems.Add(Problem.AtField("baseYear", Inv($"{baseYear} is not a plausible base year (1990-2100)"), Inv($"{baseYear} 不是合理的基準年（1990-2100）"))); }
        if (targetYear <= baseYear)
        {
            problems.Add(Problem.AtField("targetYear", Inv($"the target year {targetYear} must be after the base year {baseYear}"),
                Inv($"目標年 {targetYear} 必須晚於基準年 {baseYear}")));
        }
        if (baseYearEmissions <= 0m)
        {
            problems.Add(Problem.AtField("baseYearEmissions", "base-year emissions of the covered scopes must be positive (is the base-year inventory calculated?)",
                "涵蓋範疇之基準年排放量必須大於零（基準年盤查是否已計算？）"));
        }
        if (coverage is <= 0m or > 1m) { problems.Add(Problem.AtField("coverage", "is a share in (0, 1] (0.95 = 95 %)", "為 (0, 1] 之比例（0.95 = 95%）")); }
        if (kind == TargetKind.Intensity)
        {
            if (denominator is null)
            {
                problems.Add(Problem.AtField("denominator", "an intensity target needs its denominator (name, unit, base-year amount)",
                    "強度目標需要分母（名稱、單位、基準年數量）"));
            }
            else
            {
                if (string.IsNullOrWhiteSpace(denominator.Name) || string.IsNullOrWhiteSpace(denominator.Unit))
                {
                    problems.Add(Problem.AtField("denominator", "name and unit are required (e.g. revenue, NTD million)", "名稱與單位為必填（例如營收、百萬元）"));
                }
                if (denominator.BaseYearAmount <= 0m)
                {
                    problems.Add(Problem.AtField("denominator.baseYearAmount", "must be positive", "必須大於零"));
                }
            }
        }
        else if (denominator is not null)
        {
            problems.Add(Problem.AtField("denominator", "an absolute target has no denominator", "絕對目標不設分母"));
        }
        if (reduction is { } given && given is <= 0m or > 1m)
        {
            problems.Add(Problem.AtField("reduction", Inv($"is a fraction in (0, 1] of the base-year value (0.42 = −42 %); got {given}"),
                Inv($"為基準年數值之比例，介於 (0, 1]（0.42 = 減少 42%）；收到 {given}")));
        }
        CheckMethod(method, baseYear, targetYear, problems);
        if (problems.Count > 0) { return Outcome<GhgTarget>.Failure(problems); }

        var baseValue = kind == TargetKind.Intensity ? baseYearEmissions / denominator!.BaseYearAmount : baseYearEmissions;
        decimal resolved;
        if (method.Kind == PathwayMethodKind.Milestones)
        {
            var last = method.Milestones![^1];
            var fromMilestones = 1m - last.Value / baseValue;
            if (reduction is { } r && Math.Abs(r - fromMilestones) > 0.0000001m)
            {
                return Outcome<GhgTarget>.Failure(Problem.AtField("reduction",
                    Inv($"{r:0.####} contradicts the last milestone ({last.Year}: {last.Value:0.####}), which is a reduction of {fromMilestones:0.####}"),
                    Inv($"{r:0.####} 與最後一個里程碑（{last.Year}：{last.Value:0.####}）所代表之減量 {fromMilestones:0.####} 不一致")));
            }
            if (fromMilestones <= 0m)
            {
                return Outcome<GhgTarget>.Failure(Problem.AtField("method.milestones",
                    Inv($"the last milestone ({last.Year}: {last.Value:0.####}) is not below the base-year value {baseValue:0.####}: a target must reduce"),
                    Inv($"最後一個里程碑（{last.Year}：{last.Value:0.####}）未低於基準年數值 {baseValue:0.####}：目標必須減量")));
            }
            resolved = fromMilestones;
        }
        else if (MinimumReduction(method, baseYear, targetYear) is { } minimum)
        {
            resolved = reduction ?? minimum;
            if (resolved < minimum)
            {
                return Outcome<GhgTarget>.Failure(Problem.AtField("reduction",
                    Inv($"{resolved * 100m:0.##} % by {targetYear} is less than {method.Describe()} requires: {method.AnnualRatePoints * 100m:0.####} %/yr × {targetYear - baseYear} years = {minimum * 100m:0.##} %; raise the reduction or choose another method"),
                    Inv($"{targetYear} 年減量 {resolved * 100m:0.##}% 低於{method.Describe(zhTw: true)}之要求：每年 {method.AnnualRatePoints * 100m:0.####}% × {targetYear - baseYear} 年 = {minimum * 100m:0.##}%；請提高減量或改用其他方法")));
            }
        }
        else if (reduction is { } r)
        {
            resolved = r;
        }
        else
        {
            return Outcome<GhgTarget>.Failure(Problem.AtField("reduction", "is required for a linear target (0.3 = −30 % by the target year)",
                "線性目標須填減量比例（0.3 = 目標年減少 30%）"));
        }
        return Outcome<GhgTarget>.Success(new GhgTarget(name!.Trim(), kind, scopeList, scope2Basis, baseYear, baseYearEmissions, targetYear, resolved, method, denominator, coverage));
    }

    private static void CheckMethod(PathwayMethod method, int baseYear, int targetYear, List<Problem> problems)
    {
        switch (method.Kind)
        {
            case PathwayMethodKind.AbsoluteContraction:
                if (method.Rate is null)
                {
                    problems.Add(Problem.AtField("method.rate", "absolute contraction needs a rate with its version and source (e.g. sbti-1.5c)",
                        "絕對減量法須指定年減率及其版本與來源（例如 sbti-1.5c）"));
                }
                else if (method.Rate.AnnualRate is <= 0m or >= 1m)
                {
                    problems.Add(Problem.AtField("method.rate", "the annual rate is a fraction in (0, 1) (0.042 = 4.2 %/yr)", "年減率為 (0, 1) 之比例（0.042 = 每年 4.2%）"));
                }
                else if (string.IsNullOrWhiteSpace(method.Rate.Version) || string.IsNullOrWhiteSpace(method.Rate.Source))
                {
                    problems.Add(Problem.AtField("method.rate", "state the rate's method version and source", "請註明年減率之方法版本與來源"));
                }
                break;
            case PathwayMethodKind.Ar6Category:
                if (method.Ar6CategoryRow is null)
                {
                    problems.Add(Problem.AtField("method.category", Inv($"'{method.Category}' is not one of C1-C5 (seed 001 Table 2)"),
                        Inv($"「{method.Category}」不是 C1-C5 之一（論文表 2）")));
                }
                if (baseYear > PathwayMethod.Ar6ReferenceTargetYear)
                {
                    problems.Add(Problem.AtField("baseYear", "the AR6 categories are defined up to 2030; a base year after 2030 cannot use them",
                        "AR6 類別僅定義至 2030 年；基準年晚於 2030 年者不能使用"));
                }
                break;
            case PathwayMethodKind.Milestones:
                var points = method.Milestones ?? [];
                if (points.Count == 0)
                {
                    problems.Add(Problem.AtField("method.milestones", "give at least one milestone (year, value)", "至少提供一個里程碑（年、數值）"));
                    break;
                }
                for (var i = 0; i < points.Count; i++)
                {
                    var m = points[i];
                    var field = Inv($"method.milestones[{i}]");
                    if (m.Year <= baseYear || m.Year > targetYear)
                    {
                        problems.Add(Problem.AtField(field, Inv($"year {m.Year} is outside ({baseYear}, {targetYear}]"), Inv($"年份 {m.Year} 不在 ({baseYear}, {targetYear}] 之間")));
                    }
                    if (i > 0 && m.Year <= points[i - 1].Year)
                    {
                        problems.Add(Problem.AtField(field, "milestones must be in ascending year order without repeats", "里程碑須依年份遞增且不得重複"));
                    }
                    if (m.Value < 0m) { problems.Add(Problem.AtField(field, "a milestone value cannot be negative", "里程碑數值不可為負")); }
                }
                if (points[^1].Year != targetYear)
                {
                    problems.Add(Problem.AtField("method.milestones", Inv($"the last milestone must be the target year {targetYear}"),
                        Inv($"最後一個里程碑須為目標年 {targetYear}")));
                }
                break;
            case PathwayMethodKind.LinearToTarget:
                break;
            default:
                problems.Add(Problem.AtField("method", Inv($"unknown method {method.Kind}"), Inv($"未知的方法 {method.Kind}")));
                break;
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One year of a target pathway: the value allowed (tCO2e or intensity) and its share of the base-year value.</summary>
public readonly record struct TargetPathwayPoint(int Year, decimal Value, decimal ShareOfBase);

/// <summary>Draws a target's pathway year by year from its base year to its target year (decimal throughout).</summary>
public static class TargetPathways
{
    /// <summary>Linear targets and the rate methods: share(y) = 1 − R × (y − BY) / (TY − BY), which for R = rate × (TY −
    /// BY) is exactly the method's line 1 − rate × (y − BY); a rate method's share is also kept at or below its own line
    /// max(0, 1 − rate × (y − BY)). Milestones: linear between (BY, 1) and each milestone.</summary>
    public static IReadOnlyList<TargetPathwayPoint> Build(GhgTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var baseValue = target.BaseValue;
        var points = new List<TargetPathwayPoint>(target.TargetYear - target.BaseYear + 1);
        if (target.Method.Kind == PathwayMethodKind.Milestones)
        {
            var anchors = new List<Milestone> { new(target.BaseYear, baseValue) };
            anchors.AddRange(target.Method.Milestones!);
            for (var y = target.BaseYear; y <= target.TargetYear; y++)
            {
                var hi = anchors.FindIndex(a => a.Year >= y);
                var value = anchors[hi].Year == y ? anchors[hi].Value
                    : anchors[hi - 1].Value + (anchors[hi].Value - anchors[hi - 1].Value) * (y - anchors[hi - 1].Year) / (anchors[hi].Year - anchors[hi - 1].Year);
                points.Add(new TargetPathwayPoint(y, value, value / baseValue));
            }
            return points;
        }
        var span = target.TargetYear - target.BaseYear;
        var rate = target.Method.AnnualRatePoints;
        for (var y = target.BaseYear; y <= target.TargetYear; y++)
        {
            var share = 1m - target.Reduction * (y - target.BaseYear) / span;
            if (rate is { } r)
            {
                // A rate method never allows more than its own line (floored at zero): when rate × years exceeds 100 %
                // the reduction is capped at 100 % and the straight line to zero would be shallower than the method.
                share = Math.Min(share, Math.Max(0m, 1m - r * (y - target.BaseYear)));
            }
            points.Add(new TargetPathwayPoint(y, baseValue * share, share));
        }
        return points;
    }
}
