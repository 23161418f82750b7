using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Units;
using MiniExcelLibs;
using NodaTime;

namespace CarbonLedger.Import;

/// <summary>Imports the inventory templates (<see cref="ImportTemplates"/>) from CSV files and .xlsx workbooks into a
/// <see cref="ChangeSet"/>. Every bad value is reported with file, sheet, row, column and reason, all in one pass; when
/// any problem is found nothing is returned (the import is all-or-nothing). Ids are deterministic from the organization
/// and natural keys (<see cref="DeterministicGuid"/>), so importing the same files again yields the same ids. Nothing
/// here writes to a database.</summary>
public static partial class InventoryImporter
{
    /// <summary>Sheets that a workbook may carry besides the templates (the template's own README sheet).</summary>
    public static readonly IReadOnlyList<string> IgnoredSheets = ["README", "說明"];

    private static readonly string ExpectedNames = string.Join(", ", ImportTemplates.All.Select(t => $"{t.Name} ({t.NameZh})"));

    /// <summary>Imports CSV files (the template is told by the file name: <c>activity.csv</c> or <c>活動數據.csv</c>)
    /// and .xlsx workbooks (by sheet name). The change set's origin lists each file with its SHA-256.</summary>
    public static Outcome<ChangeSet> ImportFiles(ImportContext context, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(paths);
        var problems = new List<Problem>();
        var tables = new List<ImportTable>();
        var streams = new List<Stream>();
        var origin = new List<string>();
        try
        {
            foreach (var path in paths)
            {
                var file = Path.GetFileName(path);
                if (!File.Exists(path))
                {
                    problems.Add(new Problem(new ProblemLocation(File: file), "file not found", "找不到檔案"));
                    continue;
                }
                origin.Add($"{file} sha256:{Sha256(path)}");
                var extension = Path.GetExtension(path);
                if (extension.Equals(".csv", StringComparison.OrdinalIgnoreCase))
                {
                    if (!ImportTemplates.TryFind(Path.GetFileNameWithoutExtension(path), out var template))
                    {
                        problems.Add(new Problem(new ProblemLocation(File: file), $"cannot tell which template this file is: name it after one of {ExpectedNames}, e.g. activity.csv",
                            $"無法判斷此檔案屬於哪一個範本：請以下列名稱之一命名：{ExpectedNames}，例如 activity.csv 或 活動數據.csv"));
                        continue;
                    }
                    var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16 });
                    tables.Add(ImportTable.FromCsv(template, file, reader));
                }
                else if (extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
                {
                    var stream = File.OpenRead(path);
                    streams.Add(stream);
                    tables.AddRange(OpenWorkbook(file, stream, problems));
                }
                else
                {
                    problems.Add(new Problem(new ProblemLocation(File: file), "not a .csv or .xlsx file", "不是 .csv 或 .xlsx 檔案"));
                }
            }
            return Import(context, tables, string.Join("; ", origin), problems);
        }
        finally
        {
            foreach (var t in tables)
            {
                t.Dispose();
            }
            foreach (var s in streams)
            {
                s.Dispose();
            }
        }
    }

    /// <summary>The template sheets of a workbook (English or zh-TW sheet names). A sheet with another name, or a
    /// workbook without any template sheet, is a problem naming the file and sheet.</summary>
    public static IReadOnlyList<ImportTable> OpenWorkbook(string file, Stream workbook, ICollection<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentNullException.ThrowIfNull(problems);
        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(workbook);
        }
        catch (InvalidDataException ex)
        {
            problems.Add(new Problem(new ProblemLocation(File: file), "not a readable .xlsx workbook: " + ex.Message, "無法讀取的 .xlsx 活頁簿：" + ex.Message));
            return [];
        }
        var tables = new List<ImportTable>();
        foreach (var sheet in sheets)
        {
            if (IgnoredSheets.Contains(sheet.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!ImportTemplates.TryFind(sheet, out var template))
            {
                problems.Add(new Problem(new ProblemLocation(file, sheet), $"unknown sheet '{sheet}': expected {ExpectedNames} or README",
                    $"未知的工作表「{sheet}」：應為 {ExpectedNames} 或 README（說明）"));
                continue;
            }
            tables.Add(ImportTable.FromSheet(template, file, workbook, sheet));
        }
        if (tables.Count == 0)
        {
            problems.Add(new Problem(new ProblemLocation(File: file), $"no template sheet: expected one of {ExpectedNames}",
                $"沒有範本工作表：應為下列之一：{ExpectedNames}"));
        }
        return tables;
    }

    /// <summary>Validates the tables (any subset of the four templates, at most one of each) against
    /// <paramref name="context"/> and each other, and builds the change set.</summary>
    public static Outcome<ChangeSet> Import(ImportContext context, IEnumerable<ImportTable> tables, string origin = "", IReadOnlyList<Problem>? earlierProblems = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(tables);
        var run = new ImportRun(context);
        if (earlierProblems is not null)
        {
            run.Problems.AddRange(earlierProblems);
        }
        var byKind = new Dictionary<TemplateKind, ImportTable>();
        foreach (var t in tables)
        {
            if (!byKind.TryAdd(t.Template.Kind, t))
            {
                var first = byKind[t.Template.Kind];
                var firstAt = new ProblemLocation(first.File, first.Sheet);
                run.Problems.Add(new Problem(new ProblemLocation(t.File, t.Sheet), $"a second {t.Template.Name} table (the first is {firstAt})",
                    $"第二個{t.Template.NameZh}（{t.Template.Name}）資料表（第一個在 {firstAt.ToString(zhTw: true)}）"));
            }
        }
        foreach (var template in ImportTemplates.All)
        {
            if (byKind.TryGetValue(template.Kind, out var table))
            {
                run.Read(table);
            }
        }
        if (run.Problems.Count > 0)
        {
            return Outcome<ChangeSet>.Failure(run.Problems);
        }
        return Outcome<ChangeSet>.Success(run.ToChangeSet(origin));
    }

    private static string Sha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }

    /// <summary>The state of one import: what the tables read so far define, and every problem found.</summary>
    private sealed class ImportRun(ImportContext context)
    {
        private readonly Dictionary<string, List<EmissionFactor>> _customFactors = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (EmissionFactor? Factor, string? Error, string? ErrorZhTw)> _resolved = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, Guid> _facilityIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SourceRef> _sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, LegalEntity> _entities = new(StringComparer.Ordinal);
        private readonly List<Facility> _facilities = [];
        private readonly List<EmissionSource> _sourceList = [];
        private readonly List<ActivityRecord> _activities = [];
        private readonly HashSet<TemplateKind> _unreadable = [];
        // Keys of the factors file with a bad row: already reported, so sources using them are not also "unknown".
        private readonly HashSet<string> _brokenFactorKeys = new(StringComparer.OrdinalIgnoreCase);
        private readonly FactorSet _customSet = new($"custom/{context.OrganizationId:N}", "Organization factors", "organization", "import", null, "custom",
            "the organization's own", "imported factors file", IsCustom: true);

        public List<Problem> Problems { get; } = [];

        public ChangeSet ToChangeSet(string origin) => new()
        {
            LegalEntities = [.. _entities.Values],
            Facilities = _facilities,
            Sources = _sourceList,
            Activities = _activities,
            CustomFactors = [.. _customFactors.Values.SelectMany(v => v)],
            Origin = origin,
        };

        public void Read(ImportTable table)
        {
            var columns = MapHeader(table);
            if (columns is null)
            {
                _unreadable.Add(table.Template.Kind);
                return;
            }
            var row = new RowReader(table, columns, Problems);
            switch (table.Template.Kind)
            {
                case TemplateKind.Factors: ReadFactors(row); break;
                case TemplateKind.Facilities: ReadFacilities(row); break;
                case TemplateKind.Sources: ReadSources(row); break;
                case TemplateKind.Activity: ReadActivity(row); break;
                default: throw new ArgumentOutOfRangeException(nameof(table));
            }
        }

        /// <summary>Header position of each template column, with the header text as written; null when a column is
        /// missing, unknown or repeated (each reported at row 1).</summary>
        private (int Index, string Header)[]? MapHeader(ImportTable table)
        {
            var template = table.Template;
            var map = new (int Index, string Header)[template.Columns.Count];
            Array.Fill(map, (-1, ""));
            var ok = true;
            var header = table.Header;
            for (var i = 0; i < header.Count; i++)
            {
                var h = header[i];
                var c = -1;
                for (var j = 0; j < template.Columns.Count; j++)
                {
                    if (string.Equals(template.Columns[j].Name, h, StringComparison.OrdinalIgnoreCase) || string.Equals(template.Columns[j].NameZh, h, StringComparison.Ordinal))
                    {
                        c = j;
                        break;
                    }
                }
                var where = new ProblemLocation(table.File, table.Sheet, 1, h);
                if (c < 0)
                {
                    var expected = string.Join(", ", template.Columns.Select(x => x.Name));
                    Problems.Add(new Problem(where, $"unknown column '{h}' in the {template.Name} template (expected {expected})",
                        $"{template.NameZh}（{template.Name}）範本沒有欄位「{h}」（應為 {expected}）"));
                    ok = false;
                }
                else if (map[c].Index >= 0)
                {
                    Problems.Add(new Problem(where, $"column {template.Columns[c].Name} appears twice", $"欄位 {template.Columns[c].Name}（{template.Columns[c].NameZh}）重複出現"));
                    ok = false;
                }
                else
                {
                    map[c] = (i, h);
                }
            }
            for (var j = 0; j < map.Length; j++)
            {
                // Optional columns may be left out of a file; a required one may not.
                if (map[j].Index < 0 && template.Columns[j].Required)
                {
                    var col = template.Columns[j];
                    Problems.Add(new Problem(new ProblemLocation(table.File, table.Sheet, 1, col.Name), $"missing column {col.Name} ({col.NameZh}) in the {template.Name} template",
                        $"{template.NameZh}（{template.Name}）範本缺少欄位 {col.Name}（{col.NameZh}）"));
                    ok = false;
                }
            }
            return ok ? map : null;
        }

        private void ReadFactors(RowReader r)
        {
            var t = ImportTemplates.Factors;
            int cKey = t.IndexOf("factor_key"), cName = t.IndexOf("name"), cYear = t.IndexOf("year"), cPer = t.IndexOf("per_unit"), cGas = t.IndexOf("gas"),
                cValue = t.IndexOf("value"), cMass = t.IndexOf("mass_unit"), cSource = t.IndexOf("source"), cUnc = t.IndexOf("uncertainty_percent");
            var groups = new Dictionary<(string Key, int? Year), FactorDraft>();
            var gasRows = new Dictionary<(string, int?, string), int>();
            while (r.Table.Read())
            {
                var problemsBefore = Problems.Count;
                var key = r.Required(cKey);
                ReadFactorRow(key);
                if (key is not null && Problems.Count > problemsBefore)
                {
                    _brokenFactorKeys.Add(key);
                }
            }
            foreach (var d in groups.Values.Where(d => !d.Incomplete && d.PerUnit is not null && d.Gases.Count > 0 && !_brokenFactorKeys.Contains(d.Key)))
            {
                var factor = new EmissionFactor(d.Key, _customSet, d.Name!, d.PerUnit!, d.Gases, d.Year, status: "custom", source: d.Source, uncertaintyPercent: d.Uncertainty);
                if (!_customFactors.TryGetValue(d.Key, out var list))
                {
                    list = [];
                    _customFactors[d.Key] = list;
                }
                list.Add(factor);
            }

            void ReadFactorRow(string? key)
            {
                var name = r.Required(cName);
                var year = r.OptionalInteger(cYear, 1900, 2100, "a year", "年度（1900-2100）");
                var perUnit = r.Unit(cPer);
                var gas = Gas(r, cGas);
                var value = r.Number(cValue, required: true, min: 0m, "an emission factor cannot be negative", "排放係數不得為負數");
                var massUnit = r.Unit(cMass);
                if (massUnit is not null && massUnit.Dimension != Dimension.Mass)
                {
                    r.Problem(cMass, $"{massUnit.Code} is not a mass unit (g, kg, t)", $"{massUnit.Code} 不是質量單位（g、kg、t）");
                    massUnit = null;
                }
                var source = r.Required(cSource);
                var uncertainty = r.Number(cUnc, required: false, min: 0m, "uncertainty cannot be negative", "不確定性不得為負數");
                if (key is null || year.Failed || gas is null)
                {
                    return;
                }
                var gasKey = (key.ToUpperInvariant(), year.Value, gas.Code.ToUpperInvariant());
                if (!gasRows.TryAdd(gasKey, r.Table.Row))
                {
                    r.Problem(cGas, $"duplicate gas {gas.Code} for factor '{key}'{YearText(year.Value)} (first on row {gasRows[gasKey]})",
                        $"排放係數「{key}」{YearTextZhTw(year.Value)}的氣體 {gas.Code} 重複（首次出現於第 {gasRows[gasKey]} 列）");
                    return;
                }
                var groupKey = (key.ToUpperInvariant(), year.Value);
                if (!groups.TryGetValue(groupKey, out var draft))
                {
                    draft = new FactorDraft(key, year.Value, r.Table.Row, name, perUnit, source, uncertainty);
                    groups[groupKey] = draft;
                }
                else if (perUnit is not null && draft.PerUnit is not null && !ReferenceEquals(perUnit, draft.PerUnit))
                {
                    r.Problem(cPer, $"factor '{key}'{YearText(year.Value)} is per {draft.PerUnit.Code} on row {draft.FirstRow}; all its gases must share one per_unit",
                        $"排放係數「{key}」{YearTextZhTw(year.Value)}在第 {draft.FirstRow} 列的活動單位為 {draft.PerUnit.Code}；同一係數的各氣體須使用相同的 per_unit（活動單位）");
                }
                if (value is { } v && massUnit is not null)
                {
                    draft.Gases.Add(new GasFactor(gas, v, massUnit));
                }
                else
                {
                    draft.Incomplete = true;
                }
                draft.Incomplete |= name is null || perUnit is null || source is null;
            }
        }

        private GreenhouseGas? Gas(RowReader r, int column)
        {
            var code = r.Required(column);
            if (code is null)
            {
                return null;
            }
            var gas = GreenhouseGas.FromCode(code);
            if (context.Factors.GwpSets.Any(s => s.TryGet(gas, out _)))
            {
                return gas;
            }
            r.Problem(column, $"unknown gas '{code}': no GWP set of the library has it (e.g. CO2, CH4, N2O, HFC-134a, R-410A, SF6, NF3, CO2e)",
                $"未知的氣體「{code}」：係數庫中沒有任何全球暖化潛勢（GWP）值組列有此氣體（例如 CO2、CH4、N2O、HFC-134a、R-410A、SF6、NF3、CO2e）");
            return null;
        }

        private void ReadFacilities(RowReader r)
        {
            var t = ImportTemplates.Facilities;
            int cEntity = t.IndexOf("entity_name"), cEntityPct = t.IndexOf("entity_ownership_percent"), cCode = t.IndexOf("facility_code"), cName = t.IndexOf("facility_name"),
                cPct = t.IndexOf("ownership_percent"), cOp = t.IndexOf("operational_control"), cFin = t.IndexOf("financial_control"), cAddress = t.IndexOf("address");
            var codeRows = new Dictionary<string, int>(StringComparer.Ordinal);
            var entityRows = new Dictionary<string, (decimal? Percent, int Row)>(StringComparer.Ordinal);
            var drafts = new List<(string Entity, string Code, string Name, decimal Percent, bool Op, bool Fin, string? Address)>();
            while (r.Table.Read())
            {
                var entity = r.Required(cEntity);
                var entityPct = r.Number(cEntityPct, required: false, min: 0m, "an ownership percentage is between 0 and 100", "持股比例須介於 0 與 100 之間", max: 100m);
                var code = r.Required(cCode);
                var name = r.Required(cName);
                var pct = r.Number(cPct, required: false, min: 0m, "an ownership percentage is between 0 and 100", "持股比例須介於 0 與 100 之間", max: 100m);
                var op = r.Flag(cOp);
                var fin = r.Flag(cFin);
                var address = r.Optional(cAddress);
                if (code is not null && !codeRows.TryAdd(code, r.Table.Row))
                {
                    r.Problem(cCode, $"duplicate facility_code '{code}' (first on row {codeRows[code]})", $"據點代碼（facility_code）「{code}」重複（首次出現於第 {codeRows[code]} 列）");
                    continue;
                }
                if (entity is not null)
                {
                    if (!entityRows.TryGetValue(entity, out var seen))
                    {
                        entityRows[entity] = (entityPct, r.Table.Row);
                    }
                    else if (entityPct is { } p && seen.Percent is { } q && p != q)
                    {
                        r.Problem(cEntityPct, string.Create(CultureInfo.InvariantCulture, $"entity '{entity}' has ownership {q} % on row {seen.Row}"),
                            string.Create(CultureInfo.InvariantCulture, $"法人「{entity}」在第 {seen.Row} 列的持股比例為 {q} %"));
                        continue;
                    }
                    else if (seen.Percent is null && entityPct is not null)
                    {
                        entityRows[entity] = (entityPct, seen.Row);
                    }
                }
                if (entity is null || code is null || name is null || r.Failed(cEntityPct) || r.Failed(cPct) || op is null || fin is null)
                {
                    continue;
                }
                drafts.Add((entity, code, name, pct ?? 100m, op.Value, fin.Value, address));
            }
            foreach (var (name, (percent, _)) in entityRows)
            {
                _entities[name] = new LegalEntity(DeterministicGuid.For(context.OrganizationId, "entity", name), name, percent ?? 100m);
            }
            foreach (var d in drafts)
            {
                var id = DeterministicGuid.For(context.OrganizationId, "facility", d.Code);
                _facilityIds[d.Code] = id;
                _facilities.Add(new Facility(id, _entities[d.Entity].Id, d.Code, d.Name, d.Percent, d.Op, d.Fin, d.Address));
            }
        }

        private void ReadSources(RowReader r)
        {
            var t = ImportTemplates.Sources;
            int cCode = t.IndexOf("source_code"), cFacility = t.IndexOf("facility_code"), cName = t.IndexOf("name"), cType = t.IndexOf("source_type"),
                cCategory = t.IndexOf("scope3_category"), cKey = t.IndexOf("factor_key"), cDept = t.IndexOf("department"), cExcl = t.IndexOf("exclusion_reason");
            var codeRows = new Dictionary<string, int>(StringComparer.Ordinal);
            while (r.Table.Read())
            {
                var code = r.Required(cCode);
                var facility = r.Required(cFacility);
                Guid? facilityId = null;
                if (facility is not null)
                {
                    if (_facilityIds.TryGetValue(facility, out var fid) || context.Facilities.TryGetValue(facility, out fid))
                    {
                        facilityId = fid;
                    }
                    else if (!_unreadable.Contains(TemplateKind.Facilities))
                    {
                        r.Problem(cFacility, $"unknown facility code '{facility}': not in the facilities file nor already stored",
                            $"未知的據點代碼「{facility}」：不在據點檔中，也尚未建立");
                    }
                }
                var name = r.Required(cName);
                SourceType? type = null;
                var typeText = r.Required(cType);
                if (typeText is not null)
                {
                    if (ValueParsers.TryParseSourceType(typeText, out var st))
                    {
                        type = st;
                    }
                    else
                    {
                        r.Problem(cType, $"'{typeText}' is not a source type: use one of {string.Join(", ", Enum.GetNames<SourceType>())} or 固定燃燒, 移動燃燒, 製程, 冷媒, 滅火器, SF6, 化糞池, 其他逸散, 外購電力, 外購蒸汽, 範疇三",
                            $"「{typeText}」不是排放源類型：請使用固定燃燒、移動燃燒、製程、冷媒、滅火器、SF6、化糞池、其他逸散、外購電力、外購蒸汽、範疇三，或 {string.Join(", ", Enum.GetNames<SourceType>())}");
                    }
                }
                var category = r.OptionalInteger(cCategory, 1, 15, "a Scope 3 category (1-15)", "範疇三類別（1-15）");
                if (type == SourceType.Scope3 && !category.Failed && category.Value is null)
                {
                    r.Problem(cCategory, "a Scope 3 source needs its scope3_category (1-15)", "範疇三排放源須填寫範疇三類別（scope3_category，1-15）");
                }
                else if (type is { } nonScope3 && nonScope3 != SourceType.Scope3 && category.Value is not null)
                {
                    r.Problem(cCategory, $"only Scope3 sources take a scope3_category; this source is {nonScope3}",
                        $"僅範疇三排放源可填寫範疇三類別（scope3_category）；此排放源為{ValueParsers.SourceTypeZhTw(nonScope3)}");
                }
                var key = r.Required(cKey);
                if (key is not null && Resolve(key) is { Error: { } error, ErrorZhTw: { } errorZhTw })
                {
                    r.Problem(cKey, error, errorZhTw);
                }
                var department = r.Optional(cDept);
                var exclusion = r.Optional(cExcl);
                if (code is not null && !codeRows.TryAdd(code, r.Table.Row))
                {
                    r.Problem(cCode, $"duplicate source_code '{code}' (first on row {codeRows[code]})", $"排放源代碼（source_code）「{code}」重複（首次出現於第 {codeRows[code]} 列）");
                    continue;
                }
                if (code is null || facilityId is null || name is null || type is null || key is null || category.Failed
                    || (type == SourceType.Scope3) != (category.Value is not null) || Resolve(key).Factor is null)
                {
                    if (code is not null)
                    {
                        // Known to exist (so activity rows do not also say "unknown source"), but not usable.
                        _sources[code] = new SourceRef(Guid.Empty, null, Usable: false);
                    }
                    continue;
                }
                var id = DeterministicGuid.For(context.OrganizationId, "source", code);
                _sourceList.Add(new EmissionSource(id, facilityId.Value, code, name, type.Value, key,
                    category.Value is { } c ? (Scope3Category)c : null, department, exclusion));
                _sources[code] = new SourceRef(id, Resolve(key).Factor, Usable: true);
            }
        }

        private void ReadActivity(RowReader r)
        {
            var t = ImportTemplates.Activity;
            int cSource = t.IndexOf("source_code"), cStart = t.IndexOf("period_start"), cEnd = t.IndexOf("period_end"), cQty = t.IndexOf("quantity"),
                cUnit = t.IndexOf("unit"), cQuality = t.IndexOf("data_quality"), cEvidence = t.IndexOf("evidence"), cUnc = t.IndexOf("uncertainty_percent"), cNote = t.IndexOf("note");
            var table = r.Table;
            var period = context.Period;
            var org = context.OrganizationId;
            var ids = new Dictionary<Guid, int>();
            var storedReported = new HashSet<string>(StringComparer.Ordinal);
            // Codes, dates and units repeat across rows: parse each distinct text once and reuse its string.
            var sourceCodes = new TextCache<string>(x => x);
            var dates = new TextCache<LocalDate?>(x => ValueParsers.TryParseDate(x, out var d) ? d : null);
            var units = new TextCache<Unit?>(x => UnitCatalog.TryParse(x, out var u) ? u : null);
            while (table.Read())
            {
                var ok = true;

                // source_code: interned per distinct code, so a million rows do not allocate a million strings.
                string? code = null;
                SourceRef? source = null;
                var codeSpan = r.Span(cSource);
                if (codeSpan.IsEmpty)
                {
                    r.Problem(cSource, "value is empty", "值為空白");
                    ok = false;
                }
                else
                {
                    code = sourceCodes.Get(codeSpan).Text;
                    source = FindSource(code);
                    if (source is null)
                    {
                        if (!_unreadable.Contains(TemplateKind.Sources))
                        {
                            r.Problem(cSource, $"unknown source code '{code}': not in the sources file nor already stored",
                                $"未知的排放源代碼「{code}」：不在排放源檔中，也尚未建立");
                        }
                        ok = false;
                    }
                    else if (!source.Usable)
                    {
                        ok = false;
                    }
                    else if (source.Factor is null)
                    {
                        var factorKey = context.Sources[code].FactorKey;
                        if (storedReported.Add(code) && Resolve(factorKey) is { Error: { } error, ErrorZhTw: { } errorZhTw })
                        {
                            r.Problem(cSource, $"stored source '{code}' uses factor '{factorKey}': {error}",
                                $"已建立的排放源「{code}」使用排放係數「{factorKey}」：{errorZhTw}");
                        }
                        ok = false;
                    }
                }

                var startSpan = r.Span(cStart);
                var endSpan = r.Span(cEnd);
                var (startText, startDate) = dates.Get(startSpan);
                var (endText, endDate) = dates.Get(endSpan);
                var hasStart = startDate.HasValue;
                var hasEnd = endDate.HasValue;
                var start = startDate.GetValueOrDefault();
                var end = endDate.GetValueOrDefault();
                if (!hasStart)
                {
                    r.Problem(cStart, startSpan.IsEmpty ? "value is empty" : $"'{startSpan}' is not a date in yyyy-MM-dd form",
                        startSpan.IsEmpty ? "值為空白" : $"「{startSpan}」不是 yyyy-MM-dd 格式的日期");
                }
                else if (start < period.Start || start > period.End)
                {
                    r.Problem(cStart, $"{startSpan} is outside the reporting period {period}", $"{startSpan} 不在盤查期間 {period} 內");
                    hasStart = false;
                }
                if (!hasEnd)
                {
                    r.Problem(cEnd, endSpan.IsEmpty ? "value is empty" : $"'{endSpan}' is not a date in yyyy-MM-dd form",
                        endSpan.IsEmpty ? "值為空白" : $"「{endSpan}」不是 yyyy-MM-dd 格式的日期");
                }
                else if (end < period.Start || end > period.End)
                {
                    r.Problem(cEnd, $"{endSpan} is outside the reporting period {period}", $"{endSpan} 不在盤查期間 {period} 內");
                    hasEnd = false;
                }
                if (hasStart && hasEnd && end < start)
                {
                    r.Problem(cEnd, $"period_end {endSpan} is before period_start {startSpan}", $"結束日期（period_end）{endSpan} 早於起始日期（period_start）{startSpan}");
                    hasEnd = false;
                }
                ok &= hasStart && hasEnd;

                var qtySpan = r.Span(cQty);
                if (!ValueParsers.TryParseNumber(qtySpan, out var quantity))
                {
                    r.Problem(cQty, qtySpan.IsEmpty ? "value is empty" : $"'{qtySpan}' is not a number (use '.' for decimals and no thousands separators)",
                        qtySpan.IsEmpty ? "值為空白" : $"「{qtySpan}」不是數字（小數點請用「.」，且不加千分位符號）");
                    ok = false;
                }
                else if (quantity < 0)
                {
                    r.Problem(cQty, $"quantity cannot be negative ({qtySpan})", $"活動數據不得為負數（{qtySpan}）");
                    ok = false;
                }

                var unitSpan = r.Span(cUnit);
                var unit = units.Get(unitSpan).Value;
                if (unit is null)
                {
                    r.Problem(cUnit, unitSpan.IsEmpty ? "value is empty" : $"unknown unit '{unitSpan}'", unitSpan.IsEmpty ? "值為空白" : $"未知的單位「{unitSpan}」");
                    ok = false;
                }
                else if (source?.Factor is { } factor && !unit.IsConvertibleTo(factor.PerUnit))
                {
                    var mismatch = new UnitMismatchException(unit, factor.PerUnit);
                    r.Problem(cUnit, $"factor '{factor.Key}' is per {factor.PerUnit.Code}: {mismatch.Message}",
                        $"排放係數「{factor.Key}」的活動單位為 {factor.PerUnit.Code}：{mismatch.MessageZhTw}");
                    ok = false;
                }

                var qualitySpan = r.Span(cQuality);
                if (!ValueParsers.TryParseDataQuality(qualitySpan, out var quality))
                {
                    r.Problem(cQuality, qualitySpan.IsEmpty ? "value is empty" : $"'{qualitySpan}' is not a data-quality level: measured / calculated / estimated, 1 / 2 / 3, or 量測 / 計算 / 推估",
                        qualitySpan.IsEmpty ? "值為空白" : $"「{qualitySpan}」不是數據品質等級：量測 / 計算 / 推估、1 / 2 / 3，或 measured / calculated / estimated");
                    ok = false;
                }

                var uncertainty = r.Number(cUnc, required: false, min: 0m, "uncertainty cannot be negative", "不確定性不得為負數");
                ok &= !r.Failed(cUnc);
                if (!ok)
                {
                    continue;
                }
                var evidence = r.Optional(cEvidence);
                var note = r.Optional(cNote);
                var id = DeterministicGuid.For(org, "activity", code, startText, endText, evidence, ValueParsers.CanonicalNumber(quantity), unit!.Code);
                if (!ids.TryAdd(id, table.Row))
                {
                    r.Problem(cSource, $"duplicate activity row: same source, period, evidence, quantity and unit as row {ids[id]}",
                        $"重複的活動數據列：排放源、期間、佐證、數量與單位皆與第 {ids[id]} 列相同");
                    continue;
                }
                _activities.Add(new ActivityRecord(id, source!.Id, new Quantity(quantity, unit), new DateInterval(start, end), quality,
                    context.ImportedBy, context.ImportedAt, evidence, uncertainty, note));
            }
        }

        private SourceRef? FindSource(string code)
        {
            if (_sources.TryGetValue(code, out var s))
            {
                return s;
            }
            if (context.Sources.TryGetValue(code, out var known))
            {
                var found = new SourceRef(known.Id, Resolve(known.FactorKey).Factor, Usable: true);
                _sources[code] = found;
                return found;
            }
            return null;
        }

        /// <summary>A factor of the factors file (exact year, then year-independent, then the latest earlier year) or
        /// else of the library, for the reporting period's factor year. No factor and no error: a key whose row in the
        /// factors file was bad (already reported).</summary>
        private (EmissionFactor? Factor, string? Error, string? ErrorZhTw) Resolve(string key)
        {
            if (_resolved.TryGetValue(key, out var cached))
            {
                return cached;
            }
            var year = context.FactorYear;
            (EmissionFactor?, string?, string?) result;
            if (_brokenFactorKeys.Contains(key))
            {
                // Its bad row is already reported; the source is unusable without another message.
                result = (null, null, null);
            }
            else if (_customFactors.TryGetValue(key, out var list))
            {
                var f = list.FirstOrDefault(x => x.Year == year) ?? list.FirstOrDefault(x => x.Year is null)
                    ?? list.Where(x => x.Year < year).MaxBy(x => x.Year);
                result = f is not null ? (f, null, null)
                    : (null, $"factor '{key}' of the factors file has no value for {year} or an earlier year",
                        $"排放係數檔中的排放係數「{key}」沒有 {year} 年或更早年度的值");
            }
            else
            {
                var outcome = context.Factors.Resolve(key, year);
                result = outcome.Succeeded ? (outcome.Value.Factor, null, null)
                    : (null, string.Create(CultureInfo.InvariantCulture, $"{outcome.Problems[0].Message} for {year} (not in the factor library nor the factors file)"),
                        string.Create(CultureInfo.InvariantCulture, $"{outcome.Problems[0].MessageIn(zhTw: true)}（{year} 年；排放係數庫與排放係數檔中皆無）"));
            }
            _resolved[key] = result;
            return result;
        }

        private static string YearText(int? year) => year is { } y ? string.Create(CultureInfo.InvariantCulture, $" ({y})") : "";

        private static string YearTextZhTw(int? year) => year is { } y ? string.Create(CultureInfo.InvariantCulture, $"（{y} 年）") : "";
    }

    private sealed record SourceRef(Guid Id, EmissionFactor? Factor, bool Usable);

    /// <summary>Parses each distinct cell text once (up to a bound, so a column of unique values does not grow it).</summary>
    private sealed class TextCache<T>
    {
        private const int MaxEntries = 65_536;
        private readonly Dictionary<string, (string Text, T Value)> _map = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (string Text, T Value)>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly Func<string, T> _parse;

        public TextCache(Func<string, T> parse)
        {
            _parse = parse;
            _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public (string Text, T Value) Get(ReadOnlySpan<char> span)
        {
            if (_lookup.TryGetValue(span, out var hit))
            {
                return hit;
            }
            var text = span.ToString();
            var entry = (text, _parse(text));
            if (_map.Count < MaxEntries)
            {
                _map[text] = entry;
            }
            return entry;
        }
    }

    private sealed class FactorDraft(string key, int? year, int firstRow, string? name, Unit? perUnit, string? source, decimal? uncertainty)
    {
        public string Key { get; } = key;
        public int? Year { get; } = year;
        public int FirstRow { get; } = firstRow;
        public string? Name { get; } = name;
        public Unit? PerUnit { get; } = perUnit;
        public string? Source { get; } = source;
        public decimal? Uncertainty { get; } = uncertainty;
        public List<GasFactor> Gases { get; } = [];
        public bool Incomplete { get; set; }
    }

    /// <summary>Cell parsing for the current row that records a located problem instead of throwing.</summary>
    private sealed class RowReader(ImportTable table, (int Index, string Header)[] columns, List<Problem> problems)
    {
        private readonly HashSet<int> _failed = [];
        private int _failedRow;

        public ImportTable Table => table;

        public ReadOnlySpan<char> Span(int column) => columns[column].Index < 0 ? [] : Table.Span(columns[column].Index);

        public void Problem(int column, string message, string messageZhTw)
        {
            if (_failedRow != Table.Row)
            {
                _failed.Clear();
                _failedRow = Table.Row;
            }
            _failed.Add(column);
            problems.Add(new Problem(Table.At(columns[column].Header), message, messageZhTw));
        }

        /// <summary>Whether a problem was recorded for <paramref name="column"/> on the current row.</summary>
        public bool Failed(int column) => _failedRow == Table.Row && _failed.Contains(column);

        public string? Optional(int column)
        {
            if (columns[column].Index < 0)
            {
                return null; // an optional column the file leaves out
            }
            var s = Table.Text(columns[column].Index);
            return s.Length == 0 ? null : s;
        }

        public string? Required(int column)
        {
            var s = Optional(column);
            if (s is null)
            {
                Problem(column, "value is empty", "值為空白");
            }
            return s;
        }

        public decimal? Number(int column, bool required, decimal min, string belowMin, string belowMinZhTw, decimal? max = null)
        {
            var span = Span(column);
            if (span.IsEmpty)
            {
                if (required)
                {
                    Problem(column, "value is empty", "值為空白");
                }
                return null;
            }
            if (!ValueParsers.TryParseNumber(span, out var v))
            {
                Problem(column, $"'{span}' is not a number (use '.' for decimals and no thousands separators)", $"「{span}」不是數字（小數點請用「.」，且不加千分位符號）");
                return null;
            }
            if (v < min || v > max)
            {
                Problem(column, $"{belowMin} ({span})", $"{belowMinZhTw}（{span}）");
                return null;
            }
            return v;
        }

        public (int? Value, bool Failed) OptionalInteger(int column, int min, int max, string what, string whatZhTw)
        {
            var span = Span(column);
            if (span.IsEmpty)
            {
                return (null, false);
            }
            if (!int.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            {
                Problem(column, $"'{span}' is not {what}", $"「{span}」不是{whatZhTw}");
                return (null, true);
            }
            return (v, false);
        }

        public Unit? Unit(int column)
        {
            var s = Required(column);
            if (s is null)
            {
                return null;
            }
            if (UnitCatalog.TryParse(s, out var unit))
            {
                return unit;
            }
            Problem(column, $"unknown unit '{s}'", $"未知的單位「{s}」");
            return null;
        }

        /// <summary>Empty means yes (the template's default: a facility in the boundary is controlled).</summary>
        public bool? Flag(int column)
        {
            var s = Optional(column);
            if (s is null)
            {
                return true;
            }
            if (ValueParsers.TryParseFlag(s, out var flag))
            {
                return flag;
            }
            Problem(column, $"'{s}' is not yes/no (true/false, 1/0, 是/否)", $"「{s}」不是 是/否（yes/no、true/false、1/0）");
            return null;
        }
    }
}
