using System.Globalization;
using CarbonLedger.Planning;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Planning;

/// <summary>One piece of the plan document, in reading order. Renderers draw blocks; they compute no figure.</summary>
public abstract record PlanBlock;

/// <summary>A heading: level 0 the document title, 1 a section (一、… / I. …), 2 a sub-item ((一)… / (a) …). The FSC item it
/// opens, when it opens one (seed 003 附表: 一, 二, 三(一)-(四), 四(一)-(三), 五(一)-(三)).</summary>
public sealed record PlanHeading(int Level, string Text, FscItem? Item = null) : PlanBlock;

/// <summary>Body text, indented by <see cref="Indent"/> steps (numbered items, their sub-items); a note prints smaller.</summary>
public sealed record PlanParagraph(string Text, int Indent = 0, bool IsNote = false) : PlanBlock;

/// <summary>A table cell: its text and whether it is a number (right-aligned).</summary>
public readonly record struct PlanCell(string Text, bool Numeric = false);

/// <summary>A bordered table: its header row and body rows (every row as wide as the header); the first column of
/// <see cref="LabelColumn"/> tables names the row (the activity table of 一).</summary>
public sealed record PlanTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<PlanCell>> Rows, bool LabelColumn = false) : PlanBlock;

/// <summary>A target's pathway year by year with the actual values where there are any, for a chart.</summary>
public sealed record PlanPathwayChart(string Title, string Unit, IReadOnlyList<TargetPathwayPoint> Pathway, IReadOnlyList<(int Year, decimal Value)> Actuals,
    string PathwayLabel, string ActualLabel) : PlanBlock;

/// <summary>A target the plan references with its pathway and the inventory of its base year (null when none exists).</summary>
public sealed record PlanTargetView(PlanTarget Target, IReadOnlyList<TargetPathwayPoint> Pathway, InventoryFigures? BaseInventory);

/// <summary>A transition plan as a document in the structure of seed 003's 轉型計畫樣本: the opening sentence, 一 to 五 with
/// their sub-items, and an appendix with the completeness check, the UK TPT sub-elements and the IFRS S2 paragraphs.
/// <see cref="From"/> classifies the activities and checks completeness; every figure comes from Core (classification,
/// pathways, progress) or from the inventories in <see cref="PlanFigures"/>, never retyped. Unfilled blanks print as the
/// sample prints them ("_____", "○年○月○日"), so a reader sees what is missing.</summary>
public sealed record PlanDocumentModel
{
    public required ReportLanguage Language { get; init; }
    public required string Title { get; init; }
    public required string OrganizationName { get; init; }
    public required TransitionPlan Plan { get; init; }
    public required PlanFigures Figures { get; init; }
    public ActivityClassification? Classification { get; init; }
    public required CompletenessReport Completeness { get; init; }
    public required IReadOnlyList<PlanTargetView> Targets { get; init; }
    public required IReadOnlyList<PlanBlock> Blocks { get; init; }

    public IEnumerable<PlanHeading> Headings => Blocks.OfType<PlanHeading>();

    public static PlanDocumentModel From(TransitionPlan plan, PlanFigures figures, ReportLanguage language, string organizationName)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationName);
        var completeness = PlanCompleteness.Check(plan, figures);
        var ids = plan.TargetIds ?? [];
        var targets = figures.Targets.Where(t => ids.Contains(t.Id))
            .Select(t => new PlanTargetView(t, t.Progress?.Pathway ?? TargetPathways.Build(t.Target), figures.Inventories.FirstOrDefault(i => i.Year == t.Target.BaseYear)))
            .ToList();
        var blocks = new PlanDocumentBuilder(plan, PlanStrings.For(language), completeness, targets, organizationName).Build();
        return new PlanDocumentModel
        {
            Language = language, Title = plan.Title, OrganizationName = organizationName.Trim(), Plan = plan, Figures = figures,
            Classification = completeness.Classification, Completeness = completeness, Targets = targets, Blocks = blocks,
        };
    }
}

