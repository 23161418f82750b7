using CarbonLedger.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarbonLedger.Data.Configurations;

internal sealed class IcpPolicyConfiguration : IEntityTypeConfiguration<IcpPolicyRow>
{
    public void Configure(EntityTypeBuilder<IcpPolicyRow> b)
    {
        b.ToTable("icp_policies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Type).HasMaxLength(30).IsRequired();
        b.Property(x => x.Currency).HasMaxLength(3).IsRequired();
        b.Property(x => x.Scopes).HasMaxLength(10).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Name }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Prices).WithOne().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IcpPriceChangeConfiguration : IEntityTypeConfiguration<IcpPriceChangeRow>
{
    public void Configure(EntityTypeBuilder<IcpPriceChangeRow> b)
    {
        b.ToTable("icp_price_changes");
        b.HasKey(x => x.Id);
        b.Property(x => x.PricePerTonne).Amount();
        b.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.PolicyId, x.EffectiveFrom }).IsUnique();
    }
}

internal sealed class IcpProjectConfiguration : IEntityTypeConfiguration<IcpProjectRow>
{
    public void Configure(EntityTypeBuilder<IcpProjectRow> b)
    {
        b.ToTable("icp_projects");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.InputsJson).IsRequired();
        b.Property(x => x.ActualCost).Amount();
        b.Property(x => x.RealisedAbatementTonnes).Amount();
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Name }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarbonFundEntryConfiguration : IEntityTypeConfiguration<CarbonFundEntryRow>
{
    public void Configure(EntityTypeBuilder<CarbonFundEntryRow> b)
    {
        b.ToTable("carbon_fund_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(10).IsRequired();
        b.Property(x => x.Counterparty).HasMaxLength(200).IsRequired();
        b.Property(x => x.Amount).Amount();
        b.Property(x => x.Currency).HasMaxLength(3).IsRequired();
        b.Property(x => x.Note).HasMaxLength(1000).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Sequence }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AllowanceEntryConfiguration : IEntityTypeConfiguration<AllowanceEntryRow>
{
    public void Configure(EntityTypeBuilder<AllowanceEntryRow> b)
    {
        b.ToTable("allowance_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasMaxLength(12).IsRequired();
        b.Property(x => x.Unit).HasMaxLength(200).IsRequired();
        b.Property(x => x.ToUnit).HasMaxLength(200);
        b.Property(x => x.Tonnes).Amount();
        b.Property(x => x.PricePerTonne).Amount();
        b.Property(x => x.Currency).HasMaxLength(3).IsRequired();
        b.Property(x => x.RecordedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Year });
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
