using CarbonLedger.Planning;
using NodaTime;

namespace CarbonLedger.Core.Tests.Planning;

/// <summary>The completeness check against the FSC's recommended items (seed 003 附表), the TPT's 19 sub-elements and
/// IFRS S2. The seed's sample as printed must have exactly its blanks (_____, ○) named.</summary>
public sealed class PlanCompletenessTests
{
    private static readonly Guid TargetId = new("5a0e8c1e-0000-4000-8000-000000000003");

    // A 1.5 °C target with a 2024 base year (Demo's metrics use 2024 as base year) and the 2024 inventory it quotes.
    private static PlanFigures DemoFigures(bool withInventory = true)
    {
        var target = GhgTarget.Create("Scope 1+2 1.5 °C", TargetKind.Absolute, TransitionPlanSample.DemoTargetScopes, 2024, 1_000m, 2030, null,
            PathwayMethod.Contraction(ContractionRate.Sbti15C)).Value;
        return new PlanFigures([new PlanTarget(TargetId, target, null)],
            withInventory ? [new InventoryFigures(2024, 600m, 450m, 400m, null, "demo inventory 2024")] : []);
    }

    private static HashSet<(FscItem Item, GapKind Kind, string Field)> Keys(CompletenessReport report) =>
        report.Gaps.Select(g => (g.Item, g.Kind, g.Field)).ToHashSet();

    // Seed 003 轉型計畫樣本, blank by blank (the sample as printed; its words in brackets):
    private static readonly (FscItem, GapKind, string)[] Seed003Blanks =
    [
        // 本公司…於○年○月○日制定轉型計畫
        (FscItem.GovernanceApproval, GapKind.Vague, "adoptedOn"),
        // 二、願景為_____年 … 達_____%以上
        (FscItem.Ambition, GapKind.Vague, "ambition.targetYear"),
        // 三(一) 1.-3. 係依據○單位之○報告/模型
        (FscItem.Assumptions, GapKind.Vague, "assumptions[0].source"),
        (FscItem.Assumptions, GapKind.Vague, "assumptions[1].source"),
        (FscItem.Assumptions, GapKind.Vague, "assumptions[2].source"),
        // 附表 三(一) 1, 3, 4, 6, 8 (policy, macroeconomy, regional variables, technology, regulation) not in the sample:
        // one Missing gap each, all on the field "assumptions" (the set keeps one key; counted below)
        (FscItem.Assumptions, GapKind.Missing, "assumptions"),
        // 三(二) B: 於_____年; C (1)(2): _____至_____年; F: 規劃_____年
        (FscItem.BusinessOperations, GapKind.Vague, "actions[0]"),
        (FscItem.BusinessOperations, GapKind.Vague, "actions[1]"),
        (FscItem.BusinessOperations, GapKind.Vague, "actions[2]"),
        (FscItem.BusinessOperations, GapKind.Vague, "actions[3]"),
        // 三(三) 1. 短期(_____ - _____年)：每年資本支出_____萬元，_____ %向銀行融資，_____ %發行綠色債券
        (FscItem.FinancialPlan, GapKind.Vague, "financing[0]"),
        (FscItem.FinancialPlan, GapKind.Vague, "financing[0].annualCapex"),
        (FscItem.FinancialPlan, GapKind.Vague, "financing[0].funding"),
        // 三(三) 2. 長期(_____ - _____年) — its capex is unquantified with a reason, which the FSC sample accepts
        (FscItem.FinancialPlan, GapKind.Vague, "financing[1]"),
        // 四(一) 1.-3.: every strategy metric's _____年 (nine metrics)
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[0]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[1]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[2]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[3]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[4]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[5]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[6]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[7]"),
        (FscItem.StrategyMetrics, GapKind.Vague, "strategyMetrics[8]"),
        // 四(二) 1. _____年單位生產之排放強度為_____，目標為_____年…達到_____
        (FscItem.ClimateMetrics, GapKind.Vague, "climateMetrics[0]"),
        // 四(二) 2(3) 至_____年前使用_____張再生能源憑證
        (FscItem.ClimateMetrics, GapKind.Vague, "recs[0].certificates"),
        (FscItem.ClimateMetrics, GapKind.Vague, "recs[0].byYear"),
        // 使用溫室氣體減量額度_____ (單位) — quantity and unit; the credits' source is not stated either
        (FscItem.ClimateMetrics, GapKind.Vague, "offsets[0]"),
        (FscItem.ClimateMetrics, GapKind.Vague, "offsets[0].creditSource"),
        // 規劃至_____年前 … 使用溫室氣體減量額度; 相關資訊並公開於本公司網頁，網址如下：_____
        (FscItem.ClimateMetrics, GapKind.Vague, "offsets[0].byYear"),
        (FscItem.ClimateMetrics, GapKind.Vague, "offsets[0].disclosureUrl"),
        // 四(三) 目標為_____年永續程度達到「符合」
        (FscItem.OtherMetrics, GapKind.Vague, "otherMetrics[0]"),
        // 五(一) 於○年○月○日經董事會…核定
        (FscItem.GovernanceApproval, GapKind.Vague, "governance.approvalDate"),
    ];

