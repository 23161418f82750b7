using CarbonLedger.Pricing;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Pricing;

public sealed class ProjectAppraisalTests
{
    // Seed 004 案例一 and 案例二 use Taipower's 2024 (ROC 113) factor 0.474 kgCO2e/kWh and ICP NTD 1,500/t.
    private static readonly GridFactor Taipower2024 = new(0.474m, "Taipower 2024 (ROC 113), seed 004");

    private static ProjectInputs Chiller(decimal tariff) => new()
    {
        Name = "Lab HVAC chiller (seed 004 case 1)",
        Capex = Money.Twd(1_000_000m),
        HorizonYears = 5,
        FirstYear = 2026,
        AnnualEnergySaved = new Quantity(16_243m, UnitCatalog.KilowattHour),
        TariffPerKwh = Money.Twd(tariff),
        TariffEscalation = 0.05m,
        GridFactorForYear = _ => Taipower2024,
        DiscountRate = 0.05m,
        CarbonPrice = CarbonPrice.Twd(1_500m),
    };

    [Fact]
    public void Appraise_Seed004Case1_AbatementAndCarbonValuePerYear()
    {
        // Given seed 004 case 1: 16,243 kWh/yr saved, 0.474 kgCO2e/kWh, ICP NTD 1,500/t
        // When appraised
        var result = ProjectAppraisal.Appraise(Chiller(4m)).Value;

        // Then each year abates 16,243 × 0.474 / 1000 = 7.699182 t (seed prints 7.7) worth 7.699182 × 1,500 =
        // NTD 11,548.773, which the seed prints rounded as NTD 11,549/yr
        var year1 = result.Years[1];
        year1.AbatementTonnes.ShouldBe(7.699182m);
        year1.CarbonValue.Amount.ShouldBe(11_548.773m);
        year1.CarbonValue.Round().Amount.ShouldBe(11_549m);
        year1.GridFactorSource.ShouldBe(Taipower2024.Source);
        result.TotalAbatementTonnes.ShouldBe(5 * 7.699182m);
    }

    [Fact]
    public void Appraise_Seed004Case1_FiveYearSavingWithFivePercentEscalationMatchesSeed()
    {
        // Given the seed's five-year saving NTD 369,578 with tariffs rising 5 %/yr. The seed does not print the tariff;
        // the rule saving = Σ_{t=1..5} 16,243 × p × 1.05^(t-1) = 16,243 × 5.52563125 × p gives
        // p = 369,578 / 89,752.8304... = NTD 4.11773/kWh (SPEC §5: "about NTD 4.1177/kWh").
        var sum = 1m + 1.05m + 1.1025m + 1.157625m + 1.21550625m;
        var tariff = 369_578m / (16_243m * sum);

        // When appraised with that first-year tariff
        var result = ProjectAppraisal.Appraise(Chiller(tariff)).Value;

        // Then the five years' energy-cost saving is the seed's NTD 369,578 and year 5's tariff is p × 1.05^4
        result.TotalEnergyCostSaving.Amount.ShouldBe(369_578m, 0.000001m);
        result.Years[5].Tariff.Amount.ShouldBe(tariff * 1.21550625m, 0.0000000001m);
    }

    [Fact]
    public void Npv_HandWorkedCase_MatchesAndIrrZeroesIt()
    {
        // Given −1,000 then 500 a year for three years.
        // NPV at 10 % = −1000 + 500/1.1 + 500/1.21 + 500/1.331 = 243.4259954921 (hand-computed)
        decimal[] flows = [-1000m, 500m, 500m, 500m];

        // When
        var npv = ProjectAppraisal.Npv(flows, 0.10m);
        var irr = ProjectAppraisal.InternalRateOfReturn(flows);

        // Then the NPV matches, and the IRR (23.3752 % by an independent bisection) sets NPV to zero
        npv.ShouldBe(243.4259954921m, 0.0000001m);
        irr.Rate!.Value.ShouldBe(0.2337519285m, 0.000001m);
        ProjectAppraisal.Npv(flows, irr.Rate.Value).ShouldBe(0m, 0.00001m);
    }

    [Fact]
    public void Payback_HandWorkedCase_SimpleAndDiscounted()
    {
        // Given −1,000 then 500 a year: undiscounted the cumulative reaches 0 exactly at the end of year 2. Discounted at
        // 10 %: after year 2 the cumulative is −1000 + 454.5455 + 413.2231 = −132.2314; year 3 brings 375.6574, so
        // payback = 2 + 132.2314 / 375.6574 = 2.352 years.
        decimal[] flows = [-1000m, 500m, 500m, 500m];

        // When / Then
        ProjectAppraisal.Payback(flows, null)!.Value.ShouldBe(2m);
        ProjectAppraisal.Payback(flows, 0.10m)!.Value.ShouldBe(2.352m, 0.0000001m);
        ProjectAppraisal.Payback([-1000m, 100m, 100m], null).ShouldBeNull();
    }

