using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Data;

/// <summary>Which engine holds the data: SQLite embedded (the default: a file created and migrated on first start)
/// or PostgreSQL for shared multi-user deployments.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The database choice: provider and ADO.NET connection string.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string SqliteMigrationsAssembly = "CarbonLedger.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "CarbonLedger.Data.Postgres";

    /// <summary>An embedded SQLite database in <paramref name="path"/>.</summary>
    public static DatabaseSettings SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path}");

    /// <summary>Parses "sqlite" / "postgres" (also "postgresql", "npgsql"), case-insensitive.</summary>
    public static DatabaseProvider ParseProvider(string? text) => (text ?? "sqlite").Trim().ToUpperInvariant() switch
    {
        "SQLITE" or "" => DatabaseProvider.Sqlite,
        "POSTGRES" or "POSTGRESQL" or "NPGSQL" => DatabaseProvider.Postgres,
        var other => throw new ArgumentException($"unknown database provider '{other}' (use sqlite or postgres)", nameof(text)),
    };
}

public static class CarbonLedgerDatabase
{
    /// <summary>Configures <paramref name="builder"/> for the provider, pointing EF at that provider's migrations assembly.</summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(settings.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.SqliteMigrationsAssembly)),
            DatabaseProvider.Postgres => builder.UseNpgsql(settings.ConnectionString, o => o.MigrationsAssembly(DatabaseSettings.PostgresMigrationsAssembly)),
            _ => throw new ArgumentOutOfRangeException(nameof(settings)),
        };
    }

    public static DbContextOptions<CarbonLedgerDbContext> Options(DatabaseSettings settings)
    {
        var builder = new DbContextOptionsBuilder<CarbonLedgerDbContext>();
        Configure(builder, settings);
        return builder.Options;
    }

    public static CarbonLedgerDbContext CreateContext(DatabaseSettings settings) => new(Options(settings));

    /// <summary>Creates the database if needed and applies every pending migration (never EnsureCreated).</summary>
    public static async Task MigrateAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            var csb = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(settings.ConnectionString);
            var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(dir)) { Directory.CreateDirectory(dir); }
        }
        await using var db = CreateContext(settings);
        await db.Database.MigrateAsync(cancellationToken);
    }
}
