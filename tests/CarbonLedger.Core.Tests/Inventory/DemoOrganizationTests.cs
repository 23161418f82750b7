using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Inventory.Demo;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Inventory;

public sealed class DemoOrganizationTests
{
    private static (DemoInventory Demo, InventoryResult Result) Calculate()
    {
        var library = ReferenceLibrary.Create();
        var demo = DemoOrganization.Build(library);
        return (demo, InventoryCalculator.Calculate(demo.ToInput(library)));
    }

    private static decimal Kwh(DemoInventory demo, string? facilityCode = null)
    {
        var electricity = demo.Sources.Where(s => s.Type == SourceType.PurchasedElectricity
            && (facilityCode is null || demo.Facilities.Single(f => f.Id == s.FacilityId).Code == facilityCode)).Select(s => s.Id).ToHashSet();
        return demo.Activities.Where(a => electricity.Contains(a.SourceId)).Sum(a => a.Quantity.ConvertTo(UnitCatalog.KilowattHour).Value);
    }

    [Fact]
    public void Calculate_DemoInventory_HasNoProblems()
    {
        // Given / When
        var (demo, result) = Calculate();

        // Then a complete inventory: every activity became at least one line
        result.Problems.ShouldBeEmpty();
        result.Lines.Select(l => l.Activity.Id).Distinct().Count().ShouldBe(demo.Activities.Count);
        // 14 monthly series × 12 (electricity 2, cars 3, forklift, septic 2, HSR, commuting 2, cartons, waste 2) = 168,
        // plus 18 invoices (generator 4, pantry LPG 4, refrigerants 4, extinguishers 2, flights 4) = 186
        demo.Activities.Count.ShouldBe(186);
    }

    [Fact]
    public void LocationBasedScope2_Demo_EqualsSumOfItsKwhTimesGrid2024()
    {
        // Given the demo's own monthly kWh figures (both sites)
        var (demo, result) = Calculate();
        var kwh = Kwh(demo);

        // When / Then Σ kWh × 0.474 kgCO2e/kWh (MOEA 2024) / 1,000
        //   HQ 8,200+7,600+8,100+8,900+10,400+12,100+13,300+13,100+11,800+9,900+8,600+8,400 = 120,400 kWh
        //   WH 14,500+13,200+14,100+15,200+17,400+19,600+21,300+21,000+19,200+16,500+14,800+14,600 = 201,400 kWh
        //   321,800 kWh × 0.474 / 1,000 = 152.5332 t
        kwh.ShouldBe(321_800m);
        Kwh(demo, DemoOrganization.HeadquartersCode).ShouldBe(120_400m);
        result.Scope2(Scope2Method.LocationBased).ShouldBe(kwh * 0.474m / 1000m);
        result.Scope2(Scope2Method.LocationBased).ShouldBe(152.5332m);
    }

    [Fact]
    public void MarketBasedScope2_Demo_NetsFiftyRecs()
    {
        // Given 50 T-RECs = 50,000 kWh, organization-wide
        var (demo, result) = Calculate();

        // When / Then (321,800 − 50,000) × 0.474 / 1,000 = 271,800 × 0.474 / 1,000 = 128.8332 t; all 50,000 kWh applied once
        result.Scope2(Scope2Method.MarketBased).ShouldBe((Kwh(demo) - 50_000m) * 0.474m / 1000m);
        result.Scope2(Scope2Method.MarketBased).ShouldBe(128.8332m);
        result.Instruments.Single().AppliedKwh.ShouldBe(50_000m);
        result.Instruments.Single().UnusedKwh.ShouldBe(0m);
    }

