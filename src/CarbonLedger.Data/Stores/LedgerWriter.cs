using System.Data.Common;
using CarbonLedger.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;

namespace CarbonLedger.Data.Stores;

/// <summary>Appends entries to an organization's ledger inside the caller's open transaction, so data and its ledger
/// entries commit or roll back together. On PostgreSQL the organization row is locked (<c>FOR UPDATE</c>) first, so two
/// concurrent writers of one organization queue instead of forking the chain; SQLite serializes writers itself.</summary>
public sealed class LedgerWriter : IAsyncDisposable
{
    private const int FlushEvery = 500;
    private readonly CarbonLedgerDbContext _db;
    private readonly Guid _organizationId;
    private readonly Instant _now;
    private readonly bool _isSqlite;
    private readonly List<LedgerEntry> _pending = [];
    private long _sequence;
    private string _hash;
    private DbCommand? _insert;

    private LedgerWriter(CarbonLedgerDbContext db, Guid organizationId, Instant now, long sequence, string hash)
    {
        _db = db;
        _organizationId = organizationId;
        _now = now;
        _isSqlite = db.Database.IsSqlite();
        _sequence = sequence;
        _hash = hash;
    }

    /// <summary>The common single-record write: apply <paramref name="change"/> to the context, save, and append one
    /// ledger entry for it — in one transaction (<see cref="InTransactionAsync"/>).</summary>
    public static Task WriteOneAsync(CarbonLedgerDbContext db, Guid organizationId, Instant now, string actor, string action, string kind, Guid id,
        string content, Action change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(change);
        return InTransactionAsync(db, organizationId, now, async ledger =>
        {
            change();
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(actor, action, kind, id.ToString("D"), content, ct);
        }, ct);
    }

    /// <summary>Runs <paramref name="body"/> in one transaction with a writer for the organization's ledger: the body
    /// makes its EF changes (and saves them) and adds its entries; the entries are flushed and everything commits together,
    /// or nothing does. The change tracker is cleared afterwards either way. Every store's audited write goes through here.</summary>
    public static async Task InTransactionAsync(CarbonLedgerDbContext db, Guid organizationId, Instant now, Func<LedgerWriter, Task> body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(body);
        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await using (var ledger = await OpenAsync(db, organizationId, now, ct))
                {
                    await body(ledger);
                    await ledger.FlushAsync(ct);
                }
                await tx.CommitAsync(ct);
            });
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Entries appended by this writer so far.</summary>
    public long Appended { get; private set; }

    public static async Task<LedgerWriter> OpenAsync(CarbonLedgerDbContext db, Guid organizationId, Instant now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("ledger entries are appended inside the transaction that writes the data");
        }
        if (!db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM organizations WHERE \"Id\" = {organizationId} FOR UPDATE", ct);
        }
        var last = await db.LedgerEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId)
            .OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        return new LedgerWriter(db, organizationId, now, last?.Sequence ?? 0, last?.Hash ?? HashChain.Genesis);
    }

    public async Task AddAsync(LedgerEvent e, CancellationToken ct)
    {
        var entry = HashChain.Next(_sequence, _hash, _organizationId, _now, e);
        _sequence = entry.Sequence;
        _hash = entry.Hash;
        _pending.Add(entry);
        Appended++;
        if (_pending.Count >= FlushEvery) { await FlushAsync(ct); }
    }

    public Task AddAsync(string actor, string action, string kind, string entityId, string content, CancellationToken ct) =>
        AddAsync(new LedgerEvent(actor, action, kind, entityId, content), ct);

    /// <summary>Writes the buffered entries (parameterised single-row INSERT, prepared once).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        if (_pending.Count == 0) { return; }
        _insert ??= BuildInsert();
        foreach (var e in _pending)
        {
            object[] values =
            [
                _isSqlite ? e.OrganizationId.ToString().ToUpperInvariant() : e.OrganizationId, e.Sequence, e.Timestamp.ToUnixTimeTicks(),
                e.Actor, e.Action, e.EntityKind, e.EntityId, e.Content, e.ContentHash, e.PreviousHash, e.Hash,
            ];
            for (var i = 0; i < values.Length; i++) { _insert.Parameters[i].Value = values[i]; }
            await _insert.ExecuteNonQueryAsync(ct);
        }
        _pending.Clear();
    }

    private static readonly string[] Columns =
        ["OrganizationId", "Sequence", "TimestampTicks", "Actor", "Action", "EntityKind", "EntityId", "Content", "ContentHash", "PreviousHash", "Hash"];

    private DbCommand BuildInsert()
    {
        var connection = _db.Database.GetDbConnection();
        var cmd = connection.CreateCommand();
        cmd.Transaction = _db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = "INSERT INTO ledger_entries (" + string.Join(", ", Columns.Select(c => $"\"{c}\"")) + ") VALUES ("
            + string.Join(", ", Columns.Select((_, i) => $"@l{i}")) + ")";
        for (var i = 0; i < Columns.Length; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = $"@l{i}";
            cmd.Parameters.Add(p);
        }
        if (_isSqlite) { cmd.Prepare(); }
        return cmd;
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null) { await _insert.DisposeAsync(); }
    }
}
