using System.Globalization;
using System.Net;
using CarbonLedger.Portfolio.SampleData;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Portfolio;

/// <summary>POST /api/v1/portfolio/optimize with a return history in place of B, Ω, Δ (issue 6 item 4), and the per-name cap.</summary>
public sealed class PortfolioApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string[] Names = ["A", "B", "C", "D"];

    // Eight periods of made-up returns for A-D (rows = periods).
    private static readonly double[][] Returns =
    [
        [0.010, 0.020, -0.010, 0.005], [-0.020, 0.010, 0.030, 0.000], [0.030, -0.010, 0.020, 0.010], [0.000, 0.040, -0.020, -0.010],
        [0.015, -0.030, 0.010, 0.020], [-0.010, 0.000, 0.040, -0.005], [0.025, 0.015, -0.030, 0.015], [-0.005, 0.005, 0.000, 0.000],
    ];

    private static object Request(object? extra = null) => extra ?? new
    {
        sample = false, reduction = 0.1m, names = Names, benchmarkWeights = new[] { 0.4, 0.3, 0.2, 0.1 }, carbonTonnes = new[] { 1000m, 500m, 200m, 100m },
        returns = Returns, factors = 1, periodsPerYear = 12.0,
    };

    /// <summary>Ledoit-Wolf (2004) δ computed straight from its definitions with explicit sums (no matrix library, no
    /// expansion of the norm): S = XᵀX/T of the de-meaned returns, m = tr S/n, d² = ‖S − mI‖²/n,
    /// b̄² = (1/T²) Σ_t ‖x_t x_tᵀ − S‖²/n, δ = min(b̄², d²)/d².</summary>
    private static double LedoitWolfShrinkage(double[][] r)
    {
        int t = r.Length, n = r[0].Length;
        var x = new double[t, n];
        for (var j = 0; j < n; j++)
        {
            var mean = 0.0;
            for (var k = 0; k < t; k++) { mean += r[k][j] / t; }
            for (var k = 0; k < t; k++) { x[k, j] = r[k][j] - mean; }
        }
        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var k = 0; k < t; k++) { s[i, j] += x[k, i] * x[k, j] / t; }
            }
        }
        var m = 0.0;
        for (var i = 0; i < n; i++) { m += s[i, i] / n; }
        double d2 = 0, b2 = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var target = i == j ? m : 0;
                d2 += (s[i, j] - target) * (s[i, j] - target) / n;
                for (var k = 0; k < t; k++)
                {
                    var e = (x[k, i] * x[k, j]) - s[i, j];
                    b2 += e * e / n / ((double)t * t);
                }
            }
        }
        return Math.Min(b2, d2) / d2;
    }

    [Fact]
    public async Task Optimize_ReturnsInsteadOfRiskModel_NamesEstimatorAndMeetsConstraints()
    {
        // Given a viewer and four names with a return history instead of B, Ω, Δ
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When R = 10 % is optimised on a 1-factor model estimated from the returns
        using var response = await client.PostJsonAsync("/api/v1/portfolio/optimize", Request());

        // Then the risk model is the estimator's, with the Ledoit-Wolf δ computed here from its definition; Σw = 1 and
        // Σ Qᵢwᵢ = Q_total (1 − R) with Q_total = 0.4 × 1,000 + 0.3 × 500 + 0.2 × 200 + 0.1 × 100 = 600 t → 540 t, to 1e-8
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("Optimal");
        var delta = LedoitWolfShrinkage(Returns).ToString("0.####", CultureInfo.InvariantCulture);
        body.GetProperty("riskModel").GetString().ShouldBe($"PCA(1) of Ledoit-Wolf shrunk covariance, δ = {delta}, T = 8, ×12/yr");
        var w = body.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToList();
        w.Count.ShouldBe(4);
        Math.Abs(w.Sum() - 1).ShouldBeLessThan(1e-8);
        double[] q = [1000, 500, 200, 100];
        Math.Abs((q.Zip(w, (a, b) => a * b).Sum() / 540.0) - 1).ShouldBeLessThan(1e-8);
    }

    [Fact]
    public async Task Optimize_ReturnsAndExposuresTogetherOrRaggedRows_400ListingEachField()
    {
        // Given returns together with exposures, one row of the wrong length, and too few periods for 3 factors
        using var client = app.Client(WebAppFixture.DemoViewerToken);
        var ragged = new[] { new[] { 0.01, 0.02, 0.03, 0.04 }, new[] { 0.01, 0.02, 0.03 } };
        var both = new
        {
            sample = false, reduction = 0.1m, names = Names, benchmarkWeights = new[] { 0.4, 0.3, 0.2, 0.1 }, carbonTonnes = new[] { 1000m, 500m, 200m, 100m },
            returns = ragged, exposures = new[] { new[] { 1.0 }, new[] { 1.0 }, new[] { 1.0 }, new[] { 1.0 } }, factors = 3,
        };

        // When it is posted
        using var response = await client.PostJsonAsync("/api/v1/portfolio/optimize", Request(both));

        // Then 400 naming "returns" (either/or) and "returns[1]" (3 values for 4 names), with zh-TW messages beside them
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.ErrorFields().ShouldContain("returns");
        problem.ErrorFields().ShouldContain("returns[1]");
        problem.GetProperty("errors").GetProperty("returns[1]")[0].GetString().ShouldBe("3 values for 4 names");
        problem.GetProperty("errorsZhTw").GetProperty("returns[1]")[0].GetString().ShouldBe("3 個值，但有 4 個名稱");
    }

    [Fact]
    public async Task Optimize_TooFewPeriodsForFactors_400OnReturns()
    {
        // Given three periods and a 3-factor model (it needs 3 + 1 = 4: the de-meaned sample covariance has rank ≤ T − 1)
        using var client = app.Client(WebAppFixture.DemoViewerToken);
        var request = new
        {
            sample = false, reduction = 0.1m, names = Names, benchmarkWeights = new[] { 0.4, 0.3, 0.2, 0.1 }, carbonTonnes = new[] { 1000m, 500m, 200m, 100m },
            returns = Returns.Take(3).ToArray(), factors = 3,
        };

        // When it is posted
        using var response = await client.PostJsonAsync("/api/v1/portfolio/optimize", Request(request));

        // Then 400 on "returns"
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty("returns")[0].GetString().ShouldBe("3 periods; a 3-factor model needs at least 4");
    }

    [Fact]
    public async Task Optimize_SampleWithMaxWeight_CapsEveryCoveredName()
    {
        // Given a viewer and a 20 % cap, below the largest covered benchmark weight of the sample (worked out here from
        // the shipped 2023-09 weights, renormalised to Σ = 1, over the names with 2023 actuals), so the cap must bind
        using var client = app.Client(WebAppFixture.DemoViewerToken);
        const double cap = 0.2;
        var actuals = ThesisSampleData.Actuals2023();
        var benchmark = ThesisSampleData.Constituents2023(renormalise: true).ToDictionary(c => c.Company, c => (double)c.Weight, StringComparer.Ordinal);
        benchmark.Where(b => actuals.ContainsKey(b.Key)).Max(b => b.Value).ShouldBeGreaterThan(cap);

        // When the sample is optimised at R = 4 % with maxWeight = 0.2
        using var response = await client.PostJsonAsync("/api/v1/portfolio/optimize", new { sample = true, reduction = 0.04m, maxWeight = cap });

        // Then every covered name is at most 20 % (to 1e-8), the names without emissions stay at their benchmark weight,
        // Σw = 1 and the carbon meets its target
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("status").GetString().ShouldBe("Optimal");
        var names = body.GetProperty("names").EnumerateArray().Select(e => e.GetString()!).ToList();
        var w = body.GetProperty("weights").EnumerateArray().Select(e => e.GetDouble()).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            if (actuals.ContainsKey(names[i]))
            {
                w[i].ShouldBeLessThanOrEqualTo(cap + 1e-8, names[i]);
            }
            else
            {
                w[i].ShouldBe(benchmark[names[i]], 1e-12, names[i]);
            }
        }
        Math.Abs(w.Sum() - 1).ShouldBeLessThan(1e-8);
        Math.Abs((body.GetProperty("carbonTonnes").GetDouble() / body.GetProperty("carbonTargetTonnes").GetDouble()) - 1).ShouldBeLessThan(1e-8);
    }

    [Fact]
    public async Task Optimize_MaxWeightOutsideZeroToOne_400OnMaxWeightInBothLanguages()
    {
        // Given a viewer and a cap of 1.5 (a weight is a fraction in (0, 1])
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When the sample is optimised with it
        using var response = await client.PostJsonAsync("/api/v1/portfolio/optimize", new { sample = true, reduction = 0.04m, maxWeight = 1.5 });

        // Then 400 naming maxWeight, in English and in zh-TW
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("errors").GetProperty("maxWeight")[0].GetString().ShouldBe("must be in (0, 1]");
        problem.GetProperty("errorsZhTw").GetProperty("maxWeight")[0].GetString().ShouldBe("須介於 (0, 1]");
    }
}
