using System.Globalization;
using CarbonLedger.Inventory;
using SkiaSharp;

namespace CarbonLedger.Reports.Inventory;

/// <summary>The inventory report as a printable A4 PDF: the same sections, figures and zh-TW/English labels as
/// <see cref="InventoryHtmlReport"/>, plus vector bar charts by scope (location- and market-based), by month and by
/// facility, a title block and page numbers. It prints what <see cref="InventoryReportModel"/> holds and computes no
/// figure of its own; numbers print as in the HTML (<see cref="ReportNumbers"/>).
///
/// Drawn with SkiaSharp's PDF backend (<see cref="SKDocument.CreatePdf(SKWStream, SKDocumentPdfMetadata)"/>): it
/// embeds subsets of the CFF-outline Noto Sans CJK found by <see cref="PdfFonts"/>, as Type 3 fonts whose glyphs are
/// the font's own vector outlines, with a ToUnicode map so the text can be searched and copied. PDFsharp 6.5.0 was
/// tried and rejected: it embeds only TrueType-outline fonts and throws PdfSharpLicenseException on new PdfDocument().
/// Pages are recorded first and written afterwards, so each footer can say "page n / N".</summary>
public static class InventoryPdfReport
{
    public static void Write(InventoryReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var font = PdfFonts.Resolve();
        var s = ReportStrings.For(ReportLanguageExtensions.FromTag(model.Header.Language));

        var pages = new List<SKPicture>();
        try
        {
            using (var page = new PdfPageWriter(font.Regular, font.Bold, pages))
            {
                TitleBlock(page, s, model);
                Boundary(page, s, model);
                BaseYear(page, s, model);
                Sources(page, s, model);
                Methods(page, s, model);
                Factors(page, s, model);
                Results(page, s, model);
                Scope2(page, s, model);
                Moenv(page, s, model);
                Listings(page, s, model);
                DataQuality(page, s, model);
            }
            WriteDocument(model, s, font.Regular, pages, output);
        }
        finally
        {
            foreach (var picture in pages) { picture.Dispose(); }
        }
    }