    [Fact]
    public void Check_Seed003AsPrinted_NamesExactlyItsBlanks()
    {
        // Given the FSC sample as printed, no targets or inventories
        var plan = TransitionPlanSample.Seed003();

        // When
        var report = PlanCompleteness.Check(plan, PlanFigures.None);

        // Then exactly the blanks listed above; 32 keys, of which "assumptions" Missing stands for 5 gaps → 36 gaps
        Keys(report).ShouldBe(Seed003Blanks.ToHashSet(), ignoreOrder: true);
        report.Gaps.Count.ShouldBe(Seed003Blanks.Length - 1 + 5);
        report.IsComplete.ShouldBeFalse();
    }

    [Fact]
    public void Check_Seed003AsPrinted_NamesTheFiveUncoveredAssumptionAreas()
    {
        // Given the sample's three assumptions: industry pathway, energy mix, carbon price (附表 三(一) 2, 5, 7)
        // When
        var report = PlanCompleteness.Check(TransitionPlanSample.Seed003(), PlanFigures.None);

        // Then 附表 三(一) 1 climate policy, 3 macroeconomy, 4 regional variables, 6 technology, 8 regulation are missing
        report.Gaps.Where(g => g is { Item: FscItem.Assumptions, Kind: GapKind.Missing }).Select(g => g.Message).ShouldBe(
        [
            "no assumption on national climate policy",
            "no assumption on macroeconomic trends",
            "no assumption on national or regional variables",
            "no assumption on technology development",
            "no assumption on regulatory requirements",
        ], ignoreOrder: true);
        report.Gaps.ShouldContain(g => g.MessageZhTw == "未涵蓋「企業所在國家之氣候相關政策」之假設");
    }

    [Fact]
    public void Check_Seed003AsPrinted_ClimateMetricNamesAllFourMissingFigures()
    {
        // Given the sample's activity-C intensity metric with base year/value and target year/value blank (附表 四(二) 1.)
        // When
        var report = PlanCompleteness.Check(TransitionPlanSample.Seed003(english: true), PlanFigures.None);

        // Then
        report.Gaps.Single(g => g.Field == "climateMetrics[0]").Message
            .ShouldBe("metric 'Activity C emission intensity per unit produced' has no base year, base value, target year, target value");
        report.Gaps.Single(g => g.Field == "strategyMetrics[0]").Message.ShouldBe("metric 'Activity B remediation completed' has no target year");
    }

