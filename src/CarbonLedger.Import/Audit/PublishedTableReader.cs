using System.Globalization;
using System.Text;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Units;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using MiniExcelLibs;
using Dimension = CarbonLedger.Units.Dimension;

namespace CarbonLedger.Import.Audit;

/// <summary>Reads a published emission table (a report's table of activity × factor = emissions) for the internal
/// audit's recomputation (seed 002 肆 內部稽核: 重新計算已公布的數字) into <see cref="PublishedRow"/>s for
/// <see cref="RecomputationCheck"/>. CSV (UTF-8, delimiter detected) or the first sheet of an .xlsx workbook that is not
/// README/說明; headers in English or zh-TW; columns not listed in <see cref="Template"/> are ignored (published tables
/// carry scopes, facilities, notes). Every bad cell is a problem with file, sheet, row and column, all in one pass.</summary>
public static class PublishedTableReader
{
    public static readonly ImportTemplate Template = new(TemplateKind.PublishedTable, "published", "公布數據",
    [
        new("label", "項目", true, ColumnFormat.Text, "What the row is (source, facility, line of the report)", "項目（排放源、據點或報告中的列）", "Taipei office electricity"),
        new("quantity", "活動數據", true, ColumnFormat.Number, "Activity amount as published, non-negative", "公布之活動數據，非負數", "120000"),
        new("unit", "單位", true, ColumnFormat.Text, "Unit of the activity (kWh, 度, L, kL, t …)", "活動數據單位（kWh、度、L、kL、t…）", "kWh"),
        new("factor", "排放係數", true, ColumnFormat.Number, "Emission factor as published, non-negative", "公布之排放係數，非負數", "0.494"),
        new("factor_unit", "係數單位", true, ColumnFormat.Text, "Mass of CO2e per activity unit: kgCO2e/kWh, tCO2e/kL …", "每活動單位之 CO2e 質量：kgCO2e/kWh、tCO2e/kL…", "kgCO2e/kWh"),
        new("reported", "排放量", true, ColumnFormat.Number, "Emissions as published; its printed decimals set the rounding tolerance", "公布之排放量；其列印小數位數決定捨入容許差", "59.280"),
        new("reported_unit", "排放量單位", true, ColumnFormat.Text, "Mass unit of the reported emissions: kg or t (tCO2e)", "排放量之質量單位：kg 或 t（tCO2e）", "t"),
    ]);

    private static readonly string[] IgnoredSheets = ["README", "說明"];

    // Suffixes that name the gas after a mass unit: "kgCO2e", "t CO2e", "公噸CO2e".
    private static readonly string[] GasSuffixes = ["CO2e", "CO2-e", "CO2eq", "CO2-eq", "CO₂e", "CO₂-e"];