    private static void WriteDocument(InventoryReportModel model, ReportStrings s, SKTypeface typeface, List<SKPicture> pages, Stream output)
    {
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{s[ReportText.Title]} — {model.Header.OrganizationName}",
            Author = model.Header.PreparedBy,
            Subject = $"{model.Period.Start} – {model.Period.End}",
            Creator = "CarbonLedger",
            Producer = "CarbonLedger (SkiaSharp PDF)",
            // The generated-at instant, not the wall clock, so one model always gives the same file.
            Creation = DateTime.Parse(model.Header.GeneratedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            Modified = DateTime.Parse(model.Header.GeneratedAt, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
            RasterDpi = 300,
        };
        PdfPageWriter.WriteDocument(metadata, $"{s[ReportText.Title]} — {model.Header.OrganizationName}", typeface, pages, output, footerRule: true);
    }

    private static void TitleBlock(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.Title(s[ReportText.Title], m.Header.OrganizationName);
        p.KeyValues(
            (s[ReportText.Organization], m.Header.OrganizationName),
            (s[ReportText.ReportingPeriod], $"{m.Period.Start} – {m.Period.End}"),
            (s[ReportText.GwpSetUsed], $"{m.Header.GwpSetId} — {m.Header.GwpSetName}"),
            (s[ReportText.ConsolidationApproach], s.Of(m.Boundary.ConsolidationApproach)),
            (s[ReportText.PreparedBy], m.Header.PreparedBy),
            (s[ReportText.GeneratedAt], m.Header.GeneratedAt),
            ($"{s[ReportText.Total]} ({s[ReportText.LocationBased]})", $"{ReportNumbers.Tonnes(m.LocationBased.TotalTonnes)} tCO2e"),
            ($"{s[ReportText.Total]} ({s[ReportText.MarketBased]})", $"{ReportNumbers.Tonnes(m.MarketBased.TotalTonnes)} tCO2e"));
        p.Callout(s[m.IsComplete ? ReportText.CompleteStatement : ReportText.IncompleteStatement], warning: !m.IsComplete);
        p.Note(m.Header.RoundingRule);
    }

    private static void Boundary(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.H2(s[ReportText.Boundary]);
        p.KeyValues((s[ReportText.BoundaryDescription], m.Header.BoundaryDescription),
            (s[ReportText.ConsolidationApproach], s.Of(m.Boundary.ConsolidationApproach)));
        p.H3(s[ReportText.LegalEntities]);
        p.Table(H(s, ReportText.Name, ReportText.OwnershipPercent, ReportText.ParentEntity, ReportText.TaxId),
            m.Boundary.Entities.Select(e => new[] { T(e.Name), N(ReportNumbers.Quantity(e.OwnershipPercent)), T(e.ParentName), T(e.TaxId) }), s);
        p.H3(s[ReportText.Facilities]);
        p.Table(H(s, ReportText.Code, ReportText.Name, ReportText.LegalEntity, ReportText.OwnershipPercent, ReportText.OperationalControl,
                ReportText.FinancialControl, ReportText.ConsolidationShare, ReportText.Address),
            m.Boundary.Facilities.Select(f => new[]
            {
                T(f.Code), T(f.Name), T(f.LegalEntity), N(ReportNumbers.Quantity(f.OwnershipPercent)), T(s.YesNo(f.OperationalControl)),
                T(s.YesNo(f.FinancialControl)), N(ReportNumbers.Quantity(f.ConsolidationSharePercent)), T(f.Address),
            }), s);
    }

    private static void BaseYear(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        var b = m.BaseYear;
        p.H2(s[ReportText.BaseYear]);
        p.KeyValues(
            (s[ReportText.ReportingPeriod], $"{m.Period.Start} – {m.Period.End}"),
            (s[ReportText.FactorYear], m.Period.FactorYear.ToString(CultureInfo.InvariantCulture)),
            (s[ReportText.BaseYear], b.Year.ToString(CultureInfo.InvariantCulture)),
            (s[ReportText.BaseYearEmissions], b.EmissionsTonnes is { } t ? $"{ReportNumbers.Tonnes(t)} tCO2e" : s[ReportText.BaseYearNone]),
            (s[ReportText.ChangeFromBaseYear], b.ChangePercent is { } c ? $"{(c > 0 ? "+" : "")}{ReportNumbers.Percent(c)} %" : s[ReportText.BaseYearNone]));
        p.H3(s[ReportText.RecalculationCheck]);
        if (b.Recalculation is not { } r)
        {
            p.Note(s[ReportText.NoRecalculationData]);
            return;
        }
        p.KeyValues(
            (s[ReportText.CumulativeImpact], $"{ReportNumbers.Tonnes(r.CumulativeImpactTonnes)} tCO2e ({ReportNumbers.Percent(r.CumulativePercent)} %)"),
            (s[ReportText.Threshold], $"{ReportNumbers.Percent(r.ThresholdPercent)} %"),
            (s[ReportText.RecalculationCheck], s[r.RecalculationRequired ? ReportText.RecalculationRequired : ReportText.RecalculationNotRequired]),
            (s[ReportText.Message], r.Explanation));
        p.Table(H(s, ReportText.StructuralChanges, ReportText.What, ReportText.Year, ReportText.Tonnes),
            r.Changes.Select(c => new[] { T(c.Description), T(c.Kind.ToString()), N(c.Year.ToString(CultureInfo.InvariantCulture)), N(ReportNumbers.Tonnes(c.BaseYearImpactTonnes)) }), s);
    }

    private static void Sources(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.H2(s[ReportText.Sources]);
        p.Table(H(s, ReportText.Code, ReportText.Name, ReportText.Facility, ReportText.SourceType, ReportText.Scope, ReportText.IsoCategory,
                ReportText.Scope3Category, ReportText.EmissionType, ReportText.FactorKey, ReportText.Department, ReportText.Reason),
            m.Sources.Select(x => new[]
            {
                T(x.Code), T(x.Name), T($"{x.FacilityCode} {x.FacilityName}"), T(x.SourceTypeLabel), T(s.Of(x.Scope)),
                T(s.Of((IsoCategory)x.IsoCategory)), T(x.Scope3Category is { } c ? s.Of((Scope3Category)c) : ""), T(s.Of(x.EmissionType)),
                T(x.FactorKey), T(x.Department), T(x.ExclusionReason),
            }), s);
    }

    private static void Methods(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.H2(s[ReportText.Methods]);
        p.Table(H(s, ReportText.SourceType, ReportText.Formula), m.Methods.Select(x => new[] { T(x.SourceTypeLabel), T(x.Formula) }), s);
    }

    /// <summary>The HTML's sixteen-column factor table, split in two so it fits a portrait page: who published each factor,
    /// then its per-gas values, GWPs and use. Both are keyed by the factor key.</summary>
    private static void Factors(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.H2(s[ReportText.FactorsUsed]);
        p.Table(H(s, ReportText.FactorKey, ReportText.Name, ReportText.FactorSet, ReportText.Publisher, ReportText.Version, ReportText.Year,
                ReportText.Status, ReportText.SourceCitation),
            m.Factors.Select(f => new[]
            {
                T(f.Key), T(f.Name), T($"{f.SetName} ({f.SetId})"), T(f.Publisher), T(f.Version),
                N((f.FactorYear ?? f.SetYear)?.ToString(CultureInfo.InvariantCulture) ?? ""), T(f.Status), T(f.Source),
            }), s);
        p.Table(H(s, ReportText.FactorKey, ReportText.Gas, ReportText.FactorValue, ReportText.Unit, ReportText.Gwp, ReportText.Uncertainty,
                ReportText.HeatingValue, ReportText.UsedBy, ReportText.FactorNote),
            m.Factors.Select(f => new[]
            {
                T(f.Key), T(Lines(f.Gases.Select(g => g.Gas))), N(Lines(f.Gases.Select(g => ReportNumbers.Full(g.Value)))), T(Lines(f.Gases.Select(g => g.Unit))),
                N(Lines(f.Gases.Select(g => ReportNumbers.Full(g.Gwp)))), N(f.UncertaintyPercent is { } u ? ReportNumbers.Percent(u) : ""),
                T(f.HeatingValue), T(string.Join(", ", f.UsedBySources)), T(f.Note),
            }), s);
        p.H3(s[ReportText.GwpValuesApplied]);
        p.Note($"{m.Gwp.Id} — {m.Gwp.Name} ({m.Gwp.Source})");
        p.Table(H(s, ReportText.Gas, ReportText.GasGroup, ReportText.Gwp, ReportText.GwpProvenance),
            m.Gwp.Applied.Select(g => new[] { T(g.Gas), T(s.Of(g.Group)), N(ReportNumbers.Full(g.Gwp)), T(g.Provenance) }), s);
    }

    private static void Results(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        var r = m.LocationBased;
        var market = m.MarketBased;
        p.H2(s[ReportText.Results]);
        p.Note(s[ReportText.MoenvBasisNote]);
        p.H3(s[ReportText.ResultsByScope]);
        p.Table(H(s, ReportText.Scope, ReportText.LocationBased, ReportText.Share, ReportText.MarketBased, ReportText.Share),
            r.ByScope.Rows.Select((row, i) => new[]
            {
                T(row.Label), N(ReportNumbers.Tonnes(row.Tonnes)), N(ReportNumbers.Percent(row.DisplaySharePercent)),
                N(ReportNumbers.Tonnes(market.ByScope.Rows[i].Tonnes)), N(ReportNumbers.Percent(market.ByScope.Rows[i].DisplaySharePercent)),
            }), s,
            total: [T(s[ReportText.Total]), N(ReportNumbers.Tonnes(r.TotalTonnes)), N(ReportNumbers.Percent(r.ByScope.Rows.Sum(x => x.DisplaySharePercent))),
                N(ReportNumbers.Tonnes(market.TotalTonnes)), N(ReportNumbers.Percent(market.ByScope.Rows.Sum(x => x.DisplaySharePercent)))],
            unitNote: "tCO2e");
        p.HorizontalBars(s[ReportText.ChartByScope], r.ByScope.Rows.Select(x => x.Label).ToList(),
            [(s[ReportText.LocationBased], PdfPageWriter.Green, r.ByScope.Rows.Select(x => x.Tonnes).ToList()),
                (s[ReportText.MarketBased], PdfPageWriter.Blue, market.ByScope.Rows.Select(x => x.Tonnes).ToList())]);
        Breakdown(p, s, ReportText.ResultsByIsoCategory, ReportText.IsoCategory, r.ByIsoCategory);
        if (r.ByScope3Category.Rows.Count > 0) { Breakdown(p, s, ReportText.ResultsByScope3Category, ReportText.Scope3Category, r.ByScope3Category); }
        Breakdown(p, s, ReportText.ResultsByGas, ReportText.Gas, r.ByGas);
        Breakdown(p, s, ReportText.ResultsByGasGroup, ReportText.GasGroup, r.ByGasGroup);
        Breakdown(p, s, ReportText.ResultsByFacility, ReportText.Facility, r.ByFacility);
        p.HorizontalBars($"{s[ReportText.ResultsByFacility]} ({s[ReportText.LocationBased]})", r.ByFacility.Rows.Select(x => x.Label).ToList(),
            [(s[ReportText.LocationBased], PdfPageWriter.Green, r.ByFacility.Rows.Select(x => x.Tonnes).ToList())]);
        Breakdown(p, s, ReportText.ResultsByDepartment, ReportText.Department, r.ByDepartment);
        Breakdown(p, s, ReportText.ResultsByMonth, ReportText.Month, r.ByMonth);
        p.VerticalBars($"{s[ReportText.ChartByMonth]} ({s[ReportText.LocationBased]})", r.ByMonth.Rows.Select(x => (x.Label, x.Tonnes)).ToList());
        Breakdown(p, s, ReportText.ResultsByEmissionType, ReportText.EmissionType, r.ByEmissionType);
        p.H3(s[ReportText.BiogenicCo2]);
        p.KeyValues((s[ReportText.BiogenicCo2], $"{ReportNumbers.Tonnes(m.BiogenicCo2Tonnes)} tCO2"));
        p.Note(s[ReportText.BiogenicNote]);
    }

    private static void Breakdown(PdfPageWriter p, ReportStrings s, ReportText title, ReportText keyHeader, BreakdownTable table)
    {
        p.H3(s[title]);
        p.Table(H(s, keyHeader, ReportText.Tonnes, ReportText.Share),
            table.Rows.Select(r => new[] { T(r.Label), N(ReportNumbers.Tonnes(r.Tonnes)), N(ReportNumbers.Percent(r.DisplaySharePercent)) }), s,
            total: [T(s[ReportText.Total]), N(ReportNumbers.Tonnes(table.TotalTonnes)), N(ReportNumbers.Percent(table.Rows.Sum(r => r.DisplaySharePercent)))]);
    }

    private static void Scope2(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.H2(s[ReportText.Scope2Dual]);
        p.Note(s[ReportText.Scope2BasisNote]);
        p.Table(H(s, ReportText.Facility, ReportText.ElectricityKwh, ReportText.LocationBased, ReportText.MarketBased, ReportText.Difference),
            m.Scope2.ByFacility.Select(f => new[]
            {
                T($"{f.FacilityCode} {f.FacilityName}"), N(ReportNumbers.Quantity(f.ElectricityKwh)), N(ReportNumbers.Tonnes(f.LocationBasedTonnes)),
                N(ReportNumbers.Tonnes(f.MarketBasedTonnes)), N(ReportNumbers.Tonnes(f.MarketBasedTonnes - f.LocationBasedTonnes)),
            }), s,
            total: [T(s[ReportText.Total]), N(ReportNumbers.Quantity(m.Scope2.ElectricityKwh)), N(ReportNumbers.Tonnes(m.Scope2.LocationBasedTonnes)),
                N(ReportNumbers.Tonnes(m.Scope2.MarketBasedTonnes)), N(ReportNumbers.Tonnes(m.Scope2.DifferenceTonnes))],
            unitNote: "tCO2e");
        p.H3(s[ReportText.Instruments]);
        p.Table(H(s, ReportText.InstrumentType, ReportText.Reference, ReportText.Facility, ReportText.Period, ReportText.EmissionRate,
                ReportText.TotalKwh, ReportText.AppliedKwh, ReportText.UnusedKwh),
            m.Scope2.Instruments.Select(i => new[]
            {
                T(i.TypeLabel), T(i.Reference), T(i.FacilityCode ?? "*"), T($"{i.PeriodStart} – {i.PeriodEnd}"), N(ReportNumbers.Full(i.EmissionRateKgPerKwh)),
                N(ReportNumbers.Quantity(i.TotalKwh)), N(ReportNumbers.Quantity(i.AppliedKwh)), N(ReportNumbers.Quantity(i.UnusedKwh)),
            }), s);
    }

    private static void Moenv(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.H2(s[ReportText.MoenvTable2]);
        MoenvTable(p, s, ReportText.Gas, m.Moenv.Table2);
        p.KeyValues((s[ReportText.BiogenicCo2], $"{ReportNumbers.Tonnes(m.Moenv.BiogenicCo2Tonnes)} tCO2"));
        p.H2(s[ReportText.MoenvTable3]);
        MoenvTable(p, s, ReportText.Gas, m.Moenv.Table3);
        p.H2(s[ReportText.MoenvTable4]);
        MoenvTable(p, s, ReportText.EmissionType, m.Moenv.Table4);
    }

    private static void MoenvTable(PdfPageWriter p, ReportStrings s, ReportText keyHeader, MoenvTable table) =>
        p.Table(H(s, keyHeader, ReportText.Tonnes, ReportText.Share),
            table.Rows.Select(r => new[] { T(r.Label, r.IsSubtotal), N(ReportNumbers.Tonnes(r.Tonnes), r.IsSubtotal), N(ReportNumbers.Percent(r.DisplaySharePercent), r.IsSubtotal) }), s,
            total: [T(s[ReportText.Total]), N(ReportNumbers.Tonnes(table.TotalTonnes)), N(ReportNumbers.Percent(table.Rows.Where(r => !r.IsSubtotal).Sum(r => r.DisplaySharePercent)))]);

    private static void Listings(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        p.H2(s[ReportText.Exclusions]);
        p.Table(H(s, ReportText.What, ReportText.Reason), m.Exclusions.Select(e => new[] { T(e.What), T(e.Reason) }), s);
        p.H2(s[ReportText.Problems]);
        if (!m.IsComplete) { p.Callout(s[ReportText.IncompleteStatement], warning: true); }
        p.Table(H(s, ReportText.Location, ReportText.Message), m.Problems.Select(x => new[] { T(x.Location), T(x.Message) }), s);
        p.H2(s[ReportText.Notes]);
        if (m.Notes.Count == 0) { p.Note(s[ReportText.NoneRecorded]); }
        foreach (var note in m.Notes) { p.Bullet(note); }
    }

    private static void DataQuality(PdfPageWriter p, ReportStrings s, InventoryReportModel m)
    {
        var d = m.DataQuality;
        p.H2(s[ReportText.DataQuality]);
        p.Table(H(s, ReportText.Level, ReportText.Records, ReportText.Tonnes, ReportText.Share, ReportText.DefaultActivityUncertainty),
            d.ByLevel.Select(l => new[]
            {
                T(l.Label), N(l.Records.ToString("#,##0", CultureInfo.InvariantCulture)), N(ReportNumbers.Tonnes(l.Tonnes)),
                N(ReportNumbers.Percent(l.DisplaySharePercent)), N(ReportNumbers.Percent(l.DefaultActivityUncertaintyPercent)),
            }), s);
        p.KeyValues(
            (s[ReportText.QuantifiedTonnes], ReportNumbers.Tonnes(d.QuantifiedTonnes)),
            (s[ReportText.UnquantifiedTonnes], ReportNumbers.Tonnes(d.UnquantifiedTonnes)),
            (s[ReportText.TotalUncertainty], d.TotalUncertaintyPercent is { } u ? $"± {ReportNumbers.Percent(u)} %" : s[ReportText.NoneRecorded]));
        p.Note(s[ReportText.DefaultUncertaintyAssumption]);
    }

    private static string[] H(ReportStrings s, params ReportText[] keys) => keys.Select(k => s[k]).ToArray();

    private static string Lines(IEnumerable<string> values) => string.Join("\n", values);

    private static PdfCell T(string? text, bool emphasis = false) => new(text ?? "", Numeric: false, emphasis);

    private static PdfCell N(string formatted, bool emphasis = false) => new(formatted, Numeric: true, emphasis);
}

/// <summary>One table cell: its text (lines split on '\n'), right-aligned when numeric, italic-grey when a subtotal.</summary>
internal readonly record struct PdfCell(string Text, bool Numeric, bool Emphasis = false);

/// <summary>Lays the report out top to bottom on A4 portrait pages, each recorded as an <see cref="SKPicture"/> so the
/// document can be written once the page count is known. Text wraps at spaces and between CJK characters.</summary>
internal sealed class PdfPageWriter : IDisposable
{
    public const float Width = 595.28f;
    public const float Height = 841.89f;
    public const float Margin = 42f;
    public const float ContentWidth = Width - (2 * Margin);
    private const float Bottom = Height - 50f;
    private const float BodySize = 9f;
    private const float CellPad = 3f;

