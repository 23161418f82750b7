using CarbonLedger.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Data;

/// <summary>The CarbonLedger database: one model, two providers (SQLite embedded, PostgreSQL shared), including ASP.NET Core Identity's tables, each with its
/// own migrations assembly (CarbonLedger.Data.Sqlite, CarbonLedger.Data.Postgres) as the EF Core docs recommend.</summary>
public class CarbonLedgerDbContext(DbContextOptions<CarbonLedgerDbContext> options) : IdentityDbContext<UserRow>(options)
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
    public DbSet<MembershipRow> Memberships => Set<MembershipRow>();
    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();
    public DbSet<LedgerEntryRow> LedgerEntries => Set<LedgerEntryRow>();
    public DbSet<WorkflowEventRow> WorkflowEvents => Set<WorkflowEventRow>();
    public DbSet<CommentRow> Comments => Set<CommentRow>();
    public DbSet<EvidenceRow> Evidence => Set<EvidenceRow>();
    public DbSet<AuditChecklistRow> AuditChecklists => Set<AuditChecklistRow>();
    public DbSet<FindingRow> Findings => Set<FindingRow>();
    public DbSet<IcpPolicyRow> IcpPolicies => Set<IcpPolicyRow>();
    public DbSet<IcpProjectRow> IcpProjects => Set<IcpProjectRow>();
    public DbSet<CarbonFundEntryRow> CarbonFundEntries => Set<CarbonFundEntryRow>();
    public DbSet<AllowanceEntryRow> AllowanceEntries => Set<AllowanceEntryRow>();
    public DbSet<TargetRow> Targets => Set<TargetRow>();
    public DbSet<TransitionPlanRow> TransitionPlans => Set<TransitionPlanRow>();
    public DbSet<TransitionPlanVersionRow> TransitionPlanVersions => Set<TransitionPlanVersionRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder); // ASP.NET Core Identity's tables (AspNetUsers, AspNetRoles, …)
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CarbonLedgerDbContext).Assembly);
    }
}
