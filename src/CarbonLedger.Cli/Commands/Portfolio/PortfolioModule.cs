using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CarbonLedger.Import.Portfolio;
using CarbonLedger.Portfolio;
using CarbonLedger.Portfolio.SampleData;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Portfolio;

/// <summary><c>carbonledger portfolio forecast|optimize|frontier|backtest</c> (SPEC §7, issue 6). Without
/// <c>--data</c> every verb runs on the shipped thesis sample (seed 001); <c>--sample</c> says so explicitly.</summary>
public sealed class PortfolioModule : ICliModule
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var portfolio = new Command("portfolio", "Net-zero aligned portfolio: forecasts, tracking-error optimisation, frontier, back-test (seed 001).\nExample: carbonledger portfolio backtest --sample");
        portfolio.Subcommands.Add(Forecast(context));
        portfolio.Subcommands.Add(Optimize(context));
        portfolio.Subcommands.Add(Frontier(context));
        portfolio.Subcommands.Add(Backtest(context));
        return portfolio;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Write machine-readable JSON to stdout" };

    private static Option<bool> SampleOption() => new("--sample") { Description = "Use the shipped thesis sample (the default when --data is absent)" };

    private static Option<string?> DataOption() => new("--data") { Description = "Folder of CSV tables or an .xlsx workbook (constituents, emissions, targets, companies, risk model)" };

    private static Option<string?> ReturnsOption() => new("--returns")
    {
        Description = "CSV of periodic returns (date + one column per constituent): the risk model is estimated from it (PCA of the Ledoit-Wolf shrunk covariance) instead of the supplied exposures/factor_covariance/specific_variance",
    };

    private static Option<int?> FactorsOption() => new("--factors") { Description = "Factors of the model estimated from --returns (default 3)" };

    private static Option<double?> PeriodsOption() => new("--periods-per-year") { Description = "Return periods per year of --returns, to annualise (default 12)" };

    /// <summary>The --returns/--factors/--periods-per-year triple, or a usage error.</summary>
    private static (ReturnsSource? Source, string? UsageError) Returns(ParseResult parse, Option<string?> returns, Option<int?> factors, Option<double?> periods)
    {
        var path = parse.GetValue(returns);
        var k = parse.GetValue(factors);
        var p = parse.GetValue(periods);
        if (path is null)
        {
            return k is null && p is null ? (null, null) : (null, "error: --factors and --periods-per-year need --returns");
        }
        if (k is < 1 || p is <= 0 or > 366)
        {
            return (null, "error: --factors must be at least 1 and --periods-per-year in (0, 366]");
        }
        return (new ReturnsSource(path, k ?? 3, p ?? 12), null);
    }

    private sealed record ReturnsSource(string Path, int Factors, double PeriodsPerYear);

    private static Command Forecast(CliContext context)
    {
        var cmd = new Command("forecast", "Forecast year t+1 emissions by Methods 1-3 per company and for the portfolio.\nExample: carbonledger portfolio forecast --sample --year 2024");
        var json = JsonOption();
        var sample = SampleOption();
        var data = DataOption();
        var year = new Option<int>("--year") { Description = "Forecast year (default 2024)", DefaultValueFactory = _ => 2024 };
        var cagr = new Option<bool>("--cagr") { Description = "Interpolate targets by CAGR instead of linearly" };
        foreach (var o in new Option[] { json, sample, data, year, cagr })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction(parse =>
        {
            var options = ForecastOptions.Thesis(parse.GetValue(year)) with { Interpolation = parse.GetValue(cagr) ? InterpolationMethod.Cagr : InterpolationMethod.Linear };
            IReadOnlyList<BenchmarkConstituent> constituents;
            IReadOnlyDictionary<string, CompanyClimateProfile> companies;
            var path = parse.GetValue(data);
            if (path is null)
            {
                companies = ThesisSampleData.CompanyExamples();
                constituents = [.. companies.Keys.Select(c => new BenchmarkConstituent(c, 1m / companies.Count))];
            }
            else
            {
                var loaded = Load(path);
                if (!loaded.Succeeded)
                {
                    return Fail(context, loaded.Problems);
                }
                constituents = loaded.Value.Constituents;
                companies = loaded.Value.Companies;
            }
            var forecast = PortfolioCarbonCalculator.Forecast(constituents, companies, options);
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(new
                {
                    forecast.ForecastYear,
                    source = path ?? "thesis sample (seed 001 §2.1 examples: MediaTek, Airtac; equal weights)",
                    companies = forecast.Companies.Select(f => new
                    {
                        f.Company,
                        f.LatestActualYear,
                        f.LatestActualTonnes,
                        method1 = f.Method1.Tonnes,
                        method1SubMethod = f.Method1.SubMethod.ToString(),
                        method1Note = f.Method1.Note,
                        method2 = f.Method2.Tonnes,
                        method2Note = f.Method2.Note,
                        method3 = f.Method3Tonnes,
                        f.Category,
                    }),
                    portfolio = new { latest = forecast.LatestActual.Tonnes, method1 = forecast.Method1.Tonnes, method2 = forecast.Method2.Tonnes, method3 = forecast.Method3.Tonnes, missingMethod2 = forecast.Method2.Missing },
                }, Json));
                return ExitCodes.Ok;
            }
            var table = new Table().Title(Inv($"Scope 1+2 forecast {forecast.ForecastYear} (t CO2e)"));
            foreach (var h in new[] { "company", "latest", "Method 1", "sub-method", "Method 2", "category", "Method 3" })
            {
                table.AddColumn(h);
            }
            foreach (var f in forecast.Companies)
            {
                table.AddRow(Markup.Escape(f.Company), T(f.LatestActualTonnes), T(f.Method1.Tonnes), f.Method1.SubMethod.ToString(), T(f.Method2.Tonnes), f.Category ?? "—", T(f.Method3Tonnes));
            }
            table.AddRow("[bold]portfolio Σ w Q[/]", T(forecast.LatestActual.Tonnes), T(forecast.Method1.Tonnes), "", T(forecast.Method2.Tonnes), "", T(forecast.Method3.Tonnes));
            context.Console.Write(table);
            foreach (var f in forecast.Companies)
            {
                context.Console.MarkupLine(Markup.Escape($"{f.Company}: M1 {f.Method1.Note} | M2 {f.Method2.Note}"));
            }
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Optimize(CliContext context)
    {
        var cmd = new Command("optimize", "Minimise tracking error subject to Σw = 1 and ΣQw = Q_total(1 − R).\nExample: carbonledger portfolio optimize --sample --reduction 0.04\nExample: carbonledger portfolio optimize --data ./t50 --returns ./t50/returns.csv --factors 3");
        var json = JsonOption();
        var sample = SampleOption();
        var data = DataOption();
        var reduction = new Option<decimal>("--reduction") { Description = "Required reduction R as a fraction (default 0.04, the thesis's 4 % path)", DefaultValueFactory = _ => 0.04m };
        var maxWeight = new Option<double?>("--max-weight") { Description = "Per-name upper bound on weight (fraction)" };
        var returns = ReturnsOption();
        var factors = FactorsOption();
        var periods = PeriodsOption();
        foreach (var o in new Option[] { json, sample, data, reduction, maxWeight, returns, factors, periods })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction(parse =>
        {
            var r = parse.GetValue(reduction);
            if (r is < 0m or >= 1m)
            {
                context.Error.WriteLine("error: --reduction must be in [0, 1)");
                return ExitCodes.BadUsage;
            }
            if (parse.GetValue(maxWeight) is { } cap && cap is not (> 0 and <= 1))
            {
                context.Error.WriteLine("error: --max-weight must be in (0, 1]");
                return ExitCodes.BadUsage;
            }
            var (source, usage) = Returns(parse, returns, factors, periods);
            if (usage is not null)
            {
                context.Error.WriteLine(usage);
                return ExitCodes.BadUsage;
            }
            var built = BuildProblem(parse.GetValue(data), r, parse.GetValue(maxWeight), source);
            if (built.Problem is null)
            {
                return Fail(context, built.Problems);
            }
            var problem = built.Problem;
            var s = TrackingErrorOptimizer.Solve(problem);
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(new
                {
                    status = s.Status.ToString(),
                    s.Message,
                    s.Solver,
                    riskModel = problem.Risk.Method,
                    reduction = problem.Reduction,
                    carbonTotalTonnes = problem.CarbonTotal,
                    s.CarbonTargetTonnes,
                    s.CarbonTonnes,
                    s.TrackingError,
                    objectiveTe2 = s.TrackingErrorSquared,
                    residuals = new { sum = s.SumResidual, carbonTonnes = s.CarbonResidualTonnes, bounds = s.BoundViolation, sectors = s.SectorViolation },
                    kkt = new { stationarity = s.StationarityResidual, complementarity = s.Complementarity, dualityGap = s.DualityGap },
                    s.Iterations,
                    elapsedMs = s.Elapsed.TotalMilliseconds,
                    reachability = new { minTonnes = s.Reachability.MinTonnes, maxTonnes = s.Reachability.MaxTonnes, s.Reachability.Method },
                    weights = s.Weights.Count == 0 ? null : problem.Risk.Names.Select((n, i) => new { company = n, benchmark = problem.BenchmarkWeights[i], optimised = s.Weights[i] }),
                }, Json));
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"{s.Status}: {s.Message} — {s.Solver}; risk model: {problem.Risk.Method}"));
                if (s.Status != OptimizationStatus.Infeasible)
                {
                    context.Console.MarkupLine(Markup.Escape(Inv($"TE {s.TrackingError:P3}; carbon {s.CarbonTonnes:N0} t (target {s.CarbonTargetTonnes:N0} t); residuals Σw−1 {s.SumResidual:E1}, carbon {s.CarbonResidualTonnes:E1} t; stationarity {s.StationarityResidual:E1}, gap {s.DualityGap:E1}; {s.Iterations} iterations, {s.Elapsed.TotalMilliseconds:F1} ms")));
                    var table = new Table().AddColumn("company").AddColumn("benchmark").AddColumn("optimised").AddColumn("change");
                    for (var i = 0; i < s.Weights.Count; i++)
                    {
                        table.AddRow(Markup.Escape(problem.Risk.Names[i]), Inv($"{problem.BenchmarkWeights[i]:P2}"), Inv($"{s.Weights[i]:P2}"), Inv($"{s.Weights[i] - problem.BenchmarkWeights[i]:+0.00%;-0.00%;0.00%}"));
                    }
                    context.Console.Write(table);
                }
            }
            if (s.Status == OptimizationStatus.Infeasible)
            {
                context.Error.WriteLine("error: " + s.Message);
            }
            return s.Status == OptimizationStatus.Optimal ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return cmd;
    }

    private static Command Frontier(CliContext context)
    {
        var cmd = new Command("frontier", "Tracking error against required reduction.\nExample: carbonledger portfolio frontier --sample --max-reduction 0.3 --steps 6");
        var json = JsonOption();
        var sample = SampleOption();
        var data = DataOption();
        var max = new Option<double>("--max-reduction") { Description = "Largest reduction (fraction, default 0.3)", DefaultValueFactory = _ => 0.3 };
        var steps = new Option<int>("--steps") { Description = "Number of steps (default 6)", DefaultValueFactory = _ => 6 };
        var returns = ReturnsOption();
        var factors = FactorsOption();
        var periods = PeriodsOption();
        foreach (var o in new Option[] { json, sample, data, max, steps, returns, factors, periods })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction(parse =>
        {
            var m = parse.GetValue(max);
            var n = parse.GetValue(steps);
            if (m is < 0 or >= 1 || n is < 1 or > 200)
            {
                context.Error.WriteLine("error: --max-reduction must be in [0, 1) and --steps in [1, 200]");
                return ExitCodes.BadUsage;
            }
            var (source, usage) = Returns(parse, returns, factors, periods);
            if (usage is not null)
            {
                context.Error.WriteLine(usage);
                return ExitCodes.BadUsage;
            }
            var built = BuildProblem(parse.GetValue(data), 0m, null, source);
            if (built.Problem is null)
            {
                return Fail(context, built.Problems);
            }
            var points = TrackingErrorOptimizer.Frontier(built.Problem, TrackingErrorOptimizer.Grid(m, n));
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(new
                {
                    riskModel = built.Problem.Risk.Method,
                    points = points.Select(p => new { p.Reduction, status = p.Status.ToString(), trackingError = p.Status == OptimizationStatus.Infeasible ? (double?)null : p.TrackingError, carbonTonnes = p.Status == OptimizationStatus.Infeasible ? (double?)null : p.CarbonTonnes }),
                }, Json));
                return ExitCodes.Ok;
            }
            var table = new Table().Title("TE vs reduction — risk model: " + Markup.Escape(built.Problem.Risk.Method)).AddColumn("reduction").AddColumn("status").AddColumn("TE").AddColumn("carbon (t)");
            foreach (var p in points)
            {
                table.AddRow(Inv($"{p.Reduction:P1}"), p.Status.ToString(), p.Status == OptimizationStatus.Infeasible ? "—" : Inv($"{p.TrackingError:P3}"), p.Status == OptimizationStatus.Infeasible ? "—" : Inv($"{p.CarbonTonnes:N0}"));
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static Command Backtest(CliContext context)
    {
        var cmd = new Command("backtest", "Compare forecasts with actuals per company and for the portfolio (seed 001 Tables 8-10).\nExample: carbonledger portfolio backtest --sample --json\nExample: carbonledger portfolio backtest --data ./t50 --year 2023");
        var json = JsonOption();
        var sample = SampleOption();
        var data = DataOption();
        var year = new Option<int?>("--year") { Description = "Year whose actuals the Method 1 forecast is compared with, from the history before it (default: the latest year in the emissions table; the sample is 2023)" };
        foreach (var o in new Option[] { json, sample, data, year })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction(parse =>
        {
            var path = parse.GetValue(data);
            BacktestReport report;
            string source;
            int backtestYear;
            if (path is null)
            {
                if (parse.GetValue(year) is { } y && y != 2023)
                {
                    context.Error.WriteLine("error: the thesis sample back-tests 2023 only; use --data for another year");
                    return ExitCodes.BadUsage;
                }
                report = ThesisSampleData.BacktestReport();
                source = "seed 001 Tables 9-10 (thesis_backtest_2023.csv), errors recomputed from predicted and actual";
                backtestYear = 2023;
            }
            else
            {
                var loaded = Load(path);
                if (!loaded.Succeeded)
                {
                    return Fail(context, loaded.Problems);
                }
                var ds = loaded.Value;
                backtestYear = parse.GetValue(year) ?? ds.LatestActualYear ?? 0;
                var actuals = PortfolioDatasetLoader.Actuals(ds, backtestYear, path);
                if (!actuals.Succeeded)
                {
                    return Fail(context, actuals.Problems);
                }
                var run = Backtester.Run(ds.Constituents, ds.Companies, actuals.Value, ForecastOptions.Thesis(backtestYear));
                if (!run.Succeeded)
                {
                    return Fail(context, run.Problems);
                }
                report = run.Value;
                source = Inv($"{path}: Method 1 forecast of {backtestYear} from the history before it, against the {backtestYear} emissions");
            }
            if (parse.GetValue(json))
            {
                context.Console.WriteLine(JsonSerializer.Serialize(new
                {
                    source,
                    year = backtestYear,
                    portfolio = new { predictedTonnes = report.PortfolioPredictedTonnes, actualTonnes = report.PortfolioActualTonnes, errorTonnes = report.PortfolioErrorTonnes, report.WeightedNames, report.WeightsNote },
                    under = report.Under.Count,
                    over = report.Over.Count,
                    meanAbsolutePercentError = report.MeanAbsolutePercentError,
                    lines = report.Lines.Select(l => new { l.Company, l.PredictedTonnes, l.ActualTonnes, l.AbsoluteErrorTonnes, percentError = Math.Round(l.PercentError, 2), direction = l.Direction.ToString(), subMethod = l.SubMethod.ToString() }),
                }, Json));
                return ExitCodes.Ok;
            }
            var table = new Table().Title(path is null ? "Method 1 back-test 2023 (seed 001 Tables 9-10)" : Markup.Escape(Inv($"Method 1 back-test {backtestYear} ({path})")));
            foreach (var h in new[] { "company", "predicted t", "actual t", "abs error t", "error %", "direction", "sub-method" })
            {
                table.AddColumn(h);
            }
            foreach (var l in report.Lines)
            {
                table.AddRow(Markup.Escape(l.Company), Inv($"{l.PredictedTonnes:N0}"), Inv($"{l.ActualTonnes:N0}"), Inv($"{l.AbsoluteErrorTonnes:N0}"), Inv($"{l.PercentError:F2}"), l.Direction.ToString(), l.SubMethod.ToString());
            }
            context.Console.Write(table);
            context.Console.MarkupLine(Markup.Escape(Inv($"under {report.Under.Count}, over {report.Over.Count}; portfolio Σ w·pred {report.PortfolioPredictedTonnes:N0} t vs Σ w·actual {report.PortfolioActualTonnes:N0} t, error {report.PortfolioErrorTonnes:+#,0;-#,0} t over {report.WeightedNames} names ({report.WeightsNote})")));
            return ExitCodes.Ok;
        });
        return cmd;
    }

    /// <summary>The optimisation problem on the thesis sample (<paramref name="data"/> null) or a dataset; with
    /// <paramref name="returns"/> the risk model is estimated from that history in place of the sample's or the dataset's.</summary>
    private static (TrackingErrorProblem? Problem, IReadOnlyList<Common.Problem> Problems) BuildProblem(string? data, decimal reduction, double? maxWeight, ReturnsSource? returns)
    {
        ReturnHistory? history = null;
        if (returns is not null)
        {
            var loadedReturns = ReturnHistoryLoader.LoadCsv(returns.Path, returns.Factors, returns.PeriodsPerYear);
            if (!loadedReturns.Succeeded)
            {
                return (null, loadedReturns.Problems);
            }
            history = loadedReturns.Value;
        }
        if (data is null)
        {
            var sample = ThesisSampleData.OptimizationProblem(reduction, maxWeight);
            if (!sample.Succeeded)
            {
                return (null, sample.Problems);
            }
            if (history is null)
            {
                return (sample.Value, []);
            }
            var estimatedForSample = history.Estimate(sample.Value.Risk.Names, returns!.Factors, returns.PeriodsPerYear);
            return estimatedForSample.Succeeded ? (sample.Value.WithRisk(estimatedForSample.Value), []) : (null, estimatedForSample.Problems);
        }
        var loaded = Load(data);
        if (!loaded.Succeeded)
        {
            return (null, loaded.Problems);
        }
        var ds = loaded.Value;
        var risk = ds.RiskModel;
        if (history is not null)
        {
            // Returns given: the estimated model replaces any supplied one (the output names the model used).
            var estimated = history.Estimate([.. ds.Constituents.Select(c => c.Company)], returns!.Factors, returns.PeriodsPerYear);
            if (!estimated.Succeeded)
            {
                return (null, estimated.Problems);
            }
            risk = estimated.Value;
        }
        if (risk is null)
        {
            return (null, [new Common.Problem(new Common.ProblemLocation(File: data), "the optimiser needs a risk model (exposures, factor_covariance, specific_variance)",
                "最適化需要風險模型（exposures、factor_covariance、specific_variance）")]);
        }
        var outcome = ds.OptimizationProblem(risk, reduction, maxWeight);
        return outcome.Succeeded ? (outcome.Value, []) : (null, outcome.Problems);
    }

    private static Common.Outcome<PortfolioDataset> Load(string path) => PortfolioDatasetLoader.LoadPath(path);

    private static int Fail(CliContext context, IReadOnlyList<Common.Problem> problems)
    {
        foreach (var p in problems)
        {
            context.Error.WriteLine("error: " + p);
        }
        return ExitCodes.Failed;
    }

    private static string T(decimal? tonnes) => tonnes is { } t ? t.ToString("N0", CultureInfo.InvariantCulture) : "—";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
