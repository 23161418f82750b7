using CarbonLedger.Inventory;
using CarbonLedger.Planning;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;

namespace CarbonLedger.Reports.Tests.Planning;

/// <summary>The plans the document tests render: seed 003's sample as printed (blanks empty) and the demo plan with an
/// SBTi 1.5 °C target on a hand-made 2024 inventory.</summary>
internal static class PlanDocumentSamples
{
    public const string Organization = "範例股份有限公司";

    public static readonly Guid TargetId = new("5b3f6c1e-8a43-4d0e-9a11-2f1f7a3c0001");

    public static PlanDocumentModel Seed003(ReportLanguage language) =>
        PlanDocumentModel.From(TransitionPlanSample.Seed003(english: language == ReportLanguage.English), PlanFigures.None, language, Organization);

    /// <summary>Base year 2024: Scope 1 400 t + Scope 2 market-based 600 t = 1,000 t (location-based 650 t), Scope 3 2,500 t.
    /// Target: SBTi 1.5 °C absolute contraction (4.2 %/yr linear) 2024 → 2030, reduction left to the method.
    /// 2025 actual: 930 t after 40 RECs that lowered market-based Scope 2 by 20 t.</summary>
    public static PlanDocumentModel Demo(ReportLanguage language)
    {
        var target = GhgTarget.Create("SBTi 1.5 °C S1+2", TargetKind.Absolute, [Scope.Scope1, Scope.Scope2], 2024, 1_000m, 2030, reduction: null,
            PathwayMethod.Contraction(ContractionRate.Sbti15C)).Value;
        var progress = TargetTracker.Evaluate(target, [new YearActual(2025, 930m, RecTonnes: 20m, RecCertificates: 40)]).Value;
        var figures = new PlanFigures([new PlanTarget(TargetId, target, progress)],
            [new InventoryFigures(2024, Scope1: 400m, Scope2LocationBased: 650m, Scope2MarketBased: 600m, Scope3: 2_500m, Source: "FY2024 inventory")]);
        return PlanDocumentModel.From(TransitionPlanSample.Demo(TargetId, english: language == ReportLanguage.English), figures, language, Organization);
    }

    /// <summary>The twelve FSC items' headings as seed 003's sample (轉型計畫樣本) numbers them, in its order.</summary>
    public static IReadOnlyList<string> FscHeadingsZhTw { get; } =
    [
        "一、適用及符合「永續經濟活動認定參考指引」之情形", "二、願景", "(一)計畫假設", "(二)業務營運", "(三)財務計畫", "(四)議合與溝通",
        "(一)策略相關之指標與目標", "(二)氣候變遷減緩相關之指標與目標", "(三)與其他環境目的及社會保障相關之指標與目標",
        "(一)核定單位及程序", "(二)治理單位及監督方式", "(三)執行單位及相關程序",
    ];
}