    /// <summary>Writes recorded pages as one PDF with a footer (text left, "page / pages" right, optionally a rule above)
    /// on every page — the one document writer of the inventory, pricing and plan PDFs. Skia writes into a buffer, copied
    /// to the output at the end: SKManagedWStream asks the stream for Position, which an HTTP response body does not
    /// support, and an exception thrown inside Skia's native callback ends the process.</summary>
    public static void WriteDocument(SKDocumentPdfMetadata metadata, string footer, SKTypeface typeface, IReadOnlyList<SKPicture> pages, Stream output,
        bool footerRule = false)
    {
        ArgumentNullException.ThrowIfNull(pages);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        using (var stream = new SKManagedWStream(buffer))
        using (var document = SKDocument.CreatePdf(stream, metadata))
        using (var font = new SKFont(typeface, 7.5f))
        using (var paint = new SKPaint { Color = Muted, IsAntialias = true })
        using (var rule = new SKPaint { Color = Rule, StrokeWidth = 0.5f, IsStroke = true })
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(Width, Height);
                canvas.DrawPicture(pages[i]);
                var y = Height - 26f;
                if (footerRule) { canvas.DrawLine(Margin, y - 10f, Width - Margin, y - 10f, rule); }
                canvas.DrawText(Truncate(footer, font, ContentWidth - 60f), Margin, y, SKTextAlign.Left, font, paint);
                canvas.DrawText(string.Create(CultureInfo.InvariantCulture, $"{i + 1} / {pages.Count}"), Width - Margin, y, SKTextAlign.Right, font, paint);
                document.EndPage();
            }
            document.Close();
        }
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    public static readonly SKColor Green = new(0x2e, 0x7d, 0x32);
    public static readonly SKColor Blue = new(0x15, 0x65, 0xc0);
    public static readonly SKColor Muted = new(0x55, 0x55, 0x55);
    public static readonly SKColor Rule = new(0xbb, 0xbb, 0xbb);
    private static readonly SKColor Ink = new(0x22, 0x22, 0x22);
    private static readonly SKColor HeaderFill = new(0xee, 0xf5, 0xee);
    private static readonly SKColor TotalFill = new(0xf2, 0xf2, 0xf2);
    private static readonly SKColor WarningFill = new(0xfd, 0xec, 0xea);
    private static readonly SKColor WarningInk = new(0xc6, 0x28, 0x28);
    private static readonly SKColor OkFill = new(0xed, 0xf7, 0xed);