    [Fact]
    public void Appraise_CarbonPriceLiftsNpvByThePresentValueOfTheCarbonValue()
    {
        // Given the chiller at NTD 4/kWh, discounted at 5 %
        var result = ProjectAppraisal.Appraise(Chiller(4m)).Value;

        // Then NPV with carbon − NPV without = Σ_{t=1..5} 11,548.773 / 1.05^t = 11,548.773 × 4.329476670630 = 50,000.43…
        // (annuity factor (1 − 1.05^−5)/0.05 = 4.3294766706)
        (result.NpvWithCarbon - result.NpvWithoutCarbon).Amount.ShouldBe(11_548.773m * 4.3294766706m, 0.001m);
        // and the IRR with carbon is above the IRR without
        result.IrrWithCarbon.Rate!.Value.ShouldBeGreaterThan(result.IrrWithoutCarbon.Rate!.Value);
        // abatement cost = −NPV without carbon / total tonnes
        result.AbatementCostPerTonne!.Value.Amount.ShouldBe(-result.NpvWithoutCarbon.Amount / (5 * 7.699182m));
    }

    [Fact]
    public void Appraise_BadInputs_ListEveryField()
    {
        // Given a negative horizon, an energy quantity in litres, a USD carbon price on a TWD project and no grid factor
        var bad = Chiller(4m) with
        {
            HorizonYears = -3,
            AnnualEnergySaved = new Quantity(100m, UnitCatalog.Litre),
            CarbonPrice = new CarbonPrice(new Money(50m, Currency.Usd)),
            GridFactorForYear = null,
        };

        // When
        var outcome = ProjectAppraisal.Appraise(bad);

        // Then each problem is named
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Select(p => p.Location.Field).ShouldBe(["horizonYears", "annualEnergySaved", "gridFactor", "carbonPrice"], ignoreOrder: true);
        outcome.Problems.Single(p => p.Location.Field == "annualEnergySaved").Message.ShouldContain("'L' is not an energy unit");
    }

    [Fact]
    public void StressTest_PricesAndTariffPaths_NpvRisesWithPrice()
    {
        // Given SPEC §5's price list NTD 300 / 1,200 / 1,500 / 1,800 / 3,000 and two tariff paths
        decimal[] prices = [300m, 1_200m, 1_500m, 1_800m, 3_000m];

        // When
        var cases = StressTest.Run(Chiller(4m), prices.Select(CarbonPrice.Twd).ToList(), [0m, 0.05m]).Value;

        // Then 10 cases; within a tariff path NPV grows by exactly the PV of the extra carbon value:
        // ΔNPV(300 → 1,200) = 900 × 7.699182 × 4.3294766706 (annuity factor at 5 %, 5 years)
        cases.Count.ShouldBe(10);
        var flat = cases.Where(c => c.TariffEscalation == 0m).ToList();
        (flat[1].NpvWithCarbon - flat[0].NpvWithCarbon).Amount.ShouldBe(900m * 7.699182m * 4.3294766706m, 0.001m);
        flat.Select(c => c.NpvWithCarbon.Amount).ShouldBeInOrder(SortDirection.Ascending);
    }
}

public sealed class ProjectSpecTests
{
    [Fact]
    public void ToInputs_TaipowerSeries_UsesEachYearAndFallsBackWithANote()
    {
        // Given a project from 2024 for 3 years on the shipped Taipower series (2024 = 0.474 kgCO2e/kWh; 2025-2026 not
        // yet published, so the library falls back to 2024 and says so)
        var spec = new ProjectSpec
        {
            Name = "LED", Capex = 100_000m, HorizonYears = 3, FirstYear = 2024, EnergySaved = 10m, EnergyUnit = "MWh",
            TariffPerKwh = 4m, DiscountRate = 0.05m, CarbonPricePerTonne = 1_500m,
        };

        // When
        var inputs = spec.ToInputs(CarbonLedger.Factors.ReferenceLibrary.Create()).Value;
        var result = ProjectAppraisal.Appraise(inputs).Value;

        // Then 10 MWh = 10,000 kWh × 0.474 / 1000 = 4.74 t each year; 2025's source names the fallback
        result.Years.Skip(1).Select(y => y.AbatementTonnes).ShouldBe([4.74m, 4.74m, 4.74m]);
        result.Years[1].GridFactorSource!.ShouldNotContain("no 2024 value");
        result.Years[2].GridFactorSource!.ShouldContain("no 2025 value");
    }

    [Fact]
    public void ToInputs_YearBeforeTheSeries_ClearErrorNamingTheYear()
    {
        // Given a project starting 1999, before Taipower's series (2005-2024)
        var spec = new ProjectSpec { Name = "old", Capex = 1m, HorizonYears = 2, FirstYear = 1999, EnergySaved = 1m, TariffPerKwh = 1m, DiscountRate = 0m };

        // When / Then
        var outcome = spec.ToInputs(CarbonLedger.Factors.ReferenceLibrary.Create());
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems[0].Location.Field.ShouldBe("gridFactor");
        outcome.Problems[0].Message.ShouldContain("year 1999");
    }

    [Fact]
    public void ToInputs_NonEnergyUnitAndBadCurrency_Named()
    {
        var spec = new ProjectSpec { Name = "x", Currency = "dollars", Capex = 1m, HorizonYears = 1, FirstYear = 2024, EnergySaved = 1m, EnergyUnit = "L" };
        var outcome = spec.ToInputs(CarbonLedger.Factors.ReferenceLibrary.Create());
        outcome.Problems.Select(p => p.Location.Field).ShouldBe(["currency", "energyUnit"], ignoreOrder: true);
    }
}
