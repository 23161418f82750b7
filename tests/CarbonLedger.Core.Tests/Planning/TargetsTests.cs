using CarbonLedger.Common;
using CarbonLedger.Inventory;
using CarbonLedger.Planning;

namespace CarbonLedger.Core.Tests.Planning;

/// <summary>Targets and their pathways (SPEC §4; issue 5): SBTi absolute contraction, the thesis's AR6 categories C1-C5,
/// intensity targets and user milestones, every value worked by hand.</summary>
public sealed class TargetsTests
{
    private static readonly Scope[] Scope12 = [Scope.Scope1, Scope.Scope2];

    private static Outcome<GhgTarget> Absolute(int baseYear, decimal baseEmissions, int targetYear, decimal? reduction, PathwayMethod method) =>
        GhgTarget.Create("Scope 1+2", TargetKind.Absolute, Scope12, baseYear, baseEmissions, targetYear, reduction, method);

    private static Problem ProblemAt<T>(Outcome<T> outcome, string field)
    {
        outcome.Succeeded.ShouldBeFalse();
        return outcome.Problems.Where(p => p.Location.Field == field).ShouldHaveSingleItem();
    }

    [Fact]
    public void Create_Sbti15CFrom2020To2030_MinimumReduction42PercentAndTarget5800()
    {
        // Given base 2020 = 10,000 t, 1.5 °C absolute contraction (4.2 %/yr of base, SPEC §4), no stated reduction
        // When
        var target = Absolute(2020, 10_000m, 2030, null, PathwayMethod.Contraction(ContractionRate.Sbti15C)).Value;

        // Then the reduction is the minimum 0.042 × (2030 − 2020) = 0.42 and the 2030 value 10,000 × (1 − 0.42) = 5,800 t
        target.Reduction.ShouldBe(0.42m);
        target.TargetValue.ShouldBe(5_800m);
        target.BaseValue.ShouldBe(10_000m);
        target.ValueUnit.ShouldBe("tCO2e");
    }

    [Fact]
    public void Build_Sbti15CFrom2020_FallsBy420TonnesAYear()
    {
        // Given base 2020 = 10,000 t, 1.5 °C to 2030
        var target = Absolute(2020, 10_000m, 2030, null, PathwayMethod.Contraction(ContractionRate.Sbti15C)).Value;

        // When
        var pathway = TargetPathways.Build(target);

        // Then one point a year 2020-2030 (11); 2025 = 10,000 × (1 − 0.042 × 5) = 7,900 t (share 0.79); each year
        // 0.042 × 10,000 = 420 t lower; 2030 = 5,800 t
        pathway.Count.ShouldBe(11);
        pathway[0].ShouldBe(new TargetPathwayPoint(2020, 10_000m, 1m));
        pathway[5].Year.ShouldBe(2025);
        pathway[5].Value.ShouldBe(7_900m);
        pathway[5].ShareOfBase.ShouldBe(0.79m);
        for (var i = 1; i < pathway.Count; i++)
        {
            (pathway[i - 1].Value - pathway[i].Value).ShouldBe(420m);
        }
        pathway[^1].ShouldBe(new TargetPathwayPoint(2030, 5_800m, 0.58m));
    }

    [Fact]
    public void Create_SbtiWellBelow2CFrom2020To2030_Reduction25PercentAnd2025At8750()
    {
        // Given base 2020 = 10,000 t, well-below 2 °C (2.5 %/yr, SPEC §4)
        // When
        var target = Absolute(2020, 10_000m, 2030, null, PathwayMethod.Contraction(ContractionRate.SbtiWellBelow2C)).Value;
        var pathway = TargetPathways.Build(target);

        // Then minimum 0.025 × 10 = 25 %, target 10,000 × 0.75 = 7,500 t; 2025 = 10,000 × (1 − 0.025 × 5) = 8,750 t
        target.Reduction.ShouldBe(0.25m);
        target.TargetValue.ShouldBe(7_500m);
        pathway[5].Value.ShouldBe(8_750m);
    }

