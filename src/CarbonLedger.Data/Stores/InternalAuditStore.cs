using CarbonLedger.Common;
using CarbonLedger.Data.Entities;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Text;

namespace CarbonLedger.Data.Stores;

/// <summary>One item of an internal-audit checklist and its result.</summary>
public sealed record ChecklistItem(Guid Id, int Position, string Text, string Result, string? Note, string? CheckedBy, Instant? CheckedAt);

/// <summary>An internal-audit checklist (seed 002 肆 內部稽核) with its items in order.</summary>
public sealed record AuditChecklist(Guid Id, Guid? InventoryId, string Title, string CreatedBy, Instant CreatedAt, IReadOnlyList<ChecklistItem> Items);

/// <summary>A corrective action on a finding.</summary>
public sealed record CorrectiveAction(Guid Id, Guid FindingId, string Description, string Owner, LocalDate DueDate, string Status, Instant? CompletedAt);

/// <summary>An internal-audit finding with its corrective actions.</summary>
public sealed record Finding(Guid Id, Guid? InventoryId, string Title, string Description, string Severity, string Owner, LocalDate DueDate,
    string Status, string CreatedBy, Instant CreatedAt, IReadOnlyList<CorrectiveAction> Actions);

/// <summary>What a new checklist needs; <paramref name="Items"/> null = <see cref="InternalAuditStore.DefaultItems"/>.</summary>
public sealed record ChecklistInput(Guid? InventoryId, string? Title, IReadOnlyList<string>? Items = null);

/// <summary>What a new finding needs. <paramref name="DueDate"/> is yyyy-MM-dd.</summary>
public sealed record FindingInput(Guid? InventoryId, string? Title, string? Description, string? Severity, string? Owner, string? DueDate);

/// <summary>What a new corrective action needs. <paramref name="DueDate"/> is yyyy-MM-dd.</summary>
public sealed record CorrectiveActionInput(string? Description, string? Owner, string? DueDate);

/// <summary>Internal audit (seed 002 肆 內部稽核與風險控管; SPEC §2): checklists, findings with severity, owner and due
/// date, and corrective actions. Every write runs in a transaction that also appends its ledger entry (kinds
/// "checklist", "finding", "corrective-action"); every query is filtered by organization; bad input is an
/// <see cref="Outcome{T}"/> failure listing every field.</summary>
public sealed class InternalAuditStore(CarbonLedgerDbContext db, IClock clock)
{
    public const string ChecklistKind = "checklist";
    public const string FindingKind = "finding";
    public const string CorrectiveActionKind = "corrective-action";

    public static readonly IReadOnlyList<string> Results = ["open", "pass", "fail", "n/a"];
    public static readonly IReadOnlyList<string> Severities = ["low", "medium", "high", "critical"];
    public static readonly IReadOnlyList<string> FindingStatuses = ["open", "in-progress", "closed"];
    public static readonly IReadOnlyList<string> ActionStatuses = ["open", "done"];

    public const string DefaultTitle = "內部稽核查核表 Internal audit checklist";

    /// <summary>The internal-audit checks seed 002 肆 asks for (全面檢查數據管理流程、報告準確性以及合規性; 稽核結果應製作
    /// 詳細報告; 定期追蹤) spelled out as the ISO 14064-1 inventory principles and SPEC §1-2 make them checkable.</summary>
    public static readonly IReadOnlyList<string> DefaultItems =
    [
        "組織邊界與報告邊界已文件化 — Organizational and reporting boundaries are documented",
        "每一排放源均已鑑別，排除者載明理由 — Every emission source is identified; exclusions are justified",
        "活動數據可追溯至佐證文件（發票、電表、帳單） — Activity data is traced to evidence (invoices, meters, bills)",
        "排放係數均註明來源與版本 — Every emission factor is cited with its source and version",
        "已載明採用之全球暖化潛勢（GWP）值組 — The GWP set used is stated",
        "排放量已重新計算並與公布數字相符 — Calculations are recomputed and match the published figures",
        "數據品質已分級（量測／計算／推估） — Data quality is graded (measured / calculated / estimated)",
        "基準年與重新計算政策已訂定 — The base year and its recalculation policy are set",
        "前次稽核發現之改善措施已追蹤 — Corrective actions of earlier findings are followed up",
        "稽核報告已指出問題與改善建議 — The audit report states the issues found and the recommendations",
    ];

