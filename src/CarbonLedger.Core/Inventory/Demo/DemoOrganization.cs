using System.Globalization;
using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Inventory.Demo;

/// <summary>The demo organization's boundary, sources, a year of activity data, instruments and its custom factors.</summary>
public sealed record DemoInventory(
    Organization Organization,
    IReadOnlyList<LegalEntity> Entities,
    IReadOnlyList<Facility> Facilities,
    IReadOnlyList<EmissionSource> Sources,
    IReadOnlyList<ActivityRecord> Activities,
    IReadOnlyList<ContractualInstrument> Instruments,
    IReadOnlyList<EmissionFactor> CustomFactors,
    ReportingPeriod Period,
    string GwpSetId)
{
    public OrganizationalBoundary Boundary => new(Organization, Entities, Facilities);

    /// <summary>The calculation input; the demo's custom factors are added to (or replace same-key factors in)
    /// <paramref name="library"/>, so pass a per-organization copy (<see cref="ReferenceLibrary.Create"/>), never
    /// <see cref="ReferenceLibrary.Default"/>.</summary>
    public InventoryInput ToInput(FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        foreach (var factor in CustomFactors)
        {
            library.Upsert(factor);
        }
        return new InventoryInput(Boundary, Period, GwpSetId, Sources, Activities, Instruments, library);
    }
}

/// <summary>A fictional Taiwanese SME trader for the first-start demo and for tests: 綠橋貿易股份有限公司 (GreenBridge
/// Trading Co., Ltd.) — the company, its people, addresses, invoice numbers and figures are invented. Two sites (Taipei
/// HQ office, Taoyuan warehouse with a cold room), reporting year 2024 = base year, operational control, AR5 (MOENV
/// inventories use AR5 from 2023). A full year of monthly data for every source type an SME trader has (seed 002):
/// electricity, company cars, a diesel emergency generator, LPG, refrigerant top-ups, CO2 fire extinguishers, septic
/// CH4 from working hours, and Scope 3 business travel, commuting, purchased goods with a supplier factor, and waste.
/// Scope 3 factors are not in the shipped reference data and are <see cref="IllustrativeFactorSet"/>: plausible
/// orders of magnitude, not for reporting.</summary>
public static class DemoOrganization
{
    public static readonly Guid OrganizationId = new("6f1c2a9e-2b7d-4e0a-9c3b-5d8e1f4a7b20");
    public const int Year = 2024;
    public const string EnteredBy = "demo";
    public const string GwpSetId = "AR5";

    public const string Administration = "管理部";
    public const string Sales = "業務部";
    public const string Warehouse = "倉儲部";

    public const string HeadquartersCode = "TPE-HQ";
    public const string WarehouseCode = "TYN-WH";

    /// <summary>T-RECs bought for 2024, organization-wide: 50 × 1,000 kWh.</summary>
    public const int RecCertificates = 50;

    public static readonly FactorSet IllustrativeFactorSet = new("demo-illustrative", "illustrative demo factors — not for reporting",
        "CarbonLedger demo", "1", Year, "TW", "n/a",
        "Invented for the demo organization; each value is an order of magnitude only (see DemoOrganization.cs comments)", IsCustom: true);

    public const string FlightFactorKey = "demo/scope3/flight-economy-short-haul";
    public const string RailFactorKey = "demo/scope3/high-speed-rail";
    public const string CommuteFactorKey = "demo/scope3/commute-mixed";
    public const string CartonFactorKey = "demo/supplier/corrugated-cartons";
    public const string WasteFactorKey = "demo/scope3/general-waste-incineration";

    // Calendar 2024 working days per month in Taiwan (Lunar New Year in February, 228, Qingming, Dragon Boat, Mid-Autumn,
    // National Day; approximate, for the demo's working hours and commuting).
    private static readonly int[] WorkingDays = [22, 15, 21, 20, 22, 19, 23, 22, 20, 21, 21, 22];

    private static readonly Instant EnteredAtBase = Instant.FromUtc(2024, 2, 10, 1, 0); // 09:00 Taipei, 10th of the following month

