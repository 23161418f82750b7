using System.Globalization;
using CarbonLedger.Common;
using CarbonLedger.Portfolio;
using MathNet.Numerics.LinearAlgebra;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CarbonLedger.Import.Portfolio;

/// <summary>A rectangular table read from a CSV file or an xlsx sheet, rows numbered as a spreadsheet shows them
/// (header = row 1).</summary>
public sealed record PortfolioTable(string File, string? Sheet, IReadOnlyList<string> Header, IReadOnlyList<(int Row, IReadOnlyList<string> Cells)> Rows)
{
    public int Column(string name) => Header.ToList().FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));

    public ProblemLocation At(int row, string? column) => new(File, Sheet, row, column);

    public static PortfolioTable FromCsv(string file, TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var csv = CsvDataReader.Create(reader);
        var header = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToList();
        var rows = new List<(int, IReadOnlyList<string>)>();
        var line = 1;
        while (csv.Read())
        {
            line++;
            rows.Add((line, Enumerable.Range(0, csv.RowFieldCount).Select(csv.GetString).ToList()));
        }
        return new PortfolioTable(file, null, header, rows);
    }

    public static PortfolioTable FromCsvFile(string path)
    {
        using var reader = new StreamReader(path);
        return FromCsv(Path.GetFileName(path), reader);
    }

    /// <summary>A sheet as MiniExcel reads it without a header row (<c>useHeaderRow: false</c>): one dictionary per
    /// spreadsheet row from row 1, keyed by column letter, empty rows included so the index is the row number.</summary>
    public static PortfolioTable FromSheet(string file, string sheet, IEnumerable<IDictionary<string, object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        IReadOnlyList<string>? header = null;
        var body = new List<(int, IReadOnlyList<string>)>();
        var r = 0;
        foreach (var row in rows)
        {
            r++;
            var cells = row.Values.Select(CellText).ToList();
            if (header is null)
            {
                if (cells.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }
                var width = cells.FindLastIndex(c => !string.IsNullOrWhiteSpace(c)) + 1;
                header = cells.Take(width).ToList();
                continue;
            }
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            body.Add((r, cells.Take(header.Count).ToList()));
        }
        return new PortfolioTable(file, sheet, header ?? [], body);
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Loads a portfolio dataset (SPEC §7 inputs) from CSV files in a folder or the sheets of one .xlsx workbook,
/// validating every value and reporting every problem with file, sheet, row, column and reason in one pass; bad data
/// never throws. Tables (file <c>NAME.csv</c> or sheet <c>NAME</c>):
/// <list type="bullet">
/// <item><c>constituents</c>: company, weight_pct (or weight as a fraction), [sector] — required.</item>
/// <item><c>emissions</c>: company, year, scope12_t, [intensity] — required; long format, one row per company-year.</item>
/// <item><c>targets</c>: company, kind (absolute|intensity), base_year, [base_value], reduction_pct, target_year.</item>
/// <item><c>companies</c>: company, [sector], [temperature_c], [revenue_forecast_year, revenue_forecast].</item>
/// <item><c>exposures</c> (company, factor columns), <c>factor_covariance</c> (factor, factor columns),
/// <c>specific_variance</c> (company, variance): the risk model, all three or none.</item>
/// </list></summary>
public static class PortfolioDatasetLoader
{
    public static readonly string[] TableNames = ["constituents", "emissions", "targets", "companies", "exposures", "factor_covariance", "specific_variance"];

    public static Outcome<PortfolioDataset> LoadDirectory(string directory, decimal weightTolerance = PortfolioValidation.DefaultWeightTolerance)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            return Outcome<PortfolioDataset>.Failure(new Problem(new ProblemLocation(File: directory), "folder not found", "找不到資料夾"));
        }
        var tables = new Dictionary<string, PortfolioTable>(StringComparer.Ordinal);
        foreach (var name in TableNames)
        {
            var path = Path.Combine(directory, name + ".csv");
            if (File.Exists(path))
            {
                tables[name] = PortfolioTable.FromCsvFile(path);
            }
        }
        return Load(tables, directory, weightTolerance);
    }

    public static Outcome<PortfolioDataset> LoadWorkbook(string path, decimal weightTolerance = PortfolioValidation.DefaultWeightTolerance)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Outcome<PortfolioDataset>.Failure(new Problem(new ProblemLocation(File: path), "file not found", "找不到檔案"));
        }
        using var stream = File.OpenRead(path);
        return LoadWorkbook(stream, Path.GetFileName(path), weightTolerance);
    }

    /// <summary>A workbook already open (an upload); <paramref name="file"/> names it in problems.</summary>
    public static Outcome<PortfolioDataset> LoadWorkbook(Stream stream, string file, decimal weightTolerance = PortfolioValidation.DefaultWeightTolerance)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var tables = new Dictionary<string, PortfolioTable>(StringComparer.Ordinal);
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(stream);
        }
        catch (InvalidDataException ex)
        {
            // Not a zip package: a renamed CSV, a corrupt download. Bad input is a problem, not a crash.
            return Outcome<PortfolioDataset>.Failure(new Problem(new ProblemLocation(File: file), "not a readable .xlsx workbook: " + ex.Message, "不是可讀取的 .xlsx 活頁簿：" + ex.Message));
        }
        foreach (var name in TableNames)
        {
            if (sheets.Contains(name, StringComparer.Ordinal))
            {
                stream.Position = 0;
                var rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: name, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>();
                tables[name] = PortfolioTable.FromSheet(file, name, rows);
            }
        }
        return Load(tables, file, weightTolerance);
    }

    /// <summary>A folder of CSV tables, or an .xlsx workbook when the path ends in .xlsx.</summary>
    public static Outcome<PortfolioDataset> LoadPath(string path, decimal weightTolerance = PortfolioValidation.DefaultWeightTolerance)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? LoadWorkbook(path, weightTolerance) : LoadDirectory(path, weightTolerance);
    }

    /// <summary>Where table <paramref name="table"/> of the dataset at <paramref name="source"/> (a folder or an .xlsx
    /// workbook) is, for problems found after loading.</summary>
    public static ProblemLocation TableLocation(string source, string table, string? column = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? new ProblemLocation(Path.GetFileName(source), table, null, column)
            : new ProblemLocation(table + ".csv", null, null, column);
    }

    /// <summary>The actual emissions of every constituent in <paramref name="year"/> (the back-test's actuals, from the
    /// emissions table); a constituent without one is a problem naming the table, column and company.</summary>
    public static Outcome<IReadOnlyDictionary<string, decimal>> Actuals(PortfolioDataset dataset, int year, string source)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var actuals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var problems = new List<Problem>();
        foreach (var c in dataset.Constituents)
        {
            if (dataset.Companies.TryGetValue(c.Company, out var p) && p.Scope12Tonnes.TryGetValue(year, out var t))
            {
                actuals[c.Company] = t;
            }
            else
            {
                problems.Add(new Problem(TableLocation(source, "emissions", "scope12_t"),
                    string.Create(CultureInfo.InvariantCulture, $"constituent '{c.Company}' has no actual {year} emissions to compare the forecast with"),
                    string.Create(CultureInfo.InvariantCulture, $"成分股「{c.Company}」沒有 {year} 年實際排放量可與預測比較")));
            }
        }
        return problems.Count > 0 ? Outcome<IReadOnlyDictionary<string, decimal>>.Failure(problems) : Outcome<IReadOnlyDictionary<string, decimal>>.Success(actuals);
    }

    /// <summary>Parses and cross-validates the tables.</summary>
    public static Outcome<PortfolioDataset> Load(IReadOnlyDictionary<string, PortfolioTable> tables, string source, decimal weightTolerance = PortfolioValidation.DefaultWeightTolerance)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var problems = new List<Problem>();
        var constituents = new List<BenchmarkConstituent>();
        var constituentRow = new Dictionary<string, int>(StringComparer.Ordinal);
        if (!tables.TryGetValue("constituents", out var ct))
        {
            problems.Add(new Problem(new ProblemLocation(File: source), "missing table 'constituents'", "缺少「constituents」表"));
        }
        else
        {
            var reader = new Reader(ct, problems);
            var pct = ct.Column("weight_pct") >= 0;
            if (reader.Require("company") && (pct ? reader.Require("weight_pct") : reader.Require("weight")))
            {
                foreach (var (row, cells) in ct.Rows)
                {
                    var company = reader.Text(row, cells, "company");
                    var weight = reader.Decimal(row, cells, pct ? "weight_pct" : "weight", min: 0m);
                    var sector = reader.Optional(cells, "sector");
                    if (company is null || weight is null)
                    {
                        continue;
                    }
                    if (!constituentRow.TryAdd(company, row))
                    {
                        problems.Add(new Problem(ct.At(row, "company"), $"company '{company}' appears more than once", $"公司「{company}」重複出現"));
                        continue;
                    }
                    constituents.Add(new BenchmarkConstituent(company, pct ? weight.Value / 100m : weight.Value, sector));
                }
                var sum = constituents.Sum(c => c.Weight);
                if (constituents.Count > 0 && Math.Abs(sum - 1m) > weightTolerance)
                {
                    problems.Add(new Problem(new ProblemLocation(ct.File, ct.Sheet, null, pct ? "weight_pct" : "weight"),
                        string.Create(CultureInfo.InvariantCulture, $"weights sum to {(pct ? sum * 100m : sum):0.######}{(pct ? " %" : "")}, not {(pct ? "100 %" : "1")} (tolerance {weightTolerance})"),
                        string.Create(CultureInfo.InvariantCulture, $"權重合計 {(pct ? sum * 100m : sum):0.######}{(pct ? " %" : "")}，不等於 {(pct ? "100 %" : "1")}（容許誤差 {weightTolerance}）")));
                }
            }
        }

        var emissions = new Dictionary<string, Dictionary<int, decimal>>(StringComparer.Ordinal);
        var intensity = new Dictionary<string, Dictionary<int, decimal>>(StringComparer.Ordinal);
        if (!tables.TryGetValue("emissions", out var et))
        {
            problems.Add(new Problem(new ProblemLocation(File: source), "missing table 'emissions'", "缺少「emissions」表"));
        }
        else
        {
            var reader = new Reader(et, problems);
            if (reader.Require("company") && reader.Require("year") && reader.Require("scope12_t"))
            {
                var hasIntensity = et.Column("intensity") >= 0;
                foreach (var (row, cells) in et.Rows)
                {
                    var company = reader.Text(row, cells, "company");
                    var year = reader.Year(row, cells, "year");
                    var tonnes = reader.Decimal(row, cells, "scope12_t", min: 0m, reason: "emissions must not be negative", reasonZhTw: "排放量不得為負");
                    decimal? inten = hasIntensity && !string.IsNullOrWhiteSpace(reader.Optional(cells, "intensity")) ? reader.Decimal(row, cells, "intensity", min: 0m) : null;
                    if (company is null || year is null || tonnes is null)
                    {
                        continue;
                    }
                    var series = Series(emissions, company);
                    if (!series.TryAdd(year.Value, tonnes.Value))
                    {
                        problems.Add(new Problem(et.At(row, "year"), string.Create(CultureInfo.InvariantCulture, $"a second value for '{company}' in {year}"), string.Create(CultureInfo.InvariantCulture, $"「{company}」在 {year} 年有第二個值")));
                    }
                    if (inten is { } i)
                    {
                        Series(intensity, company)[year.Value] = i;
                    }
                }
            }
            foreach (var c in constituents)
            {
                if (!emissions.ContainsKey(c.Company))
                {
                    problems.Add(new Problem(new ProblemLocation(et.File, et.Sheet, null, "company"),
                        $"constituent '{c.Company}' (constituents row {constituentRow[c.Company]}) has no emissions",
                        $"成分股「{c.Company}」（constituents 第 {constituentRow[c.Company]} 列）沒有排放資料"));
                }
            }
        }

        var targets = new Dictionary<string, EmissionTarget>(StringComparer.Ordinal);
        if (tables.TryGetValue("targets", out var tt))
        {
            var reader = new Reader(tt, problems);
            if (reader.Require("company") && reader.Require("kind") && reader.Require("base_year") && reader.Require("reduction_pct") && reader.Require("target_year"))
            {
                foreach (var (row, cells) in tt.Rows)
                {
                    var company = reader.Text(row, cells, "company");
                    var kindText = reader.Text(row, cells, "kind");
                    TargetKind? kind = kindText?.ToUpperInvariant() switch
                    {
                        "ABSOLUTE" => TargetKind.Absolute,
                        "INTENSITY" => TargetKind.Intensity,
                        null => null,
                        _ => null,
                    };
                    if (kindText is not null && kind is null)
                    {
                        problems.Add(new Problem(tt.At(row, "kind"), $"'{kindText}' is not 'absolute' or 'intensity'", $"「{kindText}」不是「absolute」或「intensity」"));
                    }
                    var baseYear = reader.Year(row, cells, "base_year");
                    var targetYear = reader.Year(row, cells, "target_year");
                    var reduction = reader.Decimal(row, cells, "reduction_pct", min: 0m, max: 100m);
                    decimal? baseValue = string.IsNullOrWhiteSpace(reader.Optional(cells, "base_value")) ? null : reader.Decimal(row, cells, "base_value", min: 0m);
                    if (baseYear is { } by && targetYear is { } ty && ty <= by)
                    {
                        problems.Add(new Problem(tt.At(row, "target_year"), string.Create(CultureInfo.InvariantCulture, $"target year {ty} is not after the base year {by}"), string.Create(CultureInfo.InvariantCulture, $"目標年 {ty} 未晚於基準年 {by}")));
                        continue;
                    }
                    if (company is null || kind is null || baseYear is null || targetYear is null || reduction is null)
                    {
                        continue;
                    }
                    targets[company] = new EmissionTarget(kind.Value, baseYear.Value, baseValue, reduction.Value / 100m, targetYear.Value);
                }
            }
        }

        var sectors = constituents.Where(c => c.Sector is not null).ToDictionary(c => c.Company, c => c.Sector, StringComparer.Ordinal);
        var temperatures = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var revenue = new Dictionary<string, Dictionary<int, decimal>>(StringComparer.Ordinal);
        if (tables.TryGetValue("companies", out var cot))
        {
            var reader = new Reader(cot, problems);
            if (reader.Require("company"))
            {
                foreach (var (row, cells) in cot.Rows)
                {
                    var company = reader.Text(row, cells, "company");
                    if (company is null)
                    {
                        continue;
                    }
                    if (reader.Optional(cells, "sector") is { Length: > 0 } s)
                    {
                        sectors[company] = s;
                    }
                    if (!string.IsNullOrWhiteSpace(reader.Optional(cells, "temperature_c")) && reader.Decimal(row, cells, "temperature_c", min: 0.5m, max: 10m) is { } t)
                    {
                        temperatures[company] = t;
                    }
                    if (!string.IsNullOrWhiteSpace(reader.Optional(cells, "revenue_forecast")))
                    {
                        var year = reader.Year(row, cells, "revenue_forecast_year");
                        var value = reader.Decimal(row, cells, "revenue_forecast", min: 0m, reason: "revenue must be positive", exclusiveMin: true, reasonZhTw: "營收須為正數");
                        if (year is not null && value is not null)
                        {
                            Series(revenue, company)[year.Value] = value.Value;
                        }
                    }
                }
            }
        }

        var risk = LoadRisk(tables, constituents, problems, source);
        if (problems.Count > 0)
        {
            return Outcome<PortfolioDataset>.Failure(problems);
        }
        var companies = new Dictionary<string, CompanyClimateProfile>(StringComparer.Ordinal);
        foreach (var name in emissions.Keys.Union(constituents.Select(c => c.Company)))
        {
            companies[name] = new CompanyClimateProfile(name, sectors.GetValueOrDefault(name),
                emissions.GetValueOrDefault(name) ?? [], intensity.GetValueOrDefault(name) ?? [], revenue.GetValueOrDefault(name) ?? [],
                targets.GetValueOrDefault(name), temperatures.TryGetValue(name, out var t) ? t : null);
        }
        return Outcome<PortfolioDataset>.Success(new PortfolioDataset(constituents, companies, risk));
    }

    private static FactorRiskModel? LoadRisk(IReadOnlyDictionary<string, PortfolioTable> tables, List<BenchmarkConstituent> constituents, List<Problem> problems, string source)
    {
        var present = new[] { "exposures", "factor_covariance", "specific_variance" }.Where(tables.ContainsKey).ToList();
        if (present.Count == 0)
        {
            return null;
        }
        if (present.Count < 3)
        {
            problems.Add(new Problem(new ProblemLocation(File: source), "the risk model needs all of exposures, factor_covariance and specific_variance; found " + string.Join(", ", present),
                "風險模型需要 exposures、factor_covariance 與 specific_variance 三者；只找到 " + string.Join("、", present)));
            return null;
        }
        var before = problems.Count;
        var ex = tables["exposures"];
        var factors = ex.Header.Skip(1).ToList();
        var k = factors.Count;
        var index = constituents.Select((c, i) => (c.Company, i)).ToDictionary(p => p.Company, p => p.i, StringComparer.Ordinal);
        var n = constituents.Count;
        var b = Matrix<double>.Build.Dense(n, k);
        var seenB = new bool[n];
        var exReader = new Reader(ex, problems);
        foreach (var (row, cells) in ex.Rows)
        {
            var company = exReader.Text(row, cells, ex.Header[0]);
            if (company is null)
            {
                continue;
            }
            if (!index.TryGetValue(company, out var i))
            {
                problems.Add(new Problem(ex.At(row, ex.Header[0]), $"'{company}' is not a constituent", $"「{company}」不是成分股"));
                continue;
            }
            seenB[i] = true;
            for (var j = 0; j < k; j++)
            {
                if (exReader.Double(row, cells, factors[j]) is { } v)
                {
                    b[i, j] = v;
                }
            }
        }
        var fc = tables["factor_covariance"];
        var omega = Matrix<double>.Build.Dense(k, k);
        var fcReader = new Reader(fc, problems);
        if (fc.Header.Count - 1 != k || fc.Rows.Count != k)
        {
            problems.Add(new Problem(new ProblemLocation(fc.File, fc.Sheet), string.Create(CultureInfo.InvariantCulture, $"factor covariance must be {k} × {k} (the exposures' factors)"),
                string.Create(CultureInfo.InvariantCulture, $"因子共變異數須為 {k} × {k}（與 exposures 的因子相同）")));
        }
        else
        {
            for (var r = 0; r < k; r++)
            {
                var (row, cells) = fc.Rows[r];
                for (var j = 0; j < k; j++)
                {
                    if (fcReader.Double(row, cells, fc.Header[j + 1]) is { } v)
                    {
                        omega[r, j] = v;
                    }
                }
            }
        }
        var sv = tables["specific_variance"];
        var delta = Vector<double>.Build.Dense(n);
        var seenD = new bool[n];
        var svReader = new Reader(sv, problems);
        if (svReader.Require("company") && svReader.Require("variance"))
        {
            foreach (var (row, cells) in sv.Rows)
            {
                var company = svReader.Text(row, cells, "company");
                var v = svReader.Double(row, cells, "variance", positive: true);
                if (company is null || v is null)
                {
                    continue;
                }
                if (!index.TryGetValue(company, out var i))
                {
                    problems.Add(new Problem(sv.At(row, "company"), $"'{company}' is not a constituent", $"「{company}」不是成分股"));
                    continue;
                }
                seenD[i] = true;
                delta[i] = v.Value;
            }
        }
        for (var i = 0; i < n; i++)
        {
            if (!seenB[i])
            {
                problems.Add(new Problem(new ProblemLocation(ex.File, ex.Sheet), $"no exposures for constituent '{constituents[i].Company}'", $"成分股「{constituents[i].Company}」沒有因子曝險"));
            }
            if (!seenD[i])
            {
                problems.Add(new Problem(new ProblemLocation(sv.File, sv.Sheet), $"no specific variance for constituent '{constituents[i].Company}'", $"成分股「{constituents[i].Company}」沒有個別變異數"));
            }
        }
        if (problems.Count > before)
        {
            return null;
        }
        var model = FactorRiskModel.Create([.. constituents.Select(c => c.Company)], b, omega, delta);
        if (!model.Succeeded)
        {
            problems.AddRange(model.Problems.Select(p => p with { Location = new ProblemLocation(File: source, Field: p.Location.Field) }));
            return null;
        }
        return model.Value;
    }

    private static Dictionary<int, decimal> Series(Dictionary<string, Dictionary<int, decimal>> map, string company)
    {
        if (!map.TryGetValue(company, out var s))
        {
            s = [];
            map[company] = s;
        }
        return s;
    }

    /// <summary>Cell parsing that records a located problem instead of throwing.</summary>
    private sealed class Reader(PortfolioTable table, List<Problem> problems)
    {
        public bool Require(string column)
        {
            if (table.Column(column) >= 0)
            {
                return true;
            }
            problems.Add(new Problem(new ProblemLocation(table.File, table.Sheet, 1, column), "required column is missing", "缺少必要欄位"));
            return false;
        }

        public string? Optional(IReadOnlyList<string> cells, string column)
        {
            var i = table.Column(column);
            return i >= 0 && i < cells.Count ? cells[i].Trim() : null;
        }

        public string? Text(int row, IReadOnlyList<string> cells, string column)
        {
            var s = Optional(cells, column);
            if (string.IsNullOrWhiteSpace(s))
            {
                problems.Add(new Problem(table.At(row, column), "value is empty", "數值空白"));
                return null;
            }
            return s;
        }

        public decimal? Decimal(int row, IReadOnlyList<string> cells, string column, decimal? min = null, decimal? max = null, string? reason = null, bool exclusiveMin = false, string? reasonZhTw = null)
        {
            var s = Text(row, cells, column);
            if (s is null)
            {
                return null;
            }
            if (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            {
                problems.Add(new Problem(table.At(row, column), $"'{s}' is not a number", $"「{s}」不是數字"));
                return null;
            }
            if ((min is { } lo && (exclusiveMin ? v <= lo : v < lo)) || (max is { } hi && v > hi))
            {
                var low = min?.ToString(CultureInfo.InvariantCulture) ?? "−∞";
                var high = max?.ToString(CultureInfo.InvariantCulture) ?? "∞";
                problems.Add(new Problem(table.At(row, column), reason ?? string.Create(CultureInfo.InvariantCulture, $"{v} is outside [{low}, {high}]"),
                    reasonZhTw ?? string.Create(CultureInfo.InvariantCulture, $"{v} 超出 [{low}, {high}]")));
                return null;
            }
            return v;
        }

        public double? Double(int row, IReadOnlyList<string> cells, string column, bool positive = false)
        {
            var s = Text(row, cells, column);
            if (s is null)
            {
                return null;
            }
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
            {
                problems.Add(new Problem(table.At(row, column), $"'{s}' is not a number", $"「{s}」不是數字"));
                return null;
            }
            if (positive && v <= 0)
            {
                problems.Add(new Problem(table.At(row, column), "must be positive", "須為正數"));
                return null;
            }
            return v;
        }

        public int? Year(int row, IReadOnlyList<string> cells, string column)
        {
            var s = Text(row, cells, column);
            if (s is null)
            {
                return null;
            }
            if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2100)
            {
                problems.Add(new Problem(table.At(row, column), $"'{s}' is not a year", $"「{s}」不是年份"));
                return null;
            }
            return y;
        }
    }
}