    [Fact]
    public void Check_Seed003InEnglish_SameGapsAsInChinese()
    {
        // Given the sample in both languages (a translation has the same blanks)
        // When
        var zh = PlanCompleteness.Check(TransitionPlanSample.Seed003(), PlanFigures.None);
        var en = PlanCompleteness.Check(TransitionPlanSample.Seed003(english: true), PlanFigures.None);

        // Then
        en.Gaps.Select(g => (g.Item, g.Kind, g.Field)).ShouldBe(zh.Gaps.Select(g => (g.Item, g.Kind, g.Field)));
    }

    [Fact]
    public void Check_Seed003AsPrinted_WhatTheSampleFillsIsNotReported()
    {
        // Given the sample: boundary 本公司(包含所有子公司); the activity table; engagement with its four parts;
        // 董事會 with its resolution; the sustainability committee, its method and yearly frequency; all units and the
        // sustainability department with quarterly tracking; the long term's reason for no figures; the offset standard
        // When
        var report = PlanCompleteness.Check(TransitionPlanSample.Seed003(), PlanFigures.None);

        // Then none of those fields is named
        string[] filled =
        [
            "boundary", "activities", "ambition.statement", "engagement", "engagement[0]",
            "governance.approvingBody", "governance.approvalProcedure", "governance.oversightBody", "governance.oversightMethod",
            "governance.oversightFrequency", "governance.executingUnits", "governance.controls",
            "financing[1].annualCapex", "offsets[0].standard", "strategyMetrics", "climateMetrics", "otherMetrics", "actions",
        ];
        report.Gaps.Select(g => g.Field).Intersect(filled).ShouldBeEmpty();
        report.For(FscItem.Engagement).ShouldBeEmpty();
        report.For(FscItem.GovernanceOversight).ShouldBeEmpty();
        report.For(FscItem.GovernanceExecution).ShouldBeEmpty();
        report.For(FscItem.Applicability).ShouldBeEmpty();
    }

    [Fact]
    public void Check_Seed003AsPrinted_ClassificationIs45_45_10()
    {
        // Given the sample's activity table (seed 003 樣本 一)
        // When
        var report = PlanCompleteness.Check(TransitionPlanSample.Seed003(), PlanFigures.None);

        // Then 符合 A + D = 45 %, 轉型中 B + C = 45 %, 不適用 E = 10 %
        var classification = report.Classification.ShouldNotBeNull();
        classification.Share(SustainabilityStatus.Aligned).ShouldBe(0.45m);
        classification.Share(SustainabilityStatus.Transitioning).ShouldBe(0.45m);
        classification.Share(SustainabilityStatus.NotApplicable).ShouldBe(0.10m);
    }

