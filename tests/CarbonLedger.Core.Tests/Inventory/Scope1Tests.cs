using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Testing;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Inventory;

/// <summary>Scope 1 golden cases, one per source type. Expected values are worked from the factor's rule
/// (MOENV 6.0.4: IPCC 2006 default per TJ × Taiwan heating value; 1 kcal = 4.1868 kJ) and the GWP set
/// (AR5 WG1: CH4 28, N2O 265), with the arithmetic shown. Rounded to 9 decimals of a tonne (1 mg): the shipped
/// MOENV CSV carries binary-float tails such as 2.6060317920000005.</summary>
public sealed class Scope1Tests
{
    private static decimal T(decimal tonnes) => Math.Round(tonnes, 9);

    [Fact]
    public void Calculate_StationaryDiesel1000L_GivesCo2Ch4N2OWithAr5Gwps()
    {
        // Given an emergency generator burning 1,000 L of diesel (MOENV stationary diesel)
        var b = new InventoryBuilder();
        b.Source("GEN", SourceType.StationaryCombustion, "moenv604/stationary/diesel");
        b.Activity("GEN", 1_000m, UnitCatalog.Litre);

        // When
        var result = b.Calculate();

        // Then per litre 8,400 kcal × 4.1868 kJ = 3.516912e-5 TJ:
        //   CO2 74,100 kg/TJ → 2.606031792 kg/L × 1,000 = 2,606.031792 kg        × 1   = 2,606.031792 kg CO2e
        //   CH4 3 kg/TJ     → 1.0550736e-4 kg/L × 1,000 = 0.10550736 kg         × 28  = 2.95420608 kg CO2e
        //   N2O 0.6 kg/TJ   → 2.1101472e-5 kg/L × 1,000 = 0.021101472 kg        × 265 = 5.59189008 kg CO2e
        //   total 2,614.57788816 kg = 2.61457788816 t
        // Cross-check: tw_moenv_v604_common_fuels_summary.csv prints 2.61458 kgCO2e/L (AR5) → 2.61458 t per 1,000 L.
        result.Problems.ShouldBeEmpty();
        var line = result.Lines.Single();
        Math.Round(line.Gases.Single(g => g.Gas == GreenhouseGas.CO2).Kilograms, 6).ShouldBe(2_606.031792m);
        Math.Round(line.Gases.Single(g => g.Gas == GreenhouseGas.CH4).Kilograms, 9).ShouldBe(0.10550736m);
        Math.Round(line.Gases.Single(g => g.Gas == GreenhouseGas.N2O).Kilograms, 9).ShouldBe(0.021101472m);
        line.Gases.Single(g => g.Gas == GreenhouseGas.CH4).Gwp.ShouldBe(28m);
        line.Gases.Single(g => g.Gas == GreenhouseGas.N2O).Gwp.ShouldBe(265m);
        T(line.Co2eTonnes).ShouldBe(2.614577888m);
        Math.Round(line.Co2eTonnes, 5).ShouldBe(2.61458m);
        var totals = result.Totals();
        T(totals.ByEmissionType[EmissionType.Stationary]).ShouldBe(2.614577888m);
        T(totals.Scope1ByGasGroup[GasGroup.CH4]).ShouldBe(0.002954206m);
        T(totals.Scope1ByGasGroup[GasGroup.N2O]).ShouldBe(0.005591890m);
        totals.ByIsoCategory.Keys.ShouldBe([IsoCategory.Direct]);
    }

