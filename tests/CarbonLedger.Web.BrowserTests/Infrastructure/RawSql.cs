using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CarbonLedger.Web.BrowserTests.Infrastructure;

/// <summary>Reads and writes the app's SQLite file directly, behind the application's back: to check what a browser
/// step really stored, and to tamper with a row the way an attacker with file access would.</summary>
public static class RawSql
{
    public static async Task<T> ScalarAsync<T>(this BrowserAppFixture app, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) { command.Parameters.AddWithValue(name, value); }
        var result = await command.ExecuteScalarAsync();
        return (T)Convert.ChangeType(result!, typeof(T), CultureInfo.InvariantCulture);
    }

    public static async Task<int> ExecuteAsync(this BrowserAppFixture app, string sql, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) { command.Parameters.AddWithValue(name, value); }
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Activity rows whose evidence text is <paramref name="evidence"/>.</summary>
    public static Task<long> ActivitiesWithEvidenceAsync(this BrowserAppFixture app, string evidence) =>
        app.ScalarAsync<long>("SELECT COUNT(*) FROM activities WHERE Evidence = $e", ("$e", evidence));

    public static Task<long> ActivityCountAsync(this BrowserAppFixture app) => app.ScalarAsync<long>("SELECT COUNT(*) FROM activities");
}