    private readonly SKTypeface _regular;
    private readonly SKTypeface _bold;
    private readonly List<SKPicture> _pages;
    private readonly SKPictureRecorder _recorder = new();
    private readonly SKPaint _fill = new() { IsAntialias = true, Style = SKPaintStyle.Fill };
    private readonly SKPaint _stroke = new() { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f };
    /// <summary>Headings not drawn yet: they are drawn by the next <see cref="Ensure"/>, on the page where what follows
    /// them starts, so a heading never ends a page alone.</summary>
    private readonly List<(float Height, Action Draw)> _pendingHeadings = [];
    private SKCanvas _canvas;
    private float _y;

    public PdfPageWriter(SKTypeface regular, SKTypeface bold, List<SKPicture> pages)
    {
        _regular = regular;
        _bold = bold;
        _pages = pages;
        _canvas = _recorder.BeginRecording(new SKRect(0, 0, Width, Height));
        _y = Margin;
    }

    /// <summary>Ends the last page.</summary>
    public void Dispose()
    {
        Ensure(0f);
        _pages.Add(_recorder.EndRecording());
        _recorder.Dispose();
        _fill.Dispose();
        _stroke.Dispose();
    }

    private void NewPage()
    {
        _pages.Add(_recorder.EndRecording());
        _canvas = _recorder.BeginRecording(new SKRect(0, 0, Width, Height));
        _y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> (plus any pending headings) fits on this one, then
    /// draws the pending headings. True when a new page was started.</summary>
    private bool Ensure(float height)
    {
        var needed = height + _pendingHeadings.Sum(h => h.Height);
        var newPage = _y + needed > Bottom && _y > Margin;
        if (newPage) { NewPage(); }
        foreach (var (_, draw) in _pendingHeadings) { draw(); }
        _pendingHeadings.Clear();
        return newPage;
    }

    private SKFont Font(float size, bool bold = false) => new(bold ? _bold : _regular, size) { Subpixel = true };

    public void Title(string title, string organization)
    {
        using var big = Font(20f, bold: true);
        using var sub = Font(13f);
        Text(title, big, Green, Margin, _y + 20f);
        _y += 30f;
        foreach (var line in Wrap(organization, sub, ContentWidth))
        {
            Text(line, sub, Ink, Margin, _y + 13f);
            _y += 17f;
        }
        _y += 6f;
    }

    public void H2(string text)
    {
        List<string> lines;
        using (var measure = Font(13f, bold: true)) { lines = Wrap(text, measure, ContentWidth); }
        _pendingHeadings.Add(((lines.Count * 17f) + 17f, () =>
        {
            using var font = Font(13f, bold: true);
            _y += 10f;
            foreach (var line in lines)
            {
                Text(line, font, Ink, Margin, _y + 13f);
                _y += 17f;
            }
            _fill.Color = Green;
            _canvas.DrawRect(Margin, _y, ContentWidth, 1.5f, _fill);
            _y += 7f;
        }));
    }

    public void H3(string text)
    {
        List<string> lines;
        using (var measure = Font(10.5f, bold: true)) { lines = Wrap(text, measure, ContentWidth); }
        _pendingHeadings.Add(((lines.Count * 14f) + 6f, () =>
        {
            using var font = Font(10.5f, bold: true);
            _y += 4f;
            foreach (var line in lines)
            {
                Text(line, font, Ink, Margin, _y + 11f);
                _y += 14f;
            }
            _y += 2f;
        }));
    }

    public void Note(string text) => Paragraph(text, Margin, ContentWidth, Muted, 8f);

    /// <summary>Body text, indented by <paramref name="indent"/> points (the transition-plan document's numbered items).</summary>
    public void Body(string text, float indent = 0f) => Paragraph(text, Margin + indent, ContentWidth - indent, Ink, BodySize);

    public void Bullet(string text)
    {
        using var font = Font(BodySize);
        Ensure(12f);
        Text("•", font, Ink, Margin + 4f, _y + BodySize);
        Paragraph(text, Margin + 14f, ContentWidth - 14f, Ink, BodySize);
    }

    private void Paragraph(string text, float x, float width, SKColor color, float size)
    {
        using var font = Font(size);
        var lineHeight = size * 1.45f;
        foreach (var line in Wrap(text, font, width))
        {
            Ensure(lineHeight);
            Text(line, font, color, x, _y + size);
            _y += lineHeight;
        }
        _y += 4f;
    }

    /// <summary>A framed statement: green when the inventory is complete, red when it is not.</summary>
    public void Callout(string text, bool warning)
    {
        using var font = Font(BodySize, bold: warning);
        var lines = Wrap(text, font, ContentWidth - 16f);
        var height = (lines.Count * 13f) + 10f;
        Ensure(height + 6f);
        _fill.Color = warning ? WarningFill : OkFill;
        _canvas.DrawRect(Margin, _y, ContentWidth, height, _fill);
        _stroke.Color = warning ? WarningInk : Green;
        _stroke.StrokeWidth = warning ? 1.5f : 0.8f;
        _canvas.DrawRect(Margin, _y, ContentWidth, height, _stroke);
        _stroke.StrokeWidth = 0.5f;
        var y = _y + 5f;
        foreach (var line in lines)
        {
            Text(line, font, warning ? WarningInk : Ink, Margin + 8f, y + BodySize);
            y += 13f;
        }
        _y += height + 6f;
    }

    public void KeyValues(params (string Label, string Value)[] pairs)
    {
        var rows = pairs.Select(p => new[] { new PdfCell(p.Label, false, Emphasis: false), new PdfCell(p.Value, false) }).ToList();
        DrawTable(null, rows, null, [ContentWidth * 0.32f, ContentWidth * 0.68f], BodySize - 0.5f, labelColumn: true);
        _y += 4f;
    }

    /// <summary>A table with a repeated header row on each page it spans, an optional bold total row and a unit note.
    /// With no rows and no total it prints the "none recorded" label instead, as the HTML does.</summary>
    public void Table(IReadOnlyList<string> headers, IEnumerable<PdfCell[]> rows, ReportStrings strings, PdfCell[]? total = null, string? unitNote = null)
    {
        var list = rows.ToList();
        if (list.Count == 0 && total is null)
        {
            Note(strings[ReportText.NoneRecorded]);
            return;
        }
        var size = headers.Count > 8 ? 6.5f : headers.Count > 5 ? 7.5f : 8.5f;
        using var font = Font(size);
        using var bold = Font(size, bold: true);
        var all = list.Concat(total is null ? [] : [total]).ToList();
        var widths = ColumnWidths(headers, all, font, bold);
        DrawTable(headers, list, total, widths, size, labelColumn: false);
        if (unitNote is not null) { Note(unitNote); }
        else { _y += 4f; }
    }

    /// <summary>Widths that give each column at least its longest unbreakable word and share the rest of the page in
    /// proportion to how much more each column's text would like.</summary>
    private static float[] ColumnWidths(IReadOnlyList<string> headers, List<PdfCell[]> rows, SKFont font, SKFont bold)
    {
        var n = headers.Count;
        var natural = new float[n];
        var minimum = new float[n];
        for (var c = 0; c < n; c++)
        {
            var texts = rows.Select(r => (r[c].Text, Font: font, r[c].Numeric)).Prepend((headers[c], Font: bold, Numeric: false));
            foreach (var (text, f, numeric) in texts)
            {
                foreach (var line in text.Split('\n'))
                {
                    natural[c] = Math.Max(natural[c], Math.Min(f.MeasureText(line), 260f) + (2 * CellPad));
                    // A number is never broken.
                    if (numeric) { minimum[c] = Math.Max(minimum[c], f.MeasureText(line) + (2 * CellPad)); }
                    foreach (var word in Words(line))
                    {
                        minimum[c] = Math.Max(minimum[c], Math.Min(f.MeasureText(word), 64f) + (2 * CellPad));
                    }
                }
            }
            minimum[c] = Math.Max(minimum[c], 18f);
            natural[c] = Math.Max(natural[c], minimum[c]);
        }
        var sumNatural = natural.Sum();
        var sumMinimum = minimum.Sum();
        if (sumNatural <= ContentWidth) { return natural; }
        if (sumMinimum >= ContentWidth) { return minimum.Select(w => w * ContentWidth / sumMinimum).ToArray(); }
        var spare = ContentWidth - sumMinimum;
        var want = sumNatural - sumMinimum;
        return minimum.Select((w, c) => w + ((natural[c] - minimum[c]) / want * spare)).ToArray();
    }

    private void DrawTable(IReadOnlyList<string>? headers, List<PdfCell[]> rows, PdfCell[]? total, float[] widths, float size, bool labelColumn)
    {
        using var font = Font(size);
        using var bold = Font(size, bold: true);
        var lineHeight = size * 1.35f;

        float RowHeight(IEnumerable<(string Text, SKFont Font, float Width)> cells) =>
            (cells.Max(c => Wrap(c.Text, c.Font, c.Width - (2 * CellPad)).Count) * lineHeight) + (2 * CellPad);

        void DrawRow(IReadOnlyList<PdfCell> cells, SKFont f, SKColor? fill, bool header)
        {
            var height = RowHeight(cells.Select((c, i) => (c.Text, labelColumn && i == 0 ? bold : f, widths[i])));
            if (Ensure(height) && headers is not null && !header)
            {
                DrawRow(headers.Select(h => new PdfCell(h, false)).ToList(), bold, HeaderFill, header: true);
            }
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var cell = cells[i];
                var cellFill = fill ?? (labelColumn && i == 0 ? HeaderFill : (SKColor?)null);
                if (cellFill is { } color)
                {
                    _fill.Color = color;
                    _canvas.DrawRect(x, _y, widths[i], height, _fill);
                }
                _stroke.Color = Rule;
                _canvas.DrawRect(x, _y, widths[i], height, _stroke);
                var cellFont = labelColumn && i == 0 ? bold : f;
                var ink = cell.Emphasis ? Muted : Ink;
                var y = _y + CellPad + size;
                foreach (var line in Wrap(cell.Text, cellFont, widths[i] - (2 * CellPad)))
                {
                    if (cell.Numeric && !header) { TextRight(line, cellFont, ink, x + widths[i] - CellPad, y); }
                    else { Text(line, cellFont, ink, x + CellPad, y); }
                    y += lineHeight;
                }
                x += widths[i];
            }
            _y += height;
        }

        if (headers is not null)
        {
            // The header and the first row stay together.
            var first = rows.Count > 0 ? rows[0] : total!;
            Ensure(RowHeight(headers.Select((h, i) => (h, bold, widths[i]))) + RowHeight(first.Select((c, i) => (c.Text, font, widths[i]))));
            DrawRow(headers.Select(h => new PdfCell(h, false)).ToList(), bold, HeaderFill, header: true);
        }
        foreach (var row in rows) { DrawRow(row, font, null, header: false); }
        if (total is not null) { DrawRow(total, bold, TotalFill, header: false); }
    }

