using SkiaSharp;

namespace CarbonLedger.Reports.Inventory;

/// <summary>Finds the CJK-capable font the PDF report embeds, at run time: the path given to <see cref="Configure"/>,
/// else the <c>CARBONLEDGER_PDF_FONT</c> environment variable, else the well-known locations of Noto Sans CJK (and of
/// the system CJK fonts) on Debian/Ubuntu, Fedora/Arch, macOS and Windows. The font is not shipped in the repository: a
/// Noto Sans CJK collection is about 20 MB, and every target system packages it (Debian: <c>fonts-noto-cjk</c>).
/// In a collection (.ttc) the Traditional Chinese face is chosen (Noto Sans CJK TC, PingFang TC, Microsoft JhengHei), so
/// zh-TW text takes Taiwan's glyph forms.</summary>
public static class PdfFonts
{
    /// <summary>The environment variable that names the font file when <see cref="Configure"/> was not called.</summary>
    public const string EnvironmentVariable = "CARBONLEDGER_PDF_FONT";

    /// <summary>Where the font is looked for, in order, when no path is configured.</summary>
    public static IReadOnlyList<string> WellKnownPaths { get; } =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", // Debian, Ubuntu: fonts-noto-cjk
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", // Arch: noto-fonts-cjk
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", // Fedora: google-noto-sans-cjk-fonts
        "/usr/share/fonts/opentype/noto/NotoSansCJKtc-Regular.otf",
        "/Library/Fonts/NotoSansCJK-Regular.ttc", // macOS, Noto installed for all users
        "/Library/Fonts/NotoSansCJKtc-Regular.otf",
        "/System/Library/Fonts/PingFang.ttc", // macOS system font with Traditional Chinese
        @"C:\Windows\Fonts\NotoSansCJK-Regular.ttc",
        @"C:\Windows\Fonts\msjh.ttc", // Windows: Microsoft JhengHei (微軟正黑體)
    ];

    private static readonly string[] PreferredFamilies = ["Noto Sans CJK TC", "PingFang TC", "Microsoft JhengHei"];

    private static readonly Lock Gate = new();
    private static string? _configuredPath;
    private static PdfFont? _cached;

    /// <summary>The configured font path, or null to look in <see cref="EnvironmentVariable"/> and <see cref="WellKnownPaths"/>.</summary>
    public static string? ConfiguredPath
    {
        get { lock (Gate) { return _configuredPath; } }
    }

    /// <summary>Use the font file at <paramref name="path"/> (a .ttc, .otf or .ttf with CJK glyphs); null goes back to the
    /// environment variable and the well-known locations. The file is checked when the next report is rendered.</summary>
    public static void Configure(string? path)
    {
        lock (Gate)
        {
            _configuredPath = string.IsNullOrWhiteSpace(path) ? null : path;
            _cached = null;
        }
    }

    /// <summary>The typefaces to draw with and the file they came from; loaded once per configured path.</summary>
    /// <exception cref="PdfFontNotFoundException">No candidate file exists or none holds CJK glyphs.</exception>
    public static PdfFont Resolve()
    {
        lock (Gate)
        {
            if (_cached is { } cached) { return cached; }
            var explicitPath = _configuredPath ?? (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? env : null);
            // A path someone chose is the only candidate: falling back silently would hide their mistake.
            IReadOnlyList<string> candidates = explicitPath is not null ? [explicitPath] : WellKnownPaths;
            foreach (var path in candidates)
            {
                if (!File.Exists(path)) { continue; }
                if (Load(path) is { } typeface)
                {
                    _cached = new PdfFont(path, typeface, LoadBold(path) ?? typeface);
                    return _cached;
                }
            }
            throw new PdfFontNotFoundException(candidates, explicitPath is not null);
        }
    }

    /// <summary>The bold face beside a regular one (NotoSansCJK-Bold.ttc next to NotoSansCJK-Regular.ttc), if installed.
    /// Skia draws synthetic bold as outlines rather than text, so headings use a real bold face or none.</summary>
    private static SKTypeface? LoadBold(string regularPath)
    {
        var name = Path.GetFileName(regularPath);
        if (!name.Contains("Regular", StringComparison.Ordinal)) { return null; }
        var boldPath = Path.Combine(Path.GetDirectoryName(regularPath) ?? "", name.Replace("Regular", "Bold", StringComparison.Ordinal));
        return File.Exists(boldPath) ? Load(boldPath) : null;
    }

    /// <summary>The preferred face of a collection (or the only face of a single font) if it has CJK glyphs.</summary>
    private static SKTypeface? Load(string path)
    {
        var faces = new List<SKTypeface>();
        // A collection has at most a few dozen faces; SKTypeface.FromFile returns null past the last one.
        for (var index = 0; index < 64; index++)
        {
            var face = SKTypeface.FromFile(path, index);
            if (face is null) { break; }
            faces.Add(face);
        }
        var chosen = PreferredFamilies.Select(f => faces.FirstOrDefault(t => string.Equals(t.FamilyName, f, StringComparison.OrdinalIgnoreCase)))
            .FirstOrDefault(t => t is not null) ?? faces.FirstOrDefault();
        foreach (var face in faces.Where(f => !ReferenceEquals(f, chosen))) { face.Dispose(); }
        // 盤 (U+76E4) stands for the CJK ideographs the zh-TW labels need; a Latin-only font would draw tofu boxes.
        if (chosen is not null && !chosen.ContainsGlyph('盤'))
        {
            chosen.Dispose();
            return null;
        }
        return chosen;
    }
}

/// <summary>The font the PDF report embeds: the file found, its regular face and its bold face (the regular one again
/// when no bold file is installed).</summary>
public sealed record PdfFont(string Path, SKTypeface Regular, SKTypeface Bold);

/// <summary>No CJK font was found for the PDF report. The message names every path tried and how to fix it; it derives
/// from <see cref="FileNotFoundException"/> so callers that report I/O failures in one line (the CLI) show it as is.</summary>
public sealed class PdfFontNotFoundException : FileNotFoundException
{
    public PdfFontNotFoundException(IReadOnlyList<string> pathsTried, bool configured)
        : base(Describe(pathsTried ?? [], configured))
    {
        PathsTried = pathsTried ?? [];
    }

    public PdfFontNotFoundException()
        : this([], configured: false)
    {
    }

    public PdfFontNotFoundException(string message)
        : base(message)
    {
        PathsTried = [];
    }

    public PdfFontNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        PathsTried = [];
    }

    public IReadOnlyList<string> PathsTried { get; }

    private static string Describe(IReadOnlyList<string> paths, bool configured) =>
        (configured
            ? $"the PDF report's font was not found or has no CJK glyphs at the configured path {string.Join(", ", paths)}"
            : $"no CJK font for the PDF report: tried {string.Join(", ", paths)}")
        + $". Fix: install Noto Sans CJK (Debian/Ubuntu: apt-get install fonts-noto-cjk), or name a .ttc/.otf/.ttf with Traditional Chinese glyphs "
        + $"with PdfFonts.Configure(path) or the {PdfFonts.EnvironmentVariable} environment variable.";
}
