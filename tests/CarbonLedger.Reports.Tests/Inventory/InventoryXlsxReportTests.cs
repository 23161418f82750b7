using CarbonLedger.Reports.Inventory;
using MiniExcelLibs;
using static CarbonLedger.Reports.Tests.Inventory.SampleInventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class InventoryXlsxReportTests
{
    private static MemoryStream Render(ReportLanguage language)
    {
        var stream = new MemoryStream();
        InventoryReports.Render(Model(language), ReportFormat.Xlsx, stream);
        stream.Position = 0;
        return stream;
    }

    private static List<IDictionary<string, object?>> Sheet(MemoryStream stream, string name)
    {
        stream.Position = 0;
        return stream.Query(useHeaderRow: true, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public void Render_XlsxZhTw_HasOneSheetPerTableWithLocalisedNames()
    {
        // Given / When
        using var stream = Render(ReportLanguage.ZhTw);

        // Then
        var names = stream.GetSheetNames();
        names.ShouldContain("彙整表二");
        names.ShouldContain("彙整表三");
        names.ShouldContain("彙整表四");
        names.ShouldContain("範疇二雙軌");
        names.ShouldContain("排放明細");
        names.Count.ShouldBe(26);
    }

    [Fact]
    public void Render_XlsxZhTw_MoenvTable4CellsAreNumbersSummingToTotal()
    {
        // Given
        using var stream = Render(ReportLanguage.ZhTw);
        var s = ReportStrings.For(ReportLanguage.ZhTw);

        // When
        var rows = Sheet(stream, "彙整表四");

        // Then: Stationary … OtherIndirect, subtotal, total; tonnes are numeric cells (read back as double), not text
        var byKey = rows.ToDictionary(r => (string)r[s[ReportText.Key]]!, r => r);
        var tonnes = s[ReportText.Tonnes];
        byKey["EnergyIndirect"][tonnes].ShouldBeOfType<double>();
        ((double)byKey["EnergyIndirect"][tonnes]!).ShouldBe(47.4, 1e-9);
        ((double)byKey["Fugitive"][tonnes]!).ShouldBe(3.987, 1e-9);
        ((double)byKey["Total"][tonnes]!).ShouldBe((double)TotalLocation, 1e-9);
        var parts = new[] { "Stationary", "Process", "Mobile", "Fugitive", "EnergyIndirect", "OtherIndirect" };
        parts.Sum(k => (double)byKey[k][tonnes]!).ShouldBe((double)TotalLocation, 1e-9);
        parts.Sum(k => (double)byKey[k][s[ReportText.DisplayShare]]!).ShouldBe(100.0, 1e-9);
        ((string)byKey["OtherIndirect"][s[ReportText.EmissionType]]!).ShouldBe("其他間接排放（範疇三）");
    }

    [Fact]
    public void Render_XlsxEnglish_LinesSheetSumsToLocationTotalAndInstrumentsShowUnusedKwh()
    {
        // Given
        using var stream = Render(ReportLanguage.English);

        // When
        var lines = Sheet(stream, "Emission lines");
        var instruments = Sheet(stream, "Instruments");

        // Then: Σ tco2e of location-based rows = 58.18003075056 (SampleInventory); the WH green-power contract's 10,000 kWh unused
        lines.Count.ShouldBe(16);
        lines.Where(r => r["counts_location_based"] is true).Sum(r => (double)r["tco2e"]!).ShouldBe((double)TotalLocation, 1e-9);
        var gp = instruments.Single(r => (string)r["Reference"]! == "GP-WH-2024");
        ((double)gp["Unused (kWh)"]!).ShouldBe(10_000.0);
        ((double)gp["Applied (kWh)"]!).ShouldBe(0.0);
    }

    [Fact]
    public void Render_XlsxEnglish_MoenvTable2SharesAddTo100()
    {
        // Given
        using var stream = Render(ReportLanguage.English);

        // When
        var rows = Sheet(stream, "MOENV table 2");

        // Then: seven gases + total + biogenic; displayed shares 93.05 / 0.27 / 0.07 / 6.61 (worked in the model test)
        var gases = rows.Where(r => (string)r["Key"]! is "CO2" or "CH4" or "N2O" or "HFCs" or "PFCs" or "SF6" or "NF3").ToList();
        gases.Count.ShouldBe(7);
        gases.Select(r => (double)r["Displayed share (%)"]!).ShouldBe([93.05, 0.27, 0.07, 6.61, 0, 0, 0]);
        ((double)rows.Single(r => (string)r["Key"]! == "BiogenicCO2")["Emissions (tCO2e/yr)"]!).ShouldBe(0.15, 1e-12);
    }
}
