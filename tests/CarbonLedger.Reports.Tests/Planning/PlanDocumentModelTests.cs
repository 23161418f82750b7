using CarbonLedger.Planning;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;

namespace CarbonLedger.Reports.Tests.Planning;

/// <summary>The plan document's content, read from the model every renderer draws: the FSC items in the sample's order,
/// the activity table and summary of seed 003's sample, the blanks of the unfilled sample, and the demo's SBTi target.</summary>
public sealed class PlanDocumentModelTests
{
    [Fact]
    public void From_Seed003_OpensTheTwelveFscItemsInTheSampleOrder()
    {
        // Given seed 003's sample plan / When made a document
        var model = PlanDocumentSamples.Seed003(ReportLanguage.ZhTw);

        // Then the headings that open an FSC item are 一, 二, 三(一)-(四), 四(一)-(三), 五(一)-(三) (seed 003 附表), in that order
        var opened = model.Headings.Where(h => h.Item is not null).ToList();
        opened.Select(h => h.Item!.Value).ShouldBe(Enum.GetValues<FscItem>());
        opened.Select(h => h.Text).ShouldBe(PlanDocumentSamples.FscHeadingsZhTw);
        // and 三, 四 and 五 are section headings above their sub-items
        model.Headings.Where(h => h.Level == 1).Select(h => h.Text).Take(5)
            .ShouldBe(["一、適用及符合「永續經濟活動認定參考指引」之情形", "二、願景", "三、執行策略及行動規劃", "四、指標與目標", "五、治理"]);
    }

    [Fact]
    public void From_Seed003_ActivityTableIsTheSamplesTable()
    {
        // Given / When
        var table = PlanDocumentSamples.Seed003(ReportLanguage.ZhTw).Blocks.OfType<PlanTable>().First();

        // Then, as seed 003's 轉型計畫樣本 prints it: A-E with 30/25/20/15/10 % of revenue, types, conditions, plans and statuses
        table.Headers.Skip(1).ShouldBe(["A", "B", "C", "D", "E"]);
        string[] Row(string label) => table.Rows.Single(r => r[0].Text == label).Skip(1).Select(c => c.Text).ToArray();
        table.Rows[0].Skip(1).Select(c => c.Text).ShouldBe(["30%", "25%", "20%", "15%", "10%"]);
        Row("(二)辨識營運之主要經濟活動適用「永續經濟活動認定參考指引」之情形。").ShouldBe(["一般經濟活動", "一般經濟活動", "一般經濟活動", "支持型經濟活動", "不適用"]);
        // condition 1 is not assessed for the supporting activity D ("—", SPEC §6) and nothing is assessed for E
        Row("條件 1：是否符合【對任一環境目的具有實質貢獻】之技術篩選標準？").ShouldBe(["符合", "符合", "不符合", "—", ""]);
        Row("條件 2：是否符合【對六項環境目的未造成重大危害】？").ShouldBe(["符合", "符合", "符合", "符合", ""]);
        Row("條件 3：是否符合【對社會保障未造成重大危害】？").ShouldBe(["符合", "不符合", "符合", "符合", ""]);
        Row("(四)是否有轉型計畫？").ShouldBe(["/", "有", "有", "/", ""]);
        Row("衡量結果：個別經濟活動之永續程度").ShouldBe(["符合", "轉型中", "轉型中", "符合", "不適用"]);
    }

    [Fact]
    public void From_Seed003_SummarySentenceGivesTheRevenueSharePerStatus()
    {
        // Given / When
        var model = PlanDocumentSamples.Seed003(ReportLanguage.ZhTw);
        var summary = model.Blocks.OfType<PlanParagraph>().Single(p => p.Text.StartsWith("本公司辨識目前營運之主要經濟活動", StringComparison.Ordinal)).Text;

        // Then the sample's sentence: aligned A 30 % + D 15 % = 45 %; transitioning B 25 % + C 20 % = 45 %; E not applicable 10 %
        summary.ShouldContain("共有 5 項，分別為 A、B、C、D、E");
        summary.ShouldContain("永續程度為「符合」之經濟活動為 A、D，營收占比合計為 45%");
        summary.ShouldContain("永續程度為「轉型中」之經濟活動為 B、C，營收占比合計為 45%");
        summary.ShouldContain("經濟活動 E 為不適用，營收占比為 10%");
        summary.ShouldNotContain("不符合」");
    }

    [Fact]
    public void From_Seed003_BlanksPrintAsTheSampleDoes()
    {
        // Given the sample as printed: no adoption or approval date, no years, no capex, no target
        var text = string.Join("\n", PlanDocumentSamples.Seed003(ReportLanguage.ZhTw).Blocks.OfType<PlanParagraph>().Select(p => p.Text));

        // Then dates print ○年○月○日 and other blanks _____ (seed 003 轉型計畫樣本)
        text.ShouldContain("本公司（包含所有子公司）於○年○月○日制定轉型計畫，說明如下：");
        text.ShouldContain("本公司之轉型計畫於○年○月○日經董事會以董事過半數出席，出席董事過半數同意之決議核定。");
        text.ShouldContain("本公司之願景為_____年適用之經濟活動項目之永續程度皆為「符合」");
        text.ShouldContain("預估每年資本支出_____萬元");
        text.ShouldContain("設定_____年溫室氣體範疇 1、2 排放較基準年_____年減量_____之目標");
        text.ShouldContain("使用_____張再生能源憑證(1 張=1,000 度電)");
    }

