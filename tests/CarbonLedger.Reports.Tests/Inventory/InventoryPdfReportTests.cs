using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Tests.Inventory;

/// <summary>The PDF report read back with a small PDF reader below (objects, Flate streams, the page tree, ToUnicode
/// CMaps and the Tf/Tj text operators Skia writes), so the tests need no PDF library or poppler. The tests share
/// <see cref="PdfFonts"/>' static configuration, so they live in one class (xunit runs a class's tests one at a time).</summary>
public sealed class InventoryPdfReportTests
{
    private static byte[] Render(ReportLanguage language, bool withProblem = false)
    {
        using var stream = new MemoryStream();
        InventoryReports.Render(SampleInventory.Model(language, withProblem), ReportFormat.Pdf, stream);
        return stream.ToArray();
    }

    [Fact]
    public void Render_Pdf_HasHeaderTrailerAndPagesInThePageTree()
    {
        // Given / When
        var bytes = Render(ReportLanguage.ZhTw);
        var pdf = new PdfReader(bytes);

        // Then: "%PDF-" first, "%%EOF" last (ISO 32000-1 7.5.2, 7.5.5); the catalog's page tree counts the page objects
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        Encoding.ASCII.GetString(bytes).TrimEnd().ShouldEndWith("%%EOF");
        var count = pdf.PageCount();
        count.ShouldBeGreaterThanOrEqualTo(1);
        count.ShouldBe(pdf.Pages().Count);
        InventoryReports.Extension(ReportFormat.Pdf).ShouldBe(".pdf");
        InventoryReports.ContentType(ReportFormat.Pdf).ShouldBe("application/pdf");
    }

    [Fact]
    public void Render_Pdf_EmbedsTheTraditionalChineseNotoFaceWithGlyphOutlines()
    {
        // Given / When
        var pdf = new PdfReader(Render(ReportLanguage.ZhTw));

        // Then: Skia embeds CFF-outline OpenType as Type 3 fonts — each used glyph's outline is a content stream in
        //   /CharProcs, and the descriptor names the face (subset tag + PostScript name). There is no /FontFile2/3 for
        //   Type 3 (ISO 32000-1 9.6.5): the outlines are the embedded font. The TC face of the collection is chosen.
        var fonts = pdf.Bodies().Where(b => b.Contains("/Subtype /Type3", StringComparison.Ordinal)).ToList();
        fonts.ShouldNotBeEmpty();
        fonts.ShouldAllBe(f => f.Contains("/CharProcs", StringComparison.Ordinal) && f.Contains("/ToUnicode", StringComparison.Ordinal));
        pdf.Bodies().ShouldContain(b => Regex.IsMatch(b, @"/FontName /[A-Z]{6}\+NotoSansCJKtc-(Regular|Bold)"));
    }

    [Fact]
    public void Render_PdfZhTw_TextHasOrganizationLabelsAndTotals()
    {
        // Given / When
        var text = new PdfReader(Render(ReportLanguage.ZhTw)).Text();

        // Then: the organization exactly as given (a PDF has no markup to escape), zh-TW labels, and the totals at three
        //   decimals from SampleInventory's hand figures: location-based 58.18003075056 → 58.180, market-based
        //   34.48003075056 → 34.480, Scope 2 47.400 / 23.700, 彙整表三 (Scope 1) 7.78003075056 → 7.780
        text.ShouldContain(SampleInventory.OrganizationName);
        //   Labels are chosen without characters that share a glyph with a Kangxi radical (一, 二, 用 …): Skia's ToUnicode
        //   maps such a glyph to the radical (U+2F00 …), so copied text shows ⼀ for 一 although the page draws the same glyph.
        foreach (var label in new[] { "溫室氣體盤查報告書", "組織邊界", "排放源鑑別", "排放係數及來源", "雙軌結果", "位置基礎", "市場基礎",
                     "彙整表", "七種溫室氣體排放量", "依 ISO 14064-1 類別", "依溫室氣體", "依廠區", "排除之排放源及理由", "說明", "數據品質與不確定性",
                     "各範疇排放量" })
        {
            text.ShouldContain(label);
        }
        foreach (var figure in new[] { "58.180", "34.480", "47.400", "23.700", "7.780" })
        {
            text.ShouldContain(figure);
        }
        text.ShouldContain("AR5");
        text.ShouldContain("de minimis: < 0.1 % of the total"); // the EXT exclusion's reason
    }