    /// <summary>Reads <paramref name="content"/> (its format told by <paramref name="fileName"/>'s extension: .csv or
    /// .xlsx). The stream need not be seekable; it is not disposed.</summary>
    public static Outcome<IReadOnlyList<PublishedRow>> Read(string fileName, Stream content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(content);
        var file = Path.GetFileName(fileName);
        var extension = Path.GetExtension(fileName);
        var problems = new List<Problem>();
        var rows = new List<PublishedRow>();
        if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            using var table = ImportTable.FromCsv(Template, file, reader);
            ReadTable(table, rows, problems);
        }
        else if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            using var workbook = new MemoryStream();
            content.CopyTo(workbook);
            workbook.Position = 0;
            var sheet = FirstSheet(file, workbook, problems);
            if (sheet is not null)
            {
                int reportedColumn;
                using (var table = ImportTable.FromSheet(Template, file, workbook, sheet))
                {
                    reportedColumn = ReadTable(table, rows, problems);
                }
                if (problems.Count == 0 && reportedColumn >= 0)
                {
                    ApplyDisplayedDecimals(workbook, sheet, reportedColumn, rows);
                }
            }
        }
        else
        {
            problems.Add(new Problem(new ProblemLocation(File: file), "not a .csv or .xlsx file", "不是 .csv 或 .xlsx 檔案"));
        }
        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new Problem(new ProblemLocation(File: file), "the table has no rows below its header", "表頭下方沒有任何資料列"));
        }
        return problems.Count > 0 ? Outcome<IReadOnlyList<PublishedRow>>.Failure(problems) : Outcome<IReadOnlyList<PublishedRow>>.Success(rows);
    }

    private static string? FirstSheet(string file, Stream workbook, List<Problem> problems)
    {
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(workbook);
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new Problem(new ProblemLocation(File: file), "not a readable .xlsx workbook: " + ex.Message, "無法讀取的 .xlsx 活頁簿：" + ex.Message));
            return null;
        }
        var sheet = sheets.FirstOrDefault(s => !IgnoredSheets.Contains(s.Trim(), StringComparer.OrdinalIgnoreCase));
        if (sheet is null)
        {
            problems.Add(new Problem(new ProblemLocation(File: file), "the workbook has no sheet besides README", "活頁簿除 README（說明）外沒有其他工作表"));
        }
        return sheet;
    }

    /// <summary>Reads every row; returns the header position of the reported column (-1 when the header is unusable).</summary>
    private static int ReadTable(ImportTable table, List<PublishedRow> rows, List<Problem> problems)
    {
        var columns = MapHeader(table, problems);
        if (columns is null)
        {
            return -1;
        }
        while (table.Read())
        {
            var before = problems.Count;
            string Cell(int c) => table.Text(columns[c].Index);
            ProblemLocation At(int c) => table.At(columns[c].Header);

            var label = Cell(0);
            if (label.Length == 0)
            {
                problems.Add(new Problem(At(0), "empty: every row needs a label (項目)", "空白：每一列都須填寫項目（label）"));
            }
            var quantity = Number(Cell(1), At(1), "quantity", "活動數據", problems, out _);
            var unit = ActivityUnit(Cell(2), At(2), problems);
            var factor = Number(Cell(3), At(3), "factor", "排放係數", problems, out _);
            var factorUnit = FactorUnit(Cell(4), At(4), problems);
            var reported = Number(Cell(5), At(5), "reported emissions", "公布之排放量", problems, out var decimals);
            var reportedUnit = MassUnit(Cell(6), At(6), problems, "reported unit", "排放量單位");
            if (unit is not null && factorUnit is { } fu && !unit.IsConvertibleTo(fu.PerUnit))
            {
                problems.Add(new Problem(At(2), $"activity unit '{unit.Code}' does not convert to the factor's per-unit '{fu.PerUnit.Code}'",
                    $"活動數據單位「{unit.Code}」無法換算為排放係數的活動單位「{fu.PerUnit.Code}」"));
            }
            if (problems.Count == before)
            {
                rows.Add(new PublishedRow(table.Row, label, new Quantity(quantity!.Value, unit!), factor!.Value, factorUnit!.Value.Mass,
                    factorUnit.Value.PerUnit, reported!.Value, decimals, reportedUnit!));
            }
        }
        return columns[5].Index;
    }

    /// <summary>A number cell of a workbook holds a binary double (59.28), not what the report shows (59.280): the
    /// decimals shown come from the cell's number format. Where a reported cell is a number with a fixed-decimals format
    /// ("0.000", "#,##0.00", built-in 2 and 4), those decimals replace the ones read from the value; "General" and text
    /// cells keep what was read.</summary>
    private static void ApplyDisplayedDecimals(Stream workbook, string sheetName, int column, List<PublishedRow> rows)
    {
        workbook.Position = 0;
        using var document = SpreadsheetDocument.Open(workbook, false);
        var part = document.WorkbookPart;
        var sheet = part?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault(s => s.Name?.Value == sheetName);
        if (part is null || sheet?.Id?.Value is not { } relationship || part.GetPartById(relationship) is not WorksheetPart worksheet)
        {
            return;
        }
        var formats = part.WorkbookStylesPart?.Stylesheet;
        var cellFormats = formats?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var custom = formats?.NumberingFormats?.Elements<NumberingFormat>()
            .Where(n => n.NumberFormatId?.Value is not null && n.FormatCode?.Value is not null)
            .ToDictionary(n => n.NumberFormatId!.Value, n => n.FormatCode!.Value!) ?? [];
        var letter = ColumnLetter(column);
        var byRow = rows.Select((r, i) => (r.Row, i)).ToDictionary(x => x.Row, x => x.i);
        foreach (var cell in worksheet.Worksheet.Descendants<Cell>())
        {
            var reference = cell.CellReference?.Value;
            if (reference is null || !reference.StartsWith(letter, StringComparison.Ordinal) || reference.Length == letter.Length
                || !char.IsAsciiDigit(reference[letter.Length])
                || !int.TryParse(reference.AsSpan(letter.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var rowNumber)
                || !byRow.TryGetValue(rowNumber, out var index))
            {
                continue;
            }
            var isNumber = cell.DataType is null || cell.DataType.Value == CellValues.Number;
            if (!isNumber || cell.StyleIndex?.Value is not { } style || style >= cellFormats.Count) { continue; }
            var formatId = cellFormats[(int)style].NumberFormatId?.Value ?? 0;
            int? shown = formatId switch
            {
                1 or 3 => 0,
                2 or 4 => 2,
                _ when custom.TryGetValue(formatId, out var code) => FixedDecimals(code),
                _ => null,
            };
            if (shown is { } d)
            {
                rows[index] = rows[index] with { ReportedDecimals = d };
            }
        }
    }

    /// <summary>Decimals a format code shows ("0.000" → 3, "#,##0" → 0); null for codes that are not plain fixed decimals
    /// (exponents, fractions, text, dates).</summary>
    private static int? FixedDecimals(string code)
    {
        var section = code.Split(';')[0];
        if (section.IndexOfAny(['E', 'e', '/', '@', 'y', 'm', 'd', 'h', 's', '?']) >= 0) { return null; }
        var dot = section.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) { return section.Contains('0', StringComparison.Ordinal) ? 0 : null; }
        var decimals = 0;
        for (var i = dot + 1; i < section.Length && section[i] is '0' or '#'; i++) { decimals++; }
        return decimals;
    }

    private static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }
        return letters;
    }

    /// <summary>Header position of each column (English name case-insensitive with ' ' or '_' alike, or the zh-TW
    /// name); null when a column is missing or repeated, each reported at row 1.</summary>
    private static (int Index, string Header)[]? MapHeader(ImportTable table, List<Problem> problems)
    {
        var map = new (int Index, string Header)[Template.Columns.Count];
        Array.Fill(map, (-1, ""));
        var ok = true;
        for (var i = 0; i < table.Header.Count; i++)
        {
            var h = table.Header[i];
            var key = h.Replace(' ', '_');
            var c = -1;
            for (var j = 0; j < Template.Columns.Count; j++)
            {
                if (string.Equals(Template.Columns[j].Name, key, StringComparison.OrdinalIgnoreCase) || string.Equals(Template.Columns[j].NameZh, h, StringComparison.Ordinal))
                {
                    c = j;
                    break;
                }
            }
            if (c < 0)
            {
                continue;
            }
            if (map[c].Index >= 0)
            {
                problems.Add(new Problem(new ProblemLocation(table.File, table.Sheet, 1, h), $"column {Template.Columns[c].Name} appears twice",
                    $"欄位 {Template.Columns[c].Name}（{Template.Columns[c].NameZh}）重複出現"));
                ok = false;
            }
            else
            {
                map[c] = (i, h);
            }
        }
        for (var j = 0; j < map.Length; j++)
        {
            if (map[j].Index < 0)
            {
                var col = Template.Columns[j];
                problems.Add(new Problem(new ProblemLocation(table.File, table.Sheet, 1, col.Name), $"missing column {col.Name} ({col.NameZh})",
                    $"缺少欄位 {col.Name}（{col.NameZh}）"));
                ok = false;
            }
        }
        return ok ? map : null;
    }

    /// <summary>A non-negative number with '.' as decimal point; thousands separators are accepted only in groups of
    /// three ("1,234.5"), as reports print them. <paramref name="decimals"/> is the number of decimals as printed.</summary>
    private static decimal? Number(string text, ProblemLocation at, string what, string whatZhTw, List<Problem> problems, out int decimals)
    {
        decimals = 0;
        if (text.Length == 0)
        {
            problems.Add(new Problem(at, $"empty: {what} is required", $"空白：{whatZhTw}為必填"));
            return null;
        }
        var plain = IsGroupedThousands(text) ? text.Replace(",", "", StringComparison.Ordinal) : text;
        if (!ValueParsers.TryParseNumber(plain, out var value))
        {
            problems.Add(new Problem(at, $"'{text}' is not a number (use '.' as decimal point)", $"「{text}」不是數字（小數點請用「.」）"));
            return null;
        }
        if (value < 0m)
        {
            problems.Add(new Problem(at, $"{what} cannot be negative ({text})", $"{whatZhTw}不得為負數（{text}）"));
            return null;
        }
        // "1.5E-05" (how a spreadsheet returns small numbers): the decimals are those of the value itself.
        decimals = plain.Contains('E', StringComparison.OrdinalIgnoreCase)
            ? (value / 1.000000000000000000000000000000000m).Scale
            : RecomputationCheck.PrintedDecimals(plain);
        return value;
    }

    private static bool IsGroupedThousands(string text)
    {
        if (!text.Contains(',', StringComparison.Ordinal))
        {
            return false;
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var integer = dot < 0 ? text : text[..dot];
        var groups = integer.Split(',');
        return groups[0].Length is >= 1 and <= 3 && groups[0].All(char.IsAsciiDigit)
            && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit));
    }

    private static Unit? ActivityUnit(string text, ProblemLocation at, List<Problem> problems)
    {
        if (text.Length == 0)
        {
            problems.Add(new Problem(at, "empty: unit is required", "空白：單位為必填"));
            return null;
        }
        if (!UnitCatalog.TryParse(text, out var unit))
        {
            problems.Add(new Problem(at, $"unknown unit '{text}'", $"未知的單位「{text}」"));
            return null;
        }
        return unit;
    }

    private static Unit? MassUnit(string text, ProblemLocation at, List<Problem> problems, string what, string whatZhTw)
    {
        var trimmed = StripGas(text);
        if (trimmed.Length == 0)
        {
            problems.Add(new Problem(at, $"empty: {what} is required (kg or t)", $"空白：{whatZhTw}為必填（kg 或 t）"));
            return null;
        }
        if (!UnitCatalog.TryParse(trimmed, out var unit) || unit.Dimension != Dimension.Mass)
        {
            problems.Add(new Problem(at, $"'{text}' is not a mass unit (kg, t, kgCO2e, tCO2e)", $"「{text}」不是質量單位（kg、t、kgCO2e、tCO2e）"));
            return null;
        }
        return unit;
    }

    /// <summary>"kgCO2e/kWh", "tCO2e/kL", "kg CO2e / 度": a mass unit (the gas name optional) over an activity unit.</summary>
    private static (Unit Mass, Unit PerUnit)? FactorUnit(string text, ProblemLocation at, List<Problem> problems)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            problems.Add(text.Length == 0
                ? new Problem(at, "empty: factor unit is required (e.g. kgCO2e/kWh)", "空白：係數單位為必填（例如 kgCO2e/kWh）")
                : new Problem(at, $"'{text}' is not a factor unit: write mass/activity unit, e.g. kgCO2e/kWh or tCO2e/kL",
                    $"「{text}」不是係數單位：請寫成 質量/活動單位，例如 kgCO2e/kWh 或 tCO2e/kL"));
            return null;
        }
        var massText = StripGas(text[..slash]);
        var perText = text[(slash + 1)..].Trim();
        var ok = true;
        if (!UnitCatalog.TryParse(massText, out var mass) || mass.Dimension != Dimension.Mass)
        {
            problems.Add(new Problem(at, $"'{text}': '{text[..slash].Trim()}' is not a mass of CO2e (kgCO2e, tCO2e)",
                $"「{text}」：「{text[..slash].Trim()}」不是 CO2e 質量單位（kgCO2e、tCO2e）"));
            ok = false;
        }
        if (!UnitCatalog.TryParse(perText, out var per))
        {
            problems.Add(new Problem(at, $"'{text}': unknown activity unit '{perText}'", $"「{text}」：未知的活動單位「{perText}」"));
            ok = false;
        }
        return ok ? (mass, per) : null;
    }

    private static string StripGas(string text)
    {
        var t = text.Trim();
        foreach (var suffix in GasSuffixes)
        {
            if (t.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return t[..^suffix.Length].Trim();
            }
        }
        return t;
    }
}
