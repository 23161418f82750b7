using System.Globalization;
using CarbonLedger.Common;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace CarbonLedger.Import;

/// <summary>One template's rows read forward-only from a CSV file or an .xlsx sheet. <see cref="Row"/> is the row number
/// a spreadsheet shows (header = row 1); rows whose cells are all empty are skipped.</summary>
public abstract class ImportTable : IDisposable
{
    protected ImportTable(ImportTemplate template, string file, string? sheet)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        Template = template;
        File = file;
        Sheet = sheet;
    }

    public ImportTemplate Template { get; }

    public string File { get; }

    public string? Sheet { get; }

    /// <summary>The header cells as written (trimmed).</summary>
    public abstract IReadOnlyList<string> Header { get; }

    public abstract int Row { get; }

    /// <summary>Moves to the next row that has a value; false at the end.</summary>
    public abstract bool Read();

    /// <summary>The trimmed cell at header position <paramref name="index"/> of the current row ("" when absent).</summary>
    public abstract ReadOnlySpan<char> Span(int index);

    public virtual string Text(int index) => Span(index).ToString();

    public ProblemLocation At(string? column) => new(File, Sheet, Row, column);

    /// <summary>A CSV table (Sylvan.Data.Csv, streaming; delimiter detected from the header line). The reader should
    /// detect a UTF-8 byte-order mark, as <see cref="StreamReader"/> does by default.</summary>
    public static ImportTable FromCsv(ImportTemplate template, string file, TextReader reader) => new CsvTable(template, file, reader);

    /// <summary>An .xlsx sheet read with MiniExcel from <paramref name="workbook"/> (which must stay open while reading).</summary>
    public static ImportTable FromSheet(ImportTemplate template, string file, Stream workbook, string sheet) => new SheetTable(template, file, workbook, sheet);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private sealed class CsvTable : ImportTable
    {
        private readonly CsvDataReader _csv;
        private readonly string[] _header;
        private int _row = 1;

        public CsvTable(ImportTemplate template, string file, TextReader reader) : base(template, file, null)
        {
            _csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true, BufferSize = 1 << 16 });
            _header = new string[_csv.FieldCount];
            for (var i = 0; i < _header.Length; i++)
            {
                _header[i] = _csv.GetName(i).Trim().TrimStart('\uFEFF');
            }
            if (_header.Length == 1 && _header[0].Length == 0)
            {
                _header = [];
            }
        }

        public override IReadOnlyList<string> Header => _header;

        public override int Row => _row;

        public override bool Read()
        {
            while (_csv.Read())
            {
                _row++;
                for (var i = 0; i < _csv.RowFieldCount; i++)
                {
                    if (!_csv.GetFieldSpan(i).IsWhiteSpace())
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        public override ReadOnlySpan<char> Span(int index) => index < _csv.RowFieldCount ? _csv.GetFieldSpan(index).Trim() : [];

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _csv.Dispose();
            }
            base.Dispose(disposing);
        }
    }

    private sealed class SheetTable : ImportTable
    {
        private readonly IEnumerator<IDictionary<string, object?>> _rows;
        private readonly List<string> _header = [];
        private string[] _cells = [];
        private int _row;

        public SheetTable(ImportTemplate template, string file, Stream workbook, string sheet) : base(template, file, sheet)
        {
            workbook.Position = 0;
            // useHeaderRow: false gives every row from row 1, keyed by column letter, with empty rows filled in, so the
            // enumeration index is the spreadsheet row number.
            _rows = MiniExcel.Query(workbook, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>().GetEnumerator();
            if (_rows.MoveNext())
            {
                _row = 1;
                var cells = _rows.Current.Values.Select(CellText).ToList();
                var width = cells.FindLastIndex(c => c.Length > 0) + 1;
                _header.AddRange(cells.Take(width));
            }
        }

        public override IReadOnlyList<string> Header => _header;

        public override int Row => _row;

        public override bool Read()
        {
            while (_rows.MoveNext())
            {
                _row++;
                _cells = _rows.Current.Values.Select(CellText).ToArray();
                if (_cells.Any(c => c.Length > 0))
                {
                    return true;
                }
            }
            return false;
        }

        public override ReadOnlySpan<char> Span(int index) => index < _cells.Length ? _cells[index].AsSpan() : [];

        public override string Text(int index) => index < _cells.Length ? _cells[index] : "";

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _rows.Dispose();
            }
            base.Dispose(disposing);
        }

        /// <summary>Numbers come back as double: "R" round-trips what Excel stored; a date-formatted cell comes back as
        /// a DateTime and is written back as yyyy-MM-dd, the template's date format.</summary>
        private static string CellText(object? value) => value switch
        {
            null => "",
            string s => s.Trim(),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            DateTime t when t.TimeOfDay == TimeSpan.Zero => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture).Trim(),
            _ => (value.ToString() ?? "").Trim(),
        };
    }
}
