namespace CarbonLedger.Inventory;

/// <summary>GHG Protocol Corporate Standard scopes.</summary>
public enum Scope
{
    Scope1 = 1,
    Scope2 = 2,
    Scope3 = 3,
}

/// <summary>ISO 14064-1:2018 clause 5.2.4 categories.</summary>
public enum IsoCategory
{
    /// <summary>Category 1: direct GHG emissions and removals.</summary>
    Direct = 1,
    /// <summary>Category 2: indirect GHG emissions from imported energy.</summary>
    ImportedEnergy = 2,
    /// <summary>Category 3: indirect GHG emissions from transportation.</summary>
    Transportation = 3,
    /// <summary>Category 4: indirect GHG emissions from products used by the organization.</summary>
    ProductsUsed = 4,
    /// <summary>Category 5: indirect GHG emissions associated with the use of products from the organization.</summary>
    UseOfProducts = 5,
    /// <summary>Category 6: indirect GHG emissions from other sources.</summary>
    Other = 6,
}

/// <summary>The 15 Scope 3 categories of the GHG Protocol Corporate Value Chain (Scope 3) Standard.</summary>
public enum Scope3Category
{
    PurchasedGoodsAndServices = 1,
    CapitalGoods = 2,
    FuelAndEnergyRelated = 3,
    UpstreamTransportation = 4,
    WasteGenerated = 5,
    BusinessTravel = 6,
    EmployeeCommuting = 7,
    UpstreamLeasedAssets = 8,
    DownstreamTransportation = 9,
    ProcessingOfSoldProducts = 10,
    UseOfSoldProducts = 11,
    EndOfLifeOfSoldProducts = 12,
    DownstreamLeasedAssets = 13,
    Franchises = 14,
    Investments = 15,
}

/// <summary>What kind of source an emission source (排放源) is; decides scope, ISO category and MOENV emission type.</summary>
public enum SourceType
{
    StationaryCombustion,
    MobileCombustion,
    Process,
    /// <summary>Refrigerant leaks (冷媒逸散): top-up mass or charge × leak rate.</summary>
    FugitiveRefrigerant,
    /// <summary>Fire extinguishers (滅火器): CO2 or HFC agent refilled.</summary>
    FugitiveFireExtinguisher,
    /// <summary>SF6 in switchgear / breakers (GIS 斷路器).</summary>
    FugitiveSf6,
    /// <summary>Septic-tank CH4 (化糞池) from working hours, as MOENV's inventory form does.</summary>
    FugitiveSeptic,
    /// <summary>Other fugitive releases (process vents, leaks of other gases).</summary>
    FugitiveOther,
    PurchasedElectricity,
    PurchasedSteam,
    /// <summary>A Scope 3 source; its category says which.</summary>
    Scope3,
}

/// <summary>MOENV 彙整表四 emission types: Scope 1 by type, then energy-indirect and other-indirect.</summary>
public enum EmissionType
{
    /// <summary>固定排放</summary>
    Stationary,
    /// <summary>製程排放</summary>
    Process,
    /// <summary>移動排放</summary>
    Mobile,
    /// <summary>逸散排放</summary>
    Fugitive,
    /// <summary>能源間接排放 (Scope 2)</summary>
    EnergyIndirect,
    /// <summary>其他間接排放 (Scope 3)</summary>
    OtherIndirect,
}

/// <summary>How the activity datum was obtained (ISO 14064-1 8.3 data quality; MOENV 活動數據種類).</summary>
public enum DataQualityLevel
{
    /// <summary>Continuous or periodic measurement (meter, invoice of metered supply).</summary>
    Measured = 1,
    /// <summary>Calculated from other measured data (mass balance, purchase records).</summary>
    Calculated = 2,
    /// <summary>Estimated (engineering estimate, spend-based, defaults).</summary>
    Estimated = 3,
}

/// <summary>Scope 2 dual reporting (GHG Protocol Scope 2 Guidance, 2015).</summary>
public enum Scope2Method
{
    LocationBased,
    MarketBased,
}

/// <summary>How ownership and control decide what share of a facility's emissions is consolidated (GHG Protocol ch. 3).</summary>
public enum ConsolidationApproach
{
    OperationalControl,
    FinancialControl,
    EquityShare,
}

/// <summary>The rules linking a source type to scope, ISO category and MOENV emission type.</summary>
public static class Classification
{
    public static Scope ScopeOf(SourceType type) => type switch
    {
        SourceType.PurchasedElectricity or SourceType.PurchasedSteam => Scope.Scope2,
        SourceType.Scope3 => Scope.Scope3,
        _ => Scope.Scope1,
    };

    public static EmissionType EmissionTypeOf(SourceType type) => type switch
    {
        SourceType.StationaryCombustion => EmissionType.Stationary,
        SourceType.MobileCombustion => EmissionType.Mobile,
        SourceType.Process => EmissionType.Process,
        SourceType.FugitiveRefrigerant or SourceType.FugitiveFireExtinguisher or SourceType.FugitiveSf6
            or SourceType.FugitiveSeptic or SourceType.FugitiveOther => EmissionType.Fugitive,
        SourceType.PurchasedElectricity or SourceType.PurchasedSteam => EmissionType.EnergyIndirect,
        SourceType.Scope3 => EmissionType.OtherIndirect,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>ISO 14064-1:2018 Annex B mapping: Scope 1 → 1, Scope 2 → 2; Scope 3 categories → 3 (transport:
    /// 4, 6, 7, 9), 4 (products used: 1, 2, 3, 5, 8), 5 (use of the organization's products: 10, 11, 12, 13, 15
    /// — investments are B.5.4), 6 (other: 14 franchises).</summary>
    public static IsoCategory IsoCategoryOf(SourceType type, Scope3Category? category)
    {
        var scope = ScopeOf(type);
        if (scope == Scope.Scope1) { return IsoCategory.Direct; }
        if (scope == Scope.Scope2) { return IsoCategory.ImportedEnergy; }
        return category switch
        {
            Scope3Category.UpstreamTransportation or Scope3Category.BusinessTravel or Scope3Category.EmployeeCommuting
                or Scope3Category.DownstreamTransportation => IsoCategory.Transportation,
            Scope3Category.PurchasedGoodsAndServices or Scope3Category.CapitalGoods or Scope3Category.FuelAndEnergyRelated
                or Scope3Category.WasteGenerated or Scope3Category.UpstreamLeasedAssets => IsoCategory.ProductsUsed,
            Scope3Category.ProcessingOfSoldProducts or Scope3Category.UseOfSoldProducts or Scope3Category.EndOfLifeOfSoldProducts
                or Scope3Category.DownstreamLeasedAssets or Scope3Category.Investments => IsoCategory.UseOfProducts,
            Scope3Category.Franchises => IsoCategory.Other,
            null => throw new Common.DomainException("scope3Category", "a Scope 3 source needs its category (1-15)", "範疇三排放源須指定類別（1-15）"),
            _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
        };
    }
}
