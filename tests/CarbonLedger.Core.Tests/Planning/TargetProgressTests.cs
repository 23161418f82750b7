using CarbonLedger.Common;
using CarbonLedger.Inventory;
using CarbonLedger.Planning;

namespace CarbonLedger.Core.Tests.Planning;

/// <summary>Progress against a target (SPEC §4 "Progress"), the SBTi near-term criteria at their boundaries and the
/// Taiwan NDC 3.0 reference pathway.</summary>
public sealed class TargetProgressTests
{
    private static readonly Scope[] Scope12 = [Scope.Scope1, Scope.Scope2];

    // Base 2020 = 10,000 t, 1.5 °C to 2030: pathway 10,000 − 420 × (y − 2020), target 5,800 t (TargetsTests).
    private static GhgTarget Sbti15C() =>
        GhgTarget.Create("Scope 1+2", TargetKind.Absolute, Scope12, 2020, 10_000m, 2030, null, PathwayMethod.Contraction(ContractionRate.Sbti15C)).Value;

    // 10,000 t on 2,000 NTD million in 2020 = 5 t/NTD million, −30 % by 2030 → 3.5.
    private static GhgTarget Intensity() =>
        GhgTarget.Create("intensity", TargetKind.Intensity, Scope12, 2020, 10_000m, 2030, 0.30m, PathwayMethod.Linear,
            new IntensityDenominator("revenue", "NTD million", 2_000m)).Value;

    private static GhgTarget Linear(int baseYear, int targetYear, decimal reduction, decimal coverage = 1m, Scope[]? scopes = null) =>
        GhgTarget.Create("t", TargetKind.Absolute, scopes ?? Scope12, baseYear, 10_000m, targetYear, reduction, PathwayMethod.Linear, coverage: coverage).Value;

    private static Problem ProblemAt<T>(Outcome<T> outcome, string field)
    {
        outcome.Succeeded.ShouldBeFalse();
        return outcome.Problems.Where(p => p.Location.Field == field).ShouldHaveSingleItem();
    }

