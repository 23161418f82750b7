using System.Globalization;
using System.Text;
using CarbonLedger.Audit;
using CarbonLedger.Import.Audit;
using CarbonLedger.Units;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;

namespace CarbonLedger.Import.Tests.Audit;

/// <summary>Seed 002 肆 內部稽核: a published table is read back so every row can be recomputed; the printed decimals of
/// the reported value are kept (they set the rounding tolerance) and every bad cell is reported with its location.</summary>
public sealed class PublishedTableReaderTests
{
    private static MemoryStream Csv(string text) => new(new UTF8Encoding(false).GetBytes(text));

    private static MemoryStream Xlsx(string sheet, string[] header, params object?[][] rows)
    {
        var data = rows.Select(r =>
        {
            var d = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                d[header[i]] = r[i];
            }
            return d;
        }).ToList();
        var stream = new MemoryStream();
        stream.SaveAs(data, sheetName: sheet);
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Read_EnglishCsv_ReadsEveryColumnAndThePrintedDecimals()
    {
        // Given: 120,000 kWh × 0.494 kgCO2e/kWh = 59,280 kg = 59.280 t, printed to 3 decimals
        using var csv = Csv("label,quantity,unit,factor,factor unit,reported,reported unit\n"
            + "Taipei office electricity,120000,kWh,0.494,kgCO2e/kWh,59.280,tCO2e\n");

        // When
        var outcome = PublishedTableReader.Read("published.csv", csv);

        // Then
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        var row = outcome.Value.ShouldHaveSingleItem();
        row.Row.ShouldBe(2);
        row.Label.ShouldBe("Taipei office electricity");
        row.Activity.ShouldBe(new Quantity(120000m, UnitCatalog.KilowattHour));
        row.Factor.ShouldBe(0.494m);
        row.FactorMassUnit.ShouldBe(UnitCatalog.Kilogram);
        row.FactorPerUnit.ShouldBe(UnitCatalog.KilowattHour);
        row.Reported.ShouldBe(59.280m);
        row.ReportedDecimals.ShouldBe(3);
        row.ReportedUnit.ShouldBe(UnitCatalog.Tonne);
    }

    [Fact]
    public void Read_ThousandsSeparatorsInQuotedCells_ReadsTheNumber()
    {
        // Given: a report prints "1,234.50"; in CSV the cell is quoted
        using var csv = Csv("label,quantity,unit,factor,factor_unit,reported,reported_unit\n"
            + "Boiler,\"2,500\",L,0.4938,kgCO2e/L,\"1,234.50\",kg\n");

        // When
        var outcome = PublishedTableReader.Read("t.csv", csv);

        // Then
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        var row = outcome.Value.ShouldHaveSingleItem();
        row.Activity.Value.ShouldBe(2500m);
        row.Reported.ShouldBe(1234.50m);
        row.ReportedDecimals.ShouldBe(2);
    }

    [Fact]
    public void Read_ZhTwXlsx_ReadsTheFirstSheetWithChineseHeadersAndAliases()
    {
        // Given: diesel 12.5 公秉 (kL) × 2.606 tCO2e/kL = 32.575 t, published as the text "32.58" (2 decimals);
        // electricity 1,000 度 (kWh) × 0.494 公斤CO2e/度, published as the number 494 kg
        string[] header = ["項目", "活動數據", "單位", "排放係數", "係數單位", "排放量", "排放量單位"];
        using var xlsx = Xlsx("排放量表", header,
            ["發電機柴油", 12.5, "公秉", 2.606, "tCO2e/kL", "32.58", "公噸"],
            ["外購電力", 1000d, "度", 0.494, "公斤CO2e/度", 494d, "kg"]);

        // When
        var outcome = PublishedTableReader.Read("公布.xlsx", xlsx);

        // Then
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        outcome.Value.Count.ShouldBe(2);
        var diesel = outcome.Value[0];
        diesel.Row.ShouldBe(2);
        diesel.Activity.ShouldBe(new Quantity(12.5m, UnitCatalog.Kilolitre));
        diesel.FactorMassUnit.ShouldBe(UnitCatalog.Tonne);
        diesel.FactorPerUnit.ShouldBe(UnitCatalog.Kilolitre);
        diesel.Reported.ShouldBe(32.58m);
        diesel.ReportedDecimals.ShouldBe(2);
        diesel.ReportedUnit.ShouldBe(UnitCatalog.Tonne);
        var power = outcome.Value[1];
        power.Row.ShouldBe(3);
        power.FactorMassUnit.ShouldBe(UnitCatalog.Kilogram);
        power.FactorPerUnit.ShouldBe(UnitCatalog.KilowattHour);
        power.Reported.ShouldBe(494m);
        power.ReportedDecimals.ShouldBe(0);
    }