    [Theory]
    // Mobile motor gasoline per L: 7,800 kcal × 4.1868 kJ = 3.265704e-5 TJ; CO2 69,300 → 2.263132872 kg; CH4 25 → 8.16426e-4 kg;
    // N2O 8 → 2.6125632e-4 kg. For 1,000 L: CO2 2,263.132872 kg; CH4 0.816426 kg; N2O 0.26125632 kg.
    //   AR4 (25, 298):   20.41065    + 77.85438336 → 2,361.39790536 kg (summary CSV: 2.3614 kg/L)
    //   AR5 (28, 265):   22.859928   + 69.2329248  → 2,355.2257248 kg  (summary CSV: 2.35523 kg/L)
    //   AR6 (27.9, 273): 22.7782854  + 71.32297536 → 2,357.23413276 kg (no independent AR6 figure)
    [InlineData("AR4", 2.36139790536, 0.02041065, 0.07785438336)]
    [InlineData("AR5", 2.3552257248, 0.022859928, 0.0692329248)]
    [InlineData("AR6", 2.35723413276, 0.0227782854, 0.07132297536)]
    public void Calculate_MobileGasolineInEachGwpSet_AppliesThatSetsCh4AndN2O(string gwpSet, double total, double ch4Tonnes, double n2oTonnes)
    {
        // Given a company car's 1,000 L of gasoline
        var b = new InventoryBuilder(gwpSetId: gwpSet);
        b.Source("CAR", SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline");
        b.Activity("CAR", 1_000m, UnitCatalog.Litre);

        // When
        var totals = b.Calculate().Totals();

        // Then
        T(totals.Total).ShouldBe(T((decimal)total));
        T(totals.ByGasGroup[GasGroup.CH4]).ShouldBe(T((decimal)ch4Tonnes));
        T(totals.ByGasGroup[GasGroup.N2O]).ShouldBe(T((decimal)n2oTonnes));
        T(totals.ByEmissionType[EmissionType.Mobile]).ShouldBe(T((decimal)total));
    }

    [Fact]
    public void Calculate_ProcessWithCustomFactor_UsesTheCustomFactor()
    {
        // Given a process source with an organization's own factor: CO2 from limestone, 0.44 kg CO2 per kg CaCO3
        // (stoichiometric 44.01/100.09 = 0.4397, rounded as an illustrative custom value) and 2.5 t of limestone
        var b = new InventoryBuilder();
        b.AddFactor("custom/process/limestone", UnitCatalog.Kilogram, (GreenhouseGas.CO2, 0.44m));
        b.Source("LIME", SourceType.Process, "custom/process/limestone");
        b.Activity("LIME", 2.5m, UnitCatalog.Tonne);

        // When
        var totals = b.Calculate().Totals();

        // Then 2.5 t = 2,500 kg × 0.44 = 1,100 kg = 1.1 t, a process emission in Scope 1
        totals.Total.ShouldBe(1.1m);
        totals.ByEmissionType[EmissionType.Process].ShouldBe(1.1m);
        totals.ByScope[Scope.Scope1].ShouldBe(1.1m);
    }

    [Theory]
    // 3 kg R-410A topped up; GWP = 0.5 × HFC-32 + 0.5 × HFC-125:
    //   AR4 0.5×675 + 0.5×3500 = 2087.5 → 6,262.5 kg; AR5 0.5×677 + 0.5×3170 = 1923.5 → 5,770.5 kg; AR6 0.5×771 + 0.5×3740 = 2255.5 → 6,766.5 kg
    [InlineData("AR4", 6.2625)]
    [InlineData("AR5", 5.7705)]
    [InlineData("AR6", 6.7665)]
    public void Calculate_RefrigerantTopUpOfR410A_UsesBlendGwpOfTheSet(string gwpSet, double tonnes)
    {
        // Given a split A/C topped up with 3 kg of R-410A (top-up mass = mass leaked)
        var b = new InventoryBuilder(gwpSetId: gwpSet);
        b.Source("AC-1", SourceType.FugitiveRefrigerant, "gas/R-410A");
        b.Activity("AC-1", 3m, UnitCatalog.Kilogram);

        // When
        var totals = b.Calculate().Totals();

        // Then
        totals.Total.ShouldBe((decimal)tonnes);
        totals.ByGasGroup[GasGroup.HFCs].ShouldBe((decimal)tonnes);
        totals.ByEmissionType[EmissionType.Fugitive].ShouldBe((decimal)tonnes);
    }

    [Fact]
    public void Calculate_RefrigerantChargeTimesLeakRate_GivesAnnualLeak()
    {
        // Given an R-32 A/C holding 12 kg, IPCC Table 7.9 residential/commercial A/C high leak rate 10 %/yr
        var b = new InventoryBuilder();
        b.Source("AC-2", SourceType.FugitiveRefrigerant, "leak/residential-and-commercial-a-c-including-heat-pumps/high/R-32");
        b.Activity("AC-2", 12m, UnitCatalog.Kilogram);

        // When
        var result = b.Calculate();

        // Then 12 kg × 10 % = 1.2 kg HFC-32 × 677 (AR5) = 812.4 kg = 0.8124 t, with the leak-rate note
        result.Totals().Total.ShouldBe(0.8124m);
        result.Lines.Single().Gases.Single().Kilograms.ShouldBe(1.2m);
        result.Notes.ShouldContain("activity is the equipment's charge (kg) for a full year");
    }

    [Fact]
    public void Calculate_FireExtinguishersCo2AndHfc227ea_CountRefilledMass()
    {
        // Given CO2 extinguishers refilled with 20 kg and an FM-200 (HFC-227ea) system refilled with 5 kg
        var b = new InventoryBuilder();
        b.Source("EXT-CO2", SourceType.FugitiveFireExtinguisher, "gas/CO2");
        b.Source("EXT-FM200", SourceType.FugitiveFireExtinguisher, "gas/HFC-227ea");
        b.Activity("EXT-CO2", 20m, UnitCatalog.Kilogram);
        b.Activity("EXT-FM200", 5m, UnitCatalog.Kilogram);

        // When
        var totals = b.Calculate().Totals();

        // Then CO2: 20 kg × 1 = 0.02 t; HFC-227ea: 5 kg × 3,350 (AR5) = 16,750 kg = 16.75 t; total 16.77 t
        totals.BySource["EXT-CO2"].ShouldBe(0.02m);
        totals.BySource["EXT-FM200"].ShouldBe(16.75m);
        totals.Scope1ByGasGroup[GasGroup.CO2].ShouldBe(0.02m);
        totals.Scope1ByGasGroup[GasGroup.HFCs].ShouldBe(16.75m);
        totals.Total.ShouldBe(16.77m);
    }

    [Fact]
    public void Calculate_Sf6BreakerTopUp_UsesSf6Gwp()
    {
        // Given a GIS breaker topped up with 0.5 kg SF6
        var b = new InventoryBuilder();
        b.Source("GIS", SourceType.FugitiveSf6, "gas/SF6");
        b.Activity("GIS", 0.5m, UnitCatalog.Kilogram);

        // When
        var totals = b.Calculate().Totals();

        // Then 0.5 kg × 23,500 (AR5) = 11,750 kg = 11.75 t in the SF6 group
        totals.Total.ShouldBe(11.75m);
        totals.Scope1ByGasGroup[GasGroup.SF6].ShouldBe(11.75m);
    }

    [Fact]
    public void Calculate_SepticFromWorkingHours_Gives0Point0005KgCh4PerPersonHour()
    {
        // Given 25 employees × 8 h × 250 working days = 50,000 person-hours
        var b = new InventoryBuilder();
        b.Source("SEPTIC", SourceType.FugitiveSeptic, SepticTank.FactorKey);
        b.Activity("SEPTIC", 25m * 8m * 250m, UnitCatalog.PersonHour, quality: DataQualityLevel.Calculated);

        // When
        var totals = b.Calculate().Totals();

        // Then 50,000 × (0.04 kg BOD/24 h × 0.6 × 0.5 = 0.0005 kg CH4/person-h) = 25 kg CH4 × 28 = 700 kg = 0.7 t
        T(totals.Total).ShouldBe(0.7m);
        T(totals.Scope1ByGasGroup[GasGroup.CH4]).ShouldBe(0.7m);
        T(totals.ByEmissionType[EmissionType.Fugitive]).ShouldBe(0.7m);
    }

    [Fact]
    public void Calculate_BiogenicCo2_IsReportedOutsideTheScopes()
    {
        // Given 1,000 L of B100 biodiesel with an illustrative custom factor: CO2-biogenic 2.5, CH4 0.0001, N2O 0.00002 kg/L
        var b = new InventoryBuilder();
        b.AddFactor("custom/b100", UnitCatalog.Litre, (GreenhouseGas.BiogenicCO2, 2.5m), (GreenhouseGas.CH4, 0.0001m), (GreenhouseGas.N2O, 0.00002m));
        b.Source("B100", SourceType.StationaryCombustion, "custom/b100");
        b.Activity("B100", 1_000m, UnitCatalog.Litre);

        // When
        var result = b.Calculate();
        var totals = result.Totals();

        // Then in scope: CH4 0.1 kg × 28 = 2.8 kg; N2O 0.02 kg × 265 = 5.3 kg → 8.1 kg = 0.0081 t.
        // Outside the scopes: 2,500 kg biogenic CO2 = 2.5 t (GHG Protocol ch. 9; ISO 14064-1 Annex D).
        totals.Total.ShouldBe(0.0081m);
        result.BiogenicCo2Tonnes.ShouldBe(2.5m);
        totals.ByGasGroup.ContainsKey(GasGroup.CO2).ShouldBeFalse();
        result.Lines.Single().BiogenicCo2Tonnes.ShouldBe(2.5m);
    }
}
