using CarbonLedger.Inventory;
using CarbonLedger.Testing;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Inventory;

public sealed class BaseYearAndDataQualityTests
{
    // GHG Protocol Corporate Standard ch. 5; SBTi: recalculate when cumulative changes reach 5 % of base-year emissions.
    [Theory]
    [InlineData(49.99, false)] // 49.99 / 1,000 = 4.999 % < 5 %
    [InlineData(50, true)]     // 50 / 1,000 = 5 %: "at" the threshold recalculates
    [InlineData(60, true)]     // 6 %
    public void Check_SingleAcquisition_ComparesWithFivePercent(double impactTonnes, bool required)
    {
        // Given base-year emissions of 1,000 t and one acquisition
        var changes = new[] { new StructuralChange("acquired warehouse", StructuralChangeKind.Acquisition, (decimal)impactTonnes, 2025) };

        // When
        var check = BaseYearPolicy.Check(1_000m, changes);

        // Then
        check.RecalculationRequired.ShouldBe(required);
        check.CumulativePercent.ShouldBe((decimal)impactTonnes / 10m);
    }

    [Fact]
    public void Check_OrganicGrowth_IsIgnored()
    {
        // Given 200 t of organic growth (20 %) and a 30 t acquisition (3 %)
        var changes = new[]
        {
            new StructuralChange("new customers", StructuralChangeKind.OrganicGrowth, 200m, 2025),
            new StructuralChange("small acquisition", StructuralChangeKind.Acquisition, 30m, 2025),
        };

        // When
        var check = BaseYearPolicy.Check(1_000m, changes);

        // Then only the 30 t count: 3 % < 5 %
        check.CumulativeImpactTonnes.ShouldBe(30m);
        check.RecalculationRequired.ShouldBeFalse();
    }

    [Fact]
    public void Check_AcquisitionAndDivestment_DoNotCancel()
    {
        // Given +30 t acquired and −25 t divested
        var changes = new[]
        {
            new StructuralChange("acquisition", StructuralChangeKind.Acquisition, 30m, 2025),
            new StructuralChange("divestment", StructuralChangeKind.Divestment, -25m, 2025),
        };

        // When
        var check = BaseYearPolicy.Check(1_000m, changes);

        // Then |30| + |−25| = 55 t = 5.5 % ≥ 5 %
        check.CumulativeImpactTonnes.ShouldBe(55m);
        check.CumulativePercent.ShouldBe(5.5m);
        check.RecalculationRequired.ShouldBeTrue();
    }

    [Fact]
    public void DataQuality_TwoQuantifiedLinesAndOneWithoutFactorUncertainty_PropagatesByIpccApproach1()
    {
        // Given
        //   diesel 1,000 L measured: E1 = 2.61457788816 t; u_activity 2 % (measured default), u_factor 2.02 %
        //     (MOENV/IPCC CO2 95 % range −2.02 % / +0.94 % → the larger half-width, rounded to 2 decimals)
        //   septic 50,000 person-h estimated: E2 = 0.7 t; u_activity 20 % (estimated default), u_factor 50 %
        //   electricity 10,000 kWh measured: 4.74 t; the grid factor publishes no uncertainty → unquantified
        var b = new InventoryBuilder();
        b.Source("GEN", SourceType.StationaryCombustion, "moenv604/stationary/diesel");
        b.Source("SEPTIC", SourceType.FugitiveSeptic, SepticTank.FactorKey);
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("GEN", 1_000m, UnitCatalog.Litre);
        b.Activity("SEPTIC", 50_000m, UnitCatalog.PersonHour, quality: DataQualityLevel.Estimated);
        b.Activity("ELEC", 10_000m, UnitCatalog.KilowattHour);

        // When
        var dq = b.Calculate().DataQuality;

        // Then IPCC 2006 Vol. 1 Ch. 3 Eq. 3.1 per line, Eq. 3.2 for the total:
        //   u1 = √(2² + 2.02²) = √8.0804 = 2.842604 %; u2 = √(20² + 50²) = √2900 = 53.851648 %
        //   U = √((2.842604 × 2.614578)² + (53.851648 × 0.7)²) / (2.614578 + 0.7)
        //     = √(7.432197² + 37.696154²) / 3.314578 = √1476.2361 / 3.314578 = 38.42182 / 3.314578 = 11.5918 %
        //   (python3 with the same inputs: 11.591774539)
        dq.TotalUncertaintyPercent!.Value.ShouldBe(11.591774539, 1e-6);
        Math.Round(dq.QuantifiedCo2e, 9).ShouldBe(3.314577888m);
        dq.UnquantifiedCo2e.ShouldBe(4.74m);
        Math.Round(dq.Co2eByLevel[DataQualityLevel.Measured], 9).ShouldBe(7.354577888m); // 2.61457788816 + 4.74
        Math.Round(dq.Co2eByLevel[DataQualityLevel.Estimated], 9).ShouldBe(0.7m);
        dq.RecordsByLevel[DataQualityLevel.Measured].ShouldBe(2);
        dq.RecordsByLevel[DataQualityLevel.Estimated].ShouldBe(1);
    }

    [Fact]
    public void DataQuality_ExplicitActivityUncertainty_OverridesTheLevelDefault()
    {
        // Given a single septic line with a stated 10 % activity uncertainty (factor 50 %)
        var b = new InventoryBuilder();
        b.Source("SEPTIC", SourceType.FugitiveSeptic, SepticTank.FactorKey);
        b.Activity("SEPTIC", 50_000m, UnitCatalog.PersonHour, quality: DataQualityLevel.Estimated, uncertaintyPercent: 10m);

        // When
        var dq = b.Calculate().DataQuality;

        // Then one line: U = √(10² + 50²) = √2600 = 50.990195 %
        dq.TotalUncertaintyPercent!.Value.ShouldBe(50.990195135927848, 1e-9);
    }
}
