using System.Diagnostics;
using System.Globalization;
using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Bench;

/// <summary>Issue 2 "Show": records per second for calculating 1,000,000 activity records in memory (aim ≥ 1,000,000/s).
/// A seeded mix of every source type over a few hundred sources at two sites, monthly records for 2024, 50 T-RECs;
/// times <see cref="InventoryCalculator.Calculate"/> plus <see cref="InventoryResult.Totals"/>, median of 3 runs after a
/// warm-up.</summary>
public sealed class InventoryCalculationBenchmark : IBenchmark
{
    private const int Seed = 20240101;
    private const int SourceCount = 300;

    public string Name => "inventory-calc";

    public string Description => "InventoryCalculator.Calculate + Totals() on 1,000,000 in-memory activity records (--quick: 100,000); records/s";

    public Task RunAsync(TextWriter output, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var records = quick ? 100_000 : 1_000_000;
        var buildTimer = Stopwatch.StartNew();
        var input = CreateInput(records, Seed);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"input: {records:N0} records, {input.Sources.Count} sources, 2 sites, {input.Instruments.Count} instrument(s), GWP {input.GwpSetId}, seed {Seed}; built in {buildTimer.Elapsed.TotalSeconds:F2} s"));

        Run(input, out _); // warm-up (JIT, factor and GWP caches)
        var times = new List<double>(3);
        var calculateTimes = new List<double>(3);
        var cpuTimes = new List<double>(3);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        InventoryTotals? totals = null;
        InventoryResult? result = null;
        for (var i = 0; i < 3; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (result, totals) = (null, null); // the previous run's million lines are garbage before the next run starts
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            (result, totals) = Run(input, out var calculateSeconds);
            times.Add(sw.Elapsed.TotalSeconds);
            process.Refresh();
            cpuTimes.Add((process.TotalProcessorTime - cpuBefore).TotalSeconds);
            calculateTimes.Add(calculateSeconds);
        }
        calculateTimes.Sort();
        cpuTimes.Sort();
        times.Sort();
        var median = times[1];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"runs (s): {string.Join(" / ", times.Select(t => t.ToString("F3", CultureInfo.InvariantCulture)))}; median {median:F3} s (of which Calculate {calculateTimes[1]:F3} s, Totals {median - calculateTimes[1]:F3} s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {records / median:N0} records/s at the median, {records / times[0]:N0} records/s best run (aim ≥ 1,000,000 records/s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"machine: {Environment.ProcessorCount} logical CPU(s), 1-min load average {LoadAverage()} (other processes share the CPUs); " +
            $"process CPU time per run (median) {cpuTimes[1]:F3} s → {records / cpuTimes[1]:N0} records per CPU-second (incl. GC threads)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"result: {result!.Lines.Count:N0} lines, {result.Problems.Count} problems, total {totals!.Total:N3} tCO2e (location-based), Scope 2 market-based {result.Scope2(Scope2Method.MarketBased):N3} t"));
        return Task.CompletedTask;
    }

    private static string LoadAverage()
    {
        // Linux only; elsewhere the figure is simply not shown.
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "n/a";
    }

    private static (InventoryResult Result, InventoryTotals Totals) Run(InventoryInput input, out double calculateSeconds)
    {
        var sw = Stopwatch.StartNew();
        var result = InventoryCalculator.Calculate(input);
        calculateSeconds = sw.Elapsed.TotalSeconds;
        return (result, result.Totals());
    }

    private static readonly (SourceType Type, string Key, Unit Unit, Scope3Category? Category, int Weight, int MaxValue)[] Mix =
    [
        (SourceType.PurchasedElectricity, ReferenceLibrary.GridFactorKey, UnitCatalog.KilowattHour, null, 20, 40_000),
        (SourceType.MobileCombustion, "moenv604/mobile/motor-gasoline", UnitCatalog.Litre, null, 15, 300),
        (SourceType.MobileCombustion, "moenv604/mobile/diesel", UnitCatalog.Litre, null, 5, 500),
        (SourceType.MobileCombustion, "moenv604/mobile/lpg", UnitCatalog.Litre, null, 3, 200),
        (SourceType.StationaryCombustion, "moenv604/stationary/diesel", UnitCatalog.Litre, null, 4, 100),
        (SourceType.StationaryCombustion, "moenv604/stationary/lpg", UnitCatalog.Litre, null, 3, 50),
        (SourceType.StationaryCombustion, "moenv604/stationary/natural-gas", UnitCatalog.CubicMetre, null, 3, 2_000),
        (SourceType.FugitiveRefrigerant, "gas/R-410A", UnitCatalog.Kilogram, null, 4, 5),
        (SourceType.FugitiveRefrigerant, "gas/R-404A", UnitCatalog.Kilogram, null, 2, 8),
        (SourceType.FugitiveRefrigerant, "gas/R-32", UnitCatalog.Kilogram, null, 3, 3),
        (SourceType.FugitiveFireExtinguisher, "gas/CO2", UnitCatalog.Kilogram, null, 2, 10),
        (SourceType.FugitiveSf6, "gas/SF6", UnitCatalog.Kilogram, null, 1, 2),
        (SourceType.FugitiveSeptic, SepticTank.FactorKey, UnitCatalog.PersonHour, null, 5, 10_000),
        (SourceType.Process, "bench/process", UnitCatalog.Kilogram, null, 2, 5_000),
        (SourceType.Scope3, "bench/pkm", UnitCatalog.PassengerKilometre, Scope3Category.BusinessTravel, 8, 20_000),
        (SourceType.Scope3, "bench/pkm", UnitCatalog.PassengerKilometre, Scope3Category.EmployeeCommuting, 8, 30_000),
        (SourceType.Scope3, "bench/goods", UnitCatalog.Kilogram, Scope3Category.PurchasedGoodsAndServices, 8, 10_000),
        (SourceType.Scope3, "bench/waste", UnitCatalog.Tonne, Scope3Category.WasteGenerated, 4, 5),
    ];

    /// <summary>A deterministic synthetic inventory: <paramref name="records"/> monthly activities of 2024.</summary>
    public static InventoryInput CreateInput(int records, int seed)
    {
        var rng = new Random(seed);
        var orgId = new Guid("5e1b7c40-0d6a-4f7e-8b39-2c4d6e8fa011");
        Guid Id(string kind, params string[] key) => DeterministicGuid.For(orgId, kind, key);

        var library = ReferenceLibrary.Create();
        var set = new FactorSet("bench", "benchmark factors (synthetic)", "CarbonLedger bench", "1", 2024, "TW", "n/a", "synthetic", IsCustom: true);
        void Custom(string key, Unit per, GreenhouseGas gas, decimal kg) =>
            library.Upsert(new EmissionFactor(key, set, key, per, [new GasFactor(gas, kg, UnitCatalog.Kilogram)], 2024));
        Custom("bench/process", UnitCatalog.Kilogram, GreenhouseGas.CO2, 0.44m);
        Custom("bench/pkm", UnitCatalog.PassengerKilometre, GreenhouseGas.CO2e, 0.12m);
        Custom("bench/goods", UnitCatalog.Kilogram, GreenhouseGas.CO2e, 1.8m);
        Custom("bench/waste", UnitCatalog.Tonne, GreenhouseGas.CO2e, 450m);

        var organization = new Organization(orgId, "Benchmark Co. (synthetic)", ConsolidationApproach.OperationalControl, 2024);
        var entity = new LegalEntity(Id("entity", "E"), "Benchmark Co.", 100m);
        Facility[] facilities =
        [
            new(Id("facility", "TPE"), entity.Id, "TPE", "Taipei office"),
            new(Id("facility", "TYN"), entity.Id, "TYN", "Taoyuan warehouse"),
        ];
        string[] departments = ["管理部", "業務部", "倉儲部"];
        var weights = Mix.Sum(m => m.Weight);
        var sources = new List<EmissionSource>(SourceCount);
        var kinds = new List<int>(SourceCount);
        for (var i = 0; i < SourceCount; i++)
        {
            var pick = rng.Next(weights);
            var k = 0;
            while (pick >= Mix[k].Weight) { pick -= Mix[k].Weight; k++; }
            var m = Mix[k];
            var code = string.Create(CultureInfo.InvariantCulture, $"S{i:000}");
            sources.Add(new EmissionSource(Id("source", code), facilities[i % 2].Id, code, code, m.Type, m.Key, m.Category, departments[rng.Next(departments.Length)]));
            kinds.Add(k);
        }

        var periods = Enumerable.Range(1, 12).Select(month =>
        {
            var start = new LocalDate(2024, month, 1);
            return new DateInterval(start, start.PlusMonths(1).PlusDays(-1));
        }).ToArray();
        var enteredAt = Instant.FromUtc(2025, 1, 31, 0, 0);
        var activities = new ActivityRecord[records];
        Span<byte> idBytes = stackalloc byte[16];
        for (var i = 0; i < records; i++)
        {
            rng.NextBytes(idBytes); // seeded ids keep the market-based allocation order reproducible
            var s = rng.Next(SourceCount);
            var m = Mix[kinds[s]];
            var value = rng.Next(1, m.MaxValue * 100) / 100m;
            activities[i] = new ActivityRecord(new Guid(idBytes), sources[s].Id, new Quantity(value, m.Unit), periods[rng.Next(12)],
                (DataQualityLevel)(1 + rng.Next(3)), "bench", enteredAt);
        }
        var recs = ContractualInstrument.FromRecCount(Id("instrument", "REC"), "T-REC bench", 5_000m, ReportingPeriod.Year(2024).Interval);
        return new InventoryInput(new OrganizationalBoundary(organization, [entity], facilities), ReportingPeriod.Year(2024), "AR5",
            sources, activities, [recs], library);
    }
}
