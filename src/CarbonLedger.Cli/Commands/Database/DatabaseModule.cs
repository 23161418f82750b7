using System.CommandLine;
using CarbonLedger.Data;
using CarbonLedger.Data.Demo;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Database;

/// <summary><c>carbonledger db init|migrate|status</c>: create and migrate the database (SQLite file or PostgreSQL),
/// optionally seeding the fictional demo company, and report its state (issue 2 items 6, 8, 10).</summary>
public sealed class DatabaseModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var db = new Command("db", "Create, migrate and inspect the database.\nExample: carbonledger db init --demo");
        db.Subcommands.Add(Init(context));
        db.Subcommands.Add(Migrate(context));
        db.Subcommands.Add(Status(context));
        return db;
    }

    private static Option<bool> JsonOption() => new("--json") { Description = "Write one JSON document to stdout" };

    private static Command Init(CliContext context)
    {
        var cmd = new Command("init", "Create the database if needed and apply every migration; --demo also loads the demo company (綠橋貿易 GreenBridge Trading, 2024).\nExample: carbonledger db init --db carbonledger.db --demo");
        var data = new DataOptions();
        data.AddTo(cmd);
        var demo = new Option<bool>("--demo") { Description = "Also seed the demo organization and its 2024 inventory (idempotent)" };
        var json = JsonOption();
        cmd.Options.Add(demo);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var settings = data.Settings(parse);
            var applied = await MigrateAsync(settings, ct);
            DemoSeedResult? seeded = null;
            if (parse.GetValue(demo))
            {
                await using var db = CarbonLedgerDatabase.CreateContext(settings);
                seeded = await DemoSeeder.EnsureDemoAsync(db, context.Clock, ct);
            }
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    provider = settings.Provider,
                    database = DataOptions.Describe(settings),
                    appliedMigrations = applied,
                    demo = seeded is null ? null : new { seeded.OrganizationId, seeded.InventoryId, seeded.Created },
                });
                return ExitCodes.Ok;
            }
            context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{settings.Provider} database {DataOptions.Describe(settings)}: {applied.Count} migration(s) applied now")));
            if (seeded is not null)
            {
                context.Console.MarkupLine(Markup.Escape(seeded.Created
                    ? $"demo organization created: {seeded.OrganizationId} (inventory {seeded.InventoryId})"
                    : $"demo organization already present: {seeded.OrganizationId} (inventory {seeded.InventoryId})"));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Migrate(CliContext context)
    {
        var cmd = new Command("migrate", "Apply pending migrations to an existing or new database.\nExample: carbonledger db migrate --provider postgres --db \"Host=localhost;Database=carbonledger;Username=app;Password=secret\"");
        var data = new DataOptions();
        data.AddTo(cmd);
        var json = JsonOption();
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var settings = data.Settings(parse);
            var applied = await MigrateAsync(settings, ct);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { provider = settings.Provider, database = DataOptions.Describe(settings), appliedMigrations = applied });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape(applied.Count == 0
                    ? "already up to date"
                    : CliRun.Inv($"applied {applied.Count} migration(s): {string.Join(", ", applied)}")));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Status(CliContext context)
    {
        var cmd = new Command("status", "Show the provider, applied and pending migrations and how many organizations are stored.\nExample: carbonledger db status --json");
        var data = new DataOptions();
        data.AddTo(cmd);
        var json = JsonOption();
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var settings = data.Settings(parse);
            if (settings.Provider == DatabaseProvider.Sqlite && !File.Exists(DataOptions.Describe(settings)))
            {
                throw new CliFailureException($"database {DataOptions.Describe(settings)}: does not exist; create it with `carbonledger db init`");
            }
            await using var db = CarbonLedgerDatabase.CreateContext(settings);
            if (!await db.Database.CanConnectAsync(ct))
            {
                throw new CliFailureException($"database {DataOptions.Describe(settings)}: cannot connect");
            }
            var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            int? organizations = pending.Count == 0 ? await db.Organizations.CountAsync(ct) : null;
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { provider = settings.Provider, database = DataOptions.Describe(settings), applied, pending, organizations });
                return ExitCodes.Ok;
            }
            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("provider", settings.Provider.ToString());
            grid.AddRow("database", Markup.Escape(DataOptions.Describe(settings)));
            grid.AddRow("applied migrations", Markup.Escape(applied.Count == 0 ? "(none)" : string.Join(", ", applied)));
            grid.AddRow("pending migrations", Markup.Escape(pending.Count == 0 ? "(none)" : string.Join(", ", pending) + " — run `carbonledger db migrate`"));
            grid.AddRow("organizations", organizations is { } n ? CliRun.Inv($"{n}") : "(unknown until migrated)");
            context.Console.Write(grid);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Migrates through <see cref="CarbonLedgerDatabase.MigrateAsync"/> and returns what it applied.</summary>
    private static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseSettings settings, CancellationToken ct)
    {
        IReadOnlyList<string> before;
        await using (var probe = CarbonLedgerDatabase.CreateContext(settings))
        {
            // Opening a missing SQLite file would create it: only probe a file that exists.
            var exists = (settings.Provider != DatabaseProvider.Sqlite || File.Exists(DataOptions.Describe(settings)))
                && await probe.Database.CanConnectAsync(ct);
            before = exists ? (await probe.Database.GetPendingMigrationsAsync(ct)).ToList() : probe.Database.GetMigrations().ToList();
        }
        await CarbonLedgerDatabase.MigrateAsync(settings, ct);
        return before;
    }
}
