using CarbonLedger.Audit;
using CarbonLedger.Data.Entities;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Data.Stores;

/// <summary>Reads and verifies an organization's audit ledger. Verification does two things: it recomputes the hash
/// chain entry by entry (<see cref="HashChain"/>), and it compares every current row of inventory data with the
/// content the ledger last recorded for it, so a row edited behind the application's back is caught too.</summary>
public sealed class LedgerStore(CarbonLedgerDbContext db, IClock clock)
{
    public async Task<IReadOnlyList<LedgerEntry>> ListAsync(Guid organizationId, long afterSequence = 0, int take = 100,
        string? entityKind = null, string? entityId = null, CancellationToken ct = default)
    {
        var q = db.LedgerEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId && e.Sequence > afterSequence);
        if (entityKind is not null) { q = q.Where(e => e.EntityKind == entityKind); }
        if (entityId is not null) { q = q.Where(e => e.EntityId == entityId); }
        var rows = await q.OrderBy(e => e.Sequence).Take(Math.Clamp(take, 1, 1000)).ToListAsync(ct);
        return rows.Select(ToDomain).ToList();
    }

    public async Task<long> CountAsync(Guid organizationId, CancellationToken ct = default) =>
        await db.LedgerEntries.LongCountAsync(e => e.OrganizationId == organizationId, ct);

    /// <summary>The sequence of the latest entry (0 when empty): changes whenever inventory data changes, so it keys caches.</summary>
    public async Task<long> HeadAsync(Guid organizationId, CancellationToken ct = default) =>
        await db.LedgerEntries.Where(e => e.OrganizationId == organizationId).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;

    /// <summary>Appends events in their own transaction (for writes that are not part of a larger one).</summary>
    public async Task AppendAsync(Guid organizationId, IReadOnlyList<LedgerEvent> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        await LedgerWriter.InTransactionAsync(db, organizationId, clock.GetCurrentInstant(), async writer =>
        {
            foreach (var e in events) { await writer.AddAsync(e, ct); }
        }, ct);
    }

    public async Task<LedgerVerification> VerifyAsync(Guid organizationId, CancellationToken ct = default)
    {
        var verifier = new HashChain.ChainVerifier();
        var latest = new Dictionary<(string Kind, string Id), (long Sequence, string ContentHash)>();
        var dataKinds = LedgerContent.DataKinds.ToHashSet(StringComparer.Ordinal);
        await foreach (var row in db.LedgerEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            var entry = ToDomain(row);
            if (verifier.Check(entry) is { } fault) { return fault; }
            if (dataKinds.Contains(entry.EntityKind)) { latest[(entry.EntityKind, entry.EntityId)] = (entry.Sequence, entry.ContentHash); }
        }

        // A row changed behind the application's back is named by the ledger entry whose content it no longer matches
        // (the earliest such entry); a row with no entry at all is reported only when nothing differs.
        LedgerVerification? differs = null;
        LedgerVerification? missing = null;
        void Compare(string kind, Guid id, string content)
        {
            if (!latest.TryGetValue((kind, id.ToString("D")), out var recorded))
            {
                missing ??= new LedgerVerification(false, verifier.Checked, null, LedgerFault.DataNotInLedger,
                    $"{kind} {id} is stored but has no ledger entry: it was written outside the application",
                    $"{kind} {id} 已儲存但沒有稽核軌跡紀錄：它是在系統之外寫入的");
                return;
            }
            if (HashChain.Sha256Hex(content) != recorded.ContentHash && (differs is null || recorded.Sequence < differs.FirstAlteredSequence))
            {
                differs = new LedgerVerification(false, verifier.Checked, recorded.Sequence, LedgerFault.DataDiffers,
                    $"{kind} {id} differs from what ledger entry #{recorded.Sequence} recorded: it was changed outside the application",
                    $"{kind} {id} 與稽核軌跡第 {recorded.Sequence} 筆紀錄的內容不符：它是在系統之外被更改的");
            }
        }

        foreach (var r in await db.LegalEntities.AsNoTracking().Where(x => x.OrganizationId == organizationId).ToListAsync(ct)) { Compare(LedgerContent.LegalEntity, r.Id, LedgerContent.Of(r)); }
        foreach (var r in await db.Facilities.AsNoTracking().Where(x => x.OrganizationId == organizationId).ToListAsync(ct)) { Compare(LedgerContent.Facility, r.Id, LedgerContent.Of(r)); }
        foreach (var r in await db.Sources.AsNoTracking().Where(x => x.OrganizationId == organizationId).ToListAsync(ct)) { Compare(LedgerContent.Source, r.Id, LedgerContent.Of(r)); }
        foreach (var r in await db.Instruments.AsNoTracking().Where(x => x.OrganizationId == organizationId).ToListAsync(ct)) { Compare(LedgerContent.Instrument, r.Id, LedgerContent.Of(r)); }
        foreach (var r in await db.CustomFactors.AsNoTracking().Include(x => x.Gases).Where(x => x.OrganizationId == organizationId).ToListAsync(ct)) { Compare(LedgerContent.CustomFactor, r.Id, LedgerContent.Of(r)); }
        foreach (var r in await db.Inventories.AsNoTracking().Where(x => x.OrganizationId == organizationId).ToListAsync(ct)) { Compare(LedgerContent.Inventory, r.Id, LedgerContent.Of(r)); }
        foreach (var r in await db.StructuralChanges.AsNoTracking().Where(x => x.OrganizationId == organizationId).ToListAsync(ct)) { Compare(LedgerContent.StructuralChange, r.Id, LedgerContent.Of(r)); }
        await foreach (var r in db.Activities.AsNoTracking().Where(x => x.OrganizationId == organizationId).AsAsyncEnumerable().WithCancellation(ct))
        {
            Compare(LedgerContent.Activity, r.Id, LedgerContent.Of(r));
        }
        return differs ?? missing ?? LedgerVerification.Valid(verifier.Checked);
    }

    internal static LedgerEntry ToDomain(LedgerEntryRow r) => new(r.Sequence, r.OrganizationId, Instant.FromUnixTimeTicks(r.TimestampTicks),
        r.Actor, r.Action, r.EntityKind, r.EntityId, r.Content, r.ContentHash, r.PreviousHash, r.Hash);
}
