using System.Globalization;
using CarbonLedger.Common;
using CarbonLedger.Portfolio;
using CarbonLedger.Portfolio.SampleData;
using CarbonLedger.Web.Infrastructure;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CarbonLedger.Web.Features.Portfolio;

/// <summary>Posted optimisation input. With <see cref="Sample"/> = true the thesis sample is used and only
/// <see cref="Reduction"/> (and <see cref="MaxWeight"/>, <see cref="Returns"/>) are read. Carbon in tonnes (decimal); risk
/// model in annual variance units; weights as fractions. The risk model is either supplied (<see cref="Exposures"/> B,
/// <see cref="FactorCovariance"/> Ω, <see cref="SpecificVariance"/> Δ) or estimated from <see cref="Returns"/> (one row
/// per period, one column per name in <see cref="Names"/> order, simple returns as fractions) as a
/// <see cref="Factors"/>-factor PCA of the Ledoit-Wolf shrunk covariance, annualised by <see cref="PeriodsPerYear"/>.</summary>
public sealed record OptimizeRequest(
    bool Sample,
    decimal Reduction,
    IReadOnlyList<string>? Names,
    IReadOnlyList<double>? BenchmarkWeights,
    IReadOnlyList<decimal>? CarbonTonnes,
    IReadOnlyList<IReadOnlyList<double>>? Exposures,
    IReadOnlyList<IReadOnlyList<double>>? FactorCovariance,
    IReadOnlyList<double>? SpecificVariance,
    bool LongOnly = true,
    double? MaxWeight = null,
    double MaxReduction = 0.3,
    int Steps = 6,
    IReadOnlyList<IReadOnlyList<double>>? Returns = null,
    int Factors = 3,
    double PeriodsPerYear = 12);

/// <summary>Posted forecast input: one company's data (seed 001 Methods 1-3).</summary>
public sealed record ForecastRequest(int ForecastYear, string Company, Dictionary<int, decimal> Scope12Tonnes, Dictionary<int, decimal>? Intensity,
    Dictionary<int, decimal>? RevenueForecast, string? TargetKind, int? TargetBaseYear, decimal? TargetBaseValue, decimal? TargetReductionPct, int? TargetYear,
    decimal? TemperatureScoreCelsius, bool Cagr = false);

/// <summary>Posted back-test lines.</summary>
public sealed record BacktestRequest(IReadOnlyList<BacktestLineDto> Lines, Dictionary<string, decimal>? Weights);

public sealed record BacktestLineDto(string Company, decimal PredictedTonnes, decimal ActualTonnes);

