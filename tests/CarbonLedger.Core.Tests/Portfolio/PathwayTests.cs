using CarbonLedger.Portfolio;

namespace CarbonLedger.Core.Tests.Portfolio;

public sealed class PathwayTests
{
    [Fact]
    public void Linear_2019To2030At57Percent_FallsByFortyThreeEleventhsPointsAYear()
    {
        // Seed 001 Figure 1 / SPEC §7: base 2019 = 100 %, 2030 = 57 %: each year −43/11 = 3.909 points of 2019.
        var path = Pathways.Linear(2019, 1m);

        for (var y = 2020; y <= 2030; y++)
        {
            (path.ShareAt(y - 1) - path.ShareAt(y)).ShouldBe(0.43m / 11m, 1e-20m);
        }
        path.ShareAt(2030).ShouldBe(0.57m);
        path.ShareAt(2024).ShouldBe(1m - (5m * 0.43m / 11m), 1e-20m); // 80.45 %
    }

    [Fact]
    public void TwoPhase_RelativeConvention_CompoundsOnPreviousYear()
    {
        // 2023 = 100 % of the start; −4 % in 2024 and 2025 relative to the previous year: 0.96, 0.9216; then linear to 57 %.
        var path = Pathways.TwoPhase(2023, 1m, 0.04m, ReductionConvention.RelativeToPreviousYear, baseYear: 2023);

        path.ShareAt(2024).ShouldBe(0.96m);
        path.ShareAt(2025).ShouldBe(0.9216m);
        path.ShareAt(2026).ShouldBe(0.9216m - ((0.9216m - 0.57m) / 5m), 1e-20m);
        path.ReductionFromPreviousYear(2024).ShouldBe(0.04m);
    }

    [Fact]
    public void TwoPhase_PointsConvention_SubtractsPointsOfBase()
    {
        // Start 120 % of 2019 in 2023; −4 points of 2019 in 2024 and 2025: 116 %, 112 %.
        var path = Pathways.TwoPhase(2023, 1.2m, 0.04m, ReductionConvention.PointsOfBaseYear);

        path.ShareAt(2024).ShouldBe(1.16m);
        path.ShareAt(2025).ShouldBe(1.12m);
        path.ReductionFromPreviousYear(2024).ShouldBe(1m - (1.16m / 1.2m), 1e-20m);
    }

    [Fact]
    public void ThesisTable4_PlannedTwentyTwentyFour_IsNotFourPercentBelow2023()
    {
        // Seed 001 Table 4 prints the "2023 − 4 %" plan as 6,644,498 t. Relative to 2023's 6,869,502 t, −4 % is
        // 6,869,502 × 0.96 = 6,594,721.92 t. DISCREPANCY: 6,644,498 is 3.275 % below 2023; the thesis does not say
        // which convention (points of an unpublished 2019 base?) produced it.
        var path = Pathways.TwoPhase(2023, 1m, 0.04m, ReductionConvention.RelativeToPreviousYear, baseYear: 2023);

        path.AllowedTonnes(2024, 6_869_502m).ShouldBe(6_594_721.92m);
        (1m - (6_644_498m / 6_869_502m)).ShouldBe(0.03275m, 0.00001m);
    }

    [Fact]
    public void EuBenchmark_Pab_FollowsRegulation2020_1818()
    {
        // R(t) = 1 − (1 − 0.07)^(t − t0) × (1 − R0); PAB R0 = 50 %: t0 → 50 %, t0+1 → 1 − 0.93 × 0.5 = 53.5 %,
        // t0+2 → 1 − 0.8649 × 0.5 = 56.755 %.
        Pathways.EuBenchmarkReduction(2024, 2024, Pathways.EuPabInitialReduction).ShouldBe(0.5m);
        Pathways.EuBenchmarkReduction(2025, 2024, Pathways.EuPabInitialReduction).ShouldBe(0.535m);
        Pathways.EuBenchmarkReduction(2026, 2024, Pathways.EuPabInitialReduction).ShouldBe(0.56755m);
        Pathways.EuBenchmarkReduction(2025, 2024, Pathways.EuCtbInitialReduction).ShouldBe(1m - (0.93m * 0.7m));
    }

    [Fact]
    public void Waci_And_Pcaf_FollowTheirDefinitions()
    {
        // WACI = 0.6 × 100/50 + 0.4 × 30/10 = 1.2 + 1.2 = 2.4 t per currency million (TCFD).
        ClimateMetrics.WeightedAverageCarbonIntensity([(0.6m, 100m, 50m), (0.4m, 30m, 10m)]).ShouldBe(2.4m);
        // PCAF: 10/100 × 500 + 5/50 × 200 = 50 + 20 = 70 t; quality (10 × 2 + 5 × 4)/15 = 2.667.
        var (financed, quality) = ClimateMetrics.PcafFinancedEmissions([(10m, 100m, 500m, 2), (5m, 50m, 200m, 4)]);
        financed.ShouldBe(70m);
        quality.ShouldBe(40m / 15m);
    }
}