    [Fact]
    public void Evaluate_YearAbovePathway_GapPositiveAndOffTrack()
    {
        // Given 2021 actual 9,700 t; pathway 2021 = 10,000 − 420 = 9,580 t
        // When
        var progress = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2021, 9_700m)]).Value;

        // Then gap = 9,700 − 9,580 = +120 t, not on track; with no RECs the actual before RECs is the actual
        var row = progress.Rows.ShouldHaveSingleItem();
        row.Pathway.ShouldBe(9_580m);
        row.Gap.ShouldBe(120m);
        row.OnTrack.ShouldBe(false);
        row.ActualBeforeRecs.ShouldBe(9_700m);
        row.ReductionFromOperations.ShouldBe(300m); // 10,000 − 9,700
    }

    [Fact]
    public void Evaluate_YearExactlyOnPathway_OnTrackWithZeroGap()
    {
        // Given 2021 actual = pathway 9,580 t (on or under the line counts as on track)
        // When
        var row = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2021, 9_580m)]).Value.Rows[0];

        // Then
        row.Gap.ShouldBe(0m);
        row.OnTrack.ShouldBe(true);
    }

    [Fact]
    public void Evaluate_RecsAndOffsets_ShownBesideReductionsNeverInside()
    {
        // Given 2022 market-based 9,000 t after 300 t of RECs (633 certificates), and 200 t of offsets retired
        // (seed 003 四(二)2(4): RECs and offsets stated separately)
        var actual = new YearActual(2022, 9_000m, RecTonnes: 300m, RecCertificates: 633, OffsetTonnes: 200m);

        // When
        var row = TargetTracker.Evaluate(Sbti15C(), [actual]).Value.Rows[0];

        // Then pathway 2022 = 10,000 − 2 × 420 = 9,160; gap = 9,000 − 9,160 = −160 (on track);
        // before RECs = 9,000 + 300 = 9,300; reduction from operations = 10,000 − 9,300 = 700 (RECs not counted);
        // net after offsets = 9,000 − 200 = 8,800 (shown, not the actual)
        row.Pathway.ShouldBe(9_160m);
        row.Actual.ShouldBe(9_000m);
        row.Gap.ShouldBe(-160m);
        row.OnTrack.ShouldBe(true);
        row.ActualBeforeRecs.ShouldBe(9_300m);
        row.RecEffect.ShouldBe(300m);
        row.RecCertificates.ShouldBe(633);
        row.Offsets.ShouldBe(200m);
        row.NetAfterOffsets.ShouldBe(8_800m);
        row.ReductionFromOperations.ShouldBe(700m);
    }

    [Fact]
    public void Evaluate_BaseYearWithRecs_OperationalReductionComparesBeforeRecsFigures()
    {
        // Given the base year 2020 itself among the actuals: market-based 10,000 t after 500 t of RECs, and 2022
        // market-based 9,000 t after 300 t of RECs. The base value 10,000 t is already lowered by the 2020 RECs.
        var actuals = new[] { new YearActual(2020, 10_000m, RecTonnes: 500m), new YearActual(2022, 9_000m, RecTonnes: 300m) };

        // When
        var rows = TargetTracker.Evaluate(Sbti15C(), actuals).Value.Rows;

        // Then like with like, both before RECs: base 10,000 + 500 = 10,500; 2020: 10,500 − (10,000 + 500) = 0 (no
        // reduction in the base year itself); 2022: 10,500 − (9,000 + 300) = 1,200 t from operations
        rows[0].ReductionFromOperations.ShouldBe(0m);
        rows[1].ReductionFromOperations.ShouldBe(1_200m);
    }

    [Fact]
    public void Evaluate_LatestYearBehindTarget_RequiredReductionLinearAndCompound()
    {
        // Given actuals 2021 = 9,700 and 2022 = 9,000 (given out of order), target 5,800 t in 2030
        // When
        var progress = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2022, 9_000m), new YearActual(2021, 9_700m)]).Value;

        // Then rows are in year order; from 2022 (9,000) to 2030 (5,800) over 8 years:
        // linear (9,000 − 5,800)/8 = 400 t/yr = 400/10,000 = 4 points of base a year;
        // compound 1 − (5,800/9,000)^(1/8): ln(29/45) = ln 29 − ln 45 = 3.367296 − 3.806662 = −0.439367; /8 = −0.054921;
        // e^−0.054921 = 0.946560 → 5.3440 %/yr (tolerance 1e-6)
        progress.Rows.Select(r => r.Year).ShouldBe([2021, 2022]);
        var required = progress.Required.ShouldNotBeNull();
        required.FromYear.ShouldBe(2022);
        required.FromValue.ShouldBe(9_000m);
        required.TargetValue.ShouldBe(5_800m);
        required.PerYear.ShouldBe(400m);
        required.PointsOfBasePerYear.ShouldBe(0.04m);
        required.CompoundRate.ShouldBe(0.053440m, 0.000001m);
        required.AlreadyMet.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_CompoundRate_BringsLatestToTargetWhenApplied8Times()
    {
        // Given 2022 = 9,000 t, target 5,800 t in 2030
        var required = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2022, 9_000m)]).Value.Required!;

        // When the rate is applied year on year for 8 years (independent check of the rate's definition)
        var value = 9_000m;
        for (var i = 0; i < 8; i++) { value *= 1m - required.CompoundRate; }

        // Then 9,000 × (1 − r)^8 reaches 5,800 t within 0.0001 t (r is rounded to 10 decimals)
        value.ShouldBe(5_800m, 0.0001m);
    }

    [Fact]
    public void Evaluate_LatestAlreadyBelowTarget_AlreadyMetAndNothingMoreNeeded()
    {
        // Given 2022 = 5,000 t, already below the 2030 target of 5,800 t
        // When
        var required = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2022, 5_000m)]).Value.Required.ShouldNotBeNull();

        // Then
        required.AlreadyMet.ShouldBeTrue();
        required.PerYear.ShouldBe(0m);
        required.CompoundRate.ShouldBe(0m);
    }

    [Fact]
    public void Evaluate_LatestYearAtOrAfterTargetYear_NoRequiredReductionAndNoPathwayAfter()
    {
        // Given actuals for 2030 (target year) and 2031 (after it)
        // When
        var progress = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2030, 5_900m), new YearActual(2031, 5_500m)]).Value;

        // Then 2030 is compared with 5,800 (gap +100, off track); 2031 has no pathway point; nothing is "required"
        progress.Rows[0].Gap.ShouldBe(100m);
        progress.Rows[0].OnTrack.ShouldBe(false);
        progress.Rows[1].Pathway.ShouldBeNull();
        progress.Rows[1].Gap.ShouldBeNull();
        progress.Rows[1].OnTrack.ShouldBeNull();
        progress.Required.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_NoActuals_PathwayOnlyAndNoRequired()
    {
        // Given no actual years
        // When
        var progress = TargetTracker.Evaluate(Sbti15C(), []).Value;

        // Then the pathway 2020-2030 (11 points), no rows
        progress.Pathway.Count.ShouldBe(11);
        progress.Rows.ShouldBeEmpty();
        progress.Required.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_IntensityTarget_DividesByTheYearsDenominator()
    {
        // Given 2022: 9,900 t on 2,200 NTD million, 110 t of RECs
        var actual = new YearActual(2022, 9_900m, RecTonnes: 110m, DenominatorAmount: 2_200m);

        // When
        var progress = TargetTracker.Evaluate(Intensity(), [actual]).Value;

        // Then actual = 9,900/2,200 = 4.5; pathway 2022 = 5 × (1 − 0.3 × 2/10) = 4.7; gap −0.2 (on track);
        // RECs 110/2,200 = 0.05 → before RECs 4.55; from operations 5 − 4.55 = 0.45;
        // required from 4.5 to 3.5 in 8 years = 0.125 a year = 0.125/5 = 2.5 points of base a year
        var row = progress.Rows[0];
        row.Actual.ShouldBe(4.5m);
        row.Pathway.ShouldBe(4.7m);
        row.Gap.ShouldBe(-0.2m);
        row.OnTrack.ShouldBe(true);
        row.RecEffect.ShouldBe(0.05m);
        row.ActualBeforeRecs.ShouldBe(4.55m);
        row.ReductionFromOperations.ShouldBe(0.45m);
        progress.Required!.PerYear.ShouldBe(0.125m);
        progress.Required.PointsOfBasePerYear.ShouldBe(0.025m);
    }

    [Fact]
    public void Evaluate_IntensityWithoutYearsDenominator_RejectedNamingIt()
    {
        // Given an intensity target and a 2022 actual with no revenue
        // When
        var outcome = TargetTracker.Evaluate(Intensity(), [new YearActual(2022, 9_900m)]);

        // Then
        ProblemAt(outcome, "actuals[0].denominatorAmount").Message.ShouldBe("an intensity target needs revenue (NTD million) for 2022, positive");
    }

    [Fact]
    public void Evaluate_DuplicateYear_RejectedNamingTheSecond()
    {
        // Given 2021 twice
        // When
        var outcome = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2021, 9_700m), new YearActual(2021, 9_600m)]);

        // Then
        ProblemAt(outcome, "actuals[1]").Message.ShouldBe("year 2021 appears twice");
    }

    [Fact]
    public void Evaluate_YearBeforeBaseYear_RejectedNamingIt()
    {
        // Given 2019 for a 2020-based target
        // When
        var outcome = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2019, 10_100m)]);

        // Then
        ProblemAt(outcome, "actuals[0]").Message.ShouldBe("year 2019 is before the base year 2020");
    }

    [Fact]
    public void Evaluate_NegativeOffsets_RejectedNamingTheRow()
    {
        // Given negative offsets
        // When
        var outcome = TargetTracker.Evaluate(Sbti15C(), [new YearActual(2021, 9_700m, OffsetTonnes: -1m)]);

        // Then
        ProblemAt(outcome, "actuals[0]").Message.ShouldBe("emissions, RECs and offsets cannot be negative");
    }

    private static bool? Criterion(IReadOnlyList<CriterionResult> results, string code) => results.Single(r => r.Code == code).Passed;

    [Theory]
    [InlineData(2014, false)]
    [InlineData(2015, true)]
    public void Check_BaseYear_2015OrLater(int baseYear, bool passes)
    {
        // Given a base year of 2014 or 2015 (SBTi: base year ≥ 2015, SPEC §4)
        var target = Linear(baseYear, 2030, 0.5m);

        // When
        var results = SbtiNearTermCriteria.Check(target, new SbtiContext(2025));

        // Then
        Criterion(results, "base-year").ShouldBe(passes);
    }

    [Theory]
    [InlineData(2029, false)] // 4 years after submission in 2025
    [InlineData(2030, true)]  // 5
    [InlineData(2035, true)]  // 10
    [InlineData(2036, false)] // 11
    public void Check_Horizon_FiveToTenYearsAfterSubmission(int targetYear, bool passes)
    {
        // Given submission in 2025 and a target year 4, 5, 10 or 11 years later (SBTi: 5-10 years)
        var target = Linear(2020, targetYear, 0.9m);

        // When
        var results = SbtiNearTermCriteria.Check(target, new SbtiContext(2025));

        // Then
        Criterion(results, "horizon").ShouldBe(passes);
        results.Single(r => r.Code == "horizon").Message.ShouldContain($"is {targetYear - 2025} years after submission in 2025");
    }

    [Theory]
    [InlineData("0.94", false)]
    [InlineData("0.95", true)]
    public void Check_Scope12Coverage_AtLeast95Percent(string coverage, bool passes)
    {
        // Given Scope 1+2 covered at 94 % or 95 % (SBTi: ≥ 95 %)
        var target = Linear(2020, 2030, 0.5m, decimal.Parse(coverage, System.Globalization.CultureInfo.InvariantCulture));

        // When
        var results = SbtiNearTermCriteria.Check(target, new SbtiContext(2025));

        // Then
        Criterion(results, "scope12-coverage").ShouldBe(passes);
    }

    [Fact]
    public void Check_TargetWithoutScope2_FailsCoverage()
    {
        // Given a Scope 1-only target at full coverage
        var target = Linear(2020, 2030, 0.5m, scopes: [Scope.Scope1]);

        // When
        var result = SbtiNearTermCriteria.Check(target, new SbtiContext(2025)).Single(r => r.Code == "scope12-coverage");

        // Then
        result.Passed.ShouldBe(false);
        result.Message.ShouldBe("the target does not cover both Scope 1 and Scope 2");
    }

    [Theory]
    [InlineData("0.39", false, null, true)]   // below 40 %: no Scope 3 target needed
    [InlineData("0.40", false, null, false)]  // at 40 %: needed, none
    [InlineData("0.40", true, "0.67", true)]  // at 40 % with a target covering 67 %
    [InlineData("0.40", true, "0.66", false)] // a target covering 66 % is not enough
    public void Check_Scope3_TargetNeededFrom40PercentCovering67(string share, bool hasTarget, string? coverage, bool passes)
    {
        // Given Scope 3's share of the total and the Scope 3 target's coverage (SBTi: ≥ 40 % → target covering ≥ 67 %)
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var context = new SbtiContext(2025, decimal.Parse(share, inv), hasTarget, coverage is null ? null : decimal.Parse(coverage, inv));

        // When
        var results = SbtiNearTermCriteria.Check(Linear(2020, 2030, 0.5m), context);

        // Then
        Criterion(results, "scope3").ShouldBe(passes);
    }

    [Fact]
    public void Check_Scope3ShareUnknown_NotJudged()
    {
        // Given no Scope 3 share
        // When
        var results = SbtiNearTermCriteria.Check(Linear(2020, 2030, 0.5m), new SbtiContext(2025));

        // Then the criterion is reported, not passed or failed
        Criterion(results, "scope3").ShouldBeNull();
    }

    [Theory]
    [InlineData("0.41", false)] // 41 % over 10 years = 4.1 %/yr < 4.2
    [InlineData("0.42", true)]  // 4.2 %/yr
    public void Check_Ambition_AtLeast4Point2PercentAYearFor15C(string reduction, bool passes)
    {
        // Given a linear own target 2020-2030 with 41 % or 42 % reduction, judged against 1.5 °C (4.2 %/yr)
        var target = Linear(2020, 2030, decimal.Parse(reduction, System.Globalization.CultureInfo.InvariantCulture));

        // When
        var results = SbtiNearTermCriteria.Check(target, new SbtiContext(2025));

        // Then
        Criterion(results, "ambition").ShouldBe(passes);
    }

    [Theory]
    [InlineData("0.24", false)] // 2.4 %/yr
    [InlineData("0.25", true)]  // 2.5 %/yr
    public void Check_AmbitionWellBelow2C_AtLeast2Point5PercentAYear(string reduction, bool passes)
    {
        // Given 24 % or 25 % over 2020-2030 against well-below 2 °C (2.5 %/yr)
        var target = Linear(2020, 2030, decimal.Parse(reduction, System.Globalization.CultureInfo.InvariantCulture));

        // When
        var results = SbtiNearTermCriteria.Check(target, new SbtiContext(2025), ContractionRate.SbtiWellBelow2C);

        // Then
        Criterion(results, "ambition").ShouldBe(passes);
    }

    [Fact]
    public void Check_IntensityTarget_AmbitionNotJudgedByContraction()
    {
        // Given an intensity target (SBTi judges these by sector methods, not absolute contraction)
        // When
        var results = SbtiNearTermCriteria.Check(Intensity(), new SbtiContext(2025));

        // Then
        Criterion(results, "ambition").ShouldBeNull();
    }

    [Theory]
    [InlineData("0.0499", true)]
    [InlineData("0.05", false)]
    public void Check_Recalculation_TriggeredAt5PercentCumulativeChange(string change, bool passes)
    {
        // Given cumulative base-year changes of 4.99 % or 5 % (SBTi: recalculate when they reach 5 %)
        var context = new SbtiContext(2025, CumulativeBaseYearChangeShare: decimal.Parse(change, System.Globalization.CultureInfo.InvariantCulture));

        // When
        var results = SbtiNearTermCriteria.Check(Linear(2020, 2030, 0.5m), context);

        // Then
        Criterion(results, "recalculation").ShouldBe(passes);
    }

    [Theory]
    [InlineData(2025, true)]  // 5 years since the 2020 review
    [InlineData(2026, false)] // 6 years
    public void Check_Review_AtLeastEveryFiveYears(int now, bool passes)
    {
        // Given the last review in 2020
        var context = new SbtiContext(2025, LastReviewYear: 2020, CurrentYear: now);

        // When
        var results = SbtiNearTermCriteria.Check(Linear(2020, 2030, 0.5m), context);

        // Then
        Criterion(results, "review").ShouldBe(passes);
    }

    [Fact]
    public void Check_WithoutRecalculationOrReviewInputs_ThoseCriteriaAbsent()
    {
        // Given only the submission year
        // When
        var results = SbtiNearTermCriteria.Check(Linear(2020, 2030, 0.5m), new SbtiContext(2025));

        // Then base-year, horizon, coverage, scope3 and ambition only
        results.Select(r => r.Code).ShouldBe(["base-year", "horizon", "scope12-coverage", "scope3", "ambition"]);
    }

    [Theory]
    [InlineData(2005, "1")]
    [InlineData(2030, "0.72")] // −28 %
    [InlineData(2035, "0.62")] // −38 %
    [InlineData(2050, "0")]    // net zero
    [InlineData(2032, "0.68")] // 0.72 + (0.62 − 0.72) × 2/5
    [InlineData(2020, "0.832")] // 1 + (0.72 − 1) × 15/25 = 1 − 0.168
    public void ShareAt_TaiwanNdc30_PointsAndLinearBetween(int year, string share)
    {
        // Given Taiwan NDC 3.0 vs 2005 (SPEC §4: −28 ± 2 % by 2030, −38 ± 2 % by 2035; net zero 2050)
        // When
        var value = ReferencePathway.TaiwanNdc30.ShareAt(year);

        // Then
        value.ShouldBe(decimal.Parse(share, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ShareAt_TaiwanNdc30Between2035And2050_LinearToZero()
    {
        // Given / When 2040: 0.62 + (0 − 0.62) × 5/15 = 0.62 × 2/3 = 0.41333…
        var value = ReferencePathway.TaiwanNdc30.ShareAt(2040);

        // Then
        value.ShouldBe(0.4133333333m, 1e-10m);
    }

    [Fact]
    public void Points_TaiwanNdc30_RangeIsPlusMinusTwoPoints()
    {
        // Given / When the 2030 and 2035 points
        var p2030 = ReferencePathway.TaiwanNdc30.Points.Single(p => p.Year == 2030);
        var p2035 = ReferencePathway.TaiwanNdc30.Points.Single(p => p.Year == 2035);

        // Then −28 ± 2 % → 70-74 %; −38 ± 2 % → 60-64 %
        (p2030.Low, p2030.High).ShouldBe((0.70m, 0.74m));
        (p2035.Low, p2035.High).ShouldBe((0.60m, 0.64m));
    }

    [Fact]
    public void ShareAt_YearBeforeReferenceYear_Throws()
    {
        // Given / When / Then 2004 is outside 2005-2050
        Should.Throw<ArgumentOutOfRangeException>(() => ReferencePathway.TaiwanNdc30.ShareAt(2004));
    }
}