    [Fact]
    public void From_Seed003_AppendixListsEveryGapAndTheNineteenTptSubElements()
    {
        // Given / When
        var model = PlanDocumentSamples.Seed003(ReportLanguage.ZhTw);
        var tables = model.Blocks.OfType<PlanTable>().ToList();
        var gaps = tables.Single(t => t.Headers.SequenceEqual(["涵蓋事項", "類型", "欄位", "應補充或修正之處"]));
        var tpt = tables.Single(t => t.Headers[0] == "代碼");

        // Then one row per gap of the completeness check, in zh-TW, e.g. the missing adoption date
        gaps.Rows.Count.ShouldBe(model.Completeness.Gaps.Count);
        gaps.Rows.ShouldContain(r => r[0].Text == "五(一)核定單位及程序" && r[1].Text == "不明確" && r[2].Text == "adoptedOn");
        // and the TPT Disclosure Framework's 19 sub-elements (5 elements: 3 + 4 + 3 + 4 + 5), 2.3 with no FSC item
        tpt.Rows.Count.ShouldBe(3 + 4 + 3 + 4 + 5);
        tpt.Rows.Single(r => r[0].Text == "2.3")[4].Text.ShouldBe("否");
    }

    [Fact]
    public void From_DemoWithSbtiTarget_StatesBaseYearReductionAndPathway()
    {
        // Given the demo plan with an SBTi 1.5 °C target on a 2024 base of 400 t Scope 1 + 600 t Scope 2 (market) = 1,000 t
        var model = PlanDocumentSamples.Demo(ReportLanguage.ZhTw);
        var text = string.Join("\n", model.Blocks.OfType<PlanParagraph>().Select(p => p.Text));

        // Then the base year by scope in 萬公噸 and tCO2e: total 400 + 600 + 2,500 (Scope 3) = 3,500 t = 0.35 萬公噸;
        text.ShouldContain("(1) 2024 年溫室氣體排放量為 0.35 萬公噸二氧化碳當量（3,500.000 tCO2e）");
        text.ShouldContain("A. 範疇 1：0.04 萬公噸二氧化碳當量（400.000 tCO2e）");
        text.ShouldContain("B. 範疇 2（市場基礎）：0.06 萬公噸二氧化碳當量（600.000 tCO2e）");
        // the reduction the method requires: 4.2 %/yr × (2030 − 2024) = 25.2 %, so 1,000 × (1 − 0.252) = 748 t in 2030
        text.ShouldContain("設定 2030 年溫室氣體範疇 1、2 排放較基準年 2024 年減量 25.2% 之目標：由 1,000.000 降至 748.000 tCO2e");
        text.ShouldContain("絕對減量法 4.2%/年");
        // RECs: 200 certificates × 1,000 kWh = 200,000 度; offsets with their standard and URL
        text.ShouldContain("使用 200 張再生能源憑證(1 張=1,000 度電，合計 200,000 度)");
        text.ShouldContain("ISO 14068-1");
        text.ShouldContain("https://example.com/greenbridge/transition-plan");
        // progress from 2025 (930 t): (930 − 748) / (2030 − 2025) = 36.4 t a year, 36.4 / 1,000 = 3.64 % of the base per year
        text.ShouldContain("每年須減少 36.400 tCO2e（每年為基準年數值之 3.64%");

        var pathway = model.Blocks.OfType<PlanTable>().Single(t => t.Headers[0] == "年度");
        string[] Year(string y) => pathway.Rows.Single(r => r[0].Text == y).Select(c => c.Text).ToArray();
        // pathway 1,000 × (1 − 0.042 × (y − 2024)): 2025 958, 2027 874, 2030 748; 2025's actual 930 is 28 t under it
        pathway.Rows.Count.ShouldBe(2030 - 2024 + 1);
        Year("2025")[..4].ShouldBe(["2025", "958.000", "95.8%", "930.000"]);
        Year("2025")[6..].ShouldBe(["-28.000", "是"]);
        Year("2027")[1].ShouldBe("874.000");
        Year("2030")[1].ShouldBe("748.000");
        model.Blocks.OfType<PlanPathwayChart>().Single().Actuals.ShouldBe([(2025, 930m)]);
    }

    [Fact]
    public void From_English_HeadingsAreEnglish()
    {
        // Given / When
        var model = PlanDocumentSamples.Demo(ReportLanguage.English);

        // Then
        model.Headings.Where(h => h.Level == 1).Select(h => h.Text).Take(5).ShouldBe(
        [
            "I. Applicability of the Sustainable Economic Activities Recognition Reference Guidelines", "II. Ambition", "III. Strategy and action plan",
            "IV. Metrics and targets", "V. Governance",
        ]);
        model.Headings.Where(h => h.Item is not null).Select(h => h.Item!.Value).ShouldBe(Enum.GetValues<FscItem>());
        var summary = model.Blocks.OfType<PlanParagraph>().Single(p => p.Text.StartsWith("The company's operations", StringComparison.Ordinal)).Text;
        summary.ShouldContain("'aligned' are A, D, together 45 % of revenue");
        summary.ShouldContain("'transitioning' are B, C, together 45 % of revenue");
        summary.ShouldContain("the guidelines do not apply to E, 10 % of revenue");
    }

    [Fact]
    public void Strings_BothLanguages_HaveEveryKey()
    {
        // Given every PlanText key / When looked up in both tables / Then none is missing
        foreach (var key in Enum.GetValues<PlanText>())
        {
            PlanStrings.For(ReportLanguage.English)[key].ShouldNotBeNullOrWhiteSpace();
            PlanStrings.For(ReportLanguage.ZhTw)[key].ShouldNotBeNullOrWhiteSpace();
        }
    }
}
