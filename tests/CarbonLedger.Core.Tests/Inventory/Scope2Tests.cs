using CarbonLedger.Inventory;
using CarbonLedger.Testing;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Core.Tests.Inventory;

/// <summary>Scope 2 dual reporting (GHG Protocol Scope 2 Guidance 2015): location-based with Taiwan's 2024 grid factor
/// 0.474 kgCO2e/kWh (MOEA 113年度, seed 004); market-based with instruments (1 T-REC = 1,000 kWh), supplier rates and
/// the residual mix, each instrument's kWh applied once at most.</summary>
public sealed class Scope2Tests
{
    private const decimal Grid2024 = 0.474m;

    private static InventoryBuilder TwoSites()
    {
        var b = new InventoryBuilder();
        b.Facility("A-HQ");
        b.Facility("B-WH");
        b.Source("ELEC-A", SourceType.PurchasedElectricity, "tw-grid", facilityCode: "A-HQ");
        b.Source("ELEC-B", SourceType.PurchasedElectricity, "tw-grid", facilityCode: "B-WH");
        return b;
    }

    [Fact]
    public void LocationBased_10000Kwh_Is4Point74Tonnes()
    {
        // Given 10,000 kWh in 2024
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 10_000m, UnitCatalog.KilowattHour);

        // When
        var result = b.Calculate();