    [Fact]
    public void Create_StatedReductionBelowSbtiMinimum_RejectedWithTheNumbers()
    {
        // Given 40 % by 2030 from 2020 under 1.5 °C, which requires 4.2 %/yr × 10 years = 42 %
        // When
        var outcome = Absolute(2020, 10_000m, 2030, 0.40m, PathwayMethod.Contraction(ContractionRate.Sbti15C));

        // Then refused on "reduction", with the stated 40 %, the rate, the years and the minimum
        var message = ProblemAt(outcome, "reduction").Message;
        message.ShouldStartWith("40 % by 2030 is less than absolute contraction 4.2 %/yr (1.5 °C; ");
        message.ShouldContain("requires: 4.2 %/yr × 10 years = 42 %");
    }

    [Fact]
    public void Create_StatedReductionBelowWellBelow2CMinimum_ZhTwMessageHasTheNumbers()
    {
        // Given 20 % by 2030 from 2020 under well-below 2 °C, which requires 2.5 %/yr × 10 = 25 %
        // When
        var outcome = Absolute(2020, 10_000m, 2030, 0.20m, PathwayMethod.Contraction(ContractionRate.SbtiWellBelow2C));

        // Then
        var zh = ProblemAt(outcome, "reduction").MessageZhTw!;
        zh.ShouldStartWith("2030 年減量 20% 低於絕對減量法 2.5%/年");
        zh.ShouldContain("每年 2.5% × 10 年 = 25%");
    }

    [Fact]
    public void Create_StatedReductionAboveSbtiMinimum_AcceptedAndPathwayFollowsIt()
    {
        // Given 50 % by 2030 (above the 42 % minimum)
        // When
        var target = Absolute(2020, 10_000m, 2030, 0.50m, PathwayMethod.Contraction(ContractionRate.Sbti15C)).Value;
        var pathway = TargetPathways.Build(target);

        // Then kept at 50 %: target 5,000 t; the line is linear to it, 2025 = 10,000 × (1 − 0.5 × 5/10) = 7,500 t
        target.Reduction.ShouldBe(0.50m);
        target.TargetValue.ShouldBe(5_000m);
        pathway[5].Value.ShouldBe(7_500m);
    }

    [Fact]
    public void Create_StatedReductionExactlyAtSbtiMinimum_Accepted()
    {
        // Given exactly 0.042 × 10 = 42 %
        // When
        var outcome = Absolute(2020, 10_000m, 2030, 0.42m, PathwayMethod.Contraction(ContractionRate.Sbti15C));

        // Then
        outcome.Succeeded.ShouldBeTrue();
        outcome.Value.Reduction.ShouldBe(0.42m);
    }

    [Fact]
    public void MinimumReduction_RateTimesYearsAboveOne_CappedAtOne()
    {
        // Given 1.5 °C over 30 years: 0.042 × 30 = 1.26, more than all of the base
        // When
        var minimum = GhgTarget.MinimumReduction(PathwayMethod.Contraction(ContractionRate.Sbti15C), 2020, 2050);

        // Then capped at 100 %
        minimum.ShouldBe(1m);
        GhgTarget.MinimumReduction(PathwayMethod.Linear, 2020, 2030).ShouldBeNull();
    }

    [Theory]
    [InlineData("C1", 57)]
    [InlineData("C2", 77)]
    [InlineData("C3", 79)]
    [InlineData("C4", 94)]
    [InlineData("C5", 98)]
    public void Build_Ar6CategoryFrom2019_2030IsTheCategorysShareOf2019(string category, int percentOf2019)
    {
        // Given base 2019 = 1,000 t and the thesis category (seed 001 Table 2 / SPEC §4: 2030 = 57/77/79/94/98 % of 2019)
        // When
        var target = Absolute(2019, 1_000m, 2030, null, PathwayMethod.Ar6(category)).Value;
        var pathway = TargetPathways.Build(target);

        // Then 2030 = 1,000 × share; the reduction is 1 − share (decimal division by 11 leaves < 1e-20 of rounding)
        var share = percentOf2019 / 100m;
        pathway[^1].Year.ShouldBe(2030);
        pathway[^1].Value.ShouldBe(1_000m * share, 1e-18m);
        target.Reduction.ShouldBe(1m - share, 1e-20m);
    }

