using CarbonLedger.Common;
using CarbonLedger.Planning;

namespace CarbonLedger.Core.Tests.Planning;

/// <summary>The status rule of SPEC §6 / seed 003 樣本 一 (不適用 → 符合 → 轉型中 → 不符合) and the revenue share per status.</summary>
public sealed class EconomicActivitiesTests
{
    private const ConditionResult Met = ConditionResult.Met;
    private const ConditionResult NotMet = ConditionResult.NotMet;
    private const ConditionResult NotAssessed = ConditionResult.NotAssessed;

    // Seed 003 轉型計畫樣本 一 table, typed in from the seed (not taken from TransitionPlanSample):
    // A 30 % 一般 (符合, 符合, 符合, /); B 25 % 一般 (符合, 符合, 不符合, 有); C 20 % 一般 (不符合, 符合, 符合, 有);
    // D 15 % 支持型 (—, 符合, 符合, /); E 10 % 不適用.
    private static List<EconomicActivity> SeedTable() =>
    [
        new("A", 0.30m, ActivityType.General, Met, Met, Met),
        new("B", 0.25m, ActivityType.General, Met, Met, NotMet, HasTransitionPlan: true),
        new("C", 0.20m, ActivityType.General, NotMet, Met, Met, HasTransitionPlan: true),
        new("D", 0.15m, ActivityType.Supporting, NotAssessed, Met, Met),
        new("E", 0.10m, ActivityType.NotApplicable),
    ];

    private static Problem ProblemAt<T>(Outcome<T> outcome, string field)
    {
        outcome.Succeeded.ShouldBeFalse();
        return outcome.Problems.Where(p => p.Location.Field == field).ShouldHaveSingleItem();
    }

    [Fact]
    public void Classify_Seed003Sample_GivesEachActivitysStatusAsPrinted()
    {
        // Given the seed's table
        var activities = SeedTable();

        // When
        var result = ActivityClassifier.Classify(activities).Value;

        // Then the seed's 衡量結果 row: 符合, 轉型中, 轉型中, 符合, 不適用
        result.Activities.Select(a => (a.Activity.Name, a.Status)).ShouldBe(
        [
            ("A", SustainabilityStatus.Aligned),
            ("B", SustainabilityStatus.Transitioning),
            ("C", SustainabilityStatus.Transitioning),
            ("D", SustainabilityStatus.Aligned),
            ("E", SustainabilityStatus.NotApplicable),
        ]);
    }

    [Fact]
    public void Classify_Seed003Sample_RevenueSharePerStatusIs45_45_10_0()
    {
        // Given the seed's table
        var activities = SeedTable();

        // When
        var result = ActivityClassifier.Classify(activities).Value;

        // Then seed 003 樣本 一: 符合 A + D = 30 % + 15 % = 45 %; 轉型中 B + C = 25 % + 20 % = 45 %; 不適用 E = 10 %;
        // 不符合 none = 0 %
        result.Share(SustainabilityStatus.Aligned).ShouldBe(0.45m);
        result.Share(SustainabilityStatus.Transitioning).ShouldBe(0.45m);
        result.Share(SustainabilityStatus.NotApplicable).ShouldBe(0.10m);
        result.Share(SustainabilityStatus.NotAligned).ShouldBe(0m);
    }

    [Fact]
    public void Classify_Seed003Sample_ReasonNamesTheFailedCondition()
    {
        // Given the seed's table: B fails condition 3, C fails condition 1, both have a plan
        var activities = SeedTable();

        // When
        var result = ActivityClassifier.Classify(activities).Value;

        // Then the reasons name the condition that failed and the plan
        result.Activities[1].Reason.ShouldBe("condition 3 not met, transition plan in place");
        result.Activities[1].ReasonZhTw.ShouldBe("條件 3 不符合，已有轉型計畫");
        result.Activities[2].Reason.ShouldBe("condition 1 not met, transition plan in place");
        result.Activities[3].Reason.ShouldBe("supporting activity; conditions 2 and 3 met");
    }

    [Fact]
    public void StatusOf_NotApplicable_IsNotApplicable()
    {
        // Given a not-applicable activity (rule: not applicable → 不適用, before anything else)
        var activity = new EconomicActivity("E", 0.1m, ActivityType.NotApplicable);

        // When / Then
        ActivityClassifier.StatusOf(activity).ShouldBe(SustainabilityStatus.NotApplicable);
    }

