using System.CommandLine;
using CarbonLedger.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Cli.Commands.Database;

/// <summary>The <c>--db</c> and <c>--provider</c> options every command that touches data carries, and how they turn
/// into <see cref="DatabaseSettings"/>: the option, else <c>CARBONLEDGER_DB</c> / <c>CARBONLEDGER_PROVIDER</c>, else the
/// embedded SQLite file <c>carbonledger.db</c> in the current directory.</summary>
internal sealed class DataOptions
{
    public const string DatabaseVariable = "CARBONLEDGER_DB";
    public const string ProviderVariable = "CARBONLEDGER_PROVIDER";
    public const string DefaultFile = "carbonledger.db";

    public DataOptions()
    {
        Provider.AcceptOnlyFromAmong("sqlite", "postgres");
    }

    public Option<string?> Db { get; } = new("--db")
    {
        Description = $"SQLite file path or ADO.NET connection string (default: ${DatabaseVariable}, else ./{DefaultFile})",
        HelpName = "path|connection-string",
    };

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = $"Database engine: sqlite or postgres (default: ${ProviderVariable}, else sqlite)",
    };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Db);
        command.Options.Add(Provider);
    }

    /// <summary>The settings the options (or environment) name. A postgres provider needs a connection string.</summary>
    public DatabaseSettings Settings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var db = parse.GetValue(Db) ?? NonEmpty(Environment.GetEnvironmentVariable(DatabaseVariable)) ?? DefaultFile;
        var providerText = parse.GetValue(Provider) ?? NonEmpty(Environment.GetEnvironmentVariable(ProviderVariable));
        DatabaseProvider provider;
        try
        {
            provider = DatabaseSettings.ParseProvider(providerText);
        }
        catch (ArgumentException)
        {
            throw new CliUsageException($"--provider: '{providerText}' is not sqlite or postgres");
        }
        var isConnectionString = db.Contains('=', StringComparison.Ordinal);
        return provider switch
        {
            DatabaseProvider.Sqlite => isConnectionString ? new DatabaseSettings(DatabaseProvider.Sqlite, db) : DatabaseSettings.SqliteFile(db),
            _ when isConnectionString => new DatabaseSettings(DatabaseProvider.Postgres, db),
            _ => throw new CliUsageException("--db: the postgres provider needs a connection string, e.g. \"Host=localhost;Database=carbonledger;Username=app;Password=…\""),
        };
    }

    /// <summary>What to call the database in messages: the SQLite file, or host/database for PostgreSQL (never the password).</summary>
    public static string Describe(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        }
        var csb = new Npgsql.NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return $"{csb.Host}/{csb.Database}";
    }

    /// <summary>A context on an existing, fully migrated database; otherwise a one-line failure saying what to run.
    /// Commands other than <c>db init</c> never create a database as a side effect.</summary>
    public static async Task<CarbonLedgerDbContext> OpenExistingAsync(DatabaseSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
            if (!File.Exists(file))
            {
                throw new CliFailureException($"database {file}: does not exist; create it with `carbonledger db init --db {file}`");
            }
        }
        var db = CarbonLedgerDatabase.CreateContext(settings);
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
            {
                throw new CliFailureException($"database {Describe(settings)}: cannot connect (does it exist? `carbonledger db init` creates it)");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                throw new CliFailureException($"database {Describe(settings)}: {pending.Count} pending migration(s) ({string.Join(", ", pending)}); run `carbonledger db migrate`");
            }
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