/// <summary><c>/api/v1/portfolio</c>: forecast, optimize, frontier, backtest (SPEC §7) on posted JSON or on the thesis
/// sample; invalid input → RFC 9457 validation problem listing every field.</summary>
public sealed class PortfolioApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/portfolio").WithTags("Portfolio");
        group.MapGet("/sample/forecast", SampleForecast);
        group.MapPost("/forecast", Forecast);
        group.MapPost("/optimize", Optimize);
        group.MapPost("/frontier", Frontier);
        group.MapGet("/sample/backtest", SampleBacktest);
        group.MapPost("/backtest", Backtest);
    }

    public static Ok<PortfolioForecast> SampleForecast(int? year)
    {
        var companies = ThesisSampleData.CompanyExamples();
        var constituents = companies.Keys.Select(c => new BenchmarkConstituent(c, 1m / companies.Count)).ToList();
        return TypedResults.Ok(PortfolioCarbonCalculator.Forecast(constituents, companies, ForecastOptions.Thesis(year ?? 2024)));
    }

    public static Results<Ok<CompanyForecast>, ValidationProblem> Forecast(ForecastRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        EmissionTarget? target = null;
        if (request.TargetKind is not null)
        {
            try
            {
                var kind = string.Equals(request.TargetKind, "intensity", StringComparison.OrdinalIgnoreCase) ? TargetKind.Intensity
                    : string.Equals(request.TargetKind, "absolute", StringComparison.OrdinalIgnoreCase) ? TargetKind.Absolute
                    : throw new DomainException("targetKind", "must be 'absolute' or 'intensity'", "須為「absolute」（絕對量）或「intensity」（密集度）");
                target = new EmissionTarget(kind, request.TargetBaseYear ?? throw new DomainException("targetBaseYear", "is required with a target", "設定目標時為必填"),
                    request.TargetBaseValue, (request.TargetReductionPct ?? throw new DomainException("targetReductionPct", "is required with a target", "設定目標時為必填")) / 100m,
                    request.TargetYear ?? throw new DomainException("targetYear", "is required with a target", "設定目標時為必填"));
            }
            catch (DomainException ex)
            {
                problems.Add(ex.ToProblem());
            }
        }
        var profile = new CompanyClimateProfile(request.Company, null, request.Scope12Tonnes ?? [], request.Intensity ?? [], request.RevenueForecast ?? [], target, request.TemperatureScoreCelsius);
        problems.AddRange(PortfolioValidation.ValidateCompany(profile, "company"));
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        var options = ForecastOptions.Thesis(request.ForecastYear) with { Interpolation = request.Cagr ? InterpolationMethod.Cagr : InterpolationMethod.Linear };
        return TypedResults.Ok(EmissionForecaster.Forecast(profile, options));
    }

    public static Results<Ok<OptimizeResponse>, ValidationProblem> Optimize(OptimizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var built = Build(request, request.Reduction);
        if (!built.Succeeded)
        {
            return Invalid(built.Problems);
        }
        var s = TrackingErrorOptimizer.Solve(built.Value);
        return TypedResults.Ok(new OptimizeResponse(s.Status.ToString(), s.Message, s.Solver, built.Value.Risk.Method, s.TrackingError, s.CarbonTonnes, s.CarbonTargetTonnes,
            s.SumResidual, s.CarbonResidualTonnes, s.BoundViolation, s.StationarityResidual, s.DualityGap, s.Iterations, s.Elapsed.TotalMilliseconds, built.Value.Risk.Names, s.Weights));
    }

    public static Results<Ok<IReadOnlyList<FrontierPoint>>, ValidationProblem> Frontier(OptimizeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        if (request.MaxReduction is < 0 or >= 1)
        {
            problems.Add(Problem.AtField("maxReduction", "must be in [0, 1)", "須介於 [0, 1)"));
        }
        if (request.Steps is < 1 or > 200)
        {
            problems.Add(Problem.AtField("steps", "must be in [1, 200]", "須介於 [1, 200]"));
        }
        var built = Build(request, 0m);
        if (!built.Succeeded)
        {
            problems.AddRange(built.Problems);
        }
        if (problems.Count > 0)
        {
            return Invalid(problems);
        }
        return TypedResults.Ok(TrackingErrorOptimizer.Frontier(built.Value, TrackingErrorOptimizer.Grid(request.MaxReduction, request.Steps)));
    }

    public static Ok<BacktestReport> SampleBacktest() => TypedResults.Ok(ThesisSampleData.BacktestReport());

    public static Results<Ok<BacktestReport>, ValidationProblem> Backtest(BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lines = (request.Lines ?? []).Select(l => new BacktestLine(l.Company, l.PredictedTonnes, l.ActualTonnes, ForecastSubMethod.None)).ToList();
        var outcome = Backtester.Compare(lines, request.Weights, request.Weights is null ? "" : "posted weights", request.Weights is null ? "" : "請求所附權重");
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value) : Invalid(outcome.Problems);
    }

    private static Outcome<TrackingErrorProblem> Build(OptimizeRequest r, decimal reduction)
    {
        var badCap = r.MaxWeight is { } cap && cap is not (> 0 and <= 1) ? Problem.AtField("maxWeight", "must be in (0, 1]", "須介於 (0, 1]") : null;
        if (r.Sample)
        {
            if (badCap is not null)
            {
                return Outcome<TrackingErrorProblem>.Failure(badCap);
            }
            var sample = ThesisSampleData.OptimizationProblem(reduction, r.MaxWeight);
            if (!sample.Succeeded || r.Returns is null)
            {
                return sample;
            }
            var sampleRisk = Estimate(r, sample.Value.Risk.Names);
            return sampleRisk.Succeeded ? Outcome<TrackingErrorProblem>.Success(sample.Value.WithRisk(sampleRisk.Value)) : Outcome<TrackingErrorProblem>.Failure(sampleRisk.Problems);
        }
        var problems = new List<Problem>();
        if (badCap is not null)
        {
            problems.Add(badCap);
        }
        if (r.Names is null || r.Names.Count == 0)
        {
            problems.Add(Problem.AtField("names", "is required (or set sample = true)", "為必填（或設定 sample = true）"));
        }
        if (r.BenchmarkWeights is null)
        {
            problems.Add(Problem.AtField("benchmarkWeights", "is required", "為必填"));
        }
        if (r.CarbonTonnes is null)
        {
            problems.Add(Problem.AtField("carbonTonnes", "is required", "為必填"));
        }
        var supplied = r.Exposures is not null || r.FactorCovariance is not null || r.SpecificVariance is not null;
        if (r.Returns is not null && supplied)
        {
            problems.Add(Problem.AtField("returns", "give either returns or exposures, factorCovariance and specificVariance, not both",
                "請擇一提供：報酬序列，或 exposures、factorCovariance 與 specificVariance"));
        }
        if (r.Returns is not null && r.Names is { Count: > 0 } names)
        {
            problems.AddRange(ReturnsShape(r, names));
        }
        if (r.Returns is null && (r.Exposures is null || r.Exposures.Count == 0))
        {
            problems.Add(Problem.AtField("exposures", "is required", "為必填"));
        }
        if (r.Returns is null && r.FactorCovariance is null)
        {
            problems.Add(Problem.AtField("factorCovariance", "is required", "為必填"));
        }
        if (r.Returns is null && r.SpecificVariance is null)
        {
            problems.Add(Problem.AtField("specificVariance", "is required", "為必填"));
        }
        if (r.Exposures is { Count: > 0 } ex && ex.Any(row => row.Count != ex[0].Count))
        {
            problems.Add(Problem.AtField("exposures", "rows must have the same number of factors", "每列的因子數須相同"));
        }
        if (r.FactorCovariance is { } fc && fc.Any(row => row.Count != fc.Count))
        {
            problems.Add(Problem.AtField("factorCovariance", "must be square", "須為方陣"));
        }
        if (problems.Count > 0)
        {
            return Outcome<TrackingErrorProblem>.Failure(problems);
        }
        Outcome<FactorRiskModel> risk;
        if (r.Returns is not null)
        {
            risk = Estimate(r, r.Names!);
        }
        else
        {
            var b = Matrix<double>.Build.Dense(r.Exposures!.Count, r.Exposures[0].Count, (i, j) => r.Exposures[i][j]);
            var omega = Matrix<double>.Build.Dense(r.FactorCovariance!.Count, r.FactorCovariance.Count, (i, j) => r.FactorCovariance[i][j]);
            risk = FactorRiskModel.Create(r.Names!, b, omega, Vector<double>.Build.DenseOfEnumerable(r.SpecificVariance!));
        }
        if (!risk.Succeeded)
        {
            return Outcome<TrackingErrorProblem>.Failure(risk.Problems);
        }
        var upper = r.MaxWeight is { } m ? Enumerable.Repeat(m, r.Names!.Count).ToArray() : null;
        return TrackingErrorProblem.Create(risk.Value, r.BenchmarkWeights!, r.CarbonTonnes!, reduction, null, new PortfolioConstraints(r.LongOnly, null, upper));
    }

    /// <summary>The factor model estimated from the posted returns (<see cref="RiskModelEstimator"/>), columns in
    /// <paramref name="names"/> order.</summary>
    private static Outcome<FactorRiskModel> Estimate(OptimizeRequest r, IReadOnlyList<string> names)
    {
        var problems = ReturnsShape(r, names);
        if (problems.Count > 0)
        {
            return Outcome<FactorRiskModel>.Failure(problems);
        }
        var rows = r.Returns!;
        var matrix = Matrix<double>.Build.Dense(rows.Count, names.Count, (t, j) => rows[t][j]);
        return RiskModelEstimator.FromReturns(names, matrix, r.Factors, r.PeriodsPerYear);
    }

    /// <summary>Every row of the posted returns has one value per name, there are at least two rows, and the annualisation
    /// factor is sane.</summary>
    private static List<Problem> ReturnsShape(OptimizeRequest r, IReadOnlyList<string> names)
    {
        var rows = r.Returns!;
        var problems = new List<Problem>();
        for (var t = 0; t < rows.Count; t++)
        {
            if (rows[t] is null || rows[t].Count != names.Count)
            {
                problems.Add(Problem.AtField(string.Create(CultureInfo.InvariantCulture, $"returns[{t}]"),
                    string.Create(CultureInfo.InvariantCulture, $"{rows[t]?.Count ?? 0} values for {names.Count} names"),
                    string.Create(CultureInfo.InvariantCulture, $"{rows[t]?.Count ?? 0} 個值，但有 {names.Count} 個名稱")));
            }
        }
        if (rows.Count < 2)
        {
            problems.Add(Problem.AtField("returns", "need at least two periods", "至少需要兩期報酬"));
        }
        if (r.PeriodsPerYear is not (> 0 and <= 366))
        {
            problems.Add(Problem.AtField("periodsPerYear", "must be in (0, 366]", "須介於 (0, 366]"));
        }
        return problems;
    }

    private static ValidationProblem Invalid(IReadOnlyList<Problem> problems) => Validation.Invalid(problems, "Invalid portfolio input");
}

/// <summary>Optimiser response (double inside the optimiser; carbon in tonnes).</summary>
public sealed record OptimizeResponse(string Status, string Message, string Solver, string RiskModel, double TrackingError, double CarbonTonnes, double CarbonTargetTonnes,
    double SumResidual, double CarbonResidualTonnes, double BoundViolation, double StationarityResidual, double DualityGap, int Iterations, double ElapsedMs,
    IReadOnlyList<string> Names, IReadOnlyList<double> Weights);
