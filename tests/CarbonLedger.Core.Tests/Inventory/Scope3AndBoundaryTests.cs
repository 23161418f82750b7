using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Testing;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Inventory;

public sealed class Scope3AndBoundaryTests
{
    private static InventoryBuilder Scope3Inventory()
    {
        // Illustrative custom factors (kg CO2e per unit), values chosen for the arithmetic, not for reporting.
        var b = new InventoryBuilder();
        b.AddFactor("custom/flight", UnitCatalog.PassengerKilometre, (GreenhouseGas.CO2e, 0.15m));
        b.AddFactor("custom/commute", UnitCatalog.PassengerKilometre, (GreenhouseGas.CO2e, 0.1m));
        b.AddFactor("supplier/cartons", UnitCatalog.Kilogram, (GreenhouseGas.CO2e, 2.5m));
        b.AddFactor("custom/waste", UnitCatalog.Tonne, (GreenhouseGas.CO2e, 500m));
        b.Source("TRAVEL", SourceType.Scope3, "custom/flight", Scope3Category.BusinessTravel);
        b.Source("COMMUTE", SourceType.Scope3, "custom/commute", Scope3Category.EmployeeCommuting);
        b.Source("GOODS", SourceType.Scope3, "supplier/cartons", Scope3Category.PurchasedGoodsAndServices);
        b.Source("WASTE", SourceType.Scope3, "custom/waste", Scope3Category.WasteGenerated);
        b.Activity("TRAVEL", 10_000m, UnitCatalog.PassengerKilometre, quality: DataQualityLevel.Calculated);
        b.Activity("COMMUTE", 20_000m, UnitCatalog.PassengerKilometre, quality: DataQualityLevel.Estimated);
        b.Activity("GOODS", 4m, UnitCatalog.Tonne);
        b.Activity("WASTE", 3_000m, UnitCatalog.Kilogram);
        return b;
    }

    [Fact]
    public void Calculate_Scope3Categories_MapToIsoCategories3And4()
    {
        // Given business travel, commuting, purchased goods with a supplier factor and waste
        var b = Scope3Inventory();

        // When
        var totals = b.Calculate().Totals();

        // Then travel 10,000 pkm × 0.15 = 1,500 kg = 1.5 t (cat 6); commuting 20,000 × 0.1 = 2 t (cat 7);
        // goods 4 t = 4,000 kg × 2.5 = 10 t (cat 1); waste 3,000 kg = 3 t × 500 kg/t = 1.5 t (cat 5).
        // ISO 14064-1 Annex B: transport (cat 6, 7) → category 3 = 3.5 t; products used (cat 1, 5) → category 4 = 11.5 t.
        totals.ByScope3Category[Scope3Category.BusinessTravel].ShouldBe(1.5m);
        totals.ByScope3Category[Scope3Category.EmployeeCommuting].ShouldBe(2m);
        totals.ByScope3Category[Scope3Category.PurchasedGoodsAndServices].ShouldBe(10m);
        totals.ByScope3Category[Scope3Category.WasteGenerated].ShouldBe(1.5m);
        totals.ByIsoCategory[IsoCategory.Transportation].ShouldBe(3.5m);
        totals.ByIsoCategory[IsoCategory.ProductsUsed].ShouldBe(11.5m);
        totals.ByScope[Scope.Scope3].ShouldBe(15m);
        totals.ByEmissionType[EmissionType.OtherIndirect].ShouldBe(15m);
        totals.ByScope.ContainsKey(Scope.Scope1).ShouldBeFalse();
    }

    [Theory]
    // ISO 14064-1:2018 Annex B with the GHG Protocol Scope 3 categories (the mapping Classification documents):
    // 3 transportation: B.3.1 upstream transport (4), B.3.2 downstream transport (9), B.3.3 commuting (7), B.3.5 business travel (6);
    // 4 products used: B.4.1 purchased goods (1), B.4.2 capital goods (2), B.4.3 waste (5), B.4.4 leased assets (8), fuel & energy (3);
    // 5 use of products: B.5.1 use (11), B.5.2 downstream leased assets (13), B.5.3 end of life (12), B.5.4 investments (15), processing (10);
    // 6 other: franchises (14).
    [InlineData(Scope3Category.PurchasedGoodsAndServices, IsoCategory.ProductsUsed)]
    [InlineData(Scope3Category.CapitalGoods, IsoCategory.ProductsUsed)]
    [InlineData(Scope3Category.FuelAndEnergyRelated, IsoCategory.ProductsUsed)]
    [InlineData(Scope3Category.UpstreamTransportation, IsoCategory.Transportation)]
    [InlineData(Scope3Category.WasteGenerated, IsoCategory.ProductsUsed)]
    [InlineData(Scope3Category.BusinessTravel, IsoCategory.Transportation)]
    [InlineData(Scope3Category.EmployeeCommuting, IsoCategory.Transportation)]
    [InlineData(Scope3Category.UpstreamLeasedAssets, IsoCategory.ProductsUsed)]
    [InlineData(Scope3Category.DownstreamTransportation, IsoCategory.Transportation)]
    [InlineData(Scope3Category.ProcessingOfSoldProducts, IsoCategory.UseOfProducts)]
    [InlineData(Scope3Category.UseOfSoldProducts, IsoCategory.UseOfProducts)]
    [InlineData(Scope3Category.EndOfLifeOfSoldProducts, IsoCategory.UseOfProducts)]
    [InlineData(Scope3Category.DownstreamLeasedAssets, IsoCategory.UseOfProducts)]
    [InlineData(Scope3Category.Franchises, IsoCategory.Other)]
    [InlineData(Scope3Category.Investments, IsoCategory.UseOfProducts)]
    public void IsoCategoryOf_EachScope3Category_FollowsAnnexB(Scope3Category category, IsoCategory expected)
    {
        Classification.IsoCategoryOf(SourceType.Scope3, category).ShouldBe(expected);
        new EmissionSource(Guid.NewGuid(), Guid.NewGuid(), "S3", "S3", SourceType.Scope3, "k", category).IsoCategory.ShouldBe(expected);
    }

