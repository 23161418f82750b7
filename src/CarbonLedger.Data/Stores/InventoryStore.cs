using System.Data.Common;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Entities;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using NodaTime.Extensions;

namespace CarbonLedger.Data.Stores;

/// <summary>What applying a change set did.</summary>
public sealed record ApplyResult(Guid BatchId, int Inserted, int Updated);

/// <summary>An organization's stored boundary, sources, instruments and custom factors (activities are loaded per period).</summary>
public sealed record OrganizationSnapshot(
    Organization Organization,
    bool IsDemo,
    IReadOnlyList<LegalEntity> Entities,
    IReadOnlyList<Facility> Facilities,
    IReadOnlyList<EmissionSource> Sources,
    IReadOnlyList<ContractualInstrument> Instruments,
    IReadOnlyList<EmissionFactor> CustomFactors)
{
    public OrganizationalBoundary Boundary => new(Organization, Entities, Facilities);

    /// <summary>The reference library plus this organization's custom factors (custom ones replace same key and year).</summary>
    public FactorLibrary FactorLibrary()
    {
        var lib = ReferenceLibrary.Create();
        foreach (var f in CustomFactors) { lib.Upsert(f); }
        return lib;
    }
}

/// <summary>Reads and writes an organization's inventory data. Every query filters by organization id (tenant
/// isolation); every write happens in one transaction (all-or-nothing); rows are upserted by their deterministic id
/// and never deleted by an import, so nothing stored is lost.</summary>
public sealed class InventoryStore(CarbonLedgerDbContext db, IClock clock)
{
    // Rows per INSERT statement. SQLite is in-process: one prepared single-row statement re-bound per row is fastest
    // (named parameters are resolved by a linear scan, so wide statements get slower); PostgreSQL is a round trip
    // away, so it takes 400 rows per statement (limit 65,535 parameters).
    private const int SqliteActivityBatch = 1;
    private const int PostgresActivityBatch = 400;
    // Ids looked up per query to compare incoming activities with what is stored (and what the ledger records).
    private const int LedgerLookupBatch = 500;

    public async Task CreateOrganizationAsync(Organization organization, bool isDemo = false, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        if (await db.Organizations.AnyAsync(o => o.Id == organization.Id, ct))
        {
            throw new DomainException("organization.id", $"organization {organization.Id} already exists", $"組織 {organization.Id} 已存在");
        }
        db.Organizations.Add(RowMapping.ToRow(organization, isDemo, clock.GetCurrentInstant()));
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<(Organization Organization, bool IsDemo)>> ListOrganizationsAsync(CancellationToken ct = default)
    {
        var rows = await db.Organizations.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        return rows.Select(r => (RowMapping.ToDomain(r), r.IsDemo)).ToList();
    }

    public async Task<OrganizationSnapshot?> LoadAsync(Guid organizationId, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null) { return null; }
        var entities = await db.LegalEntities.AsNoTracking().Where(e => e.OrganizationId == organizationId).ToListAsync(ct);
        var facilities = await db.Facilities.AsNoTracking().Where(e => e.OrganizationId == organizationId).OrderBy(f => f.Code).ToListAsync(ct);
        var sources = await db.Sources.AsNoTracking().Where(e => e.OrganizationId == organizationId).OrderBy(s => s.Code).ToListAsync(ct);
        var instruments = await db.Instruments.AsNoTracking().Where(e => e.OrganizationId == organizationId).ToListAsync(ct);
        var factors = await db.CustomFactors.AsNoTracking().Where(e => e.OrganizationId == organizationId).ToListAsync(ct);
        return new OrganizationSnapshot(RowMapping.ToDomain(org), org.IsDemo,
            entities.Select(RowMapping.ToDomain).ToList(), facilities.Select(RowMapping.ToDomain).ToList(),
            sources.Select(RowMapping.ToDomain).ToList(), instruments.Select(RowMapping.ToDomain).ToList(),
            factors.Select(RowMapping.ToDomain).ToList());
    }

    /// <summary>Activities of the organization whose period overlaps <paramref name="period"/>.</summary>
    public async Task<IReadOnlyList<ActivityRecord>> LoadActivitiesAsync(Guid organizationId, ReportingPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        var start = period.Start.ToDateOnly();
        var end = period.End.ToDateOnly();
        var list = new List<ActivityRecord>();
        await foreach (var row in db.Activities.AsNoTracking()
            .Where(a => a.OrganizationId == organizationId && a.PeriodStart <= end && a.PeriodEnd >= start)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            list.Add(RowMapping.ToDomain(row));
        }
        return list;
    }

