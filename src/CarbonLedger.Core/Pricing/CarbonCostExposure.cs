namespace CarbonLedger.Pricing;

/// <summary>Taiwan's carbon fee (碳費收費辦法, MOENV 2024-08-29; shared/data/carbon_pricing_rules_tw_fee_eu_cbam.csv):
/// fee = chargeable emissions × rate; chargeable emissions = (annual emissions − K) × adjustment coefficient, rounded to
/// 3 decimals; the fee is truncated to whole NTD (Art. 5). K = 25,000 t (0 for high carbon-leakage entities); the
/// general rate NTD 300/t, preferential rates NTD 50 and 100. Levied on power, gas and manufacturing sites emitting
/// ≥ 25,000 tCO2e/yr (Art. 3) — applicability is the user's to state; this computes the amount.</summary>
public static class TaiwanCarbonFee
{
    public const decimal GeneralRate = 300m;
    public const decimal PreferentialRateA = 50m;
    public const decimal PreferentialRateB = 100m;
    public const decimal K = 25_000m;

    public sealed record Fee(decimal AnnualEmissionsTonnes, decimal KTonnes, decimal AdjustmentCoefficient, decimal ChargeableTonnes, decimal RatePerTonne, Money Amount);

    public static Fee Compute(decimal annualEmissionsTonnes, decimal ratePerTonne = GeneralRate, decimal k = K, decimal adjustmentCoefficient = 1m)
    {
        if (annualEmissionsTonnes < 0m) { throw new ArgumentOutOfRangeException(nameof(annualEmissionsTonnes), "emissions cannot be negative"); }
        if (ratePerTonne < 0m) { throw new ArgumentOutOfRangeException(nameof(ratePerTonne), "the rate cannot be negative"); }
        if (adjustmentCoefficient is < 0m or > 1m) { throw new ArgumentOutOfRangeException(nameof(adjustmentCoefficient), "between 0 and 1"); }
        var chargeable = Math.Round(Math.Max(0m, annualEmissionsTonnes - k) * adjustmentCoefficient, 3, MidpointRounding.AwayFromZero);
        var amount = Math.Truncate(chargeable * ratePerTonne);
        return new Fee(annualEmissionsTonnes, k, adjustmentCoefficient, chargeable, ratePerTonne, Money.Twd(amount));
    }
}

/// <summary>A scope's emissions priced at one price.</summary>
public sealed record ExposureLine(string Label, CarbonPrice Price, decimal CoveredTonnes, Money Cost);

/// <summary>The carbon cost of an inventory's emissions (SPEC §5 item 6): covered scopes × each price given (the
/// internal price, Taiwan's carbon fee rate, the user's own prices).</summary>
public static class CarbonCostExposure
{
    public static IReadOnlyList<ExposureLine> Of(IReadOnlyDictionary<int, decimal> tonnesByScope, IReadOnlySet<int> scopesCovered,
        IEnumerable<(string Label, CarbonPrice Price)> prices)
    {
        ArgumentNullException.ThrowIfNull(tonnesByScope);
        ArgumentNullException.ThrowIfNull(scopesCovered);
        ArgumentNullException.ThrowIfNull(prices);
        var covered = tonnesByScope.Where(s => scopesCovered.Contains(s.Key)).Sum(s => s.Value);
        return prices.Select(p => new ExposureLine(p.Label, p.Price, covered, p.Price.ValueOf(covered))).ToList();
    }
}
