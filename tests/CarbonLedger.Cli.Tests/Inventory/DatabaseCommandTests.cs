using CarbonLedger.Data;
using CarbonLedger.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Cli.Tests.Inventory;

public sealed class DatabaseCommandTests
{
    // Taiwan grid factor 2024: 0.474 kg CO2e/kWh (shared/data/tw_electricity_emission_factors.csv, year 2024).
    private const decimal Grid2024 = 0.474m;

    [Fact]
    public async Task DbInit_ThenStatus_ReportsEveryMigrationAppliedAndNoOrganizations()
    {
        // Given
        using var ws = new CliWorkspace();

        // When
        var init = await ws.RunDb("db", "init", "--json");
        var again = await ws.RunDb("db", "init", "--json");
        var status = await ws.RunDb("db", "status", "--json");

        // Then: the first init applies every migration the SQLite assembly ships, the second none
        init.Exit.ShouldBe(ExitCodes.Ok, init.Err);
        await using var db = CarbonLedgerDatabase.CreateContext(ws.Settings);
        var shipped = db.Database.GetMigrations().ToList();
        shipped.ShouldNotBeEmpty();
        using (var doc = init.Json())
        {
            doc.RootElement.GetProperty("appliedMigrations").EnumerateArray().Select(e => e.GetString()).ShouldBe(shipped);
        }
        using (var doc = again.Json())
        {
            doc.RootElement.GetProperty("appliedMigrations").GetArrayLength().ShouldBe(0);
        }
        status.Exit.ShouldBe(ExitCodes.Ok, status.Err);
        using (var doc = status.Json())
        {
            doc.RootElement.GetProperty("provider").GetString().ShouldBe("Sqlite");
            doc.RootElement.GetProperty("applied").EnumerateArray().Select(e => e.GetString()).ShouldBe(shipped);
            doc.RootElement.GetProperty("pending").GetArrayLength().ShouldBe(0);
            doc.RootElement.GetProperty("organizations").GetInt32().ShouldBe(0);
        }
    }

    [Fact]
    public async Task DbInitDemo_ThenCalculateJson_Scope2LocationBasedIsStoredKwhTimesGridFactor()
    {
        // Given
        using var ws = new CliWorkspace();
        var init = await ws.RunDb("db", "init", "--demo", "--json");
        init.Exit.ShouldBe(ExitCodes.Ok, init.Err);
        Guid org, inventory;
        using (var doc = init.Json())
        {
            var demo = doc.RootElement.GetProperty("demo");
            demo.GetProperty("created").GetBoolean().ShouldBeTrue();
            org = demo.GetProperty("organizationId").GetGuid();
            inventory = demo.GetProperty("inventoryId").GetGuid();
        }

        // When
        var run = await ws.RunDb("calculate", "--org", org.ToString(), "--inventory", inventory.ToString(), "--json");

        // Then: independent of the calculator — Σ kWh of the stored electricity activity rows × 0.474 / 1,000
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        var kwh = await StoredElectricityKwhAsync(ws.Settings, org, 2024);
        kwh.ShouldBeGreaterThan(0m);
        using var result = run.Json();
        result.RootElement.GetProperty("scope2").GetProperty("locationBased").GetDecimal().ShouldBe(kwh * Grid2024 / 1000m);
    }

    [Fact]
    public async Task DbInitDemo_Twice_SeedsOnce()
    {
        // Given
        using var ws = new CliWorkspace();
        (await ws.RunDb("db", "init", "--demo")).Exit.ShouldBe(ExitCodes.Ok);

        // When
        var again = await ws.RunDb("db", "init", "--demo", "--json");
        var list = await ws.RunDb("org", "list", "--json");

        // Then
        again.Exit.ShouldBe(ExitCodes.Ok, again.Err);
        using (var doc = again.Json())
        {
            doc.RootElement.GetProperty("demo").GetProperty("created").GetBoolean().ShouldBeFalse();
        }
        using var orgs = list.Json();
        orgs.RootElement.GetProperty("organizations").EnumerateArray().Count(o => o.GetProperty("isDemo").GetBoolean()).ShouldBe(1);
    }

    [Fact]
    public async Task EndToEnd_OnPostgres_ImportCalculateAndDemo()
    {
        // Given: a fresh database on the local PostgreSQL server
        await using var pg = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, migrate: false);
        using var ws = new CliWorkspace();
        string[] target = ["--provider", "postgres", "--db", pg.Settings.ConnectionString];
        (await CliWorkspace.Run(["db", "init", "--demo", .. target])).Exit.ShouldBe(ExitCodes.Ok);
        var created = await CliWorkspace.Run(["org", "create", "--name", "Formosa Trading", "--base-year", "2024", "--json", .. target]);
        created.Exit.ShouldBe(ExitCodes.Ok, created.Err);
        Guid org;
        using (var doc = created.Json())
        {
            org = doc.RootElement.GetProperty("id").GetGuid();
        }
        (await CliWorkspace.Run(["inventory", "create", "--org", org.ToString(), "--name", "FY2024", "--year", "2024", .. target])).Exit.ShouldBe(ExitCodes.Ok);

        // When
        var import = await CliWorkspace.Run(["import", "--org", org.ToString(), "--json", .. ws.WriteSampleFiles(), .. target]);
        var calc = await CliWorkspace.Run(["calculate", "--org", org.ToString(), "--json", .. target]);
        var status = await CliWorkspace.Run(["db", "status", "--json", .. target]);

        // Then: 10 rows in (1 entity, 2 facilities, 3 sources, 4 activities); Scope 2 = 27,000 kWh × 0.474 / 1,000 = 12.798 t;
        // two organizations (the demo and this one)
        import.Exit.ShouldBe(ExitCodes.Ok, import.Err);
        using (var doc = import.Json())
        {
            doc.RootElement.GetProperty("inserted").GetInt32().ShouldBe(10);
        }
        calc.Exit.ShouldBe(ExitCodes.Ok, calc.Err);
        using (var doc = calc.Json())
        {
            doc.RootElement.GetProperty("scope2").GetProperty("locationBased").GetDecimal().ShouldBe(27_000m * Grid2024 / 1000m);
        }
        using (var doc = status.Json())
        {
            doc.RootElement.GetProperty("provider").GetString().ShouldBe("Postgres");
            doc.RootElement.GetProperty("pending").GetArrayLength().ShouldBe(0);
            doc.RootElement.GetProperty("organizations").GetInt32().ShouldBe(2);
        }
    }

    /// <summary>kWh of the organization's purchased-electricity activity rows in <paramref name="year"/>, read straight
    /// from the tables (units converted by their definition: 1 MWh = 1,000 kWh; 度 is the kWh).</summary>
    private static async Task<decimal> StoredElectricityKwhAsync(DatabaseSettings settings, Guid org, int year)
    {
        await using var db = CarbonLedgerDatabase.CreateContext(settings);
        var electricity = await db.Sources.Where(s => s.OrganizationId == org && s.Type == "PurchasedElectricity" && s.ExclusionReason == null)
            .Select(s => s.Id).ToListAsync();
        var rows = await db.Activities.Where(a => a.OrganizationId == org).ToListAsync();
        return rows.Where(a => electricity.Contains(a.SourceId) && a.PeriodStart.Year == year && a.PeriodEnd.Year == year)
            .Sum(a => a.Quantity * a.Unit switch
            {
                "kWh" or "度" => 1m,
                "MWh" => 1000m,
                var other => throw new InvalidOperationException($"unexpected electricity unit {other}"),
            });
    }
}
