using System.Text.Json;
using CarbonLedger.Cli;
using NodaTime.Testing;
using Spectre.Console.Testing;

namespace CarbonLedger.Cli.Tests.Portfolio;

public sealed class PortfolioCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cl-portfolio-cli-" + Guid.NewGuid().ToString("N"));

    public PortfolioCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Four names: weights 40/30/20/10 %, 2023 emissions 1,000/500/200/100 t, so Q_total = 0.4 × 1,000 + 0.3 × 500
    /// + 0.2 × 200 + 0.1 × 100 = 600 t. A has an absolute target (−50 % of its 2020 1,000 t by 2030); B a temperature
    /// score 1.44 °C (C1, 2030 = 57 % of 2019, seed 001 Table 2) and 2019 emissions; C and D neither.</summary>
    private void WriteDataset()
    {
        Write("constituents.csv", "company,weight_pct\nA,40\nB,30\nC,20\nD,10\n");
        Write("emissions.csv", "company,year,scope12_t\nA,2020,1000\nA,2022,900\nA,2023,1000\nB,2019,2000\nB,2022,1800\nB,2023,500\nC,2023,200\nD,2023,100\n");
        Write("targets.csv", "company,kind,base_year,reduction_pct,target_year\nA,absolute,2020,50,2030\n");
        Write("companies.csv", "company,temperature_c\nB,1.44\n");
    }

    /// <summary>Eight months of returns for A-D (made-up figures; only their shape matters to these tests).</summary>
    private string WriteReturns() => Write("returns.csv",
        "date,A,B,C,D\n2024-01-31,0.010,0.020,-0.010,0.005\n2024-02-29,-0.020,0.010,0.030,0.000\n2024-03-31,0.030,-0.010,0.020,0.010\n" +
        "2024-04-30,0.000,0.040,-0.020,-0.010\n2024-05-31,0.015,-0.030,0.010,0.020\n2024-06-30,-0.010,0.000,0.040,-0.005\n" +
        "2024-07-31,0.025,0.015,-0.030,0.015\n2024-08-31,-0.005,0.005,0.000,0.000\n");
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        using var error = new StringWriter();
        var context = new CliContext(console, error, new FakeClock(NodaTime.Instant.FromUtc(2025, 1, 1, 0, 0)));
        var exit = await CliApp.RunAsync(args, context);
        return (exit, console.Output, error.ToString());
    }

    [Fact]
    public async Task Backtest_Sample_Json_RecomputesThesisTables9And10()
    {
        var (exit, output, _) = await Run("portfolio", "backtest", "--sample", "--json");

        exit.ShouldBe(ExitCodes.Ok);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("under").GetInt32().ShouldBe(25);
        doc.RootElement.GetProperty("over").GetInt32().ShouldBe(25);
        var first = doc.RootElement.GetProperty("lines")[0];
        first.GetProperty("Company").GetString().ShouldBe("華新");
        // 華新: |208,805 − 522,919| = 314,114 t; 314,114 / 522,919 × 100 = 60.07 % (seed 001 Table 9).
        first.GetProperty("AbsoluteErrorTonnes").GetDecimal().ShouldBe(314_114m);
        first.GetProperty("percentError").GetDecimal().ShouldBe(60.07m);
    }

    [Fact]
    public async Task Backtest_Human_WritesTable()
    {
        var (exit, output, _) = await Run("portfolio", "backtest");

        exit.ShouldBe(ExitCodes.Ok);
        output.ShouldContain("華新");
        output.ShouldContain("under 25, over 25");
    }

    [Fact]
    public async Task Forecast_Sample_Json_HasMediaTekMethod2()
    {
        var (exit, output, _) = await Run("portfolio", "forecast", "--sample", "--json");

        exit.ShouldBe(ExitCodes.Ok);
        using var doc = JsonDocument.Parse(output);
        var mediaTek = doc.RootElement.GetProperty("companies").EnumerateArray().Single(c => c.GetProperty("Company").GetString() == "聯發科");
        // 92,300 − (92,300 − 51,080 × 0.57)/7 = 83,273.66 t (seed 001 §2.1).
        Math.Round(mediaTek.GetProperty("method2").GetDecimal()).ShouldBe(83_274m);
    }

    [Fact]
    public async Task Optimize_Sample_FourPercent_IsOptimalAndMeetsConstraints()
    {
        var (exit, output, _) = await Run("portfolio", "optimize", "--sample", "--reduction", "0.04", "--json");

        exit.ShouldBe(ExitCodes.Ok);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("status").GetString().ShouldBe("Optimal");
        Math.Abs(doc.RootElement.GetProperty("residuals").GetProperty("sum").GetDouble()).ShouldBeLessThan(1e-8);
        var weights = doc.RootElement.GetProperty("weights").EnumerateArray().Select(w => w.GetProperty("optimised").GetDouble()).ToList();
        weights.Count.ShouldBe(50);
        Math.Abs(weights.Sum() - 1).ShouldBeLessThan(1e-8);
    }

    [Fact]
    public async Task Optimize_UnreachableReduction_ReportsInfeasibleOnStderrExitOne()
    {
        // With every covered name capped at 2.5 %, the greedy lowest-carbon fill reaches at least 855,327 t; −95 % of
        // Q_total = 6,866,901 t is 343,345 t, below that.
        var (exit, _, err) = await Run("portfolio", "optimize", "--reduction", "0.95", "--max-weight", "0.025");

        exit.ShouldBe(ExitCodes.Failed);
        err.ShouldStartWith("error: infeasible");
        err.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Optimize_ReductionOutOfRange_IsBadUsage()
    {
        var (exit, _, err) = await Run("portfolio", "optimize", "--reduction", "1.5");

        exit.ShouldBe(ExitCodes.BadUsage);
        err.ShouldContain("--reduction");
    }

    [Fact]
    public async Task Optimize_NegativeMaxWeight_IsBadUsage()
    {
        // Given a cap below zero (a weight cap is a fraction in (0, 1])
        // When the sample is optimised with it
        var (exit, _, err) = await Run("portfolio", "optimize", "--sample", "--max-weight", "-0.1");

        // Then it is a usage error naming the option, not a silent cap of 0
        exit.ShouldBe(ExitCodes.BadUsage);
        err.ShouldContain("--max-weight");
    }

    [Fact]
    public async Task Frontier_Sample_TrackingErrorIncreases()
    {
        var (exit, output, _) = await Run("portfolio", "frontier", "--sample", "--max-reduction", "0.2", "--steps", "4", "--json");

        exit.ShouldBe(ExitCodes.Ok);
        using var doc = JsonDocument.Parse(output);
        var te = doc.RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("trackingError").GetDouble()).ToList();
        te.Count.ShouldBe(5);
        for (var i = 1; i < te.Count; i++)
        {
            te[i].ShouldBeGreaterThan(te[i - 1]);
        }
    }

    [Fact]
    public async Task Forecast_MissingDataFolder_OneErrorLineExitOne()
    {
        var (exit, _, err) = await Run("portfolio", "forecast", "--data", "/nonexistent/folder");

        exit.ShouldBe(ExitCodes.Failed);
        err.ShouldContain("folder not found");
    }

    [Fact]
    public async Task Backtest_DataFolder_ForecastsFromHistoryBeforeTheYearAndComparesWithActuals()
    {
        // Given a dataset with 2023 actuals for A and B only (C and D removed from the benchmark)
        Write("constituents.csv", "company,weight_pct\nA,60\nB,40\n");
        Write("emissions.csv", "company,year,scope12_t\nA,2020,1000\nA,2022,900\nA,2023,800\nB,2019,2000\nB,2022,1800\nB,2023,1900\n");
        Write("targets.csv", "company,kind,base_year,reduction_pct,target_year\nA,absolute,2020,50,2030\n");
        Write("companies.csv", "company,temperature_c\nB,1.44\n");

        // When the 2023 back-test runs on it
        var (exit, output, err) = await Run("portfolio", "backtest", "--data", _dir, "--year", "2023", "--json");

        // Then (SPEC §7 Method 1, linear from the latest actual before 2023):
        // A: target 2030 = 1,000 × (1 − 0.5) = 500; 2023 = 900 + (500 − 900) × 1/8 = 850 vs actual 800 → over by 50 t, 6.25 %.
        // B: no target → Method 2: 1.44 °C is C1, 2030 = 2,000 × 0.57 = 1,140; 2023 = 1,800 + (1,140 − 1,800)/8 = 1,717.5
        //    vs 1,900 → under by 182.5 t, 182.5/1,900 = 9.605 %.
        // Portfolio: Σ w·pred = 0.6 × 850 + 0.4 × 1,717.5 = 1,197; Σ w·actual = 0.6 × 800 + 0.4 × 1,900 = 1,240; error −43 t.
        exit.ShouldBe(ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("year").GetInt32().ShouldBe(2023);
        root.GetProperty("under").GetInt32().ShouldBe(1);
        root.GetProperty("over").GetInt32().ShouldBe(1);
        var lines = root.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("Company").GetString()!);
        lines["A"].GetProperty("PredictedTonnes").GetDecimal().ShouldBe(850m);
        lines["A"].GetProperty("AbsoluteErrorTonnes").GetDecimal().ShouldBe(50m);
        lines["A"].GetProperty("percentError").GetDecimal().ShouldBe(6.25m);
        lines["A"].GetProperty("direction").GetString().ShouldBe("Over");
        lines["A"].GetProperty("subMethod").GetString().ShouldBe("CompanyTarget");
        lines["B"].GetProperty("PredictedTonnes").GetDecimal().ShouldBe(1_717.5m);
        lines["B"].GetProperty("percentError").GetDecimal().ShouldBe(9.61m);
        lines["B"].GetProperty("subMethod").GetString().ShouldBe("IpccPathway");
        root.GetProperty("portfolio").GetProperty("predictedTonnes").GetDecimal().ShouldBe(1_197m);
        root.GetProperty("portfolio").GetProperty("actualTonnes").GetDecimal().ShouldBe(1_240m);
        root.GetProperty("portfolio").GetProperty("errorTonnes").GetDecimal().ShouldBe(-43m);
    }

    [Fact]
    public async Task Backtest_DataFolderWithoutActuals_NamesFileColumnAndCompanyExitOne()
    {
        // Given the four-name dataset, whose latest year is 2023: C and D have no 2022 emissions
        WriteDataset();

        // When 2022 is back-tested
        var (exit, _, err) = await Run("portfolio", "backtest", "--data", _dir, "--year", "2022");

        // Then one line per constituent without a 2022 actual, each naming emissions.csv and the column
        exit.ShouldBe(ExitCodes.Failed);
        var lines = err.Trim().Split('\n');
        lines.Length.ShouldBe(2);
        lines.ShouldContain(l => l.StartsWith("error: emissions.csv, column 'scope12_t': constituent 'C'", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("error: emissions.csv, column 'scope12_t': constituent 'D'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Backtest_DataFolderWithBadRow_NamesFileRowColumn()
    {
        // Given an emissions row with a non-numeric value
        WriteDataset();
        Write("emissions.csv", "company,year,scope12_t\nA,2023,1000\nB,2023,lots\nC,2023,200\nD,2023,100\n");

        // When the back-test runs / Then the loader's problem is named by file, row and column
        var (exit, _, err) = await Run("portfolio", "backtest", "--data", _dir);
        exit.ShouldBe(ExitCodes.Failed);
        err.ShouldContain("error: emissions.csv, row 3, column 'scope12_t': 'lots' is not a number");
    }

    [Fact]
    public async Task Optimize_DataWithReturns_EstimatedModelNamedAndConstraintsMet()
    {
        // Given the four-name dataset (no B, Ω, Δ files) and eight months of returns
        WriteDataset();
        var returns = WriteReturns();

        // When it is optimised for R = 10 % on a one-factor model estimated from the returns
        var (exit, output, err) = await Run("portfolio", "optimize", "--data", _dir, "--returns", returns, "--factors", "1", "--reduction", "0.1", "--json");

        // Then the output names the estimator, and Σw = 1 and Σ Q_i w_i = 600 × (1 − 0.1) = 540 t hold to 1e-8 (relative)
        exit.ShouldBe(ExitCodes.Ok, err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("status").GetString().ShouldBe("Optimal");
        root.GetProperty("riskModel").GetString()!.ShouldStartWith("PCA(1) of Ledoit-Wolf shrunk covariance");
        root.GetProperty("riskModel").GetString()!.ShouldContain("T = 8");
        var q = new Dictionary<string, double> { ["A"] = 1000, ["B"] = 500, ["C"] = 200, ["D"] = 100 };
        var w = root.GetProperty("weights").EnumerateArray().ToDictionary(x => x.GetProperty("company").GetString()!, x => x.GetProperty("optimised").GetDouble());
        Math.Abs(w.Values.Sum() - 1).ShouldBeLessThan(1e-8);
        Math.Abs((q.Sum(p => p.Value * w[p.Key]) / 540.0) - 1).ShouldBeLessThan(1e-8);
        w.Values.ShouldAllBe(x => x >= -1e-8);
    }

    [Fact]
    public async Task Frontier_SampleWithReturnsMissingAName_NamesTheColumnExitOne()
    {
        // Given returns for A-D only, and the thesis sample (50 Taiwan 50 names)
        var returns = WriteReturns();

        // When the frontier is asked for on the sample with those returns
        var (exit, _, err) = await Run("portfolio", "frontier", "--returns", returns, "--factors", "2");

        // Then every sample name lacks a column: one line each, naming returns.csv's header row and the column
        exit.ShouldBe(ExitCodes.Failed);
        var lines = err.Trim().Split('\n');
        lines.Length.ShouldBe(50);
        lines.ShouldContain("error: returns.csv, row 1, column '台積電': no return column for constituent '台積電'");
    }

    [Fact]
    public async Task Optimize_ReturnsWithGapsAndTooFewPeriods_ListsEveryProblem()
    {
        // Given a returns file with an empty cell (row 3, column B), a skipped month (April, row 4) and a bad number
        WriteDataset();
        var returns = Write("returns.csv", "date,A,B,C,D\n2024-01-31,0.01,0.02,0.03,0.04\n2024-02-29,0.02,,0.01,0.00\n2024-04-30,0.01,0.02,x,0.01\n");

        // When a 3-factor model is asked for (it needs 3 + 1 = 4 periods; there are 3)
        var (exit, _, err) = await Run("portfolio", "optimize", "--data", _dir, "--returns", returns, "--factors", "3");

        // Then all four problems, each located
        exit.ShouldBe(ExitCodes.Failed);
        var lines = err.Trim().Split('\n');
        lines.ShouldContain("error: returns.csv, row 3, column 'B': value is empty (a gap in the history)");
        lines.ShouldContain(l => l.StartsWith("error: returns.csv, row 4, column 'date': a gap: 2024-02-29 → 2024-04-30", StringComparison.Ordinal));
        lines.ShouldContain("error: returns.csv, row 4, column 'C': 'x' is not a number");
        lines.ShouldContain("error: returns.csv: 3 periods; a 3-factor model needs at least 4");
        lines.Length.ShouldBe(4);
    }

    [Fact]
    public async Task Optimize_FactorsWithoutReturns_IsBadUsage()
    {
        var (exit, _, err) = await Run("portfolio", "optimize", "--factors", "2");

        exit.ShouldBe(ExitCodes.BadUsage);
        err.ShouldContain("--returns");
    }
}
