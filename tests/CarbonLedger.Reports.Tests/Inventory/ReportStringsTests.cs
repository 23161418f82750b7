using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class ReportStringsTests
{
    [Fact]
    public void For_EveryKey_HasBothTranslationsAndTheyDiffer()
    {
        // Given
        var zh = ReportStrings.For(ReportLanguage.ZhTw);
        var en = ReportStrings.For(ReportLanguage.English);

        // When
        var keys = Enum.GetValues<ReportText>();

        // Then: both complete; a zh-TW label equal to the English one or to the key's name is an untranslated copy
        foreach (var key in keys)
        {
            zh.Has(key).ShouldBeTrue($"{key} has no zh-TW text");
            en.Has(key).ShouldBeTrue($"{key} has no English text");
            zh[key].ShouldNotBe(en[key], $"{key}: zh-TW equals English");
            zh[key].ShouldNotBe(key.ToString(), $"{key}: zh-TW equals its key");
        }
    }

    [Fact]
    public void For_ZhTw_UsesTaiwaneseInventoryTerms()
    {
        // Given
        var zh = ReportStrings.For(ReportLanguage.ZhTw);

        // When
        var labels = string.Join("|", Enum.GetValues<ReportText>().Select(k => zh[k]));

        // Then: the terms MOENV's inventory forms use
        foreach (var term in new[] { "範疇一", "範疇二", "範疇三", "類別1", "類別6", "排放源", "活動數據", "排放係數", "全球暖化潛勢",
                     "彙整表二", "彙整表三", "彙整表四", "生質排放", "位置基礎", "市場基礎" })
        {
            labels.ShouldContain(term);
        }
    }

    [Fact]
    public void SheetNames_BothLanguages_AreValidExcelNames()
    {
        // Given: Excel limits sheet names to 31 characters without []:*?/\
        foreach (var language in Enum.GetValues<ReportLanguage>())
        {
            // When
            var names = Enum.GetValues<ReportText>().Where(k => k.ToString().StartsWith("Sheet", StringComparison.Ordinal))
                .Select(k => ReportStrings.For(language)[k]).ToList();

            // Then
            names.ShouldAllBe(n => n.Length <= 31 && n.IndexOfAny(new[] { '[', ']', ':', '*', '?', '/', '\\' }) < 0);
            names.Distinct().Count().ShouldBe(names.Count);
        }
    }
}