    /// <summary>A figure the caller draws (the ICP report's cash-flow and MACC charts) in a box as wide as the content and
    /// <paramref name="height"/> points high, on this page when it fits, else on the next.</summary>
    public void Figure(float height, Action<SKCanvas, SKRect, SKTypeface> draw)
    {
        ArgumentNullException.ThrowIfNull(draw);
        Ensure(height + 8f);
        draw(_canvas, new SKRect(Margin, _y, Margin + ContentWidth, _y + height), _regular);
        _y += height + 8f;
    }

    /// <summary>Horizontal bars, one group per label and one bar per series, each with its value in tonnes, on a common
    /// scale from zero with gridlines.</summary>
    public void HorizontalBars(string title, IReadOnlyList<string> labels, IReadOnlyList<(string Name, SKColor Color, IReadOnlyList<decimal> Values)> series)
    {
        using var titleFont = Font(9.5f, bold: true);
        using var font = Font(7.5f);
        const float bar = 11f, gap = 2f, groupGap = 8f;
        var groupHeight = (series.Count * (bar + gap)) - gap;
        var legend = series.Count > 1 ? 14f : 0f;
        var height = 22f + legend + (labels.Count * (groupHeight + groupGap)) + 18f;
        Ensure(height + 8f);
        var top = _y;
        Text($"{title} (tCO2e)", titleFont, Ink, Margin, top + 11f);
        var labelWidth = Math.Min(ContentWidth * 0.38f, labels.Select(l => font.MeasureText(l)).DefaultIfEmpty(0f).Max() + 8f);
        var plotLeft = Margin + labelWidth;
        var plotWidth = ContentWidth - labelWidth - 60f;
        var plotTop = top + 20f + legend;
        if (series.Count > 1)
        {
            var lx = plotLeft;
            foreach (var (name, color, _) in series)
            {
                _fill.Color = color;
                _canvas.DrawRect(lx, top + 20f, 9f, 9f, _fill);
                Text(name, font, Ink, lx + 12f, top + 28f);
                lx += 24f + font.MeasureText(name);
            }
        }
        var max = series.SelectMany(x => x.Values).DefaultIfEmpty(0m).Max();
        var scale = ChartScale.NiceMax(max);
        var plotHeight = labels.Count * (groupHeight + groupGap);
        Grid(plotLeft, plotTop, plotWidth, plotHeight, scale, font, vertical: false);
        for (var i = 0; i < labels.Count; i++)
        {
            var gy = plotTop + (groupGap / 2f) + (i * (groupHeight + groupGap));
            Text(Truncate(labels[i], font, labelWidth - 6f), font, Ink, Margin, gy + (groupHeight / 2f) + 3f);
            for (var k = 0; k < series.Count; k++)
            {
                var value = series[k].Values[i];
                var w = (float)(Math.Max(value, 0m) / scale) * plotWidth;
                var by = gy + (k * (bar + gap));
                _fill.Color = series[k].Color;
                _canvas.DrawRect(plotLeft, by, w, bar, _fill);
                Text(ReportNumbers.Tonnes(value), font, Ink, plotLeft + w + 3f, by + bar - 2.5f);
            }
        }
        _y = plotTop + plotHeight + 18f;
    }

