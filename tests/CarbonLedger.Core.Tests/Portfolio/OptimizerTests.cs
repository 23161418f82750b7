using CarbonLedger.Portfolio;
using CarbonLedger.Portfolio.SampleData;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonLedger.Core.Tests.Portfolio;

public sealed class OptimizerTests
{
    private const double KktTolerance = 1e-8;

    private static TrackingErrorProblem Synthetic(int n, int k, int seed, decimal reduction, PortfolioConstraints? constraints = null)
    {
        var (risk, wb, q, _) = SyntheticPortfolio.Create(n, k, seed);
        return TrackingErrorProblem.Create(risk, wb, q, reduction, null, constraints).Value;
    }

    [Fact]
    public void EqualityOnly_MatchesClosedFormLagrangianSolution()
    {
        // Given: no bounds (long-only off), only Σ w = 1 and the carbon row.
        var (risk, wb, q, _) = SyntheticPortfolio.Create(30, 4, 7);
        var problem = TrackingErrorProblem.Create(risk, wb, q, 0.10m, null, new PortfolioConstraints(LongOnly: false)).Value;

        // When
        var solution = TrackingErrorOptimizer.Solve(problem);

        // Then w* = w_b + Σ⁻¹Aᵀ(AΣ⁻¹Aᵀ)⁻¹(b − A w_b), from the Lagrangian of min (w−w_b)ᵀΣ(w−w_b) s.t. Aw = b.
        var sigma = risk.DenseCovariance();
        var a = Matrix<double>.Build.Dense(2, 30, (i, j) => i == 0 ? 1 : problem.CarbonTonnes[j] / problem.CarbonTotal);
        var b = Vector<double>.Build.DenseOfArray([1, 0.9]);
        var wbv = Vector<double>.Build.DenseOfArray(wb);
        var sInvAt = sigma.Solve(a.Transpose());
        var expected = wbv + (sInvAt * (a * sInvAt).Solve(b - (a * wbv)));
        solution.Status.ShouldBe(OptimizationStatus.Optimal);
        for (var i = 0; i < 30; i++)
        {
            solution.Weights[i].ShouldBe(expected[i], 1e-10);
        }
        Math.Abs(solution.SumResidual).ShouldBeLessThan(1e-12);
        Math.Abs(solution.CarbonResidualTonnes / problem.CarbonTotal).ShouldBeLessThan(1e-12);
    }

    [Theory]
    [InlineData(40, 5, 1, 0.20)]
    [InlineData(60, 10, 2, 0.35)]
    [InlineData(50, 3, 3, 0.05)]
    public void LongOnlyWithBounds_SatisfiesKktConditionsTo1e8(int n, int k, int seed, double reduction)
    {
        var upper = Enumerable.Repeat(0.08, n).ToArray();
        var problem = Synthetic(n, k, seed, (decimal)reduction, new PortfolioConstraints(true, null, upper));

        var solution = TrackingErrorOptimizer.Solve(problem);

        solution.Status.ShouldBe(OptimizationStatus.Optimal);
        AssertKkt(problem, solution.Weights, Enumerable.Repeat(0.0, n).ToArray(), upper);
    }

    [Fact]
    public void SectorLimits_AreRespectedAndKktHolds()
    {
        var (risk, wb, q, sectors) = SyntheticPortfolio.Create(80, 6, 11);
        var limits = Enumerable.Range(0, 10).Select(s => new SectorDeviationLimit("S" + s, 0.01)).ToList();
        var problem = TrackingErrorProblem.Create(risk, wb, q, 0.3m, null, new PortfolioConstraints(true, null, null, sectors, limits)).Value;

        var solution = TrackingErrorOptimizer.Solve(problem);

        solution.Status.ShouldBe(OptimizationStatus.Optimal);
        solution.SectorViolation.ShouldBeLessThan(1e-9);
        solution.BoundViolation.ShouldBeLessThan(1e-9);
        Math.Abs(solution.SumResidual).ShouldBeLessThan(1e-10);
        solution.StationarityResidual.ShouldBeLessThan(KktTolerance);
        Math.Abs(solution.DualityGap).ShouldBeLessThan(KktTolerance);
    }

