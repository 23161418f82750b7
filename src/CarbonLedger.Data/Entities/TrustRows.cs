using Microsoft.AspNetCore.Identity;

namespace CarbonLedger.Data.Entities;

// Rows of issue 3: accounts and memberships, workflow, comments, the audit ledger, evidence and internal audit.
// Every tenant row carries OrganizationId, the key on every query.

/// <summary>A person who signs in (ASP.NET Core Identity; the password is stored only as Identity's PBKDF2 hash).</summary>
public sealed class UserRow : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>"zh-TW" or "en".</summary>
    public string PreferredLanguage { get; set; } = "zh-TW";
    /// <summary>The demo login, shown as such everywhere it appears.</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A user's role in one organization; a contributor may be limited to some facilities.</summary>
public sealed class MembershipRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>admin, contributor, reviewer, verifier or viewer (<see cref="Audit.AccessRules.Code"/>).</summary>
    public string Role { get; set; } = "viewer";
    /// <summary>Facility ids a contributor may edit, comma-separated; null or empty = every facility.</summary>
    public string? FacilityScope { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A machine client's API token: only its SHA-256 is stored.</summary>
public sealed class ApiTokenRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string Role { get; set; } = "viewer";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>One entry of the organization's hash-chained audit ledger (Core/Audit/HashChain.cs). Append-only: no code
/// path updates or deletes these rows.</summary>
public sealed class LedgerEntryRow
{
    public Guid OrganizationId { get; set; }
    public long Sequence { get; set; }
    /// <summary>Unix ticks (100 ns) of the NodaTime Instant, exactly as hashed.</summary>
    public long TimestampTicks { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityKind { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Content { get; set; } = "";
    public string ContentHash { get; set; } = "";
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";
}

/// <summary>A workflow transition of an inventory (submit, review, approve, lock, return, restate).</summary>
public sealed class WorkflowEventRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid InventoryId { get; set; }
    public string Action { get; set; } = "";
    public string FromStatus { get; set; } = "";
    public string ToStatus { get; set; } = "";
    public string Actor { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}

/// <summary>A comment on an inventory or any of its lines (activity, source, facility, result line).</summary>
public sealed class CommentRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid InventoryId { get; set; }
    /// <summary>inventory, activity, source, facility or line.</summary>
    public string TargetKind { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string Author { get; set; } = "";
    public string AuthorRole { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Text { get; set; } = "";
}

/// <summary>An evidence file (invoice, meter photo, bill) uploaded for activity data; referenced by its SHA-256.</summary>
public sealed class EvidenceRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public string UploadedBy { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An internal-audit checklist (seed 002 肆 內部稽核) for an inventory.</summary>
public sealed class AuditChecklistRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? InventoryId { get; set; }
    public string Title { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<AuditChecklistItemRow> Items { get; set; } = [];
}

public sealed class AuditChecklistItemRow
{
    public Guid Id { get; set; }
    public Guid ChecklistId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
    /// <summary>open, pass, fail or n/a.</summary>
    public string Result { get; set; } = "open";
    public string? Note { get; set; }
    public string? CheckedBy { get; set; }
    public DateTimeOffset? CheckedAt { get; set; }
}

/// <summary>An internal-audit finding with severity, owner and due date.</summary>
public sealed class FindingRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid? InventoryId { get; set; }
    public string Title { get; set; } = "";
    public string Description { get; set; } = "";
    /// <summary>low, medium, high or critical.</summary>
    public string Severity { get; set; } = "medium";
    public string Owner { get; set; } = "";
    public DateOnly DueDate { get; set; }
    /// <summary>open, in-progress or closed.</summary>
    public string Status { get; set; } = "open";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<CorrectiveActionRow> Actions { get; set; } = [];
}

/// <summary>A corrective action taken on a finding.</summary>
public sealed class CorrectiveActionRow
{
    public Guid Id { get; set; }
    public Guid FindingId { get; set; }
    public string Description { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateOnly DueDate { get; set; }
    /// <summary>open or done.</summary>
    public string Status { get; set; } = "open";
    public DateTimeOffset? CompletedAt { get; set; }
}