    /// <summary>One column per label (months), value above each column; labels turn 45° when they do not fit.</summary>
    public void VerticalBars(string title, IReadOnlyList<(string Label, decimal Value)> bars)
    {
        using var titleFont = Font(9.5f, bold: true);
        using var font = Font(7f);
        using var valueFont = Font(6f);
        const float plotHeight = 150f;
        var labelRoom = 16f;
        var slot = (ContentWidth - 50f) / Math.Max(bars.Count, 1);
        var rotate = bars.Any(b => font.MeasureText(b.Label) > slot - 2f);
        if (rotate) { labelRoom = 40f; }
        Ensure(24f + plotHeight + labelRoom + 8f);
        var top = _y;
        Text($"{title} (tCO2e)", titleFont, Ink, Margin, top + 11f);
        var plotLeft = Margin + 50f;
        var plotTop = top + 26f;
        var scale = ChartScale.NiceMax(bars.Select(b => b.Value).DefaultIfEmpty(0m).Max());
        Grid(plotLeft, plotTop, ContentWidth - 50f, plotHeight, scale, font, vertical: true);
        for (var i = 0; i < bars.Count; i++)
        {
            var h = (float)(Math.Max(bars[i].Value, 0m) / scale) * plotHeight;
            var x = plotLeft + (i * slot);
            _fill.Color = Blue;
            _canvas.DrawRect(x + (slot * 0.18f), plotTop + plotHeight - h, slot * 0.64f, h, _fill);
            if (bars[i].Value != 0m) { TextCentered(ReportNumbers.Tonnes(bars[i].Value), valueFont, Ink, x + (slot / 2f), plotTop + plotHeight - h - 2f); }
            if (rotate)
            {
                _canvas.Save();
                _canvas.RotateDegrees(-45f, x + (slot / 2f), plotTop + plotHeight + 8f);
                TextRight(bars[i].Label, font, Ink, x + (slot / 2f), plotTop + plotHeight + 8f);
                _canvas.Restore();
            }
            else
            {
                TextCentered(bars[i].Label, font, Ink, x + (slot / 2f), plotTop + plotHeight + 10f);
            }
        }
        _y = plotTop + plotHeight + labelRoom + 8f;
    }