        // Then 10,000 × 0.474 / 1,000 = 4.74 t, in Scope 2 / ISO category 2 / energy indirect; without instruments
        // the market-based figure equals it (no residual mix for Taiwan: grid average, with a note)
        result.Scope2(Scope2Method.LocationBased).ShouldBe(4.74m);
        result.Scope2(Scope2Method.MarketBased).ShouldBe(4.74m);
        result.Totals().ByIsoCategory[IsoCategory.ImportedEnergy].ShouldBe(4.74m);
        result.Totals().ByEmissionType[EmissionType.EnergyIndirect].ShouldBe(4.74m);
        result.Notes.ShouldContain(n => n.Contains("no residual-mix factor", StringComparison.Ordinal));
    }

    [Fact]
    public void LocationBased_MegawattHours_AreConvertedToKwhFirst()
    {
        // Given 12 MWh (千度) on the bill
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 12m, UnitCatalog.Parse("千度"));

        // When
        var result = b.Calculate();

        // Then 12 MWh = 12,000 kWh × 0.474 = 5,688 kg = 5.688 t
        result.Scope2(Scope2Method.LocationBased).ShouldBe(5.688m);
        result.Lines.First().ActivityInFactorUnit.ShouldBe(12_000m);
    }

    [Fact]
    public void MarketBased_WithRecs_NetsRecsBeforeGridFactor()
    {
        // Given 10,000 kWh and 5 T-RECs
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 10_000m, UnitCatalog.KilowattHour);
        b.Recs("T-REC-0001..0005", 5);

        // When
        var result = b.Calculate();

        // Then 5 × 1,000 = 5,000 kWh at 0; the other 5,000 kWh × 0.474 = 2,370 kg = 2.37 t; location-based stays 4.74 t
        result.Scope2(Scope2Method.MarketBased).ShouldBe(2.37m);
        result.Scope2(Scope2Method.LocationBased).ShouldBe(4.74m);
        result.Instruments.Single().AppliedKwh.ShouldBe(5_000m);
        result.Instruments.Single().UnusedKwh.ShouldBe(0m);
    }

    [Fact]
    public void MarketBased_GreenPowerContract_IsZeroEmission()
    {
        // Given 10,000 kWh with 3,000 kWh delivered under a green-power contract (綠電轉供)
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 10_000m, UnitCatalog.KilowattHour);
        b.Instrument("GPC-2024-01", InstrumentType.GreenPowerContract, 3_000m, facilityCode: "HQ");

        // When
        var result = b.Calculate();

        // Then (10,000 − 3,000) × 0.474 = 3,318 kg = 3.318 t
        result.Scope2(Scope2Method.MarketBased).ShouldBe(3.318m);
    }

    [Fact]
    public void MarketBased_SupplierSpecificRate_AppliesAfterZeroEmissionInstruments()
    {
        // Given 10,000 kWh, a supplier-specific rate of 0.3 kg/kWh for 4,000 kWh and 2 RECs
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 10_000m, UnitCatalog.KilowattHour);
        b.Instrument("SUPPLIER-2024", InstrumentType.SupplierSpecific, 4_000m, 0.3m);
        b.Recs("T-REC-A", 2);

        // When
        var result = b.Calculate();

        // Then (Scope 2 Guidance 6.11 hierarchy) 2,000 kWh × 0 + 4,000 kWh × 0.3 + 4,000 kWh × 0.474
        //   = 0 + 1,200 + 1,896 = 3,096 kg = 3.096 t
        result.Scope2(Scope2Method.MarketBased).ShouldBe(3.096m);
        var market = result.Lines.Where(l => l.Scope2Method == Scope2Method.MarketBased).ToList();
        market.Sum(l => l.ActivityInFactorUnit).ShouldBe(10_000m);
    }

    [Fact]
    public void MarketBased_WithResidualMix_UsesItForUncoveredKwh()
    {
        // Given 10,000 kWh, 4 RECs and an (illustrative) residual mix of 0.55 kg/kWh
        var b = new InventoryBuilder().WithResidualMix(0.55m);
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 10_000m, UnitCatalog.KilowattHour);
        b.Recs("T-REC-B", 4);

        // When
        var result = b.Calculate();

        // Then 6,000 kWh × 0.55 = 3,300 kg = 3.3 t; location-based unchanged at 4.74 t
        result.Scope2(Scope2Method.MarketBased).ShouldBe(3.3m);
        result.Scope2(Scope2Method.LocationBased).ShouldBe(4.74m);
        result.Notes.ShouldContain(n => n.Contains("residual mix 0.55", StringComparison.Ordinal));
    }

    [Fact]
    public void MarketBased_OrganizationWideRecsLargerThanOneSite_SpillToTheNextSiteOnlyOnce()
    {
        // Given 15 organization-wide RECs (15,000 kWh); site A 10,000 kWh and site B 8,000 kWh in January
        var b = TwoSites();
        b.Monthly("ELEC-A", 1, 10_000m, UnitCatalog.KilowattHour);
        b.Monthly("ELEC-B", 1, 8_000m, UnitCatalog.KilowattHour);
        b.Recs("T-REC-ORG", 15);

        // When
        var result = b.Calculate();

        // Then A takes 10,000; the remaining 5,000 spill to B; B's other 3,000 kWh × 0.474 = 1,422 kg = 1.422 t.
        // Location-based: 18,000 × 0.474 = 8,532 kg = 8.532 t.
        result.Scope2(Scope2Method.MarketBased).ShouldBe(1.422m);
        result.Scope2(Scope2Method.LocationBased).ShouldBe(8.532m);
        var market = result.Totals(Scope2Method.MarketBased);
        market.ByFacility.GetValueOrDefault("A-HQ").ShouldBe(0m);
        market.ByFacility["B-WH"].ShouldBe(1.422m);
        var covered = result.Lines.Where(l => l.Instrument is not null).ToList();
        covered.Sum(l => l.ActivityInFactorUnit).ShouldBe(15_000m);
        result.Instruments.Single().AppliedKwh.ShouldBe(15_000m);
        result.Instruments.Single().UnusedKwh.ShouldBe(0m);
    }

    [Fact]
    public void MarketBased_InstrumentLargerThanAllConsumption_ReportsUnusedKwh()
    {
        // Given 25 RECs (25,000 kWh) against 18,000 kWh of consumption
        var b = TwoSites();
        b.Monthly("ELEC-A", 1, 10_000m, UnitCatalog.KilowattHour);
        b.Monthly("ELEC-B", 1, 8_000m, UnitCatalog.KilowattHour);
        b.Recs("T-REC-BIG", 25);

        // When
        var result = b.Calculate();

        // Then everything is covered once: 18,000 applied, 25,000 − 18,000 = 7,000 kWh unused; market-based 0
        result.Scope2(Scope2Method.MarketBased).ShouldBe(0m);
        result.Instruments.Single().AppliedKwh.ShouldBe(18_000m);
        result.Instruments.Single().UnusedKwh.ShouldBe(7_000m);
    }

    [Fact]
    public void MarketBased_FacilitySpecificInstrument_DoesNotCoverAnotherSite()
    {
        // Given 12 RECs bound to site A (12,000 kWh) while A uses 10,000 kWh and B 8,000 kWh
        var b = TwoSites();
        b.Monthly("ELEC-A", 1, 10_000m, UnitCatalog.KilowattHour);
        b.Monthly("ELEC-B", 1, 8_000m, UnitCatalog.KilowattHour);
        b.Recs("T-REC-A-ONLY", 12, facilityCode: "A-HQ");

        // When
        var result = b.Calculate();

        // Then A is covered, 2,000 kWh stay unused, and B pays the grid factor: 8,000 × 0.474 = 3,792 kg = 3.792 t
        result.Scope2(Scope2Method.MarketBased).ShouldBe(3.792m);
        result.Instruments.Single().UnusedKwh.ShouldBe(2_000m);
    }

    [Fact]
    public void MarketBased_RecsAgainstMonthlyBills_CoverTheEarliestMonthsOnce()
    {
        // Given 12 monthly bills of 1,000 kWh and 5 RECs for the year
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        for (var m = 1; m <= 12; m++) { b.Monthly("ELEC", m, 1_000m, UnitCatalog.KilowattHour); }
        b.Recs("T-REC-Y", 5);

        // When
        var result = b.Calculate();
        var byMonth = result.Totals(Scope2Method.MarketBased).ByMonth;

        // Then January-May are covered (5 × 1,000 kWh) and June-December pay 7 × 1,000 × 0.474 = 3,318 kg = 3.318 t
        result.Scope2(Scope2Method.MarketBased).ShouldBe(3.318m);
        byMonth[new YearMonth(2024, 5)].ShouldBe(0m);
        byMonth[new YearMonth(2024, 6)].ShouldBe(0.474m);
    }

    [Fact]
    public void MarketBased_InstrumentOutsideTheActivityPeriod_IsNotApplied()
    {
        // Given RECs vintage January only, consumption in February
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Monthly("ELEC", 2, 1_000m, UnitCatalog.KilowattHour);
        b.Recs("T-REC-JAN", 1, period: new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 1, 31)));

        // When
        var result = b.Calculate();

        // Then no coverage: 1,000 × 0.474 = 0.474 t; the certificate's 1,000 kWh are reported unused
        result.Scope2(Scope2Method.MarketBased).ShouldBe(0.474m);
        result.Instruments.Single().UnusedKwh.ShouldBe(1_000m);
    }

    [Fact]
    public void LocationBased_2025Electricity_FallsBackTo2024FactorWithNote()
    {
        // Given a 2025 inventory; the 2025 grid factor is not yet announced
        var b = new InventoryBuilder(year: 2025);
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 10_000m, UnitCatalog.KilowattHour);

        // When
        var result = b.Calculate();

        // Then the 2024 factor applies: 10,000 × 0.474 = 4.74 t, and the result says which factor was used
        result.Problems.ShouldBeEmpty();
        result.Scope2(Scope2Method.LocationBased).ShouldBe(4.74m);
        result.Notes.ShouldContain("no 2025 value for tw-grid; used the latest earlier one (2024)");
        result.Lines.First().FactorNote.ShouldBe("no 2025 value for tw-grid; used the latest earlier one (2024)");
        result.Lines.First().Factor.Year.ShouldBe(2024);
    }

    [Fact]
    public void FromRecCount_FiftyCertificates_Is50000Kwh()
    {
        // 1 T-REC = 1,000 kWh (Taiwan Renewable Energy Certification Center): 50 × 1,000 = 50,000 kWh
        var rec = ContractualInstrument.FromRecCount(Guid.NewGuid(), "T-REC", 50m, ReportingPeriod.Year(2024).Interval);

        rec.KilowattHours.ShouldBe(50_000m);
        rec.EmissionRateKgPerKwh.ShouldBe(0m);
        Should.Throw<CarbonLedger.Common.DomainException>(() => ContractualInstrument.FromRecCount(Guid.NewGuid(), "T-REC", 1.5m, ReportingPeriod.Year(2024).Interval));
    }

    [Fact]
    public void Grid2024_ConstantOfThisTest_IsTheSeedValue()
    {
        // Seed 004: "Taipower 2024 (ROC 113) factor 0.474 kgCO2e/kWh"; case 1: 16,243 kWh × 0.474 / 1000 = 7.699182 t
        var b = new InventoryBuilder();
        b.Source("ELEC", SourceType.PurchasedElectricity, "tw-grid");
        b.Activity("ELEC", 16_243m, UnitCatalog.KilowattHour);

        b.Calculate().Scope2(Scope2Method.LocationBased).ShouldBe(16_243m * Grid2024 / 1000m);
        (16_243m * Grid2024 / 1000m).ShouldBe(7.699182m);
    }
}
