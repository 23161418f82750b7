using CarbonLedger.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CarbonLedger.Data.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<UserRow>
{
    public void Configure(EntityTypeBuilder<UserRow> b)
    {
        b.Property(x => x.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(x => x.PreferredLanguage).HasMaxLength(10).IsRequired();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<MembershipRow>
{
    public void Configure(EntityTypeBuilder<MembershipRow> b)
    {
        b.ToTable("memberships");
        b.HasKey(x => x.Id);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Role).HasMaxLength(20).IsRequired();
        b.Property(x => x.FacilityScope).HasMaxLength(4000);
        b.HasIndex(x => new { x.OrganizationId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UserRow>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiTokenRow>
{
    public void Configure(EntityTypeBuilder<ApiTokenRow> b)
    {
        b.ToTable("api_tokens");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.Role).HasMaxLength(20).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.Sha256).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntryRow>
{
    public void Configure(EntityTypeBuilder<LedgerEntryRow> b)
    {
        b.ToTable("ledger_entries");
        b.HasKey(x => new { x.OrganizationId, x.Sequence });
        b.Property(x => x.Sequence).ValueGeneratedNever();
        b.Property(x => x.Actor).HasMaxLength(200).IsRequired();
        b.Property(x => x.Action).HasMaxLength(40).IsRequired();
        b.Property(x => x.EntityKind).HasMaxLength(40).IsRequired();
        b.Property(x => x.EntityId).HasMaxLength(200).IsRequired();
        b.Property(x => x.Content).IsRequired();
        b.Property(x => x.ContentHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.PreviousHash).HasMaxLength(64).IsRequired();
        b.Property(x => x.Hash).HasMaxLength(64).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.EntityKind, x.EntityId });
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkflowEventConfiguration : IEntityTypeConfiguration<WorkflowEventRow>
{
    public void Configure(EntityTypeBuilder<WorkflowEventRow> b)
    {
        b.ToTable("workflow_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Action).HasMaxLength(20).IsRequired();
        b.Property(x => x.FromStatus).HasMaxLength(20).IsRequired();
        b.Property(x => x.ToStatus).HasMaxLength(20).IsRequired();
        b.Property(x => x.Actor).HasMaxLength(200).IsRequired();
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.HasIndex(x => new { x.OrganizationId, x.InventoryId });
        b.HasOne<InventoryRow>().WithMany().HasForeignKey(x => x.InventoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CommentConfiguration : IEntityTypeConfiguration<CommentRow>
{
    public void Configure(EntityTypeBuilder<CommentRow> b)
    {
        b.ToTable("comments");
        b.HasKey(x => x.Id);
        b.Property(x => x.TargetKind).HasMaxLength(20).IsRequired();
        b.Property(x => x.TargetId).HasMaxLength(200).IsRequired();
        b.Property(x => x.Author).HasMaxLength(200).IsRequired();
        b.Property(x => x.AuthorRole).HasMaxLength(20).IsRequired();
        b.Property(x => x.Text).HasMaxLength(4000).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.InventoryId, x.TargetKind, x.TargetId });
        b.HasOne<InventoryRow>().WithMany().HasForeignKey(x => x.InventoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<EvidenceRow>
{
    public void Configure(EntityTypeBuilder<EvidenceRow> b)
    {
        b.ToTable("evidence_files");
        b.HasKey(x => x.Id);
        b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => new { x.OrganizationId, x.Sha256 }).IsUnique();
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditChecklistConfiguration : IEntityTypeConfiguration<AuditChecklistRow>
{
    public void Configure(EntityTypeBuilder<AuditChecklistRow> b)
    {
        b.ToTable("audit_checklists");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.ChecklistId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditChecklistItemConfiguration : IEntityTypeConfiguration<AuditChecklistItemRow>
{
    public void Configure(EntityTypeBuilder<AuditChecklistItemRow> b)
    {
        b.ToTable("audit_checklist_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Text).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Result).HasMaxLength(10).IsRequired();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.CheckedBy).HasMaxLength(200);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<FindingRow>
{
    public void Configure(EntityTypeBuilder<FindingRow> b)
    {
        b.ToTable("audit_findings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Description).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Severity).HasMaxLength(10).IsRequired();
        b.Property(x => x.Owner).HasMaxLength(200).IsRequired();
        b.Property(x => x.Status).HasMaxLength(20).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.OrganizationId);
        b.HasOne<OrganizationRow>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Actions).WithOne().HasForeignKey(x => x.FindingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CorrectiveActionConfiguration : IEntityTypeConfiguration<CorrectiveActionRow>
{
    public void Configure(EntityTypeBuilder<CorrectiveActionRow> b)
    {
        b.ToTable("audit_corrective_actions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Description).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Owner).HasMaxLength(200).IsRequired();
        b.Property(x => x.Status).HasMaxLength(10).IsRequired();
    }
}