    [Fact]
    public void Build_Demo_CoversEverySourceTypeTheBriefLists()
    {
        // Given / When
        var (demo, result) = Calculate();
        var totals = result.Totals();

        // Then Scope 1 (stationary, mobile, fugitive), Scope 2 and Scope 3 categories 1, 5, 6, 7 are all present
        demo.Sources.Select(s => s.Type).Distinct().ShouldBe(
            [SourceType.PurchasedElectricity, SourceType.MobileCombustion, SourceType.StationaryCombustion, SourceType.FugitiveRefrigerant,
             SourceType.FugitiveFireExtinguisher, SourceType.FugitiveSeptic, SourceType.Scope3], ignoreOrder: true);
        totals.ByScope3Category.Keys.ShouldBe(
            [Scope3Category.PurchasedGoodsAndServices, Scope3Category.WasteGenerated, Scope3Category.BusinessTravel, Scope3Category.EmployeeCommuting], ignoreOrder: true);
        totals.ByDepartment.Keys.ShouldBe([DemoOrganization.Administration, DemoOrganization.Sales, DemoOrganization.Warehouse], ignoreOrder: true);
        totals.ByFacility.Keys.ShouldBe([DemoOrganization.HeadquartersCode, DemoOrganization.WarehouseCode], ignoreOrder: true);
        totals.ByMonth.Count.ShouldBe(12);
        demo.Sources.Select(s => s.FactorKey).ShouldContain("gas/R-404A");
        demo.Sources.Select(s => s.FactorKey).ShouldContain("gas/R-32");
        demo.Sources.Select(s => s.FactorKey).ShouldContain("gas/R-410A");
    }

    [Fact]
    public void Build_Demo_RefrigerantTopUpsFollowAr5Gwps()
    {
        // Given the demo's refrigerant top-ups: R-410A 2.5 kg, R-32 1.2 kg, R-404A 4.0 + 2.0 kg
        var (_, result) = Calculate();
        var bySource = result.Totals().BySource;

        // Then R-410A 2.5 × 1,923.5 = 4,808.75 kg; R-32 1.2 × 677 = 812.4 kg;
        //      R-404A 6.0 × (0.44×3170 + 0.52×4800 + 0.04×1300 = 3,942.8) = 23,656.8 kg
        bySource["AC-TPE-R410A"].ShouldBe(4.80875m);
        bySource["AC-TYN-R32"].ShouldBe(0.8124m);
        bySource["COLDROOM-R404A"].ShouldBe(23.6568m);
    }

    [Fact]
    public void Build_Demo_Scope3UsesOnlyIllustrativeCustomFactors()
    {
        // Given / When
        var (demo, result) = Calculate();

        // Then every Scope 3 line's factor is from the clearly labelled illustrative set
        result.Lines.Where(l => l.Scope == Scope.Scope3).ShouldAllBe(l => l.Factor.Set.Name == "illustrative demo factors — not for reporting");
        demo.CustomFactors.ShouldAllBe(f => f.Set.IsCustom);
        // Purchased cartons: Σ kg = 1,850+1,200+1,920+1,780+2,010+1,950+2,150+2,080+1,990+2,240+2,460+2,380 = 24,010 kg × 0.95 = 22,809.5 kg
        result.Totals().BySource["S3-GOODS-CARTONS"].ShouldBe(22.8095m);
    }

    [Fact]
    public void Build_Twice_GivesTheSameDeterministicIds()
    {
        // Given / When
        var first = DemoOrganization.Build(ReferenceLibrary.Default);
        var second = DemoOrganization.Build(ReferenceLibrary.Default);

        // Then
        second.Organization.Id.ShouldBe(DemoOrganization.OrganizationId);
        second.Activities.Select(a => a.Id).ShouldBe(first.Activities.Select(a => a.Id));
        second.Sources.Select(s => s.Id).ShouldBe(first.Sources.Select(s => s.Id));
        first.Activities.Select(a => a.Id).Distinct().Count().ShouldBe(first.Activities.Count);
        first.Activities.ShouldAllBe(a => a.EnteredBy == "demo" && a.Evidence != null);
    }

    [Fact]
    public void Build_Demo_IsBaseYear2024OperationalControlAr5()
    {
        var demo = DemoOrganization.Build(ReferenceLibrary.Default);

        demo.Organization.BaseYear.ShouldBe(2024);
        demo.Organization.Consolidation.ShouldBe(ConsolidationApproach.OperationalControl);
        demo.GwpSetId.ShouldBe("AR5");
        demo.Period.ShouldBe(ReportingPeriod.Year(2024));
        demo.Organization.Name.ShouldContain("fictional");
    }
}
