using CarbonLedger.Common;
using CarbonLedger.Import.Portfolio;
using CarbonLedger.Portfolio;
using CarbonLedger.Portfolio.SampleData;

namespace CarbonLedger.Web.Features.Portfolio;

/// <summary>What the portfolio page works on (SPEC §7, issue 6): the forecasts, the optimisation problem (at R = 0; the page
/// sets R) and the back-test, from the shipped thesis sample or from an uploaded dataset. A part that the data cannot
/// support carries its problems instead of a value, so the rest of the page still works.</summary>
public sealed record PortfolioWorkbench(
    bool IsSample,
    string SourceName,
    PortfolioForecast Forecast,
    TrackingErrorProblem? Optimization,
    IReadOnlyList<Problem> OptimizationProblems,
    int BacktestYear,
    BacktestReport? Backtest,
    IReadOnlyList<Problem> BacktestProblems)
{
    /// <summary>Largest reduction and steps of the frontier the page draws.</summary>
    public const double FrontierMax = 0.3;

    public const int FrontierSteps = 6;

    /// <summary>Factors of a model estimated from an uploaded returns.csv.</summary>
    public const int UploadFactors = 3;

    /// <summary>The thesis sample: forecasts of the two companies seed 001 prints (equal weights), the 50-name optimisation
    /// on the illustrative risk model, and the 2023 back-test of Tables 9-10.</summary>
    public static PortfolioWorkbench Sample()
    {
        var companies = ThesisSampleData.CompanyExamples();
        var constituents = companies.Keys.Select(c => new BenchmarkConstituent(c, 1m / companies.Count)).ToList();
        return new PortfolioWorkbench(true, "seed 001", PortfolioCarbonCalculator.Forecast(constituents, companies, ForecastOptions.Thesis(2024)),
            ThesisSampleData.OptimizationProblem(0m), [], 2023, ThesisSampleData.BacktestReport(), []);
    }

    /// <summary>An uploaded dataset: CSV files named after the loader's tables (constituents.csv, emissions.csv, …) or one
    /// .xlsx workbook, and optionally returns.csv (the risk model is then estimated from it). Forecasts are for the year
    /// after the latest actual; the back-test compares the latest year's actuals with the forecast from the years before.</summary>
    public static Outcome<PortfolioWorkbench> FromUpload(IReadOnlyList<(string Name, byte[] Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<Problem>();
        var tables = new Dictionary<string, PortfolioTable>(StringComparer.Ordinal);
        Outcome<PortfolioDataset>? workbook = null;
        ReturnHistory? returns = null;
        var source = string.Join(", ", files.Select(f => f.Name));
        foreach (var (name, content) in files)
        {
            var table = Path.GetFileNameWithoutExtension(name);
            if (name.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                if (workbook is not null)
                {
                    problems.Add(new Problem(new ProblemLocation(File: name), "a second .xlsx workbook: upload one workbook, or CSV tables",
                        "第二個 .xlsx 活頁簿：請只上傳一個活頁簿，或改上傳 CSV 表"));
                    continue;
                }
                using var stream = new MemoryStream(content, writable: false);
                workbook = PortfolioDatasetLoader.LoadWorkbook(stream, name);
            }
            else if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && string.Equals(table, "returns", StringComparison.OrdinalIgnoreCase))
            {
                var parsed = ReturnHistoryLoader.Parse(Csv(name, content), UploadFactors);
                if (parsed.Succeeded)
                {
                    returns = parsed.Value;
                }
                else
                {
                    problems.AddRange(parsed.Problems);
                }
            }
            else if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && PortfolioDatasetLoader.TableNames.Contains(table, StringComparer.Ordinal))
            {
                tables[table] = Csv(name, content);
            }
            else
            {
                problems.Add(new Problem(new ProblemLocation(File: name),
                    "not a dataset table: name CSV files constituents, emissions, targets, companies, exposures, factor_covariance, specific_variance or returns, or upload one .xlsx",
                    "不是資料集的表：CSV 檔名須為 constituents、emissions、targets、companies、exposures、factor_covariance、specific_variance 或 returns，或上傳一個 .xlsx 活頁簿"));
            }
        }
        if (workbook is not null && tables.Count > 0)
        {
            // The workbook holds every table: a CSV table beside it would be silently ignored.
            problems.AddRange(tables.Values.Select(t => new Problem(new ProblemLocation(File: t.File), "a CSV table beside an .xlsx workbook: upload the workbook or CSV tables, not both",
                "與 .xlsx 活頁簿一併上傳的 CSV 表：請擇一上傳活頁簿或 CSV 表")));
        }
        var loaded = workbook ?? PortfolioDatasetLoader.Load(tables, source);
        if (!loaded.Succeeded)
        {
            problems.AddRange(loaded.Problems);
        }
        if (problems.Count > 0)
        {
            return Outcome<PortfolioWorkbench>.Failure(problems);
        }
        var ds = loaded.Value;
        var latest = ds.LatestActualYear ?? 0;
        var forecast = PortfolioCarbonCalculator.Forecast(ds.Constituents, ds.Companies, ForecastOptions.Thesis(latest + 1));

        TrackingErrorProblem? optimization = null;
        IReadOnlyList<Problem> optimizationProblems = [];
        var names = ds.Constituents.Select(c => c.Company).ToList();
        var risk = returns is not null ? returns.Estimate(names, UploadFactors, 12) : ds.RiskModel is { } supplied ? Outcome<FactorRiskModel>.Success(supplied) : null;
        if (risk is null)
        {
            optimizationProblems = [new Problem(new ProblemLocation(File: source), "the optimiser needs a risk model: upload exposures, factor_covariance and specific_variance, or returns.csv",
                "最適化需要風險模型：請上傳 exposures、factor_covariance 與 specific_variance，或 returns.csv")];
        }
        else if (!risk.Succeeded)
        {
            optimizationProblems = risk.Problems;
        }
        else
        {
            var built = ds.OptimizationProblem(risk.Value, 0m);
            optimization = built.Succeeded ? built.Value : null;
            optimizationProblems = built.Problems;
        }

        BacktestReport? backtest = null;
        IReadOnlyList<Problem> backtestProblems;
        var actuals = PortfolioDatasetLoader.Actuals(ds, latest, source);
        if (!actuals.Succeeded)
        {
            backtestProblems = actuals.Problems;
        }
        else
        {
            var run = Backtester.Run(ds.Constituents, ds.Companies, actuals.Value, ForecastOptions.Thesis(latest));
            backtest = run.Succeeded ? run.Value : null;
            backtestProblems = run.Problems;
        }
        return Outcome<PortfolioWorkbench>.Success(new PortfolioWorkbench(false, source, forecast, optimization, optimizationProblems, latest, backtest, backtestProblems));
    }

    private static PortfolioTable Csv(string name, byte[] content)
    {
        using var reader = new StreamReader(new MemoryStream(content, writable: false));
        return PortfolioTable.FromCsv(name, reader);
    }
}
