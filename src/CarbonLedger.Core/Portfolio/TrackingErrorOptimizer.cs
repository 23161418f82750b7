using System.Diagnostics;
using System.Globalization;
using CarbonLedger.Common;
using Google.OrTools.LinearSolver;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonLedger.Portfolio;

/// <summary>A limit on a sector's total active weight: |Σ_{i∈s} (w_i − w_b,i)| ≤ <see cref="MaxAbsoluteDeviation"/>.</summary>
public sealed record SectorDeviationLimit(string Sector, double MaxAbsoluteDeviation);

/// <summary>Optional constraints beyond Σ w = 1 and the carbon equality (SPEC §7). Bounds are weight fractions; a null
/// list means unbounded on that side (except long-only's 0 floor).</summary>
public sealed record PortfolioConstraints(
    bool LongOnly = true,
    IReadOnlyList<double>? LowerBounds = null,
    IReadOnlyList<double>? UpperBounds = null,
    IReadOnlyList<string?>? Sectors = null,
    IReadOnlyList<SectorDeviationLimit>? SectorLimits = null);

/// <summary>The tracking-error problem of seed 001 §2.2:
/// min TE² = (w − w_b)ᵀ (B Ω Bᵀ + Δ) (w − w_b)  s.t.  Σ w = 1,  Σ Q_i w_i = Q_total (1 − R),  plus <see cref="PortfolioConstraints"/>.
/// Carbon enters as decimal tonnes (the domain's unit) and is converted to double at this boundary; the optimiser works in
/// double, with the carbon row scaled by Q_total so both equality rows are O(1).</summary>
public sealed class TrackingErrorProblem
{
    private TrackingErrorProblem(FactorRiskModel risk, double[] benchmark, double[] carbon, double carbonTotal, double reduction, double[] lower, double[] upper, int[] sectorOf, string[] sectorNames, double[] sectorMaxDev)
    {
        Risk = risk;
        Benchmark = benchmark;
        Carbon = carbon;
        CarbonTotal = carbonTotal;
        Reduction = reduction;
        Lower = lower;
        Upper = upper;
        SectorOf = sectorOf;
        SectorNames = sectorNames;
        SectorMaxDeviation = sectorMaxDev;
    }

    public FactorRiskModel Risk { get; }

    internal double[] Benchmark { get; }

    internal double[] Carbon { get; }

    internal double[] Lower { get; }

    internal double[] Upper { get; }

    internal int[] SectorOf { get; }

    internal string[] SectorNames { get; }

    internal double[] SectorMaxDeviation { get; }

    public IReadOnlyList<double> BenchmarkWeights => Benchmark;

    public IReadOnlyList<double> CarbonTonnes => Carbon;

    /// <summary>Q_total: the portfolio carbon the reduction applies to (tonnes).</summary>
    public double CarbonTotal { get; }

    /// <summary>R: the required reduction (fraction).</summary>
    public double Reduction { get; }

    /// <summary>Σ Q_i w_i required = Q_total (1 − R), tonnes.</summary>
    public double CarbonTarget => CarbonTotal * (1 - Reduction);

    public int Assets => Benchmark.Length;

    /// <summary>The same problem with another reduction (for the frontier).</summary>
    public TrackingErrorProblem WithReduction(double reduction) =>
        new(Risk, Benchmark, Carbon, CarbonTotal, reduction, Lower, Upper, SectorOf, SectorNames, SectorMaxDeviation);

    /// <summary>The same problem under another risk model of the same names in the same order (a model estimated from a
    /// return history in place of the supplied one).</summary>
    public TrackingErrorProblem WithRisk(FactorRiskModel risk)
    {
        ArgumentNullException.ThrowIfNull(risk);
        if (!risk.Names.SequenceEqual(Risk.Names, StringComparer.Ordinal))
        {
            throw new ArgumentException("The risk model must cover the same names in the same order.", nameof(risk));
        }
        return new(risk, Benchmark, Carbon, CarbonTotal, Reduction, Lower, Upper, SectorOf, SectorNames, SectorMaxDeviation);
    }

