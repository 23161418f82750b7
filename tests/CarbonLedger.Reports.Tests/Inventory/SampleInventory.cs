using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Reports.Tests.Inventory;

/// <summary>A small fictional trader's 2024 inventory (AR5, operational control) built from Core objects and the shipped
/// reference library, with every expected report figure worked out by hand below.
///
/// Factors (shipped data, src/CarbonLedger.Core/Factors/ReferenceData):
///   diesel, stationary (tw_moenv_v604_fuel_emission_factors.csv rows CO2/CH4/N2O 固定源 柴油, MOENV 6.0.4 sheets 1-3):
///     CO2 2.6060317920000005, CH4 1.0550736000000003E-4, N2O 2.1101471999999998E-5 kg/L
///   motor gasoline, mobile (same file, 移動源 車用汽油): CO2 2.2631328720000004, CH4 8.1642600000000009E-4,
///     N2O 2.6125632000000004E-4 kg/L
///   AR5 GWP (gwp100_ipcc_ar4_ar5_ar6.csv): CH4 28, N2O 265, HFC-32 677, HFC-125 3170; R-410A = HFC-32/HFC-125 50/50 wt%
///     → 0.5 × 677 + 0.5 × 3170 = 1,923.5
///   Taiwan grid 2024 (tw_electricity_emission_factors.csv, ROC 113): 0.474 kgCO2e/kWh
///   septic CH4 (SepticTank, IPCC 2006 Vol. 5 Ch. 6 defaults): 0.04 / 24 × 0.6 × 0.5 = 0.0005 kg CH4 per person-hour
///   two custom factors defined here: wood pellets 1.5 kg biogenic CO2 + 0.0003 kg CH4 per kg; air travel 0.15 kgCO2e/pkm
///
/// Lines (tCO2e = kg × GWP ÷ 1,000):
///   GEN  1,000 L diesel, Jan: CO2 2.6060317920000005 + CH4 0.10550736000000003 × 28 / 1000 = 0.00295420608000000084
///        + N2O 0.021101471999999998 × 265 / 1000 = 0.00559189007999999947 → 2.61457788816000050031
///   CAR  500 L gasoline, Mar: CO2 1.1315664360000002 + CH4 0.408213000000000045 × 28 / 1000 = 0.01142996400000000126
///        + N2O 0.13062816000000002 × 265 / 1000 = 0.0346164624000000053 → 1.17761286240000020656
///   AC   2 kg R-410A top-up, Jun: 2 × 1,923.5 / 1000 = 3.847
///   SEP  10,000 person-h, Feb: 10,000 × 0.0005 = 5 kg CH4 × 28 / 1000 = 0.14
///   BIO  100 kg pellets, Apr: biogenic CO2 150 kg = 0.15 t (outside the scopes); CH4 0.03 kg × 28 / 1000 = 0.00084
///   ELEC 40,000 kWh Jan + 60,000 kWh Feb: location-based 100,000 × 0.474 / 1000 = 47.4 (Jan 18.96, Feb 28.44);
///        market-based: 50 T-RECs × 1,000 kWh = 50,000 kWh cover Jan's 40,000 and 10,000 of Feb; the other 50,000 kWh use
///        the grid factor (no residual mix in Taiwan) → 50,000 × 0.474 / 1000 = 23.7
///   TRAVEL 20,000 pkm, May: 20,000 × 0.15 / 1000 = 3
///   Scope 1 = 2.61457788816000050031 + 1.17761286240000020656 + 3.847 + 0.14 + 0.00084 = 7.78003075056000070687
///   Total (location-based) = 7.78003075056 + 47.4 + 3 = 58.18003075056; market-based = 7.78003075056 + 23.7 + 3 = 34.48003075056
/// </summary>
internal static class SampleInventory
{
    public const decimal Gen = 2.61457788816m;
    public const decimal Car = 1.1776128624m;
    public const decimal Ac = 3.847m;
    public const decimal Septic = 0.14m;
    public const decimal BioCh4 = 0.00084m;
    public const decimal BiogenicCo2 = 0.15m;
    public const decimal Scope1 = 7.78003075056m;
    public const decimal Scope2Location = 47.4m;
    public const decimal Scope2Market = 23.7m;
    public const decimal Scope3 = 3m;
    public const decimal TotalLocation = 58.18003075056m;
    public const decimal TotalMarket = 34.48003075056m;

    /// <summary>Values in the model are unrounded; the hand figures above are exact to 11 decimals, so compare there
    /// (the septic factor 0.04/24 carries a 1e-25 decimal rounding that is below any displayed digit).</summary>
    public static decimal R(decimal value) => Math.Round(value, 11, MidpointRounding.AwayFromZero);

    public static readonly Instant GeneratedAt = Instant.FromUtc(2025, 3, 31, 8, 0);

    public const string OrganizationName = "綠能貿易 <script>alert('x')</script> & Co";