    [Fact]
    public void Read_ReadRowsIntoTheCheck_FlagTheRowThatDoesNotRecompute()
    {
        // Given: row 2 is right (12.5 kL × 2.606 t/kL = 32.575 t, printed 32.58: off by 0.005 ≤ half of 0.01);
        // row 3 is wrong (1,000 kWh × 0.494 kg/kWh = 494 kg, printed 549 kg: off by 55 > 0.5)
        using var csv = Csv("label,quantity,unit,factor,factor_unit,reported,reported_unit\n"
            + "Diesel,12.5,kL,2.606,tCO2e/kL,32.58,t\n"
            + "Electricity,1000,kWh,0.494,kgCO2e/kWh,549,kg\n");

        // When
        var report = RecomputationCheck.Check(PublishedTableReader.Read("t.csv", csv).Value);

        // Then
        var differing = report.Differing.ShouldHaveSingleItem();
        differing.Source.Row.ShouldBe(3);
        differing.Recomputed.ShouldBe(494m);
        differing.Difference.ShouldBe(55m);
    }

    [Fact]
    public void Read_BadCells_ReportsEveryCellWithFileSheetRowAndColumn()
    {
        // Given: one bad cell per row, and one row with two
        string[] header = ["label", "quantity", "unit", "factor", "factor unit", "reported", "reported unit"];
        using var xlsx = Xlsx("Table 1", header,
            ["A", "lots", "kWh", 0.5, "kgCO2e/kWh", 1d, "t"],       // row 2: quantity not a number
            ["B", 1d, "kWh", 0.5, "kWh", 1d, "t"],                  // row 3: factor unit without '/'
            ["C", 1d, "kWh", 0.5, "kgCO2e/kWh", 1d, "L"],           // row 4: reported unit not a mass
            ["D", 1d, "L", 0.5, "kgCO2e/kWh", 1d, "t"],             // row 5: litres do not convert to kWh
            ["", -1d, "kWh", 0.5, "kgCO2e/kWh", 1d, "t"],           // row 6: no label, negative quantity
            ["F", 1d, "furlong", 0.5, "kgCO2e/kWh", null, "t"]);    // row 7: unknown unit, empty reported

        // When
        var outcome = PublishedTableReader.Read("bad.xlsx", xlsx);

        // Then
        outcome.Succeeded.ShouldBeFalse();
        var found = outcome.Problems.Select(p => (p.Location.File, p.Location.Sheet, p.Location.Row, p.Location.Column)).ToList();
        found.ShouldBe(
        [
            ("bad.xlsx", "Table 1", 2, "quantity"),
            ("bad.xlsx", "Table 1", 3, "factor unit"),
            ("bad.xlsx", "Table 1", 4, "reported unit"),
            ("bad.xlsx", "Table 1", 5, "unit"),
            ("bad.xlsx", "Table 1", 6, "label"),
            ("bad.xlsx", "Table 1", 6, "quantity"),
            ("bad.xlsx", "Table 1", 7, "unit"),
            ("bad.xlsx", "Table 1", 7, "reported"),
        ]);
    }

    [Fact]
    public void Read_MissingColumn_ReportsItAtTheHeaderRow()
    {
        // Given: no reported_unit column
        using var csv = Csv("label,quantity,unit,factor,factor_unit,reported\nA,1,kWh,0.5,kgCO2e/kWh,0.5\n");

        // When
        var outcome = PublishedTableReader.Read("t.csv", csv);

        // Then
        var problem = outcome.Problems.ShouldHaveSingleItem();
        problem.Location.Row.ShouldBe(1);
        problem.Location.Column.ShouldBe("reported_unit");
        problem.Message.ShouldContain("排放量單位");
    }

