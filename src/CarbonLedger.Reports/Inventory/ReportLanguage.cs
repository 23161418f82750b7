namespace CarbonLedger.Reports.Inventory;

/// <summary>The language an inventory report is written in: Traditional Chinese as Taiwan uses it, or English.</summary>
public enum ReportLanguage
{
    /// <summary>繁體中文（臺灣）</summary>
    ZhTw,
    English,
}

public static class ReportLanguageExtensions
{
    /// <summary>The BCP 47 tag for the HTML <c>lang</c> attribute and the JSON header: zh-TW or en.</summary>
    public static string Tag(this ReportLanguage language) => language switch
    {
        ReportLanguage.ZhTw => "zh-TW",
        ReportLanguage.English => "en",
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>The language of a BCP 47 tag written by <see cref="Tag"/> (zh-TW or en).</summary>
    public static ReportLanguage FromTag(string tag) => tag switch
    {
        "zh-TW" => ReportLanguage.ZhTw,
        "en" => ReportLanguage.English,
        _ => throw new ArgumentException($"unknown report language '{tag}' (zh-TW or en)", nameof(tag)),
    };
}