    /// <summary>Gridlines at fifths of <paramref name="scale"/>, with their values, and the zero axis.</summary>
    private void Grid(float left, float top, float width, float height, decimal scale, SKFont font, bool vertical)
    {
        for (var k = 0; k <= 5; k++)
        {
            var value = scale * k / 5m;
            var label = ReportNumbers.Quantity(value);
            _stroke.Color = k == 0 ? Muted : new SKColor(0xe0, 0xe0, 0xe0);
            if (vertical)
            {
                var y = top + height - (height * k / 5f);
                _canvas.DrawLine(left, y, left + width, y, _stroke);
                TextRight(label, font, Muted, left - 3f, y + 2.5f);
            }
            else
            {
                var x = left + (width * k / 5f);
                _canvas.DrawLine(x, top, x, top + height, _stroke);
                TextCentered(label, font, Muted, x, top + height + 9f);
            }
        }
        _stroke.Color = Rule;
    }

    private void Text(string text, SKFont font, SKColor color, float x, float y)
    {
        _fill.Color = color;
        _canvas.DrawText(text, x, y, SKTextAlign.Left, font, _fill);
    }

    private void TextRight(string text, SKFont font, SKColor color, float x, float y)
    {
        _fill.Color = color;
        _canvas.DrawText(text, x, y, SKTextAlign.Right, font, _fill);
    }

