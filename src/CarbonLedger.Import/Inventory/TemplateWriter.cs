using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace CarbonLedger.Import;

/// <summary>Writes the import templates (<see cref="ImportTemplates"/>): each as a CSV file (header row and one example
/// row, UTF-8 with a byte-order mark so Excel shows the zh-TW text), or all in one .xlsx workbook with one sheet per
/// template plus a README sheet explaining every column in English and zh-TW.</summary>
public static class TemplateWriter
{
    public const string ReadmeSheet = "README";

    public static void WriteCsv(ImportTemplate template, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(string.Join(",", template.Columns.Select(c => Escape(c.Name))));
        writer.Write("\r\n");
        writer.Write(string.Join(",", template.Columns.Select(c => Escape(c.Example))));
        writer.Write("\r\n");
    }

    /// <summary>Writes <c>facilities.csv</c>, <c>sources.csv</c>, <c>activity.csv</c> and <c>factors.csv</c> into
    /// <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> WriteCsvFiles(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var paths = new List<string>();
        foreach (var template in ImportTemplates.All)
        {
            var path = Path.Combine(directory, template.Name + ".csv");
            using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            WriteCsv(template, writer);
            paths.Add(path);
        }
        return paths;
    }

    public static void WriteXlsx(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var template in ImportTemplates.All)
        {
            var example = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var c in template.Columns)
            {
                example[c.Name] = c.Example.Length == 0 ? null
                    : c.Format == ColumnFormat.Number ? decimal.Parse(c.Example, NumberStyles.Float, CultureInfo.InvariantCulture)
                    : c.Example;
            }
            sheets[template.Name] = new List<Dictionary<string, object?>> { example };
        }
        sheets[ReadmeSheet] = Readme();
        MiniExcel.SaveAs(stream, sheets, excelType: ExcelType.XLSX);
    }

    public static void WriteXlsx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var stream = File.Create(path);
        WriteXlsx(stream);
    }

    private static List<Dictionary<string, object?>> Readme()
    {
        var rows = new List<Dictionary<string, object?>>();
        foreach (var t in ImportTemplates.All)
        {
            foreach (var c in t.Columns)
            {
                rows.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["sheet"] = t.Name,
                    ["工作表"] = t.NameZh,
                    ["column"] = c.Name,
                    ["欄位"] = c.NameZh,
                    ["required / 必填"] = c.Required ? "yes / 是" : "no / 否",
                    ["description"] = c.Description,
                    ["說明"] = c.DescriptionZh,
                    ["example / 範例"] = c.Example,
                });
            }
        }
        return rows;
    }

    private static string Escape(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
