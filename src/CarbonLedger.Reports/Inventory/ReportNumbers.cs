using System.Globalization;

namespace CarbonLedger.Reports.Inventory;

/// <summary>How numbers print in the human-readable formats (HTML): invariant culture, thousands separators, tonnes
/// to three decimals and shares to two (the rule the report states). Machine formats (CSV, JSON) print the full
/// decimal without grouping.</summary>
internal static class ReportNumbers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Tonnes(decimal value) => Math.Round(value, 3, MidpointRounding.AwayFromZero).ToString("#,##0.000", Invariant);

    public static string Percent(decimal value) => value.ToString("0.00", Invariant);

    public static string Quantity(decimal value) => value.ToString("#,##0.###", Invariant);

    /// <summary>A factor or GWP value in full, with grouping and without trailing zeros or exponent.</summary>
    public static string Full(decimal value) => value.ToString("#,##0.############################", Invariant);

    /// <summary>The exact decimal, no grouping, no exponent (CSV).</summary>
    public static string Raw(decimal value) => value.ToString("0.############################", Invariant);
}
