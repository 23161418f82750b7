using Microsoft.EntityFrameworkCore.Design;

namespace CarbonLedger.Data.Sqlite;

/// <summary>Used by `dotnet ef migrations add X --project src/CarbonLedger.Data.Sqlite` only.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CarbonLedgerDbContext>
{
    public CarbonLedgerDbContext CreateDbContext(string[] args) =>
        CarbonLedgerDatabase.CreateContext(DatabaseSettings.SqliteFile("design-time.db"));
}
