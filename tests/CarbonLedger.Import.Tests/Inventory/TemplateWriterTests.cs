using CarbonLedger.Inventory;
using CarbonLedger.Units;
using MiniExcelLibs;

namespace CarbonLedger.Import.Tests.Inventory;

public sealed class TemplateWriterTests : IDisposable
{
    private readonly ImportFixture _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void WriteCsvFiles_ParsedBack_ExampleRowsValidate()
    {
        // Given the four CSV templates as written (UTF-8 with a byte-order mark)
        var paths = TemplateWriter.WriteCsvFiles(_files.Folder);

        // When they are imported as they are, for the example's year 2024
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), paths);

        // Then each template's example row becomes one object, wired together by code
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        AssertExampleChangeSet(outcome.Value);
        File.ReadAllBytes(paths[0])[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
    }

    [Fact]
    public void WriteXlsx_ParsedBack_ExampleRowsValidateAndReadmeExplainsEveryColumn()
    {
        // Given the workbook template
        var path = Path.Combine(_files.Folder, "template.xlsx");
        TemplateWriter.WriteXlsx(path);

        // When it is imported as it is
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), [path]);

        // Then the example rows validate (the README sheet is not an import sheet), and the README has one row per column
        // of every template: 8 + 8 + 9 + 9 = 34, each with an English and a zh-TW explanation
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        AssertExampleChangeSet(outcome.Value);
        MiniExcel.GetSheetNames(path).ShouldBe(["factors", "facilities", "sources", "activity", "README"]);
        var readme = MiniExcel.Query(path, useHeaderRow: true, sheetName: "README").Cast<IDictionary<string, object?>>().ToList();
        readme.Count.ShouldBe(34);
        readme.ShouldAllBe(r => !string.IsNullOrWhiteSpace((string?)r["description"]) && !string.IsNullOrWhiteSpace((string?)r["說明"]));
        readme.Select(r => (string?)r["column"]).ShouldContain("scope3_category");
    }

    private static void AssertExampleChangeSet(CarbonLedger.Data.ChangeSet set)
    {
        set.LegalEntities.Count.ShouldBe(1);
        set.Facilities.Single().Code.ShouldBe("TPE-HQ");
        var source = set.Sources.Single();
        source.Type.ShouldBe(SourceType.PurchasedElectricity);
        source.FacilityId.ShouldBe(set.Facilities[0].Id);
        var activity = set.Activities.Single();
        activity.SourceId.ShouldBe(source.Id);
        activity.Quantity.ShouldBe(new Quantity(12345.6m, UnitCatalog.KilowattHour));
        activity.Quality.ShouldBe(DataQualityLevel.Measured);
        var factor = set.CustomFactors.Single();
        factor.Key.ShouldBe("supplier/acme-steel");
        factor.Gases.Single().Value.ShouldBe(1850m);
    }
}
