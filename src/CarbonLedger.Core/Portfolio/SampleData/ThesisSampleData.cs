using System.Globalization;
using CarbonLedger.Common;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonLedger.Portfolio.SampleData;

/// <summary>A row of thesis_t50_weights.csv (seed 001 Tables 6-7); weights as fractions.</summary>
public sealed record ThesisWeightRow(string Company, decimal WeightBefore, decimal WeightAfterTable6, decimal WeightAfterTable7);

/// <summary>A row of thesis_backtest_2023.csv (seed 001 Tables 9-10) with the thesis's printed error columns.</summary>
public sealed record ThesisBacktestRow(string Company, decimal PredictedTonnes, decimal ActualTonnes, decimal PrintedAbsErrorTonnes, decimal PrintedPercentError, ErrorDirection PrintedDirection, string StatedReason, ForecastSubMethod SubMethod);

/// <summary>The thesis sample dataset shipped as embedded resources (see Portfolio/SampleData/PROVENANCE.md). Parsing an
/// embedded resource is the only reading done here; the files are fixed and trusted, so a malformed row throws.</summary>
public static class ThesisSampleData
{
    public const string ResourcePrefix = "CarbonLedger.Portfolio.SampleData.";

    /// <summary>Seed 001 benchmark weights at the 2023-09 first-Friday close and Tables 6-7 optimised weights.</summary>
    public static IReadOnlyList<ThesisWeightRow> Weights() =>
        [.. ReadRows("thesis_t50_weights.csv").Select(r => new ThesisWeightRow(r[0], Pct(r[1]), Pct(r[2]), Pct(r[3])))];

    /// <summary>Seed 001 Tables 9-10: Method 1 back-test of 2023.</summary>
    public static IReadOnlyList<ThesisBacktestRow> Backtest2023() =>
        [.. ReadRows("thesis_backtest_2023.csv").Select(r => new ThesisBacktestRow(r[0], Dec(r[1]), Dec(r[2]), Dec(r[3]), Dec(r[4]),
            r[5] == "over" ? ErrorDirection.Over : ErrorDirection.Under, r[6], SubMethod(r[7])))];

    /// <summary>Benchmark constituents as printed (Σ = 100.03 %), or renormalised to sum to exactly 1.</summary>
    public static IReadOnlyList<BenchmarkConstituent> Constituents2023(bool renormalise)
    {
        var rows = Weights();
        var sum = rows.Sum(r => r.WeightBefore);
        return [.. rows.Select(r => new BenchmarkConstituent(r.Company, renormalise ? r.WeightBefore / sum : r.WeightBefore))];
    }

    /// <summary>Actual 2023 Scope 1+2 tonnes of the back-test names (Tables 9-10 "實際值").</summary>
    public static IReadOnlyDictionary<string, decimal> Actuals2023() =>
        Backtest2023().ToDictionary(r => r.Company, r => r.ActualTonnes, StringComparer.Ordinal);

    /// <summary>The per-company inputs printed in seed 001 (MediaTek and Airtac), as profiles.</summary>
    public static IReadOnlyDictionary<string, CompanyClimateProfile> CompanyExamples()
    {
        var result = new Dictionary<string, CompanyClimateProfile>(StringComparer.Ordinal);
        foreach (var group in ReadRows("thesis_company_examples.csv").GroupBy(r => r[0], StringComparer.Ordinal))
        {
            var emissions = new Dictionary<int, decimal>();
            var intensity = new Dictionary<int, decimal>();
            var revenue = new Dictionary<int, decimal>();
            string? kind = null;
            int? baseYear = null, targetYear = null;
            decimal? reduction = null, temperature = null;
            foreach (var r in group)
            {
                switch (r[2])
                {
                    case "scope12_t": emissions[Int(r[3])] = Dec(r[4]); break;
                    case "intensity_t_per_ntd_m": intensity[Int(r[3])] = Dec(r[4]); break;
                    case "revenue_forecast_ntd_m": revenue[Int(r[3])] = Dec(r[4]); break;
                    case "target_kind": kind = r[4]; break;
                    case "target_base_year": baseYear = Int(r[4]); break;
                    case "target_reduction_pct": reduction = Dec(r[4]) / 100m; break;
                    case "target_year": targetYear = Int(r[4]); break;
                    case "temperature_c": temperature = Dec(r[4]); break;
                    default: throw new InvalidDataException("unknown field " + r[2]);
                }
            }
            EmissionTarget? target = kind is null ? null
                : new EmissionTarget(kind == "intensity" ? TargetKind.Intensity : TargetKind.Absolute, baseYear!.Value, null, reduction!.Value, targetYear!.Value);
            result[group.Key] = new CompanyClimateProfile(group.Key, null, emissions, intensity, revenue, target, temperature);
        }
        return result;
    }