    private void TextCentered(string text, SKFont font, SKColor color, float x, float y)
    {
        _fill.Color = color;
        _canvas.DrawText(text, x, y, SKTextAlign.Center, font, _fill);
    }

    public static string Truncate(string text, SKFont font, float width)
    {
        if (font.MeasureText(text) <= width) { return text; }
        var end = text.Length;
        while (end > 0 && font.MeasureText(string.Concat(text.AsSpan(0, end), "…")) > width) { end--; }
        return string.Concat(text.AsSpan(0, end), "…");
    }

    private static bool IsCjk(char c) => c >= '\u2E80';

    /// <summary>A line may break after a space or after these (factor keys, lists, ranges), and on either side of a CJK character.</summary>
    private static bool BreaksAfter(char c) => char.IsWhiteSpace(c) || c is '/' or '-' or ',' or ';' or ')' or '|';

    /// <summary>The pieces a line may not be broken inside.</summary>
    private static IEnumerable<string> Words(string line)
    {
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var breakBefore = IsCjk(line[i]);
            var breakAfter = BreaksAfter(line[i]) || IsCjk(line[i]);
            if (breakBefore && i > start) { yield return line[start..i]; start = i; }
            if (breakAfter) { yield return line[start..(i + 1)].Trim(); start = i + 1; }
        }
        if (start < line.Length) { yield return line[start..]; }
    }

    /// <summary>Greedy line breaking: after a space or beside a CJK character; a word wider than the line is cut.</summary>
    internal static List<string> Wrap(string text, SKFont font, float width)
    {
        var result = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var rest = paragraph;
            while (font.MeasureText(rest) > width && rest.Length > 1)
            {
                var fit = 1;
                while (fit < rest.Length && font.MeasureText(rest.AsSpan(0, fit + 1)) <= width) { fit++; }
                var cut = fit;
                for (var i = fit; i > 0; i--)
                {
                    if (BreaksAfter(rest[i - 1]) || IsCjk(rest[i - 1]) || (i < rest.Length && IsCjk(rest[i])))
                    {
                        cut = i;
                        break;
                    }
                }
                result.Add(rest[..cut].TrimEnd());
                rest = rest[cut..].TrimStart();
            }
            result.Add(rest);
        }
        return result;
    }
}
