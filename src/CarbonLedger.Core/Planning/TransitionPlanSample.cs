using CarbonLedger.Inventory;
using NodaTime;

namespace CarbonLedger.Planning;

/// <summary>The FSC's sample transition plan (seed 003 轉型計畫樣本) as data. <see cref="Seed003"/> is the sample as
/// printed: every blank (_____, ○) is left empty, so the completeness check names the blanks the FSC table asks to fill
/// (dates, periods, base and target values, sources, amounts) — not the purely illustrative ones (the "_____法規" in
/// activity B's text, the aligned-revenue share of the ambition, the strategy metrics' target values).
/// <see cref="Demo"/> fills the blanks with illustrative values for the demo organization (marked as such).</summary>
public static class TransitionPlanSample
{
    public const string Source = "金管會「轉型計畫建議涵蓋事項」(113 年 12 月 31 日) 附 轉型計畫樣本 (seed 003)";

    /// <summary>The sample as printed, in zh-TW (the seed's words) or English (this product's translation).</summary>
    public static TransitionPlan Seed003(bool english = false)
    {
        string L(string zh, string en) => english ? en : zh;
        return new TransitionPlan(
            Title: L("轉型計畫（金管會樣本）", "Transition plan (FSC sample)"),
            Boundary: L("本公司（包含所有子公司）", "The company, including all subsidiaries"),
            AdoptedOn: null,
            Activities:
            [
                new("A", 0.30m, ActivityType.General, ConditionResult.Met, ConditionResult.Met, ConditionResult.Met),
                new("B", 0.25m, ActivityType.General, ConditionResult.Met, ConditionResult.Met, ConditionResult.NotMet, HasTransitionPlan: true),
                new("C", 0.20m, ActivityType.General, ConditionResult.NotMet, ConditionResult.Met, ConditionResult.Met, HasTransitionPlan: true),
                new("D", 0.15m, ActivityType.Supporting, ConditionResult.NotAssessed, ConditionResult.Met, ConditionResult.Met),
                new("E", 0.10m, ActivityType.NotApplicable),
            ],
            Ambition: new Ambition(
                L("依據我國 2050 淨零目標及供應鏈廠商之要求，本公司之願景為_____年適用之經濟活動項目之永續程度皆為「符合」，且「符合」之經濟活動營收占比達_____%以上。",
                  "Following Taiwan's 2050 net-zero goal and our supply chain's requirements, by _____ every applicable economic activity is to be 'aligned', with aligned activities at least _____ % of revenue."),
                TargetYear: null, AlignedRevenueShareTarget: null, NetZeroYear: null,
                Considerations: [L("我國 2050 淨零目標", "Taiwan's 2050 net-zero goal"), L("供應鏈廠商之要求", "supply-chain requirements")]),
            Assumptions:
            [
                new(AssumptionCategory.IndustryPathway, L("產業淨零路徑，參考數據包括…", "Industry net-zero pathway; reference data include …"), Source: null),
                new(AssumptionCategory.EnergyMix, L("能源使用與組合，假設為…", "Energy use and mix, assumed to be …"), Source: null),
                new(AssumptionCategory.CarbonPrice, L("碳價假設為…", "Carbon price, assumed to be …"), Source: null),
            ],
            Actions:
            [
                new("B", L("因違反_____法規而受目的事業主管機關重大裁處，規劃採取補救、處置及加強監控措施", "Remedy a material sanction for breaching _____ regulations"),
                    StartYear: null, EndYear: null,
                    Steps: [L("補救措施：…", "Remedial measures: …"), L("處理或處置方式：…", "Handling or disposal: …"), L("加強監控及管理措施：…", "Strengthened monitoring and management: …")]),
                new("C", L("汰換老舊耗能設備、燃油及用電等設備項目", "Replace old energy-intensive, oil-fired and electrical equipment"), StartYear: null, EndYear: null),
                new("C", L("研發及導入產品及製程減碳技術", "Develop and deploy product and process decarbonisation technology"), StartYear: null, EndYear: null),
                new("F", L("增加支持型經濟活動項目 F：投入研發以提高永續經濟活動之營收占比", "Add supporting activity F: invest in R&D to raise the revenue share of sustainable activities"), StartYear: null, EndYear: null),
            ],
            Financing:
            [
                new(L("短期", "Short term"), StartYear: null, EndYear: null, AnnualCapex: null, Currency: "TWD",
                    Funding: [new(L("銀行融資", "Bank loans"), null), new(L("發行綠色債券", "Green bonds"), null)]),
                new(L("長期", "Long term"), StartYear: null, EndYear: null, AnnualCapex: null, Currency: "TWD",
                    UnquantifiedReason: L("考量技術可行性，目前研發技術之資金評估不確定性過高，爰無量化資訊。",
                        "Given technical feasibility, the funding of the R&D is too uncertain to quantify at present.")),
            ],
            Engagement:
            [
                new(L("促進供應鏈廠商減碳轉型", "Help suppliers decarbonise"), L("以上下游供應鏈為主", "Mainly the upstream and downstream supply chain"),
                    L("先盤點供應鏈廠商名單，並依廠商之重要性、碳排放量高低等要素，規劃議合與溝通活動，包括定期溝通會議、協助進行碳盤查、合作減碳專案等。",
                      "List suppliers, prioritise by importance and emissions, and hold regular meetings, help with GHG inventories and run joint reduction projects."),
                    L("降低本公司溫室氣體範疇 3 排放等", "Lower the company's Scope 3 emissions"), EngagementScope.ValueChain),
            ],
            StrategyMetrics:
            [
                new(L("經濟活動 B 改善完成", "Activity B remediation completed"), L("完成補救措施、處理或處置方式，以及加強監控及管理措施", "Remedial, handling and monitoring measures completed"), Activity: "B"),
                new(L("老舊耗能設備汰換比例", "Share of old energy-intensive equipment replaced"), L("完成老舊耗能設備（燃煤、燃氣、燃油及用電等）汰換之比例", "Share of old coal, gas, oil and electrical equipment replaced"), "%", "C"),
                new(L("淨零原料購置比例年增幅", "Yearly increase of net-zero raw-material purchases"), L("購置淨零原料比例每年增加之百分點", "Percentage points per year"), "%", "C"),
                new(L("能源使用減少比例", "Energy use reduction"), L("能源使用減少之比例（或度數）", "Reduction of energy use (or kWh)"), "%", "C"),
                new(L("用水量減少比例", "Water use reduction"), L("用水量減少之比例", "Reduction of water use"), "%", "C"),
                new(L("廢棄物減少量", "Waste reduction"), L("廢棄物產生量減少之比例（或噸數）", "Reduction of waste (or tonnes)"), "%", "C"),
                new(L("廢水回收再利用比例", "Wastewater reuse"), L("廢水回收和再利用比例之增加", "Increase of wastewater recycled and reused"), "%", "C"),
                new(L("能源使用效率年提升", "Yearly energy-efficiency gain"), L("每年提高能源使用效率之百分比", "Percent per year"), "%", "C"),
                new(L("支持型經濟活動 F 商品化", "Supporting activity F commercialised"), L("完成研發並商品化，永續程度為「符合」且占營收比重達目標", "R&D completed and commercialised; aligned and at the target revenue share"), "%", "F"),
            ],
            ClimateMetrics:
            [
                new(L("經濟活動 C 單位生產排放強度", "Activity C emission intensity per unit produced"), L("單位生產之溫室氣體排放量", "GHG emissions per unit of product"),
                    "tCO2e/unit", "C", BaseYear: null, BaseValue: null, TargetYear: null, TargetValue: null),
            ],
            OtherMetrics:
            [
                new(L("經濟活動 B 社會保障", "Activity B social safeguards"), L("違反法規之改善，永續程度達到「符合」", "Remedy the breach so the activity becomes aligned"), Activity: "B"),
            ],
            TargetIds: [],
            Recs: [new RecPlan(Certificates: null, ByYear: null)],
            Offsets:
            [
                new OffsetPlan(Quantity: null, Unit: null, ByYear: null, CreditSource: null,
                    Standard: L("環境部企業宣告碳中和指引或 ISO 14068-1", "MOENV corporate carbon-neutrality guideline or ISO 14068-1"), DisclosureUrl: null),
            ],
            Governance: new PlanGovernance(
                ApprovingBody: L("董事會", "Board of directors"),
                ApprovalDate: null,
                ApprovalProcedure: L("董事過半數出席，出席董事過半數同意之決議核定", "Resolution with a majority of directors present and a majority of those present in favour"),
                OversightBody: L("董事會轄下之永續發展委員會（董事長為召集人，獨立董事及高階主管為委員）", "The board's sustainability committee (chaired by the chairman; independent directors and senior managers)"),
                OversightMethod: L("永續部門定期向永續發展委員會提報執行成效，經委員會審議通過後提報董事會", "The sustainability department reports progress to the committee, which reviews it and reports to the board"),
                OversightFrequency: L("每年", "Yearly"),
                ExecutingUnits: [L("所有單位（轉型計畫指標列為各單位年度績效考核項目）", "All units (plan metrics are part of each unit's yearly performance review)"),
                                 L("總經理室轄下之永續部門（每季統整及追蹤）", "The sustainability department under the president's office (quarterly tracking)")],
                Controls: L("永續部門每季統整及追蹤所有部門之執行成效，每年向永續發展委員會提報", "Quarterly consolidation and tracking by the sustainability department; yearly report to the committee")));
    }

