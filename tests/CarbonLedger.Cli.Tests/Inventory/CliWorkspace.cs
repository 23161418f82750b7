using System.Text.Json;
using CarbonLedger.Data;
using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Testing;
using Spectre.Console.Testing;

namespace CarbonLedger.Cli.Tests.Inventory;

/// <summary>What one in-process run of the command line produced.</summary>
public sealed record CliOutcome(int Exit, string Out, string Err)
{
    public JsonDocument Json() => JsonDocument.Parse(Out);

    public IReadOnlyList<string> ErrorLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A temporary folder with its own SQLite file for one test; runs <see cref="CliApp.RunAsync"/> in-process
/// against a <see cref="TestConsole"/>, a <see cref="StringWriter"/> for stderr and a <see cref="FakeClock"/>.</summary>
public sealed class CliWorkspace : IDisposable
{
    public static readonly Instant Now = Instant.FromUtc(2025, 3, 1, 9, 0);

    public CliWorkspace()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"carbonledger-cli-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        DbPath = Path.Combine(Folder, "carbonledger.db");
    }

    public string Folder { get; }

    public string DbPath { get; }

    public DatabaseSettings Settings => DatabaseSettings.SqliteFile(DbPath);

    public static async Task<CliOutcome> Run(params string[] args)
    {
        var console = new TestConsole();
        console.Profile.Width = 200;
        using var error = new StringWriter();
        var context = new CliContext(console, error, new FakeClock(Now));
        var exit = await CliApp.RunAsync(args, context);
        return new CliOutcome(exit, console.Output, error.ToString());
    }

    /// <summary>Runs with <c>--db</c> pointing at this workspace's SQLite file.</summary>
    public Task<CliOutcome> RunDb(params string[] args) => Run([.. args, "--db", DbPath]);

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>db init, org create and a 2024 inventory through the command line; returns the organization id.</summary>
    public async Task<Guid> CreateOrganizationWithInventoryAsync(string gwp = "AR5")
    {
        (await RunDb("db", "init")).Exit.ShouldBe(ExitCodes.Ok);
        var org = await RunDb("org", "create", "--name", "Formosa Trading", "--consolidation", "operational", "--base-year", "2024", "--json");
        org.Exit.ShouldBe(ExitCodes.Ok, org.Err);
        using var doc = org.Json();
        var id = doc.RootElement.GetProperty("id").GetGuid();
        var inv = await RunDb("inventory", "create", "--org", id.ToString(), "--name", "FY2024", "--year", "2024", "--gwp", gwp);
        inv.Exit.ShouldBe(ExitCodes.Ok, inv.Err);
        return id;
    }

    /// <summary>The sample files: one entity with two facilities; two electricity meters and a diesel generator; four
    /// activity rows (10,000 + 12,000 kWh in Taipei, 5,000 kWh in Taichung, 200 L diesel).</summary>
    public IReadOnlyList<string> WriteSampleFiles() =>
    [
        Write("facilities.csv", SampleFacilities),
        Write("sources.csv", SampleSources),
        Write("activity.csv", SampleActivity),
    ];

    public const string SampleFacilities = """
        entity_name,entity_ownership_percent,facility_code,facility_name,ownership_percent,operational_control,financial_control,address
        Formosa Trading Co.,100,TPE,Taipei office,100,yes,yes,
        Formosa Trading Co.,100,TXG,Taichung warehouse,100,yes,yes,

        """;

    public const string SampleSources = """
        source_code,facility_code,name,source_type,scope3_category,factor_key,department,exclusion_reason
        TPE-ELEC,TPE,Electricity Taipei,PurchasedElectricity,,tw-grid,Admin,
        TXG-ELEC,TXG,Electricity Taichung,PurchasedElectricity,,tw-grid,Logistics,
        TXG-GEN,TXG,Diesel generator,StationaryCombustion,,moenv604/stationary/diesel,Logistics,

        """;

    public const string SampleActivity = """
        source_code,period_start,period_end,quantity,unit,data_quality,evidence,uncertainty_percent,note
        TPE-ELEC,2024-01-01,2024-06-30,10000,kWh,measured,bill H1,,
        TPE-ELEC,2024-07-01,2024-12-31,12000,kWh,measured,bill H2,,
        TXG-ELEC,2024-01-01,2024-12-31,5000,kWh,measured,bill 2024,,
        TXG-GEN,2024-01-01,2024-12-31,200,L,calculated,fuel log,,

        """;

    public async Task<(int Activities, int Sources, int Facilities)> CountRowsAsync()
    {
        await using var db = CarbonLedgerDatabase.CreateContext(Settings);
        return (db.Activities.Count(), db.Sources.Count(), db.Facilities.Count());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
