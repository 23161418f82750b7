using System.Text;
using CarbonLedger.Inventory;

namespace CarbonLedger.Reports.Inventory;

/// <summary>The emission lines as CSV: one row per line × gas (RFC 4180: comma-separated, CRLF line ends, fields with
/// a comma, quote or line break quoted and inner quotes doubled), UTF-8 with a byte-order mark so Excel in zh-TW
/// detects the encoding. User text that starts like a formula is prefixed with an apostrophe. Headers are stable snake_case keys in every language; numbers are invariant full-precision
/// decimals. Market-based Scope 2 lines appear beside the location-based ones, so the two count_* columns say which
/// total a row belongs to: Σ tco2e of rows with counts_location_based = true is the location-based total.</summary>
public static class InventoryCsvReport
{
    public static readonly IReadOnlyList<string> Header =
    [
        "source_code", "source_name", "facility", "department", "scope", "iso_category", "scope3_category", "emission_type",
        "scope2_method", "instrument", "activity_id", "period_start", "period_end", "month", "activity", "activity_unit",
        "activity_in_factor_unit", "factor_unit", "data_quality", "evidence", "factor_key", "factor_set", "factor_version", "factor_year",
        "consolidation_share", "gas", "gas_kg", "gwp", "tco2e", "biogenic", "counts_location_based", "counts_market_based",
    ];

    public static void Write(InventoryReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true);
        writer.Write(Render(model));
    }

    /// <summary>The CSV text without the byte-order mark (the stream writer adds it).</summary>
    public static string Render(InventoryReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sb = new StringBuilder(256 * (model.Lines.Count + 1));
        AppendRow(sb, Header);
        foreach (var l in model.Lines)
        {
            AppendRow(sb,
            [
                Text(l.SourceCode), Text(l.SourceName), Text(l.FacilityCode), Text(l.Department ?? ""), ((int)l.Scope).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Int(l.IsoCategory), l.Scope3Category is { } c ? Int(c) : "", l.EmissionType.ToString(), Method(l.Scope2Method), Text(l.InstrumentReference ?? ""),
                l.ActivityId.ToString("D"), l.PeriodStart, l.PeriodEnd, l.Month, ReportNumbers.Raw(l.ActivityQuantity), l.ActivityUnit,
                ReportNumbers.Raw(l.ActivityInFactorUnit), l.FactorUnit, l.DataQuality.ToString(), Text(l.Evidence ?? ""), Text(l.FactorKey), l.FactorSet,
                l.FactorVersion, l.FactorYear is { } y ? Int(y) : "", ReportNumbers.Raw(l.ConsolidationShare), l.Gas, ReportNumbers.Raw(l.GasKilograms),
                ReportNumbers.Raw(l.Gwp), ReportNumbers.Raw(l.Co2eTonnes), Bool(l.IsBiogenic), Bool(l.CountsInLocationBased), Bool(l.CountsInMarketBased),
            ]);
        }
        return sb.ToString();
    }

    /// <summary>User text that Excel would read as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe
    /// (OWASP CSV-injection guidance); other text is written as is.</summary>
    internal static string Text(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Method(Scope2Method? method) => method switch
    {
        Scope2Method.LocationBased => "location-based",
        Scope2Method.MarketBased => "market-based",
        _ => "",
    };

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) { sb.Append(','); }
            var f = fields[i];
            if (f.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(f.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(f);
            }
        }
        sb.Append("\r\n");
    }
}