    /// <summary>Validates inputs (every problem with its field) and builds the problem. <paramref name="carbonTotalTonnes"/>
    /// defaults to Σ Q_i w_b,i.</summary>
    public static Outcome<TrackingErrorProblem> Create(FactorRiskModel risk, IReadOnlyList<double> benchmarkWeights, IReadOnlyList<decimal> carbonTonnes,
        decimal reduction, decimal? carbonTotalTonnes = null, PortfolioConstraints? constraints = null, double weightTolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(risk);
        ArgumentNullException.ThrowIfNull(benchmarkWeights);
        ArgumentNullException.ThrowIfNull(carbonTonnes);
        constraints ??= new PortfolioConstraints();
        var n = risk.Assets;
        var problems = new List<Problem>();
        if (benchmarkWeights.Count != n)
        {
            problems.Add(Problem.AtField("benchmarkWeights", Inv($"{benchmarkWeights.Count} weights for {n} names in the risk model"), Inv($"{benchmarkWeights.Count} 個權重，但風險模型有 {n} 個名稱")));
        }
        if (carbonTonnes.Count != n)
        {
            problems.Add(Problem.AtField("carbonTonnes", Inv($"{carbonTonnes.Count} values for {n} names in the risk model"), Inv($"{carbonTonnes.Count} 個值，但風險模型有 {n} 個名稱")));
        }
        if (reduction is < 0m or >= 1m)
        {
            problems.Add(Problem.AtField("reduction", Inv($"reduction {reduction} must be in [0, 1)"), Inv($"減碳幅度 {reduction} 須介於 [0, 1)")));
        }
        CheckLength(constraints.LowerBounds, n, "lowerBounds", problems);
        CheckLength(constraints.UpperBounds, n, "upperBounds", problems);
        CheckLength(constraints.Sectors, n, "sectors", problems);
        if (problems.Count > 0)
        {
            return Outcome<TrackingErrorProblem>.Failure(problems);
        }
        var wb = new double[n];
        var q = new double[n];
        var lower = new double[n];
        var upper = new double[n];
        for (var i = 0; i < n; i++)
        {
            wb[i] = benchmarkWeights[i];
            if (!double.IsFinite(wb[i]))
            {
                problems.Add(Problem.AtField(Inv($"benchmarkWeights[{i}]"), "is not a finite number", "不是有限數值"));
            }
            else if (constraints.LongOnly && wb[i] < 0)
            {
                problems.Add(Problem.AtField(Inv($"benchmarkWeights[{i}]"), Inv($"weight {wb[i]} is negative"), Inv($"權重 {wb[i]} 為負")));
            }
            if (carbonTonnes[i] < 0m)
            {
                problems.Add(Problem.AtField(Inv($"carbonTonnes[{i}]"), Inv($"emissions {carbonTonnes[i]} t are negative"), Inv($"排放量 {carbonTonnes[i]} 公噸為負")));
            }
            q[i] = (double)carbonTonnes[i];
            lower[i] = constraints.LowerBounds?[i] ?? double.NegativeInfinity;
            upper[i] = constraints.UpperBounds?[i] ?? double.PositiveInfinity;
            if (constraints.LongOnly)
            {
                lower[i] = Math.Max(lower[i], 0);
            }
            if (double.IsNaN(lower[i]) || double.IsNaN(upper[i]) || lower[i] > upper[i])
            {
                problems.Add(Problem.AtField(Inv($"bounds[{i}]"), Inv($"lower bound {lower[i]} exceeds upper bound {upper[i]}"), Inv($"下限 {lower[i]} 大於上限 {upper[i]}")));
            }
        }
        var sum = wb.Sum();
        if (Math.Abs(sum - 1) > weightTolerance)
        {
            problems.Add(Problem.AtField("benchmarkWeights", Inv($"benchmark weights sum to {sum:R}, not 1 (tolerance {weightTolerance})"), Inv($"基準權重合計 {sum:R}，不等於 1（容許誤差 {weightTolerance}）")));
        }
        var sectorOf = Enumerable.Repeat(-1, n).ToArray();
        var sectorNames = new List<string>();
        var sectorDev = new List<double>();
        if (constraints.SectorLimits is { Count: > 0 } limits)
        {
            if (constraints.Sectors is null)
            {
                problems.Add(Problem.AtField("sectors", "sector limits need a sector for every name", "產業偏離限制需要每個名稱都有產業別"));
            }
            else
            {
                foreach (var limit in limits)
                {
                    if (!(limit.MaxAbsoluteDeviation >= 0))
                    {
                        problems.Add(Problem.AtField($"sectorLimits['{limit.Sector}']", "maximum deviation must be non-negative", "最大偏離不得為負"));
                        continue;
                    }
                    var index = sectorNames.Count;
                    sectorNames.Add(limit.Sector);
                    sectorDev.Add(limit.MaxAbsoluteDeviation);
                    var members = 0;
                    for (var i = 0; i < n; i++)
                    {
                        if (string.Equals(constraints.Sectors[i], limit.Sector, StringComparison.Ordinal))
                        {
                            sectorOf[i] = index;
                            members++;
                        }
                    }
                    if (members == 0)
                    {
                        problems.Add(Problem.AtField($"sectorLimits['{limit.Sector}']", "no name is in this sector", "此產業沒有任何名稱"));
                    }
                }
            }
        }
        var total = carbonTotalTonnes is { } t ? (double)t : q.Zip(wb, (a, b) => a * b).Sum();
        if (!(total > 0))
        {
            problems.Add(Problem.AtField("carbonTotal", "portfolio carbon must be positive", "投資組合碳排放須為正數"));
        }
        return problems.Count > 0
            ? Outcome<TrackingErrorProblem>.Failure(problems)
            : Outcome<TrackingErrorProblem>.Success(new TrackingErrorProblem(risk, wb, q, total, (double)reduction, lower, upper, sectorOf, [.. sectorNames], [.. sectorDev]));
    }

