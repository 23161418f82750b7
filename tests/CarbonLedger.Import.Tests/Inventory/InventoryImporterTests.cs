using CarbonLedger.Inventory;
using CarbonLedger.Units;

namespace CarbonLedger.Import.Tests.Inventory;

public sealed class InventoryImporterTests : IDisposable
{
    private readonly ImportFixture _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string[] FacilityHeader = ["entity_name", "entity_ownership_percent", "facility_code", "facility_name", "ownership_percent", "operational_control", "financial_control", "address"];
    private static readonly string[] SourceHeader = ["source_code", "facility_code", "name", "source_type", "scope3_category", "factor_key", "department", "exclusion_reason"];
    private static readonly string[] ActivityHeader = ["source_code", "period_start", "period_end", "quantity", "unit", "data_quality", "evidence", "uncertainty_percent", "note"];
    private static readonly string[] FactorHeader = ["factor_key", "name", "year", "per_unit", "gas", "value", "mass_unit", "source", "uncertainty_percent"];

    // A small trader (seed 002's SME): head office with electricity and bought steel, a 60 %-owned warehouse with a
    // diesel generator. The steel uses the organization's own two-gas factor from the factors file.
    private static readonly string[][] GoodFacilities =
    [
        FacilityHeader,
        ["Formosa Trading Co.", "100", "TPE", "Taipei office", "100", "yes", "yes", "Taipei"],
        ["Formosa Trading Co.", "", "KHH", "Kaohsiung warehouse", "60", "是", "否", ""],
    ];

    private static readonly string[][] GoodFactors =
    [
        FactorHeader,
        ["supplier/acme-steel", "ACME steel", "2024", "t", "CO2", "1800", "kg", "ACME EPD 2024", "10"],
        ["supplier/acme-steel", "ACME steel", "2024", "t", "CH4", "2", "kg", "ACME EPD 2024", "10"],
    ];

    private static readonly string[][] GoodSources =
    [
        SourceHeader,
        ["TPE-ELEC", "TPE", "Electricity, head office", "PurchasedElectricity", "", "tw-grid", "Admin", ""],
        ["KHH-GEN", "KHH", "Diesel generator", "固定燃燒", "", "moenv604/stationary/diesel", "Logistics", ""],
        ["TPE-STEEL", "TPE", "Purchased steel", "scope3", "1", "supplier/acme-steel", "Purchasing", ""],
    ];

    private static readonly string[][] GoodActivity =
    [
        ActivityHeader,
        ["TPE-ELEC", "2024-01-01", "2024-01-31", "12345.6", "kWh", "measured", "Taipower bill 2024-01", "2", ""],
        ["TPE-ELEC", "2024-02-01", "2024-02-29", "11000", "度", "1", "Taipower bill 2024-02", "", ""],
        ["KHH-GEN", "2024-01-01", "2024-12-31", "500", "公升", "calculated", "fuel log", "", ""],
        ["TPE-STEEL", "2024-03-01", "2024-03-31", "12.5", "t", "推估", "PO-778", "", "spot purchase"],
    ];

    private string[] WriteGoodCsv() =>
    [
        _files.WriteCsv("facilities.csv", GoodFacilities),
        _files.WriteCsv("factors.csv", GoodFactors),
        _files.WriteCsv("sources.csv", GoodSources, byteOrderMark: true),
        _files.WriteCsv("activity.csv", GoodActivity),
    ];

