using CarbonLedger.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Data;

/// <summary>The CarbonLedger database: one model, two providers (SQLite embedded, PostgreSQL shared), each with its
/// own migrations assembly (CarbonLedger.Data.Sqlite, CarbonLedger.Data.Postgres) as the EF Core docs recommend.</summary>
public class CarbonLedgerDbContext(DbContextOptions<CarbonLedgerDbContext> options) : DbContext(options)
{
    public DbSet<OrganizationRow> Organizations => Set<OrganizationRow>();
    public DbSet<LegalEntityRow> LegalEntities => Set<LegalEntityRow>();
    public DbSet<FacilityRow> Facilities => Set<FacilityRow>();
    public DbSet<EmissionSourceRow> Sources => Set<EmissionSourceRow>();
    public DbSet<ActivityRow> Activities => Set<ActivityRow>();
    public DbSet<InstrumentRow> Instruments => Set<InstrumentRow>();
    public DbSet<CustomFactorRow> CustomFactors => Set<CustomFactorRow>();
    public DbSet<InventoryRow> Inventories => Set<InventoryRow>();
    public DbSet<ChangeBatchRow> ChangeBatches => Set<ChangeBatchRow>();
    public DbSet<StructuralChangeRow> StructuralChanges => Set<StructuralChangeRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CarbonLedgerDbContext).Assembly);
    }
}