    [Fact]
    public void StatusOf_GeneralAllMetWithoutPlan_IsAligned()
    {
        // Given all three conditions met (rule: every assessed condition met → 符合)
        var activity = new EconomicActivity("A", 0.3m, ActivityType.General, Met, Met, Met);

        // When / Then
        ActivityClassifier.StatusOf(activity).ShouldBe(SustainabilityStatus.Aligned);
    }

    [Fact]
    public void StatusOf_GeneralAllMetWithPlan_StaysAligned()
    {
        // Given all conditions met and a plan as well: the rule checks "all met" before "has a plan"
        var activity = new EconomicActivity("A", 0.3m, ActivityType.General, Met, Met, Met, HasTransitionPlan: true);

        // When / Then
        ActivityClassifier.StatusOf(activity).ShouldBe(SustainabilityStatus.Aligned);
    }

    [Theory]
    [InlineData(ConditionResult.NotMet, ConditionResult.Met, ConditionResult.Met)]
    [InlineData(ConditionResult.Met, ConditionResult.NotMet, ConditionResult.Met)]
    [InlineData(ConditionResult.Met, ConditionResult.Met, ConditionResult.NotMet)]
    [InlineData(ConditionResult.NotMet, ConditionResult.NotMet, ConditionResult.NotMet)]
    public void StatusOf_GeneralConditionFailingWithPlan_IsTransitioning(ConditionResult c1, ConditionResult c2, ConditionResult c3)
    {
        // Given a general activity failing at least one condition, with a transition plan (rule: otherwise with a plan → 轉型中)
        var activity = new EconomicActivity("X", 0.5m, ActivityType.General, c1, c2, c3, HasTransitionPlan: true);

        // When / Then
        ActivityClassifier.StatusOf(activity).ShouldBe(SustainabilityStatus.Transitioning);
    }

    [Theory]
    [InlineData(ConditionResult.NotMet, ConditionResult.Met, ConditionResult.Met)]
    [InlineData(ConditionResult.Met, ConditionResult.NotMet, ConditionResult.Met)]
    [InlineData(ConditionResult.Met, ConditionResult.Met, ConditionResult.NotMet)]
    public void StatusOf_GeneralConditionFailingWithoutPlan_IsNotAligned(ConditionResult c1, ConditionResult c2, ConditionResult c3)
    {
        // Given a general activity failing one condition and no plan (rule: otherwise → 不符合)
        var activity = new EconomicActivity("X", 0.5m, ActivityType.General, c1, c2, c3);

        // When / Then
        ActivityClassifier.StatusOf(activity).ShouldBe(SustainabilityStatus.NotAligned);
    }

    [Fact]
    public void StatusOf_SupportingConditions2And3Met_IsAlignedWithoutCondition1()
    {
        // Given seed activity D: supporting, condition 1 "—", 2 and 3 met
        var activity = new EconomicActivity("D", 0.15m, ActivityType.Supporting, NotAssessed, Met, Met);

        // When / Then only conditions 2 and 3 are assessed for a supporting activity (SPEC §6) → 符合
        ActivityClassifier.StatusOf(activity).ShouldBe(SustainabilityStatus.Aligned);
    }

    [Theory]
    [InlineData(ConditionResult.NotMet, ConditionResult.Met, false, SustainabilityStatus.NotAligned)]
    [InlineData(ConditionResult.Met, ConditionResult.NotMet, false, SustainabilityStatus.NotAligned)]
    [InlineData(ConditionResult.NotMet, ConditionResult.Met, true, SustainabilityStatus.Transitioning)]
    [InlineData(ConditionResult.Met, ConditionResult.NotMet, true, SustainabilityStatus.Transitioning)]
    public void StatusOf_SupportingCondition2Or3NotMet_TransitioningOnlyWithPlan(ConditionResult c2, ConditionResult c3, bool plan, SustainabilityStatus expected)
    {
        // Given a supporting activity failing condition 2 or 3: with a plan → 轉型中, without → 不符合 (SPEC §6)
        var activity = new EconomicActivity("D", 0.15m, ActivityType.Supporting, NotAssessed, c2, c3, HasTransitionPlan: plan);

        // When / Then
        ActivityClassifier.StatusOf(activity).ShouldBe(expected);
    }

