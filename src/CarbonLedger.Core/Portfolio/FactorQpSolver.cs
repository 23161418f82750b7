using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace CarbonLedger.Portfolio;

/// <summary>Termination of <see cref="FactorQpSolver"/>.</summary>
public enum QpStatus
{
    Optimal,
    NotConverged,
}

/// <summary>Tolerances of <see cref="FactorQpSolver"/>: relative primal and dual residuals and complementarity per bound.</summary>
public sealed record QpTolerances(double Primal = 1e-13, double Dual = 1e-12, double Complementarity = 1e-14, int MaxIterations = 100);

/// <summary>Solution of a factor-structured QP with its KKT measures.</summary>
public sealed record QpResult(
    QpStatus Status,
    double[] X,
    double[] EqualityMultipliers,
    double[] LowerMultipliers,
    double[] UpperMultipliers,
    int Iterations,
    double PrimalResidual,
    double DualResidual,
    double Complementarity,
    double PrimalObjective,
    double DualObjective,
    TimeSpan Elapsed)
{
    /// <summary>Primal − dual objective (≥ 0 up to rounding; 0 at an exact KKT point).</summary>
    public double DualityGap => PrimalObjective - DualObjective;
}

/// <summary>Primal-dual interior-point method (Mehrotra predictor-corrector) for
/// min ½ xᵀ (D + V Vᵀ) x + cᵀ x  s.t.  A x = b,  l ≤ x ≤ u,
/// with D diagonal (N), V (N × k) a factor loading and a few equality rows (m). Each Newton system is solved by the
/// Woodbury identity over the factor model: (E + V Vᵀ)⁻¹ = E⁻¹ − E⁻¹V (I + VᵀE⁻¹V)⁻¹ VᵀE⁻¹ with E = D + Θ diagonal, so an
/// iteration costs O(N k² + N k m) plus a k × k Cholesky and an m × m solve (MathNet), never an N × N factorisation.
/// Bounds may be infinite. Every free variable needs D_i &gt; 0 or a finite bound. Double precision.</summary>
public static class FactorQpSolver
{
    public static QpResult Solve(double[] d, double[,] v, double[] c, double[,] a, double[] b, double[] lower, double[] upper, double[]? start = null, QpTolerances? tolerances = null)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(v);
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        var tol = tolerances ?? new QpTolerances();
        var clock = Stopwatch.StartNew();
        var n = d.Length;
        var k = v.GetLength(1);
        var m = b.Length;
        if (v.GetLength(0) != n || c.Length != n || a.GetLength(1) != n || a.GetLength(0) != m || lower.Length != n || upper.Length != n)
        {
            throw new ArgumentException("dimensions of the QP data disagree");
        }
        var hasL = new bool[n];
        var hasU = new bool[n];
        var nb = 0;
        for (var i = 0; i < n; i++)
        {
            hasL[i] = !double.IsNegativeInfinity(lower[i]);
            hasU[i] = !double.IsPositiveInfinity(upper[i]);
            if (hasL[i] && hasU[i] && !(upper[i] > lower[i]))
            {
                throw new ArgumentException("every variable needs lower < upper (eliminate fixed variables first)", nameof(lower));
            }
            if (!hasL[i] && !hasU[i] && !(d[i] > 0))
            {
                throw new ArgumentException("a free variable needs a positive diagonal", nameof(d));
            }
            nb += (hasL[i] ? 1 : 0) + (hasU[i] ? 1 : 0);
        }

        // Starting point: the hint pushed strictly inside its bounds; duals from a small barrier parameter.
        var scale = 1.0 / Math.Max(n, 1);
        var x = new double[n];
        var zl = new double[n];
        var zu = new double[n];
        for (var i = 0; i < n; i++)
        {
            var hint = start?[i] ?? 0.0;
            if (hasL[i] && hasU[i])
            {
                var margin = Math.Min(0.25 * (upper[i] - lower[i]), scale);
                x[i] = Math.Clamp(hint, lower[i] + margin, upper[i] - margin);
            }
            else if (hasL[i])
            {
                x[i] = Math.Max(hint, lower[i] + scale);
            }
            else if (hasU[i])
            {
                x[i] = Math.Min(hint, upper[i] - scale);
            }
            else
            {
                x[i] = hint;
            }
            if (hasL[i])
            {
                zl[i] = 1.0;
            }
            if (hasU[i])
            {
                zu[i] = 1.0;
            }
        }
        var y = new double[m];
        var normB = 1 + InfNorm(b);
        var normC = 1 + InfNorm(c);