    public static InventoryResult Calculate(bool withProblem = false)
    {
        var library = ReferenceLibrary.Create();
        var custom = new FactorSet("acme-custom", "Acme supplier factors", "Acme Trading (test)", "2024-1", 2024, "TW", "internal", "fictional test factors", IsCustom: true);
        library.Add(new EmissionFactor("custom/wood-pellets", custom, "Wood pellets", UnitCatalog.Kilogram,
            [new GasFactor(GreenhouseGas.BiogenicCO2, 1.5m, UnitCatalog.Kilogram), new GasFactor(GreenhouseGas.CH4, 0.0003m, UnitCatalog.Kilogram)], status: "custom"));
        library.Add(new EmissionFactor("custom/air-pkm", custom, "Air travel, economy", UnitCatalog.PassengerKilometre,
            [new GasFactor(GreenhouseGas.CO2e, 0.15m, UnitCatalog.Kilogram)], status: "custom"));

        var org = new Organization(Id(1), "綠能貿易股份有限公司", ConsolidationApproach.OperationalControl, 2022);
        var entity = new LegalEntity(Id(2), "綠能貿易股份有限公司", 100m, taxId: "12345678");
        var hq = new Facility(Id(10), entity.Id, "HQ", "台北總部", address: "台北市信義區");
        var wh = new Facility(Id(11), entity.Id, "WH", "桃園倉庫");
        var jv = new Facility(Id(12), entity.Id, "JV", "合資工廠", ownershipPercent: 40m, operationalControl: false, financialControl: false);
        var boundary = new OrganizationalBoundary(org, [entity], [hq, wh, jv]);

        var sources = new List<EmissionSource>
        {
            new(Id(20), hq.Id, "GEN", "緊急發電機", SourceType.StationaryCombustion, "moenv604/stationary/diesel", department: "總務部"),
            new(Id(21), wh.Id, "CAR", "公務車, \"貨車\"", SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline", department: "物流部"),
            new(Id(22), hq.Id, "AC", "冷氣機", SourceType.FugitiveRefrigerant, "gas/R-410A", department: "總務部"),
            new(Id(23), hq.Id, "SEP", "化糞池", SourceType.FugitiveSeptic, "ipcc2006/septic-ch4"),
            new(Id(24), wh.Id, "BIO", "木質顆粒鍋爐", SourceType.StationaryCombustion, "custom/wood-pellets", department: "物流部"),
            new(Id(25), hq.Id, "ELEC", "外購電力", SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey, department: "總務部"),
            new(Id(26), hq.Id, "TRAVEL", "商務旅行", SourceType.Scope3, "custom/air-pkm", Scope3Category.BusinessTravel, department: "業務部"),
            new(Id(27), hq.Id, "EXT", "滅火器", SourceType.FugitiveFireExtinguisher, "gas/CO2", exclusionReason: "de minimis: < 0.1 % of the total"),
            new(Id(28), jv.Id, "JVGEN", "合資廠發電機", SourceType.StationaryCombustion, "moenv604/stationary/diesel"),
        };
        var activities = new List<ActivityRecord>
        {
            Activity(30, 20, 1000m, UnitCatalog.Litre, 1, DataQualityLevel.Measured),
            Activity(31, 21, 500m, UnitCatalog.Litre, 3, DataQualityLevel.Calculated),
            Activity(32, 22, 2m, UnitCatalog.Kilogram, 6, DataQualityLevel.Estimated),
            Activity(33, 23, 10_000m, UnitCatalog.PersonHour, 2, DataQualityLevel.Estimated),
            Activity(34, 24, 100m, UnitCatalog.Kilogram, 4, DataQualityLevel.Calculated),
            Activity(35, 25, 40_000m, UnitCatalog.KilowattHour, 1, DataQualityLevel.Measured),
            Activity(36, 25, 60_000m, UnitCatalog.KilowattHour, 2, DataQualityLevel.Measured),
            Activity(37, 26, 20_000m, UnitCatalog.PassengerKilometre, 5, DataQualityLevel.Estimated),
            Activity(38, 28, 300m, UnitCatalog.Litre, 7, DataQualityLevel.Measured),
        };
        if (withProblem)
        {
            // Diesel entered in kWh: a unit the MOENV factor (per L) cannot take → a problem, not a line.
            activities.Add(Activity(39, 20, 50m, UnitCatalog.KilowattHour, 8, DataQualityLevel.Measured));
        }
        var year = new DateInterval(new LocalDate(2024, 1, 1), new LocalDate(2024, 12, 31));
        var instruments = new List<ContractualInstrument>
        {
            ContractualInstrument.FromRecCount(Id(40), "T-REC 2024-0001..0050", 50m, year, hq.Id),
            new(Id(41), InstrumentType.GreenPowerContract, "GP-WH-2024", new Quantity(10_000m, UnitCatalog.KilowattHour), year, 0m, wh.Id),
        };
        var input = new InventoryInput(boundary, ReportingPeriod.Year(2024), "AR5", sources, activities, instruments, library);
        return InventoryCalculator.Calculate(input);
    }

    public static InventoryReportContext Context(ReportLanguage language) => new(
        OrganizationName, "台北總部與桃園倉庫（營運控制權）；合資工廠不在邊界內", "王小明 <ESG>", GeneratedAt, language,
        baseYear: 2022, baseYearEmissionsTonnes: 60m,
        structuralChanges: [new StructuralChange("acquired a branch office", StructuralChangeKind.Acquisition, 4m, 2024)]);

    public static InventoryReportModel Model(ReportLanguage language = ReportLanguage.ZhTw, bool withProblem = false) =>
        InventoryReportModel.From(Calculate(withProblem), Context(language));

    private static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    private static ActivityRecord Activity(int id, int source, decimal value, Unit unit, int month, DataQualityLevel quality)
    {
        var start = new LocalDate(2024, month, 1);
        var end = start.PlusMonths(1).PlusDays(-1);
        return new ActivityRecord(Id(id), Id(source), new Quantity(value, unit), new DateInterval(start, end), quality, "tester",
            Instant.FromUtc(2025, 1, 15, 0, 0), evidence: $"=INV-{id}");
    }
}
