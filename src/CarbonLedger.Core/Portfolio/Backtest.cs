using System.Globalization;
using CarbonLedger.Common;

namespace CarbonLedger.Portfolio;

/// <summary>Whether a forecast was above (高估) or below (低估) the actual.</summary>
public enum ErrorDirection
{
    Under,
    Over,
    Exact,
}

/// <summary>One company's back-test line (seed 001 Tables 9-10): abs error = |pred − actual|,
/// pct = abs / actual × 100, direction from the sign of pred − actual.</summary>
public sealed record BacktestLine(string Company, decimal PredictedTonnes, decimal ActualTonnes, ForecastSubMethod SubMethod)
{
    public decimal AbsoluteErrorTonnes => Math.Abs(PredictedTonnes - ActualTonnes);

    public decimal PercentError => AbsoluteErrorTonnes / ActualTonnes * 100m;

    public ErrorDirection Direction => PredictedTonnes > ActualTonnes ? ErrorDirection.Over
        : PredictedTonnes < ActualTonnes ? ErrorDirection.Under : ErrorDirection.Exact;
}

/// <summary>A back-test: per-company lines sorted as the thesis sorts them (under first, then over, each by % error
/// descending), and the portfolio-level totals Σ w Q (seed 001 Table 8).</summary>
public sealed record BacktestReport(
    IReadOnlyList<BacktestLine> Lines,
    decimal? PortfolioPredictedTonnes,
    decimal? PortfolioActualTonnes,
    int WeightedNames,
    string WeightsNote,
    string WeightsNoteZhTw = "")
{
    /// <summary><see cref="WeightsNote"/> in the requested language.</summary>
    public string WeightsNoteIn(bool zhTw) => zhTw && WeightsNoteZhTw.Length > 0 ? WeightsNoteZhTw : WeightsNote;

    public IReadOnlyList<BacktestLine> Under => [.. Lines.Where(l => l.Direction == ErrorDirection.Under)];

    public IReadOnlyList<BacktestLine> Over => [.. Lines.Where(l => l.Direction == ErrorDirection.Over)];

    /// <summary>Portfolio predicted − actual (positive = over-estimate).</summary>
    public decimal? PortfolioErrorTonnes => PortfolioPredictedTonnes - PortfolioActualTonnes;

    public decimal MeanAbsolutePercentError => Lines.Count == 0 ? 0m : Lines.Average(l => l.PercentError);
}