    public async Task<int> CountActivitiesAsync(Guid organizationId, CancellationToken ct = default) =>
        await db.Activities.CountAsync(a => a.OrganizationId == organizationId, ct);

    public async Task<Guid> CreateInventoryAsync(Guid organizationId, string name, ReportingPeriod period, string gwpSetId, ResidualMix? residualMix = null,
        string createdBy = "system", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!ReferenceLibrary.Default.TryGetGwpSet(gwpSetId, out _))
        {
            throw new DomainException("gwpSet", $"unknown GWP set '{gwpSetId}'", $"未知的全球暖化潛勢（GWP）值組「{gwpSetId}」");
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            throw new DomainException("organizationId", $"unknown organization {organizationId}", $"查無組織 {organizationId}");
        }
        if (await db.Inventories.AnyAsync(i => i.OrganizationId == organizationId && i.Name == name, ct))
        {
            throw new DomainException("name", $"an inventory named '{name}' already exists", $"已有名為「{name}」的盤查清冊");
        }
        var id = DeterministicGuid.For(organizationId, "inventory", name);
        var row = new InventoryRow
        {
            Id = id, OrganizationId = organizationId, Name = name, PeriodStart = period.Start.ToDateOnly(), PeriodEnd = period.End.ToDateOnly(),
            GwpSetId = gwpSetId, ResidualMixKgPerKwh = residualMix?.RateKgPerKwh, ResidualMixSource = residualMix?.Source,
            Status = nameof(InventoryStatus.Draft), CreatedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        await LedgerWriter.InTransactionAsync(db, organizationId, clock.GetCurrentInstant(), async ledger =>
        {
            db.Inventories.Add(row);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(createdBy, "create", LedgerContent.Inventory, id.ToString("D"), LedgerContent.Of(row), ct);
        }, ct);
        return id;
    }

    public async Task<IReadOnlyList<InventoryRow>> ListInventoriesAsync(Guid organizationId, CancellationToken ct = default) =>
        await db.Inventories.AsNoTracking().Where(i => i.OrganizationId == organizationId).OrderByDescending(i => i.PeriodStart).ToListAsync(ct);

    public async Task<InventoryRow?> FindInventoryAsync(Guid organizationId, Guid inventoryId, CancellationToken ct = default) =>
        await db.Inventories.AsNoTracking().SingleOrDefaultAsync(i => i.OrganizationId == organizationId && i.Id == inventoryId, ct);

    /// <summary>Everything the calculator needs for one stored inventory.</summary>
    public async Task<InventoryInput?> LoadInputAsync(Guid organizationId, Guid inventoryId, CancellationToken ct = default)
    {
        var inventory = await FindInventoryAsync(organizationId, inventoryId, ct);
        if (inventory is null) { return null; }
        var snapshot = await LoadAsync(organizationId, ct) ?? throw new InvalidOperationException("inventory without organization");
        var period = new ReportingPeriod(LocalDate.FromDateOnly(inventory.PeriodStart), LocalDate.FromDateOnly(inventory.PeriodEnd));
        var activities = await LoadActivitiesAsync(organizationId, period, ct);
        var residual = inventory.ResidualMixKgPerKwh is { } r ? new ResidualMix(r, inventory.ResidualMixSource ?? "user-supplied") : null;
        return new InventoryInput(snapshot.Boundary, period, inventory.GwpSetId, snapshot.Sources, activities, snapshot.Instruments,
            snapshot.FactorLibrary(), residual);
    }