    [Fact]
    public void UnreachableTarget_IsReportedInfeasibleBeforeSolving()
    {
        // Long-only, every name capped at 5 %: the greedy lowest-carbon fill gives the least carbon reachable; ask 99 %.
        var problem = Synthetic(40, 3, 5, 0.99m, new PortfolioConstraints(true, null, Enumerable.Repeat(0.05, 40).ToArray()));

        var solution = TrackingErrorOptimizer.Solve(problem);

        solution.Status.ShouldBe(OptimizationStatus.Infeasible);
        solution.Message.ShouldContain("outside the reachable range");
        // the same reason in zh-TW for the web page (every string localized)
        solution.MessageIn(zhTw: true).ShouldStartWith("不可行：碳排目標");
        solution.MessageIn(zhTw: true).ShouldContain("超出可達範圍");
        solution.MessageIn(zhTw: false).ShouldBe(solution.Message);
        solution.Reachability.Reachable.ShouldBeFalse();
        solution.Iterations.ShouldBe(0);
    }

    [Fact]
    public void Reachability_GreedyAgreesWithLinearProgram()
    {
        var upper = Enumerable.Repeat(0.1, 40).ToArray();
        var (risk, wb, q, sectors) = SyntheticPortfolio.Create(40, 3, 9);
        var greedy = TrackingErrorOptimizer.CheckReachability(TrackingErrorProblem.Create(risk, wb, q, 0.5m, null, new PortfolioConstraints(true, null, upper)).Value);
        // A loose sector limit forces the LP route without changing the answer.
        var lp = TrackingErrorOptimizer.CheckReachability(TrackingErrorProblem.Create(risk, wb, q, 0.5m, null,
            new PortfolioConstraints(true, null, upper, sectors, [new SectorDeviationLimit("S0", 10)])).Value);

        greedy.Method.ShouldBe("greedy fill");
        lp.Method.ShouldBe("LP (GLOP)");
        greedy.MinTonnes.ShouldBe(lp.MinTonnes, 1e-6 * greedy.MinTonnes);
        greedy.MaxTonnes.ShouldBe(lp.MaxTonnes, 1e-6 * greedy.MaxTonnes);
    }

    [Fact]
    public void InteriorPoint_AgreesWithOrToolsPdlp_OnSmallCase()
    {
        var n = 12;
        var lower = new double[n];
        var upper = Enumerable.Repeat(0.3, n).ToArray();
        var problem = Synthetic(n, 3, 21, 0.25m, new PortfolioConstraints(true, null, upper));

        var ipm = TrackingErrorOptimizer.Solve(problem);
        var (status, pdlp) = PdlpReference.Solve(problem, lower, upper, 1e-10);

        ipm.Status.ShouldBe(OptimizationStatus.Optimal);
        status.ShouldBe("OPTIMAL");
        for (var i = 0; i < n; i++)
        {
            ipm.Weights[i].ShouldBe(pdlp[i], 1e-7);
        }
        var pdlpTe2 = problem.Risk.ActiveVariance(Vector<double>.Build.Dense(n, i => pdlp[i] - problem.BenchmarkWeights[i]));
        ipm.TrackingErrorSquared.ShouldBeLessThanOrEqualTo(pdlpTe2 + 1e-10);
        (pdlpTe2 - ipm.TrackingErrorSquared).ShouldBeLessThan(1e-8 * Math.Max(1, pdlpTe2));
    }

    [Fact]
    public void ThesisSample_FourPercent_OptimalWithNamesWithoutEmissionsHeld()
    {
        var problem = ThesisSampleData.OptimizationProblem(0.04m);

        var solution = TrackingErrorOptimizer.Solve(problem);

        solution.Status.ShouldBe(OptimizationStatus.Optimal);
        (solution.CarbonTonnes / problem.CarbonTotal).ShouldBe(0.96, 1e-10);
        var names = problem.Risk.Names;
        foreach (var held in ThesisSampleData.NamesWithoutEmissions())
        {
            var i = names.ToList().IndexOf(held);
            solution.Weights[i].ShouldBe(problem.BenchmarkWeights[i], 1e-15);
        }
    }

