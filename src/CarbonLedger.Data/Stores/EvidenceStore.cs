using System.Globalization;
using System.Security.Cryptography;
using CarbonLedger.Common;
using CarbonLedger.Data.Entities;
using CarbonLedger.Inventory;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace CarbonLedger.Data.Stores;

/// <summary>An evidence file's metadata (the bytes stay in the database until downloaded).</summary>
public sealed record EvidenceFile(Guid Id, string FileName, string ContentType, string Sha256, long Size, string UploadedBy, Instant UploadedAt)
{
    /// <summary>What an activity row's Evidence field cites: <c>sha256:</c> and the hash's first 12 hex digits (48 bits,
    /// enough to tell an organization's files apart, short enough for a grid cell; the name may repeat, the bytes not).</summary>
    public string Reference => EvidenceStore.ReferenceOf(Sha256);
}

/// <summary>The outcome of an upload: the stored file and whether this upload stored it (false: the same bytes were
/// already stored for the organization, and that file is returned).</summary>
public sealed record EvidenceUpload(EvidenceFile File, bool IsNew);

/// <summary>Evidence files (invoices, meter photos, bills) for activity data (issue 3 item 1 "evidence upload"): at most
/// 10 MB each, stored once per organization and SHA-256, each upload recorded in the audit ledger (kind "evidence",
/// with the hash, not the bytes) in the same transaction. Every query is filtered by organization.</summary>
public sealed class EvidenceStore(CarbonLedgerDbContext db, IClock clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Kind = "evidence";
    public const string ReferencePrefix = "sha256:";
    private const int FileNameMax = 260;
    private const int ContentTypeMax = 100;
    // activities.Evidence column width (Configurations: ActivityConfiguration).
    private const int EvidenceFieldMax = 300;

    public static string ReferenceOf(string sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sha256);
        return ReferencePrefix + sha256[..Math.Min(12, sha256.Length)];
    }

    /// <summary>Stores <paramref name="content"/> for <paramref name="organizationId"/>; the same bytes uploaded again
    /// return the stored file (<see cref="EvidenceUpload.IsNew"/> false) and add nothing to the ledger.</summary>
    public async Task<Outcome<EvidenceUpload>> UploadAsync(Guid organizationId, string? fileName, string? contentType, byte[] content, string actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var name = Path.GetFileName(fileName?.Trim() ?? "");
        if (name.Length == 0) { problems.Add(Problem.AtField("fileName", "is required", "必填")); }
        if (content.LongLength == 0) { problems.Add(Problem.AtField("file", $"{(name.Length == 0 ? "the file" : name)} is empty", $"{(name.Length == 0 ? "檔案" : name)} 沒有內容")); }
        if (content.LongLength > MaxBytes)
        {
            problems.Add(Problem.AtField("file", string.Create(CultureInfo.InvariantCulture,
                $"{name} is {content.LongLength} bytes; evidence files may be at most {MaxBytes} bytes (10 MB)"),
                string.Create(CultureInfo.InvariantCulture, $"{name} 為 {content.LongLength} 位元組；佐證文件最多 {MaxBytes} 位元組（10 MB）")));
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            problems.Add(Problem.AtField("organizationId", $"unknown organization {organizationId}", $"查無組織 {organizationId}"));
        }
        if (problems.Count > 0) { return Outcome<EvidenceUpload>.Failure(problems); }

        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var stored = await db.Evidence.AsNoTracking().Where(e => e.OrganizationId == organizationId && e.Sha256 == sha).SingleOrDefaultAsync(ct);
        if (stored is not null) { return Outcome<EvidenceUpload>.Success(new EvidenceUpload(ToFile(stored), IsNew: false)); }

        var now = clock.GetCurrentInstant();
        var type = string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType.Trim();
        var row = new EvidenceRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, FileName = name.Length > FileNameMax ? name[..FileNameMax] : name,
            ContentType = type.Length > ContentTypeMax ? type[..ContentTypeMax] : type,
            Sha256 = sha, Size = content.LongLength, Content = content, UploadedBy = actor, UploadedAt = now.ToDateTimeOffset(),
        };
        await LedgerWriter.InTransactionAsync(db, organizationId, now, async ledger =>
        {
            db.Evidence.Add(row);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, "upload", Kind, row.Id.ToString("D"), LedgerContent.Of(new Dictionary<string, string?>
            {
                ["fileName"] = row.FileName, ["contentType"] = row.ContentType, ["sha256"] = row.Sha256,
                ["size"] = row.Size.ToString(CultureInfo.InvariantCulture),
            }), ct);
        }, ct);
        return Outcome<EvidenceUpload>.Success(new EvidenceUpload(ToFile(row), IsNew: true));
    }

    /// <summary>The organization's evidence files, oldest first (metadata only).</summary>
    public async Task<IReadOnlyList<EvidenceFile>> ListAsync(Guid organizationId, CancellationToken ct = default)
    {
        var rows = await db.Evidence.AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .Select(e => new { e.Id, e.FileName, e.ContentType, e.Sha256, e.Size, e.UploadedBy, e.UploadedAt }).ToListAsync(ct);
        return rows.Select(e => new EvidenceFile(e.Id, e.FileName, e.ContentType, e.Sha256, e.Size, e.UploadedBy, e.UploadedAt.ToInstant()))
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.FileName, StringComparer.Ordinal).ToList();
    }

    /// <summary>One file's metadata, or null when <paramref name="evidenceId"/> is not a file of this organization.</summary>
    public async Task<EvidenceFile?> GetAsync(Guid organizationId, Guid evidenceId, CancellationToken ct = default)
    {
        var e = await db.Evidence.AsNoTracking().Where(r => r.OrganizationId == organizationId && r.Id == evidenceId)
            .Select(r => new { r.Id, r.FileName, r.ContentType, r.Sha256, r.Size, r.UploadedBy, r.UploadedAt }).SingleOrDefaultAsync(ct);
        return e is null ? null : new EvidenceFile(e.Id, e.FileName, e.ContentType, e.Sha256, e.Size, e.UploadedBy, e.UploadedAt.ToInstant());
    }

    /// <summary>One file with its bytes, or null when <paramref name="evidenceId"/> is not a file of this organization
    /// (another tenant's file is indistinguishable from a missing one).</summary>
    public async Task<(EvidenceFile File, byte[] Content)?> FindAsync(Guid organizationId, Guid evidenceId, CancellationToken ct = default)
    {
        var row = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.OrganizationId == organizationId && e.Id == evidenceId, ct);
        return row is null ? null : (ToFile(row), row.Content);
    }

    /// <summary>Cites evidence file <paramref name="evidenceId"/> (its <see cref="EvidenceFile.Reference"/>) in the Evidence
    /// field of activity <paramref name="activityId"/> (appended to what it cites already, once), through <see cref="InventoryStore.ApplyAsync"/>: the ledger records
    /// the changed activity, and an activity inside a submitted or locked inventory is refused as any other change.</summary>
    public async Task<Outcome<ApplyResult>> LinkAsync(Guid organizationId, Guid activityId, Guid evidenceId, InventoryStore inventory, string actor,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var problems = new List<Problem>();
        var file = await GetAsync(organizationId, evidenceId, ct);
        if (file is null) { problems.Add(Problem.AtField("evidenceId", $"no evidence file {evidenceId} in this organization", $"本組織沒有佐證文件 {evidenceId}")); }
        var row = await db.Activities.AsNoTracking().SingleOrDefaultAsync(a => a.OrganizationId == organizationId && a.Id == activityId, ct);
        if (row is null) { problems.Add(Problem.AtField("activityId", $"no activity {activityId} in this organization", $"本組織沒有活動數據 {activityId}")); }
        if (problems.Count > 0) { return Outcome<ApplyResult>.Failure(problems); }
        var a = RowMapping.ToDomain(row!);
        // What the row cites already (an invoice or meter number) stays: the reference is appended, once.
        var evidence = string.IsNullOrWhiteSpace(a.Evidence) ? file!.Reference
            : a.Evidence.Contains(file!.Reference, StringComparison.Ordinal) ? a.Evidence
            : $"{a.Evidence}; {file.Reference}";
        if (evidence.Length > EvidenceFieldMax)
        {
            return Outcome<ApplyResult>.Failure(Problem.AtField("evidence",
                $"the activity's evidence field would exceed {EvidenceFieldMax} characters with {file.Reference} added",
                $"加上 {file.Reference} 後，此活動數據的佐證欄位將超過 {EvidenceFieldMax} 個字元"));
        }
        var linked = new ActivityRecord(a.Id, a.SourceId, a.Quantity, a.Period, a.Quality, a.EnteredBy, a.EnteredAt, evidence, a.UncertaintyPercent, a.Note);
        return await inventory.ApplyAsync(organizationId,
            new ChangeSet { Activities = [linked], Origin = $"ui: evidence {file.Reference} ({file.FileName}) linked to activity {activityId}" }, actor, null, ct);
    }

    private static EvidenceFile ToFile(EvidenceRow r) =>
        new(r.Id, r.FileName, r.ContentType, r.Sha256, r.Size, r.UploadedBy, r.UploadedAt.ToInstant());
}
