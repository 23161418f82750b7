using System.Globalization;
using CarbonLedger.Common;

namespace CarbonLedger.Portfolio;

/// <summary>What a company's disclosed reduction target is expressed in (SPEC §7 inputs).</summary>
public enum TargetKind
{
    /// <summary>Absolute Scope 1+2 tonnes: base-year tonnes × (1 − reduction) in the target year.</summary>
    Absolute,

    /// <summary>Tonnes per unit of revenue (the thesis: t CO2e per NTD million of sales, 碳強度); forecast
    /// tonnes are the interpolated intensity × the analysts' revenue forecast.</summary>
    Intensity,
}

/// <summary>A company's own Scope 1+2 reduction target, as disclosed in its sustainability report.</summary>
public sealed record EmissionTarget
{
    /// <param name="kind">Absolute or intensity.</param>
    /// <param name="baseYear">Base year of the target.</param>
    /// <param name="baseValue">Base-year tonnes (absolute) or intensity (t per currency million); may be null when the
    /// company's history supplies it.</param>
    /// <param name="reduction">Reduction as a fraction of the base value (0.40 = −40 %).</param>
    /// <param name="targetYear">Year the target applies to; must be after the base year.</param>
    public EmissionTarget(TargetKind kind, int baseYear, decimal? baseValue, decimal reduction, int targetYear)
    {
        if (targetYear <= baseYear)
        {
            throw new DomainException("targetYear", string.Create(CultureInfo.InvariantCulture, $"target year {targetYear} must be after the base year {baseYear}"),
                string.Create(CultureInfo.InvariantCulture, $"目標年 {targetYear} 須晚於基準年 {baseYear}"));
        }
        if (reduction is < 0m or > 1m)
        {
            throw new DomainException("reduction", string.Create(CultureInfo.InvariantCulture, $"reduction {reduction} must be a fraction between 0 and 1"),
                string.Create(CultureInfo.InvariantCulture, $"減量比例 {reduction} 須為 0 至 1 之間的小數"));
        }
        if (baseValue is < 0m)
        {
            throw new DomainException("baseValue", "base value must not be negative", "基準值不得為負");
        }
        Kind = kind;
        BaseYear = baseYear;
        BaseValue = baseValue;
        Reduction = reduction;
        TargetYear = targetYear;
    }

    public TargetKind Kind { get; }

    public int BaseYear { get; }

    public decimal? BaseValue { get; }

    public decimal Reduction { get; }

    public int TargetYear { get; }

    /// <summary>Value in the target year = base value × (1 − reduction) (SPEC §7 Method 1).</summary>
    public decimal TargetValue(decimal baseValue) => baseValue * (1m - Reduction);
}

/// <summary>One benchmark constituent and its weight (a fraction; 0.4989 = 49.89 %).</summary>
public sealed record BenchmarkConstituent(string Company, decimal Weight, string? Sector = null);

/// <summary>Everything the forecasts need about one company. Emissions are Scope 1+2 tonnes CO2e by year; intensity
/// is tonnes per currency million of revenue; revenue forecasts are currency millions by year.</summary>
public sealed record CompanyClimateProfile(
    string Company,
    string? Sector,
    IReadOnlyDictionary<int, decimal> Scope12Tonnes,
    IReadOnlyDictionary<int, decimal> Intensity,
    IReadOnlyDictionary<int, decimal> RevenueForecast,
    EmissionTarget? Target,
    decimal? TemperatureScoreCelsius)
{
    /// <summary>A profile with only an emission history.</summary>
    public static CompanyClimateProfile WithEmissions(string company, IReadOnlyDictionary<int, decimal> scope12Tonnes) =>
        new(company, null, scope12Tonnes, new Dictionary<int, decimal>(), new Dictionary<int, decimal>(), null, null);

    /// <summary>Latest year with an actual emission value, if any.</summary>
    public int? LatestActualYear => Scope12Tonnes.Count == 0 ? null : Scope12Tonnes.Keys.Max();
}

/// <summary>A benchmark, its companies' climate data and (optionally) a risk model, validated together.</summary>
public sealed record PortfolioDataset(
    IReadOnlyList<BenchmarkConstituent> Constituents,
    IReadOnlyDictionary<string, CompanyClimateProfile> Companies,
    FactorRiskModel? RiskModel)
{
    /// <summary>The latest year with an actual emission value of any constituent (the default back-test year).</summary>
    public int? LatestActualYear => Constituents.Select(c => Companies.TryGetValue(c.Company, out var p) ? p.LatestActualYear : null).Max();

    /// <summary>The optimisation of seed 001 §2.2 on this benchmark: Q_i = each constituent's latest actual emissions,
    /// Q_total = Σ Q_i w_b,i, long-only, an optional per-name cap, under <paramref name="risk"/> (the dataset's own model
    /// or one estimated from returns, in constituent order).</summary>
    public Outcome<TrackingErrorProblem> OptimizationProblem(FactorRiskModel risk, decimal reduction, double? maxWeight = null)
    {
        ArgumentNullException.ThrowIfNull(risk);
        var weights = Constituents.Select(c => (double)c.Weight).ToList();
        var carbon = Constituents.Select(c => Companies.TryGetValue(c.Company, out var p) && p.LatestActualYear is { } y ? p.Scope12Tonnes[y] : 0m).ToList();
        var upper = maxWeight is { } m ? Enumerable.Repeat(m, weights.Count).ToArray() : null;
        return TrackingErrorProblem.Create(risk, weights, carbon, reduction, null, new PortfolioConstraints(true, null, upper), weightTolerance: (double)PortfolioValidation.DefaultWeightTolerance);
    }
}

