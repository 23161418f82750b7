using CarbonLedger.Data;
using Npgsql;

namespace CarbonLedger.Testing.Databases;

/// <summary>A fresh, migrated database on a real engine for one test: a temporary SQLite file, or a new database on
/// the local PostgreSQL server named by CARBONLEDGER_TEST_POSTGRES (default: the server .ci/run starts,
/// Host=127.0.0.1;Username=postgres;Password=postgres). Dropped on dispose. No mocks of our own database.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "CARBONLEDGER_TEST_POSTGRES";
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Timeout=5";

    private readonly string? _sqlitePath;
    private readonly string? _postgresDatabase;
    private readonly string? _adminConnection;

    private TestDatabase(DatabaseSettings settings, string? sqlitePath, string? postgresDatabase, string? adminConnection)
    {
        Settings = settings;
        _sqlitePath = sqlitePath;
        _postgresDatabase = postgresDatabase;
        _adminConnection = adminConnection;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    public CarbonLedgerDbContext CreateContext() => CarbonLedgerDatabase.CreateContext(Settings);

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true)
    {
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"carbonledger-test-{Guid.NewGuid():N}.db");
            db = new TestDatabase(DatabaseSettings.SqliteFile(path), path, null, null);
        }
        else
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } v ? v : DefaultPostgres;
            var name = $"cl_test_{Guid.NewGuid():N}";
            try
            {
                await using var conn = new NpgsqlConnection(admin);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL integration tests need a server: install and start it (`apt-get install -y postgresql`, see .ci/run) or set {PostgresVariable}. {ex.Message}", ex);
            }
            var csb = new NpgsqlConnectionStringBuilder(admin) { Database = name };
            db = new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, csb.ConnectionString), null, name, admin);
        }
        if (migrate)
        {
            await CarbonLedgerDatabase.MigrateAsync(db.Settings);
        }
        return db;
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqlitePath is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _sqlitePath, _sqlitePath + "-wal", _sqlitePath + "-shm" })
            {
                if (File.Exists(f)) { File.Delete(f); }
            }
        }
        if (_postgresDatabase is not null && _adminConnection is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