    [Theory]
    [InlineData("C1", 57)]
    [InlineData("C2", 77)]
    [InlineData("C5", 98)]
    public void Build_Ar6CategoryFrom2019_2025IsSixEleventhsOfTheWay(string category, int percentOf2019)
    {
        // Given base 2019 = 1,000 t. The line loses (1 − share)/11 points of 2019 a year, so
        // 2025 = 1 − (1 − share) × 6/11: C1 = 1 − 0.43 × 6/11 = 8.42/11 = 0.765454…; C2 = 1 − 0.23 × 6/11 = 9.62/11;
        // C5 = 1 − 0.02 × 6/11 = 10.88/11
        var expected = 1m - ((1m - (percentOf2019 / 100m)) * 6m / 11m);

        // When
        var pathway = TargetPathways.Build(Absolute(2019, 1_000m, 2030, null, PathwayMethod.Ar6(category)).Value);

        // Then
        pathway[6].Year.ShouldBe(2025);
        pathway[6].ShareOfBase.ShouldBe(expected, 1e-20m);
        pathway[6].Value.ShouldBe(1_000m * expected, 1e-17m);
    }

    [Fact]
    public void Build_Ar6C1_2025IsHandComputed0Point7654()
    {
        // Given C1 from 2019: 1 − 0.43 × 6/11 = 1 − 2.58/11 = 8.42/11 = 0.76545454… (hand division)
        // When
        var pathway = TargetPathways.Build(Absolute(2019, 1_000m, 2030, null, PathwayMethod.Ar6("C1")).Value);

        // Then
        pathway[6].ShareOfBase.ShouldBe(0.7654545454545m, 1e-12m);
    }

    [Fact]
    public void Create_Ar6C1StatedAsFortyThreePercent_Accepted()
    {
        // Given C1 from 2019 to 2030 with the reduction stated as the thesis prints it: 1 − 0.57 = 0.43 exactly
        // When
        var outcome = Absolute(2019, 1_000m, 2030, 0.43m, PathwayMethod.Ar6("C1"));

        // Then accepted (0.43 is the category's minimum, not below it) and the 2030 value is exactly 570 t
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        outcome.Value.TargetValue.ShouldBe(570m);
    }

    [Fact]
    public void Create_Ar6C1From2022_MinimumIsEightYearsOfTheCategoryRate()
    {
        // Given C1 with a 2022 base year: the category's rate 0.43/11 points of base a year × 8 years = 3.44/11 = 0.312727…
        // When
        var target = Absolute(2022, 1_000m, 2030, null, PathwayMethod.Ar6("c1")).Value;

        // Then (lower-case code accepted)
        target.Method.AnnualRatePoints!.Value.ShouldBe(0.43m / 11m);
        target.Reduction.ShouldBe(0.3127272727m, 1e-10m);
    }

    [Fact]
    public void Build_Sbti15CFrom2020To2050_FollowsTheMethodLineToZeroNotTheShallowerLine()
    {
        // Given base 2020 = 10,000 t, SBTi 1.5 °C to 2050: 0.042 × 30 = 1.26 > 1, so the reduction is capped at 100 %
        var target = Absolute(2020, 10_000m, 2050, null, PathwayMethod.Contraction(ContractionRate.Sbti15C)).Value;

        // When
        var pathway = TargetPathways.Build(target);

        // Then 2040 follows the method's line 1 − 0.042 × 20 = 0.16 (1,600 t), not the straight line to zero in 2050
        // (1 − 20/30 = 0.3333); from 1 / 0.042 = 23.8 years on the line is at zero: 2044 = max(0, 1 − 0.042 × 24) = 0
        target.Reduction.ShouldBe(1m);
        pathway.Single(p => p.Year == 2040).Value.ShouldBe(1_600m);
        pathway.Single(p => p.Year == 2043).ShareOfBase.ShouldBe(1m - 0.042m * 23m);
        pathway.Single(p => p.Year == 2044).Value.ShouldBe(0m);
        pathway.Single(p => p.Year == 2050).Value.ShouldBe(0m);
    }