    [Theory]
    [InlineData("table.txt", "not a .csv or .xlsx file")]
    [InlineData("table.csv", "no rows")]
    public void Read_UnusableFile_FailsNamingTheFile(string fileName, string message)
    {
        // Given
        using var csv = Csv("label,quantity,unit,factor,factor_unit,reported,reported_unit\n");

        // When
        var outcome = PublishedTableReader.Read(fileName, csv);

        // Then
        var problem = outcome.Problems.ShouldHaveSingleItem();
        problem.Location.File.ShouldBe(fileName);
        problem.Message.ShouldContain(message);
    }

    [Fact]
    public void Read_NumbersWrittenByExcelInExponentForm_KeepTheirDecimals()
    {
        // Given: a spreadsheet returns 0.00005 as "5E-05" — five decimals
        string[] header = ["label", "quantity", "unit", "factor", "factor_unit", "reported", "reported_unit"];
        using var xlsx = Xlsx("Sheet1", header, ["Tiny", 1d, "kWh", 0.00005, "tCO2e/kWh", 0.00005, "t"]);

        // When
        var row = PublishedTableReader.Read("t.xlsx", xlsx).Value.ShouldHaveSingleItem();

        // Then
        row.Reported.ShouldBe(0.00005m);
        row.ReportedDecimals.ShouldBe(5);
        row.Factor.ToString(CultureInfo.InvariantCulture).ShouldBe("0.00005");
    }

    /// <summary>A workbook as Excel saves one: numbers stored as binary doubles with a number format per cell
    /// (style 1 = custom "0.000", style 2 = built-in 4 "#,##0.00", style 0 = General).</summary>
    private static MemoryStream FormattedXlsx(params (string Label, double Reported, uint Style)[] rows)
    {
        var stream = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            wb.Workbook = new Workbook();
            var styles = wb.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "0.000" }) { Count = 1 },
                new Fonts(new Font()) { Count = 1 },
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
                new Borders(new Border()) { Count = 1 },
                new CellFormats(
                    new CellFormat { NumberFormatId = 0 },
                    new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
                    new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true }) { Count = 3 });
            var ws = wb.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            static Cell Text(string r, string v) => new() { CellReference = r, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) };
            static Cell Number(string r, double v, uint style = 0) =>
                new() { CellReference = r, CellValue = new CellValue(v.ToString("R", CultureInfo.InvariantCulture)), StyleIndex = style };
            string[] header = ["label", "quantity", "unit", "factor", "factor_unit", "reported", "reported_unit"];
            data.Append(new Row(header.Select((h, i) => Text($"{(char)('A' + i)}1", h))) { RowIndex = 1 });
            for (var i = 0; i < rows.Length; i++)
            {
                var n = (uint)(i + 2);
                data.Append(new Row(Text($"A{n}", rows[i].Label), Number($"B{n}", 1), Text($"C{n}", "kWh"), Number($"D{n}", 1),
                    Text($"E{n}", "kgCO2e/kWh"), Number($"F{n}", rows[i].Reported, rows[i].Style), Text($"G{n}", "kg")) { RowIndex = n });
            }
            ws.Worksheet = new Worksheet(data);
            wb.Workbook.AppendChild(new Sheets(new Sheet { Id = wb.GetIdOfPart(ws), SheetId = 1, Name = "Published" }));
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void Read_XlsxNumberCellsWithNumberFormats_KeepTheDecimalsTheCellsDisplay()
    {
        // Given 59.28 shown as "59.280" (format 0.000 → 3 decimals), 1234.5 shown as "1,234.50" (built-in #,##0.00 → 2)
        // and 7.25 in General (shown as typed → 2)
        using var xlsx = FormattedXlsx(("fixed three", 59.28, 1), ("thousands two", 1234.5, 2), ("general", 7.25, 0));

        // When
        var outcome = PublishedTableReader.Read("formatted.xlsx", xlsx);

        // Then
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
        outcome.Value.Select(r => (r.Reported, r.ReportedDecimals)).ShouldBe([(59.28m, 3), (1234.5m, 2), (7.25m, 2)]);
    }
}
