using CarbonLedger.Pricing;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Core.Tests.Pricing;

public sealed class ProgrammeAndMechanismTests
{
    private static readonly GridFactor Taipower2024 = new(0.474m, "Taipower 2024 (ROC 113), seed 004");

    [Fact]
    public void Programme_Seed004Case2_FollowsItsRule_NotItsPrintedRounding()
    {
        // Given seed 004 case 2: 64,000 kWh in 2024 growing by 64,000 kWh a year to 448,000 kWh in 2030, 0.474 kg/kWh, NTD 1,500/t
        var purchases = Enumerable.Range(0, 7).Select(i => (2024 + i, new Quantity(64_000m * (i + 1), UnitCatalog.KilowattHour))).ToList();

        // When
        var rows = Programme.Evaluate(purchases, _ => Taipower2024, CarbonPrice.Twd(1_500m)).Value;

        // Then abatement = kWh × 0.474 / 1000: 30.336, 60.672, 91.008, 121.344, 151.68, 182.016, 212.352 t, and value × 1,500.
        // The seed prints 30.4, 60.5, 90.5, 121.4, 152.0, 182.0, 212.3 t and values computed from those (45,600 = 30.4 × 1,500):
        // its own rule gives 30.336 t and NTD 45,504 for 2024; 2026's 90.5 is 0.508 t below 91.008. We implement the rule.
        decimal[] expected = [30.336m, 60.672m, 91.008m, 121.344m, 151.68m, 182.016m, 212.352m];
        rows.Select(r => r.AbatementTonnes).ShouldBe(expected);
        rows[0].Value.Amount.ShouldBe(45_504m);
        rows[^1].CumulativeAbatementTonnes.ShouldBe(expected.Sum()); // 849.408 t
        rows[^1].CumulativeValue.Amount.ShouldBe(849.408m * 1_500m);
    }

    [Fact]
    public void Programme_WithScope2Baseline_ReducesMarketBasedNeverBelowZero()
    {
        // Given a 100 t market-based Scope 2 baseline and 250,000 kWh of green power (118.5 t at 0.474)
        var rows = Programme.Evaluate([(2025, new Quantity(250m, UnitCatalog.MegawattHour))], _ => Taipower2024, CarbonPrice.Twd(300m),
            new Dictionary<int, decimal> { [2025] = 100m }).Value;

        // Then 250 MWh converts to 250,000 kWh explicitly, and the market-based figure floors at 0
        rows[0].EnergyKwh.ShouldBe(250_000m);
        rows[0].AbatementTonnes.ShouldBe(118.5m);
        rows[0].Scope2MarketBasedAfterTonnes.ShouldBe(0m);
    }

    [Fact]
    public void Macc_OrdersByCostAndSaysWhichPayOffAtAPrice()
    {
        // Given three projects whose costs per tonne are set by their NPV without carbon (−NPV / tonnes):
        // A: saves money (negative cost), B: cost 1,000/t, C: cost 2,000/t (direct abatement, no energy, zero tariff)
        static AppraisalResult Project(string name, decimal capex, decimal tonnesPerYear) => ProjectAppraisal.Appraise(new ProjectInputs
        {
            Name = name, Capex = Money.Twd(capex), HorizonYears = 1, FirstYear = 2025, AnnualDirectAbatementTonnes = tonnesPerYear,
            DiscountRate = 0m, CarbonPrice = CarbonPrice.Twd(0m),
        }).Value;
        var c = Project("C", 20_000m, 10m);  // cost 20,000 / 10 t = 2,000/t
        var b = Project("B", 5_000m, 5m);    // 1,000/t
        var a = Project("A", 0m, 2m);        // 0/t

        // When
        var macc = Macc.Build([c, b, a]).Value;

        // Then cheapest first, widths are cumulative tonnes, and at NTD 1,500/t A and B pay off (7 t)
        macc.Segments.Select(s => s.Project).ShouldBe(["A", "B", "C"]);
        macc.Segments.Select(s => s.CumulativeEndTonnes).ShouldBe([2m, 7m, 17m]);
        var (paying, tonnes) = macc.PayingOffAt(CarbonPrice.Twd(1_500m));
        paying.Select(p => p.Project).ShouldBe(["A", "B"]);
        tonnes.ShouldBe(7m);
    }

    [Fact]
    public void CarbonFund_ChargesUnitsAndRefusesOverspending()
    {
        // Given a fund charging NTD 1,500/t: HQ 120.5 t → 180,750; Lab 10.0004 t → 15,000.6 → 15,001 (whole NTD)
        var fund = new CarbonFund(Currency.Twd);
        fund.Charge(new LocalDate(2025, 1, 31), [new UnitEmissions("HQ", 120.5m), new UnitEmissions("Lab", 10.0004m)], CarbonPrice.Twd(1_500m), "2024");

        // When it spends 150,000 and then tries 50,000
        var spent = fund.Spend(new LocalDate(2025, 3, 1), "LED retrofit", Money.Twd(150_000m), "phase 1");
        var over = fund.Spend(new LocalDate(2025, 4, 1), "chiller", Money.Twd(50_000m), "");

        // Then the balance is 180,750 + 15,001 − 150,000 = 45,751 and the second spend is refused naming the shortfall 4,249
        spent.Succeeded.ShouldBeTrue();
        fund.Balance.Amount.ShouldBe(45_751m);
        over.Succeeded.ShouldBeFalse();
        over.Problems[0].Message.ShouldContain("4,249");
    }

