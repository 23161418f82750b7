namespace CarbonLedger.Import.Tests.Inventory;

/// <summary>SPEC §1 "Import" and issue 2 item 7: a file set with one bad value of every kind; every one is reported
/// with file, sheet, row (header = row 1) and column, all in one pass, and nothing is returned.</summary>
public sealed class BadRowsTests : IDisposable
{
    private readonly ImportFixture _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly string[][] Facilities =
    [
        ["entity_name", "entity_ownership_percent", "facility_code", "facility_name", "ownership_percent", "operational_control", "financial_control", "address"],
        ["Formosa Trading Co.", "100", "TPE", "Taipei office", "100", "yes", "yes", "Taipei"],    // row 2: good
        ["Formosa Trading Co.", "", "TPE", "Taipei again", "100", "yes", "yes", ""],             // row 3: duplicate code
        ["Formosa Trading Co.", "", "KHH", "Kaohsiung", "60", "maybe", "no", ""],                // row 4: not yes/no
    ];

    private static readonly string[][] Factors =
    [
        ["factor_key", "name", "year", "per_unit", "gas", "value", "mass_unit", "source", "uncertainty_percent"],
        ["f/x", "X", "2024", "kg", "CO2", "1", "kg", "me", ""],       // row 2: good
        ["f/x", "X", "2024", "kg", "CO2", "2", "kg", "me", ""],       // row 3: the same gas twice for one key and year
        ["f/y", "Y", "2024", "kg", "XYZ-999", "1", "kg", "me", ""],   // row 4: no such gas
    ];

    private static readonly string[][] Sources =
    [
        ["source_code", "facility_code", "name", "source_type", "scope3_category", "factor_key", "department", "exclusion_reason"],
        ["ELEC", "TPE", "Electricity", "PurchasedElectricity", "", "tw-grid", "", ""],            // row 2: good
        ["GEN", "XXX", "Generator", "StationaryCombustion", "", "moenv604/stationary/diesel", "", ""], // row 3: unknown facility
        ["ODD", "TPE", "Thing", "Nuclear", "", "tw-grid", "", ""],                                // row 4: not a source type
        ["NOF", "TPE", "Thing", "Process", "", "no/such-factor", "", ""],                         // row 5: unknown factor key
        ["S3", "TPE", "Steel", "Scope3", "", "tw-grid", "", ""],                                  // row 6: Scope 3 without category
        ["S3B", "TPE", "Steel", "Scope3", "16", "tw-grid", "", ""],                               // row 7: category outside 1-15
        ["ELEC", "TPE", "Electricity again", "PurchasedElectricity", "", "tw-grid", "", ""],      // row 8: duplicate code
    ];

    private static readonly string[][] Activity =
    [
        ["source_code", "period_start", "period_end", "quantity", "unit", "data_quality", "evidence", "uncertainty_percent", "note"],
        ["ELEC", "2024-01-01", "2024-01-31", "100", "kWh", "measured", "A", "", ""],     // row 2: good
        ["ELEC", "2024-01-01", "2024-01-31", "100", "kWhh", "measured", "B", "", ""],    // row 3: unknown unit
        ["ELEC", "2024-01-01", "2024-01-31", "-5", "kWh", "measured", "C", "", ""],      // row 4: negative quantity
        ["ELEC", "2024-01-01", "2024-01-31", "1O0", "kWh", "measured", "D", "", ""],     // row 5: letter O, not a number
        ["ELEC", "2024/01/05", "2024-01-31", "100", "kWh", "measured", "E", "", ""],     // row 6: malformed date
        ["ELEC", "2024-03-31", "2024-03-01", "100", "kWh", "measured", "F", "", ""],     // row 7: ends before it starts
        ["ELEC", "2023-12-20", "2024-01-10", "100", "kWh", "measured", "G", "", ""],     // row 8: starts before 2024
        ["NOPE", "2024-01-01", "2024-01-31", "100", "kWh", "measured", "H", "", ""],     // row 9: unknown source
        ["ELEC", "2024-01-01", "2024-01-31", "100", "L", "measured", "I", "", ""],       // row 10: litres against a per-kWh factor
        ["ELEC", "2024-01-01", "2024-01-31", "100", "kWh", "good", "J", "", ""],         // row 11: not a data-quality level
        ["ELEC", "2024-01-01", "2024-01-31", "100", "kWh", "measured", "A", "", ""],     // row 12: same as row 2
        ["ELEC", "2024-02-30", "2024-03-31", "100", "kWh", "measured", "K", "", ""],     // row 13: there is no 30 February
    ];