    [Fact]
    public void Check_DemoWithItsTargetAndBaseYearInventory_NoGaps()
    {
        // Given the demo plan (blanks filled) referencing a target with a 2024 base year, and the 2024 inventory
        var plan = TransitionPlanSample.Demo(TargetId);

        // When
        var report = PlanCompleteness.Check(plan, DemoFigures());

        // Then
        report.Gaps.ShouldBeEmpty();
        report.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void Check_DemoWithoutBaseYearInventory_TargetNamedAsVague()
    {
        // Given the demo's target but no 2024 inventory to quote by scope (seed 003 四(二)2(1))
        // When
        var report = PlanCompleteness.Check(TransitionPlanSample.Demo(TargetId), DemoFigures(withInventory: false));

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.ClimateMetrics, GapKind.Vague, "targetIds"));
        gap.Message.ShouldBe("target 'Scope 1+2 1.5 °C': no inventory for its base year 2024 to quote by scope");
    }

    [Fact]
    public void Check_DemoReferencingUnknownTarget_Inconsistent()
    {
        // Given the demo referencing a target id the figures do not hold
        // When
        var report = PlanCompleteness.Check(TransitionPlanSample.Demo(Guid.NewGuid()), DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.ClimateMetrics, GapKind.Inconsistent, "targetIds"));
    }

    [Fact]
    public void Check_FundingSharesSummingTo90Percent_Inconsistent()
    {
        // Given the demo with short-term funding 60 % bank loans + 30 % green bonds = 90 %
        var demo = TransitionPlanSample.Demo(TargetId);
        var plan = demo with
        {
            Financing = [demo.Financing![0] with { Funding = [new FundingSource("銀行融資", 0.60m), new FundingSource("發行綠色債券", 0.30m)] }, demo.Financing[1]],
        };

        // When
        var report = PlanCompleteness.Check(plan, DemoFigures());

        // Then the single gap names the period's funding and the 90 %
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.FinancialPlan, GapKind.Inconsistent, "financing[0].funding"));
        gap.Message.ShouldBe("period '短期': funding shares sum to 90 %, not 100 %");
        gap.MessageZhTw.ShouldBe("期程「短期」：資金來源比例合計 90%，不等於 100%");
    }

    [Fact]
    public void Check_CapexWithoutFundingSource_Missing()
    {
        // Given a period with capex and no funding source (附表 三(三): 評估所需之資金及來源)
        var demo = TransitionPlanSample.Demo(TargetId);
        var plan = demo with { Financing = [demo.Financing![0] with { Funding = [] }, demo.Financing[1]] };

        // When
        var report = PlanCompleteness.Check(plan, DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.FinancialPlan, GapKind.Missing, "financing[0].funding"));
    }

    [Fact]
    public void Check_EmptyPlan_EveryRequiredItemMissing()
    {
        // Given a plan with a title only
        // When
        var report = PlanCompleteness.Check(new TransitionPlan("empty"), PlanFigures.None);

        // Then every FSC item with something required is named Missing (四(三) is asked only for activities failing
        // condition 2 or 3, so an empty plan has nothing owed there)
        var missing = report.Gaps.Where(g => g.Kind == GapKind.Missing).Select(g => (g.Item, g.Field)).ToList();
        missing.ShouldBe(
        [
            (FscItem.Applicability, "activities"),
            (FscItem.Ambition, "ambition.statement"),
            (FscItem.Assumptions, "assumptions"),
            (FscItem.BusinessOperations, "actions"),
            (FscItem.FinancialPlan, "financing"),
            (FscItem.Engagement, "engagement"),
            (FscItem.StrategyMetrics, "strategyMetrics"),
            (FscItem.ClimateMetrics, "climateMetrics"),
            (FscItem.GovernanceApproval, "governance.approvingBody"),
            (FscItem.GovernanceOversight, "governance.oversightBody"),
            (FscItem.GovernanceExecution, "governance.executingUnits"),
        ], ignoreOrder: true);
        report.Classification.ShouldBeNull();
    }

    [Fact]
    public void Check_DeclaredStatusContradictingConditions_InconsistentApplicabilityGap()
    {
        // Given the demo with activity B declared 符合 although condition 3 is not met
        var demo = TransitionPlanSample.Demo(TargetId);
        var activities = demo.Activities!.ToList();
        activities[1] = activities[1] with { DeclaredStatus = SustainabilityStatus.Aligned };

        // When
        var report = PlanCompleteness.Check(demo with { Activities = activities }, DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.Applicability, GapKind.Inconsistent, "activities[1].status"));
        report.Classification.ShouldBeNull();
    }

    [Fact]
    public void Check_TransitioningActivityWithoutAction_MissingAction()
    {
        // Given the demo without the two actions for activity C (transitioning)
        var demo = TransitionPlanSample.Demo(TargetId);
        var plan = demo with { Actions = demo.Actions!.Where(a => a.Activity != "C").ToList() };

        // When
        var report = PlanCompleteness.Check(plan, DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.BusinessOperations, GapKind.Missing, "actions"));
        gap.Message.ShouldBe("activity 'C' is transitioning but has no planned action");
    }

    [Fact]
    public void Check_ActivityFailingCondition3WithoutOtherMetric_MissingOtherMetric()
    {
        // Given the demo without activity B's social-safeguard metric (B fails condition 3; 四(三))
        var plan = TransitionPlanSample.Demo(TargetId) with { OtherMetrics = [] };

        // When
        var report = PlanCompleteness.Check(plan, DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.OtherMetrics, GapKind.Missing, "otherMetrics"));
    }

    [Fact]
    public void Check_ActionEndingBeforeItStarts_Inconsistent()
    {
        // Given an action 2028-2026
        var demo = TransitionPlanSample.Demo(TargetId);
        var actions = demo.Actions!.ToList();
        actions[3] = actions[3] with { StartYear = 2028, EndYear = 2026 };

        // When
        var report = PlanCompleteness.Check(demo with { Actions = actions }, DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.BusinessOperations, GapKind.Inconsistent, "actions[3]"));
    }

    [Fact]
    public void Check_ClimateMetricTargetYearNotAfterBaseYear_Inconsistent()
    {
        // Given the climate metric with base year 2024 and target year 2024
        var demo = TransitionPlanSample.Demo(TargetId);
        var plan = demo with { ClimateMetrics = [demo.ClimateMetrics![0] with { TargetYear = 2024 }] };

        // When
        var report = PlanCompleteness.Check(plan, DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.ClimateMetrics, GapKind.Inconsistent, "climateMetrics[0]"));
    }

    [Fact]
    public void Check_EngagementWithoutAudienceAndEffect_VagueNamingBoth()
    {
        // Given an engagement with purpose and method only (附表 三(四); 樣本 三(四) 1.-4.)
        var plan = TransitionPlanSample.Demo(TargetId) with { Engagement = [new EngagementActivity("促進供應鏈減碳", null, "定期溝通會議", " ")] };

        // When
        var report = PlanCompleteness.Check(plan, DemoFigures());

        // Then
        var gap = report.Gaps.ShouldHaveSingleItem();
        (gap.Item, gap.Kind, gap.Field).ShouldBe((FscItem.Engagement, GapKind.Vague, "engagement[0]"));
        gap.Message.ShouldBe("engagement without audience, expected effect");
        gap.MessageZhTw.ShouldBe("議合活動未填對象、預期影響");
    }

    [Fact]
    public void Tpt_AnyPlan_HasTheFrameworksNineteenSubElements()
    {
        // Given any plan
        // When
        var tpt = PlanCompleteness.Tpt(TransitionPlanSample.Seed003());

        // Then TPT Disclosure Framework (Oct 2023): Foundations 1.1-1.3, Implementation Strategy 2.1-2.4, Engagement
        // Strategy 3.1-3.3, Metrics & Targets 4.1-4.4, Governance 5.1-5.5 = 3 + 4 + 3 + 4 + 5 = 19
        tpt.Count.ShouldBe(19);
        tpt.Select(t => t.Code).ShouldBe(
            ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "5.4", "5.5"]);
        tpt.Select(t => t.Element).Distinct().ShouldBe(["Foundations", "Implementation Strategy", "Engagement Strategy", "Metrics & Targets", "Governance"]);
    }

    [Fact]
    public void Tpt_Seed003AsPrinted_SevenSubElementsEmpty()
    {
        // Given the sample. By the mapping's rule (PlanCompleteness.Tpt): 2.3, 5.3, 5.4, 5.5 have no FSC counterpart
        // (empty); 3.2 industry and 3.3 government/civil society need an engagement of that scope — the sample's only
        // engagement is with the supply chain (3.1); 4.2 needs a quantified capex — both periods' capex are blank
        // (short term _____萬元, long term unquantified). 4.3 is covered by the activity-C climate metric even with no
        // GHG target referenced; 4.4 by the offset plan (its quantity is blank but the item is there).
        // When
        var tpt = PlanCompleteness.Tpt(TransitionPlanSample.Seed003());

        // Then
        tpt.Where(t => !t.Covered).Select(t => t.Code).ShouldBe(["2.3", "3.2", "3.3", "4.2", "5.3", "5.4", "5.5"]);
    }

    [Fact]
    public void Tpt_Demo_CapexFillsFinancialMetrics()
    {
        // Given the demo (short-term capex NTD 5,000,000 a year)
        // When
        var tpt = PlanCompleteness.Tpt(TransitionPlanSample.Demo(TargetId));

        // Then 4.2 is now covered; the rest as for the sample
        tpt.Where(t => !t.Covered).Select(t => t.Code).ShouldBe(["2.3", "3.2", "3.3", "5.3", "5.4", "5.5"]);
    }

    [Fact]
    public void IfrsS2_Seed003AsPrinted_NoTargetsButCarbonPriceAndCredits()
    {
        // Given the sample: no GHG target referenced, a carbon-price assumption (三(一) 3.), an offset plan (四(二)2(3))
        // When
        var s2 = PlanCompleteness.IfrsS2(TransitionPlanSample.Seed003(), PlanFigures.None).ToDictionary(c => c.Paragraph, c => c.Covered);

        // Then
        s2["14(a)(v)"].ShouldBeFalse();
        s2["14(c)"].ShouldBeFalse();
        s2["29(f)"].ShouldBeTrue();
        s2["36(e)"].ShouldBeTrue();
        s2["14(b)"].ShouldBeTrue();
    }

    [Fact]
    public void IfrsS2_TargetWithProgress_Covers14c()
    {
        // Given the demo's target with one year of progress
        var figures = DemoFigures();
        var target = figures.Targets[0].Target;
        var progress = TargetTracker.Evaluate(target, [new YearActual(2025, 950m)]).Value;
        var withProgress = figures with { Targets = [new PlanTarget(TargetId, target, progress)] };

        // When
        var s2 = PlanCompleteness.IfrsS2(TransitionPlanSample.Demo(TargetId), withProgress).ToDictionary(c => c.Paragraph, c => c.Covered);

        // Then
        s2["14(a)(v)"].ShouldBeTrue();
        s2["14(c)"].ShouldBeTrue();
    }

    [Fact]
    public void Check_AdoptionDateGiven_NotReported()
    {
        // Given the sample with an adoption date filled in
        var plan = TransitionPlanSample.Seed003() with { AdoptedOn = new LocalDate(2025, 3, 14) };

        // When
        var report = PlanCompleteness.Check(plan, PlanFigures.None);

        // Then
        report.Gaps.ShouldNotContain(g => g.Field == "adoptedOn");
    }

    [Fact]
    public void Tpt_EverySubElement_HasItsZhTwNameAndElement()
    {
        // Given any plan (the names do not depend on content)
        // When
        var tpt = PlanCompleteness.Tpt(TransitionPlanSample.Seed003());

        // Then all 19 sub-elements carry a Chinese name (shown in the zh-TW UI and document), and e.g. 5.1 is
        // 董事會監督與報告 under 治理 (TPT Disclosure Framework 2023 "5.1 Board oversight and reporting", "5. Governance")
        tpt.Count.ShouldBe(19);
        tpt.ShouldAllBe(t => t.SubElementZhTw.Length > 0 && t.ElementZhTw.Length > 0);
        var board = tpt.Single(t => t.Code == "5.1");
        board.SubElementIn(zhTw: true).ShouldBe("董事會監督與報告");
        board.ElementIn(zhTw: true).ShouldBe("治理");
        board.SubElementIn(zhTw: false).ShouldBe("Board oversight and reporting");
        // and 5.3 Culture, which no FSC item asks for, says so in both languages
        var culture = tpt.Single(t => t.Code == "5.3");
        culture.NoteIn(zhTw: false).ShouldBe("no FSC item asks for this");
        culture.NoteIn(zhTw: true).ShouldBe("金管會建議涵蓋事項無對應項目");
    }
}
