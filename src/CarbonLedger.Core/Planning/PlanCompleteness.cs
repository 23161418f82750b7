using System.Globalization;
using CarbonLedger.Common;

namespace CarbonLedger.Planning;

public enum GapKind
{
    /// <summary>A recommended item with nothing in it.</summary>
    Missing,

    /// <summary>Present but not specific enough (no date, no base year or value, no source …).</summary>
    Vague,

    /// <summary>Contradicts another part of the plan (shares not 100 %, a status against its conditions).</summary>
    Inconsistent,
}

/// <summary>One recommended item missing or vague, with the field to fix, in English and zh-TW.</summary>
public sealed record PlanGap(FscItem Item, GapKind Kind, string Field, string Message, string MessageZhTw);

/// <summary>A UK Transition Plan Taskforce sub-element (TPT Disclosure Framework, October 2023: 5 elements, 19
/// sub-elements) and whether the plan says anything for it.</summary>
public sealed record TptCoverage(string Code, string Element, string SubElement, IReadOnlyList<FscItem> FscItems, bool Covered, string Note,
    string ElementZhTw = "", string SubElementZhTw = "", string NoteZhTw = "")
{
    public string NoteIn(bool zhTw) => zhTw && NoteZhTw.Length > 0 ? NoteZhTw : Note;

    public string ElementIn(bool zhTw) => zhTw && ElementZhTw.Length > 0 ? ElementZhTw : Element;

    public string SubElementIn(bool zhTw) => zhTw && SubElementZhTw.Length > 0 ? SubElementZhTw : SubElement;
}

/// <summary>An IFRS S2 paragraph a transition plan feeds and whether the plan has content for it.</summary>
public sealed record IfrsS2Coverage(string Paragraph, string Topic, IReadOnlyList<FscItem> FscItems, bool Covered, string TopicZhTw = "")
{
    public string TopicIn(bool zhTw) => zhTw && TopicZhTw.Length > 0 ? TopicZhTw : Topic;
}

public sealed record CompletenessReport(IReadOnlyList<PlanGap> Gaps, IReadOnlyList<TptCoverage> Tpt, IReadOnlyList<IfrsS2Coverage> IfrsS2,
    ActivityClassification? Classification)
{
    public bool IsComplete => Gaps.Count == 0;

    public IEnumerable<PlanGap> For(FscItem item) => Gaps.Where(g => g.Item == item);
}

/// <summary>Checks a plan against the FSC's recommended items (seed 003 附表) and names every item that is missing or
/// vague; maps the plan onto the UK TPT's 19 sub-elements and IFRS S2 (SPEC §6 "International mapping").</summary>
public static class PlanCompleteness
{
    /// <summary>The seed's eight assumption areas (附表 三(一) 1-8), each of which a complete plan addresses.</summary>
    public static IReadOnlyList<AssumptionCategory> RecommendedAssumptions { get; } =
        [AssumptionCategory.ClimatePolicy, AssumptionCategory.IndustryPathway, AssumptionCategory.Macroeconomic, AssumptionCategory.RegionalVariables,
         AssumptionCategory.EnergyMix, AssumptionCategory.Technology, AssumptionCategory.CarbonPrice, AssumptionCategory.Regulation];

    public static CompletenessReport Check(TransitionPlan plan, PlanFigures figures)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(figures);
        var gaps = new List<PlanGap>();
        void Gap(FscItem item, GapKind kind, string field, string en, string zh) => gaps.Add(new PlanGap(item, kind, field, en, zh));

        if (plan.AdoptedOn is null)
        {
            Gap(FscItem.GovernanceApproval, GapKind.Vague, "adoptedOn", "the plan has no adoption date (本公司於○年○月○日制定轉型計畫)", "未填轉型計畫制定日期（本公司於○年○月○日制定）");
        }
        if (string.IsNullOrWhiteSpace(plan.Boundary))
        {
            Gap(FscItem.Applicability, GapKind.Vague, "boundary", "state the plan's boundary (e.g. the company and all subsidiaries)", "請敘明轉型計畫之範圍（例如本公司及所有子公司）");
        }

