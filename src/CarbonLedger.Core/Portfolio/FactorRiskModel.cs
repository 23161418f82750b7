using System.Globalization;
using CarbonLedger.Common;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonLedger.Portfolio;

/// <summary>A factor risk model Σ = B Ω Bᵀ + Δ (seed 001 eq. (1)): exposures B (n × k), factor covariance Ω (k × k,
/// symmetric positive definite) and specific variances Δ (n, positive). Variances are per period of the returns they
/// came from (annual for annual TE). Double precision throughout.</summary>
public sealed class FactorRiskModel
{
    private FactorRiskModel(IReadOnlyList<string> names, Matrix<double> exposures, Matrix<double> factorCovariance, Vector<double> specificVariance, string method)
    {
        Names = names;
        Exposures = exposures;
        FactorCovariance = factorCovariance;
        SpecificVariance = specificVariance;
        Method = method;
    }

    public IReadOnlyList<string> Names { get; }

    public Matrix<double> Exposures { get; }

    public Matrix<double> FactorCovariance { get; }

    public Vector<double> SpecificVariance { get; }

    /// <summary>How the model was obtained (supplied, or the estimator and its parameters).</summary>
    public string Method { get; }

    public int Assets => Exposures.RowCount;

    public int Factors => Exposures.ColumnCount;

