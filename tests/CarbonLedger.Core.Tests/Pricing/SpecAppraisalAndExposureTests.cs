using CarbonLedger.Factors;
using CarbonLedger.Pricing;
using NodaTime;

namespace CarbonLedger.Core.Tests.Pricing;

public sealed class SpecAppraisalAndExposureTests
{
    [Fact]
    public void Run_NegativeHorizonAndMassUnitAndNegativeCapex_ReportsEveryFieldInOnePass()
    {
        // Given a spec whose unit cannot become inputs and whose horizon and capex fail the appraisal's checks
        var spec = new ProjectSpec { Name = "bad", Capex = -1m, HorizonYears = -5, FirstYear = 2026, EnergySaved = 100m, EnergyUnit = "kg", TariffPerKwh = 4m, DiscountRate = 0.05m };

        // When appraised
        var outcome = SpecAppraisal.Run(spec, ReferenceLibrary.Default);

        // Then all three fields are named, and no grid-factor problem is invented for a horizon that has no years
        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Select(p => p.Location.Field).ShouldBe(["energyUnit", "horizonYears", "capex"], ignoreOrder: true);
    }

    [Fact]
    public void Run_SeedCase1WithLibraryFactor_UsesTaipowers2024FactorForLaterYears()
    {
        // Given seed 004 case 1 without a fixed factor: 2026 is after Taipower's latest year (2024, 0.474 kg/kWh,
        // shared/data/tw_electricity_emission_factors.csv), so the library falls back to 2024 and says so
        var spec = new ProjectSpec { Name = "chiller", Capex = 1_000_000m, HorizonYears = 5, FirstYear = 2026, EnergySaved = 16_243m, TariffPerKwh = 4.1177m,
            TariffEscalation = 0.05m, CarbonPricePerTonne = 1500m, DiscountRate = 0.05m };

        // When appraised
        var outcome = SpecAppraisal.Run(spec, ReferenceLibrary.Default);

        // Then year 1 abates 16,243 × 0.474 / 1,000 = 7.699182 t
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        outcome.Value.Years[1].AbatementTonnes.ShouldBe(7.699182m);
        outcome.Value.Years[1].GridFactorSource!.ShouldContain("2024");
    }

    [Fact]
    public void Build_AboveK_ChargesTheExcessAndPricesEveryPolicyOverItsScopes()
    {
        // Given 28,000 t Scope 1, 2,000 t Scope 2, 500 t Scope 3; a shadow price of NTD 1,500 over scopes 1-2 since 2024-01-01
        // and a trading policy that starts after the inventory's last day (so not in force)
        var tonnes = new Dictionary<int, decimal> { [1] = 28_000m, [2] = 2_000m, [3] = 500m };
        var shadow = new IcpPolicy("Shadow", IcpType.ShadowPrice, [new PriceChange(new LocalDate(2024, 1, 1), CarbonPrice.Twd(1500m), "seed 004")], new HashSet<int> { 1, 2 }, 12);
        var later = new IcpPolicy("Trading", IcpType.InternalTrading, [new PriceChange(new LocalDate(2026, 1, 1), CarbonPrice.Twd(900m), "pilot")], new HashSet<int> { 1 }, 12);

        // When the 2025 exposure is built with a user price of NTD 3,000
        var report = ExposureReport.Build(tonnes, [shadow, later], new LocalDate(2025, 12, 31), null, Currency.Twd, [3000m]);

        // Then: shadow 30,000 t × 1,500 = 45,000,000; fee rate 300 × 30,000 = 9,000,000; user 3,000 × 30,000 = 90,000,000
        report.Lines.Select(l => l.Cost.Amount).ShouldBe([45_000_000m, 9_000_000m, 90_000_000m]);
        // and 碳費收費辦法: (30,000 − 25,000) × 1 = 5,000 t chargeable × NTD 300 = NTD 1,500,000
        report.Fee.ChargeableTonnes.ShouldBe(5_000m);
        report.Fee.Amount.Amount.ShouldBe(1_500_000m);
        report.FeeRule.ShouldContain("25,000");
    }
}
