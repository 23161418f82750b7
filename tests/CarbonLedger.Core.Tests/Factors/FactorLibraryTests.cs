using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Factors;

public sealed class FactorLibraryTests
{
    private static readonly FactorLibrary Library = ReferenceLibrary.Default;

    private static decimal Co2ePerUnit(EmissionFactor factor, string gwpSet)
    {
        var gwp = Library.GetGwpSet(gwpSet);
        return factor.Gases.Sum(g => g.KilogramsPerUnit * gwp.Get(g.Gas).Value);
    }

    /// <summary>Independent reference: shared/data/tw_moenv_v604_common_fuels_summary.csv, whose kgCO2e_per_unit_AR4_computed
    /// and _AR5_computed columns were computed outside CarbonLedger from MOENV 6.0.4 sheets 1-3 (printed to 6 significant
    /// digits, hence the 5e-6 tolerance).</summary>
    [Theory]
    [InlineData("moenv604/stationary/diesel", "L", 2.61496, 2.61458)]
    [InlineData("moenv604/stationary/motor-gasoline", "L", 2.27142, 2.27107)]
    [InlineData("moenv604/stationary/lpg", "L", 1.7544, 1.7544)]
    [InlineData("moenv604/stationary/natural-gas", "m3", 1.88087, 1.88086)]
    [InlineData("moenv604/stationary/fuel-oil", "L", 3.12116, 3.12073)]
    [InlineData("moenv604/stationary/fuel-coal", "kg", 2.42013, 2.41894)]
    [InlineData("moenv604/mobile/diesel", "L", 2.65033, 2.64622)]
    [InlineData("moenv604/mobile/motor-gasoline", "L", 2.3614, 2.35523)]
    [InlineData("moenv604/mobile/lpg", "L", 1.7976, 1.80258)]
    [InlineData("moenv604/mobile/lng", "m3", 2.23427, 2.24094)]
    public void Resolve_MoenvFuel_Co2ePerUnitMatchesIndependentSummary(string key, string unit, double ar4, double ar5)
    {
        // Given the shipped MOENV 6.0.4 fuel factor
        // When
        var factor = Library.Resolve(key, 2024).Value.Factor;

        // Then it is per the unit MOENV uses and Σ kg_gas × GWP matches the independent summary (LPG, for example:
        // CO2 1.7528812758 + CH4 2.7779418e-5 × 28 + N2O 2.7779418e-6 × 265 = 1.754395 ≈ 1.7544 under AR5). This test
        // found that LPG and LNG lost their CH4 and N2O (MOENV names them 液化石油氣(LPG) on sheets 2-3): fixed in ReferenceLibrary.
        factor.PerUnit.Code.ShouldBe(unit);
        factor.Gases.Select(g => g.Gas.Code).ShouldBe(["CO2", "CH4", "N2O"], ignoreOrder: true);
        Math.Abs(Co2ePerUnit(factor, "AR4") - (decimal)ar4).ShouldBeLessThanOrEqualTo(0.000005m);
        Math.Abs(Co2ePerUnit(factor, "AR5") - (decimal)ar5).ShouldBeLessThanOrEqualTo(0.000005m);
    }

    [Fact]
    public void Resolve_StationaryDiesel_IsIpccDefaultTimesTaiwanHeatingValue()
    {
        // Given MOENV's rule: per-litre factor = IPCC 2006 default (kg/TJ) × heating value 8,400 kcal/L
        //   8,400 kcal × 4.1868 kJ/kcal = 35,169.12 kJ = 3.516912e-5 TJ per litre
        //   CO2 74,100 × 3.516912e-5 = 2.606031792; CH4 3 × … = 1.0550736e-4; N2O 0.6 × … = 2.1101472e-5 kg/L
        // When
        var factor = Library.Resolve("moenv604/stationary/diesel", 2024).Value.Factor;

        // Then (to 12 decimals: the shipped CSV carries binary-float tails such as 2.6060317920000005)
        decimal Kg(string gas) => Math.Round(factor.Gases.Single(g => g.Gas.Code == gas).KilogramsPerUnit, 12);
        Kg("CO2").ShouldBe(2.606031792m);
        Kg("CH4").ShouldBe(0.00010550736m);
        Kg("N2O").ShouldBe(0.000021101472m);
        factor.HeatingValue!.Value.ShouldBe(8_400m);
        factor.HeatingValue.EnergyUnit.ShouldBe(UnitCatalog.Kilocalorie);
    }

    [Fact]
    public void Resolve_GridFactorFor2024_Is0Point474PerKwh()
    {
        // MOEA Energy Administration 113年度電力排碳係數 0.474 kgCO2e/kWh (seed 004; shared/data status UNVERIFIED)
        var resolution = Library.Resolve(ReferenceLibrary.GridFactorKey, 2024).Value;

        resolution.Note.ShouldBeNull();
        resolution.Factor.PerUnit.ShouldBe(UnitCatalog.KilowattHour);
        resolution.Factor.Gases.Single().Value.ShouldBe(0.474m);
        resolution.Factor.Year.ShouldBe(2024);
    }