/// <summary>A return history as loaded from a returns table (<c>date</c> + one column per ticker, one row per period,
/// dates ascending, simple returns as fractions): the input of <see cref="RiskModelEstimator"/>.</summary>
public sealed record ReturnHistory(string File, string? Sheet, IReadOnlyList<string> Tickers, IReadOnlyList<DateOnly> Dates, Matrix<double> Returns)
{
    public int Periods => Dates.Count;

    /// <summary>The columns of <paramref name="names"/> in that order (a benchmark's constituents); a name without a
    /// column is a problem at the header row. Extra columns are ignored.</summary>
    public Outcome<Matrix<double>> For(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var index = Tickers.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
        var problems = new List<Problem>();
        foreach (var name in names.Where(n => !index.ContainsKey(n)))
        {
            problems.Add(new Problem(new ProblemLocation(File, Sheet, 1, name), $"no return column for constituent '{name}'", $"成分股「{name}」沒有報酬欄"));
        }
        if (problems.Count > 0)
        {
            return Outcome<Matrix<double>>.Failure(problems);
        }
        return Outcome<Matrix<double>>.Success(Matrix<double>.Build.Dense(Periods, names.Count, (t, j) => Returns[t, index[names[j]]]));
    }

    /// <summary>Estimates the factor model of <paramref name="names"/> (<see cref="RiskModelEstimator.FromReturns"/>); the
    /// estimator's problems are reported at this file.</summary>
    public Outcome<FactorRiskModel> Estimate(IReadOnlyList<string> names, int factors, double periodsPerYear)
    {
        var columns = For(names);
        if (!columns.Succeeded)
        {
            return Outcome<FactorRiskModel>.Failure(columns.Problems);
        }
        var model = RiskModelEstimator.FromReturns(names, columns.Value, factors, periodsPerYear);
        return model.Succeeded ? model
            : Outcome<FactorRiskModel>.Failure([.. model.Problems.Select(p => p with { Location = new ProblemLocation(File, Sheet, Field: p.Location.Field) })]);
    }
}

