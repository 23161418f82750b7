using System.Globalization;
using NodaTime;

namespace CarbonLedger.Pricing;

/// <summary>One line of an exposure: a labelled price applied to the scopes it covers.</summary>
public sealed record ExposureReportLine(string Label, CarbonPrice Price, IReadOnlyList<int> Scopes, decimal CoveredTonnes, Money Cost);

/// <summary>The carbon-cost exposure of an inventory (SPEC §5 item 6, issue 4 item 6), assembled once for the CLI and the
/// API: every policy's price in force on the inventory's last day over the scopes that policy covers; Taiwan's general
/// carbon-fee rate (NTD 300/t) and each user price over the covered scopes (default 1 and 2, seed 004 七); and the
/// carbon fee as 碳費收費辦法 computes it for Scope 1 + 2, with the K = 25,000 t deduction stated.</summary>
public sealed record ExposureReport(IReadOnlyDictionary<int, decimal> TonnesByScope, IReadOnlyList<ExposureReportLine> Lines, TaiwanCarbonFee.Fee Fee, string FeeRule)
{
    public static ExposureReport Build(IReadOnlyDictionary<int, decimal> tonnesByScope, IReadOnlyList<IcpPolicy> policies, LocalDate asOf,
        IReadOnlySet<int>? scopes, Currency currency, IReadOnlyList<decimal> userPrices)
    {
        ArgumentNullException.ThrowIfNull(tonnesByScope);
        ArgumentNullException.ThrowIfNull(policies);
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(userPrices);
        IReadOnlySet<int> covered = scopes ?? new HashSet<int> { 1, 2 };
        var lines = new List<ExposureReportLine>();
        void Add(string label, CarbonPrice price, IReadOnlySet<int> over)
        {
            var line = CarbonCostExposure.Of(tonnesByScope, over, [(label, price)])[0];
            lines.Add(new ExposureReportLine(label, price, over.Order().ToList(), line.CoveredTonnes, line.Cost));
        }
        foreach (var policy in policies)
        {
            if (policy.PriceOn(asOf) is { } price) { Add($"internal: {policy.Name} ({policy.Type})", price, policy.Scopes); }
        }
        Add("Taiwan carbon fee, general rate", CarbonPrice.Twd(TaiwanCarbonFee.GeneralRate), covered);
        foreach (var p in userPrices)
        {
            if (p < 0m) { throw new Common.DomainException("price", $"a carbon price cannot be negative ({p.ToString(CultureInfo.InvariantCulture)})",
                $"碳價不可為負值（{p.ToString(CultureInfo.InvariantCulture)}）"); }
            Add(string.Create(CultureInfo.InvariantCulture, $"at {currency} {p:#,0.##}/t"), new CarbonPrice(new Money(p, currency)), covered);
        }
        var direct = tonnesByScope.GetValueOrDefault(1) + tonnesByScope.GetValueOrDefault(2);
        var fee = TaiwanCarbonFee.Compute(direct);
        var rule = string.Create(CultureInfo.InvariantCulture,
            $"Taiwan carbon fee (碳費收費辦法): chargeable = (Scope 1 + 2 − K) × adjustment = ({direct:#,0.###} − {fee.KTonnes:#,0}) × {fee.AdjustmentCoefficient:0.##} → {fee.ChargeableTonnes:#,0.###} t; "
            + $"fee = {fee.ChargeableTonnes:#,0.###} × NTD {fee.RatePerTonne:#,0}, truncated = NTD {fee.Amount.Amount:#,0}. Levied only on sites emitting ≥ 25,000 tCO2e/yr; preferential rates NTD 50 / 100.");
        return new ExposureReport(tonnesByScope, lines, fee, rule);
    }
}
