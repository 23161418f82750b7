using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Entities;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace CarbonLedger.Data.Stores;

/// <summary>An inventory's workflow history entry.</summary>
public sealed record WorkflowEvent(Guid Id, WorkflowAction Action, InventoryStatus From, InventoryStatus To, string Actor, Instant At, string? Reason);

/// <summary>A comment on an inventory or one of its lines.</summary>
public sealed record Comment(Guid Id, Guid InventoryId, string TargetKind, string TargetId, string Author, string AuthorRole, Instant At, string Text);

/// <summary>Moves inventories through draft → submitted → reviewed → approved → locked (<see cref="InventoryWorkflow"/>)
/// and keeps their comments. Every transition and comment is recorded in the workflow history and the audit ledger in
/// the same transaction; a restatement is a transition with its reason.</summary>
public sealed class WorkflowStore(CarbonLedgerDbContext db, IClock clock)
{
    public static readonly IReadOnlyList<string> TargetKinds = ["inventory", "activity", "source", "facility", "line"];
    public const int CommentMaxLength = 4000;

    public async Task<Outcome<InventoryStatus>> TransitionAsync(Guid organizationId, Guid inventoryId, WorkflowAction action,
        OrganizationRole role, string actor, string? reason, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var row = await db.Inventories.SingleOrDefaultAsync(i => i.OrganizationId == organizationId && i.Id == inventoryId, ct);
        if (row is null)
        {
            return Outcome<InventoryStatus>.Failure([Problem.AtField("inventoryId", $"no inventory {inventoryId} in this organization", $"本組織沒有盤查清冊 {inventoryId}")]);
        }
        var from = InventoryWorkflow.Parse(row.Status);
        var next = InventoryWorkflow.Next(from, action, role, reason);
        if (!next.Succeeded) { return next; }
        var now = clock.GetCurrentInstant();
        await LedgerWriter.InTransactionAsync(db, organizationId, now, async ledger =>
        {
            row.Status = next.Value.ToString();
            var ev = new WorkflowEventRow
            {
                Id = Guid.NewGuid(), OrganizationId = organizationId, InventoryId = inventoryId, Action = action.ToString(),
                FromStatus = from.ToString(), ToStatus = next.Value.ToString(), Actor = actor, At = now.ToDateTimeOffset(), Reason = reason?.Trim(),
            };
            db.WorkflowEvents.Add(ev);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, action.ToString().ToLowerInvariant(), "workflow", ev.Id.ToString("D"), LedgerContent.Of(new Dictionary<string, string?>
            {
                ["inventoryId"] = inventoryId.ToString("D"), ["from"] = ev.FromStatus, ["to"] = ev.ToStatus, ["reason"] = ev.Reason, ["role"] = AccessRules.Code(role),
            }), ct);
            await ledger.AddAsync(actor, "update", LedgerContent.Inventory, inventoryId.ToString("D"), LedgerContent.Of(row), ct);
        }, ct);
        return next;
    }

    public async Task<IReadOnlyList<WorkflowEvent>> HistoryAsync(Guid organizationId, Guid inventoryId, CancellationToken ct = default)
    {
        var rows = await db.WorkflowEvents.AsNoTracking().Where(e => e.OrganizationId == organizationId && e.InventoryId == inventoryId).ToListAsync(ct);
        // In the order taken: the ledger sequence of each step's entry (steps within one clock reading, or one
        // microsecond on PostgreSQL, have equal times).
        var ids = rows.Select(r => r.Id.ToString("D")).ToList();
        var sequence = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && e.EntityKind == "workflow" && ids.Contains(e.EntityId))
            .Select(e => new { e.EntityId, e.Sequence }).ToDictionaryAsync(e => e.EntityId, e => e.Sequence, ct);
        return rows.OrderBy(r => sequence.GetValueOrDefault(r.Id.ToString("D"), long.MaxValue)).ThenBy(r => r.At).ThenBy(r => r.Id)
            .Select(r => new WorkflowEvent(r.Id, Enum.Parse<WorkflowAction>(r.Action), InventoryWorkflow.Parse(r.FromStatus), InventoryWorkflow.Parse(r.ToStatus),
                r.Actor, r.At.ToInstant(), r.Reason)).ToList();
    }

    public async Task<Outcome<Comment>> AddCommentAsync(Guid organizationId, Guid inventoryId, string targetKind, string targetId, string text,
        string author, OrganizationRole role, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        var problems = new List<Problem>();
        if (!AccessRules.Allows(role, Permission.Comment)) { problems.Add(Problem.AtField("role", $"a {AccessRules.Code(role)} may not comment", $"角色 {AccessRules.Code(role)} 不得新增意見")); }
        if (!TargetKinds.Contains(targetKind)) { problems.Add(Problem.AtField("targetKind", $"must be one of {string.Join(", ", TargetKinds)}", $"須為下列之一：{string.Join("、", TargetKinds)}")); }
        if (string.IsNullOrWhiteSpace(targetId) || targetId.Length > 200) { problems.Add(Problem.AtField("targetId", "is required (at most 200 characters)", "必填（最多 200 個字元）")); }
        if (string.IsNullOrWhiteSpace(text)) { problems.Add(Problem.AtField("text", "is required", "必填")); }
        else if (text.Length > CommentMaxLength) { problems.Add(Problem.TooLong("text", CommentMaxLength)); }
        if (!await db.Inventories.AnyAsync(i => i.OrganizationId == organizationId && i.Id == inventoryId, ct))
        {
            problems.Add(Problem.AtField("inventoryId", $"no inventory {inventoryId} in this organization", $"本組織沒有盤查清冊 {inventoryId}"));
        }
        if (problems.Count > 0) { return Outcome<Comment>.Failure(problems); }
        var now = clock.GetCurrentInstant();
        var row = new CommentRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, InventoryId = inventoryId, TargetKind = targetKind, TargetId = targetId.Trim(),
            Author = author, AuthorRole = AccessRules.Code(role), At = now.ToDateTimeOffset(), Text = text.Trim(),
        };
        await LedgerWriter.InTransactionAsync(db, organizationId, now, async ledger =>
        {
            db.Comments.Add(row);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(author, "comment", "comment", row.Id.ToString("D"), LedgerContent.Of(new Dictionary<string, string?>
            {
                ["inventoryId"] = inventoryId.ToString("D"), ["targetKind"] = row.TargetKind, ["targetId"] = row.TargetId, ["text"] = row.Text,
            }), ct);
        }, ct);
        return Outcome<Comment>.Success(ToDomain(row));
    }

    public async Task<IReadOnlyList<Comment>> CommentsAsync(Guid organizationId, Guid inventoryId, string? targetKind = null, string? targetId = null, CancellationToken ct = default)
    {
        var q = db.Comments.AsNoTracking().Where(c => c.OrganizationId == organizationId && c.InventoryId == inventoryId);
        if (targetKind is not null) { q = q.Where(c => c.TargetKind == targetKind); }
        if (targetId is not null) { q = q.Where(c => c.TargetId == targetId); }
        var rows = await q.ToListAsync(ct);
        return rows.OrderBy(r => r.At).ThenBy(r => r.Id).Select(ToDomain).ToList();
    }

    private static Comment ToDomain(CommentRow r) => new(r.Id, r.InventoryId, r.TargetKind, r.TargetId, r.Author, r.AuthorRole, r.At.ToInstant(), r.Text);
}