/// <summary>Loads a return history (issue 6 item 4: the risk model estimated from returns instead of supplied B, Ω, Δ).
/// Validated in one pass, every problem with file, row and column: a <c>date</c> column first (yyyy-MM-dd or yyyy-MM),
/// dates strictly ascending with no missing period (checked for 1, 4, 12 and 52 periods a year; daily trading calendars
/// have holidays and are not checked), every cell a finite number (an empty cell is a gap), distinct tickers, and at
/// least <see cref="RiskModelEstimator.MinimumPeriods"/> periods for the factor count asked for.</summary>
public static class ReturnHistoryLoader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy/MM/dd", "yyyy/MM"];

    public static Outcome<ReturnHistory> LoadCsv(string path, int factors, double periodsPerYear = 12)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            return Outcome<ReturnHistory>.Failure(new Problem(new ProblemLocation(File: path), "file not found", "找不到檔案"));
        }
        return Parse(PortfolioTable.FromCsvFile(path), factors, periodsPerYear);
    }

    public static Outcome<ReturnHistory> Parse(PortfolioTable table, int factors, double periodsPerYear = 12)
    {
        ArgumentNullException.ThrowIfNull(table);
        var problems = new List<Problem>();
        if (table.Header.Count == 0 || !string.Equals(table.Header[0].Trim(), "date", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new Problem(table.At(1, table.Header.Count > 0 ? table.Header[0] : "date"), "the first column must be 'date'", "第一欄須為「date」"));
        }
        var tickers = table.Header.Skip(1).Select(h => h.Trim()).ToList();
        if (tickers.Count < 2)
        {
            problems.Add(new Problem(new ProblemLocation(table.File, table.Sheet, 1), "need a return column for at least two tickers", "至少需要兩檔標的的報酬欄"));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tickers)
        {
            if (t.Length == 0)
            {
                problems.Add(new Problem(new ProblemLocation(table.File, table.Sheet, 1), "a ticker column has no name", "有一欄沒有標的名稱"));
            }
            else if (!seen.Add(t))
            {
                problems.Add(new Problem(table.At(1, t), $"ticker '{t}' appears more than once", $"標的「{t}」重複出現"));
            }
        }
        if (periodsPerYear is not (> 0 and <= 366))
        {
            problems.Add(Problem.AtField("periodsPerYear", Inv($"{periodsPerYear} must be in (0, 366]"), Inv($"{periodsPerYear} 須介於 (0, 366]")));
        }
        if (problems.Count > 0)
        {
            return Outcome<ReturnHistory>.Failure(problems);
        }
        var dates = new List<DateOnly>();
        var values = new double[table.Rows.Count, tickers.Count];
        DateOnly? previous = null;
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var (row, cells) = table.Rows[r];
            var dateText = cells.Count > 0 ? cells[0].Trim() : "";
            if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add(new Problem(table.At(row, table.Header[0]), $"'{dateText}' is not a date (yyyy-MM-dd or yyyy-MM)", $"「{dateText}」不是日期（yyyy-MM-dd 或 yyyy-MM）"));
                previous = null;
            }
            else
            {
                if (previous is { } p)
                {
                    if (date <= p)
                    {
                        problems.Add(new Problem(table.At(row, table.Header[0]), Inv($"{date:yyyy-MM-dd} is not after the previous row's {p:yyyy-MM-dd}"), Inv($"{date:yyyy-MM-dd} 未晚於上一列的 {p:yyyy-MM-dd}")));
                    }
                    else if (Gap(p, date, periodsPerYear) is { } expected)
                    {
                        problems.Add(new Problem(table.At(row, table.Header[0]), Inv($"a gap: {p:yyyy-MM-dd} → {date:yyyy-MM-dd}, expected the next period {expected}"),
                            Inv($"期間有缺漏：{p:yyyy-MM-dd} → {date:yyyy-MM-dd}，下一期應為 {expected}")));
                    }
                }
                previous = date;
                dates.Add(date);
            }
            for (var j = 0; j < tickers.Count; j++)
            {
                var text = j + 1 < cells.Count ? cells[j + 1].Trim() : "";
                if (text.Length == 0)
                {
                    problems.Add(new Problem(table.At(row, tickers[j]), "value is empty (a gap in the history)", "數值空白（報酬序列有缺漏）"));
                }
                else if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                {
                    problems.Add(new Problem(table.At(row, tickers[j]), $"'{text}' is not a number", $"「{text}」不是數字"));
                }
                else
                {
                    values[r, j] = v;
                }
            }
        }
        var needed = RiskModelEstimator.MinimumPeriods(Math.Max(factors, 1));
        if (table.Rows.Count < needed)
        {
            problems.Add(new Problem(new ProblemLocation(table.File, table.Sheet),
                Inv($"{table.Rows.Count} periods; a {Math.Max(factors, 1)}-factor model needs at least {needed}"),
                Inv($"僅 {table.Rows.Count} 期；{Math.Max(factors, 1)} 因子模型至少需要 {needed} 期")));
        }
        if (problems.Count > 0)
        {
            return Outcome<ReturnHistory>.Failure(problems);
        }
        return Outcome<ReturnHistory>.Success(new ReturnHistory(table.File, table.Sheet, tickers, dates, Matrix<double>.Build.DenseOfArray(values)));
    }

    /// <summary>The expected next date when <paramref name="next"/> skips a period, else null.</summary>
    private static string? Gap(DateOnly previous, DateOnly next, double periodsPerYear)
    {
        if (periodsPerYear is 1 or 4 or 12)
        {
            var step = (int)(12 / periodsPerYear);
            var months = ((next.Year - previous.Year) * 12) + next.Month - previous.Month;
            return months > step ? previous.AddMonths(step).ToString("yyyy-MM", CultureInfo.InvariantCulture) : null;
        }
        if (periodsPerYear is 52)
        {
            return next.DayNumber - previous.DayNumber > 7 ? previous.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        }
        return null;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