    [Fact]
    public void Create_LastMilestoneAboveBaseValue_RejectedNamingMilestones()
    {
        // Given base 10,000 t and a "target" whose last milestone is 11,000 t (an increase, not a reduction)
        // When
        var outcome = Absolute(2020, 10_000m, 2030, null, PathwayMethod.FromMilestones([new Milestone(2030, 11_000m)]));

        // Then it is refused on the milestones: 1 − 11,000 / 10,000 = −10 % is no reduction
        ProblemAt(outcome, "method.milestones").Message.ShouldContain("not below the base-year value 10000");
    }

    [Fact]
    public void Create_IntensityTarget_BaseValueIsEmissionsPerDenominator()
    {
        // Given 10,000 t in 2020 on revenue of 2,000 NTD million, −30 % by 2030 (linear)
        var denominator = new IntensityDenominator("revenue", "NTD million", 2_000m);

        // When
        var target = GhgTarget.Create("intensity", TargetKind.Intensity, Scope12, 2020, 10_000m, 2030, 0.30m, PathwayMethod.Linear, denominator).Value;
        var pathway = TargetPathways.Build(target);

        // Then base = 10,000 / 2,000 = 5 tCO2e/NTD million; target = 5 × 0.7 = 3.5; 2025 = 5 × (1 − 0.3 × 5/10) = 4.25
        target.BaseValue.ShouldBe(5m);
        target.TargetValue.ShouldBe(3.5m);
        target.ValueUnit.ShouldBe("tCO2e/NTD million");
        pathway[5].Value.ShouldBe(4.25m);
    }

    [Fact]
    public void Build_Milestones_LinearBetweenBaseAndEachMilestone()
    {
        // Given base 2020 = 10,000 t and milestones 2025 → 8,000 t, 2030 → 5,000 t
        var method = PathwayMethod.FromMilestones([new Milestone(2025, 8_000m), new Milestone(2030, 5_000m)]);

        // When
        var target = Absolute(2020, 10_000m, 2030, null, method).Value;
        var pathway = TargetPathways.Build(target);

        // Then reduction = 1 − 5,000/10,000 = 0.5;
        // 2022 = 10,000 + (8,000 − 10,000) × 2/5 = 9,200; 2025 = 8,000;
        // 2027 = 8,000 + (5,000 − 8,000) × 2/5 = 6,800 (share 0.68); 2030 = 5,000
        target.Reduction.ShouldBe(0.5m);
        pathway.Select(p => p.Year).ShouldBe(Enumerable.Range(2020, 11));
        pathway[2].Value.ShouldBe(9_200m);
        pathway[5].Value.ShouldBe(8_000m);
        pathway[7].Value.ShouldBe(6_800m);
        pathway[7].ShareOfBase.ShouldBe(0.68m);
        pathway[10].Value.ShouldBe(5_000m);
    }

    [Fact]
    public void Create_MilestonesWithMatchingReduction_AcceptedAndContradictingOneRejected()
    {
        // Given milestones ending at 5,000 t from 10,000 t, i.e. a 50 % reduction
        var method = PathwayMethod.FromMilestones([new Milestone(2025, 8_000m), new Milestone(2030, 5_000m)]);

        // When
        var agreeing = Absolute(2020, 10_000m, 2030, 0.5m, method);
        var contradicting = Absolute(2020, 10_000m, 2030, 0.4m, method);

        // Then
        agreeing.Succeeded.ShouldBeTrue();
        ProblemAt(contradicting, "reduction").Message.ShouldBe("0.4 contradicts the last milestone (2030: 5000), which is a reduction of 0.5");
    }

    [Theory]
    [InlineData(2019)]
    [InlineData(2020)]
    public void Create_TargetYearNotAfterBaseYear_RejectedNamingTargetYear(int targetYear)
    {
        // Given a target year before or equal to the base year 2020
        // When
        var outcome = Absolute(2020, 10_000m, targetYear, 0.3m, PathwayMethod.Linear);

        // Then
        ProblemAt(outcome, "targetYear").Message.ShouldBe($"the target year {targetYear} must be after the base year 2020");
    }

