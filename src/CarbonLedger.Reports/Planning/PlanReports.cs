using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Planning;

/// <summary>The entry point the CLI and the web call: build a <see cref="PlanDocumentModel"/> with
/// <see cref="PlanDocumentModel.From"/>, render it as HTML, PDF or Word (.docx).</summary>
public static class PlanReports
{
    public static IReadOnlyList<ReportFormat> Formats { get; } = [ReportFormat.Html, ReportFormat.Pdf, ReportFormat.Docx];

    public static void Render(PlanDocumentModel model, ReportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Html: PlanHtmlDocument.Write(model, output); break;
            case ReportFormat.Pdf: PlanPdfDocument.Write(model, output); break;
            case ReportFormat.Docx: PlanDocxDocument.Write(model, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "a transition plan document is HTML, PDF or Word (.docx)");
        }
    }

    /// <summary>The format a file name asks for by its extension (.html/.htm, .pdf, .docx), or null.</summary>
    public static ReportFormat? FormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".HTML" or ".HTM" => ReportFormat.Html,
        ".PDF" => ReportFormat.Pdf,
        ".DOCX" => ReportFormat.Docx,
        _ => null,
    };
}