    [Fact]
    public void Frontier_TrackingErrorGrowsWithReduction()
    {
        var problem = Synthetic(50, 5, 4, 0m);

        var frontier = TrackingErrorOptimizer.Frontier(problem, TrackingErrorOptimizer.Grid(0.4, 4));

        frontier[0].TrackingError.ShouldBe(0, 1e-6); // R = 0 (the benchmark itself is feasible)
        for (var i = 1; i < frontier.Count; i++)
        {
            frontier[i].TrackingError.ShouldBeGreaterThan(frontier[i - 1].TrackingError);
        }
    }

    [Fact]
    public void Create_BadInputs_ReportEveryField()
    {
        var (risk, wb, q, _) = SyntheticPortfolio.Create(5, 2, 1);
        wb[0] += 0.5;
        q[1] = -3;

        var outcome = TrackingErrorProblem.Create(risk, wb, q, 1.5m, null, new PortfolioConstraints(true, [0.5, 0, 0, 0, 0], [0.1, 1, 1, 1, 1]));

        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Select(p => p.Location.Field).ShouldBe(["reduction"], ignoreOrder: true);
        var outcome2 = TrackingErrorProblem.Create(risk, wb, q, 0.1m, null, new PortfolioConstraints(true, [0.5, 0, 0, 0, 0], [0.1, 1, 1, 1, 1]));
        outcome2.Problems.Select(p => p.Location.Field).ShouldBe(["carbonTonnes[1]", "bounds[0]", "benchmarkWeights"], ignoreOrder: true);
    }

    [FsCheck.Xunit.Property(MaxTest = 25)]
    public bool Optimiser_WeightsSumToOneWithin1e8(FsCheck.PositiveInt seed, byte reductionPct)
    {
        var problem = Synthetic(30, 3, seed.Get, reductionPct % 40 / 100m);
        var solution = TrackingErrorOptimizer.Solve(problem);
        return solution.Status == OptimizationStatus.Infeasible || Math.Abs(solution.Weights.Sum() - 1) <= 1e-8;
    }