/// <summary>Validation rules for portfolio inputs (SPEC §7, issue 6 "validation with field-named errors"). Returns every
/// problem found; an empty list means valid.</summary>
public static class PortfolioValidation
{
    /// <summary>Default tolerance on Σ weights = 1 (0.01 %). The thesis prints weights to 0.01 % and they sum to
    /// 100.03 %, so this rejects that file unless it is renormalised or a looser tolerance is passed.</summary>
    public const decimal DefaultWeightTolerance = 0.0001m;

    public static IReadOnlyList<Problem> ValidateConstituents(IReadOnlyList<BenchmarkConstituent> constituents, decimal tolerance = DefaultWeightTolerance)
    {
        ArgumentNullException.ThrowIfNull(constituents);
        var problems = new List<Problem>();
        if (constituents.Count == 0)
        {
            problems.Add(Problem.AtField("constituents", "the benchmark has no constituents", "基準指數沒有任何成分股"));
            return problems;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < constituents.Count; i++)
        {
            var c = constituents[i];
            if (string.IsNullOrWhiteSpace(c.Company))
            {
                problems.Add(Problem.AtField(Inv($"constituents[{i}].company"), "company name is empty", "公司名稱空白"));
            }
            else if (!seen.Add(c.Company))
            {
                problems.Add(Problem.AtField(Inv($"constituents[{i}].company"), $"company '{c.Company}' appears more than once", $"公司「{c.Company}」重複出現"));
            }
            if (c.Weight < 0m)
            {
                problems.Add(Problem.AtField(Inv($"constituents[{i}].weight"), Inv($"weight {c.Weight} is negative"), Inv($"權重 {c.Weight} 為負")));
            }
        }
        var sum = constituents.Sum(c => c.Weight);
        if (Math.Abs(sum - 1m) > tolerance)
        {
            problems.Add(Problem.AtField("constituents.weight", Inv($"weights sum to {sum:0.######}, not 1 (tolerance {tolerance})"), Inv($"權重合計 {sum:0.######}，不等於 1（容許誤差 {tolerance}）")));
        }
        return problems;
    }

    public static IReadOnlyList<Problem> ValidateCompany(CompanyClimateProfile profile, string fieldPrefix = "company")
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<Problem>();
        foreach (var (year, tonnes) in profile.Scope12Tonnes)
        {
            if (tonnes < 0m)
            {
                problems.Add(Problem.AtField(Inv($"{fieldPrefix}.scope12Tonnes[{year}]"), Inv($"emissions {tonnes} t are negative"), Inv($"排放量 {tonnes} 公噸為負")));
            }
        }
        foreach (var (year, value) in profile.Intensity)
        {
            if (value < 0m)
            {
                problems.Add(Problem.AtField(Inv($"{fieldPrefix}.intensity[{year}]"), Inv($"intensity {value} is negative"), Inv($"碳密集度 {value} 為負")));
            }
        }
        foreach (var (year, value) in profile.RevenueForecast)
        {
            if (value <= 0m)
            {
                problems.Add(Problem.AtField(Inv($"{fieldPrefix}.revenueForecast[{year}]"), Inv($"revenue forecast {value} must be positive"), Inv($"營收預測 {value} 須為正數")));
            }
        }
        if (profile.TemperatureScoreCelsius is { } t && (t <= 0m || t > 10m))
        {
            problems.Add(Problem.AtField($"{fieldPrefix}.temperatureScore", Inv($"temperature score {t} °C is outside (0, 10]"), Inv($"溫度分數 {t} °C 超出 (0, 10]")));
        }
        return problems;
    }

    /// <summary>Every constituent must have a profile with at least one emission value.</summary>
    public static IReadOnlyList<Problem> ValidateCoverage(IReadOnlyList<BenchmarkConstituent> constituents, IReadOnlyDictionary<string, CompanyClimateProfile> companies)
    {
        ArgumentNullException.ThrowIfNull(constituents);
        ArgumentNullException.ThrowIfNull(companies);
        var problems = new List<Problem>();
        foreach (var c in constituents)
        {
            if (!companies.TryGetValue(c.Company, out var p) || p.Scope12Tonnes.Count == 0)
            {
                problems.Add(Problem.AtField($"companies['{c.Company}']", "constituent has no emission data", "成分股沒有排放資料"));
            }
        }
        return problems;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
