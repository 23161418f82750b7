using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Infrastructure;

/// <summary>Full-page screenshots of every page a test visits, kept as test artifacts: in <c>$TEST_ARTIFACTS</c> when
/// set, else in <c>tests/CarbonLedger.Web.BrowserTests/bin/artifacts</c>, one folder per test class, numbered in visit
/// order so a reader can follow the steps.</summary>
public static class Artifacts
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("TEST_ARTIFACTS") is { Length: > 0 } dir
        ? Path.GetFullPath(dir)
        : Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "artifacts"));

    private static int _counter;
    private static readonly HashSet<string> Cleaned = [];

    /// <summary>The class's folder, emptied the first time this run uses it so it shows this run's pages only.</summary>
    private static string Folder(string folder)
    {
        var dir = Path.Combine(Root, folder);
        lock (Cleaned)
        {
            if (Cleaned.Add(folder) && Directory.Exists(dir)) { Directory.Delete(dir, recursive: true); }
        }
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Saves a full-page PNG of <paramref name="page"/> as <c>{folder}/{nn}-{name}.png</c> and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string folder, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var dir = Folder(folder);
        var path = Path.Combine(dir, $"{Interlocked.Increment(ref _counter):000}-{name}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    /// <summary>Where downloaded files are kept next to the screenshots.</summary>
    public static string DownloadPath(string folder, string fileName)
    {
        var dir = Path.Combine(Folder(folder), "downloads");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, fileName);
    }
}