    private static void CheckLength<T>(IReadOnlyList<T>? list, int n, string field, List<Problem> problems)
    {
        if (list is not null && list.Count != n)
        {
            problems.Add(Problem.AtField(field, Inv($"{list.Count} values for {n} names"), Inv($"{list.Count} 個值，但有 {n} 個名稱")));
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Outcome of the optimiser.</summary>
public enum OptimizationStatus
{
    Optimal,

    /// <summary>The carbon target (or Σ w = 1) cannot be met under the bounds; decided before solving.</summary>
    Infeasible,

    /// <summary>The solver stopped before its tolerances; residuals say how far it got.</summary>
    NotConverged,
}

/// <summary>The lowest and highest Σ Q_i w_i reachable with Σ w = 1 under the bounds (and sector limits), and whether
/// the target lies between. Without sector limits a greedy fill (lowest/highest carbon first, each name from its lower
/// to its upper bound) decides it exactly (a fractional knapsack); with sector limits or infinite bounds an LP (GLOP,
/// infinite bounds capped at ±10⁶).</summary>
public sealed record CarbonReachability(double MinTonnes, double MaxTonnes, double TargetTonnes, bool BudgetFeasible, bool Reachable, string Method)
{
    /// <summary>Largest reduction reachable, 1 − min/Q_total.</summary>
    public double MaxReduction(double carbonTotal) => 1 - (MinTonnes / carbonTotal);
}

/// <summary>The optimiser's answer with everything needed to trust it (SPEC §7: status, objective, constraint
/// residuals, KKT residuals / duality gap, iterations, time).</summary>
public sealed record TrackingErrorSolution(
    OptimizationStatus Status,
    string Message,
    IReadOnlyList<double> Weights,
    double TrackingErrorSquared,
    double TrackingError,
    double CarbonTonnes,
    double CarbonTargetTonnes,
    double SumResidual,
    double CarbonResidualTonnes,
    double BoundViolation,
    double SectorViolation,
    double StationarityResidual,
    double Complementarity,
    double DualityGap,
    int Iterations,
    TimeSpan Elapsed,
    CarbonReachability Reachability,
    string Solver,
    string? MessageZhTw = null)
{
    /// <summary><see cref="Message"/> in the requested language.</summary>
    public string MessageIn(bool zhTw) => zhTw && MessageZhTw is not null ? MessageZhTw : Message;
}

/// <summary>One point of the TE-vs-reduction frontier.</summary>
public sealed record FrontierPoint(double Reduction, OptimizationStatus Status, double TrackingError, double CarbonTonnes);

/// <summary>Minimises ex-ante tracking error under the carbon constraint with <see cref="FactorQpSolver"/>.</summary>
public static class TrackingErrorOptimizer
{
    public const string SolverName = "factor-IPM (Mehrotra predictor-corrector, Woodbury)";

    public static CarbonReachability CheckReachability(TrackingErrorProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var n = problem.Assets;
        var target = problem.CarbonTarget;
        var tol = 1e-9 * Math.Max(1, problem.CarbonTotal);
        var anyInfinite = problem.Lower.Any(double.IsInfinity) || problem.Upper.Any(double.IsInfinity);
        if (problem.SectorNames.Length > 0 || anyInfinite)
        {
            var (min, okMin) = LinearCarbon(problem, minimise: true);
            var (max, okMax) = LinearCarbon(problem, minimise: false);
            var feasible = okMin && okMax;
            return new CarbonReachability(min, max, target, feasible, feasible && min - tol <= target && target <= max + tol, "LP (GLOP)");
        }
        var budget = 1 - problem.Lower.Sum();
        var capacity = problem.Upper.Zip(problem.Lower, (u, l) => u - l).Sum();
        var budgetFeasible = budget >= -1e-12 && budget <= capacity + 1e-12;
        var order = Enumerable.Range(0, n).OrderBy(i => problem.Carbon[i]).ToArray();
        double Fill(IEnumerable<int> sequence)
        {
            var remaining = budget;
            var carbon = 0.0;
            for (var i = 0; i < n; i++)
            {
                carbon += problem.Carbon[i] * problem.Lower[i];
            }
            foreach (var i in sequence)
            {
                var take = Math.Min(problem.Upper[i] - problem.Lower[i], Math.Max(remaining, 0));
                carbon += problem.Carbon[i] * take;
                remaining -= take;
            }
            return carbon;
        }
        var minC = Fill(order);
        var maxC = Fill(order.Reverse());
        return new CarbonReachability(minC, maxC, target, budgetFeasible, budgetFeasible && minC - tol <= target && target <= maxC + tol, "greedy fill");
    }

    public static TrackingErrorSolution Solve(TrackingErrorProblem problem, QpTolerances? tolerances = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        var reach = CheckReachability(problem);
        var n = problem.Assets;
        if (!reach.Reachable)
        {
            var (why, whyZh) = !reach.BudgetFeasible
                ? ("the bounds do not admit Σ w = 1", "權重上下限無法使 Σ w = 1")
                : (string.Create(CultureInfo.InvariantCulture, $"carbon target {reach.TargetTonnes:N0} t is outside the reachable range [{reach.MinTonnes:N0}, {reach.MaxTonnes:N0}] t (max reduction {reach.MaxReduction(problem.CarbonTotal):P2})"),
                   string.Create(CultureInfo.InvariantCulture, $"碳排目標 {reach.TargetTonnes:N0} 公噸超出可達範圍 [{reach.MinTonnes:N0}, {reach.MaxTonnes:N0}] 公噸（最大減量 {reach.MaxReduction(problem.CarbonTotal):P2}）"));
            return new TrackingErrorSolution(OptimizationStatus.Infeasible, "infeasible: " + why, [], double.NaN, double.NaN, double.NaN, problem.CarbonTarget,
                double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, clock.Elapsed, reach, SolverName, "不可行：" + whyZh);
        }

        // Standard form over x = [w; t_s] (t_s = sector weights), Q = 2Σ on w, 0 on t; fixed names eliminated.
        var risk = problem.Risk;
        var k = risk.Factors;
        var sectors = problem.SectorNames.Length;
        var total = n + sectors;
        var chol = FactorSquareRoot(risk);
        var vFull = new double[total, k];
        var dFull = new double[total];
        var sqrt2 = Math.Sqrt(2);
        for (var i = 0; i < n; i++)
        {
            dFull[i] = 2 * risk.SpecificVariance[i];
            for (var p = 0; p < k; p++)
            {
                var s = 0.0;
                for (var r = 0; r < k; r++)
                {
                    s += risk.Exposures[i, r] * chol[r, p];
                }
                vFull[i, p] = sqrt2 * s;
            }
        }
        var wbFull = new double[total];
        Array.Copy(problem.Benchmark, wbFull, n);
        var lower = new double[total];
        var upper = new double[total];
        Array.Copy(problem.Lower, lower, n);
        Array.Copy(problem.Upper, upper, n);
        for (var s = 0; s < sectors; s++)
        {
            var wbS = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (problem.SectorOf[i] == s)
                {
                    wbS += problem.Benchmark[i];
                }
            }
            wbFull[n + s] = wbS;
            lower[n + s] = wbS - problem.SectorMaxDeviation[s];
            upper[n + s] = wbS + problem.SectorMaxDeviation[s];
        }
        var m = 2 + sectors;
        var aFull = new double[m, total];
        var bFull = new double[m];
        for (var i = 0; i < n; i++)
        {
            aFull[0, i] = 1;
            aFull[1, i] = problem.Carbon[i] / problem.CarbonTotal;
            if (problem.SectorOf[i] >= 0)
            {
                aFull[2 + problem.SectorOf[i], i] = 1;
            }
        }
        for (var s = 0; s < sectors; s++)
        {
            aFull[2 + s, n + s] = -1;
        }
        bFull[0] = 1;
        bFull[1] = 1 - problem.Reduction;

        // c = −Q w_b (w part); Q w_b through the factors.
        var qwb = new double[total];
        var fwb = new double[k];
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < k; p++)
            {
                fwb[p] += vFull[i, p] * wbFull[i];
            }
        }
        for (var i = 0; i < n; i++)
        {
            var s = dFull[i] * wbFull[i];
            for (var p = 0; p < k; p++)
            {
                s += vFull[i, p] * fwb[p];
            }
            qwb[i] = s;
        }

        var free = Enumerable.Range(0, total).Where(i => !(upper[i] - lower[i] <= 1e-15)).ToArray();
        var fixedIdx = Enumerable.Range(0, total).Where(i => upper[i] - lower[i] <= 1e-15).ToArray();
        var nf = free.Length;
        var d = new double[nf];
        var v = new double[nf, k];
        var c = new double[nf];
        var a = new double[m, nf];
        var b = (double[])bFull.Clone();
        var l = new double[nf];
        var u = new double[nf];
        var start = new double[nf];
        var fixedFactor = new double[k];
        foreach (var i in fixedIdx)
        {
            for (var p = 0; p < k; p++)
            {
                fixedFactor[p] += vFull[i, p] * lower[i];
            }
            for (var j = 0; j < m; j++)
            {
                b[j] -= aFull[j, i] * lower[i];
            }
        }
        for (var f = 0; f < nf; f++)
        {
            var i = free[f];
            d[f] = dFull[i];
            c[f] = -qwb[i];
            for (var p = 0; p < k; p++)
            {
                v[f, p] = vFull[i, p];
                c[f] += vFull[i, p] * fixedFactor[p];
            }
            for (var j = 0; j < m; j++)
            {
                a[j, f] = aFull[j, i];
            }
            l[f] = lower[i];
            u[f] = upper[i];
            start[f] = wbFull[i];
        }
        var qp = FactorQpSolver.Solve(d, v, c, a, b, l, u, start, tolerances);

        var weights = new double[n];
        foreach (var i in fixedIdx.Where(i => i < n))
        {
            weights[i] = lower[i];
        }
        for (var f = 0; f < nf; f++)
        {
            if (free[f] < n)
            {
                weights[free[f]] = qp.X[f];
            }
        }
        var active = Vector<double>.Build.Dense(n, i => weights[i] - problem.Benchmark[i]);
        var te2 = risk.ActiveVariance(active);
        var carbon = 0.0;
        var boundViolation = 0.0;
        for (var i = 0; i < n; i++)
        {
            carbon += problem.Carbon[i] * weights[i];
            boundViolation = Math.Max(boundViolation, Math.Max(problem.Lower[i] - weights[i], weights[i] - problem.Upper[i]));
        }
        var sectorViolation = 0.0;
        for (var s = 0; s < sectors; s++)
        {
            var dev = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (problem.SectorOf[i] == s)
                {
                    dev += weights[i] - problem.Benchmark[i];
                }
            }
            sectorViolation = Math.Max(sectorViolation, Math.Abs(dev) - problem.SectorMaxDeviation[s]);
        }
        var status = qp.Status == QpStatus.Optimal ? OptimizationStatus.Optimal : OptimizationStatus.NotConverged;
        var message = status == OptimizationStatus.Optimal
            ? string.Create(CultureInfo.InvariantCulture, $"optimal in {qp.Iterations} iterations")
            : string.Create(CultureInfo.InvariantCulture, $"not converged after {qp.Iterations} iterations (primal {qp.PrimalResidual:E1}, dual {qp.DualResidual:E1}, complementarity {qp.Complementarity:E1})");
        var messageZh = status == OptimizationStatus.Optimal
            ? string.Create(CultureInfo.InvariantCulture, $"經 {qp.Iterations} 次迭代得最適解")
            : string.Create(CultureInfo.InvariantCulture, $"{qp.Iterations} 次迭代後未收斂（原始殘差 {qp.PrimalResidual:E1}，對偶殘差 {qp.DualResidual:E1}，互補性 {qp.Complementarity:E1}）");
        return new TrackingErrorSolution(status, message, weights, te2, Math.Sqrt(Math.Max(te2, 0)), carbon, problem.CarbonTarget,
            weights.Sum() - 1, carbon - problem.CarbonTarget, Math.Max(boundViolation, 0), Math.Max(sectorViolation, 0),
            qp.DualResidual, qp.Complementarity, qp.DualityGap, qp.Iterations, clock.Elapsed, reach, SolverName, messageZh);
    }

    /// <summary>TE against required reduction (SPEC §7 frontier): one solve per reduction.</summary>
    public static IReadOnlyList<FrontierPoint> Frontier(TrackingErrorProblem problem, IEnumerable<double> reductions)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(reductions);
        var points = new List<FrontierPoint>();
        foreach (var r in reductions)
        {
            var s = Solve(problem.WithReduction(r));
            points.Add(new FrontierPoint(r, s.Status, s.TrackingError, s.CarbonTonnes));
        }
        return points;
    }

    /// <summary>Evenly spaced reductions from 0 to <paramref name="max"/> (inclusive) in <paramref name="steps"/> steps.</summary>
    public static IReadOnlyList<double> Grid(double max, int steps) => [.. Enumerable.Range(0, steps + 1).Select(i => max * i / steps)];

    /// <summary>L with Ω = L Lᵀ (Cholesky; eigen square root when Ω is only semi-definite).</summary>
    private static double[,] FactorSquareRoot(FactorRiskModel risk)
    {
        var k = risk.Factors;
        var result = new double[k, k];
        if (k == 0)
        {
            return result;
        }
        try
        {
            var l = risk.FactorCovariance.Cholesky().Factor;
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    result[i, j] = l[i, j];
                }
            }
        }
        catch (ArgumentException)
        {
            var evd = risk.FactorCovariance.Evd(Symmetricity.Symmetric);
            var vals = evd.EigenValues.Real();
            for (var i = 0; i < k; i++)
            {
                for (var j = 0; j < k; j++)
                {
                    result[i, j] = evd.EigenVectors[i, j] * Math.Sqrt(Math.Max(vals[j], 0));
                }
            }
        }
        return result;
    }

    private static (double Value, bool Feasible) LinearCarbon(TrackingErrorProblem problem, bool minimise)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        var n = problem.Assets;
        var w = new Variable[n];
        for (var i = 0; i < n; i++)
        {
            w[i] = solver.MakeNumVar(Finite(problem.Lower[i]), Finite(problem.Upper[i]), "w" + i.ToString(CultureInfo.InvariantCulture));
        }
        var sum = solver.MakeConstraint(1, 1, "budget");
        for (var i = 0; i < n; i++)
        {
            sum.SetCoefficient(w[i], 1);
        }
        for (var s = 0; s < problem.SectorNames.Length; s++)
        {
            var wbS = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (problem.SectorOf[i] == s)
                {
                    wbS += problem.Benchmark[i];
                }
            }
            var row = solver.MakeConstraint(wbS - problem.SectorMaxDeviation[s], wbS + problem.SectorMaxDeviation[s], "sector" + s.ToString(CultureInfo.InvariantCulture));
            for (var i = 0; i < n; i++)
            {
                if (problem.SectorOf[i] == s)
                {
                    row.SetCoefficient(w[i], 1);
                }
            }
        }
        var objective = solver.Objective();
        for (var i = 0; i < n; i++)
        {
            objective.SetCoefficient(w[i], problem.Carbon[i]);
        }
        if (minimise)
        {
            objective.SetMinimization();
        }
        else
        {
            objective.SetMaximization();
        }
        var status = solver.Solve();
        return status switch
        {
            Solver.ResultStatus.OPTIMAL => (objective.Value(), true),
            Solver.ResultStatus.UNBOUNDED => (minimise ? double.NegativeInfinity : double.PositiveInfinity, true),
            _ => (double.NaN, false),
        };
    }

    /// <summary>Infinite bounds are capped at ±10⁶ (a weight of a million times the portfolio) for the reachability LP.</summary>
    private static double Finite(double bound) => Math.Clamp(bound, -1e6, 1e6);
}