    [Fact]
    public void Create_NoScopes_RejectedNamingScopes()
    {
        // Given no scope
        // When
        var outcome = GhgTarget.Create("t", TargetKind.Absolute, [], 2020, 10_000m, 2030, 0.3m, PathwayMethod.Linear);

        // Then
        ProblemAt(outcome, "scopes").Message.ShouldBe("name at least one scope (1, 2, 3)");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Create_NonPositiveBaseEmissions_RejectedNamingBaseYearEmissions(int emissions)
    {
        // Given zero or negative base-year emissions
        // When
        var outcome = Absolute(2020, emissions, 2030, 0.3m, PathwayMethod.Linear);

        // Then
        ProblemAt(outcome, "baseYearEmissions").Message.ShouldStartWith("base-year emissions of the covered scopes must be positive");
    }

    [Fact]
    public void Create_IntensityWithoutDenominator_RejectedNamingDenominator()
    {
        // Given an intensity target with no denominator
        // When
        var outcome = GhgTarget.Create("i", TargetKind.Intensity, Scope12, 2020, 10_000m, 2030, 0.3m, PathwayMethod.Linear);

        // Then
        ProblemAt(outcome, "denominator").Message.ShouldStartWith("an intensity target needs its denominator");
    }

    [Fact]
    public void Create_IntensityWithZeroDenominatorAmount_RejectedNamingIt()
    {
        // Given a denominator with base-year amount 0 (would divide by zero)
        // When
        var outcome = GhgTarget.Create("i", TargetKind.Intensity, Scope12, 2020, 10_000m, 2030, 0.3m, PathwayMethod.Linear,
            new IntensityDenominator("revenue", "NTD million", 0m));

        // Then
        ProblemAt(outcome, "denominator.baseYearAmount").Message.ShouldBe("must be positive");
    }

    [Fact]
    public void Create_AbsoluteWithDenominator_RejectedNamingDenominator()
    {
        // Given an absolute target given a denominator
        // When
        var outcome = GhgTarget.Create("a", TargetKind.Absolute, Scope12, 2020, 10_000m, 2030, 0.3m, PathwayMethod.Linear,
            new IntensityDenominator("revenue", "NTD million", 2_000m));

        // Then
        ProblemAt(outcome, "denominator").Message.ShouldBe("an absolute target has no denominator");
    }

    [Theory]
    [InlineData("C6")]
    [InlineData("C0")]
    public void Create_UnknownAr6Category_RejectedNamingMethodCategory(string category)
    {
        // Given a category outside the thesis's C1-C5
        // When
        var outcome = Absolute(2019, 1_000m, 2030, null, PathwayMethod.Ar6(category));

        // Then
        ProblemAt(outcome, "method.category").Message.ShouldBe($"'{category}' is not one of C1-C5 (seed 001 Table 2)");
    }

    [Fact]
    public void Create_Ar6WithBaseYearAfter2030_RejectedNamingBaseYear()
    {
        // Given C1 from 2031 (the categories are defined for 2019-2030)
        // When
        var outcome = Absolute(2031, 1_000m, 2035, null, PathwayMethod.Ar6("C1"));

        // Then
        ProblemAt(outcome, "baseYear").Message.ShouldStartWith("the AR6 categories are defined up to 2030");
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2035)]
    public void Create_MilestoneOutsideBaseToTargetYears_RejectedNamingTheMilestone(int year)
    {
        // Given a first milestone at the base year (2020) or after the target year (2030)
        var method = PathwayMethod.FromMilestones([new Milestone(year, 8_000m), new Milestone(2030, 5_000m)]);

        // When
        var outcome = Absolute(2020, 10_000m, 2030, null, method);

        // Then the allowed range is (2020, 2030]
        outcome.Problems.ShouldContain(p => p.Location.Field == "method.milestones[0]" && p.Message == $"year {year} is outside (2020, 2030]");
    }

    [Fact]
    public void Create_MilestonesNotEndingAtTargetYear_RejectedNamingMilestones()
    {
        // Given milestones ending in 2028 for a 2030 target
        var method = PathwayMethod.FromMilestones([new Milestone(2025, 8_000m), new Milestone(2028, 6_000m)]);

        // When
        var outcome = Absolute(2020, 10_000m, 2030, null, method);

        // Then
        ProblemAt(outcome, "method.milestones").Message.ShouldBe("the last milestone must be the target year 2030");
    }

