using System.Diagnostics;
using System.Globalization;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Bench;

/// <summary>1,000,000 activity records through an embedded SQLite file: writing them with the store's transactional
/// upsert, then loading the inventory back and calculating it (issue 2: "records per second … from SQLite").</summary>
public sealed class SqliteInventoryBenchmark : IBenchmark
{
    public string Name => "inventory-sqlite";

    public string Description => "store 1,000,000 activity records in SQLite (transactional upsert), then load + calculate them";

    public async Task RunAsync(TextWriter output, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var n = quick ? 100_000 : 1_000_000;
        var path = Path.Combine(Path.GetTempPath(), $"carbonledger-bench-{Guid.NewGuid():N}.db");
        var settings = DatabaseSettings.SqliteFile(path);
        var clock = SystemClock.Instance;
        try
        {
            await CarbonLedgerDatabase.MigrateAsync(settings, cancellationToken);
            var orgId = Guid.NewGuid();
            var (org, structure, activities) = Synthetic(orgId, n, clock.GetCurrentInstant());
            await using (var db = CarbonLedgerDatabase.CreateContext(settings))
            {
                var store = new InventoryStore(db, clock);
                await store.CreateOrganizationAsync(org, ct: cancellationToken);
                (await store.ApplyAsync(orgId, structure, "bench", ct: cancellationToken)).Value.ToString();
                await store.CreateInventoryAsync(orgId, "2024", ReportingPeriod.Year(2024), "AR5", ct: cancellationToken);
            }

            var write = Stopwatch.StartNew();
            await using (var db = CarbonLedgerDatabase.CreateContext(settings))
            {
                var result = await new InventoryStore(db, clock).ApplyAsync(orgId, new ChangeSet { Activities = activities, Origin = "bench" }, "bench", ct: cancellationToken);
                if (!result.Succeeded) { throw new InvalidOperationException(string.Join("; ", result.Problems.Take(3))); }
            }
            write.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"write   {n,9:N0} activities in {write.Elapsed.TotalSeconds,7:F2} s = {n / write.Elapsed.TotalSeconds,10:N0} records/s (one transaction; SQLite: prepared single-row parameterised upsert)"));

            var times = new List<(double Load, double Calc)>();
            decimal total = 0;
            for (var run = 0; run < 3; run++)
            {
                await using var db = CarbonLedgerDatabase.CreateContext(settings);
                var store = new InventoryStore(db, clock);
                var inv = (await store.ListInventoriesAsync(orgId, cancellationToken))[0];
                var sw = Stopwatch.StartNew();
                var input = (await store.LoadInputAsync(orgId, inv.Id, cancellationToken))!;
                var load = sw.Elapsed.TotalSeconds;
                sw.Restart();
                var result = InventoryCalculator.Calculate(input);
                total = result.Totals().Total;
                var calc = sw.Elapsed.TotalSeconds;
                if (input.Activities.Count != n || !result.IsComplete) { throw new InvalidOperationException("bench inventory incomplete"); }
                times.Add((load, calc));
            }
            var median = times.OrderBy(t => t.Load + t.Calc).ElementAt(1);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load    {n,9:N0} activities in {median.Load,7:F2} s = {n / median.Load,10:N0} records/s (EF Core, no tracking)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calc    {n,9:N0} activities in {median.Calc,7:F2} s = {n / median.Calc,10:N0} records/s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"load+calc from SQLite: {n / (median.Load + median.Calc),10:N0} records/s (median of 3); total {total:N3} tCO2e; db {new FileInfo(path).Length / 1048576.0:F0} MiB"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(f)) { File.Delete(f); }
            }
        }
    }

    /// <summary>Two sites, 300 sources (electricity, diesel, gasoline, LPG, refrigerant, septic), n monthly records.</summary>
    internal static (Organization Org, ChangeSet Structure, IReadOnlyList<ActivityRecord> Activities) Synthetic(Guid orgId, int n, Instant now)
    {
        var org = new Organization(orgId, "Bench Co.", ConsolidationApproach.OperationalControl, 2024);
        var entity = new LegalEntity(DeterministicGuid.For(orgId, "entity", "Bench"), "Bench", 100m);
        var sites = new[] { "TPE", "TYN" }.Select(c => new Facility(DeterministicGuid.For(orgId, "facility", c), entity.Id, c, c)).ToArray();
        var kinds = new (SourceType Type, string Key, Unit Unit)[]
        {
            (SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey, UnitCatalog.KilowattHour),
            (SourceType.StationaryCombustion, "moenv604/stationary/diesel", UnitCatalog.Litre),
            (SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline", UnitCatalog.Litre),
            (SourceType.StationaryCombustion, "moenv604/stationary/lpg", UnitCatalog.Litre),
            (SourceType.FugitiveRefrigerant, "gas/R-410A", UnitCatalog.Kilogram),
            (SourceType.FugitiveSeptic, SepticTank.FactorKey, UnitCatalog.PersonHour),
        };
        var sources = Enumerable.Range(0, 300).Select(i =>
        {
            var k = kinds[i % kinds.Length];
            var code = $"S{i:000}";
            return (Source: new EmissionSource(DeterministicGuid.For(orgId, "source", code), sites[i % 2].Id, code, code, k.Type, k.Key, department: $"D{i % 5}"), k.Unit);
        }).ToArray();
        var rng = new Random(42);
        var activities = new ActivityRecord[n];
        for (var i = 0; i < n; i++)
        {
            var (source, unit) = sources[i % sources.Length];
            var month = (i / sources.Length % 12) + 1;
            var start = new LocalDate(2024, month, 1);
            activities[i] = new ActivityRecord(DeterministicGuid.For(orgId, "activity", i.ToString(CultureInfo.InvariantCulture)), source.Id,
                new Quantity(Math.Round((decimal)(rng.NextDouble() * 1000), 3), unit), new DateInterval(start, start.PlusMonths(1).PlusDays(-1)),
                (DataQualityLevel)(i % 3 + 1), "bench", now, $"INV-{i}");
        }
        return (org, new ChangeSet { LegalEntities = [entity], Facilities = sites, Sources = sources.Select(s => s.Source).ToList() }, activities);
    }
}
