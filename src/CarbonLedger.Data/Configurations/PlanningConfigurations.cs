using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarbonLedger.Data.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<TargetRow>
{
    public void Configure(EntityTypeBuilder<TargetRow> b)
    {
        b.ToTable("targets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(PlanningStore.TargetNameMax).IsRequired();
        b.Property(x => x.Kind).HasMaxLength(20).IsRequired();
        b.Property(x => x.Scopes).HasMaxLength(10).IsRequired();
        b.Property(x => x.Scope2Basis).HasMaxLength(20).IsRequired();
        b.Property(x => x.BaseYearEmissions).Amount();
        b.Property(x => x.BaseYearSource).HasMaxLength(500).IsRequired();
        b.Property(x => x.Reduction).Amount();
        b.Property(x => x.MethodJson).IsRequired();
        b.Property(x => x.DenominatorName).HasMaxLength(PlanningStore.DenominatorNameMax);
        b.Property(x => x.DenominatorUnit).HasMaxLength(PlanningStore.DenominatorUnitMax);
        b.Property(x => x.DenominatorBaseAmount).Amount();
        b.Property(x => x.Coverage).Amount();
        b.Property(x => x.YearDataJson).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Name }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransitionPlanConfiguration : IEntityTypeConfiguration<TransitionPlanRow>
{
    public void Configure(EntityTypeBuilder<TransitionPlanRow> b)
    {
        b.ToTable("transition_plans");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(PlanningStore.PlanTitleMax).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TransitionPlanVersionConfiguration : IEntityTypeConfiguration<TransitionPlanVersionRow>
{
    public void Configure(EntityTypeBuilder<TransitionPlanVersionRow> b)
    {
        b.ToTable("transition_plan_versions");
        b.HasKey(x => x.Id);
        b.Property(x => x.ContentJson).IsRequired();
        b.Property(x => x.ContentSha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.Note).HasMaxLength(PlanningStore.NoteMax);
        b.Property(x => x.SavedBy).HasMaxLength(200).IsRequired();
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.ApprovingBody).HasMaxLength(PlanningStore.ApprovingBodyMax);
        b.Property(x => x.Resolution).HasMaxLength(PlanningStore.ResolutionMax);
        b.HasIndex(x => new { x.PlanId, x.Version }).IsUnique();
        b.HasIndex(x => x.OrganizationId);
    }
}
