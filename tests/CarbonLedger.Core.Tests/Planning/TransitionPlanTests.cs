using CarbonLedger.Planning;

namespace CarbonLedger.Core.Tests.Planning;

/// <summary>The plan model's own rules (seed 003 四(二)2(3): 1 張再生能源憑證 = 1,000 度電).</summary>
public sealed class TransitionPlanTests
{
    [Fact]
    public void Kwh_TwoHundredCertificates_IsTwoHundredThousandKwh()
    {
        // Given 200 RECs (seed 003 四(二)2(3): 1 REC = 1,000 kWh)
        var recs = new RecPlan(200, 2030);

        // When / Then 200 × 1,000 = 200,000 kWh
        recs.Kwh.ShouldBe(200_000m);
    }

    [Fact]
    public void Kwh_CertificatesBlank_IsNull()
    {
        // Given the sample's blank (_____張)
        var recs = new RecPlan(null, null);

        // When / Then nothing is invented
        recs.Kwh.ShouldBeNull();
    }

    [Fact]
    public void None_PlanFigures_HoldNoTargetsOrInventories()
    {
        // Given / When / Then
        PlanFigures.None.Targets.ShouldBeEmpty();
        PlanFigures.None.Inventories.ShouldBeEmpty();
    }
}
