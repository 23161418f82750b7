using System.Globalization;

namespace CarbonLedger.Portfolio;

/// <summary>One row of a temperature-score → pathway mapping: scores in [<see cref="LowerBoundCelsius"/>,
/// <see cref="UpperBoundCelsius"/>) fall in this category, whose 2030 emissions are <see cref="Share2030Of2019"/> of 2019.</summary>
public sealed record TemperatureCategory(string Code, string Label, decimal LowerBoundCelsius, decimal? UpperBoundCelsius, decimal Share2030Of2019, string Source);

/// <summary>A named preset mapping temperature scores to categories (Method 2 of seed 001).</summary>
public sealed record CategoryMapping(string Name, string Source, IReadOnlyList<TemperatureCategory> Categories)
{
    /// <summary>The category a temperature score falls into, or null when no row covers it.</summary>
    public TemperatureCategory? Classify(decimal temperatureCelsius) =>
        Categories.FirstOrDefault(c => temperatureCelsius >= c.LowerBoundCelsius && (c.UpperBoundCelsius is null || temperatureCelsius < c.UpperBoundCelsius));

    /// <summary>Seed 001 Table 2 and §2.1: C1 &lt; 1.6 °C → 57 %, C2 1.6-2 °C → 77 %, C3 "2 °C" → 79 %, C4 "2.5 °C" → 94 %,
    /// C5 "3 °C" → 98 % of 2019 in 2030. The seed states only the C1 and C2 thresholds; C3-C5 are labelled by a single
    /// warming level ("升溫 2°C / 2.5°C / 3°C") with no boundaries, so the bounds [2.0, 2.5), [2.5, 3.0), [3.0, ∞) used
    /// here are this product's reading of those labels, not the thesis's words.</summary>
    public static CategoryMapping Thesis2025 { get; } = new(
        "thesis-2025",
        "seed 001 (江淙安 2025) Table 2 and §2.1, after IPCC AR6; C3-C5 bounds inferred from Table 2's labels",
        [
            new("C1", "升溫 1.5°C (過程不顯著超過) — 1.5 °C, no or limited overshoot", 0m, 1.6m, 0.57m, "seed 001 Table 2; threshold < 1.6 °C in §2.1"),
            new("C2", "升溫 1.5°C (過程會顯著超過) — 1.5 °C, high overshoot", 1.6m, 2.0m, 0.77m, "seed 001 Table 2; 1.6-2 °C in §2.1"),
            new("C3", "升溫 2°C", 2.0m, 2.5m, 0.79m, "seed 001 Table 2; bounds inferred"),
            new("C4", "升溫 2.5°C (AR6 C5)", 2.5m, 3.0m, 0.94m, "seed 001 Table 2; bounds inferred"),
            new("C5", "升溫 3°C (AR6 C6)", 3.0m, null, 0.98m, "seed 001 Table 2; bounds inferred"),
        ]);

    /// <summary>The mapping with the given name (only <c>thesis-2025</c> ships).</summary>
    public static CategoryMapping? ByName(string name) =>
        string.Equals(name, Thesis2025.Name, StringComparison.OrdinalIgnoreCase) ? Thesis2025 : null;
}

/// <summary>Verification state of a transcribed number (vocabulary of shared/data/SOURCE.md).</summary>
public enum VerificationStatus
{
    Verified,
    Secondary,
    Unverified,
}

/// <summary>An IPCC AR6 WGIII scenario category (Table SPM.2) with its median 2030 GHG reduction from 2019.</summary>
public sealed record Ar6ScenarioCategory(string Code, string Description, decimal? MedianGhgReduction2030FromPercent2019, VerificationStatus Status, string Note);

/// <summary>IPCC AR6 WGIII Summary for Policymakers, Table SPM.2 (IPCC 2022, Climate Change 2022: Mitigation of
/// Climate Change, SPM, Table SPM.2): categories C1-C8 and the median reduction of global GHG emissions in 2030 relative
/// to 2019. The SPM PDF itself was not available here; each value carries how it was checked.</summary>
public static class Ar6ScenarioCategories
{
    public const string Source = "IPCC AR6 WGIII (2022) Summary for Policymakers, Table SPM.2";

    public static IReadOnlyList<Ar6ScenarioCategory> All { get; } =
    [
        new("C1", "Limit warming to 1.5°C (>50%) with no or limited overshoot", 43m, VerificationStatus.Secondary,
            "43 [34-60] % quoted from the AR6 SPM in a public IPCC question set; = thesis C1 57 % of 2019"),
        new("C2", "Return warming to 1.5°C (>50%) after a high overshoot", 23m, VerificationStatus.Unverified,
            "consistent with thesis C2 77 % of 2019; SPM.2 not opened — needs verification"),
        new("C3", "Limit warming to 2°C (>67%)", 21m, VerificationStatus.Unverified,
            "consistent with thesis C3 79 % of 2019; SPM.2 not opened — needs verification"),
        new("C4", "Limit warming to 2°C (>50%)", 10m, VerificationStatus.Unverified,
            "not used by the thesis; SPM.2 not opened — needs verification"),
        new("C5", "Limit warming to 2.5°C (>50%)", 6m, VerificationStatus.Unverified,
            "= the thesis's 'C4 2.5 °C 94 %' (SPEC §7); SPM.2 not opened — needs verification"),
        new("C6", "Limit warming to 3°C (>50%)", 2m, VerificationStatus.Unverified,
            "= the thesis's 'C5 3 °C 98 %' (SPEC §7); SPM.2 not opened — needs verification"),
        new("C7", "Limit warming to 4°C (>50%)", null, VerificationStatus.Unverified,
            "2030 value not transcribed: not found in any source available here"),
        new("C8", "Exceed warming of 4°C (>=50%)", null, VerificationStatus.Unverified,
            "2030 value not transcribed: not found in any source available here"),
    ];

    /// <summary>2030 emissions as a share of 2019 (1 − reduction), when the reduction is known.</summary>
    public static decimal? Share2030Of2019(string code)
    {
        var row = All.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"unknown AR6 category '{code}'"), nameof(code));
        return row.MedianGhgReduction2030FromPercent2019 is { } r ? 1m - r / 100m : null;
    }
}
