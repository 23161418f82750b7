using CarbonLedger.Inventory;
using CarbonLedger.Units;

namespace CarbonLedger.Import.Tests.Inventory;

/// <summary>zh-TW headers, sheet names and values (排放源類型, 數據品質, 單位 aliases) as a Taiwanese user writes them.</summary>
public sealed class ZhTwHeaderTests : IDisposable
{
    private readonly ImportFixture _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string[][] Facilities =
    [
        ["法人名稱", "法人持股比例", "據點代碼", "據點名稱", "持股比例", "營運控制權", "財務控制權", "地址"],
        ["福爾摩沙貿易股份有限公司", "100", "北辦", "台北辦公室", "100", "是", "是", "台北市"],
    ];

    private static readonly string[][] Sources =
    [
        ["排放源代碼", "據點代碼", "排放源名稱", "排放源類型", "範疇三類別", "排放係數代碼", "部門", "排除理由"],
        ["北辦-電", "北辦", "外購電力", "外購電力", "", "tw-grid", "管理部", ""],
    ];

    private static readonly string[][] Activity =
    [
        ["排放源代碼", "起始日期", "結束日期", "活動數據", "單位", "數據品質", "佐證文件", "不確定性百分比", "備註"],
        ["北辦-電", "2024-07-01", "2024-07-31", "8800", "度", "量測", "電費單 113年7月", "", ""],
    ];

    [Fact]
    public void ImportFiles_ZhTwHeadersInCsv_AreAccepted()
    {
        // Given CSV files named in zh-TW with zh-TW headers
        string[] paths =
        [
            _files.WriteCsv("據點.csv", Facilities),
            _files.WriteCsv("排放源.csv", Sources),
            _files.WriteCsv("活動數據.csv", Activity),
        ];

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), paths);

        // Then 外購電力 → PurchasedElectricity, 度 → kWh, 量測 → measured
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        AssertImported(outcome.Value);
    }

    [Fact]
    public void ImportFiles_ZhTwSheetsAndHeadersInXlsx_AreAccepted()
    {
        // Given one workbook with zh-TW sheet names and headers
        var path = _files.WriteXlsx("盤查.xlsx", [("據點", Facilities), ("排放源", Sources), ("活動數據", Activity)]);

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), [path]);

        // Then
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        AssertImported(outcome.Value);
    }

    [Fact]
    public void ImportFiles_ZhTwHeaderWithBadValue_NamesTheColumnAsWritten()
    {
        // Given a negative quantity under the zh-TW header 活動數據
        var rows = new[] { Activity[0], Activity[1].Select((c, i) => i == 3 ? "-1" : c).ToArray() };
        var context = ImportFixture.Context() with
        {
            Sources = new Dictionary<string, KnownSource> { ["北辦-電"] = new(Guid.NewGuid(), SourceType.PurchasedElectricity, "tw-grid") },
        };

        // When
        var outcome = InventoryImporter.ImportFiles(context, [_files.WriteCsv("活動數據.csv", rows)]);

        // Then the location uses the header the user wrote
        outcome.Problems.Single().ToString().ShouldBe("活動數據.csv, row 2, column '活動數據': quantity cannot be negative (-1)");
    }

    private static void AssertImported(CarbonLedger.Data.ChangeSet set)
    {
        set.LegalEntities.Single().Name.ShouldBe("福爾摩沙貿易股份有限公司");
        set.Facilities.Single().Id.ShouldBe(ImportFixture.Id("facility", "北辦"));
        set.Sources.Single().Type.ShouldBe(SourceType.PurchasedElectricity);
        set.Sources.Single().Department.ShouldBe("管理部");
        var a = set.Activities.Single();
        a.Quantity.ShouldBe(new Quantity(8800m, UnitCatalog.KilowattHour));
        a.Quality.ShouldBe(DataQualityLevel.Measured);
        a.Evidence.ShouldBe("電費單 113年7月");
    }
}