    [Fact]
    public void Classify_NotAlignedActivity_CountsInNotAlignedShareWithReason()
    {
        // Given 60 % aligned and 40 % failing condition 2 without a plan
        List<EconomicActivity> activities =
        [
            new("A", 0.6m, ActivityType.General, Met, Met, Met),
            new("X", 0.4m, ActivityType.General, Met, NotMet, Met),
        ];

        // When
        var result = ActivityClassifier.Classify(activities).Value;

        // Then 不符合 = 40 %, 符合 = 60 %, and the reason says why
        result.Share(SustainabilityStatus.NotAligned).ShouldBe(0.4m);
        result.Share(SustainabilityStatus.Aligned).ShouldBe(0.6m);
        result.Activities[1].Reason.ShouldBe("condition 2 not met and no transition plan");
        result.Activities[1].ReasonZhTw.ShouldBe("條件 2 不符合，且無轉型計畫");
    }

    [Fact]
    public void Classify_DeclaredStatusAgreeingWithRule_Accepted()
    {
        // Given the seed's table with B declared 轉型中, as the seed prints it
        var activities = SeedTable();
        activities[1] = activities[1] with { DeclaredStatus = SustainabilityStatus.Transitioning };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then
        outcome.Succeeded.ShouldBeTrue();
        outcome.Value.Activities[1].Status.ShouldBe(SustainabilityStatus.Transitioning);
    }

    [Fact]
    public void Classify_DeclaredStatusContradictingConditions_RejectedNamingStatusField()
    {
        // Given B (condition 3 not met, plan) declared 符合
        var activities = SeedTable();
        activities[1] = activities[1] with { DeclaredStatus = SustainabilityStatus.Aligned };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then the rule gives 轉型中, so the declaration is refused on activities[1].status, in both languages
        var problem = ProblemAt(outcome, "activities[1].status");
        problem.Message.ShouldBe("'B' is declared Aligned but its conditions give Transitioning: condition 3 not met, transition plan in place");
        problem.MessageZhTw.ShouldBe("「B」申報為符合，但依條件判斷為轉型中：條件 3 不符合，已有轉型計畫");
    }

    [Fact]
    public void Classify_DeclaredContradictionAfterAnotherActivitysBadShare_BothReportedInOnePass()
    {
        // Given activity 0 with a share outside [0, 1] and activity 1 (B) declared 符合 against its conditions
        // (STYLE.md "Errors": every problem in one pass)
        var activities = SeedTable();
        activities[0] = activities[0] with { RevenueShare = 1.3m };
        activities[1] = activities[1] with { DeclaredStatus = SustainabilityStatus.Aligned };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then both are named: the share of activity 0 and the status of activity 1
        ProblemAt(outcome, "activities[0].revenueShare");
        ProblemAt(outcome, "activities[1].status");
    }

    [Theory]
    [InlineData("0.05", "95")]
    [InlineData("0.15", "105")]
    public void Classify_SharesNotSummingTo100Percent_RejectedWithTheSum(string eShare, string percent)
    {
        // Given the seed's table with E changed: 30 + 25 + 20 + 15 = 90 %; + 5 % = 95 %, + 15 % = 105 %
        var activities = SeedTable();
        activities[4] = activities[4] with { RevenueShare = decimal.Parse(eShare, System.Globalization.CultureInfo.InvariantCulture) };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then the problem is on the shares, with the sum in percent
        ProblemAt(outcome, "activities.revenueShare").Message
            .ShouldBe($"revenue shares sum to {percent} %, not 100 % (list every main activity, and the rest as one more line)");
    }

    [Fact]
    public void Classify_SharesSumming95Percent_ZhTwMessageGivesTheSum()
    {
        // Given 30 + 25 + 20 + 15 + 5 = 95 %
        var activities = SeedTable();
        activities[4] = activities[4] with { RevenueShare = 0.05m };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then
        ProblemAt(outcome, "activities.revenueShare").MessageZhTw.ShouldBe("營收占比合計 95%，不等於 100%（請列出所有主要經濟活動，其餘列為一項）");
    }