    /// <summary>(template, row, column, a fragment of the reason) for each bad row above: 2 + 2 + 6 + 11 = 21.</summary>
    private static readonly (string Template, int Row, string Column, string Reason)[] Expected =
    [
        ("facilities", 3, "facility_code", "duplicate facility_code 'TPE' (first on row 2)"),
        ("facilities", 4, "operational_control", "'maybe' is not yes/no"),
        ("factors", 3, "gas", "duplicate gas CO2 for factor 'f/x' (2024) (first on row 2)"),
        ("factors", 4, "gas", "unknown gas 'XYZ-999'"),
        ("sources", 3, "facility_code", "unknown facility code 'XXX'"),
        ("sources", 4, "source_type", "'Nuclear' is not a source type"),
        ("sources", 5, "factor_key", "unknown emission factor 'no/such-factor' for 2024"),
        ("sources", 6, "scope3_category", "a Scope 3 source needs its scope3_category (1-15)"),
        ("sources", 7, "scope3_category", "'16' is not a Scope 3 category (1-15)"),
        ("sources", 8, "source_code", "duplicate source_code 'ELEC' (first on row 2)"),
        ("activity", 3, "unit", "unknown unit 'kWhh'"),
        ("activity", 4, "quantity", "quantity cannot be negative (-5)"),
        ("activity", 5, "quantity", "'1O0' is not a number"),
        ("activity", 6, "period_start", "'2024/01/05' is not a date in yyyy-MM-dd form"),
        ("activity", 7, "period_end", "period_end 2024-03-01 is before period_start 2024-03-31"),
        ("activity", 8, "period_start", "2023-12-20 is outside the reporting period 2024-01-01..2024-12-31"),
        ("activity", 9, "source_code", "unknown source code 'NOPE'"),
        ("activity", 10, "unit", "factor 'tw-grid' is per kWh: cannot convert L (volume) to kWh (energy): the dimensions differ"),
        ("activity", 11, "data_quality", "'good' is not a data-quality level"),
        ("activity", 12, "source_code", "duplicate activity row: same source, period, evidence, quantity and unit as row 2"),
        ("activity", 13, "period_start", "'2024-02-30' is not a date in yyyy-MM-dd form"),
    ];

