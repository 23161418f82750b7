using CarbonLedger.Planning;
using NodaTime;

namespace CarbonLedger.Core.Tests.Planning;

/// <summary>The FSC sample (seed 003 轉型計畫樣本) as data: what it states is there, its blanks are empty, and the demo
/// fills exactly those blanks.</summary>
public sealed class TransitionPlanSampleTests
{
    [Fact]
    public void Seed003_ActivityTable_IsTheSeedsTable()
    {
        // Given / When
        var activities = TransitionPlanSample.Seed003().Activities!;

        // Then seed 003 樣本 一: A-E at 30/25/20/15/10 %, types 一般 ×3, 支持型, 不適用; plans for B and C only
        activities.Select(a => (a.Name, a.RevenueShare, a.Type, a.HasTransitionPlan)).ShouldBe(
        [
            ("A", 0.30m, ActivityType.General, false),
            ("B", 0.25m, ActivityType.General, true),
            ("C", 0.20m, ActivityType.General, true),
            ("D", 0.15m, ActivityType.Supporting, false),
            ("E", 0.10m, ActivityType.NotApplicable, false),
        ]);
        activities[1].SocialSafeguards.ShouldBe(ConditionResult.NotMet);
        activities[2].SubstantialContribution.ShouldBe(ConditionResult.NotMet);
        activities[3].SubstantialContribution.ShouldBe(ConditionResult.NotAssessed);
    }

    [Fact]
    public void Seed003_Governance_IsWhatTheSamplePrints()
    {
        // Given / When
        var g = TransitionPlanSample.Seed003().Governance!;

        // Then 五(一) 董事會 with its resolution; 五(二) 永續發展委員會, yearly; 五(三) all units + the sustainability
        // department; the ○年○月○日 approval date left empty
        g.ApprovingBody.ShouldBe("董事會");
        g.ApprovalProcedure.ShouldBe("董事過半數出席，出席董事過半數同意之決議核定");
        g.OversightBody!.ShouldStartWith("董事會轄下之永續發展委員會");
        g.OversightFrequency.ShouldBe("每年");
        g.ExecutingUnits!.Count.ShouldBe(2);
        g.ApprovalDate.ShouldBeNull();
    }

    [Fact]
    public void Seed003_Blanks_AreLeftEmpty()
    {
        // Given / When
        var plan = TransitionPlanSample.Seed003();

        // Then the sample's ○ and _____ are empty, not invented
        plan.AdoptedOn.ShouldBeNull();
        plan.Ambition!.TargetYear.ShouldBeNull();
        plan.Ambition.AlignedRevenueShareTarget.ShouldBeNull();
        plan.Assumptions!.ShouldAllBe(a => a.Source == null);
        plan.Actions!.ShouldAllBe(a => a.StartYear == null && a.EndYear == null);
        plan.Financing![0].AnnualCapex.ShouldBeNull();
        plan.Financing[0].Funding!.ShouldAllBe(f => f.Share == null);
        plan.TargetIds!.ShouldBeEmpty();
        plan.Recs!.ShouldHaveSingleItem().Certificates.ShouldBeNull();
        plan.Offsets!.ShouldHaveSingleItem().Quantity.ShouldBeNull();
    }

    [Fact]
    public void Demo_Financing_SharesSumTo100PercentAndYearsFilled()
    {
        // Given / When
        var plan = TransitionPlanSample.Demo(null);

        // Then 60 % bank loans + 40 % green bonds = 100 %; short term 2025-2027 at NTD 5,000,000 a year
        var shortTerm = plan.Financing![0];
        shortTerm.Funding!.Sum(f => f.Share!.Value).ShouldBe(1m);
        (shortTerm.StartYear, shortTerm.EndYear, shortTerm.AnnualCapex).ShouldBe((2025, 2027, 5_000_000m));
        plan.TargetIds!.ShouldBeEmpty();
        plan.AdoptedOn.ShouldBe(new LocalDate(2025, 3, 14));
    }

    [Fact]
    public void Demo_WithTargetId_ReferencesIt()
    {
        // Given a target id
        var id = new Guid("5a0e8c1e-0000-4000-8000-000000000005");

        // When
        var plan = TransitionPlanSample.Demo(id);

        // Then
        plan.TargetIds.ShouldBe([id]);
    }

    [Fact]
    public void Seed003_EnglishAndChinese_SameStructure()
    {
        // Given / When
        var zh = TransitionPlanSample.Seed003();
        var en = TransitionPlanSample.Seed003(english: true);

        // Then the same number of entries in every section; the activity codes are language-neutral
        en.Assumptions!.Count.ShouldBe(zh.Assumptions!.Count);
        en.Actions!.Count.ShouldBe(zh.Actions!.Count);
        en.StrategyMetrics!.Count.ShouldBe(zh.StrategyMetrics!.Count);
        en.Actions.Select(a => a.Activity).ShouldBe(zh.Actions.Select(a => a.Activity));
        en.Governance!.ApprovingBody.ShouldBe("Board of directors");
    }
}