    /// <summary>Applies <paramref name="changes"/> for <paramref name="organizationId"/> in one transaction. Every
    /// reference must resolve inside the same organization (stored or in the batch); otherwise nothing is written.</summary>
    public async Task<Outcome<ApplyResult>> ApplyAsync(Guid organizationId, ChangeSet changes, string appliedBy, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentException.ThrowIfNullOrWhiteSpace(appliedBy);
        var problems = await CheckReferencesAsync(organizationId, changes, ct);
        if (problems.Count == 0) { problems.AddRange(await CheckWorkflowAsync(organizationId, changes, ct)); }
        if (problems.Count > 0) { return Outcome<ApplyResult>.Failure(problems); }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using var ledger = await LedgerWriter.OpenAsync(db, organizationId, clock.GetCurrentInstant(), ct);
            int inserted = 0, updated = 0;
            void Count(bool isNew) { if (isNew) { inserted++; } else { updated++; } }

            foreach (var e in changes.LegalEntities)
            {
                var row = await db.LegalEntities.SingleOrDefaultAsync(r => r.Id == e.Id, ct);
                var before = row is null ? null : LedgerContent.Of(row);
                Count(row is null);
                row ??= db.LegalEntities.Add(new LegalEntityRow { OrganizationId = organizationId }).Entity;
                RowMapping.Copy(e, row);
                await RecordAsync(ledger, appliedBy, LedgerContent.LegalEntity, row.Id, before, LedgerContent.Of(row), ct);
            }
            foreach (var f in changes.Facilities)
            {
                var row = await db.Facilities.SingleOrDefaultAsync(r => r.Id == f.Id, ct);
                var before = row is null ? null : LedgerContent.Of(row);
                Count(row is null);
                row ??= db.Facilities.Add(new FacilityRow { OrganizationId = organizationId }).Entity;
                RowMapping.Copy(f, row);
                await RecordAsync(ledger, appliedBy, LedgerContent.Facility, row.Id, before, LedgerContent.Of(row), ct);
            }
            foreach (var s in changes.Sources)
            {
                var row = await db.Sources.SingleOrDefaultAsync(r => r.Id == s.Id, ct);
                var before = row is null ? null : LedgerContent.Of(row);
                Count(row is null);
                row ??= db.Sources.Add(new EmissionSourceRow { OrganizationId = organizationId }).Entity;
                RowMapping.Copy(s, row);
                await RecordAsync(ledger, appliedBy, LedgerContent.Source, row.Id, before, LedgerContent.Of(row), ct);
            }
            foreach (var i in changes.Instruments)
            {
                var row = await db.Instruments.SingleOrDefaultAsync(r => r.Id == i.Id, ct);
                var before = row is null ? null : LedgerContent.Of(row);
                Count(row is null);
                row ??= db.Instruments.Add(new InstrumentRow { OrganizationId = organizationId }).Entity;
                RowMapping.Copy(i, row);
                await RecordAsync(ledger, appliedBy, LedgerContent.Instrument, row.Id, before, LedgerContent.Of(row), ct);
            }
            foreach (var f in changes.CustomFactors)
            {
                var row = await db.CustomFactors.Include(r => r.Gases)
                    .SingleOrDefaultAsync(r => r.OrganizationId == organizationId && r.Key == f.Key && r.Year == f.Year, ct);
                var before = row is null ? null : LedgerContent.Of(row);
                Count(row is null);
                row ??= db.CustomFactors.Add(new CustomFactorRow { Id = DeterministicGuid.For(organizationId, "factor", f.Key, f.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), OrganizationId = organizationId }).Entity;
                RowMapping.Copy(f, row);
                await RecordAsync(ledger, appliedBy, LedgerContent.CustomFactor, row.Id, before, LedgerContent.Of(row), ct);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            var (ins, upd) = await UpsertActivitiesAsync(organizationId, changes.Activities, ledger, appliedBy, progress, ct);
            inserted += ins;
            updated += upd;

            var batch = new ChangeBatchRow
            {
                Id = Guid.NewGuid(), OrganizationId = organizationId, Origin = changes.Origin.Length > 500 ? changes.Origin[..500] : changes.Origin,
                AppliedBy = appliedBy, AppliedAt = clock.GetCurrentInstant().ToDateTimeOffset(), Inserted = inserted, Updated = updated,
            };
            db.ChangeBatches.Add(batch);
            await db.SaveChangesAsync(ct);
            await ledger.FlushAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
            return Outcome<ApplyResult>.Success(new ApplyResult(batch.Id, inserted, updated));
        });
    }

    private async Task<List<Problem>> CheckReferencesAsync(Guid organizationId, ChangeSet changes, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
        {
            problems.Add(Problem.AtField("organizationId", $"unknown organization {organizationId}", $"查無組織 {organizationId}"));
            return problems;
        }
        var entityIds = (await db.LegalEntities.Where(e => e.OrganizationId == organizationId).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        entityIds.UnionWith(changes.LegalEntities.Select(e => e.Id));
        var facilityIds = (await db.Facilities.Where(e => e.OrganizationId == organizationId).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        facilityIds.UnionWith(changes.Facilities.Select(e => e.Id));
        var sourceIds = (await db.Sources.Where(e => e.OrganizationId == organizationId).Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        sourceIds.UnionWith(changes.Sources.Select(e => e.Id));

        async Task Foreign<TRow>(IQueryable<TRow> set, IEnumerable<Guid> ids, Func<TRow, Guid> id, Func<TRow, Guid> org, string kind, string kindZhTw) where TRow : class
        {
            var wanted = ids.ToList();
            if (wanted.Count == 0) { return; }
            foreach (var chunk in wanted.Chunk(500))
            {
                var rows = await set.Where(r => chunk.Contains(EF.Property<Guid>(r, "Id"))).ToListAsync(ct);
                foreach (var r in rows.Where(r => org(r) != organizationId))
                {
                    problems.Add(Problem.AtField($"{kind} {id(r)}", "belongs to another organization", $"此{kindZhTw}屬於其他組織"));
                }
            }
        }
        await Foreign(db.LegalEntities.AsNoTracking(), changes.LegalEntities.Select(e => e.Id), r => r.Id, r => r.OrganizationId, "legal entity", "法人");
        await Foreign(db.Facilities.AsNoTracking(), changes.Facilities.Select(e => e.Id), r => r.Id, r => r.OrganizationId, "facility", "據點");
        await Foreign(db.Sources.AsNoTracking(), changes.Sources.Select(e => e.Id), r => r.Id, r => r.OrganizationId, "source", "排放源");
        await Foreign(db.Instruments.AsNoTracking(), changes.Instruments.Select(e => e.Id), r => r.Id, r => r.OrganizationId, "instrument", "契約工具");

        foreach (var e in changes.LegalEntities.Where(e => e.ParentId is { } p && !entityIds.Contains(p)))
        {
            problems.Add(Problem.AtField($"legal entity {e.Name}", $"parent {e.ParentId} is not an entity of this organization",
                $"上層法人 {e.ParentId} 不是本組織的法人"));
        }
        foreach (var f in changes.Facilities.Where(f => !entityIds.Contains(f.LegalEntityId)))
        {
            problems.Add(Problem.AtField($"facility {f.Code}", $"legal entity {f.LegalEntityId} is not an entity of this organization",
                $"法人 {f.LegalEntityId} 不是本組織的法人"));
        }
        foreach (var s in changes.Sources.Where(s => !facilityIds.Contains(s.FacilityId)))
        {
            problems.Add(Problem.AtField($"source {s.Code}", $"facility {s.FacilityId} is not a facility of this organization",
                $"據點 {s.FacilityId} 不是本組織的據點"));
        }
        foreach (var i in changes.Instruments.Where(i => i.FacilityId is { } f && !facilityIds.Contains(f)))
        {
            problems.Add(Problem.AtField($"instrument {i.Reference}", $"facility {i.FacilityId} is not a facility of this organization",
                $"據點 {i.FacilityId} 不是本組織的據點"));
        }
        foreach (var a in changes.Activities.Where(a => !sourceIds.Contains(a.SourceId)))
        {
            problems.Add(Problem.AtField($"activity {a.Id}", $"source {a.SourceId} is not a source of this organization",
                $"排放源 {a.SourceId} 不是本組織的排放源"));
            if (problems.Count > 1000) { break; }
        }
        return problems;
    }

    /// <summary>Data inside the period of an inventory that is not a draft cannot change (SPEC §2): a submitted,
    /// reviewed or approved inventory is returned to draft first; a locked one reopens only through a restatement.</summary>
    private async Task<List<Problem>> CheckWorkflowAsync(Guid organizationId, ChangeSet changes, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var closed = await db.Inventories.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId && i.Status != nameof(InventoryStatus.Draft)).ToListAsync(ct);
        if (closed.Count == 0) { return problems; }
        void Check(string what, LocalDate start, LocalDate end)
        {
            var s = start.ToDateOnly();
            var e = end.ToDateOnly();
            foreach (var inv in closed.Where(i => i.PeriodStart <= e && i.PeriodEnd >= s))
            {
                var locked = inv.Status == nameof(InventoryStatus.Locked);
                var fix = locked ? "record a restatement to reopen it" : "return it to draft first";
                var fixZhTw = locked ? "請先記錄重編以重新開啟" : "請先退回草稿";
                problems.Add(Problem.AtField(what, $"falls in inventory '{inv.Name}', which is {inv.Status.ToLowerInvariant()}: {fix}",
                    $"落在盤查清冊「{inv.Name}」的期間內，該清冊{StatusZhTw(inv.Status)}：{fixZhTw}"));
                return;
            }
        }
        foreach (var a in changes.Activities)
        {
            Check($"activity {a.Id}", a.Period.Start, a.Period.End);
            if (problems.Count >= 1000) { return problems; }
        }
        foreach (var i in changes.Instruments) { Check($"instrument {i.Reference}", i.Period.Start, i.Period.End); }
        return problems;
    }

    /// <summary>A closed inventory's status as the zh-TW workflow names it (the web UI's labels).</summary>
    private static string StatusZhTw(string status) => status switch
    {
        nameof(InventoryStatus.Submitted) => "已提交",
        nameof(InventoryStatus.Reviewed) => "已審查",
        nameof(InventoryStatus.Approved) => "已核准",
        nameof(InventoryStatus.Locked) => "已鎖定",
        _ => "狀態為 " + status,
    };

    private static async Task RecordAsync(LedgerWriter ledger, string actor, string kind, Guid id, string? before, string after, CancellationToken ct)
    {
        if (before == after) { return; } // unchanged: nothing to record
        await ledger.AddAsync(actor, before is null ? "create" : "update", kind, id.ToString("D"), after, ct);
    }

    /// <summary>Activities go in as multi-row parameterised <c>INSERT … ON CONFLICT ("Id") DO UPDATE … WHERE the row is
    /// the same organization's</c> statements — the same SQL on SQLite and PostgreSQL, inside the caller's transaction.
    /// A conflicting id owned by another organization updates nothing and fails the whole batch.</summary>
    private async Task<(int Inserted, int Updated)> UpsertActivitiesAsync(Guid organizationId, IReadOnlyList<ActivityRecord> activities,
        LedgerWriter ledger, string appliedBy, IProgress<int>? progress, CancellationToken ct)
    {
        if (activities.Count == 0) { return (0, 0); }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var isSqlite = db.Database.IsSqlite();
        if (isSqlite)
        {
            // Random (hash-derived) primary keys scatter inserts over the B-tree; a larger page cache (256 MiB for this
            // connection) keeps the working set in memory instead of spilling pages mid-transaction.
            await using var pragma = connection.CreateCommand();
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -262144";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var countBefore = await CountOrganizationActivitiesAsync(connection, transaction, organizationId, isSqlite, ct);
        var written = 0;
        DbCommand? fullBatch = null;
        try
        {
            var batchSize = isSqlite ? SqliteActivityBatch : PostgresActivityBatch;
            foreach (var outer in activities.Chunk(LedgerLookupBatch))
            {
            // What is stored now for these ids: unchanged rows are skipped, new or changed ones recorded in the ledger.
            var ids = outer.Select(a => a.Id).ToList();
            var existing = await db.Activities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
            var toWrite = new List<ActivityRecord>(outer.Length);
            foreach (var a in outer)
            {
                var row = RowMapping.ToRow(organizationId, a);
                var after = LedgerContent.Of(row);
                string? before = null;
                if (existing.TryGetValue(a.Id, out var stored))
                {
                    if (stored.OrganizationId != organizationId)
                    {
                        throw new DomainException("activities", "an activity id belongs to another organization; nothing was written", "有一筆活動數據的 ID 屬於其他組織；未寫入任何資料");
                    }
                    before = LedgerContent.Of(stored);
                }
                if (before == after) { continue; }
                toWrite.Add(a);
                await RecordAsync(ledger, appliedBy, LedgerContent.Activity, a.Id, before, after, ct);
            }
            written += outer.Length - toWrite.Count;
            foreach (var chunk in toWrite.Chunk(batchSize))
            {
                DbCommand cmd;
                if (chunk.Length == batchSize)
                {
                    fullBatch ??= BuildUpsert(connection, transaction, batchSize);
                    cmd = fullBatch;
                }
                else
                {
                    cmd = BuildUpsert(connection, transaction, chunk.Length);
                }
                Bind(cmd, organizationId, chunk, isSqlite);
                var affected = await cmd.ExecuteNonQueryAsync(ct);
                if (!ReferenceEquals(cmd, fullBatch)) { await cmd.DisposeAsync(); }
                if (affected != chunk.Length)
                {
                    throw new DomainException("activities", "an activity id belongs to another organization; nothing was written", "有一筆活動數據的 ID 屬於其他組織；未寫入任何資料");
                }
                written += chunk.Length;
            }
            progress?.Report(written);
            }
        }
        finally
        {
            if (fullBatch is not null) { await fullBatch.DisposeAsync(); }
        }
        var inserted = await CountOrganizationActivitiesAsync(connection, transaction, organizationId, isSqlite, ct) - countBefore;
        return (inserted, activities.Count - inserted);
    }

    private static readonly string[] ActivityColumns =
        ["Id", "OrganizationId", "SourceId", "Quantity", "Unit", "PeriodStart", "PeriodEnd", "Quality", "EnteredBy", "EnteredAt", "Evidence", "UncertaintyPercent", "Note"];

    private static DbCommand BuildUpsert(DbConnection connection, DbTransaction transaction, int rows)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        var sb = new System.Text.StringBuilder(64 * rows);
        sb.Append("INSERT INTO activities (").AppendJoin(", ", ActivityColumns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) { sb.Append(", "); }
            sb.Append('(');
            for (var c = 0; c < ActivityColumns.Length; c++)
            {
                if (c > 0) { sb.Append(", "); }
                var name = $"@p{r}_{c}";
                sb.Append(name);
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                cmd.Parameters.Add(p);
            }
            sb.Append(')');
        }
        sb.Append(" ON CONFLICT (\"Id\") DO UPDATE SET ")
          .AppendJoin(", ", ActivityColumns.Skip(2).Select(c => $"\"{c}\" = excluded.\"{c}\""))
          .Append(" WHERE activities.\"OrganizationId\" = excluded.\"OrganizationId\"");
        cmd.CommandText = sb.ToString();
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            cmd.Prepare(); // Npgsql cannot prepare before the parameters have values; it prepares on first execution.
        }
        return cmd;
    }

    private static void Bind(DbCommand cmd, Guid organizationId, ActivityRecord[] chunk, bool isSqlite)
    {
        var i = 0;
        foreach (var a in chunk)
        {
            var row = RowMapping.ToRow(organizationId, a);
            object[] values =
            [
                Id(row.Id, isSqlite), Id(row.OrganizationId, isSqlite), Id(row.SourceId, isSqlite),
                isSqlite ? Dec(row.Quantity) : row.Quantity, row.Unit,
                isSqlite ? row.PeriodStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : row.PeriodStart,
                isSqlite ? row.PeriodEnd.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : row.PeriodEnd,
                row.Quality, row.EnteredBy,
                isSqlite ? row.EnteredAt.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", System.Globalization.CultureInfo.InvariantCulture) : row.EnteredAt,
                (object?)row.Evidence ?? DBNull.Value,
                row.UncertaintyPercent is { } u ? (isSqlite ? Dec(u) : u) : DBNull.Value,
                (object?)row.Note ?? DBNull.Value,
            ];
            foreach (var v in values)
            {
                cmd.Parameters[i++].Value = v;
            }
        }
    }

    // EF Core's SQLite provider stores Guid as upper-case TEXT and decimal as TEXT; bind the same representation so
    // rows written here read back through EF unchanged (round-trip tested on both engines).
    private static object Id(Guid id, bool isSqlite) => isSqlite ? id.ToString().ToUpperInvariant() : id;

    private static string Dec(decimal d) => d.ToString("0.0###########################", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> CountOrganizationActivitiesAsync(DbConnection connection, DbTransaction transaction, Guid organizationId, bool isSqlite, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        var p = cmd.CreateParameter();
        p.ParameterName = "@org";
        p.Value = Id(organizationId, isSqlite);
        cmd.Parameters.Add(p);
        cmd.CommandText = "SELECT COUNT(*) FROM activities WHERE \"OrganizationId\" = @org";
        var result = await cmd.ExecuteScalarAsync(ct);
        return Convert.ToInt32(result, System.Globalization.CultureInfo.InvariantCulture);
    }
}