    [Fact]
    public void ImportFiles_CsvWithEveryKindOfBadRow_ReportsEachWithFileRowColumnAndReturnsNothing()
    {
        // Given the four CSV files above
        string[] paths =
        [
            _files.WriteCsv("facilities.csv", Facilities),
            _files.WriteCsv("factors.csv", Factors),
            _files.WriteCsv("sources.csv", Sources),
            _files.WriteCsv("activity.csv", Activity),
        ];

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), paths);

        // Then every bad value is reported once, at its own file/row/column, and no change set is returned
        outcome.Succeeded.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => outcome.Value);
        AssertEveryExpectedProblem(outcome.Problems, e => (e.Template + ".csv", (string?)null));
    }

    [Fact]
    public void ImportFiles_XlsxWithEveryKindOfBadRow_ReportsEachWithFileSheetRowColumn()
    {
        // Given the same rows as four sheets of one workbook (numbers stored as numbers, as Excel does)
        var path = _files.WriteXlsx("bad.xlsx", [("facilities", Facilities), ("factors", Factors), ("sources", Sources), ("activity", Activity)]);

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), [path]);

        // Then the same problems, located by workbook and sheet
        outcome.Succeeded.ShouldBeFalse();
        AssertEveryExpectedProblem(outcome.Problems, e => ("bad.xlsx", e.Template));
    }

    private static void AssertEveryExpectedProblem(IReadOnlyList<CarbonLedger.Common.Problem> problems, Func<(string Template, int Row, string Column, string Reason), (string File, string? Sheet)> where)
    {
        var all = string.Join("\n", problems);
        foreach (var e in Expected)
        {
            var (file, sheet) = where(e);
            problems.ShouldContain(p => p.Location.File == file && p.Location.Sheet == sheet && p.Location.Row == e.Row && p.Location.Column == e.Column
                && p.Message.Contains(e.Reason, StringComparison.Ordinal), $"expected {file} {sheet} row {e.Row} {e.Column}: {e.Reason}\nall:\n{all}");
        }
        problems.Count.ShouldBe(Expected.Length, all);
    }

    [Fact]
    public void ImportFiles_BadActivityRows_ZhTwTextNamesRowColumnAndReason()
    {
        // Given good facilities and sources files and an activity file whose rows 2-4 each hold one bad value:
        // a negative quantity, a slash date, and litres against tw-grid (a per-kWh factor)
        string[] paths =
        [
            _files.WriteCsv("facilities.csv", Facilities[..2]),
            _files.WriteCsv("sources.csv", Sources[..2]),
            _files.WriteCsv("activity.csv", [Activity[0], Activity[3], Activity[5], Activity[9]]),
        ];

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), paths);

        // Then each problem reads in Traditional Chinese with its file, row (header = 第 1 列) and column (the unit
        // mismatch in Core's wording for UnitMismatchException), and the English text is the one the tests above pin
        outcome.Problems.Select(p => p.ToString(zhTw: true)).ShouldBe(
        [
            "activity.csv，第 2 列，欄「quantity」：活動數據不得為負數（-5）",
            "activity.csv，第 3 列，欄「period_start」：「2024/01/05」不是 yyyy-MM-dd 格式的日期",
            "activity.csv，第 4 列，欄「unit」：排放係數「tw-grid」的活動單位為 kWh：無法將 L（體積）換算為 kWh（能量）：兩者的因次不同",
        ]);
        outcome.Problems[0].ToString().ShouldBe("activity.csv, row 2, column 'quantity': quantity cannot be negative (-5)");
    }

    [Fact]
    public void ImportFiles_WorkbookWithAWrongSheet_NamesFileAndSheet()
    {
        // Given a workbook whose activity sheet is called "activities"
        var path = _files.WriteXlsx("book.xlsx", [("activities", Activity[..2])]);

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), [path]);

        // Then the sheet is named, and the workbook is reported as having no template sheet at all
        outcome.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "book.xlsx, sheet 'activities': unknown sheet 'activities': expected factors (排放係數), facilities (據點), sources (排放源), activity (活動數據) or README",
            "book.xlsx: no template sheet: expected one of factors (排放係數), facilities (據點), sources (排放源), activity (活動數據)",
        ]);
    }

    [Fact]
    public void ImportFiles_MissingAndUnknownColumns_AreReportedOnTheHeaderRow()
    {
        // Given an activity file without data_quality and with an extra "comment" column
        var header = Activity[0].Select(h => h == "data_quality" ? "comment" : h).ToArray();
        var path = _files.WriteCsv("activity.csv", [header, Activity[1]]);

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), [path]);

        // Then both header problems at row 1; the rows are not read (their columns cannot be trusted)
        outcome.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "activity.csv, row 1, column 'comment': unknown column 'comment' in the activity template (expected source_code, period_start, period_end, quantity, unit, data_quality, evidence, uncertainty_percent, note)",
            "activity.csv, row 1, column 'data_quality': missing column data_quality (數據品質) in the activity template",
        ]);
    }

    [Fact]
    public void ImportFiles_CsvNamedAfterNoTemplate_IsRefused()
    {
        // Given
        var path = _files.WriteCsv("data.csv", Activity[..2]);

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), [path]);

        // Then
        outcome.Problems.Single().ToString().ShouldStartWith("data.csv: cannot tell which template this file is");
    }

    [Fact]
    public void ImportFiles_SourceUsingABadCustomFactor_IsNotReportedTwice()
    {
        // Given a factors file whose only row has a negative value, and a source that uses that factor
        var factors = _files.WriteCsv("factors.csv", [Factors[0], ["f/x", "X", "2024", "kg", "CO2", "-1", "kg", "me", ""]]);
        var facilities = _files.WriteCsv("facilities.csv", Facilities[..2]);
        var sources = _files.WriteCsv("sources.csv", [Sources[0], ["BUY", "TPE", "Bought", "Scope3", "1", "f/x", "", ""]]);

        // When
        var outcome = InventoryImporter.ImportFiles(ImportFixture.Context(), [factors, facilities, sources]);

        // Then only the factor's own row is reported, not also "unknown emission factor" on the source
        outcome.Problems.Select(p => p.ToString()).ShouldBe(["factors.csv, row 2, column 'value': an emission factor cannot be negative (-1)"]);
    }
}
