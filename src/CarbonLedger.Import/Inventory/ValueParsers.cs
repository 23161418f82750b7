using System.Globalization;
using CarbonLedger.Inventory;
using NodaTime;

namespace CarbonLedger.Import;

/// <summary>The cell formats the templates accept (README sheet of <see cref="TemplateWriter"/>).</summary>
public static class ValueParsers
{
    private static readonly Dictionary<string, SourceType> SourceTypeAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["固定燃燒"] = SourceType.StationaryCombustion,
        ["移動燃燒"] = SourceType.MobileCombustion,
        ["製程"] = SourceType.Process,
        ["冷媒"] = SourceType.FugitiveRefrigerant,
        ["滅火器"] = SourceType.FugitiveFireExtinguisher,
        ["SF6"] = SourceType.FugitiveSf6,
        ["化糞池"] = SourceType.FugitiveSeptic,
        ["其他逸散"] = SourceType.FugitiveOther,
        ["外購電力"] = SourceType.PurchasedElectricity,
        ["外購蒸汽"] = SourceType.PurchasedSteam,
        ["範疇三"] = SourceType.Scope3,
    };

    /// <summary>The zh-TW name of a source type, as the templates accept it (固定燃燒, 外購電力 …).</summary>
    public static string SourceTypeZhTw(SourceType type)
    {
        foreach (var (name, value) in SourceTypeAliases)
        {
            if (value == type)
            {
                return name;
            }
        }
        return type.ToString();
    }

    /// <summary>Source types by enum name (case-insensitive; '_', '-' and spaces ignored) or zh-TW name.</summary>
    public static bool TryParseSourceType(string text, out SourceType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = text.Trim();
        if (SourceTypeAliases.TryGetValue(t, out type))
        {
            return true;
        }
        var compact = t.Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        foreach (var value in Enum.GetValues<SourceType>())
        {
            if (string.Equals(value.ToString(), compact, StringComparison.OrdinalIgnoreCase))
            {
                type = value;
                return true;
            }
        }
        return false;
    }

    /// <summary>measured / calculated / estimated, 1 / 2 / 3, or 量測 / 計算 / 推估.</summary>
    public static bool TryParseDataQuality(ReadOnlySpan<char> text, out DataQualityLevel level)
    {
        if (text.Equals("measured", StringComparison.OrdinalIgnoreCase) || text is "1" || text is "量測")
        {
            level = DataQualityLevel.Measured;
            return true;
        }
        if (text.Equals("calculated", StringComparison.OrdinalIgnoreCase) || text is "2" || text is "計算")
        {
            level = DataQualityLevel.Calculated;
            return true;
        }
        if (text.Equals("estimated", StringComparison.OrdinalIgnoreCase) || text is "3" || text is "推估")
        {
            level = DataQualityLevel.Estimated;
            return true;
        }
        level = default;
        return false;
    }

    /// <summary>yes/no, true/false, y/n, 1/0, 是/否.</summary>
    public static bool TryParseFlag(string text, out bool flag)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToUpperInvariant())
        {
            case "YES" or "Y" or "TRUE" or "1" or "是":
                flag = true;
                return true;
            case "NO" or "N" or "FALSE" or "0" or "否":
                flag = false;
                return true;
            default:
                flag = false;
                return false;
        }
    }

    /// <summary>Exactly yyyy-MM-dd (ISO 8601 calendar date), checked against the month's length.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, out LocalDate date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !int.TryParse(s[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(s.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(s.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
        {
            return false;
        }
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(y, m))
        {
            return false;
        }
        date = new LocalDate(y, m, d);
        return true;
    }

    /// <summary>A plain number with '.' as decimal point (an exponent is allowed, as Excel writes small values);
    /// no thousands separators, so "1,234" is rejected rather than read as 1.234 or 1234.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> s, out decimal value) =>
        decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    /// <summary>The invariant text of <paramref name="value"/> without trailing zeros, so 1200, 1200.0 and 1.2E3
    /// name the same quantity in a deterministic id.</summary>
    public static string CanonicalNumber(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
