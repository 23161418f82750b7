using System.Diagnostics;
using System.Globalization;
using CarbonLedger.Portfolio;

namespace CarbonLedger.Bench;

/// <summary>Tracking-error QP (SPEC §7 solver notes): n = 50, 500, 3,000 names, 10-factor model, long-only, per-name cap
/// 10 %, Σ w = 1 and a 30 % carbon reduction equality; synthetic data from a seeded RNG (SyntheticPortfolio).</summary>
public sealed class PortfolioSolverBenchmark : IBenchmark
{
    public string Name => "portfolio-qp";

    public string Description => "tracking-error QP (factor IPM): solve time, iterations, residuals, duality gap for n = 50/500/3000, k = 10";

    public Task RunAsync(TextWriter output, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        int[] sizes = quick ? [50, 500] : [50, 500, 3000];
        output.WriteLine("solver: " + TrackingErrorOptimizer.SolverName + "; long-only, w_i ≤ 0.10, Σw = 1, ΣQw = Q_total(1 − 0.30); seed 42");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"n",6} {"k",3} {"runs",4} {"median ms",10} {"min ms",8} {"iter",4} {"status",-8} {"|Σw−1|",9} {"|carbon| rel",12} {"bound viol",10} {"stationarity",12} {"complement.",11} {"dual gap",9} {"TE",8}"));
        foreach (var n in sizes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (risk, wb, q, _) = SyntheticPortfolio.Create(n, 10, 42);
            var upper = Enumerable.Repeat(0.10, n).ToArray();
            var problem = TrackingErrorProblem.Create(risk, wb, q, 0.30m, null, new PortfolioConstraints(true, null, upper)).Value;
            TrackingErrorOptimizer.Solve(problem); // warm-up (JIT)
            var runs = n >= 3000 ? 7 : 21;
            var times = new List<double>();
            TrackingErrorSolution? last = null;
            for (var r = 0; r < runs; r++)
            {
                var sw = Stopwatch.StartNew();
                last = TrackingErrorOptimizer.Solve(problem);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var s = last!;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{n,6} {10,3} {runs,4} {times[runs / 2],10:F3} {times[0],8:F3} {s.Iterations,4} {s.Status,-8} {Math.Abs(s.SumResidual),9:E1} {Math.Abs(s.CarbonResidualTonnes / problem.CarbonTotal),12:E1} {s.BoundViolation,10:E1} {s.StationarityResidual,12:E1} {s.Complementarity,11:E1} {s.DualityGap,9:E1} {s.TrackingError,8:P3}"));
        }
        output.WriteLine("aim: n = 50 < 5 ms, n = 3,000 < 1 s, constraints to 1e-8 (residuals are in weight units; carbon relative to Q_total)");
        return Task.CompletedTask;
    }
}
