using Microsoft.EntityFrameworkCore.Design;

namespace CarbonLedger.Data.Postgres;

/// <summary>Used by `dotnet ef migrations add X --project src/CarbonLedger.Data.Postgres` only (no server needed).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CarbonLedgerDbContext>
{
    public CarbonLedgerDbContext CreateDbContext(string[] args) =>
        CarbonLedgerDatabase.CreateContext(new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=carbonledger_design;Username=postgres"));
}