    /// <summary>English names of the two example companies.</summary>
    public static IReadOnlyDictionary<string, string> EnglishNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["聯發科"] = "MediaTek",
        ["亞德客-KY"] = "Airtac",
    };

    /// <summary>ILLUSTRATIVE risk model for the sample (the thesis's is unpublished): one market factor with β = 1 and
    /// annual factor volatility 20 %, plus a second "carbon-intensity" style factor with exposure log10(1 + Q_i/10⁵)
    /// demeaned and volatility 5 %, and specific volatility 25 % for every name. Its TE values are NOT the thesis's.</summary>
    public static FactorRiskModel IllustrativeRiskModel(IReadOnlyList<string> names, IReadOnlyList<double> carbonTonnes)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(carbonTonnes);
        var n = names.Count;
        var style = carbonTonnes.Select(q => Math.Log10(1 + (q / 1e5))).ToArray();
        var mean = style.Average();
        var b = Matrix<double>.Build.Dense(n, 2, (i, j) => j == 0 ? 1.0 : style[i] - mean);
        var omega = Matrix<double>.Build.DenseOfArray(new[,] { { 0.04, 0.0 }, { 0.0, 0.0025 } });
        var delta = Vector<double>.Build.Dense(n, 0.0625);
        return FactorRiskModel.Create(names, b, omega, delta, "illustrative 2-factor model (not the thesis's)").Value;
    }

    /// <summary>The sample optimisation: 2023-09 benchmark weights renormalised to Σ = 1, Q_i = actual 2023 emissions of
    /// the 43 names that the back-test file covers; the 7 names without emissions (緯穎, 智邦, 緯創, 光寶科, 藥華藥, 奇鎔,
    /// 世芯-KY) are held at their benchmark weight so the carbon constraint covers exactly the names with data.
    /// Q_total = Σ Q_i w_b,i over the covered names; long-only; illustrative risk model.</summary>
    public static TrackingErrorProblem OptimizationProblem(decimal reduction) => OptimizationProblem(reduction, null).Value;

    /// <summary>The sample optimisation with an optional per-name cap <paramref name="maxWeight"/> on the covered names
    /// (the held names stay at their benchmark weight); a bad reduction or cap is a problem, not an exception.</summary>
    public static Outcome<TrackingErrorProblem> OptimizationProblem(decimal reduction, double? maxWeight)
    {
        var constituents = Constituents2023(renormalise: true);
        var actuals = Actuals2023();
        var names = constituents.Select(c => c.Company).ToList();
        var q = constituents.Select(c => actuals.TryGetValue(c.Company, out var a) ? a : 0m).ToList();
        var wb = constituents.Select(c => (double)c.Weight).ToList();
        var lower = new double[names.Count];
        var upper = new double[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            var covered = actuals.ContainsKey(names[i]);
            lower[i] = covered ? 0 : wb[i];
            upper[i] = covered ? maxWeight ?? 1 : wb[i];
        }
        var risk = IllustrativeRiskModel(names, [.. q.Select(x => (double)x)]);
        return TrackingErrorProblem.Create(risk, wb, q, reduction, null, new PortfolioConstraints(true, lower, upper));
    }

    /// <summary>Names of the sample benchmark with no emissions in the sample (held at benchmark weight).</summary>
    public static IReadOnlyList<string> NamesWithoutEmissions()
    {
        var actuals = Actuals2023();
        return [.. Weights().Select(w => w.Company).Where(c => !actuals.ContainsKey(c))];
    }

    /// <summary>The shipped back-test recomputed from predicted and actual. Portfolio totals use the 2023-09 weights of the
    /// names present in both files as a PROXY: the thesis's 2022-09 weights are not published.</summary>
    public static BacktestReport BacktestReport()
    {
        var lines = Backtest2023().Select(r => new BacktestLine(r.Company, r.PredictedTonnes, r.ActualTonnes, r.SubMethod)).ToList();
        var weights = Weights().ToDictionary(w => w.Company, w => w.WeightBefore, StringComparer.Ordinal);
        return Backtester.Compare(lines, weights, "proxy: 2023-09 weights of the names in both files (2022-09 weights unpublished)",
            "代理值：兩檔皆有之成分股採 2023-09 權重（2022-09 權重未公布）").Value;
    }

    /// <summary>Reads an embedded resource's text.</summary>
    public static string ReadResourceText(string fileName)
    {
        using var stream = typeof(ThesisSampleData).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException("missing embedded resource " + ResourcePrefix + fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IEnumerable<string[]> ReadRows(string fileName)
    {
        var lines = ReadResourceText(fileName).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Skip(1).Select(l => l.TrimEnd('\r').Split(','));
    }

    private static ForecastSubMethod SubMethod(string s) => s switch
    {
        "company_target" => ForecastSubMethod.CompanyTarget,
        "intensity_target_x_revenue_forecast" => ForecastSubMethod.IntensityTargetTimesRevenueForecast,
        "ipcc_pathway" => ForecastSubMethod.IpccPathway,
        _ => throw new InvalidDataException("unknown method " + s),
    };

    private static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static decimal Pct(string s) => Dec(s) / 100m;

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
