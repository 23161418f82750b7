using System.Globalization;
using CarbonLedger.Common;

namespace CarbonLedger.Planning;

/// <summary>How the 永續經濟活動認定參考指引 (Sustainable Economic Activities Recognition Reference Guidelines) applies to
/// an activity (seed 003 樣本 一(二)).</summary>
public enum ActivityType
{
    /// <summary>一般經濟活動.</summary>
    General,

    /// <summary>支持型經濟活動: substantial contribution (condition 1) is not assessed in the seed's sample.</summary>
    Supporting,

    /// <summary>不適用.</summary>
    NotApplicable,
}

/// <summary>The answer to one of the guidelines' three conditions.</summary>
public enum ConditionResult
{
    NotAssessed,
    Met,
    NotMet,
}

/// <summary>永續程度 of an activity (seed 003 附表 一 2.).</summary>
public enum SustainabilityStatus
{
    /// <summary>符合.</summary>
    Aligned,

    /// <summary>轉型中.</summary>
    Transitioning,

    /// <summary>不符合.</summary>
    NotAligned,

    /// <summary>不適用.</summary>
    NotApplicable,
}

/// <summary>A main economic activity: its share of last year's revenue (a fraction), type, the three conditions —
/// (1) substantial contribution to an environmental objective (technical screening criteria), (2) no significant harm to
/// the six environmental objectives, (3) no significant harm to social safeguards — and whether a transition plan
/// exists. <see cref="DeclaredStatus"/> is a status the user states; it must agree with the rule.</summary>
public sealed record EconomicActivity(string Name, decimal RevenueShare, ActivityType Type,
    ConditionResult SubstantialContribution = ConditionResult.NotAssessed, ConditionResult NoSignificantHarm = ConditionResult.NotAssessed,
    ConditionResult SocialSafeguards = ConditionResult.NotAssessed, bool HasTransitionPlan = false, SustainabilityStatus? DeclaredStatus = null,
    string? Description = null);

public sealed record ClassifiedActivity(EconomicActivity Activity, SustainabilityStatus Status, string Reason, string ReasonZhTw);

/// <summary>Activities with their status and the revenue share per status (fractions of revenue).</summary>
public sealed record ActivityClassification(IReadOnlyList<ClassifiedActivity> Activities, IReadOnlyDictionary<SustainabilityStatus, decimal> ShareByStatus)
{
    public decimal Share(SustainabilityStatus status) => ShareByStatus.GetValueOrDefault(status);
}

/// <summary>The status rule of SPEC §6 / seed 003 樣本 一: not applicable → 不適用; every assessed condition met → 符合;
/// otherwise with a transition plan → 轉型中; otherwise → 不符合. General activities must assess all three conditions;
/// supporting activities conditions 2 and 3 (condition 1 is not assessed for them in the seed's sample, "—").</summary>
public static class ActivityClassifier
{
    /// <summary>Revenue shares must sum to 100 % within this tolerance (fractions; half a basis point).</summary>
    public const decimal ShareTolerance = 0.00005m;