    [Fact]
    public void EmissionSource_Scope3WithoutCategory_Throws()
    {
        Should.Throw<CarbonLedger.Common.DomainException>(() => new EmissionSource(Guid.NewGuid(), Guid.NewGuid(), "S3", "S3", SourceType.Scope3, "k"))
            .Field.ShouldBe("scope3Category");
    }

    private static InventoryBuilder PartlyOwned(ConsolidationApproach approach, bool operationalControl)
    {
        // Parent entity owned 80 % by the organization; its warehouse owned 60 % by the entity.
        var b = new InventoryBuilder(consolidation: approach);
        b.Entity("JV Co.", 80m);
        b.Facility("JV-WH", 60m, operationalControl: operationalControl, financialControl: false, entityName: "JV Co.");
        b.Source("GEN", SourceType.StationaryCombustion, "moenv604/stationary/diesel", facilityCode: "JV-WH");
        b.Activity("GEN", 1_000m, UnitCatalog.Litre);
        return b;
    }

    [Fact]
    public void Calculate_EquityShare_TakesProductOfOwnershipDownTheChain()
    {
        // Given equity share consolidation: 80 % × 60 % = 48 %
        var b = PartlyOwned(ConsolidationApproach.EquityShare, operationalControl: true);

        // When
        var result = b.Calculate();

        // Then 1,000 L diesel = 2.61457788816 t (see Scope1Tests) × 0.48 = 1.2549973863168 t
        result.Lines.Single().ConsolidationShare.ShouldBe(0.48m);
        Math.Round(result.Totals().Total, 9).ShouldBe(1.254997386m);
        Math.Round(result.Lines.Single().Gases.Single(g => g.Gas == GreenhouseGas.CO2).Kilograms, 6).ShouldBe(1_250.895260m); // 2,606.031792 × 0.48
    }

    [Fact]
    public void Calculate_OperationalControl_TakesAllOfAControlledFacility()
    {
        // Given operational control of a 48 %-owned warehouse
        var b = PartlyOwned(ConsolidationApproach.OperationalControl, operationalControl: true);

        // When / Then 100 %: 2.61457788816 t
        Math.Round(b.Calculate().Totals().Total, 9).ShouldBe(2.614577888m);
    }

    [Fact]
    public void Calculate_OperationalControlWithoutControl_ExcludesTheFacilityAndSaysWhy()
    {
        // Given no operational control over the warehouse
        var b = PartlyOwned(ConsolidationApproach.OperationalControl, operationalControl: false);

        // When
        var result = b.Calculate();

        // Then 0 % is consolidated, no problem is raised, and the exclusion is listed
        result.Lines.ShouldBeEmpty();
        result.Problems.ShouldBeEmpty();
        result.Totals().Total.ShouldBe(0m);
        result.Exclusions.Single().Reason.ShouldContain("outside the boundary under OperationalControl");
    }

    [Fact]
    public void Calculate_FinancialControl_UsesTheFinancialControlFlag()
    {
        // Given financial control consolidation and a facility the organization operates but does not financially control
        var b = PartlyOwned(ConsolidationApproach.FinancialControl, operationalControl: true);

        // When / Then it is out of the boundary
        b.Calculate().Totals().Total.ShouldBe(0m);
    }

    [Fact]
    public void Calculate_ExcludedSource_IsListedWithItsJustification()
    {
        // Given a source excluded as de minimis
        var b = new InventoryBuilder();
        b.Source("WELD", SourceType.Process, "gas/CO2", exclusionReason: "de minimis (< 0.5 % of total), ISO 14064-1 5.2.3");
        b.Activity("WELD", 1m, UnitCatalog.Kilogram);

        // When
        var result = b.Calculate();

        // Then
        result.Lines.ShouldBeEmpty();
        result.Exclusions.Single().Reason.ShouldBe("de minimis (< 0.5 % of total), ISO 14064-1 5.2.3");
    }
}
