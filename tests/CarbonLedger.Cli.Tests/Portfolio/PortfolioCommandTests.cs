using System.Text.Json;
using CarbonLedger.Cli;
using NodaTime.Testing;
using Spectre.Console.Testing;

namespace CarbonLedger.Cli.Tests.Portfolio;

public sealed class PortfolioCommandTests
{
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
}