    [Fact]
    public void InternalTrading_TransferMovesAllowancesAndCash()
    {
        // Given HQ 100 t allocated / 90 t emitted, Plant 50 t / 60 t; HQ sells Plant 10 t at NTD 1,000/t
        var positions = InternalTrading.Positions(new Dictionary<string, decimal> { ["HQ"] = 100m, ["Plant"] = 50m },
            [new AllowanceTransfer("HQ", "Plant", 10m, CarbonPrice.Twd(1_000m))],
            [new UnitEmissions("HQ", 90m), new UnitEmissions("Plant", 60m)], Currency.Twd).Value;

        // Then both comply exactly (HQ holds 90 for 90, Plant 60 for 60) and 10,000 moves from Plant to HQ
        var hq = positions.Single(p => p.Unit == "HQ");
        var plant = positions.Single(p => p.Unit == "Plant");
        (hq.Held, hq.SurplusTonnes, hq.Compliant, hq.CashFlow.Amount).ShouldBe((90m, 0m, true, 10_000m));
        (plant.Held, plant.SurplusTonnes, plant.Compliant, plant.CashFlow.Amount).ShouldBe((60m, 0m, true, -10_000m));
    }

    [Fact]
    public void InternalTrading_OverSelling_Refused()
    {
        var outcome = InternalTrading.Positions(new Dictionary<string, decimal> { ["HQ"] = 5m, ["Plant"] = 50m },
            [new AllowanceTransfer("HQ", "Plant", 10m, CarbonPrice.Twd(1_000m))], [], Currency.Twd);
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems[0].ToString().ShouldContain("cannot sell 10");
    }

    [Fact]
    public void ImplicitPrice_CostOverRealisedAbatement()
    {
        // Given LED retrofit NTD 300,000 for 150 t and solar NTD 2,000,000 for 500 t
        var (per, overall) = ImplicitPrice.Of([new CompletedProject("LED", Money.Twd(300_000m), 150m), new CompletedProject("Solar", Money.Twd(2_000_000m), 500m)]).Value;

        // Then 2,000/t and 4,000/t; overall 2,300,000 / 650 = 3,538.46…/t
        per.Select(p => p.Price.PerTonne.Amount).ShouldBe([2_000m, 4_000m]);
        overall.PerTonne.Amount.ShouldBe(2_300_000m / 650m);
    }

    [Fact]
    public void TaiwanCarbonFee_AboveK_ChargesTheExcessTruncated()
    {
        // Given 30,000.1234 t, K 25,000, coefficient 1, NTD 300/t (碳費收費辦法 Art. 5): chargeable = 5,000.1234 → 5,000.123 (3 dp),
        // fee = 5,000.123 × 300 = 1,500,036.9 → NTD 1,500,036 (truncated)
        var fee = TaiwanCarbonFee.Compute(30_000.1234m);
        fee.ChargeableTonnes.ShouldBe(5_000.123m);
        fee.Amount.Amount.ShouldBe(1_500_036m);
        // a small emitter below K pays nothing
        TaiwanCarbonFee.Compute(1_234m).Amount.Amount.ShouldBe(0m);
    }

    [Fact]
    public void Exposure_CoveredScopesTimesEachPrice()
    {
        // Given Scope 1 40 t, Scope 2 60 t, Scope 3 500 t; the policy covers scopes 1 and 2 (seed 004 七)
        var lines = CarbonCostExposure.Of(new Dictionary<int, decimal> { [1] = 40m, [2] = 60m, [3] = 500m }, new HashSet<int> { 1, 2 },
            [("ICP", CarbonPrice.Twd(1_500m)), ("carbon fee rate", CarbonPrice.Twd(300m))]);

        // Then 100 t × 1,500 = 150,000 and × 300 = 30,000
        lines.Select(l => l.Cost.Amount).ShouldBe([150_000m, 30_000m]);
    }

    [Fact]
    public void IcpPolicy_PriceOnDateAndNextReview()
    {
        // Given seed 004 四: shadow price NTD 1,500 from 2025-01-01, reviewed yearly; raised to 1,800 on 2027-01-01
        var policy = new IcpPolicy("D-Link shadow price", IcpType.ShadowPrice,
            [new PriceChange(new LocalDate(2025, 1, 1), CarbonPrice.Twd(1_500m), "seed 004 四"), new PriceChange(new LocalDate(2027, 1, 1), CarbonPrice.Twd(1_800m), "review")],
            new HashSet<int> { 1, 2 }, 12);

        // Then
        policy.PriceOn(new LocalDate(2024, 12, 31)).ShouldBeNull();
        policy.PriceOn(new LocalDate(2026, 6, 30))!.Value.PerTonne.Amount.ShouldBe(1_500m);
        policy.PriceOn(new LocalDate(2027, 1, 1))!.Value.PerTonne.Amount.ShouldBe(1_800m);
        policy.NextReview.ShouldBe(new LocalDate(2028, 1, 1));
        Should.Throw<CarbonLedger.Common.DomainException>(() => new IcpPolicy("x", IcpType.ShadowPrice, [], new HashSet<int> { 1 }, 12));
    }
}