    [Fact]
    public void Render_PdfEnglish_HasEnglishLabelsChartsAndPageNumbers()
    {
        // Given / When
        var pdf = new PdfReader(Render(ReportLanguage.English));
        var text = pdf.Text();
        var pages = pdf.PageCount();

        // Then: English headings, the three chart titles, the twelve months on the monthly axis, "n / N" on every page
        foreach (var label in new[] { "Greenhouse gas inventory report", "Organizational boundary", "Emission factors used and their provenance",
                     "Emissions by scope (tCO2e)", "Emissions by month (Location-based) (tCO2e)", "By facility (Location-based) (tCO2e)",
                     "Consolidation approach", "Operational control", "Generated at (UTC)", "2025-03-31T08:00:00Z" })
        {
            text.ShouldContain(label);
        }
        text.ShouldContain("2024-12");
        for (var page = 1; page <= pages; page++)
        {
            text.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"{page} / {pages}"));
        }
    }

    [Fact]
    public void Render_PdfWithProblem_SaysInventoryIsIncomplete()
    {
        // Given: a diesel record in kWh, which the per-litre factor cannot take (SampleInventory withProblem)
        // When
        var text = new PdfReader(Render(ReportLanguage.English, withProblem: true)).Text();

        // Then
        text.ShouldContain("This inventory is incomplete");
    }

    [Fact]
    public void Render_PdfIntoForwardOnlyStream_WritesTheSameSignature()
    {
        // Given: an output that cannot seek, as an HTTP response body
        using var output = new ForwardOnlyStream();

        // When
        InventoryReports.Render(SampleInventory.Model(ReportLanguage.English), ReportFormat.Pdf, output);

        // Then
        Encoding.ASCII.GetString(output.Inner.ToArray(), 0, 5).ShouldBe("%PDF-");
    }

    [Fact]
    public void Render_FontConfiguredToMissingFile_ThrowsNamingThePathAndTheFix()
    {
        // Given
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-font-{Guid.NewGuid():N}.ttc");
        PdfFonts.Configure(missing);
        try
        {
            // When
            var ex = Should.Throw<PdfFontNotFoundException>(() => Render(ReportLanguage.ZhTw));

            // Then
            ex.Message.ShouldContain(missing);
            ex.Message.ShouldContain("apt-get install fonts-noto-cjk");
            ex.PathsTried.ShouldBe([missing]);
        }
        finally
        {
            PdfFonts.Configure(null);
        }
    }

    [Fact]
    public void Render_FontConfiguredToLatinOnlyFile_ThrowsInsteadOfDrawingTofu()
    {
        // Given: a file that exists but is no CJK font (this test file's own assembly)
        var notAFont = typeof(InventoryPdfReportTests).Assembly.Location;
        PdfFonts.Configure(notAFont);
        try
        {
            // When / Then
            Should.Throw<PdfFontNotFoundException>(() => Render(ReportLanguage.ZhTw)).Message.ShouldContain(notAFont);
        }
        finally
        {
            PdfFonts.Configure(null);
        }
    }

    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Inner { get; } = new();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);
    }

    /// <summary>Just enough of a PDF reader for what SkiaSharp writes: uncompressed object syntax, Flate streams with a
    /// direct /Length, a page tree, Type 3 fonts with ToUnicode CMaps, and text as "/Fn size Tf" + "&lt;hex&gt; Tj".</summary>
    internal sealed class PdfReader
    {
        private readonly byte[] _bytes;
        private readonly Dictionary<int, (string Dict, byte[]? Stream)> _objects = [];

        public PdfReader(byte[] bytes)
        {
            _bytes = bytes;
            var latin = Encoding.Latin1.GetString(bytes);
            foreach (Match m in Regex.Matches(latin, @"(?m)^(\d+) 0 obj\n"))
            {
                var start = m.Index + m.Length;
                var end = latin.IndexOf("endobj", start, StringComparison.Ordinal);
                var body = latin[start..end];
                var streamAt = body.IndexOf("stream\n", StringComparison.Ordinal);
                byte[]? data = null;
                if (streamAt >= 0 && Regex.Match(body[..streamAt], @"/Length (\d+)") is { Success: true } length)
                {
                    data = bytes.AsSpan(start + streamAt + "stream\n".Length, int.Parse(length.Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
                    if (body[..streamAt].Contains("/FlateDecode", StringComparison.Ordinal)) { data = Inflate(data); }
                    body = body[..streamAt];
                }
                _objects[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = (body, data);
            }
        }

        public IEnumerable<string> Bodies() => _objects.Values.Select(o => o.Dict);

        public int PageCount()
        {
            var trailer = Encoding.Latin1.GetString(_bytes)[^400..];
            var root = Ref(trailer, "Root");
            var pages = Ref(_objects[root].Dict, "Pages");
            return int.Parse(Regex.Match(_objects[pages].Dict, @"/Count (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        }

        public List<int> Pages() => _objects.Where(o => Regex.IsMatch(o.Value.Dict, @"/Type /Page\b(?!s)")).Select(o => o.Key).Order().ToList();

        /// <summary>Each page's text runs (one per BT … ET), one per line.</summary>
        public string Text()
        {
            var sb = new StringBuilder();
            foreach (var page in Pages())
            {
                var dict = _objects[page].Dict;
                var fontsAt = dict.IndexOf("/Font <<", StringComparison.Ordinal);
                var fontDict = dict[fontsAt..dict.IndexOf(">>", fontsAt, StringComparison.Ordinal)];
                var fonts = Regex.Matches(fontDict, @"/(\w+) (\d+) 0 R").ToDictionary(m => m.Groups[1].Value, m => ToUnicode(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
                var content = Encoding.Latin1.GetString(_objects[Ref(dict, "Contents")].Stream!);
                Dictionary<string, string> map = [];
                foreach (Match op in Regex.Matches(content, @"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\bET\b"))
                {
                    if (op.Value == "ET") { sb.Append('\n'); }
                    else if (op.Groups[1].Success) { map = fonts[op.Groups[1].Value]; }
                    else
                    {
                        var hex = op.Groups[2].Value;
                        for (var i = 0; i + 2 <= hex.Length; i += 2) { sb.Append(map.GetValueOrDefault(hex.Substring(i, 2).ToUpperInvariant(), "\uFFFD")); }
                    }
                }
            }
            return sb.ToString();
        }

        /// <summary>Code (two hex digits) → text from the font's ToUnicode CMap (bfchar and bfrange entries).</summary>
        private Dictionary<string, string> ToUnicode(int font)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            var cmap = Encoding.Latin1.GetString(_objects[Ref(_objects[font].Dict, "ToUnicode")].Stream!);
            foreach (Match m in Regex.Matches(cmap, @"beginbfchar\n(.*?)endbfchar", RegexOptions.Singleline))
            {
                foreach (Match e in Regex.Matches(m.Groups[1].Value, @"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>"))
                {
                    map[e.Groups[1].Value.ToUpperInvariant()] = Utf16(e.Groups[2].Value);
                }
            }
            foreach (Match m in Regex.Matches(cmap, @"beginbfrange\n(.*?)endbfrange", RegexOptions.Singleline))
            {
                foreach (Match e in Regex.Matches(m.Groups[1].Value, @"<([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)> <([0-9A-Fa-f]+)>"))
                {
                    var from = Convert.ToInt32(e.Groups[1].Value, 16);
                    var to = Convert.ToInt32(e.Groups[2].Value, 16);
                    var first = Convert.ToInt32(e.Groups[3].Value, 16);
                    for (var code = from; code <= to; code++)
                    {
                        map[code.ToString("X2", CultureInfo.InvariantCulture)] = char.ConvertFromUtf32(first + code - from);
                    }
                }
            }
            return map;
        }

        private static string Utf16(string hex)
        {
            var chars = new char[hex.Length / 4];
            for (var i = 0; i < chars.Length; i++) { chars[i] = (char)Convert.ToInt32(hex.Substring(i * 4, 4), 16); }
            return new string(chars);
        }

        private static int Ref(string dict, string key) =>
            int.Parse(Regex.Match(dict, $@"/{key} (\d+) 0 R").Groups[1].Value, CultureInfo.InvariantCulture);

        private static byte[] Inflate(byte[] data)
        {
            using var input = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            using var output = new MemoryStream();
            input.CopyTo(output);
            return output.ToArray();
        }
    }
}