        var rp = new double[m];
        var rd = new double[n];
        var qx = new double[n];
        var sl = new double[n];
        var su = new double[n];
        var e = new double[n];
        var w = new double[n * k];
        var hinvAt = new double[m * n];
        var iterations = 0;
        var status = QpStatus.NotConverged;
        double primalRes = double.NaN, dualRes = double.NaN, compl = double.NaN;
        var dxAff = new double[n];
        var dzlAff = new double[n];
        var dzuAff = new double[n];
        var r1 = new double[n];
        var rl = new double[n];
        var ru = new double[n];
        var dx = new double[n];
        var dy = new double[m];
        var dzl = new double[n];
        var dzu = new double[n];

        while (true)
        {
            // Residuals.
            MultiplyQ(d, v, x, qx, k);
            for (var j = 0; j < m; j++)
            {
                var s = b[j];
                for (var i = 0; i < n; i++)
                {
                    s -= a[j, i] * x[i];
                }
                rp[j] = s;
            }
            for (var i = 0; i < n; i++)
            {
                var s = qx[i] + c[i] - zl[i] + zu[i];
                for (var j = 0; j < m; j++)
                {
                    s -= a[j, i] * y[j];
                }
                rd[i] = s;
                sl[i] = hasL[i] ? x[i] - lower[i] : 0;
                su[i] = hasU[i] ? upper[i] - x[i] : 0;
            }
            compl = 0;
            for (var i = 0; i < n; i++)
            {
                compl += (hasL[i] ? sl[i] * zl[i] : 0) + (hasU[i] ? su[i] * zu[i] : 0);
            }
            var mu = nb == 0 ? 0 : compl / nb;
            primalRes = InfNorm(rp);
            dualRes = InfNorm(rd);
            if (primalRes <= tol.Primal * normB && dualRes <= tol.Dual * normC && mu <= tol.Complementarity)
            {
                status = QpStatus.Optimal;
                break;
            }
            if (iterations >= tol.MaxIterations)
            {
                break;
            }
            iterations++;

            // Factorise the Newton system: H = E + V Vᵀ with E = D + Θ.
            for (var i = 0; i < n; i++)
            {
                e[i] = d[i] + (hasL[i] ? zl[i] / sl[i] : 0) + (hasU[i] ? zu[i] / su[i] : 0);
            }
            var cap = Matrix<double>.Build.DenseIdentity(k);
            for (var i = 0; i < n; i++)
            {
                var inv = 1.0 / e[i];
                for (var p = 0; p < k; p++)
                {
                    w[(i * k) + p] = v[i, p] * inv;
                }
            }
            for (var p = 0; p < k; p++)
            {
                for (var q = p; q < k; q++)
                {
                    var s = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        s += v[i, p] * w[(i * k) + q];
                    }
                    cap[p, q] += s;
                    if (q != p)
                    {
                        cap[q, p] += s;
                    }
                }
            }
            var capChol = k > 0 ? cap.Cholesky() : null;
            var tmp = new double[n];
            for (var j = 0; j < m; j++)
            {
                for (var i = 0; i < n; i++)
                {
                    tmp[i] = a[j, i];
                }
                var col = HSolve(e, v, w, capChol, tmp, k);
                Array.Copy(col, 0, hinvAt, j * n, n);
            }
            var schur = Matrix<double>.Build.Dense(m, m);
            for (var p = 0; p < m; p++)
            {
                for (var q = 0; q < m; q++)
                {
                    var s = 0.0;
                    for (var i = 0; i < n; i++)
                    {
                        s += a[p, i] * hinvAt[(q * n) + i];
                    }
                    schur[p, q] = s;
                }
            }
            var schurLu = m > 0 ? schur.LU() : null;