    /// <summary>The sample with its blanks filled by illustrative values for the demo organization (not real data):
    /// years 2025-2030, capex NTD 5,000,000 a year funded 60 % bank loans / 40 % green bonds, an SBTi target (by id).</summary>
    public static TransitionPlan Demo(Guid? targetId, bool english = false)
    {
        var sample = Seed003(english);
        string L(string zh, string en) => english ? en : zh;
        return sample with
        {
            Title = L("綠橋貿易 轉型計畫（示範）", "GreenBridge Trading transition plan (demo)"),
            AdoptedOn = new LocalDate(2025, 3, 14),
            Ambition = sample.Ambition! with
            {
                Statement = L("依據我國 2050 淨零目標及供應鏈廠商之要求，本公司之願景為 2030 年適用之經濟活動項目之永續程度皆為「符合」，且「符合」之經濟活動營收占比達 70% 以上；2050 年淨零排放。",
                              "By 2030 every applicable activity is aligned and aligned activities are at least 70 % of revenue; net zero by 2050."),
                TargetYear = 2030, AlignedRevenueShareTarget = 0.70m, NetZeroYear = 2050,
            },
            Assumptions =
            [
                new(AssumptionCategory.ClimatePolicy, L("我國 2050 淨零排放入法（氣候變遷因應法）", "Taiwan's 2050 net-zero goal in law (Climate Change Response Act)"), "氣候變遷因應法（2023）"),
                new(AssumptionCategory.IndustryPathway, L("IPCC AR6 C1 路徑：2030 年排放為 2019 年之 57%", "IPCC AR6 C1 pathway: 2030 emissions at 57 % of 2019"), "IPCC AR6 WGIII (2022); seed 001 Table 2"),
                new(AssumptionCategory.Macroeconomic, L("營收年成長 3%", "Revenue grows 3 % a year"), L("公司中期營運計畫", "Company medium-term business plan")),
                new(AssumptionCategory.RegionalVariables, L("北部夏季尖峰用電吃緊", "Summer peak constraints in northern Taiwan"), L("台電電力供需報告", "Taipower supply-demand report")),
                new(AssumptionCategory.EnergyMix, L("電力排碳係數由 0.474 降至 2030 年 0.388 kg/kWh", "Grid factor falls from 0.474 to 0.388 kg/kWh by 2030"), L("能源署電力排碳係數；台電 2030 規劃", "Energy Administration grid factors; Taipower 2030 plan")),
                new(AssumptionCategory.Technology, L("高效率熱泵與 LED 普及", "High-efficiency heat pumps and LEDs become standard"), "IEA Energy Efficiency 2024"),
                new(AssumptionCategory.CarbonPrice, L("內部碳價每公噸 1,500 元，2030 年調升至 3,000 元", "Internal carbon price NTD 1,500/t, NTD 3,000/t by 2030"), L("本公司內部碳定價政策；碳費收費費率", "Our internal carbon pricing policy; Taiwan carbon fee rates")),
                new(AssumptionCategory.Regulation, L("碳費徵收對象門檻維持年排放 2.5 萬公噸", "Carbon-fee threshold stays at 25,000 t a year"), L("碳費收費辦法", "Carbon Fee Collection Regulations")),
            ],
            Actions =
            [
                sample.Actions![0] with { StartYear = 2025, EndYear = 2026 },
                sample.Actions![1] with { StartYear = 2025, EndYear = 2028 },
                sample.Actions![2] with { StartYear = 2026, EndYear = 2030 },
                sample.Actions![3] with { StartYear = 2026, EndYear = 2028 },
            ],
            Financing =
            [
                sample.Financing![0] with { StartYear = 2025, EndYear = 2027, AnnualCapex = 5_000_000m, Funding = [new(L("銀行融資", "Bank loans"), 0.60m), new(L("發行綠色債券", "Green bonds"), 0.40m)] },
                sample.Financing![1] with { StartYear = 2028, EndYear = 2035 },
            ],
            StrategyMetrics = sample.StrategyMetrics!.Select((m, i) => m with { TargetYear = i == 0 ? 2026 : 2030, TargetValue = i == 0 ? null : 20m }).ToList(),
            ClimateMetrics = [sample.ClimateMetrics![0] with { BaseYear = 2024, BaseValue = 1.25m, TargetYear = 2030, TargetValue = 0.80m }],
            OtherMetrics = [sample.OtherMetrics![0] with { TargetYear = 2026 }],
            TargetIds = targetId is { } id ? [id] : [],
            Recs = [new RecPlan(200, 2030, L("國家再生能源憑證中心", "National Renewable Energy Certification Center"))],
            Offsets = [sample.Offsets![0] with { Quantity = 500m, Unit = "tCO2e", ByYear = 2030, CreditSource = L("環境部核發之國內減量額度", "Domestic reduction credits issued by MOENV"), DisclosureUrl = "https://example.com/greenbridge/transition-plan" }],
            Governance = sample.Governance! with { ApprovalDate = new LocalDate(2025, 3, 14) },
        };
    }

    /// <summary>Scopes of the demo's SBTi target.</summary>
    public static IReadOnlyList<Scope> DemoTargetScopes { get; } = [Scope.Scope1, Scope.Scope2];
}