/// <summary>Writes the blocks of <see cref="PlanDocumentModel"/> section by section, in the sample's order and words.</summary>
internal sealed class PlanDocumentBuilder(TransitionPlan plan, PlanStrings s, CompletenessReport completeness, IReadOnlyList<PlanTargetView> targets, string organization)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly List<PlanBlock> _blocks = [];

    private string Blank => s[PlanText.Blank];

    public List<PlanBlock> Build()
    {
        _blocks.Add(new PlanHeading(0, plan.Title));
        Paragraph($"{s[PlanText.Organization]}{(s.ZhTw ? "：" : ": ")}{organization.Trim()}");
        var boundary = Or(plan.Boundary, s.ZhTw ? "本公司" : "the company");
        if (!s.ZhTw) { boundary = Lower(boundary); }
        Paragraph(s.Format(PlanText.Opening, boundary, Date(plan.AdoptedOn)));
        Applicability();
        Ambition();
        Heading(1, PlanText.Section3);
        Assumptions();
        BusinessOperations();
        Financing();
        Engagement();
        Heading(1, PlanText.Section4);
        Heading(2, PlanText.Section4a, FscItem.StrategyMetrics);
        Paragraph(s[PlanText.StrategyIntro]);
        Metrics(plan.StrategyMetrics);
        ClimateMetrics();
        Heading(2, PlanText.Section4c, FscItem.OtherMetrics);
        Paragraph(s[PlanText.OtherIntro]);
        Metrics(plan.OtherMetrics);
        Governance();
        Appendix();
        return _blocks;
    }

    // 一、適用及符合「永續經濟活動認定參考指引」之情形
    private void Applicability()
    {
        Heading(1, PlanText.Section1, FscItem.Applicability);
        var activities = plan.Activities ?? [];
        if (activities.Count == 0)
        {
            Paragraph(s[PlanText.ActivitySummaryNone]);
            return;
        }
        var classification = completeness.Classification;
        var names = string.Join(s.ZhTw ? "、" : ", ", activities.Select(a => a.Name));
        if (classification is null)
        {
            Paragraph(s.Format(PlanText.ActivitySummary, activities.Count, names) + s[PlanText.SentenceEnd] + s[PlanText.ActivitiesUnclassified]);
        }
        else
        {
            var groups = new List<string>();
            foreach (var status in new[] { SustainabilityStatus.Aligned, SustainabilityStatus.Transitioning, SustainabilityStatus.NotAligned, SustainabilityStatus.NotApplicable })
            {
                var members = classification.Activities.Where(c => c.Status == status).Select(c => c.Activity.Name).ToList();
                if (members.Count == 0) { continue; }
                var list = string.Join(s.ZhTw ? "、" : ", ", members);
                groups.Add(status == SustainabilityStatus.NotApplicable
                    ? s.Format(PlanText.NotApplicableGroup, list, Percent(classification.Share(status)))
                    : s.Format(PlanText.StatusGroup, s.Of(status), list, Percent(classification.Share(status))));
            }
            var sentence = string.Join(s[PlanText.ListSeparator], groups);
            if (!s.ZhTw) { sentence = char.ToUpperInvariant(sentence[0]) + sentence[1..]; }
            Paragraph(s.Format(PlanText.ActivitySummary, activities.Count, names) + s[PlanText.ActivitySummaryJoin] + sentence + s[PlanText.ActivitySummaryEnd]);
        }
        ActivityTable(activities, classification);
    }

    /// <summary>The sample's table: (一) names and revenue shares, (二) type, (三) conditions 1-3, (四) transition plan, 衡量結果.</summary>
    private void ActivityTable(IReadOnlyList<EconomicActivity> activities, ActivityClassification? classification)
    {
        SustainabilityStatus? StatusOf(int i) => classification?.Activities[i].Status;
        IReadOnlyList<PlanCell> Row(string label, Func<EconomicActivity, int, string> cell) =>
            [new PlanCell(label), .. activities.Select((a, i) => new PlanCell(cell(a, i)))];
        string Condition(EconomicActivity a, ConditionResult r) => a.Type == ActivityType.NotApplicable ? "" : s.Of(r);
        var headers = new List<string> { s[PlanText.RowShares] };
        headers.AddRange(activities.Select(a => a.Name));
        List<IReadOnlyList<PlanCell>> rows =
        [
            [new PlanCell(""), .. activities.Select(a => new PlanCell(Percent(a.RevenueShare), Numeric: true))],
            Row(s[PlanText.RowType], (a, _) => s.Of(a.Type)),
            Row(s[PlanText.RowConformity], (a, _) => a.Type == ActivityType.NotApplicable ? "/" : ""),
            Row(s[PlanText.RowCondition1], (a, _) => Condition(a, a.SubstantialContribution)),
            Row(s[PlanText.RowCondition2], (a, _) => Condition(a, a.NoSignificantHarm)),
            Row(s[PlanText.RowCondition3], (a, _) => Condition(a, a.SocialSafeguards)),
            // The sample prints "/" where the activity is aligned (no plan needed) and leaves not-applicable ones empty.
            Row(s[PlanText.RowHasPlan], (a, i) => StatusOf(i) switch
            {
                SustainabilityStatus.Aligned => "/",
                SustainabilityStatus.NotApplicable => "",
                _ => a.Type == ActivityType.NotApplicable ? "" : s[a.HasTransitionPlan ? PlanText.HasPlanYes : PlanText.HasPlanNo],
            }),
            Row(s[PlanText.RowResult], (_, i) => StatusOf(i) is { } st ? s.Of(st) : "—"),
        ];
        _blocks.Add(new PlanTable(headers, rows, LabelColumn: true));
    }

    // 二、願景
    private void Ambition()
    {
        Heading(1, PlanText.Section2, FscItem.Ambition);
        var a = plan.Ambition;
        if (a is null || string.IsNullOrWhiteSpace(a.Statement))
        {
            Paragraph(s[PlanText.AmbitionNone]);
            return;
        }
        Paragraph(a.Statement);
        var details = new List<string>
        {
            s.Format(PlanText.AmbitionYear, Year(a.TargetYear)),
            s.Format(PlanText.AmbitionAlignedShare, a.AlignedRevenueShareTarget is { } share ? Percent(share) : Blank + (s.ZhTw ? "%" : " %")),
        };
        if (a.NetZeroYear is { } nz) { details.Add(s.Format(PlanText.AmbitionNetZero, Year(nz))); }
        if (a.Considerations is { Count: > 0 } c) { details.Add(s.Format(PlanText.AmbitionConsiderations, string.Join(s.ZhTw ? "、" : "; ", c))); }
        foreach (var d in details) { Paragraph(d, indent: 1); }
    }

    // 三(一) 計畫假設
    private void Assumptions()
    {
        Heading(2, PlanText.Section3a, FscItem.Assumptions);
        var list = plan.Assumptions ?? [];
        Paragraph(s[PlanText.AssumptionsIntro]);
        if (list.Count == 0)
        {
            Paragraph("1. " + Blank, indent: 1);
            return;
        }
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            var category = s.ZhTw ? PlanCompleteness.AssumptionZhTw(a.Category) : Capitalized(PlanCompleteness.AssumptionEnglish(a.Category));
            var value = string.IsNullOrWhiteSpace(a.Value) ? "" : s.Format(PlanText.AssumptionValue, a.Value);
            Paragraph(s.Format(PlanText.AssumptionLine, i + 1, category, a.Description.TrimEnd('。', '.'), value, Or(a.Source, s[PlanText.AssumptionSourceBlank])), indent: 1);
        }
    }

    // 三(二) 業務營運
    private void BusinessOperations()
    {
        Heading(2, PlanText.Section3b, FscItem.BusinessOperations);
        var actions = plan.Actions ?? [];
        Paragraph(s[PlanText.ActionsIntro]);
        if (actions.Count == 0)
        {
            Paragraph("1. " + Blank, indent: 1);
            return;
        }
        var groups = actions.GroupBy(a => a.Activity?.Trim() ?? "", StringComparer.OrdinalIgnoreCase).ToList();
        for (var g = 0; g < groups.Count; g++)
        {
            var key = groups[g].Key;
            Paragraph(key.Length == 0 ? s.Format(PlanText.ActionCompany, g + 1) : s.Format(PlanText.ActionActivity, g + 1, key), indent: 1);
            var k = 0;
            foreach (var action in groups[g])
            {
                Paragraph(s.Format(PlanText.ActionLine, ++k, Period(action.StartYear, action.EndYear), action.Description), indent: 2);
                var steps = action.Steps ?? [];
                for (var j = 0; j < steps.Count; j++)
                {
                    Paragraph($"{(char)('A' + (j % 26))}. {steps[j]}", indent: 3);
                }
            }
        }
    }

    // 三(三) 財務計畫
    private void Financing()
    {
        Heading(2, PlanText.Section3c, FscItem.FinancialPlan);
        var periods = plan.Financing ?? [];
        Paragraph(s[PlanText.FinancingIntro]);
        if (periods.Count == 0)
        {
            Paragraph("1. " + Blank, indent: 1);
            return;
        }
        for (var i = 0; i < periods.Count; i++)
        {
            var f = periods[i];
            var span = PeriodRange(f.StartYear, f.EndYear);
            if (f.AnnualCapex is null && !string.IsNullOrWhiteSpace(f.UnquantifiedReason))
            {
                Paragraph(s.Format(PlanText.FinancingUnquantified, i + 1, f.Name, span, f.UnquantifiedReason), indent: 1);
                continue;
            }
            var funding = f.Funding ?? [];
            var sources = funding.Count == 0
                ? s[PlanText.FinancingNoFunding]
                : string.Join(s[PlanText.FinancingFunding], funding.Select(x => s.Format(PlanText.FinancingShare,
                    x.Share is { } share ? Percent(share) : Blank + (s.ZhTw ? "%" : " %"), s.ZhTw ? x.Name : x.Name.ToLowerInvariant())));
            Paragraph(s.Format(PlanText.FinancingLine, i + 1, f.Name, span, Capex(f.AnnualCapex, f.Currency), sources), indent: 1);
        }
    }

    /// <summary>Capex per year: NTD in 萬元 as the sample writes it (5,000,000 → 500萬元), in full in English.</summary>
    private string Capex(decimal? amount, string currency)
    {
        var twd = string.Equals(currency, "TWD", StringComparison.OrdinalIgnoreCase) || string.Equals(currency, "NTD", StringComparison.OrdinalIgnoreCase);
        if (amount is not { } a) { return twd ? s.Format(PlanText.CapexTwd, Blank) : s.Format(PlanText.CapexOther, currency, Blank); }
        if (!twd) { return s.Format(PlanText.CapexOther, currency, a.ToString("#,##0", Invariant)); }
        return s.ZhTw ? s.Format(PlanText.CapexTwd, (a / 10_000m).ToString("#,##0.####", Invariant)) : s.Format(PlanText.CapexTwd, a.ToString("#,##0", Invariant));
    }

    // 三(四) 議合與溝通
    private void Engagement()
    {
        Heading(2, PlanText.Section3d, FscItem.Engagement);
        var list = plan.Engagement ?? [];
        Paragraph(s[PlanText.EngagementIntro]);
        if (list.Count == 0) { list = [new EngagementActivity(null, null, null, null)]; }
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i];
            var indent = 1;
            if (list.Count > 1)
            {
                Paragraph(s.Format(PlanText.EngagementActivity, i + 1), indent: 1);
                indent = 2;
            }
            Paragraph(s.Format(PlanText.EngagementPurpose, Sentence(e.Purpose)), indent);
            Paragraph(s.Format(PlanText.EngagementAudience, Sentence(e.Audience)), indent);
            Paragraph(s.Format(PlanText.EngagementMethod, Sentence(e.Method)), indent);
            Paragraph(s.Format(PlanText.EngagementEffect, Sentence(e.ExpectedEffect)), indent);
        }
    }

    /// <summary>四(一)/(三) and the climate metrics of 四(二)1: one row per metric, blanks where the plan has none.</summary>
    private void Metrics(IReadOnlyList<PlanMetric>? metrics)
    {
        var list = metrics ?? [];
        if (list.Count == 0)
        {
            Paragraph(s[PlanText.MetricsNone], indent: 1);
            return;
        }
        string Value(decimal? v) => v is { } x ? x.ToString("#,##0.####", Invariant) : Blank;
        _blocks.Add(new PlanTable(
            [s[PlanText.ColActivity], s[PlanText.ColMetric], s[PlanText.ColDefinition], s[PlanText.ColUnit], s[PlanText.ColBaseYear], s[PlanText.ColBaseValue],
             s[PlanText.ColTargetYear], s[PlanText.ColTargetValue]],
            list.Select(m => (IReadOnlyList<PlanCell>)
            [
                new(m.Activity ?? ""), new(m.Name), new(Or(m.Definition, Blank)), new(m.Unit ?? ""), new(Year(m.BaseYear), true), new(Value(m.BaseValue), true),
                new(Year(m.TargetYear), true), new(Value(m.TargetValue), true),
            ]).ToList()));
    }

    // 四(二) 氣候變遷減緩相關之指標與目標: metrics, GHG targets from the target store and inventories, RECs, offsets
    private void ClimateMetrics()
    {
        Heading(2, PlanText.Section4b, FscItem.ClimateMetrics);
        Paragraph(s[PlanText.ClimateMetricsIntro]);
        Metrics(plan.ClimateMetrics);
        if (targets.Count == 0)
        {
            Paragraph(s.Format(PlanText.GhgHeading, ""), indent: 0);
            Paragraph(s[PlanText.GhgIntroNoInventory], indent: 1);
            Paragraph(s.Format(PlanText.GhgBaseTotal, Blank, Blank, Blank).Replace(" 年", "年", StringComparison.Ordinal), indent: 1);
            Paragraph(s.Format(PlanText.GhgScope1, Blank, Blank), indent: 2);
            Paragraph(s.Format(PlanText.GhgScope2, Blank, Blank, s[PlanText.Scope2Market]), indent: 2);
            Paragraph(s.Format(PlanText.GhgScope3, Blank, Blank), indent: 2);
            Paragraph(s[PlanText.GhgTargetNone], indent: 1);
        }
        foreach (var view in targets) { Target(view); }
        RecsAndOffsets();
    }

    private void Target(PlanTargetView view)
    {
        var t = view.Target.Target;
        var unit = t.ValueUnit;
        Paragraph(s.Format(PlanText.GhgHeading, t.Name));
        if (view.BaseInventory is { } inv)
        {
            Paragraph(s.Format(PlanText.GhgIntro, Year(t.BaseYear), inv.Source, Year(t.TargetYear)), indent: 1);
            var scope2 = t.Scope2Basis == CarbonLedger.Inventory.Scope2Method.MarketBased ? inv.Scope2MarketBased : inv.Scope2LocationBased;
            var total = inv.Scope1 + scope2 + (inv.Scope3 ?? 0m);
            Paragraph(s.Format(PlanText.GhgBaseTotal, Year(inv.Year), TenThousand(total), ReportNumbers.Tonnes(total)), indent: 1);
            Paragraph(s.Format(PlanText.GhgScope1, TenThousand(inv.Scope1), ReportNumbers.Tonnes(inv.Scope1)), indent: 2);
            Paragraph(s.Format(PlanText.GhgScope2, TenThousand(scope2), ReportNumbers.Tonnes(scope2),
                s[t.Scope2Basis == CarbonLedger.Inventory.Scope2Method.MarketBased ? PlanText.Scope2Market : PlanText.Scope2Location]), indent: 2);
            Paragraph(inv.Scope3 is { } s3 ? s.Format(PlanText.GhgScope3, TenThousand(s3), ReportNumbers.Tonnes(s3)) : s.Format(PlanText.GhgScope3, Blank, Blank), indent: 2);
        }
        else
        {
            Paragraph(s[PlanText.GhgIntroNoInventory], indent: 1);
        }
        var scopes = string.Join(s.ZhTw ? "、" : " and ", t.Scopes.Select(x => ((int)x).ToString(Invariant)));
        Paragraph(s.Format(PlanText.GhgCovered, scopes, Value(t.BaseValue, t), unit), indent: 1);
        Paragraph(s.Format(PlanText.GhgMethod, t.Method.Describe(s.ZhTw), Percent(t.Reduction), scopes, Year(t.TargetYear), Year(t.BaseYear),
            Value(t.BaseValue, t), Value(t.TargetValue, t), unit), indent: 1);
        Paragraph(s[PlanText.GhgReductionNote], indent: 1, note: true);

        var progress = view.Target.Progress;
        var actuals = progress?.Rows.ToDictionary(r => r.Year) ?? [];
        var withProgress = actuals.Count > 0;
        var headers = new List<string> { s[PlanText.ColYear], $"{s[PlanText.ColPathway]} ({unit})", s[PlanText.ColShareOfBase] };
        if (withProgress)
        {
            headers.AddRange([$"{s[PlanText.ColActual]} ({unit})", s[PlanText.ColRecEffect], s[PlanText.ColOffsets], s[PlanText.ColGap], s[PlanText.ColOnTrack]]);
        }
        var years = view.Pathway.Select(p => p.Year).Union(actuals.Keys).Order().ToList();
        var rows = new List<IReadOnlyList<PlanCell>>();
        foreach (var year in years)
        {
            var point = view.Pathway.FirstOrDefault(p => p.Year == year);
            var onPath = point.Year == year;
            var row = new List<PlanCell>
            {
                new(Year(year), true), new(onPath ? Value(point.Value, t) : "", true), new(onPath ? Percent(point.ShareOfBase) : "", true),
            };
            if (withProgress)
            {
                if (actuals.TryGetValue(year, out var r))
                {
                    row.AddRange([new(Value(r.Actual, t), true), new(Value(r.RecEffect, t), true), new(Value(r.Offsets, t), true),
                        new(r.Gap is { } gap ? Value(gap, t) : "", true), new(r.OnTrack is { } ok ? s.YesNo(ok) : "")]);
                }
                else
                {
                    row.AddRange([new("", true), new("", true), new("", true), new("", true), new("")]);
                }
            }
            rows.Add(row);
        }
        Paragraph(s.Format(PlanText.PathwayTable, t.Name, t.Method.Describe(s.ZhTw)), indent: 1);
        _blocks.Add(new PlanTable(headers, rows));
        if (progress?.Required is { } req)
        {
            Paragraph(req.AlreadyMet
                ? s.Format(PlanText.AlreadyMet, Year(req.FromYear), Value(req.TargetValue, t), unit)
                : s.Format(PlanText.RequiredReduction, Year(req.FromYear), Value(req.TargetValue, t), unit, Year(req.TargetYear), Value(req.PerYear, t),
                    Percent(req.PointsOfBasePerYear), Percent(req.CompoundRate)), indent: 1);
        }
        _blocks.Add(new PlanPathwayChart(s.Format(PlanText.PathwayChart, t.Name), unit, view.Pathway,
            progress?.Rows.Select(r => (r.Year, r.Actual)).ToList() ?? [], s[PlanText.ChartPathway], s[PlanText.ChartActual]));
    }

    private void RecsAndOffsets()
    {
        var recs = plan.Recs ?? [];
        if (recs.Count == 0) { Paragraph(s[PlanText.RecsNone], indent: 1); }
        foreach (var r in recs)
        {
            if (r.Certificates is null && r.ByYear is null)
            {
                Paragraph(s[PlanText.RecsNone], indent: 1);
                continue;
            }
            var source = string.IsNullOrWhiteSpace(r.Source) ? "" : (s.ZhTw ? $"（來源：{r.Source}）" : $" (source: {r.Source})");
            Paragraph(s.Format(PlanText.RecsLine, r.Certificates is { } n ? n.ToString("#,##0", Invariant) : Blank,
                r.Kwh is { } kwh ? kwh.ToString("#,##0", Invariant) : Blank, Year(r.ByYear), source), indent: 1);
        }
        var offsets = plan.Offsets ?? [];
        if (offsets.Count == 0) { Paragraph(s[PlanText.OffsetsNone], indent: 1); }
        foreach (var o in offsets)
        {
            Paragraph(s.Format(PlanText.OffsetsLine, o.Quantity is { } q ? q.ToString("#,##0.###", Invariant) : Blank, Or(o.Unit, s.ZhTw ? "(單位)" : "(unit)"),
                Year(o.ByYear), Or(o.CreditSource, Blank), Or(o.Standard, Blank), Or(o.DisclosureUrl, Blank)), indent: 1);
        }
        Paragraph(s[PlanText.RecsOffsetsSeparate], indent: 1, note: true);
    }

    // 五、治理
    private void Governance()
    {
        var g = plan.Governance ?? new PlanGovernance();
        Heading(1, PlanText.Section5);
        Heading(2, PlanText.Section5a, FscItem.GovernanceApproval);
        var procedure = Or(g.ApprovalProcedure, Blank);
        // The sample's sentence ends "…之決議核定。"; a procedure that does not say 核定 gets it appended.
        if (s.ZhTw && !procedure.EndsWith("核定", StringComparison.Ordinal)) { procedure += "核定"; }
        var body = Or(g.ApprovingBody, Blank);
        if (!s.ZhTw) { body = Lower(body.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? body[4..] : body); }
        Paragraph(s.Format(PlanText.ApprovalLine, Date(g.ApprovalDate), body, s.ZhTw ? procedure : Lower(procedure).TrimEnd('.')));
        Heading(2, PlanText.Section5b, FscItem.GovernanceOversight);
        Paragraph(s.Format(PlanText.OversightLine, Capitalized(Or(g.OversightBody, Blank)), Or(g.OversightMethod, Blank).TrimEnd('。', '.'), Or(g.OversightFrequency, Blank)));
        Heading(2, PlanText.Section5c, FscItem.GovernanceExecution);
        var units = g.ExecutingUnits is { Count: > 0 } u ? u : [Blank];
        for (var i = 0; i < units.Count; i++) { Paragraph(s.Format(PlanText.ExecutionUnits, i + 1, units[i]), indent: 1); }
        Paragraph(s.Format(PlanText.ExecutionControls, Or(g.Controls, Blank)), indent: 1);
    }

    private void Appendix()
    {
        _blocks.Add(new PlanHeading(1, s[PlanText.Appendix]));
        _blocks.Add(new PlanHeading(2, s[PlanText.AppendixGaps]));
        if (completeness.Gaps.Count == 0) { Paragraph(s[PlanText.AppendixGapsNone]); }
        else
        {
            _blocks.Add(new PlanTable([s[PlanText.ColItem], s[PlanText.ColKind], s[PlanText.ColField], s[PlanText.ColMessage]],
                completeness.Gaps.Select(g => (IReadOnlyList<PlanCell>)[new(s.ItemLabel(g.Item)), new(s.Of(g.Kind)), new(g.Field), new(s.ZhTw ? g.MessageZhTw : g.Message)]).ToList()));
        }
        _blocks.Add(new PlanHeading(2, s[PlanText.AppendixTpt]));
        var empty = completeness.Tpt.Where(t => !t.Covered).Select(t => t.Code).ToList();
        Paragraph(s.Format(PlanText.AppendixTptNote, completeness.Tpt.Count(t => t.Covered), empty.Count == 0 ? "—" : string.Join(", ", empty)));
        _blocks.Add(new PlanTable([s[PlanText.ColCode], s[PlanText.ColElement], s[PlanText.ColSubElement], s[PlanText.ColFscItems], s[PlanText.ColCovered], s[PlanText.ColNote]],
            completeness.Tpt.Select(t => (IReadOnlyList<PlanCell>)[new(t.Code), new(t.ElementIn(s.ZhTw)), new(t.SubElementIn(s.ZhTw)), new(Items(t.FscItems)), new(s.YesNo(t.Covered)), new(t.NoteIn(s.ZhTw))]).ToList()));
        _blocks.Add(new PlanHeading(2, s[PlanText.AppendixIfrs]));
        _blocks.Add(new PlanTable([s[PlanText.ColParagraph], s[PlanText.ColTopic], s[PlanText.ColFscItems], s[PlanText.ColCovered]],
            completeness.IfrsS2.Select(c => (IReadOnlyList<PlanCell>)[new(c.Paragraph), new(c.TopicIn(s.ZhTw)), new(Items(c.FscItems)), new(s.YesNo(c.Covered))]).ToList()));
    }

    private string Items(IReadOnlyList<FscItem> items) => items.Count == 0 ? "—" : string.Join(s.ZhTw ? "、" : "; ", items.Select(s.ItemLabel));

    private void Heading(int level, PlanText text, FscItem? item = null) => _blocks.Add(new PlanHeading(level, s[text], item));

    private void Paragraph(string text, int indent = 0, bool note = false) => _blocks.Add(new PlanParagraph(text, indent, note));

    private string Or(string? value, string blank) => string.IsNullOrWhiteSpace(value) ? blank : value.Trim();

    private string Sentence(string? value) => Or(value, Blank).TrimEnd('。', '.') + (s.ZhTw ? "。" : ".");

    private string Year(int? year) => year is { } y ? y.ToString(Invariant) : Blank;

    private string Date(NodaTime.LocalDate? date) => date is not { } d ? s[PlanText.DateBlank]
        : s.ZhTw ? string.Create(Invariant, $" {d.Year} 年 {d.Month} 月 {d.Day} 日") : d.ToString("d MMMM yyyy", Invariant);

    private string Period(int? start, int? end) => start is { } a && end is { } b && a == b ? s.Format(PlanText.PeriodOneYear, a) : s.Format(PlanText.Period, Year(start), Year(end));

    /// <summary>The sample's "(_____ - _____年)" span of a financing period.</summary>
    private string PeriodRange(int? start, int? end) => s.ZhTw ? $"{Year(start)} - {Year(end)}年" : $"{Year(start)}-{Year(end)}";

    /// <summary>A fraction as percent with up to two decimals: 0.45 → "45%" (zh-TW, as the sample prints it) or "45 %".</summary>
    private string Percent(decimal fraction) => (fraction * 100m).ToString("0.##", Invariant) + (s.ZhTw ? "%" : " %");

    /// <summary>tCO2e in 萬公噸 (ten-thousand tonnes) as the sample states emissions: 1,000 t → 0.1.</summary>
    private static string TenThousand(decimal tonnes) => (tonnes / 10_000m).ToString("#,##0.####", Invariant);

    /// <summary>A target value: tonnes to three decimals, intensities to six significant decimals.</summary>
    private static string Value(decimal value, GhgTarget t) =>
        t.Kind == TargetKind.Intensity ? value.ToString("#,##0.######", Invariant) : ReportNumbers.Tonnes(value);

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lower(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
