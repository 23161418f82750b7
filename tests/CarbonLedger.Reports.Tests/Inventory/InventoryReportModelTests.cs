using CarbonLedger.Inventory;
using CarbonLedger.Reports.Inventory;
using static CarbonLedger.Reports.Tests.Inventory.SampleInventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class InventoryReportModelTests
{
    [Fact]
    public void From_SampleInventory_TotalsAndScopesMatchHandCalculation()
    {
        // Given the sample inventory (figures worked in SampleInventory's summary)
        // When
        var model = Model();

        // Then
        R(model.TotalTonnes).ShouldBe(TotalLocation);
        R(model.MarketBased.TotalTonnes).ShouldBe(TotalMarket);
        var scopes = model.LocationBased.ByScope.Rows.ToDictionary(r => r.Key, r => R(r.Tonnes));
        scopes["Scope1"].ShouldBe(Scope1);
        scopes["Scope2"].ShouldBe(Scope2Location);
        scopes["Scope3"].ShouldBe(Scope3);
        R(model.MarketBased.ByScope.Rows.Single(r => r.Key == "Scope2").Tonnes).ShouldBe(Scope2Market);
        R(model.BiogenicCo2Tonnes).ShouldBe(BiogenicCo2);
        model.IsComplete.ShouldBeTrue();
    }

    [Fact]
    public void From_SampleInventory_IsoCategoriesOneToSixAllListedAndSumToTotal()
    {
        // Given / When
        var iso = Model().LocationBased.ByIsoCategory;

        // Then: ISO 14064-1 categories 1-6 all present; 1 = Scope 1, 2 = Scope 2, 3 = business travel (Annex B: Scope 3
        // category 6 is transportation), 4-6 zero.
        iso.Rows.Select(r => r.Key).ShouldBe(["1", "2", "3", "4", "5", "6"]);
        R(iso.Rows[0].Tonnes).ShouldBe(Scope1);
        R(iso.Rows[1].Tonnes).ShouldBe(Scope2Location);
        R(iso.Rows[2].Tonnes).ShouldBe(Scope3);
        iso.Rows.Skip(3).ShouldAllBe(r => r.Tonnes == 0m);
        iso.Rows.Sum(r => r.Tonnes).ShouldBe(iso.TotalTonnes);
        iso.Rows.Sum(r => r.DisplaySharePercent).ShouldBe(100m);
    }

    [Fact]
    public void MoenvTable2_SampleInventory_SevenGasesWithHandSharesSummingTo100()
    {
        // Given: by gas over the whole inventory (location-based)
        //   CO2 group = (2,606.0317920000005 + 1,131.5664360000002) kg CO2 + (47,400 + 3,000) kg published as CO2e
        //             = 54.1375982280000007 t
        //   CH4 = (2.95420608 + 11.429964 + 140 + 0.84) kg CO2e = 0.15522417008 t
        //   N2O = (5.59189008 + 34.6164624) kg CO2e = 0.04020835248 t;  HFCs = 3.847 t;  PFCs, SF6, NF3 = 0
        //   shares (÷ 58.18003075056): 93.0518556…, 0.2667997…, 0.0691102…, 6.6122343… %
        //   largest remainder in 0.01 %: floors 9305 + 26 + 6 + 661 = 9998, the 2 missing go to N2O (.911) and CH4 (.680)
        //   → 93.05, 0.27, 0.07, 6.61, 0, 0, 0
        // When
        var t2 = Model().Moenv.Table2;

        // Then
        t2.Rows.Select(r => r.Key).ShouldBe(["CO2", "CH4", "N2O", "HFCs", "PFCs", "SF6", "NF3"]);
        t2.Rows.Select(r => R(r.Tonnes)).ShouldBe([54.137598228m, 0.15522417008m, 0.04020835248m, 3.847m, 0m, 0m, 0m]);
        t2.Rows.Select(r => r.DisplaySharePercent).ShouldBe([93.05m, 0.27m, 0.07m, 6.61m, 0m, 0m, 0m]);
        t2.Rows.Sum(r => r.DisplaySharePercent).ShouldBe(100.00m);
        R(t2.TotalTonnes).ShouldBe(TotalLocation);
        R(Model().Moenv.BiogenicCo2Tonnes).ShouldBe(BiogenicCo2);
    }

    [Fact]
    public void MoenvTable3_SampleInventory_LargestRemainderKeepsScope1SharesAt100()
    {
        // Given: Scope 1 only: CO2 3.737598228, CH4 0.15522417008, N2O 0.04020835248, HFCs 3.847 (Σ 7.78003075056)
        //   exact shares 48.0409184…, 1.9951613…, 0.5168148…, 49.4471053… %
        //   plain rounding would print 48.04 + 2.00 + 0.52 + 49.45 = 100.01 %; largest remainder: floors 4804 + 199 + 51 +
        //   4944 = 9998, the 2 missing units go to HFCs (.7105) and N2O (.68) → 48.04, 1.99, 0.52, 49.45 = 100.00 %
        // When
        var t3 = Model().Moenv.Table3;

        // Then
        t3.Rows.Take(4).Select(r => R(r.Tonnes)).ShouldBe([3.737598228m, 0.15522417008m, 0.04020835248m, 3.847m]);
        t3.Rows.Take(4).Select(r => r.DisplaySharePercent).ShouldBe([48.04m, 1.99m, 0.52m, 49.45m]);
        t3.Rows.Sum(r => r.DisplaySharePercent).ShouldBe(100.00m);
        R(t3.TotalTonnes).ShouldBe(Scope1);
    }

    [Fact]
    public void MoenvTable4_SampleInventory_RowsSumToTotalWithScope1Subtotal()
    {
        // Given: stationary = GEN + pellet CH4 = 2.61457788816 + 0.00084 = 2.61541788816; process 0; mobile 1.1776128624;
        //   fugitive = R-410A 3.847 + septic 0.14 = 3.987; Scope 1 subtotal 7.78003075056; energy indirect 47.4; other indirect 3
        //   shares of 58.18003075056: 4.4953876…, 0, 2.0240842…, 6.8528667…, 81.4712529…, 5.1564084… %
        //   largest remainder: floors 449 + 0 + 202 + 685 + 8147 + 515 = 9998 → +1 to Scope 3 (.6408) and stationary (.5388)
        // When
        var t4 = Model().Moenv.Table4;

        // Then
        t4.Rows.Select(r => r.Key).ShouldBe(["Stationary", "Process", "Mobile", "Fugitive", "Scope1Subtotal", "EnergyIndirect", "OtherIndirect"]);
        t4.Rows.Select(r => R(r.Tonnes)).ShouldBe([2.61541788816m, 0m, 1.1776128624m, 3.987m, Scope1, Scope2Location, Scope3]);
        t4.Rows.Select(r => r.DisplaySharePercent).ShouldBe([4.50m, 0m, 2.02m, 6.85m, 13.37m, 81.47m, 5.16m]);
        var parts = t4.Rows.Where(r => !r.IsSubtotal).ToList();
        parts.Sum(r => r.Tonnes).ShouldBe(t4.TotalTonnes);
        parts.Sum(r => r.DisplaySharePercent).ShouldBe(100.00m);
        R(t4.TotalTonnes).ShouldBe(TotalLocation);
    }

    [Fact]
    public void Scope2_SampleInventory_DualResultsAndInstrumentUsage()
    {
        // Given: 50 T-RECs (50,000 kWh) at HQ, a 10,000 kWh green-power contract at WH, which buys no electricity
        // When
        var s2 = Model().Scope2;

        // Then: location 47.4 t, market 23.7 t (SampleInventory); REC fully applied, the WH contract wholly unused
        R(s2.LocationBasedTonnes).ShouldBe(47.4m);
        R(s2.MarketBasedTonnes).ShouldBe(23.7m);
        R(s2.DifferenceTonnes).ShouldBe(-23.7m);
        s2.ElectricityKwh.ShouldBe(100_000m);
        var rec = s2.Instruments.Single(i => i.Type == InstrumentType.RenewableEnergyCertificate);
        (rec.TotalKwh, rec.AppliedKwh, rec.UnusedKwh).ShouldBe((50_000m, 50_000m, 0m));
        var gp = s2.Instruments.Single(i => i.Type == InstrumentType.GreenPowerContract);
        (gp.TotalKwh, gp.AppliedKwh, gp.UnusedKwh).ShouldBe((10_000m, 0m, 10_000m));
    }

    [Fact]
    public void ByMonth_SampleInventory_TwelveMonthsMatchActivityMonths()
    {
        // Given: Jan = GEN 2.61457788816 + 40,000 kWh × 0.474 / 1000 = 18.96 → 21.57457788816;
        //   Feb = septic 0.14 + 60,000 × 0.474 / 1000 = 28.44 → 28.58; Mar 1.1776128624; Apr 0.00084; May 3; Jun 3.847
        // When
        var months = Model().LocationBased.ByMonth;

        // Then
        months.Rows.Count.ShouldBe(12);
        months.Rows.Take(6).Select(r => R(r.Tonnes)).ShouldBe([21.57457788816m, 28.58m, 1.1776128624m, 0.00084m, 3m, 3.847m]);
        months.Rows.Skip(6).ShouldAllBe(r => r.Tonnes == 0m);
        months.Rows[0].Key.ShouldBe("2024-01");
        months.Rows.Sum(r => r.Tonnes).ShouldBe(months.TotalTonnes);
    }

    [Fact]
    public void ByFacilityAndDepartment_SampleInventory_PartitionTheTotal()
    {
        // Given: WH = CAR 1.1776128624 + pellet CH4 0.00084 = 1.1784528624; HQ = the rest = 58.18003075056 − 1.1784528624
        //   = 57.00157788816. Departments: 總務部 = GEN + AC + ELEC = 2.61457788816 + 3.847 + 47.4 = 53.86157788816;
        //   物流部 = 1.1784528624; 業務部 = 3; no department = septic 0.14
        // When
        var model = Model(ReportLanguage.English);

        // Then
        var fac = model.LocationBased.ByFacility.Rows.ToDictionary(r => r.Key, r => R(r.Tonnes));
        fac.Keys.ShouldBe(["HQ", "WH"]);
        fac["HQ"].ShouldBe(57.00157788816m);
        fac["WH"].ShouldBe(1.1784528624m);
        var dept = model.LocationBased.ByDepartment.Rows;
        dept.Select(r => r.Label).ShouldBe(["物流部", "業務部", "總務部", "(no department)"], ignoreOrder: true);
        dept.Single(r => r.Label == "總務部").Tonnes.ShouldBe(53.86157788816m, 1e-9m);
        dept.Single(r => r.Label == "(no department)").Tonnes.ShouldBe(0.14m, 1e-9m);
        dept.Sum(r => r.Tonnes).ShouldBe(model.TotalTonnes);
    }

    [Fact]
    public void Exclusions_SampleInventory_ListExcludedSourceAndUncontrolledFacility()
    {
        // Given: EXT excluded as de minimis; JVGEN at the JV, which HQ does not operate (operational control → 0 %)
        // When
        var model = Model();

        // Then
        model.Exclusions.Count.ShouldBe(2);
        model.Exclusions.ShouldContain(e => e.What.Contains("EXT", StringComparison.Ordinal) && e.Reason.Contains("de minimis", StringComparison.Ordinal));
        model.Exclusions.ShouldContain(e => e.What.Contains("JVGEN", StringComparison.Ordinal));
        model.Boundary.Facilities.Single(f => f.Code == "JV").ConsolidationSharePercent.ShouldBe(0m);
        model.Boundary.Facilities.Single(f => f.Code == "HQ").ConsolidationSharePercent.ShouldBe(100m);
    }

    [Fact]
    public void BaseYear_WithAcquisition_RecalculationRequiredAndChangeComputed()
    {
        // Given: base year 2022 at 60 t; an acquisition of 4 t = 4 / 60 = 6.67 % ≥ the 5 % threshold → recalculate.
        //   change from base year = (58.18003075056 − 60) / 60 × 100 = −3.033282082400 %
        // When
        var b = Model().BaseYear;

        // Then
        b.Year.ShouldBe(2022);
        b.EmissionsTonnes.ShouldBe(60m);
        Math.Round(b.ChangePercent!.Value, 9).ShouldBe(-3.033282082m);
        b.Recalculation!.RecalculationRequired.ShouldBeTrue();
        Math.Round(b.Recalculation.CumulativePercent, 4).ShouldBe(6.6667m);
    }

    [Fact]
    public void Factors_SampleInventory_CarryProvenanceAndGwpApplied()
    {
        // Given / When
        var model = Model();

        // Then: the diesel factor with MOENV 6.0.4 provenance and its three gases with AR5 GWPs 1 / 28 / 265
        var diesel = model.Factors.Single(f => f.Key == "moenv604/stationary/diesel");
        diesel.Publisher.ShouldBe("MOENV 環境部");
        diesel.Version.ShouldBe("6.0.4(修)");
        diesel.Gases.Select(g => (g.Gas, g.Value, g.Unit, g.Gwp)).ShouldBe(
        [
            ("CO2", 2.6060317920000005m, "kg/L", 1m), ("CH4", 0.00010550736000000003m, "kg/L", 28m), ("N2O", 0.000021101471999999998m, "kg/L", 265m),
        ]);
        var grid = model.Factors.Single(f => f.Key == "tw-grid");
        grid.FactorYear.ShouldBe(2024);
        grid.Gases.Single().Value.ShouldBe(0.474m);
        model.Gwp.Id.ShouldBe("AR5");
        model.Gwp.Applied.Single(g => g.Gas == "R-410A").Gwp.ShouldBe(1923.5m);
        model.Methods.Select(m => m.SourceType).ShouldNotContain(SourceType.FugitiveFireExtinguisher);
    }

    [Fact]
    public void DataQuality_SampleInventory_ByLevelAndUncertainty()
    {
        // Given: measured = GEN 2.61457788816 + ELEC 47.4 = 50.01457788816 (3 records); calculated = CAR 1.1776128624 +
        //   pellets 0.00084 = 1.1784528624 (2); estimated = AC 3.847 + septic 0.14 + travel 3 = 6.987 (3).
        //   Uncertainty (IPCC Approach 1, Core's DataQualitySummary): only factors publishing one count — diesel CO2 2.02 %
        //   (max of 2.0242…/0.9446… %), gasoline CO2 5.34 % (max of 2.597…/5.339… %), septic 50 %:
        //   GEN u = √(2² + 2.02²) = 2.84260; CAR √(5² + 5.34²) = 7.31544; SEP √(20² + 50²) = 53.85165
        //   total = √((2.84260·2.61458)² + (7.31544·1.17761)² + (53.85165·0.14)²) / (2.61458 + 1.17761 + 0.14)
        //         = √(55.2378 + 74.2139 + 56.8400) / 3.93219 = 13.64887 / 3.93219 = 3.471 % → 3.47 %
        // When
        var dq = Model().DataQuality;

        // Then
        dq.ByLevel.Select(l => (l.Level, l.Records, R(l.Tonnes))).ShouldBe(
        [
            (DataQualityLevel.Measured, 3, 50.01457788816m), (DataQualityLevel.Calculated, 2, 1.1784528624m), (DataQualityLevel.Estimated, 3, 6.987m),
        ]);
        dq.ByLevel.Sum(l => l.DisplaySharePercent).ShouldBe(100m);
        dq.TotalUncertaintyPercent.ShouldBe(3.47m);
    }

    [Fact]
    public void From_WithUnconvertibleActivity_IsIncompleteAndListsProblem()
    {
        // Given: 50 kWh entered against the diesel generator (factor per L)
        // When
        var model = Model(withProblem: true);

        // Then: the problem is listed and the totals are those of the calculable records only
        model.IsComplete.ShouldBeFalse();
        model.Problems.Count.ShouldBe(1);
        model.Problems[0].Message.ShouldContain("GEN");
        R(model.TotalTonnes).ShouldBe(TotalLocation);
    }

    [Fact]
    public void From_ContextWithOtherConsolidationApproach_Throws()
    {
        // Given: the inventory was calculated under operational control
        var context = new InventoryReportContext("x", "", "y", GeneratedAt, ReportLanguage.English, consolidation: ConsolidationApproach.EquityShare);

        // When / Then
        Should.Throw<ArgumentException>(() => InventoryReportModel.From(Calculate(), context));
    }
}
