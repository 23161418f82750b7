using System.Globalization;
using System.Text;
using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using MiniExcelLibs;
using NodaTime;

namespace CarbonLedger.Import.Tests.Inventory;

/// <summary>A temporary folder for import files, and the context the tests import into: organization
/// <see cref="Organization"/>, reporting year 2024, the shipped reference library.</summary>
public sealed class ImportFixture : IDisposable
{
    public static readonly Guid Organization = Guid.Parse("0b9a6a4e-3f0e-4c5b-9d55-6f1f2f3a4b5c");

    public ImportFixture() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cl-import-" + Guid.NewGuid().ToString("N"));

    public static ImportContext Context() =>
        new(Organization, ReportingPeriod.Year(2024), ReferenceLibrary.Default, Instant.FromUtc(2025, 2, 1, 9, 0));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>Writes rows (first = header) as CSV, UTF-8 without a byte-order mark unless asked.</summary>
    public string WriteCsv(string fileName, IEnumerable<string[]> rows, bool byteOrderMark = false)
    {
        var path = Path.Combine(Folder, fileName);
        static string Cell(string c) => c.Contains(',', StringComparison.Ordinal) || c.Contains('"', StringComparison.Ordinal) ? "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : c;
        var text = string.Join("\n", rows.Select(r => string.Join(",", r.Select(Cell)))) + "\n";
        File.WriteAllText(path, text, new UTF8Encoding(byteOrderMark));
        return path;
    }

    /// <summary>Writes sheets (first row = header) with MiniExcel; a cell that reads as an invariant number is stored as
    /// a number, as a user typing it into Excel would get, anything else as text.</summary>
    public string WriteXlsx(string fileName, IEnumerable<(string Sheet, string[][] Rows)> sheets)
    {
        var path = Path.Combine(Folder, fileName);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (sheet, rows) in sheets)
        {
            var header = rows[0];
            data[sheet] = rows.Skip(1).Select(r =>
            {
                var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    var cell = i < r.Length ? r[i] : "";
                    d[header[i]] = cell.Length == 0 ? null
                        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !cell.Contains('-', StringComparison.Ordinal) ? v
                        : cell.StartsWith('-') && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n
                        : cell;
                }
                return d;
            }).ToList();
        }
        MiniExcel.SaveAs(path, data);
        return path;
    }

    public static Guid Id(string kind, params string[] key) => DeterministicGuid.For(Organization, kind, key);
}