        // 一、適用及符合參考指引之情形
        ActivityClassification? classification = null;
        var activities = plan.Activities ?? [];
        if (activities.Count == 0)
        {
            Gap(FscItem.Applicability, GapKind.Missing, "activities", "no main economic activities: list each with its share of last year's revenue, type and the three conditions",
                "未列主要經濟活動：請列出各項活動占過去一年營收比重、類型及三項條件");
        }
        else
        {
            var outcome = ActivityClassifier.Classify(activities);
            if (outcome.Succeeded) { classification = outcome.Value; }
            else
            {
                foreach (var p in outcome.Problems)
                {
                    Gap(FscItem.Applicability, GapKind.Inconsistent, p.Location.Field ?? "activities", p.Message, p.MessageZhTw ?? p.Message);
                }
            }
        }

        // 二、願景
        var ambition = plan.Ambition;
        if (ambition is null || string.IsNullOrWhiteSpace(ambition.Statement))
        {
            Gap(FscItem.Ambition, GapKind.Missing, "ambition.statement", "no ambition: what the company expects to achieve, and by when", "未填願景：企業期望於何時實現之事項");
        }
        else if (ambition.TargetYear is null && ambition.NetZeroYear is null)
        {
            Gap(FscItem.Ambition, GapKind.Vague, "ambition.targetYear", "the ambition has no date (附表: 願景宜有明確時點且可實現)", "願景未有明確時點（附表：願景宜有明確時點且可實現）");
        }