    [Fact]
    public void Resolve_GridFactorFor2025_FallsBackTo2024WithNote()
    {
        // Given no 2025 grid factor is published yet (the 0.424 "2025 baseline" is a target, not a factor)
        // When
        var resolution = Library.Resolve(ReferenceLibrary.GridFactorKey, 2025).Value;

        // Then the latest earlier year is used and the note says so
        resolution.Factor.Year.ShouldBe(2024);
        resolution.Factor.Gases.Single().Value.ShouldBe(0.474m);
        resolution.Note.ShouldBe("no 2025 value for tw-grid; used the latest earlier one (2024)");
    }

    [Fact]
    public void Resolve_GridFactorBeforeFirstYear_Fails()
    {
        var outcome = Library.Resolve(ReferenceLibrary.GridFactorKey, 2000);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Single().Message.ShouldContain("2000");
    }

    [Fact]
    public void Resolve_UnknownKey_FailsNamingKey()
    {
        var outcome = Library.Resolve("moenv604/stationary/unobtainium", 2024);

        outcome.Succeeded.ShouldBeFalse();
        outcome.Problems.Single().Message.ShouldBe("unknown emission factor 'moenv604/stationary/unobtainium'");
    }

    [Fact]
    public void Resolve_GasKey_IsOneKilogramPerKilogram()
    {
        // Refilled or topped-up mass = mass released (mass balance)
        var factor = Library.Resolve("gas/R-410A", 2024).Value.Factor;

        factor.PerUnit.ShouldBe(UnitCatalog.Kilogram);
        factor.Gases.Single().Gas.Code.ShouldBe("R-410A");
        factor.Gases.Single().KilogramsPerUnit.ShouldBe(1m);
    }

    [Fact]
    public void Resolve_LeakKey_IsIpccTable79RateOfCharge()
    {
        // IPCC 2006 GL Vol. 3 Table 7.9 (MOENV sheet 8): residential and commercial A/C 1-10 %/yr of charge
        var high = Library.Resolve("leak/residential-and-commercial-a-c-including-heat-pumps/high/R-32", 2024).Value;
        var low = Library.Resolve("leak/residential-and-commercial-a-c-including-heat-pumps/low/R-32", 2024).Value;

        high.Factor.Gases.Single().Gas.Code.ShouldBe("HFC-32");
        high.Factor.Gases.Single().KilogramsPerUnit.ShouldBe(0.10m);
        low.Factor.Gases.Single().KilogramsPerUnit.ShouldBe(0.01m);
        high.Note.ShouldNotBeNull();
    }

    [Fact]
    public void Resolve_LeakKeyWithUnknownEquipment_Fails()
    {
        Library.Resolve("leak/spaceship/high/R-32", 2024).Succeeded.ShouldBeFalse();
    }

    [Fact]
    public void Resolve_SepticKey_IsFiveTenThousandthsKgCh4PerPersonHour()
    {
        // IPCC 2006 Vol. 5 Ch. 6 defaults: 0.04 kg BOD/person-day ÷ 24 h × Bo 0.6 × MCF 0.5 = 0.0005 kg CH4/person-h
        var factor = Library.Resolve(SepticTank.FactorKey, 2024).Value.Factor;

        factor.PerUnit.ShouldBe(UnitCatalog.PersonHour);
        factor.Gases.Single().Gas.ShouldBe(GreenhouseGas.CH4);
        Math.Round(factor.Gases.Single().KilogramsPerUnit, 20).ShouldBe(0.0005m);
    }

    [Fact]
    public void Upsert_CustomFactorSameKeyAndYear_ReplacesIt()
    {
        // Given a library with a supplier factor
        var library = ReferenceLibrary.Create();
        var set = new FactorSet("supplier", "Supplier", "Supplier Co.", "2024", 2024, "TW", "private", "EPD", IsCustom: true);
        library.Upsert(new EmissionFactor("supplier/paper", set, "paper", UnitCatalog.Kilogram, [new GasFactor(GreenhouseGas.CO2e, 1.2m, UnitCatalog.Kilogram)], 2024));

        // When the supplier revises it
        library.Upsert(new EmissionFactor("supplier/paper", set, "paper", UnitCatalog.Kilogram, [new GasFactor(GreenhouseGas.CO2e, 1.1m, UnitCatalog.Kilogram)], 2024));

        // Then only the new value remains, and the shared default library is untouched
        library.Versions("supplier/paper").Single().Gases.Single().Value.ShouldBe(1.1m);
        ReferenceLibrary.Default.Versions("supplier/paper").ShouldBeEmpty();
    }
}