    [Fact]
    public void RiskEstimator_LedoitWolf_ShrinksTowardScaledIdentity()
    {
        var rng = new Random(3);
        var returns = Matrix<double>.Build.Dense(24, 40, (_, _) => (rng.NextDouble() - 0.5) * 0.1);
        var names = Enumerable.Range(0, 40).Select(i => "A" + i).ToList();

        var (shrunk, delta) = RiskModelEstimator.LedoitWolf(returns);
        var model = RiskModelEstimator.FromReturns(names, returns, 3).Value;

        delta.ShouldBeInRange(0, 1);
        shrunk.Cholesky().ShouldNotBeNull(); // T = 24 < n = 40: the sample covariance is singular, the shrunk one is not
        model.Factors.ShouldBe(3);
        model.SpecificVariance.Minimum().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void RiskEstimator_FewerPeriodsThanFactorsPlusOne_ProblemOnReturns()
    {
        // Given 3 periods of 5 names: the de-meaned sample covariance has rank ≤ T − 1 = 2
        var rng = new Random(5);
        var returns = Matrix<double>.Build.Dense(3, 5, (_, _) => rng.NextDouble() * 0.1);
        var names = Enumerable.Range(0, 5).Select(i => "A" + i).ToList();

        // When 3 factors are asked for
        var outcome = RiskModelEstimator.FromReturns(names, returns, 3);

        // Then one problem on "returns", in English and zh-TW: 3 factors need 3 + 1 = 4 periods
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Count.ShouldBe(1);
        outcome.Problems[0].Location.Field.ShouldBe("returns");
        outcome.Problems[0].Message.ShouldBe("3 periods; a 3-factor model needs at least 4");
        outcome.Problems[0].MessageZhTw.ShouldBe("僅 3 期；3 因子模型至少需要 4 期");
    }

    [Fact]
    public void WithRisk_SampleOnEstimatedModel_KeepsBoundsAndMeetsConstraints()
    {
        // Given the thesis sample at R = 4 % and a 5-factor model estimated from 60 months of random returns of its 50 names
        var sample = ThesisSampleData.OptimizationProblem(0.04m);
        var rng = new Random(11);
        var returns = Matrix<double>.Build.Dense(60, sample.Assets, (_, _) => (rng.NextDouble() - 0.5) * 0.12);
        var risk = RiskModelEstimator.FromReturns(sample.Risk.Names, returns, 5).Value;

        // When the sample is solved under that model
        var problem = sample.WithRisk(risk);
        var s = TrackingErrorOptimizer.Solve(problem);

        // Then the estimator names the model, Σw = 1 and Σ Qᵢwᵢ = 0.96 Q_total to 1e-8, and the 7 names without emissions
        // stay at their benchmark weight (the sample's bounds, seed 001 data gaps in PROVENANCE.md)
        problem.Risk.Method.ShouldStartWith("PCA(5) of Ledoit-Wolf shrunk covariance");
        s.Status.ShouldBe(OptimizationStatus.Optimal);
        Math.Abs(s.Weights.Sum() - 1).ShouldBeLessThan(1e-8);
        Math.Abs((problem.CarbonTonnes.Zip(s.Weights, (q, w) => q * w).Sum() / (problem.CarbonTotal * 0.96)) - 1).ShouldBeLessThan(1e-8);
        foreach (var name in ThesisSampleData.NamesWithoutEmissions())
        {
            var i = problem.Risk.Names.ToList().IndexOf(name);
            Math.Abs(s.Weights[i] - problem.BenchmarkWeights[i]).ShouldBeLessThan(1e-8);
        }
    }

    /// <summary>Independent KKT check: gradient g = 2Σ(w − w_b); multipliers of the equality rows from least squares
    /// over the names strictly inside their bounds; then stationarity there and the sign conditions at the bounds.</summary>
    private static void AssertKkt(TrackingErrorProblem problem, IReadOnlyList<double> w, double[] lower, double[] upper)
    {
        var n = w.Count;
        var sigma = problem.Risk.DenseCovariance();
        var active = Vector<double>.Build.Dense(n, i => w[i] - problem.BenchmarkWeights[i]);
        var g = 2 * (sigma * active);
        var a = Matrix<double>.Build.Dense(n, 2, (i, j) => j == 0 ? 1 : problem.CarbonTonnes[i] / problem.CarbonTotal);
        var interior = Enumerable.Range(0, n).Where(i => w[i] - lower[i] > 1e-7 && upper[i] - w[i] > 1e-7).ToArray();
        var aI = Matrix<double>.Build.Dense(interior.Length, 2, (r, j) => a[interior[r], j]);
        var gI = Vector<double>.Build.Dense(interior.Length, r => g[interior[r]]);
        var y = aI.Solve(gI);
        var stationarity = g - (a * y);
        Math.Abs(w.Sum() - 1).ShouldBeLessThan(KktTolerance);
        Math.Abs(((a.Column(1) * Vector<double>.Build.DenseOfEnumerable(w)) - (1 - problem.Reduction))).ShouldBeLessThan(KktTolerance);
        for (var i = 0; i < n; i++)
        {
            (w[i] - lower[i]).ShouldBeGreaterThan(-KktTolerance);
            (upper[i] - w[i]).ShouldBeGreaterThan(-KktTolerance);
            if (interior.Contains(i))
            {
                Math.Abs(stationarity[i]).ShouldBeLessThan(KktTolerance, $"stationarity at {i}");
            }
            else if (w[i] - lower[i] <= 1e-7)
            {
                stationarity[i].ShouldBeGreaterThan(-KktTolerance, $"lower-bound multiplier sign at {i}");
            }
            else
            {
                stationarity[i].ShouldBeLessThan(KktTolerance, $"upper-bound multiplier sign at {i}");
            }
        }
    }
}