    private const int TitleMax = 300;
    private const int ItemMax = 1000;
    private const int NoteMax = 2000;
    private const int DescriptionMax = 4000;
    private const int ActionDescriptionMax = 2000;
    private const int OwnerMax = 200;

    // ---- checklists ----

    public async Task<Outcome<AuditChecklist>> CreateChecklistAsync(Guid organizationId, ChecklistInput input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var title = string.IsNullOrWhiteSpace(input.Title) ? DefaultTitle : input.Title.Trim();
        if (title.Length > TitleMax) { problems.Add(Problem.TooLong("title", TitleMax)); }
        var items = input.Items ?? DefaultItems;
        if (items.Count == 0) { problems.Add(Problem.AtField("items", "a checklist needs at least one item", "查核表至少須有一個項目")); }
        for (var i = 0; i < items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(items[i])) { problems.Add(Problem.AtField($"items[{i}]", "is empty", "不得空白")); }
            else if (items[i].Trim().Length > ItemMax) { problems.Add(Problem.TooLong($"items[{i}]", ItemMax)); }
        }
        await CheckInventoryAsync(organizationId, input.InventoryId, problems, ct);
        if (problems.Count > 0) { return Outcome<AuditChecklist>.Failure(problems); }

        var now = clock.GetCurrentInstant();
        var row = new AuditChecklistRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, InventoryId = input.InventoryId, Title = title, CreatedBy = actor, CreatedAt = now.ToDateTimeOffset(),
            Items = [.. items.Select((text, i) => new AuditChecklistItemRow { Id = Guid.NewGuid(), Position = i + 1, Text = text.Trim(), Result = "open" })],
        };
        await WriteAsync(organizationId, now, async ledger =>
        {
            db.AuditChecklists.Add(row);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, "create", ChecklistKind, row.Id.ToString("D"), LedgerContent.Of(new Dictionary<string, string?>
            {
                ["inventoryId"] = row.InventoryId?.ToString("D"), ["title"] = row.Title,
                ["items"] = string.Join("\n", row.Items.Select(x => x.Text)),
            }), ct);
        }, ct);
        return Outcome<AuditChecklist>.Success(ToDomain(row));
    }

    public async Task<IReadOnlyList<AuditChecklist>> ChecklistsAsync(Guid organizationId, Guid? inventoryId = null, CancellationToken ct = default)
    {
        var q = db.AuditChecklists.AsNoTracking().Include(c => c.Items).Where(c => c.OrganizationId == organizationId);
        if (inventoryId is { } inv) { q = q.Where(c => c.InventoryId == inv); }
        var rows = await q.ToListAsync(ct);
        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(ToDomain).ToList();
    }

    public async Task<AuditChecklist?> ChecklistAsync(Guid organizationId, Guid checklistId, CancellationToken ct = default)
    {
        var row = await db.AuditChecklists.AsNoTracking().Include(c => c.Items)
            .SingleOrDefaultAsync(c => c.OrganizationId == organizationId && c.Id == checklistId, ct);
        return row is null ? null : ToDomain(row);
    }

    /// <summary>Records an item's result (open, pass, fail or n/a) with a note, who checked it and when.</summary>
    public async Task<Outcome<ChecklistItem>> SetItemResultAsync(Guid organizationId, Guid checklistId, Guid itemId, string? result, string? note,
        string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var code = result?.Trim().ToLowerInvariant();
        if (code is null || !Results.Contains(code)) { problems.Add(Problem.AtField("result", $"must be one of {string.Join(", ", Results)}", $"須為下列之一：{string.Join("、", Results)}")); }
        if (note is { Length: > NoteMax }) { problems.Add(Problem.TooLong("note", NoteMax)); }
        var checklist = await db.AuditChecklists.AsNoTracking().AnyAsync(c => c.OrganizationId == organizationId && c.Id == checklistId, ct);
        var item = checklist ? await db.Set<AuditChecklistItemRow>().SingleOrDefaultAsync(i => i.ChecklistId == checklistId && i.Id == itemId, ct) : null;
        if (!checklist) { problems.Add(Problem.AtField("checklistId", $"no checklist {checklistId} in this organization", $"本組織沒有查核表 {checklistId}")); }
        else if (item is null) { problems.Add(Problem.AtField("itemId", $"no item {itemId} in checklist {checklistId}", $"查核表 {checklistId} 沒有項目 {itemId}")); }
        if (problems.Count > 0) { return Outcome<ChecklistItem>.Failure(problems); }

        var now = clock.GetCurrentInstant();
        await WriteAsync(organizationId, now, async ledger =>
        {
            item!.Result = code!;
            item.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            item.CheckedBy = actor;
            item.CheckedAt = now.ToDateTimeOffset();
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, "check", ChecklistKind, item.Id.ToString("D"), LedgerContent.Of(new Dictionary<string, string?>
            {
                ["checklistId"] = checklistId.ToString("D"), ["position"] = item.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["text"] = item.Text, ["result"] = item.Result, ["note"] = item.Note,
            }), ct);
        }, ct);
        return Outcome<ChecklistItem>.Success(ToDomain(item!));
    }

    // ---- findings ----

    public async Task<Outcome<Finding>> CreateFindingAsync(Guid organizationId, FindingInput input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var title = Required(input.Title, "title", TitleMax, problems);
        var description = Required(input.Description, "description", DescriptionMax, problems);
        var severity = input.Severity?.Trim().ToLowerInvariant();
        if (severity is null || !Severities.Contains(severity)) { problems.Add(Problem.AtField("severity", $"must be one of {string.Join(", ", Severities)}", $"須為下列之一：{string.Join("、", Severities)}")); }
        var owner = Required(input.Owner, "owner", OwnerMax, problems);
        var due = Date(input.DueDate, "dueDate", problems);
        await CheckInventoryAsync(organizationId, input.InventoryId, problems, ct);
        if (problems.Count > 0) { return Outcome<Finding>.Failure(problems); }

        var now = clock.GetCurrentInstant();
        var row = new FindingRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, InventoryId = input.InventoryId, Title = title!, Description = description!,
            Severity = severity!, Owner = owner!, DueDate = due!.Value.ToDateOnly(), Status = "open", CreatedBy = actor, CreatedAt = now.ToDateTimeOffset(),
        };
        await WriteAsync(organizationId, now, async ledger =>
        {
            db.Findings.Add(row);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, "create", FindingKind, row.Id.ToString("D"), FindingContent(row), ct);
        }, ct);
        return Outcome<Finding>.Success(ToDomain(row));
    }

    /// <summary>Moves a finding to open, in-progress or closed; a finding closes only when its corrective actions are done.</summary>
    public async Task<Outcome<Finding>> SetFindingStatusAsync(Guid organizationId, Guid findingId, string? status, string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var code = status?.Trim().ToLowerInvariant();
        if (code is null || !FindingStatuses.Contains(code)) { problems.Add(Problem.AtField("status", $"must be one of {string.Join(", ", FindingStatuses)}", $"須為下列之一：{string.Join("、", FindingStatuses)}")); }
        var row = await db.Findings.Include(f => f.Actions).SingleOrDefaultAsync(f => f.OrganizationId == organizationId && f.Id == findingId, ct);
        if (row is null) { problems.Add(Problem.AtField("findingId", $"no finding {findingId} in this organization", $"本組織沒有發現事項 {findingId}")); }
        else if (code == "closed" && row.Actions.Count(a => a.Status != "done") is var open and > 0)
        {
            problems.Add(Problem.AtField("status", $"the finding still has {open} corrective action(s) not done: complete them before closing it",
                $"此發現事項尚有 {open} 項矯正措施未完成：請先完成再結案"));
        }
        if (problems.Count > 0) { return Outcome<Finding>.Failure(problems); }

        var now = clock.GetCurrentInstant();
        await WriteAsync(organizationId, now, async ledger =>
        {
            row!.Status = code!;
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, "update", FindingKind, row.Id.ToString("D"), FindingContent(row), ct);
        }, ct);
        return Outcome<Finding>.Success(ToDomain(row!));
    }

    public async Task<IReadOnlyList<Finding>> FindingsAsync(Guid organizationId, Guid? inventoryId = null, CancellationToken ct = default)
    {
        var q = db.Findings.AsNoTracking().Include(f => f.Actions).Where(f => f.OrganizationId == organizationId);
        if (inventoryId is { } inv) { q = q.Where(f => f.InventoryId == inv); }
        var rows = await q.ToListAsync(ct);
        return rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(ToDomain).ToList();
    }

    public async Task<Finding?> FindingAsync(Guid organizationId, Guid findingId, CancellationToken ct = default)
    {
        var row = await db.Findings.AsNoTracking().Include(f => f.Actions).SingleOrDefaultAsync(f => f.OrganizationId == organizationId && f.Id == findingId, ct);
        return row is null ? null : ToDomain(row);
    }

    // ---- corrective actions ----

    public async Task<Outcome<CorrectiveAction>> AddCorrectiveActionAsync(Guid organizationId, Guid findingId, CorrectiveActionInput input, string actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var description = Required(input.Description, "description", ActionDescriptionMax, problems);
        var owner = Required(input.Owner, "owner", OwnerMax, problems);
        var due = Date(input.DueDate, "dueDate", problems);
        if (!await db.Findings.AnyAsync(f => f.OrganizationId == organizationId && f.Id == findingId, ct))
        {
            problems.Add(Problem.AtField("findingId", $"no finding {findingId} in this organization", $"本組織沒有發現事項 {findingId}"));
        }
        if (problems.Count > 0) { return Outcome<CorrectiveAction>.Failure(problems); }

        var now = clock.GetCurrentInstant();
        var row = new CorrectiveActionRow
        {
            Id = Guid.NewGuid(), FindingId = findingId, Description = description!, Owner = owner!, DueDate = due!.Value.ToDateOnly(), Status = "open",
        };
        await WriteAsync(organizationId, now, async ledger =>
        {
            db.Set<CorrectiveActionRow>().Add(row);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, "create", CorrectiveActionKind, row.Id.ToString("D"), ActionContent(row), ct);
        }, ct);
        return Outcome<CorrectiveAction>.Success(ToDomain(row));
    }

    /// <summary>Marks a corrective action open or done (done stamps when).</summary>
    public async Task<Outcome<CorrectiveAction>> SetCorrectiveActionStatusAsync(Guid organizationId, Guid findingId, Guid actionId, string? status, string actor,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var code = status?.Trim().ToLowerInvariant();
        if (code is null || !ActionStatuses.Contains(code)) { problems.Add(Problem.AtField("status", $"must be one of {string.Join(", ", ActionStatuses)}", $"須為下列之一：{string.Join("、", ActionStatuses)}")); }
        var finding = await db.Findings.AnyAsync(f => f.OrganizationId == organizationId && f.Id == findingId, ct);
        var row = finding ? await db.Set<CorrectiveActionRow>().SingleOrDefaultAsync(a => a.FindingId == findingId && a.Id == actionId, ct) : null;
        if (!finding) { problems.Add(Problem.AtField("findingId", $"no finding {findingId} in this organization", $"本組織沒有發現事項 {findingId}")); }
        else if (row is null) { problems.Add(Problem.AtField("actionId", $"no corrective action {actionId} on finding {findingId}", $"發現事項 {findingId} 沒有矯正措施 {actionId}")); }
        if (problems.Count > 0) { return Outcome<CorrectiveAction>.Failure(problems); }

        var now = clock.GetCurrentInstant();
        await WriteAsync(organizationId, now, async ledger =>
        {
            row!.Status = code!;
            row.CompletedAt = code == "done" ? now.ToDateTimeOffset() : null;
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, "update", CorrectiveActionKind, row.Id.ToString("D"), ActionContent(row), ct);
        }, ct);
        return Outcome<CorrectiveAction>.Success(ToDomain(row!));
    }

    // ---- helpers ----

    private Task WriteAsync(Guid organizationId, Instant now, Func<LedgerWriter, Task> body, CancellationToken ct) =>
        LedgerWriter.InTransactionAsync(db, organizationId, now, body, ct);

    private async Task CheckInventoryAsync(Guid organizationId, Guid? inventoryId, List<Problem> problems, CancellationToken ct)
    {
        if (inventoryId is { } id && !await db.Inventories.AnyAsync(i => i.OrganizationId == organizationId && i.Id == id, ct))
        {
            problems.Add(Problem.AtField("inventoryId", $"no inventory {id} in this organization", $"本組織沒有盤查清冊 {id}"));
        }
    }

    private static string? Required(string? value, string field, int max, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(Problem.AtField(field, "is required", "必填"));
            return null;
        }
        var v = value.Trim();
        if (v.Length > max)
        {
            problems.Add(Problem.TooLong(field, max));
            return null;
        }
        return v;
    }

    private static LocalDate? Date(string? value, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(Problem.AtField(field, "is required (yyyy-MM-dd)", "必填（yyyy-MM-dd）"));
            return null;
        }
        var parsed = LocalDatePattern.Iso.Parse(value.Trim());
        if (!parsed.Success)
        {
            problems.Add(Problem.AtField(field, $"'{value}' is not a date (yyyy-MM-dd)", $"「{value}」不是日期（yyyy-MM-dd）"));
            return null;
        }
        return parsed.Value;
    }

    private static string FindingContent(FindingRow r) => LedgerContent.Of(new Dictionary<string, string?>
    {
        ["inventoryId"] = r.InventoryId?.ToString("D"), ["title"] = r.Title, ["description"] = r.Description, ["severity"] = r.Severity,
        ["owner"] = r.Owner, ["dueDate"] = r.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["status"] = r.Status,
    });

    private static string ActionContent(CorrectiveActionRow r) => LedgerContent.Of(new Dictionary<string, string?>
    {
        ["findingId"] = r.FindingId.ToString("D"), ["description"] = r.Description, ["owner"] = r.Owner,
        ["dueDate"] = r.DueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["status"] = r.Status,
    });

    private static AuditChecklist ToDomain(AuditChecklistRow r) =>
        new(r.Id, r.InventoryId, r.Title, r.CreatedBy, r.CreatedAt.ToInstant(), [.. r.Items.OrderBy(i => i.Position).Select(ToDomain)]);

    private static ChecklistItem ToDomain(AuditChecklistItemRow r) => new(r.Id, r.Position, r.Text, r.Result, r.Note, r.CheckedBy, r.CheckedAt?.ToInstant());

    private static Finding ToDomain(FindingRow r) => new(r.Id, r.InventoryId, r.Title, r.Description, r.Severity, r.Owner, LocalDate.FromDateOnly(r.DueDate),
        r.Status, r.CreatedBy, r.CreatedAt.ToInstant(), [.. r.Actions.OrderBy(a => a.DueDate).ThenBy(a => a.Id).Select(ToDomain)]);

    private static CorrectiveAction ToDomain(CorrectiveActionRow r) =>
        new(r.Id, r.FindingId, r.Description, r.Owner, LocalDate.FromDateOnly(r.DueDate), r.Status, r.CompletedAt?.ToInstant());
}