    [Fact]
    public void Create_MilestonesOutOfOrder_RejectedNamingTheSecond()
    {
        // Given 2027 then 2025
        var method = PathwayMethod.FromMilestones([new Milestone(2027, 8_000m), new Milestone(2025, 7_000m), new Milestone(2030, 5_000m)]);

        // When
        var outcome = Absolute(2020, 10_000m, 2030, null, method);

        // Then
        ProblemAt(outcome, "method.milestones[1]").Message.ShouldBe("milestones must be in ascending year order without repeats");
    }

    [Fact]
    public void Create_NoMilestones_RejectedNamingMilestones()
    {
        // Given an empty milestone list
        // When
        var outcome = Absolute(2020, 10_000m, 2030, null, PathwayMethod.FromMilestones([]));

        // Then
        ProblemAt(outcome, "method.milestones").Message.ShouldBe("give at least one milestone (year, value)");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.2")]
    public void Create_ReductionOutsideZeroToOne_RejectedNamingReduction(string reduction)
    {
        // Given a reduction of 0 or more than 100 %
        // When
        var outcome = Absolute(2020, 10_000m, 2030, decimal.Parse(reduction, System.Globalization.CultureInfo.InvariantCulture), PathwayMethod.Linear);

        // Then
        ProblemAt(outcome, "reduction").Message.ShouldEndWith($"got {reduction}");
    }

    [Fact]
    public void Create_LinearWithoutReduction_RejectedNamingReduction()
    {
        // Given a linear (own) target with no reduction: nothing determines the target value
        // When
        var outcome = Absolute(2020, 10_000m, 2030, null, PathwayMethod.Linear);

        // Then
        ProblemAt(outcome, "reduction").Message.ShouldStartWith("is required for a linear target");
    }

    [Fact]
    public void Create_ContractionRateWithoutSource_RejectedNamingMethodRate()
    {
        // Given a rate with no version or source (SPEC §4: the rate is a parameter with its version and source)
        var rate = new ContractionRate("custom", 0.05m, "custom", "", "");

        // When
        var outcome = Absolute(2020, 10_000m, 2030, null, PathwayMethod.Contraction(rate));

        // Then
        ProblemAt(outcome, "method.rate").Message.ShouldBe("state the rate's method version and source");
    }

    [Fact]
    public void Create_SeveralBadFields_AllNamedInOnePass()
    {
        // Given a blank name, no scopes, a target year before the base year and zero emissions
        // When
        var outcome = GhgTarget.Create(" ", TargetKind.Absolute, [], 2020, 0m, 2019, 0.3m, PathwayMethod.Linear);

        // Then each field is named once
        outcome.Problems.Select(p => p.Location.Field).ShouldBe(["name", "scopes", "targetYear", "baseYearEmissions"], ignoreOrder: true);
    }

    [Fact]
    public void Create_ScopesRepeatedAndUnordered_StoredDistinctAscending()
    {
        // Given scopes 2, 1, 2
        // When
        var target = GhgTarget.Create(" S1+2 ", TargetKind.Absolute, [Scope.Scope2, Scope.Scope1, Scope.Scope2], 2020, 10_000m, 2030, 0.3m, PathwayMethod.Linear).Value;

        // Then
        target.Scopes.ShouldBe([Scope.Scope1, Scope.Scope2]);
        target.ScopesText.ShouldBe("1+2");
        target.Name.ShouldBe("S1+2");
    }

    [Fact]
    public void Describe_ContractionAndAr6_NameRateCategoryAndSource()
    {
        // Given / When / Then the method names its rate and version, or its category's 2030 share
        PathwayMethod.Contraction(ContractionRate.Sbti15C).Describe()
            .ShouldBe("absolute contraction 4.2 %/yr (1.5 °C; SBTi Corporate Near-Term Criteria v5.x (2021-2024))");
        PathwayMethod.Contraction(ContractionRate.SbtiWellBelow2C).Describe(zhTw: true)
            .ShouldBe("絕對減量法 2.5%/年（well-below 2 °C；SBTi Corporate Near-Term Criteria v5.x (2021-2024)）");
        PathwayMethod.Ar6("C1").Describe().ShouldBe("IPCC AR6 C1: 2030 at 57 % of 2019 (thesis Table 2)");
        ContractionRate.ByCode("SBTI-1.5C").ShouldBeSameAs(ContractionRate.Sbti15C);
    }
}
