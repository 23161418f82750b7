using System.Diagnostics;
using System.Globalization;
using System.Text;
using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Import;
using CarbonLedger.Inventory;
using NodaTime;

namespace CarbonLedger.Bench;

/// <summary>Import throughput (issue 2 "Show": ≥ 100,000 rows/s): a seeded 1,000,000-row activity CSV (100,000 with
/// --quick) in a temporary file, read with Sylvan.Data.Csv, every value validated (source, dates inside the reporting
/// period, number, unit and its convertibility to the source's factor, data quality, duplicates) and turned into a
/// ChangeSet of ActivityRecords with deterministic ids. The database write is not part of this figure.</summary>
public sealed class CsvImportBenchmark : IBenchmark
{
    public string Name => "import-csv";

    public string Description => "activity CSV import: parse + validate 1,000,000 seeded rows into a ChangeSet (rows/s)";

    public Task RunAsync(TextWriter output, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rows = quick ? 100_000 : 1_000_000;
        var organization = DeterministicGuid.For(Guid.Empty, "organization", "bench");
        var sources = new Dictionary<string, KnownSource>(StringComparer.Ordinal);
        (string Key, SourceType Type, string[] Units)[] kinds =
        [
            (ReferenceLibrary.GridFactorKey, SourceType.PurchasedElectricity, ["kWh", "度", "MWh"]),
            ("moenv604/stationary/diesel", SourceType.StationaryCombustion, ["L", "公升", "kL"]),
            ("moenv604/mobile/motor-gasoline", SourceType.MobileCombustion, ["L", "公升"]),
        ];
        var codes = new string[60];
        var unitsOf = new string[codes.Length][];
        for (var i = 0; i < codes.Length; i++)
        {
            var kind = kinds[i % kinds.Length];
            codes[i] = string.Create(CultureInfo.InvariantCulture, $"S{i:D3}");
            unitsOf[i] = kind.Units;
            sources[codes[i]] = new KnownSource(DeterministicGuid.For(organization, "source", codes[i]), kind.Type, kind.Key);
        }
        var context = new ImportContext(organization, ReportingPeriod.Year(2024), ReferenceLibrary.Default, Instant.FromUtc(2025, 3, 1, 0, 0))
        {
            Sources = sources,
        };

        var dir = Path.Combine(Path.GetTempPath(), "carbonledger-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "activity.csv");
        try
        {
            var generate = Stopwatch.StartNew();
            Generate(path, rows, codes, unitsOf);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"generated {rows:N0} rows ({new FileInfo(path).Length / 1048576.0:F1} MiB, seed 42) in {generate.Elapsed.TotalSeconds:F2} s"));
            for (var run = 1; run <= 3; run++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var process = Process.GetCurrentProcess();
                var cpuBefore = process.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                var outcome = InventoryImporter.ImportFiles(context, [path]);
                var seconds = sw.Elapsed.TotalSeconds;
                process.Refresh();
                var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
                if (!outcome.Succeeded)
                {
                    output.WriteLine($"import FAILED with {outcome.Problems.Count} problems, e.g. {string.Join("; ", outcome.Problems.Take(3))}");
                    return Task.CompletedTask;
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run}: {outcome.Value.Activities.Count:N0} activity records in {seconds:F3} s = {rows / seconds,12:N0} rows/s wall; process CPU {cpuSeconds:F3} s (incl. GC threads) = {rows / cpuSeconds,12:N0} rows per CPU-second"));
            }
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"aim: ≥ 100,000 rows/s (issue 2); wall figures include SHA-256 of the file for the change set's origin; {Environment.ProcessorCount} logical CPUs"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
        return Task.CompletedTask;
    }

    private static void Generate(string path, int rows, string[] codes, string[][] unitsOf)
    {
        var random = new Random(42);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16);
        writer.Write("source_code,period_start,period_end,quantity,unit,data_quality,evidence,uncertainty_percent,note\n");
        string[] quality = ["measured", "calculated", "estimated", "量測", "2"];
        for (var i = 0; i < rows; i++)
        {
            var s = random.Next(codes.Length);
            var month = random.Next(1, 13);
            var start = new LocalDate(2024, month, 1);
            var end = start.PlusMonths(1).PlusDays(-1);
            var units = unitsOf[s];
            var quantity = random.Next(0, 10_000_000) / 100m;
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"{codes[s]},{start:yyyy-MM-dd},{end:yyyy-MM-dd},{quantity},{units[random.Next(units.Length)]},{quality[random.Next(quality.Length)]},INV-{i:D7},{random.Next(1, 20)},\n"));
        }
    }
}