        // 三(一) 計畫假設
        var assumptions = plan.Assumptions ?? [];
        if (assumptions.Count == 0)
        {
            Gap(FscItem.Assumptions, GapKind.Missing, "assumptions", "no key assumptions (climate policy, industry pathway, macroeconomy, energy mix, technology, carbon price, regulation …)",
                "未填計畫假設（氣候政策、產業路徑、總體經濟、能源組合、科技發展、碳價、法規等）");
        }
        else
        {
            for (var i = 0; i < assumptions.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(assumptions[i].Source))
                {
                    Gap(FscItem.Assumptions, GapKind.Vague, Inv($"assumptions[{i}].source"), Inv($"assumption '{assumptions[i].Description}' has no source (依據○單位之○報告/模型)"),
                        Inv($"假設「{assumptions[i].Description}」未註明來源（依據○單位之○報告/模型）"));
                }
            }
            foreach (var c in RecommendedAssumptions.Where(c => assumptions.All(a => a.Category != c)))
            {
                Gap(FscItem.Assumptions, GapKind.Missing, "assumptions", Inv($"no assumption on {AssumptionEnglish(c)}"), Inv($"未涵蓋「{AssumptionZhTw(c)}」之假設"));
            }
        }

        // 三(二) 業務營運
        var actions = plan.Actions ?? [];
        if (actions.Count == 0)
        {
            Gap(FscItem.BusinessOperations, GapKind.Missing, "actions", "no business-operation actions with their periods", "未填業務營運之各期程行動");
        }
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (a.StartYear is null && a.EndYear is null)
            {
                Gap(FscItem.BusinessOperations, GapKind.Vague, Inv($"actions[{i}]"), Inv($"action '{a.Description}' has no period (start or end year)"), Inv($"行動「{a.Description}」未填期程（起訖年）"));
            }
            else if (a.StartYear is { } s && a.EndYear is { } e && e < s)
            {
                Gap(FscItem.BusinessOperations, GapKind.Inconsistent, Inv($"actions[{i}]"), Inv($"action '{a.Description}' ends ({e}) before it starts ({s})"), Inv($"行動「{a.Description}」結束年（{e}）早於開始年（{s}）"));
            }
        }
        if (classification is not null)
        {
            foreach (var c in classification.Activities.Where(c => c.Status is SustainabilityStatus.Transitioning or SustainabilityStatus.NotAligned))
            {
                if (!actions.Any(a => string.Equals(a.Activity, c.Activity.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    Gap(FscItem.BusinessOperations, GapKind.Missing, "actions", Inv($"activity '{c.Activity.Name}' is {ActivityClassifier.English(c.Status)} but has no planned action"),
                        Inv($"經濟活動「{c.Activity.Name}」為{ActivityClassifier.ZhTw(c.Status)}，但未規劃行動"));
                }
            }
        }

        // 三(三) 財務計畫
        var financing = plan.Financing ?? [];
        if (financing.Count == 0)
        {
            Gap(FscItem.FinancialPlan, GapKind.Missing, "financing", "no financial plan: capex per period and its funding sources", "未填財務計畫：各期程資本支出及資金來源");
        }
        for (var i = 0; i < financing.Count; i++)
        {
            var f = financing[i];
            var field = Inv($"financing[{i}]");
            if (f.StartYear is null || f.EndYear is null)
            {
                Gap(FscItem.FinancialPlan, GapKind.Vague, field, Inv($"period '{f.Name}' has no start or end year"), Inv($"期程「{f.Name}」未填起訖年"));
            }
            var funding = f.Funding ?? [];
            if (f.AnnualCapex is null)
            {
                if (string.IsNullOrWhiteSpace(f.UnquantifiedReason))
                {
                    Gap(FscItem.FinancialPlan, GapKind.Vague, field + ".annualCapex", Inv($"period '{f.Name}' has no capex and no reason why it is not quantified"),
                        Inv($"期程「{f.Name}」未填資本支出，亦未說明無法量化之原因"));
                }
                // Funding sources listed without capex (the sample's short term: _____ % 銀行融資, _____ % 綠色債券) still have
                // their shares checked; with neither there is nothing more to ask.
                if (funding.Count == 0) { continue; }
            }
            if (funding.Count == 0)
            {
                Gap(FscItem.FinancialPlan, GapKind.Missing, field + ".funding", Inv($"period '{f.Name}' has capex but no funding source"), Inv($"期程「{f.Name}」有資本支出但未填資金來源"));
            }
            else if (funding.Any(s => s.Share is null))
            {
                Gap(FscItem.FinancialPlan, GapKind.Vague, field + ".funding", Inv($"period '{f.Name}': give each funding source's share"), Inv($"期程「{f.Name}」：請填各資金來源之比例"));
            }
            else if (Math.Abs(funding.Sum(s => s.Share!.Value) - 1m) > ActivityClassifier.ShareTolerance)
            {
                Gap(FscItem.FinancialPlan, GapKind.Inconsistent, field + ".funding", Inv($"period '{f.Name}': funding shares sum to {funding.Sum(s => s.Share!.Value) * 100m:0.##} %, not 100 %"),
                    Inv($"期程「{f.Name}」：資金來源比例合計 {funding.Sum(s => s.Share!.Value) * 100m:0.##}%，不等於 100%"));
            }
        }

        // 三(四) 議合與溝通
        var engagement = plan.Engagement ?? [];
        if (engagement.Count == 0)
        {
            Gap(FscItem.Engagement, GapKind.Missing, "engagement", "no engagement: purpose, audience, method and expected effect", "未填議合與溝通：目的、對象、作法及預期影響");
        }
        for (var i = 0; i < engagement.Count; i++)
        {
            var e = engagement[i];
            var missing = new List<(string En, string Zh)>();
            if (string.IsNullOrWhiteSpace(e.Purpose)) { missing.Add(("purpose", "目的")); }
            if (string.IsNullOrWhiteSpace(e.Audience)) { missing.Add(("audience", "對象")); }
            if (string.IsNullOrWhiteSpace(e.Method)) { missing.Add(("method", "作法")); }
            if (string.IsNullOrWhiteSpace(e.ExpectedEffect)) { missing.Add(("expected effect", "預期影響")); }
            if (missing.Count > 0)
            {
                Gap(FscItem.Engagement, GapKind.Vague, Inv($"engagement[{i}]"), "engagement without " + string.Join(", ", missing.Select(m => m.En)),
                    "議合活動未填" + string.Join("、", missing.Select(m => m.Zh)));
            }
        }

        // 四(一) 策略相關之指標與目標
        CheckMetrics(plan.StrategyMetrics, FscItem.StrategyMetrics, "strategyMetrics", needsBase: false, gaps,
            "no strategy metrics and targets (for business operations, financial planning, engagement)", "未填策略相關之指標與目標（業務營運、財務規劃、議合與溝通）");

        // 四(二) 氣候變遷減緩相關之指標與目標, GHG targets, RECs and offsets
        var climate = plan.ClimateMetrics ?? [];
        var targets = plan.TargetIds ?? [];
        if (climate.Count == 0 && targets.Count == 0)
        {
            Gap(FscItem.ClimateMetrics, GapKind.Missing, "climateMetrics", "no climate-mitigation metrics and no GHG target", "未填氣候變遷減緩相關之指標與目標，亦無溫室氣體減量目標");
        }
        CheckMetrics(climate, FscItem.ClimateMetrics, "climateMetrics", needsBase: true, gaps, null, null);
        foreach (var id in targets.Where(id => figures.Targets.All(t => t.Id != id)))
        {
            Gap(FscItem.ClimateMetrics, GapKind.Inconsistent, "targetIds", Inv($"target {id} is referenced but does not exist (deleted?)"), Inv($"引用之目標 {id} 不存在（已刪除？）"));
        }
        foreach (var t in figures.Targets.Where(t => targets.Contains(t.Id)))
        {
            if (!figures.Inventories.Any(i => i.Year == t.Target.BaseYear))
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, "targetIds", Inv($"target '{t.Target.Name}': no inventory for its base year {t.Target.BaseYear} to quote by scope"),
                    Inv($"目標「{t.Target.Name}」：無基準年 {t.Target.BaseYear} 之盤查可引用各範疇排放量"));
            }
        }
        var recs = plan.Recs ?? [];
        for (var i = 0; i < recs.Count; i++)
        {
            if (recs[i].Certificates is not > 0)
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, Inv($"recs[{i}].certificates"), "state the number of RECs (1 REC = 1,000 kWh)", "請敘明再生能源憑證張數（1 張 = 1,000 度電）");
            }
            if (recs[i].ByYear is null)
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, Inv($"recs[{i}].byYear"), "state by which year the RECs will be used", "請敘明再生能源憑證使用之年度");
            }
        }
        var offsets = plan.Offsets ?? [];
        for (var i = 0; i < offsets.Count; i++)
        {
            var o = offsets[i];
            if (o.Quantity is not > 0m || string.IsNullOrWhiteSpace(o.Unit))
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, Inv($"offsets[{i}]"), "state the quantity and unit of credits", "請敘明減量額度之數量及單位");
            }
            if (string.IsNullOrWhiteSpace(o.CreditSource))
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, Inv($"offsets[{i}].creditSource"), "state where the credits come from (所抵換之減量額度來源)", "請敘明所抵換之減量額度來源");
            }
            if (o.ByYear is null)
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, Inv($"offsets[{i}].byYear"), "state by which year the credits will be used (至_____年前)", "請敘明使用減量額度之年度（至_____年前）");
            }
            if (string.IsNullOrWhiteSpace(o.DisclosureUrl))
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, Inv($"offsets[{i}].disclosureUrl"), "state the web page where the offsetting is published (相關資訊並公開於本公司網頁)",
                    "請敘明公開抵換相關資訊之網址（相關資訊並公開於本公司網頁）");
            }
            if (string.IsNullOrWhiteSpace(o.Standard))
            {
                Gap(FscItem.ClimateMetrics, GapKind.Vague, Inv($"offsets[{i}].standard"), "state the standard the offsetting follows (環境部企業宣告碳中和指引 or ISO 14068-1)",
                    "請敘明抵換所依循之規範（環境部企業宣告碳中和指引或 ISO 14068-1）");
            }
        }

        // 四(三) 其他環境目的及社會保障
        var other = plan.OtherMetrics ?? [];
        CheckMetrics(other, FscItem.OtherMetrics, "otherMetrics", needsBase: false, gaps, null, null);
        if (classification is not null)
        {
            foreach (var c in classification.Activities.Where(c => c.Activity.NoSignificantHarm == ConditionResult.NotMet || c.Activity.SocialSafeguards == ConditionResult.NotMet))
            {
                if (!other.Any(m => string.Equals(m.Activity, c.Activity.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    Gap(FscItem.OtherMetrics, GapKind.Missing, "otherMetrics", Inv($"activity '{c.Activity.Name}' does not meet condition 2 or 3 but has no environmental/social metric and target"),
                        Inv($"經濟活動「{c.Activity.Name}」未符合條件 2 或 3，但未設定其他環境目的或社會保障之指標與目標"));
                }
            }
        }

        // 五、治理
        var g = plan.Governance ?? new PlanGovernance();
        if (string.IsNullOrWhiteSpace(g.ApprovingBody)) { Gap(FscItem.GovernanceApproval, GapKind.Missing, "governance.approvingBody", "no approving body", "未填核定單位"); }
        if (g.ApprovalDate is null) { Gap(FscItem.GovernanceApproval, GapKind.Vague, "governance.approvalDate", "no approval date", "未填核定日期"); }
        if (string.IsNullOrWhiteSpace(g.ApprovalProcedure)) { Gap(FscItem.GovernanceApproval, GapKind.Vague, "governance.approvalProcedure", "no approval procedure or resolution", "未填核定程序或決議"); }
        if (string.IsNullOrWhiteSpace(g.OversightBody)) { Gap(FscItem.GovernanceOversight, GapKind.Missing, "governance.oversightBody", "no oversight body", "未填治理（監督）單位"); }
        if (string.IsNullOrWhiteSpace(g.OversightMethod)) { Gap(FscItem.GovernanceOversight, GapKind.Vague, "governance.oversightMethod", "no oversight method", "未填監督方式"); }
        if (string.IsNullOrWhiteSpace(g.OversightFrequency)) { Gap(FscItem.GovernanceOversight, GapKind.Vague, "governance.oversightFrequency", "no oversight frequency", "未填監督頻率"); }
        if (g.ExecutingUnits is not { Count: > 0 }) { Gap(FscItem.GovernanceExecution, GapKind.Missing, "governance.executingUnits", "no executing units", "未填執行單位"); }
        if (string.IsNullOrWhiteSpace(g.Controls)) { Gap(FscItem.GovernanceExecution, GapKind.Vague, "governance.controls", "no control procedures", "未填控制程序"); }

        return new CompletenessReport(gaps, Tpt(plan), IfrsS2(plan, figures), classification);
    }

    private static void CheckMetrics(IReadOnlyList<PlanMetric>? metrics, FscItem item, string field, bool needsBase, List<PlanGap> gaps, string? missingEn, string? missingZh)
    {
        var list = metrics ?? [];
        if (list.Count == 0 && missingEn is not null)
        {
            gaps.Add(new PlanGap(item, GapKind.Missing, field, missingEn, missingZh!));
        }
        for (var i = 0; i < list.Count; i++)
        {
            var m = list[i];
            var f = Inv($"{field}[{i}]");
            var missing = new List<(string En, string Zh)>();
            if (string.IsNullOrWhiteSpace(m.Definition)) { missing.Add(("definition", "定義")); }
            if (needsBase && m.BaseYear is null) { missing.Add(("base year", "基準年")); }
            if (needsBase && m.BaseValue is null) { missing.Add(("base value", "基準數值")); }
            if (m.TargetYear is null) { missing.Add(("target year", "目標年")); }
            if (needsBase && m.TargetValue is null) { missing.Add(("target value", "目標數值")); }
            if (missing.Count > 0)
            {
                gaps.Add(new PlanGap(item, GapKind.Vague, f, Inv($"metric '{m.Name}' has no {string.Join(", ", missing.Select(x => x.En))}"),
                    Inv($"指標「{m.Name}」未填{string.Join("、", missing.Select(x => x.Zh))}")));
            }
            else if (m.BaseYear is { } by && m.TargetYear is { } ty && ty <= by)
            {
                gaps.Add(new PlanGap(item, GapKind.Inconsistent, f, Inv($"metric '{m.Name}': target year {ty} is not after base year {by}"),
                    Inv($"指標「{m.Name}」：目標年 {ty} 未晚於基準年 {by}")));
            }
        }
    }

    /// <summary>The TPT Disclosure Framework (Oct 2023) sub-elements mapped onto the FSC items; 2.3, 5.3, 5.4 and 5.5
    /// have no FSC counterpart, so they are covered only when the plan's text says something for them.</summary>
    public static IReadOnlyList<TptCoverage> Tpt(TransitionPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var g = plan.Governance ?? new PlanGovernance();
        var engagement = plan.Engagement ?? [];
        var actions = plan.Actions ?? [];
        bool Has(string? s) => !string.IsNullOrWhiteSpace(s);
        TptCoverage T(string code, string element, string sub, FscItem[] items, bool covered, string note = "") =>
            new(code, element, sub, items, covered, note, TptZhTw[code[..1]], TptZhTw[code], note.Length == 0 ? "" : NoteZhTw[note]);
        const string noFsc = "no FSC item asks for this";
        return
        [
            T("1.1", "Foundations", "Strategic Ambition", [FscItem.Ambition], Has(plan.Ambition?.Statement)),
            T("1.2", "Foundations", "Business model and value chain", [FscItem.Applicability], (plan.Activities ?? []).Count > 0),
            T("1.3", "Foundations", "Key assumptions and external factors", [FscItem.Assumptions], (plan.Assumptions ?? []).Count > 0),
            T("2.1", "Implementation Strategy", "Business operations", [FscItem.BusinessOperations], actions.Count > 0),
            T("2.2", "Implementation Strategy", "Products and services", [FscItem.BusinessOperations], actions.Any(a => Has(a.Activity)), "actions tied to an economic activity"),
            T("2.3", "Implementation Strategy", "Policies and conditions", [], false, noFsc),
            T("2.4", "Implementation Strategy", "Financial planning", [FscItem.FinancialPlan], (plan.Financing ?? []).Count > 0),
            T("3.1", "Engagement Strategy", "Engagement with value chain", [FscItem.Engagement], engagement.Any(e => e.Scope == EngagementScope.ValueChain)),
            T("3.2", "Engagement Strategy", "Engagement with industry", [FscItem.Engagement], engagement.Any(e => e.Scope == EngagementScope.Industry)),
            T("3.3", "Engagement Strategy", "Engagement with government, public sector, communities and civil society", [FscItem.Engagement],
                engagement.Any(e => e.Scope == EngagementScope.GovernmentAndCivilSociety)),
            T("4.1", "Metrics & Targets", "Governance, engagement, business and operational metrics and targets", [FscItem.StrategyMetrics], (plan.StrategyMetrics ?? []).Count > 0),
            T("4.2", "Metrics & Targets", "Financial metrics and targets", [FscItem.FinancialPlan], (plan.Financing ?? []).Any(f => f.AnnualCapex is not null), "quantified capex per period"),
            T("4.3", "Metrics & Targets", "GHG metrics and targets", [FscItem.ClimateMetrics], (plan.TargetIds ?? []).Count > 0 || (plan.ClimateMetrics ?? []).Count > 0),
            T("4.4", "Metrics & Targets", "Carbon credits", [FscItem.ClimateMetrics], (plan.Offsets ?? []).Count > 0),
            T("5.1", "Governance", "Board oversight and reporting", [FscItem.GovernanceApproval, FscItem.GovernanceOversight], Has(g.ApprovingBody) || Has(g.OversightBody)),
            T("5.2", "Governance", "Management roles, responsibility and accountability", [FscItem.GovernanceExecution], g.ExecutingUnits is { Count: > 0 }),
            T("5.3", "Governance", "Culture", [], false, noFsc),
            T("5.4", "Governance", "Incentives and remuneration", [], false, noFsc),
            T("5.5", "Governance", "Skills, competencies and training", [], false, noFsc),
        ];
    }

    /// <summary>Traditional Chinese names of the TPT elements (by number) and sub-elements (by code), this product's
    /// translation of the TPT Disclosure Framework (October 2023).</summary>
    private static readonly Dictionary<string, string> TptZhTw = new(StringComparer.Ordinal)
    {
        ["1"] = "基礎", ["2"] = "執行策略", ["3"] = "議合策略", ["4"] = "指標與目標", ["5"] = "治理",
        ["1.1"] = "策略願景", ["1.2"] = "商業模式與價值鏈", ["1.3"] = "關鍵假設與外部因素",
        ["2.1"] = "業務營運", ["2.2"] = "產品與服務", ["2.3"] = "政策與條件", ["2.4"] = "財務規劃",
        ["3.1"] = "與價值鏈之議合", ["3.2"] = "與產業之議合", ["3.3"] = "與政府、公部門、社區及公民社會之議合",
        ["4.1"] = "治理、議合、業務與營運之指標與目標", ["4.2"] = "財務指標與目標", ["4.3"] = "溫室氣體指標與目標", ["4.4"] = "碳權",
        ["5.1"] = "董事會監督與報告", ["5.2"] = "管理階層之角色、責任與當責", ["5.3"] = "企業文化", ["5.4"] = "激勵與薪酬", ["5.5"] = "技能、職能與訓練",
    };

    private static readonly Dictionary<string, string> NoteZhTw = new(StringComparer.Ordinal)
    {
        ["no FSC item asks for this"] = "金管會建議涵蓋事項無對應項目",
        ["actions tied to an economic activity"] = "與經濟活動相連之行動",
        ["quantified capex per period"] = "各期程已量化之資本支出",
    };

    /// <summary>IFRS S2 paragraphs a transition plan feeds (S2 14(a)-(c), 29(f), 33-36).</summary>
    public static IReadOnlyList<IfrsS2Coverage> IfrsS2(TransitionPlan plan, PlanFigures figures)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(figures);
        var targets = plan.TargetIds ?? [];
        return
        [
            new("14(a)(i)-(iii)", "changes to the business model and mitigation efforts", [FscItem.BusinessOperations], (plan.Actions ?? []).Count > 0, "商業模式之變動及減緩作為"),
            new("14(a)(iv)", "transition plan, key assumptions and dependencies", [FscItem.Assumptions], (plan.Assumptions ?? []).Count > 0, "轉型計畫、關鍵假設及依存因素"),
            new("14(a)(v)", "how the entity plans to achieve its climate-related targets", [FscItem.ClimateMetrics], targets.Count > 0, "如何達成氣候相關目標"),
            new("14(b)", "how the entity is resourcing these activities", [FscItem.FinancialPlan], (plan.Financing ?? []).Count > 0, "執行上述活動之資源"),
            new("14(c)", "progress of plans disclosed in prior periods", [FscItem.ClimateMetrics],
                figures.Targets.Any(t => targets.Contains(t.Id) && t.Progress is { Rows.Count: > 0 }), "先前揭露計畫之進展"),
            new("29(f)", "internal carbon prices", [FscItem.Assumptions], (plan.Assumptions ?? []).Any(a => a.Category == AssumptionCategory.CarbonPrice), "內部碳定價"),
            new("33-35", "climate-related targets and their progress", [FscItem.ClimateMetrics, FscItem.StrategyMetrics], targets.Count > 0 || (plan.ClimateMetrics ?? []).Count > 0, "氣候相關目標及其進展"),
            new("36(e)", "planned use of carbon credits", [FscItem.ClimateMetrics], (plan.Offsets ?? []).Count > 0, "規劃使用之碳權"),
        ];
    }

    public static string AssumptionEnglish(AssumptionCategory c) => c switch
    {
        AssumptionCategory.ClimatePolicy => "national climate policy",
        AssumptionCategory.IndustryPathway => "industry pathways or climate scenarios",
        AssumptionCategory.Macroeconomic => "macroeconomic trends",
        AssumptionCategory.RegionalVariables => "national or regional variables",
        AssumptionCategory.EnergyMix => "energy use and mix",
        AssumptionCategory.Technology => "technology development",
        AssumptionCategory.CarbonPrice => "carbon price",
        AssumptionCategory.Regulation => "regulatory requirements",
        _ => "other",
    };

    public static string AssumptionZhTw(AssumptionCategory c) => c switch
    {
        AssumptionCategory.ClimatePolicy => "企業所在國家之氣候相關政策",
        AssumptionCategory.IndustryPathway => "產業路徑、路線圖或氣候情境",
        AssumptionCategory.Macroeconomic => "總體經濟趨勢",
        AssumptionCategory.RegionalVariables => "國家或地區層級變數",
        AssumptionCategory.EnergyMix => "能源使用與組合",
        AssumptionCategory.Technology => "科技發展",
        AssumptionCategory.CarbonPrice => "碳價",
        AssumptionCategory.Regulation => "法規要求",
        _ => "其他",
    };

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