/// <summary>Back-test of a forecast method: forecast t+1 for the year-t constituents and compare to the actuals.</summary>
public static class Backtester
{
    /// <summary>Compares given predictions with actuals. Rows with a non-positive actual cannot carry a % error and are
    /// reported as problems. Weights (fractions) give the portfolio totals over the names that have them.</summary>
    public static Outcome<BacktestReport> Compare(IReadOnlyList<BacktestLine> lines, IReadOnlyDictionary<string, decimal>? weights = null, string weightsNote = "",
        string weightsNoteZhTw = "")
    {
        ArgumentNullException.ThrowIfNull(lines);
        var problems = new List<Problem>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].ActualTonnes <= 0m)
            {
                problems.Add(Problem.AtField(Inv($"lines[{i}].actual"), $"actual emissions of '{lines[i].Company}' must be positive for a percentage error",
                    $"「{lines[i].Company}」的實際排放量須為正數才能計算誤差百分比"));
            }
            if (lines[i].PredictedTonnes < 0m)
            {
                problems.Add(Problem.AtField(Inv($"lines[{i}].predicted"), $"predicted emissions of '{lines[i].Company}' are negative", $"「{lines[i].Company}」的預測排放量為負"));
            }
        }
        if (problems.Count > 0)
        {
            return Outcome<BacktestReport>.Failure(problems);
        }
        var sorted = lines.OrderBy(l => l.Direction == ErrorDirection.Under ? 0 : 1).ThenByDescending(l => l.PercentError).ToList();
        decimal? predicted = null, actual = null;
        var weighted = 0;
        if (weights is not null)
        {
            predicted = 0m;
            actual = 0m;
            foreach (var l in lines)
            {
                if (weights.TryGetValue(l.Company, out var w))
                {
                    predicted += w * l.PredictedTonnes;
                    actual += w * l.ActualTonnes;
                    weighted++;
                }
            }
        }
        return Outcome<BacktestReport>.Success(new BacktestReport(sorted, predicted, actual, weighted, weightsNote, weightsNoteZhTw));
    }

    /// <summary>Runs the forecast for the options' forecast year from the profiles (history up to the year before) and
    /// compares <paramref name="method"/>'s values to <paramref name="actuals"/>.</summary>
    public static Outcome<BacktestReport> Run(IReadOnlyList<BenchmarkConstituent> constituents, IReadOnlyDictionary<string, CompanyClimateProfile> companies,
        IReadOnlyDictionary<string, decimal> actuals, ForecastOptions options, ForecastMethod method = ForecastMethod.Method1)
    {
        ArgumentNullException.ThrowIfNull(constituents);
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(actuals);
        var problems = new List<Problem>();
        var lines = new List<BacktestLine>();
        foreach (var c in constituents)
        {
            if (!companies.TryGetValue(c.Company, out var profile))
            {
                problems.Add(Problem.AtField($"companies['{c.Company}']", "constituent has no climate profile", "成分股沒有氣候資料"));
                continue;
            }
            if (!actuals.TryGetValue(c.Company, out var actual))
            {
                problems.Add(Problem.AtField($"actuals['{c.Company}']", Inv($"no actual {options.ForecastYear} emissions"), Inv($"沒有 {options.ForecastYear} 年實際排放量")));
                continue;
            }
            var f = EmissionForecaster.Forecast(profile, options);
            if (f.Tonnes(method) is not { } predicted)
            {
                problems.Add(Problem.AtField($"companies['{c.Company}']", "no forecast: " + f.Method1.Note, "無法預測：" + f.Method1.Note));
                continue;
            }
            var sub = method == ForecastMethod.Method2 ? ForecastSubMethod.IpccPathway : f.Method1.SubMethod;
            lines.Add(new BacktestLine(c.Company, predicted, actual, sub));
        }
        if (problems.Count > 0)
        {
            return Outcome<BacktestReport>.Failure(problems);
        }
        return Compare(lines, constituents.ToDictionary(c => c.Company, c => c.Weight, StringComparer.Ordinal), "benchmark weights of year t", "第 t 年之基準指數權重");
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Investor metrics beyond the thesis (SPEC §7).</summary>
public static class ClimateMetrics
{
    /// <summary>TCFD weighted average carbon intensity: Σ w_i × Scope 1+2_i / revenue_i (t per currency million when
    /// revenue is in millions).</summary>
    public static decimal WeightedAverageCarbonIntensity(IEnumerable<(decimal Weight, decimal Scope12Tonnes, decimal RevenueMillions)> holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        var total = 0m;
        foreach (var (w, e, r) in holdings)
        {
            if (r <= 0m)
            {
                throw new ArgumentException("revenue must be positive", nameof(holdings));
            }
            total += w * e / r;
        }
        return total;
    }

    /// <summary>PCAF listed equity financed emissions: Σ (holding_i / EVIC_i) × emissions_i, and the holding-weighted
    /// data-quality score (PCAF scores 1 best … 5 worst).</summary>
    public static (decimal FinancedTonnes, decimal WeightedDataQuality) PcafFinancedEmissions(IEnumerable<(decimal HoldingValue, decimal Evic, decimal EmissionsTonnes, int DataQualityScore)> holdings)
    {
        ArgumentNullException.ThrowIfNull(holdings);
        decimal financed = 0m, holdingTotal = 0m, qualityWeighted = 0m;
        foreach (var (h, evic, e, dq) in holdings)
        {
            if (evic <= 0m)
            {
                throw new ArgumentException("EVIC must be positive", nameof(holdings));
            }
            if (dq is < 1 or > 5)
            {
                throw new ArgumentException("PCAF data-quality score must be 1-5", nameof(holdings));
            }
            financed += h / evic * e;
            holdingTotal += h;
            qualityWeighted += h * dq;
        }
        return (financed, holdingTotal == 0m ? 0m : qualityWeighted / holdingTotal);
    }
}