    /// <summary>Builds the demo. <paramref name="library"/> must hold the shipped reference data: every non-demo factor
    /// key is checked to resolve for 2024, so a change in the reference data cannot silently break the demo.</summary>
    public static DemoInventory Build(FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var b = new Builder();

        var organization = new Organization(OrganizationId, "綠橋貿易股份有限公司 GreenBridge Trading Co., Ltd. (fictional demo)",
            ConsolidationApproach.OperationalControl, Year, GwpSetId);
        var entity = new LegalEntity(Id("entity", "GBT"), "綠橋貿易股份有限公司 (GreenBridge Trading Co., Ltd.)", 100m);
        var hq = new Facility(Id("facility", HeadquartersCode), entity.Id, HeadquartersCode, "台北總公司 Taipei head office",
            address: "台北市中山區示範路 1 號 8 樓 (fictional)");
        var wh = new Facility(Id("facility", WarehouseCode), entity.Id, WarehouseCode, "桃園物流倉 Taoyuan warehouse (with cold room)",
            address: "桃園市大園區示範路 2 號 (fictional)");

        // Purchased electricity (Taipower bills, kWh; summer peak Jun-Sep). Office ≈ 600 m², warehouse ≈ 2,500 m² incl. a cold room.
        var elecHq = b.Source(hq, "ELEC-TPE", "台電外購電力 Taipower electricity (HQ)", SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey, Administration);
        var elecWh = b.Source(wh, "ELEC-TYN", "台電外購電力 Taipower electricity (warehouse)", SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey, Warehouse);
        b.Monthly(elecHq, UnitCatalog.KilowattHour, [8_200, 7_600, 8_100, 8_900, 10_400, 12_100, 13_300, 13_100, 11_800, 9_900, 8_600, 8_400],
            DataQualityLevel.Measured, m => $"台電電費單 電號 00-11-2233-44-5 {Year}-{m:00}");
        b.Monthly(elecWh, UnitCatalog.KilowattHour, [14_500, 13_200, 14_100, 15_200, 17_400, 19_600, 21_300, 21_000, 19_200, 16_500, 14_800, 14_600],
            DataQualityLevel.Measured, m => $"台電電費單 電號 06-77-8899-00-1 {Year}-{m:00}");

        // Company cars (gasoline, litres from the CPC fuel-card statements).
        var car1 = b.Source(hq, "CAR-ABC1234", "公務車 ABC-1234 (gasoline)", SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline", Sales);
        var car2 = b.Source(hq, "CAR-ABD5678", "公務車 ABD-5678 (gasoline)", SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline", Sales);
        var van = b.Source(wh, "VAN-RAC9012", "貨車 RAC-9012 (gasoline van)", SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline", Warehouse);
        b.Monthly(car1, UnitCatalog.Litre, [118, 84, 125, 121, 132, 117, 128, 119, 124, 130, 126, 122], DataQualityLevel.Calculated, m => $"中油加油卡對帳單 ABC-1234 {Year}-{m:00}");
        b.Monthly(car2, UnitCatalog.Litre, [96, 71, 102, 99, 108, 95, 104, 98, 101, 106, 103, 99], DataQualityLevel.Calculated, m => $"中油加油卡對帳單 ABD-5678 {Year}-{m:00}");
        b.Monthly(van, UnitCatalog.Litre, [142, 118, 150, 146, 155, 149, 158, 152, 147, 153, 160, 168], DataQualityLevel.Calculated, m => $"中油加油卡對帳單 RAC-9012 {Year}-{m:00}");

        // Diesel emergency generator at the warehouse (monthly test runs; litres from the refill invoices).
        var generator = b.Source(wh, "GEN-TYN", "緊急發電機 emergency diesel generator", SourceType.StationaryCombustion, "moenv604/stationary/diesel", Warehouse);
        b.Months(generator, UnitCatalog.Litre, [(3, 60m, "GX-24031207"), (6, 45m, "GX-24062115"), (9, 55m, "GX-24091803"), (12, 40m, "GX-24121009")], DataQualityLevel.Calculated);

        // LPG: pantry stove at HQ (stationary) and the warehouse forklift (mobile); litres as stated on the supplier's invoices.
        var pantry = b.Source(hq, "LPG-PANTRY", "茶水間瓦斯 pantry LPG", SourceType.StationaryCombustion, "moenv604/stationary/lpg", Administration);
        var forklift = b.Source(wh, "LPG-FORKLIFT", "堆高機 LPG forklift", SourceType.MobileCombustion, "moenv604/mobile/lpg", Warehouse);
        b.Months(pantry, UnitCatalog.Litre, [(1, 37m, "LP-24010502"), (4, 37m, "LP-24040811"), (7, 37m, "LP-24070904"), (10, 37m, "LP-24100716")], DataQualityLevel.Calculated);
        b.Monthly(forklift, UnitCatalog.Litre, [104, 86, 110, 108, 115, 112, 118, 116, 111, 114, 120, 126], DataQualityLevel.Calculated, m => $"LF-{Year % 100}{m:00}28");

        // Refrigerant top-ups (service invoices, kg): top-up mass = mass leaked (mass balance).
        var acHq = b.Source(hq, "AC-TPE-R410A", "分離式冷氣 split A/C (R-410A)", SourceType.FugitiveRefrigerant, "gas/R-410A", Administration);
        var acWh = b.Source(wh, "AC-TYN-R32", "辦公室分離式冷氣 split A/C (R-32)", SourceType.FugitiveRefrigerant, "gas/R-32", Warehouse);
        var coldRoom = b.Source(wh, "COLDROOM-R404A", "冷藏庫 cold room (R-404A)", SourceType.FugitiveRefrigerant, "gas/R-404A", Warehouse);
        b.Months(acHq, UnitCatalog.Kilogram, [(7, 2.5m, "HV-24071903")], DataQualityLevel.Calculated);
        b.Months(acWh, UnitCatalog.Kilogram, [(8, 1.2m, "HV-24080622")], DataQualityLevel.Calculated);
        b.Months(coldRoom, UnitCatalog.Kilogram, [(6, 4.0m, "CR-24061405"), (11, 2.0m, "CR-24112018")], DataQualityLevel.Calculated);

        // CO2 fire extinguishers refilled after the annual inspection (kg of CO2 refilled).
        var extHq = b.Source(hq, "EXT-TPE-CO2", "二氧化碳滅火器 CO2 extinguishers (HQ)", SourceType.FugitiveFireExtinguisher, "gas/CO2", Administration);
        var extWh = b.Source(wh, "EXT-TYN-CO2", "二氧化碳滅火器 CO2 extinguishers (warehouse)", SourceType.FugitiveFireExtinguisher, "gas/CO2", Warehouse);
        b.Months(extHq, UnitCatalog.Kilogram, [(10, 4.5m, "FE-24101502")], DataQualityLevel.Calculated);
        b.Months(extWh, UnitCatalog.Kilogram, [(3, 9.0m, "FE-24032611")], DataQualityLevel.Calculated);

        // Septic-tank CH4 from working hours: employees × working days × 8 h (payroll attendance records).
        var septicHq = b.Source(hq, "SEPTIC-TPE", "化糞池 septic tank (HQ, 25 staff)", SourceType.FugitiveSeptic, SepticTank.FactorKey, Administration);
        var septicWh = b.Source(wh, "SEPTIC-TYN", "化糞池 septic tank (warehouse, 15 staff)", SourceType.FugitiveSeptic, SepticTank.FactorKey, Warehouse);
        b.Monthly(septicHq, UnitCatalog.PersonHour, WorkingDays.Select(d => 25 * d * 8).ToArray(), DataQualityLevel.Calculated, m => $"出勤紀錄 HQ {Year}-{m:00}");
        b.Monthly(septicWh, UnitCatalog.PersonHour, WorkingDays.Select(d => 15 * d * 8).ToArray(), DataQualityLevel.Calculated, m => $"出勤紀錄 WH {Year}-{m:00}");

        // Scope 3 category 6: business travel (pkm from expense claims: Taipei-Shanghai ≈ 700 km and Taipei-Tokyo ≈ 2,100 km
        // one way by air; Taipei-Kaohsiung ≈ 345 km by HSR).
        var flights = b.Source(hq, "S3-TRAVEL-AIR", "商務差旅 — 航空 business travel (air)", SourceType.Scope3, FlightFactorKey, Sales, Scope3Category.BusinessTravel);
        var hsr = b.Source(hq, "S3-TRAVEL-HSR", "商務差旅 — 高鐵 business travel (HSR)", SourceType.Scope3, RailFactorKey, Sales, Scope3Category.BusinessTravel);
        b.Months(flights, UnitCatalog.PassengerKilometre, [(3, 2_800m, "TR-2403-012"), (5, 8_400m, "TR-2405-004"), (9, 2_800m, "TR-2409-017"), (11, 4_200m, "TR-2411-006")], DataQualityLevel.Calculated);
        b.Monthly(hsr, UnitCatalog.PassengerKilometre, [1_380, 690, 2_070, 1_380, 2_070, 1_380, 2_760, 1_380, 2_070, 2_070, 2_760, 1_380], DataQualityLevel.Calculated, m => $"TR-{Year % 100}{m:00}-HSR");

        // Scope 3 category 7: employee commuting (commuting survey: HQ 25 staff × 2 × 12 km, warehouse 15 staff × 2 × 15 km per working day).
        var commuteHq = b.Source(hq, "S3-COMMUTE-TPE", "員工通勤 commuting (HQ)", SourceType.Scope3, CommuteFactorKey, Administration, Scope3Category.EmployeeCommuting);
        var commuteWh = b.Source(wh, "S3-COMMUTE-TYN", "員工通勤 commuting (warehouse)", SourceType.Scope3, CommuteFactorKey, Warehouse, Scope3Category.EmployeeCommuting);
        b.Monthly(commuteHq, UnitCatalog.PassengerKilometre, WorkingDays.Select(d => 25 * 2 * 12 * d).ToArray(), DataQualityLevel.Estimated, m => $"通勤問卷 2024 × 出勤 {m:00}");
        b.Monthly(commuteWh, UnitCatalog.PassengerKilometre, WorkingDays.Select(d => 15 * 2 * 15 * d).ToArray(), DataQualityLevel.Estimated, m => $"通勤問卷 2024 × 出勤 {m:00}");

        // Scope 3 category 1: purchased corrugated cartons (kg, purchase invoices) with the supplier's own factor.
        var cartons = b.Source(wh, "S3-GOODS-CARTONS", "外購紙箱 purchased cartons (supplier factor)", SourceType.Scope3, CartonFactorKey, Warehouse, Scope3Category.PurchasedGoodsAndServices);
        b.Monthly(cartons, UnitCatalog.Kilogram, [1_850, 1_200, 1_920, 1_780, 2_010, 1_950, 2_150, 2_080, 1_990, 2_240, 2_460, 2_380], DataQualityLevel.Calculated, m => $"PK-{Year % 100}{m:00}15");

        // Scope 3 category 5: general waste to incineration (t, weighed by the hauler).
        var wasteHq = b.Source(hq, "S3-WASTE-TPE", "一般事業廢棄物 general waste (HQ)", SourceType.Scope3, WasteFactorKey, Administration, Scope3Category.WasteGenerated);
        var wasteWh = b.Source(wh, "S3-WASTE-TYN", "一般事業廢棄物 general waste (warehouse)", SourceType.Scope3, WasteFactorKey, Warehouse, Scope3Category.WasteGenerated);
        b.Monthly(wasteHq, UnitCatalog.Tonne, [0.32m, 0.28m, 0.31m, 0.30m, 0.33m, 0.31m, 0.34m, 0.33m, 0.30m, 0.32m, 0.31m, 0.36m], DataQualityLevel.Measured, m => $"清運聯單 HQ {Year}-{m:00}");
        b.Monthly(wasteWh, UnitCatalog.Tonne, [0.85m, 0.70m, 0.88m, 0.84m, 0.91m, 0.89m, 0.95m, 0.93m, 0.87m, 0.92m, 0.98m, 1.05m], DataQualityLevel.Measured, m => $"清運聯單 WH {Year}-{m:00}");

        var period = ReportingPeriod.Year(Year);
        var recs = ContractualInstrument.FromRecCount(Id("instrument", "T-REC-2024"), "T-REC 2024 demo certificates (50 × 1,000 kWh)", RecCertificates, period.Interval);

        var sources = b.Sources;
        foreach (var key in sources.Select(s => s.FactorKey).Distinct(StringComparer.Ordinal).Where(k => !k.StartsWith("demo/", StringComparison.Ordinal)))
        {
            var resolved = library.Resolve(key, Year);
            if (!resolved.Succeeded)
            {
                throw new InvalidOperationException($"the demo organization needs factor '{key}' for {Year}: {resolved.Problems[0].Message}");
            }
        }
        return new DemoInventory(organization, [entity], [hq, wh], sources, b.Activities, [recs], CustomFactors(), period, GwpSetId);
    }

    /// <summary>The demo's Scope 3 factors, labelled "illustrative demo factors — not for reporting". Each value is an order
    /// of magnitude from the publication named, not a transcription of it.</summary>
    public static IReadOnlyList<EmissionFactor> CustomFactors() =>
    [
        // Short-haul economy flights: UK DESNZ/DEFRA conversion factors put short-haul economy at roughly 0.1-0.2 kg CO2e per pkm
        // (with radiative forcing); 0.15 sits in that range.
        Illustrative(FlightFactorKey, "Air travel, short-haul economy (illustrative)", UnitCatalog.PassengerKilometre, 0.15m),
        // Taiwan High Speed Rail: a few hundredths of a kg CO2e per pkm (order of THSR's carbon-label and MOENV 碳足跡資訊網 figures).
        Illustrative(RailFactorKey, "High-speed rail (illustrative)", UnitCatalog.PassengerKilometre, 0.035m),
        // Commuting by a mix of scooter, car and MRT: MOENV carbon-footprint database values for these modes span ≈ 0.03-0.2 kg CO2e/pkm.
        Illustrative(CommuteFactorKey, "Commuting, mixed modes (illustrative)", UnitCatalog.PassengerKilometre, 0.08m),
        // Corrugated cartons: cradle-to-gate footprints of corrugated board are of the order of 1 kg CO2e per kg (DEFRA material-use
        // factors, industry EPDs); a fictional supplier's declared value.
        Illustrative(CartonFactorKey, "Corrugated cartons, supplier-specific (illustrative; fictional supplier 示範紙器)", UnitCatalog.Kilogram, 0.95m),
        // General waste to incineration: a few hundred kg CO2e per tonne (DEFRA waste factors, MOENV carbon-footprint database).
        Illustrative(WasteFactorKey, "General waste, incineration (illustrative)", UnitCatalog.Tonne, 450m),
    ];

    private static EmissionFactor Illustrative(string key, string name, Unit perUnit, decimal kgCo2ePerUnit) =>
        new(key, IllustrativeFactorSet, name, perUnit, [new GasFactor(GreenhouseGas.CO2e, kgCo2ePerUnit, UnitCatalog.Kilogram)],
            Year, status: "illustrative", source: "illustrative demo factors — not for reporting");

    private static Guid Id(string kind, params string[] key) => DeterministicGuid.For(OrganizationId, kind, key);

    private sealed class Builder
    {
        public List<EmissionSource> Sources { get; } = [];
        public List<ActivityRecord> Activities { get; } = [];

        public EmissionSource Source(Facility facility, string code, string name, SourceType type, string factorKey, string department, Scope3Category? category = null)
        {
            var source = new EmissionSource(Id("source", code), facility.Id, code, name, type, factorKey, category, department);
            Sources.Add(source);
            return source;
        }

        public void Monthly(EmissionSource source, Unit unit, IReadOnlyList<decimal> values, DataQualityLevel quality, Func<int, string> evidence)
        {
            for (var m = 1; m <= 12; m++)
            {
                Add(source, m, values[m - 1], unit, quality, evidence(m));
            }
        }

        public void Monthly(EmissionSource source, Unit unit, IReadOnlyList<int> values, DataQualityLevel quality, Func<int, string> evidence) =>
            Monthly(source, unit, values.Select(v => (decimal)v).ToArray(), quality, evidence);

        public void Months(EmissionSource source, Unit unit, IEnumerable<(int Month, decimal Value, string Invoice)> entries, DataQualityLevel quality)
        {
            foreach (var (month, value, invoice) in entries)
            {
                Add(source, month, value, unit, quality, "發票 " + invoice);
            }
        }

        private void Add(EmissionSource source, int month, decimal value, Unit unit, DataQualityLevel quality, string evidence)
        {
            var start = new LocalDate(Year, month, 1);
            var end = start.PlusMonths(1).PlusDays(-1);
            var id = Id("activity", source.Code, month.ToString("00", CultureInfo.InvariantCulture), evidence);
            var enteredAt = EnteredAtBase.Plus(Duration.FromDays(Period.DaysBetween(new LocalDate(Year, 1, 1), start)));
            Activities.Add(new ActivityRecord(id, source.Id, new Quantity(value, unit), new DateInterval(start, end), quality, EnteredBy, enteredAt, evidence));
        }
    }
}