    [Fact]
    public void Classify_ThirdsRoundedToSixDecimals_WithinTolerance()
    {
        // Given three activities of 0.333333 each: sum 0.999999, off by 0.000001 < half a basis point (0.00005)
        List<EconomicActivity> activities =
        [
            new("A", 0.333333m, ActivityType.General, Met, Met, Met),
            new("B", 0.333333m, ActivityType.General, Met, Met, Met),
            new("C", 0.333333m, ActivityType.NotApplicable),
        ];

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then accepted: aligned 0.666666, not applicable 0.333333
        outcome.Succeeded.ShouldBeTrue();
        outcome.Value.Share(SustainabilityStatus.Aligned).ShouldBe(0.666666m);
    }

    [Theory]
    [InlineData("1.2")]
    [InlineData("-0.1")]
    public void Classify_ShareOutsideZeroToOne_RejectedNamingTheActivitysShare(string share)
    {
        // Given activity 0 with a share outside [0, 1]
        var value = decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture);
        var activities = SeedTable();
        activities[0] = activities[0] with { RevenueShare = value };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then
        ProblemAt(outcome, "activities[0].revenueShare").Message.ShouldBe($"{share} is not a share of revenue in [0, 1] (0.3 = 30 %)");
    }

    [Fact]
    public void Classify_DuplicateNameDifferingInCase_RejectedOnTheSecond()
    {
        // Given "A" twice (second typed "a")
        var activities = SeedTable();
        activities[4] = new EconomicActivity("a", 0.10m, ActivityType.NotApplicable);

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then the second occurrence is named
        ProblemAt(outcome, "activities[4].name").Message.ShouldBe("'a' appears twice");
    }

    [Fact]
    public void Classify_GeneralWithUnassessedCondition_RejectedNamingThatCondition()
    {
        // Given a general activity whose condition 3 is not assessed
        var activities = SeedTable();
        activities[0] = activities[0] with { SocialSafeguards = NotAssessed };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then
        ProblemAt(outcome, "activities[0].socialSafeguards").Message.ShouldBe("'A': condition 3 must be assessed (met or not met)");
    }

    [Fact]
    public void Classify_SupportingWithCondition1Given_RejectedNamingSubstantialContribution()
    {
        // Given supporting activity D with condition 1 stated (the seed prints "—" for it)
        var activities = SeedTable();
        activities[3] = activities[3] with { SubstantialContribution = Met };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then
        ProblemAt(outcome, "activities[3].substantialContribution").Message.ShouldContain("condition 1 (substantial contribution) is not assessed");
    }

    [Fact]
    public void Classify_SupportingWithCondition2Unassessed_RejectedNamingIt()
    {
        // Given supporting activity D with condition 2 not assessed (2 and 3 are required for supporting activities)
        var activities = SeedTable();
        activities[3] = activities[3] with { NoSignificantHarm = NotAssessed };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then
        ProblemAt(outcome, "activities[3].noSignificantHarm").Message.ShouldBe("'D': condition 2 must be assessed (met or not met)");
    }

    [Fact]
    public void Classify_NotApplicableWithConditions_RejectedNamingConditions()
    {
        // Given E (not applicable) with condition 2 filled in
        var activities = SeedTable();
        activities[4] = activities[4] with { NoSignificantHarm = Met };

        // When
        var outcome = ActivityClassifier.Classify(activities);

        // Then
        ProblemAt(outcome, "activities[4].conditions").Message.ShouldContain("'E' is not applicable to the guidelines");
    }

    [Fact]
    public void Classify_NoActivities_RejectedNamingActivities()
    {
        // Given nothing
        // When
        var outcome = ActivityClassifier.Classify([]);

        // Then
        ProblemAt(outcome, "activities").Message.ShouldBe("list the main economic activities (at least one)");
    }

    [Fact]
    public void ZhTw_Statuses_AreTheSeedsWords()
    {
        // Given / When / Then the seed's 永續程度 vocabulary (附表 一 2.: 符合/轉型中/不符合/不適用)
        ActivityClassifier.ZhTw(SustainabilityStatus.Aligned).ShouldBe("符合");
        ActivityClassifier.ZhTw(SustainabilityStatus.Transitioning).ShouldBe("轉型中");
        ActivityClassifier.ZhTw(SustainabilityStatus.NotAligned).ShouldBe("不符合");
        ActivityClassifier.ZhTw(SustainabilityStatus.NotApplicable).ShouldBe("不適用");
        ActivityClassifier.ZhTw(ActivityType.Supporting).ShouldBe("支持型經濟活動");
    }
}