            // Predictor (affine scaling).
            for (var i = 0; i < n; i++)
            {
                rl[i] = hasL[i] ? -sl[i] * zl[i] : 0;
                ru[i] = hasU[i] ? -su[i] * zu[i] : 0;
            }
            NewtonDirection(n, m, k, d, v, a, e, w, capChol, hinvAt, schurLu, hasL, hasU, sl, su, zl, zu, rd, rp, rl, ru, r1, dxAff, dy, dzlAff, dzuAff);
            var alphaAff = MaxStep(n, hasL, hasU, sl, su, zl, zu, dxAff, dzlAff, dzuAff);
            double sigma = 0;
            if (nb > 0)
            {
                var muAff = 0.0;
                for (var i = 0; i < n; i++)
                {
                    if (hasL[i])
                    {
                        muAff += (sl[i] + (alphaAff * dxAff[i])) * (zl[i] + (alphaAff * dzlAff[i]));
                    }
                    if (hasU[i])
                    {
                        muAff += (su[i] - (alphaAff * dxAff[i])) * (zu[i] + (alphaAff * dzuAff[i]));
                    }
                }
                muAff /= nb;
                sigma = Math.Pow(muAff / mu, 3);
            }

            // Corrector.
            for (var i = 0; i < n; i++)
            {
                rl[i] = hasL[i] ? (sigma * mu) - (sl[i] * zl[i]) - (dxAff[i] * dzlAff[i]) : 0;
                ru[i] = hasU[i] ? (sigma * mu) - (su[i] * zu[i]) + (dxAff[i] * dzuAff[i]) : 0;
            }
            NewtonDirection(n, m, k, d, v, a, e, w, capChol, hinvAt, schurLu, hasL, hasU, sl, su, zl, zu, rd, rp, rl, ru, r1, dx, dy, dzl, dzu);
            var alpha = nb == 0 ? 1.0 : Math.Min(1.0, 0.995 * MaxStep(n, hasL, hasU, sl, su, zl, zu, dx, dzl, dzu));
            for (var i = 0; i < n; i++)
            {
                x[i] += alpha * dx[i];
                zl[i] += alpha * dzl[i];
                zu[i] += alpha * dzu[i];
            }
            for (var j = 0; j < m; j++)
            {
                y[j] += alpha * dy[j];
            }
        }

        MultiplyQ(d, v, x, qx, k);
        var primalObj = 0.0;
        var quad = 0.0;
        for (var i = 0; i < n; i++)
        {
            quad += x[i] * qx[i];
            primalObj += c[i] * x[i];
        }
        primalObj += 0.5 * quad;
        var dualObj = -0.5 * quad;
        for (var j = 0; j < m; j++)
        {
            dualObj += b[j] * y[j];
        }
        for (var i = 0; i < n; i++)
        {
            if (hasL[i])
            {
                dualObj += lower[i] * zl[i];
            }
            if (hasU[i])
            {
                dualObj -= upper[i] * zu[i];
            }
        }
        return new QpResult(status, x, y, zl, zu, iterations, primalRes, dualRes, compl, primalObj, dualObj, clock.Elapsed);
    }

    private static void NewtonDirection(int n, int m, int k, double[] d, double[,] v, double[,] a, double[] e, double[] w,
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? capChol, double[] hinvAt, MathNet.Numerics.LinearAlgebra.Factorization.LU<double>? schurLu,
        bool[] hasL, bool[] hasU, double[] sl, double[] su, double[] zl, double[] zu, double[] rd, double[] rp, double[] rl, double[] ru,
        double[] r1, double[] dx, double[] dy, double[] dzl, double[] dzu)
    {
        // (Q + Θ) dx − Aᵀ dy = −rd + rl/sl − ru/su;  A dx = rp.
        for (var i = 0; i < n; i++)
        {
            r1[i] = -rd[i] + (hasL[i] ? rl[i] / sl[i] : 0) - (hasU[i] ? ru[i] / su[i] : 0);
        }
        SolveReduced(n, m, k, e, v, w, capChol, hinvAt, schurLu, a, r1, rp, dx, dy);

        // One step of iterative refinement on the reduced system, with H applied as E + V Vᵀ.
        var hx = new double[n];
        MultiplyQ(e, v, dx, hx, k);
        var res1 = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = r1[i] - hx[i];
            for (var j = 0; j < m; j++)
            {
                s += a[j, i] * dy[j];
            }
            res1[i] = s;
        }
        var res2 = new double[m];
        for (var j = 0; j < m; j++)
        {
            var s = rp[j];
            for (var i = 0; i < n; i++)
            {
                s -= a[j, i] * dx[i];
            }
            res2[j] = s;
        }
        var cx = new double[n];
        var cy = new double[m];
        SolveReduced(n, m, k, e, v, w, capChol, hinvAt, schurLu, a, res1, res2, cx, cy);
        for (var i = 0; i < n; i++)
        {
            dx[i] += cx[i];
        }
        for (var j = 0; j < m; j++)
        {
            dy[j] += cy[j];
        }
        _ = d;
        for (var i = 0; i < n; i++)
        {
            dzl[i] = hasL[i] ? (rl[i] - (zl[i] * dx[i])) / sl[i] : 0;
            dzu[i] = hasU[i] ? (ru[i] + (zu[i] * dx[i])) / su[i] : 0;
        }
    }

    private static void SolveReduced(int n, int m, int k, double[] e, double[,] v, double[] w,
        MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? capChol, double[] hinvAt, MathNet.Numerics.LinearAlgebra.Factorization.LU<double>? schurLu,
        double[,] a, double[] r1, double[] rp, double[] dx, double[] dy)
    {
        var h = HSolve(e, v, w, capChol, r1, k);
        if (m > 0)
        {
            var rhs = Vector<double>.Build.Dense(m);
            for (var j = 0; j < m; j++)
            {
                var s = rp[j];
                for (var i = 0; i < n; i++)
                {
                    s -= a[j, i] * h[i];
                }
                rhs[j] = s;
            }
            var sol = schurLu!.Solve(rhs);
            for (var j = 0; j < m; j++)
            {
                dy[j] = sol[j];
            }
        }
        for (var i = 0; i < n; i++)
        {
            var s = h[i];
            for (var j = 0; j < m; j++)
            {
                s += hinvAt[(j * n) + i] * dy[j];
            }
            dx[i] = s;
        }
    }

    /// <summary>(E + V Vᵀ)⁻¹ r by Woodbury, with W = E⁻¹ V precomputed.</summary>
    private static double[] HSolve(double[] e, double[,] v, double[] w, MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double>? capChol, double[] r, int k)
    {
        var n = e.Length;
        var t = new double[n];
        for (var i = 0; i < n; i++)
        {
            t[i] = r[i] / e[i];
        }
        if (k == 0)
        {
            return t;
        }
        var s = Vector<double>.Build.Dense(k);
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < k; p++)
            {
                s[p] += v[i, p] * t[i];
            }
        }
        var s2 = capChol!.Solve(s);
        for (var i = 0; i < n; i++)
        {
            var acc = 0.0;
            for (var p = 0; p < k; p++)
            {
                acc += w[(i * k) + p] * s2[p];
            }
            t[i] -= acc;
        }
        return t;
    }

    /// <summary>out = (diag + V Vᵀ) x.</summary>
    private static void MultiplyQ(double[] diag, double[,] v, double[] x, double[] result, int k)
    {
        var n = diag.Length;
        var f = new double[k];
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < k; p++)
            {
                f[p] += v[i, p] * x[i];
            }
        }
        for (var i = 0; i < n; i++)
        {
            var s = diag[i] * x[i];
            for (var p = 0; p < k; p++)
            {
                s += v[i, p] * f[p];
            }
            result[i] = s;
        }
    }

    private static double MaxStep(int n, bool[] hasL, bool[] hasU, double[] sl, double[] su, double[] zl, double[] zu, double[] dx, double[] dzl, double[] dzu)
    {
        var alpha = 1.0;
        for (var i = 0; i < n; i++)
        {
            if (hasL[i])
            {
                if (dx[i] < 0)
                {
                    alpha = Math.Min(alpha, -sl[i] / dx[i]);
                }
                if (dzl[i] < 0)
                {
                    alpha = Math.Min(alpha, -zl[i] / dzl[i]);
                }
            }
            if (hasU[i])
            {
                if (dx[i] > 0)
                {
                    alpha = Math.Min(alpha, su[i] / dx[i]);
                }
                if (dzu[i] < 0)
                {
                    alpha = Math.Min(alpha, -zu[i] / dzu[i]);
                }
            }
        }
        return alpha;
    }

    private static double InfNorm(double[] values)
    {
        var max = 0.0;
        foreach (var value in values)
        {
            max = Math.Max(max, Math.Abs(value));
        }
        return max;
    }
}
