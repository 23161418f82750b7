using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Pricing;

/// <summary>The entry point the CLI and the web call: build a <see cref="PricingReportModel"/>, render it as HTML, .xlsx or PDF.</summary>
public static class PricingReports
{
    public static IReadOnlyList<ReportFormat> Formats { get; } = [ReportFormat.Html, ReportFormat.Xlsx, ReportFormat.Pdf];

    public static void Render(PricingReportModel model, ReportFormat format, Stream output)
    {
        switch (format)
        {
            case ReportFormat.Html: PricingHtmlReport.Write(model, output); break;
            case ReportFormat.Xlsx: PricingXlsxReport.Write(model, output); break;
            case ReportFormat.Pdf: PricingPdfReport.Write(model, output); break;
            default: throw new ArgumentOutOfRangeException(nameof(format), format, "an ICP report is HTML, .xlsx or PDF");
        }
    }

    /// <summary>The format a file name asks for by its extension (.html/.htm, .xlsx, .pdf), or null.</summary>
    public static ReportFormat? FormatOf(string path) => Path.GetExtension(path).ToUpperInvariant() switch
    {
        ".HTML" or ".HTM" => ReportFormat.Html,
        ".XLSX" => ReportFormat.Xlsx,
        ".PDF" => ReportFormat.Pdf,
        _ => null,
    };
}
