using MathNet.Numerics.LinearAlgebra;

namespace CarbonLedger.Portfolio;

/// <summary>Seeded synthetic benchmarks for tests and benchmarks: n names, a k-factor model (exposures N(0,1) with a
/// market column near 1, factor volatilities 5-20 %, specific volatilities 15-45 %), log-normal carbon (median 10⁵ t)
/// and benchmark weights from a log-normal "market cap". Deterministic for a given seed.</summary>
public static class SyntheticPortfolio
{
    public static (FactorRiskModel Risk, double[] BenchmarkWeights, decimal[] CarbonTonnes, string[] Sectors) Create(int n, int factors, int seed)
    {
        var rng = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        var names = Enumerable.Range(0, n).Select(i => "N" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var b = Matrix<double>.Build.Dense(n, factors, (i, j) => j == 0 ? 1 + (0.3 * Normal()) : Normal() * 0.5);
        var vol = Enumerable.Range(0, factors).Select(j => j == 0 ? 0.2 : 0.05 + (0.1 * rng.NextDouble())).ToArray();
        var omega = Matrix<double>.Build.Dense(factors, factors, (i, j) => i == j ? vol[i] * vol[i] : 0);
        var delta = Vector<double>.Build.Dense(n, _ => Math.Pow(0.15 + (0.3 * rng.NextDouble()), 2));
        var caps = Enumerable.Range(0, n).Select(_ => Math.Exp(1.5 * Normal())).ToArray();
        var total = caps.Sum();
        var wb = caps.Select(c => c / total).ToArray();
        var carbon = Enumerable.Range(0, n).Select(_ => (decimal)Math.Round(1e5 * Math.Exp(1.5 * Normal()), 0)).ToArray();
        var sectors = Enumerable.Range(0, n).Select(i => "S" + (i % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var risk = FactorRiskModel.Create(names, b, omega, delta, "synthetic").Value;
        return (risk, wb, carbon, sectors);
    }
}
