using System.Text;
using CarbonLedger.Common;
using CarbonLedger.Import;

namespace CarbonLedger.Web.Features.Inventory.Pages;

/// <summary>Rows typed in the grid or pasted from Excel (tab-separated) become an activity.csv in the importer's
/// template, so they are checked by exactly the rules of a file import (every bad cell with its row and column,
/// nothing stored if any is bad). Pasted line n is reported as row n.</summary>
public static class ActivityPaste
{
    public static IReadOnlyList<string> Columns { get; } = ImportTemplates.Activity.Columns.Select(c => c.Name).ToList();

    /// <summary>The pasted text as activity.csv; a first line that is the template's header is kept as the header.</summary>
    public static string ToCsv(string pasted)
    {
        ArgumentNullException.ThrowIfNull(pasted);
        var lines = pasted.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Where(l => l.Trim().Length > 0).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns).Append('\n');
        var first = true;
        foreach (var line in lines)
        {
            var cells = line.Split('\t');
            if (first && cells.Length > 0 && cells[0].Trim() == Columns[0]) { first = false; continue; }
            first = false;
            csv.AppendJoin(',', cells.Select(Quote)).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Importer row numbers count the header as row 1: the pasted data line is one less.</summary>
    public static string Describe(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var l = problem.Location;
        var where = new List<string>();
        if (l.Row is { } row) { where.Add(Components.Ui.T($"第 {row - 1} 列", $"row {row - 1}")); }
        if (l.Column is { Length: > 0 } column) { where.Add(Components.Ui.T($"欄 {column}", $"column {column}")); }
        if (l.Field is { Length: > 0 } field) { where.Add(field); }
        var message = problem.MessageIn(Components.Ui.IsZh);
        return where.Count == 0 ? message : Components.Ui.T($"{string.Join("，", where)}：{message}", $"{string.Join(", ", where)}: {message}");
    }

    private static string Quote(string cell)
    {
        var text = cell.Trim();
        return text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