    /// <summary>Validates and builds a model; every problem is reported with its field.</summary>
    public static Outcome<FactorRiskModel> Create(IReadOnlyList<string> names, Matrix<double> exposures, Matrix<double> factorCovariance, Vector<double> specificVariance, string method = "supplied")
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(factorCovariance);
        ArgumentNullException.ThrowIfNull(specificVariance);
        var problems = new List<Problem>();
        if (exposures.RowCount != names.Count)
        {
            problems.Add(Problem.AtField("exposures", Inv($"{exposures.RowCount} rows for {names.Count} names"), Inv($"{exposures.RowCount} 列，但有 {names.Count} 個名稱")));
        }
        if (specificVariance.Count != names.Count)
        {
            problems.Add(Problem.AtField("specificVariance", Inv($"{specificVariance.Count} values for {names.Count} names"), Inv($"{specificVariance.Count} 個值，但有 {names.Count} 個名稱")));
        }
        if (factorCovariance.RowCount != exposures.ColumnCount || factorCovariance.ColumnCount != exposures.ColumnCount)
        {
            problems.Add(Problem.AtField("factorCovariance", Inv($"must be {exposures.ColumnCount} × {exposures.ColumnCount}"), Inv($"須為 {exposures.ColumnCount} × {exposures.ColumnCount} 矩陣")));
        }
        for (var i = 0; i < specificVariance.Count; i++)
        {
            if (!(specificVariance[i] > 0) || double.IsInfinity(specificVariance[i]))
            {
                problems.Add(Problem.AtField(Inv($"specificVariance[{i}]"), Inv($"specific variance {specificVariance[i]} must be positive and finite"), Inv($"個別變異數 {specificVariance[i]} 須為有限正數")));
            }
        }
        if (exposures.Enumerate().Any(v => !double.IsFinite(v)))
        {
            problems.Add(Problem.AtField("exposures", "contains a non-finite value", "含有非有限數值"));
        }
        if (problems.Count == 0)
        {
            var asym = (factorCovariance - factorCovariance.Transpose()).InfinityNorm();
            if (asym > 1e-12 * Math.Max(1.0, factorCovariance.InfinityNorm()))
            {
                problems.Add(Problem.AtField("factorCovariance", "is not symmetric", "不是對稱矩陣"));
            }
            else if (factorCovariance.RowCount > 0)
            {
                var eig = factorCovariance.Evd(Symmetricity.Symmetric);
                if (eig.EigenValues.Real().Minimum() < -1e-12 * Math.Max(1.0, factorCovariance.InfinityNorm()))
                {
                    problems.Add(Problem.AtField("factorCovariance", "is not positive semi-definite", "不是半正定矩陣"));
                }
            }
        }
        return problems.Count > 0 ? Outcome<FactorRiskModel>.Failure(problems) : Outcome<FactorRiskModel>.Success(new FactorRiskModel(names, exposures, factorCovariance, specificVariance, method));
    }

    /// <summary>The dense covariance B Ω Bᵀ + Δ (for tests and small n only; the optimiser never forms it).</summary>
    public Matrix<double> DenseCovariance()
    {
        var s = Exposures * FactorCovariance * Exposures.Transpose();
        for (var i = 0; i < Assets; i++)
        {
            s[i, i] += SpecificVariance[i];
        }
        return s;
    }

    /// <summary>Active variance (w − w_b)ᵀ Σ (w − w_b) computed through the factors: |L ᵀ Bᵀ a|² + Σ Δ_i a_i².</summary>
    public double ActiveVariance(Vector<double> active)
    {
        ArgumentNullException.ThrowIfNull(active);
        var f = Exposures.TransposeThisAndMultiply(active);
        var factorPart = f * (FactorCovariance * f);
        var specific = 0.0;
        for (var i = 0; i < active.Count; i++)
        {
            specific += SpecificVariance[i] * active[i] * active[i];
        }
        return factorPart + specific;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Estimates a statistical factor model from a return history (issue 6 item 4). Method, documented:
/// <list type="number">
/// <item>Sample covariance S of the de-meaned returns (T periods × n assets, divisor T).</item>
/// <item>Ledoit-Wolf (2004, "A well-conditioned estimator for large-dimensional covariance matrices", J. Multivariate
/// Anal. 88) shrinkage toward m·I, m = tr(S)/n: Σ* = δ m I + (1 − δ) S, δ = min(b̄², d²)/d² with
/// d² = ‖S − mI‖²/n and b̄² = (1/T²) Σ_t ‖x_t x_tᵀ − S‖²/n (Frobenius norms).</item>
/// <item>Principal components of Σ*: B = the top k eigenvectors, Ω = diag(their eigenvalues), Δ_i = Σ*_ii − Σ_j B_ij² Ω_jj,
/// floored at 1 % of Σ*_ii so every name keeps specific risk.</item>
/// <item>Variances are scaled by <c>periodsPerYear</c> to annual units.</item>
/// </list>
/// The eigen-decomposition is dense O(n³): fine for a few hundred names; for thousands supply B, Ω, Δ instead.</summary>
public static class RiskModelEstimator
{
    /// <summary>Fewest periods a <paramref name="factors"/>-factor model can be estimated from: k + 1 (the de-meaned sample
    /// covariance of T periods has rank at most T − 1).</summary>
    public static int MinimumPeriods(int factors) => factors + 1;

    public static Outcome<FactorRiskModel> FromReturns(IReadOnlyList<string> names, Matrix<double> returns, int factors, double periodsPerYear = 12)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(returns);
        var problems = new List<Problem>();
        if (returns.ColumnCount != names.Count)
        {
            problems.Add(Problem.AtField("returns", Inv($"{returns.ColumnCount} columns for {names.Count} names"), Inv($"{returns.ColumnCount} 欄，但有 {names.Count} 個名稱")));
        }
        if (returns.RowCount < 2)
        {
            problems.Add(Problem.AtField("returns", "need at least two periods", "至少需要兩期報酬"));
        }
        if (factors < 1 || factors >= names.Count)
        {
            problems.Add(Problem.AtField("factors", Inv($"factor count {factors} must be in [1, n)"), Inv($"因子數 {factors} 須介於 [1, n)")));
        }
        else if (returns.RowCount >= 2 && returns.RowCount < MinimumPeriods(factors))
        {
            // The de-meaned sample covariance has rank ≤ T − 1, so k principal components need T − 1 ≥ k.
            problems.Add(Problem.AtField("returns", Inv($"{returns.RowCount} periods; a {factors}-factor model needs at least {MinimumPeriods(factors)}"),
                Inv($"僅 {returns.RowCount} 期；{factors} 因子模型至少需要 {MinimumPeriods(factors)} 期")));
        }
        if (returns.Enumerate().Any(v => !double.IsFinite(v)))
        {
            problems.Add(Problem.AtField("returns", "contains a missing or non-finite value", "含有缺值或非有限數值"));
        }
        if (problems.Count > 0)
        {
            return Outcome<FactorRiskModel>.Failure(problems);
        }
        var (shrunk, delta) = LedoitWolf(returns);
        shrunk *= periodsPerYear;
        var evd = shrunk.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Real();
        var order = Enumerable.Range(0, values.Count).OrderByDescending(i => values[i]).Take(factors).ToArray();
        var n = names.Count;
        var b = Matrix<double>.Build.Dense(n, factors);
        var omega = Matrix<double>.Build.Dense(factors, factors);
        for (var j = 0; j < factors; j++)
        {
            b.SetColumn(j, evd.EigenVectors.Column(order[j]));
            omega[j, j] = Math.Max(values[order[j]], 0);
        }
        var specific = Vector<double>.Build.Dense(n);
        for (var i = 0; i < n; i++)
        {
            var explained = 0.0;
            for (var j = 0; j < factors; j++)
            {
                explained += b[i, j] * b[i, j] * omega[j, j];
            }
            specific[i] = Math.Max(shrunk[i, i] - explained, 0.01 * shrunk[i, i]);
        }
        var method = string.Create(CultureInfo.InvariantCulture, $"PCA({factors}) of Ledoit-Wolf shrunk covariance, δ = {delta:0.####}, T = {returns.RowCount}, ×{periodsPerYear}/yr");
        return FactorRiskModel.Create(names, b, omega, specific, method);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    /// <summary>Ledoit-Wolf shrinkage toward a scaled identity; returns Σ* and the shrinkage intensity δ.</summary>
    public static (Matrix<double> Covariance, double Shrinkage) LedoitWolf(Matrix<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        var t = returns.RowCount;
        var n = returns.ColumnCount;
        var x = returns.Clone();
        for (var j = 0; j < n; j++)
        {
            var mean = x.Column(j).Average();
            for (var i = 0; i < t; i++)
            {
                x[i, j] -= mean;
            }
        }
        var s = x.TransposeThisAndMultiply(x) / t;
        var m = s.Trace() / n;
        var sMinusM = s.Clone();
        for (var i = 0; i < n; i++)
        {
            sMinusM[i, i] -= m;
        }
        var d2 = Math.Pow(sMinusM.FrobeniusNorm(), 2) / n;
        var sNorm2 = Math.Pow(s.FrobeniusNorm(), 2);
        var bBar2 = 0.0;
        for (var k = 0; k < t; k++)
        {
            var xk = x.Row(k);
            var xx = xk * xk;
            // ‖x xᵀ − S‖² = (xᵀx)² − 2 xᵀ S x + ‖S‖²
            bBar2 += (xx * xx) - (2 * (xk * (s * xk))) + sNorm2;
        }
        bBar2 = bBar2 / n / ((double)t * t);
        var b2 = Math.Min(bBar2, d2);
        var delta = d2 == 0 ? 1.0 : b2 / d2;
        var result = s * (1 - delta);
        for (var i = 0; i < n; i++)
        {
            result[i, i] += delta * m;
        }
        return (result, delta);
    }
}