    [Fact]
    public void ImportFiles_GoodCsvFiles_BuildsTheExpectedChangeSet()
    {
        // Given the four good CSV files (sources.csv with a UTF-8 byte-order mark, the others without)
        var paths = WriteGoodCsv();

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), paths);

        // Then: 1 entity (both facility rows name it), 2 facilities, 3 sources, 4 activity rows, 1 custom factor of 2 gases
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        var set = outcome.Value;
        set.LegalEntities.Count.ShouldBe(1);
        set.Facilities.Count.ShouldBe(2);
        set.Sources.Count.ShouldBe(3);
        set.Activities.Count.ShouldBe(4);
        set.CustomFactors.Count.ShouldBe(1);
        set.Count.ShouldBe(11);

        var entity = set.LegalEntities[0];
        entity.Id.ShouldBe(ImportFixture.Id("entity", "Formosa Trading Co."));
        entity.OwnershipPercent.ShouldBe(100m);
        var khh = set.Facilities.Single(f => f.Code == "KHH");
        khh.Id.ShouldBe(ImportFixture.Id("facility", "KHH"));
        khh.LegalEntityId.ShouldBe(entity.Id);
        khh.OwnershipPercent.ShouldBe(60m);
        khh.OperationalControl.ShouldBeTrue();  // 是
        khh.FinancialControl.ShouldBeFalse();   // 否
        khh.Address.ShouldBeNull();

        var generator = set.Sources.Single(s => s.Code == "KHH-GEN");
        generator.Type.ShouldBe(SourceType.StationaryCombustion); // 固定燃燒
        generator.FacilityId.ShouldBe(khh.Id);
        var steel = set.Sources.Single(s => s.Code == "TPE-STEEL");
        steel.Type.ShouldBe(SourceType.Scope3);
        steel.Scope3Category.ShouldBe(Scope3Category.PurchasedGoodsAndServices); // category 1
        steel.Id.ShouldBe(ImportFixture.Id("source", "TPE-STEEL"));

        // 度 is the alias of kWh; data quality 1 = measured; the id keys on the canonical unit code
        var february = set.Activities.Single(a => a.Evidence == "Taipower bill 2024-02");
        february.Quantity.ShouldBe(new Quantity(11000m, UnitCatalog.KilowattHour));
        february.Quality.ShouldBe(DataQualityLevel.Measured);
        february.UncertaintyPercent.ShouldBeNull();
        february.SourceId.ShouldBe(ImportFixture.Id("source", "TPE-ELEC"));
        february.Id.ShouldBe(ImportFixture.Id("activity", "TPE-ELEC", "2024-02-01", "2024-02-29", "Taipower bill 2024-02", "11000", "kWh"));
        var january = set.Activities.Single(a => a.Evidence == "Taipower bill 2024-01");
        january.Quantity.Value.ShouldBe(12345.6m);
        january.UncertaintyPercent.ShouldBe(2m);
        january.Period.End.ShouldBe(new NodaTime.LocalDate(2024, 1, 31));
        var steelBuy = set.Activities.Single(a => a.Evidence == "PO-778");
        steelBuy.Quality.ShouldBe(DataQualityLevel.Estimated); // 推估
        steelBuy.Note.ShouldBe("spot purchase");
        steelBuy.EnteredBy.ShouldBe("import");

        var factor = set.CustomFactors[0];
        factor.Key.ShouldBe("supplier/acme-steel");
        factor.Set.IsCustom.ShouldBeTrue();
        factor.Year.ShouldBe(2024);
        factor.PerUnit.ShouldBe(UnitCatalog.Tonne);
        factor.Gases.Select(g => (g.Gas.Code, g.Value)).ShouldBe([("CO2", 1800m), ("CH4", 2m)]);
        factor.UncertaintyPercent.ShouldBe(10m);
        set.Origin.ShouldContain("activity.csv sha256:");
    }

    [Fact]
    public void ImportFiles_SameFilesTwice_GivesIdenticalIds()
    {
        // Given the good files
        var paths = WriteGoodCsv();

        // When they are imported twice
        var first = InventoryImporter.ImportFiles(ImportFixture.Context(), paths).Value;
        var second = InventoryImporter.ImportFiles(ImportFixture.Context(), paths).Value;

        // Then every id is the same, and no id repeats within one import
        static List<Guid> Ids(CarbonLedger.Data.ChangeSet s) =>
            [.. s.LegalEntities.Select(e => e.Id), .. s.Facilities.Select(f => f.Id), .. s.Sources.Select(x => x.Id), .. s.Activities.Select(a => a.Id)];
        Ids(second).ShouldBe(Ids(first));
        Ids(first).Distinct().Count().ShouldBe(10); // 1 + 2 + 3 + 4
    }

    [Fact]
    public void ImportFiles_QuantityWrittenWithTrailingZeros_KeepsTheSameActivityId()
    {
        // Given the January row once as 12345.6 and once as 12345.60 (the same quantity)
        var rows = new[] { ActivityHeader, GoodActivity[1] };
        var again = new[] { ActivityHeader, GoodActivity[1].Select((c, i) => i == 3 ? "12345.60" : c).ToArray() };
        var context = ImportFixture.Context() with
        {
            Sources = new Dictionary<string, KnownSource> { ["TPE-ELEC"] = new(ImportFixture.Id("source", "TPE-ELEC"), SourceType.PurchasedElectricity, "tw-grid") },
        };
        var a = InventoryImporter.ImportFiles(context, [_files.WriteCsv("activity.csv", rows)]).Value;
        var b = InventoryImporter.ImportFiles(context, [_files.WriteCsv("activity.csv", again)]).Value;

        // Then the deterministic id is the same: quantity enters it as invariant text without trailing zeros
        b.Activities.Single().Id.ShouldBe(a.Activities.Single().Id);
        a.Activities.Single().Id.ShouldBe(ImportFixture.Id("activity", "TPE-ELEC", "2024-01-01", "2024-01-31", "Taipower bill 2024-01", "12345.6", "kWh"));
    }

    [Fact]
    public void ImportFiles_ActivityForStoredSources_ResolvesThroughTheContext()
    {
        // Given a stored source (not in any file) and an activity file that refers to it
        var storedId = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var context = ImportFixture.Context() with
        {
            Sources = new Dictionary<string, KnownSource> { ["OLD-GEN"] = new(storedId, SourceType.StationaryCombustion, "moenv604/stationary/diesel") },
        };
        var path = _files.WriteCsv("activity.csv", [ActivityHeader, ["OLD-GEN", "2024-05-01", "2024-05-31", "80", "L", "measured", "", "", ""], ["OLD-GEN", "2024-06-01", "2024-06-30", "80", "kWh", "measured", "", "", ""]]);

        // When
        var outcome = InventoryImporter.ImportFiles(context, [path]);

        // Then the kWh row is refused against the diesel factor's litre (the dimensions differ), naming both units
        outcome.Problems.Select(p => p.ToString()).ShouldBe(
            ["activity.csv, row 3, column 'unit': factor 'moenv604/stationary/diesel' is per L: cannot convert kWh (energy) to L (volume): the dimensions differ"]);
    }

    [Fact]
    public void ImportFiles_ActivityForStoredSource_UsesTheStoredId()
    {
        // Given a stored source and one litre row for it
        var storedId = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var context = ImportFixture.Context() with
        {
            Sources = new Dictionary<string, KnownSource> { ["OLD-GEN"] = new(storedId, SourceType.StationaryCombustion, "moenv604/stationary/diesel") },
        };
        var path = _files.WriteCsv("activity.csv", [ActivityHeader, ["OLD-GEN", "2024-05-01", "2024-05-31", "80", "kL", "measured", "", "", ""]]);

        // When
        var outcome = InventoryImporter.ImportFiles(context, [path]);

        // Then kL converts to L (same dimension), and the record points at the stored source
        outcome.Value.Activities.Single().SourceId.ShouldBe(storedId);
        outcome.Value.Activities.Single().Quantity.ShouldBe(new Quantity(80m, UnitCatalog.Kilolitre));
    }

    [Fact]
    public void ImportFiles_SourceAtAStoredFacility_UsesTheStoredFacilityId()
    {
        // Given a sources file whose facility is already stored (no facilities file)
        var storedFacility = Guid.Parse("99999999-8888-7777-6666-555555555555");
        var context = ImportFixture.Context() with { Facilities = new Dictionary<string, Guid> { ["TPE"] = storedFacility } };
        var path = _files.WriteCsv("sources.csv", [SourceHeader, GoodSources[1]]);

        // When
        var outcome = InventoryImporter.ImportFiles(context, [path]);

        // Then
        outcome.Value.Sources.Single().FacilityId.ShouldBe(storedFacility);
        outcome.Value.Facilities.ShouldBeEmpty();
    }

    [Fact]
    public void ImportFiles_BlankLineInCsv_StillCountsAsASpreadsheetRow()
    {
        // Given a good row (row 2), a blank line (row 3, as Excel shows it) and a negative quantity (row 4)
        var context = ImportFixture.Context() with
        {
            Sources = new Dictionary<string, KnownSource> { ["TPE-ELEC"] = new(ImportFixture.Id("source", "TPE-ELEC"), SourceType.PurchasedElectricity, "tw-grid") },
        };
        var path = Path.Combine(_files.Folder, "activity.csv");
        File.WriteAllText(path, string.Join(",", ActivityHeader) + "\nTPE-ELEC,2024-01-01,2024-01-31,1,kWh,measured,a,,\n\nTPE-ELEC,2024-01-01,2024-01-31,-1,kWh,measured,b,,\n");

        // When
        var outcome = InventoryImporter.ImportFiles(context, [path]);

        // Then
        outcome.Problems.Single().ToString().ShouldBe("activity.csv, row 4, column 'quantity': quantity cannot be negative (-1)");
    }
}
