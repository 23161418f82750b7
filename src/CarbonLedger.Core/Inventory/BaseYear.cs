using CarbonLedger.Common;

namespace CarbonLedger.Inventory;

/// <summary>Why base-year emissions may need recalculating (GHG Protocol Corporate Standard ch. 5).</summary>
public enum StructuralChangeKind
{
    Acquisition,
    Divestment,
    Merger,
    Outsourcing,
    Insourcing,
    MethodologyChange,
    ErrorCorrection,
    /// <summary>Organic growth or decline: never triggers recalculation (ch. 5).</summary>
    OrganicGrowth,
}

/// <summary>A change with its effect on base-year emissions (tCO2e, signed: an acquisition adds, a divestment removes).</summary>
public sealed record StructuralChange(string Description, StructuralChangeKind Kind, decimal BaseYearImpactTonnes, int Year);

/// <summary>The verdict of a recalculation check.</summary>
public sealed record RecalculationCheck(decimal BaseYearTonnes, decimal CumulativeImpactTonnes, decimal CumulativePercent,
    decimal ThresholdPercent, bool RecalculationRequired, string Explanation);

/// <summary>Base-year recalculation policy: changes are significant when the cumulative absolute effect of structural,
/// methodology and error changes reaches the threshold (default 5 %, SBTi criterion) of base-year emissions.
/// Organic growth is excluded by rule. Absolute values, so an acquisition and a divestment do not cancel.</summary>
public static class BaseYearPolicy
{
    public static RecalculationCheck Check(decimal baseYearTonnes, IEnumerable<StructuralChange> changes, decimal thresholdPercent = 5m)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (baseYearTonnes <= 0) { throw new DomainException("baseYearTonnes", "base-year emissions must be positive", "基準年排放量必須為正數"); }
        if (thresholdPercent is <= 0 or > 100) { throw new DomainException("thresholdPercent", "must be in (0, 100]", "必須大於 0 且不超過 100"); }
        var counted = changes.Where(c => c.Kind != StructuralChangeKind.OrganicGrowth).ToList();
        var impact = counted.Sum(c => Math.Abs(c.BaseYearImpactTonnes));
        var pct = impact / baseYearTonnes * 100m;
        var required = pct >= thresholdPercent;
        var explanation = required
            ? $"cumulative changes of {impact:0.###} tCO2e are {pct:0.##} % of base-year emissions, at or above the {thresholdPercent:0.##} % threshold: recalculate the base year"
            : $"cumulative changes of {impact:0.###} tCO2e are {pct:0.##} % of base-year emissions, below the {thresholdPercent:0.##} % threshold: no recalculation";
        return new RecalculationCheck(baseYearTonnes, impact, pct, thresholdPercent, required, explanation);
    }
}