    public static SustainabilityStatus StatusOf(EconomicActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Type == ActivityType.NotApplicable) { return SustainabilityStatus.NotApplicable; }
        var assessed = Assessed(activity);
        if (assessed.All(c => c == ConditionResult.Met)) { return SustainabilityStatus.Aligned; }
        return activity.HasTransitionPlan ? SustainabilityStatus.Transitioning : SustainabilityStatus.NotAligned;
    }

    public static Outcome<ActivityClassification> Classify(IReadOnlyList<EconomicActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var problems = new List<Problem>();
        if (activities.Count == 0)
        {
            return Outcome<ActivityClassification>.Failure(Problem.AtField("activities", "list the main economic activities (at least one)", "請列出主要經濟活動（至少一項）"));
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            var field = Inv($"activities[{i}]");
            if (string.IsNullOrWhiteSpace(a.Name)) { problems.Add(Problem.AtField(field + ".name", "is required", "必填")); }
            else if (!names.Add(a.Name.Trim())) { problems.Add(Problem.AtField(field + ".name", Inv($"'{a.Name}' appears twice"), Inv($"「{a.Name}」重複"))); }
            if (a.RevenueShare is < 0m or > 1m)
            {
                problems.Add(Problem.AtField(field + ".revenueShare", Inv($"{a.RevenueShare} is not a share of revenue in [0, 1] (0.3 = 30 %)"),
                    Inv($"{a.RevenueShare} 不是介於 [0, 1] 之營收占比（0.3 = 30%）")));
            }
            var beforeConditions = problems.Count;
            CheckConditions(a, field, problems);
            // Judge a declared status only when this activity's conditions are valid (not only when no earlier activity
            // had a problem: every problem is reported in one pass).
            if (a.DeclaredStatus is { } declared && problems.Count == beforeConditions)
            {
                var ruled = StatusOf(a);
                if (declared != ruled)
                {
                    problems.Add(Problem.AtField(field + ".status",
                        Inv($"'{a.Name}' is declared {declared} but its conditions give {ruled}: {Explain(a, ruled).En}"),
                        Inv($"「{a.Name}」申報為{ZhTw(declared)}，但依條件判斷為{ZhTw(ruled)}：{Explain(a, ruled).Zh}")));
                }
            }
        }
        var total = activities.Sum(a => a.RevenueShare);
        if (Math.Abs(total - 1m) > ShareTolerance)
        {
            problems.Add(Problem.AtField("activities.revenueShare",
                Inv($"revenue shares sum to {total * 100m:0.##} %, not 100 % (list every main activity, and the rest as one more line)"),
                Inv($"營收占比合計 {total * 100m:0.##}%，不等於 100%（請列出所有主要經濟活動，其餘列為一項）")));
        }
        if (problems.Count > 0) { return Outcome<ActivityClassification>.Failure(problems); }

        var classified = activities.Select(a =>
        {
            var status = StatusOf(a);
            var (en, zh) = Explain(a, status);
            return new ClassifiedActivity(a, status, en, zh);
        }).ToList();
        var shares = Enum.GetValues<SustainabilityStatus>().ToDictionary(s => s, s => classified.Where(c => c.Status == s).Sum(c => c.Activity.RevenueShare));
        return Outcome<ActivityClassification>.Success(new ActivityClassification(classified, shares));
    }

    public static string ZhTw(SustainabilityStatus status) => status switch
    {
        SustainabilityStatus.Aligned => "符合",
        SustainabilityStatus.Transitioning => "轉型中",
        SustainabilityStatus.NotAligned => "不符合",
        _ => "不適用",
    };

    public static string English(SustainabilityStatus status) => status switch
    {
        SustainabilityStatus.Aligned => "aligned",
        SustainabilityStatus.Transitioning => "transitioning",
        SustainabilityStatus.NotAligned => "not aligned",
        _ => "not applicable",
    };

    public static string ZhTw(ActivityType type) => type switch
    {
        ActivityType.General => "一般經濟活動",
        ActivityType.Supporting => "支持型經濟活動",
        _ => "不適用",
    };

    public static string ZhTw(ConditionResult result) => result switch
    {
        ConditionResult.Met => "符合",
        ConditionResult.NotMet => "不符合",
        _ => "—",
    };

    private static IEnumerable<ConditionResult> Assessed(EconomicActivity a) => a.Type == ActivityType.Supporting
        ? [a.NoSignificantHarm, a.SocialSafeguards]
        : [a.SubstantialContribution, a.NoSignificantHarm, a.SocialSafeguards];

    private static void CheckConditions(EconomicActivity a, string field, List<Problem> problems)
    {
        switch (a.Type)
        {
            case ActivityType.NotApplicable:
                if (a.SubstantialContribution != ConditionResult.NotAssessed || a.NoSignificantHarm != ConditionResult.NotAssessed || a.SocialSafeguards != ConditionResult.NotAssessed)
                {
                    problems.Add(Problem.AtField(field + ".conditions", Inv($"'{a.Name}' is not applicable to the guidelines, so its conditions are not assessed; clear them or change its type"),
                        Inv($"「{a.Name}」不適用參考指引，不評估條件；請清除條件或變更類型")));
                }
                break;
            case ActivityType.Supporting:
                if (a.SubstantialContribution != ConditionResult.NotAssessed)
                {
                    problems.Add(Problem.AtField(field + ".substantialContribution", Inv($"'{a.Name}' is a supporting activity: condition 1 (substantial contribution) is not assessed for it (seed 003 sample, '—')"),
                        Inv($"「{a.Name}」為支持型經濟活動：不評估條件 1（實質貢獻）（轉型計畫樣本）")));
                }
                RequireAssessed(a, field, problems, ("noSignificantHarm", a.NoSignificantHarm, 2), ("socialSafeguards", a.SocialSafeguards, 3));
                break;
            default:
                RequireAssessed(a, field, problems, ("substantialContribution", a.SubstantialContribution, 1), ("noSignificantHarm", a.NoSignificantHarm, 2), ("socialSafeguards", a.SocialSafeguards, 3));
                break;
        }
    }

    private static void RequireAssessed(EconomicActivity a, string field, List<Problem> problems, params (string Field, ConditionResult Value, int Number)[] conditions)
    {
        foreach (var c in conditions.Where(c => c.Value == ConditionResult.NotAssessed))
        {
            problems.Add(Problem.AtField(field + "." + c.Field, Inv($"'{a.Name}': condition {c.Number} must be assessed (met or not met)"),
                Inv($"「{a.Name}」：條件 {c.Number} 須評估（符合或不符合）")));
        }
    }

    private static (string En, string Zh) Explain(EconomicActivity a, SustainabilityStatus status)
    {
        var failed = new List<int>();
        if (a.Type == ActivityType.General && a.SubstantialContribution == ConditionResult.NotMet) { failed.Add(1); }
        if (a.NoSignificantHarm == ConditionResult.NotMet) { failed.Add(2); }
        if (a.SocialSafeguards == ConditionResult.NotMet) { failed.Add(3); }
        var list = string.Join(", ", failed);
        return status switch
        {
            SustainabilityStatus.NotApplicable => ("the guidelines do not apply", "不適用參考指引"),
            SustainabilityStatus.Aligned => (a.Type == ActivityType.Supporting ? "supporting activity; conditions 2 and 3 met" : "conditions 1, 2 and 3 met",
                a.Type == ActivityType.Supporting ? "支持型經濟活動；條件 2、3 符合" : "條件 1、2、3 皆符合"),
            SustainabilityStatus.Transitioning => (Inv($"condition {list} not met, transition plan in place"), Inv($"條件 {list} 不符合，已有轉型計畫")),
            _ => (Inv($"condition {list} not met and no transition plan"), Inv($"條件 {list} 不符合，且無轉型計畫")),
        };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
