using System.Globalization;
using CarbonLedger.Pricing;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Pricing;

/// <summary>One internal carbon pricing scheme as ESRS E1-8 and IFRS S2 29(f) ask it to be disclosed (SPEC §5): its type,
/// the price per tonne applied, the perimeter (scopes covered and what they cover), the volume of emissions at stake
/// and how the price is used in decisions.</summary>
public sealed record IcpDisclosure(string Scheme, IcpType Type, CarbonPrice Price, IReadOnlyList<int> Scopes, string Perimeter,
    decimal? EmissionsAtStakeTonnes, string UseInDecisions);

/// <summary>What an ICP report prints: an appraisal (yearly table, totals, NPV/IRR/payback with and without the internal
/// price, abatement cost) with its stress test, and/or a MACC, and the disclosure block. Renderers compute no figure:
/// every number comes from Core's results held here.</summary>
public sealed record PricingReportModel
{
    public required ReportLanguage Language { get; init; }
    public required string Title { get; init; }
    public string? OrganizationName { get; init; }
    /// <summary>ISO 8601 instant the report was generated at (from the injected clock).</summary>
    public required string GeneratedAt { get; init; }
    public AppraisalResult? Appraisal { get; init; }
    public IReadOnlyList<StressCase> Stress { get; init; } = [];
    public Macc? Macc { get; init; }
    /// <summary>The internal price the MACC is read at (projects at or below it pay off).</summary>
    public CarbonPrice? MaccPrice { get; init; }
    public IReadOnlyList<IcpDisclosure> Disclosures { get; init; } = [];

    /// <summary>The disclosure of a project appraised with a shadow price and no organization policy: the perimeter is the
    /// project, the emissions at stake its abatement over the horizon.</summary>
    public static IcpDisclosure ShadowPriceOf(AppraisalResult appraisal, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(appraisal);
        var s = PricingStrings.For(language);
        return new IcpDisclosure(appraisal.Inputs.Name, IcpType.ShadowPrice, appraisal.Inputs.CarbonPrice, [],
            string.Format(CultureInfo.InvariantCulture, s[PricingText.PerimeterProject], appraisal.Inputs.Name, appraisal.Inputs.FirstYear,
                appraisal.Inputs.FirstYear + appraisal.Inputs.HorizonYears - 1),
            appraisal.TotalAbatementTonnes, s[PricingText.UseShadow]);
    }

    /// <summary>The disclosure of an organization's policy, priced on <paramref name="asOf"/>, with the inventory's
    /// emissions in the scopes it covers (null when no inventory is given).</summary>
    public static IcpDisclosure? PolicyOf(IcpPolicy policy, NodaTime.LocalDate asOf, IReadOnlyDictionary<int, decimal>? tonnesByScope, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.PriceOn(asOf) is not { } price) { return null; }
        var s = PricingStrings.For(language);
        var scopes = policy.Scopes.Order().ToList();
        var perimeter = string.Format(CultureInfo.InvariantCulture, s[PricingText.PerimeterScopes], string.Join(", ", scopes));
        decimal? atStake = tonnesByScope is null ? null : tonnesByScope.Where(t => policy.Scopes.Contains(t.Key)).Sum(t => t.Value);
        return new IcpDisclosure(policy.Name, policy.Type, price, scopes, perimeter, atStake, s[UseOf(policy.Type)]);
    }

    private static PricingText UseOf(IcpType type) => type switch
    {
        IcpType.ShadowPrice => PricingText.UseShadow,
        IcpType.InternalFee => PricingText.UseFee,
        IcpType.InternalTrading => PricingText.UseTrading,
        IcpType.ImplicitPrice => PricingText.UseImplicit,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

/// <summary>How pricing figures print: money to whole units with separators (tariffs to 4 decimals), tonnes to 3, rates
/// as percent to 2, payback years to 2.</summary>
internal static class PricingNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Money(Money m) => $"{m.Currency} {Amount(m.Amount)}";

    public static string Amount(decimal amount) => Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,##0", Invariant);

    public static string Tariff(Money m) => $"{m.Currency} {m.Amount.ToString("#,##0.0000", Invariant)}";

    public static string Tonnes(decimal t) => ReportNumbers.Tonnes(t);

    public static string Rate(decimal r) => (r * 100m).ToString("0.00", Invariant) + " %";

    public static string Irr(Irr irr, PricingStrings s) => irr.Rate is { } r ? Rate(r) : $"{s[PricingText.None]} ({irr.Reason})";

    public static string Years(decimal? y, PricingStrings s) => y is { } v ? v.ToString("0.00", Invariant) : s[PricingText.NotWithinHorizon];

    public static string Factor(decimal? f) => f is { } v ? v.ToString("0.000###", Invariant) : "";

    public static string Price(CarbonPrice p) => $"{p.Currency} {Amount(p.PerTonne.Amount)}/tCO2e";
}
