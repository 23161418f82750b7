namespace CarbonLedger.Reports.Inventory;

/// <summary>The formats an inventory report renders to.</summary>
public enum ReportFormat
{
    Html,
    Xlsx,
    Csv,
    Json,
    /// <summary>Printable A4 PDF with charts; needs a CJK font on the machine (<see cref="PdfFonts"/>).</summary>
    Pdf,
    /// <summary>Word document (.docx); the transition plan renders to it (Planning.PlanReports), an inventory report does not.</summary>
    Docx,
}

/// <summary>The one entry point the CLI and the web call: build the model once with
/// <see cref="InventoryReportModel.From"/>, then render it in any format.</summary>
public static class InventoryReports
{
    public static void Render(InventoryReportModel model, ReportFormat format, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ReportFormat.Html: InventoryHtmlReport.Write(model, output); break;
            case ReportFormat.Xlsx: InventoryXlsxReport.Write(model, output); break;
            case ReportFormat.Csv: InventoryCsvReport.Write(model, output); break;
            case ReportFormat.Json: InventoryJsonReport.Write(model, output); break;
            case ReportFormat.Pdf: InventoryPdfReport.Write(model, output); break;
            case ReportFormat.Docx:
                throw new ArgumentOutOfRangeException(nameof(format), format, "an inventory report is HTML, .xlsx, CSV, JSON or PDF; Word (.docx) is for the transition plan");
            default: throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }
    }

    /// <summary>The file extension for <paramref name="format"/> (".html", ".xlsx", ".csv", ".json", ".pdf", ".docx").</summary>
    public static string Extension(ReportFormat format) => format switch
    {
        ReportFormat.Html => ".html",
        ReportFormat.Xlsx => ".xlsx",
        ReportFormat.Csv => ".csv",
        ReportFormat.Json => ".json",
        ReportFormat.Pdf => ".pdf",
        ReportFormat.Docx => ".docx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The media type for an HTTP response.</summary>
    public static string ContentType(ReportFormat format) => format switch
    {
        ReportFormat.Html => "text/html; charset=utf-8",
        ReportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ReportFormat.Csv => "text/csv; charset=utf-8",
        ReportFormat.Json => "application/json",
        ReportFormat.Pdf => "application/pdf",
        ReportFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
