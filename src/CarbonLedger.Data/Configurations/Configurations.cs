using CarbonLedger.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarbonLedger.Data.Configurations;

// One configuration per aggregate (STYLE.md "Persistence"). Decimals get explicit precision so PostgreSQL stores
// numeric(28,10) and SQLite stores exact TEXT; enums are stored as their names (strings).

internal static class Precision
{
    public static PropertyBuilder<decimal> Amount(this PropertyBuilder<decimal> p) => p.HasPrecision(28, 10);
    public static PropertyBuilder<decimal?> Amount(this PropertyBuilder<decimal?> p) => p.HasPrecision(28, 10);
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<OrganizationRow>
{
    public void Configure(EntityTypeBuilder<OrganizationRow> b)
    {
        b.ToTable("organizations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Consolidation).HasMaxLength(40).IsRequired();
        b.Property(x => x.DefaultGwpSet).HasMaxLength(10).IsRequired();
        b.Property(x => x.SignificanceThresholdPercent).Amount();
    }
}

internal sealed class LegalEntityConfiguration : IEntityTypeConfiguration<LegalEntityRow>
{
    public void Configure(EntityTypeBuilder<LegalEntityRow> b)
    {
        b.ToTable("legal_entities");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.OwnershipPercent).Amount();
        b.Property(x => x.TaxId).HasMaxLength(20);
        b.HasIndex(x => new { x.OrganizationId, x.Name }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<FacilityRow>
{
    public void Configure(EntityTypeBuilder<FacilityRow> b)
    {
        b.ToTable("facilities");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.OwnershipPercent).Amount();
        b.Property(x => x.Address).HasMaxLength(300);
        b.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<LegalEntityRow>().WithMany().HasForeignKey(x => x.LegalEntityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EmissionSourceConfiguration : IEntityTypeConfiguration<EmissionSourceRow>
{
    public void Configure(EntityTypeBuilder<EmissionSourceRow> b)
    {
        b.ToTable("emission_sources");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Type).HasMaxLength(40).IsRequired();
        b.Property(x => x.FactorKey).HasMaxLength(200).IsRequired();
        b.Property(x => x.Department).HasMaxLength(100);
        b.Property(x => x.ExclusionReason).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(1000);
        b.HasIndex(x => new { x.OrganizationId, x.Code }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FacilityRow>().WithMany().HasForeignKey(x => x.FacilityId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<ActivityRow>
{
    public void Configure(EntityTypeBuilder<ActivityRow> b)
    {
        b.ToTable("activities");
        b.HasKey(x => x.Id);
        b.Property(x => x.Quantity).Amount();
        b.Property(x => x.UncertaintyPercent).Amount();
        b.Property(x => x.Unit).HasMaxLength(20).IsRequired();
        b.Property(x => x.Quality).HasMaxLength(20).IsRequired();
        b.Property(x => x.EnteredBy).HasMaxLength(200).IsRequired();
        b.Property(x => x.Evidence).HasMaxLength(300);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => new { x.OrganizationId, x.PeriodStart });
        b.HasIndex(x => x.SourceId);
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EmissionSourceRow>().WithMany().HasForeignKey(x => x.SourceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<InstrumentRow>
{
    public void Configure(EntityTypeBuilder<InstrumentRow> b)
    {
        b.ToTable("scope2_instruments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Type).HasMaxLength(40).IsRequired();
        b.Property(x => x.Reference).HasMaxLength(200).IsRequired();
        b.Property(x => x.EnergyValue).Amount();
        b.Property(x => x.EnergyUnit).HasMaxLength(20).IsRequired();
        b.Property(x => x.EmissionRateKgPerKwh).Amount();
        b.HasIndex(x => new { x.OrganizationId, x.Reference }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CustomFactorConfiguration : IEntityTypeConfiguration<CustomFactorRow>
{
    public void Configure(EntityTypeBuilder<CustomFactorRow> b)
    {
        b.ToTable("custom_factors");
        b.HasKey(x => x.Id);
        b.Property(x => x.Key).HasMaxLength(200).IsRequired();
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.PerUnit).HasMaxLength(20).IsRequired();
        b.Property(x => x.SetName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Publisher).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).HasMaxLength(50).IsRequired();
        b.Property(x => x.Source).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Status).HasMaxLength(50).IsRequired();
        b.Property(x => x.UncertaintyPercent).Amount();
        b.HasIndex(x => new { x.OrganizationId, x.Key, x.Year }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.OwnsMany(x => x.Gases, g =>
        {
            g.ToTable("custom_factor_gases");
            g.WithOwner().HasForeignKey("FactorId");
            g.Property<int>("Id");
            g.HasKey("Id");
            g.Property(x => x.Gas).HasMaxLength(50).IsRequired();
            g.Property(x => x.Value).Amount();
            g.Property(x => x.MassUnit).HasMaxLength(20).IsRequired();
        });
    }
}

internal sealed class InventoryConfiguration : IEntityTypeConfiguration<InventoryRow>
{
    public void Configure(EntityTypeBuilder<InventoryRow> b)
    {
        b.ToTable("inventories");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.GwpSetId).HasMaxLength(10).IsRequired();
        b.Property(x => x.ResidualMixKgPerKwh).Amount();
        b.Property(x => x.ResidualMixSource).HasMaxLength(500);
        b.Property(x => x.Status).HasMaxLength(20).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Name }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ChangeBatchConfiguration : IEntityTypeConfiguration<ChangeBatchRow>
{
    public void Configure(EntityTypeBuilder<ChangeBatchRow> b)
    {
        b.ToTable("change_batches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Origin).HasMaxLength(500).IsRequired();
        b.Property(x => x.AppliedBy).HasMaxLength(200).IsRequired();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StructuralChangeConfiguration : IEntityTypeConfiguration<StructuralChangeRow>
{
    public void Configure(EntityTypeBuilder<StructuralChangeRow> b)
    {
        b.ToTable("structural_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.Description).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(40).IsRequired();
        b.Property(x => x.BaseYearImpactTonnes).Amount();
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Year });
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
