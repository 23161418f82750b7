using CarbonLedger.Common;
using CarbonLedger.Data.Entities;
using CarbonLedger.Inventory;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Data.Stores;

/// <summary>A structural change as stored: the domain change plus who recorded it and when.</summary>
public sealed record StoredStructuralChange(Guid Id, StructuralChange Change, string RecordedBy, Instant RecordedAt);

/// <summary>The base-year recalculation check of one organization: which stored inventory is the base year, its
/// location-based total, the recorded changes and the verdict of <see cref="BaseYearPolicy.Check"/>.</summary>
public sealed record BaseYearCheck(int BaseYear, Guid InventoryId, string InventoryName, RecalculationCheck Check,
    IReadOnlyList<StoredStructuralChange> Changes);

/// <summary>Structural changes since the base year and the recalculation check (GHG Protocol Corporate Standard ch. 5,
/// ISO 14064-1 6.4.2). Every query filters by organization id (tenant isolation).</summary>
public sealed class BaseYearStore(CarbonLedgerDbContext db, IClock clock)
{
    public const int DescriptionMaxLength = 1000;

    /// <summary>Records <paramref name="change"/>; every invalid field is reported, nothing stored when any is.</summary>
    public async Task<Outcome<StoredStructuralChange>> AddStructuralChangeAsync(Guid organizationId, StructuralChange change, string recordedBy, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null)
        {
            return Outcome<StoredStructuralChange>.Failure(Problem.AtField("organizationId", $"unknown organization {organizationId}", $"查無組織 {organizationId}"));
        }
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(change.Description))
        {
            problems.Add(Problem.AtField("description", "a description is required", "必須填寫說明"));
        }
        else if (change.Description.Length > DescriptionMaxLength)
        {
            problems.Add(Problem.TooLong("description", DescriptionMaxLength));
        }
        if (!Enum.IsDefined(change.Kind))
        {
            problems.Add(Problem.AtField("kind", $"unknown kind {change.Kind}", $"未知的變動類型 {change.Kind}"));
        }
        // Changes are recorded against the base year: they happen in it or after it.
        if (change.Year < org.BaseYear || change.Year > 9999)
        {
            problems.Add(Problem.AtField("year", $"must be between the base year {org.BaseYear} and 9999", $"須介於基準年 {org.BaseYear} 與 9999 之間"));
        }
        if (problems.Count > 0) { return Outcome<StoredStructuralChange>.Failure(problems); }

        var now = clock.GetCurrentInstant();
        var row = new StructuralChangeRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Description = change.Description.Trim(), Kind = change.Kind.ToString(),
            BaseYearImpactTonnes = change.BaseYearImpactTonnes, Year = change.Year, RecordedBy = recordedBy,
            RecordedAt = now.ToDateTimeOffset(),
        };
        await LedgerWriter.InTransactionAsync(db, organizationId, now, async ledger =>
        {
            db.StructuralChanges.Add(row);
            await db.SaveChangesAsync(ct);
            await ledger.AddAsync(recordedBy, "create", LedgerContent.StructuralChange, row.Id.ToString("D"), LedgerContent.Of(row), ct);
        }, ct);
        return Outcome<StoredStructuralChange>.Success(ToDomain(row));
    }

    /// <summary>The organization's recorded changes, oldest year first.</summary>
    public async Task<IReadOnlyList<StoredStructuralChange>> ListStructuralChangesAsync(Guid organizationId, CancellationToken ct = default)
    {
        var rows = await db.StructuralChanges.AsNoTracking().Where(c => c.OrganizationId == organizationId).ToListAsync(ct);
        // Ordered on the client: SQLite cannot order by DateTimeOffset.
        return rows.OrderBy(r => r.Year).ThenBy(r => r.RecordedAt).ThenBy(r => r.Id).Select(ToDomain).ToList();
    }

    /// <summary>The base-year inventory is the organization's inventory whose period ends in its base year (the longest
    /// one when several do); its location-based total is the base-year emissions checked against every recorded change
    /// with the organization's significance threshold.</summary>
    public async Task<Outcome<BaseYearCheck>> CheckBaseYearAsync(Guid organizationId, CancellationToken ct = default)
    {
        var org = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organizationId, ct);
        if (org is null)
        {
            return Outcome<BaseYearCheck>.Failure(Problem.AtField("organizationId", $"unknown organization {organizationId}", $"查無組織 {organizationId}"));
        }
        var yearStart = new DateOnly(org.BaseYear, 1, 1);
        var yearEnd = new DateOnly(org.BaseYear, 12, 31);
        var inventory = (await db.Inventories.AsNoTracking()
                .Where(i => i.OrganizationId == organizationId && i.PeriodEnd >= yearStart && i.PeriodEnd <= yearEnd)
                .ToListAsync(ct))
            .OrderBy(i => i.PeriodStart).ThenBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault();
        if (inventory is null)
        {
            return Outcome<BaseYearCheck>.Failure(Problem.AtField("baseYear", $"no inventory for base year {org.BaseYear}", $"基準年 {org.BaseYear} 沒有盤查清冊"));
        }
        var input = await new InventoryStore(db, clock).LoadInputAsync(organizationId, inventory.Id, ct)
            ?? throw new InvalidOperationException("base-year inventory vanished while loading");
        var baseYearTonnes = InventoryCalculator.Calculate(input).Totals(Scope2Method.LocationBased).Total;
        if (baseYearTonnes <= 0)
        {
            return Outcome<BaseYearCheck>.Failure(Problem.AtField("baseYear",
                $"base-year inventory '{inventory.Name}' has no emissions; record its activity data before checking",
                $"基準年盤查清冊「{inventory.Name}」沒有排放量；請先輸入其活動數據再檢查"));
        }
        var changes = await ListStructuralChangesAsync(organizationId, ct);
        var check = BaseYearPolicy.Check(baseYearTonnes, changes.Select(c => c.Change), org.SignificanceThresholdPercent);
        return Outcome<BaseYearCheck>.Success(new BaseYearCheck(org.BaseYear, inventory.Id, inventory.Name, check, changes));
    }

    private static StoredStructuralChange ToDomain(StructuralChangeRow row) =>
        new(row.Id,
            new StructuralChange(row.Description, Enum.Parse<StructuralChangeKind>(row.Kind), row.BaseYearImpactTonnes, row.Year),
            row.RecordedBy, Instant.FromDateTimeOffset(row.RecordedAt));
}

/// <summary>The kinds as users type them on the command line and in the API (<c>methodology-change</c>), the same
/// names both ways.</summary>
public static class StructuralChangeKindNames
{
    private static readonly Dictionary<StructuralChangeKind, string> Names = new()
    {
        [StructuralChangeKind.Acquisition] = "acquisition",
        [StructuralChangeKind.Divestment] = "divestment",
        [StructuralChangeKind.Merger] = "merger",
        [StructuralChangeKind.Outsourcing] = "outsourcing",
        [StructuralChangeKind.Insourcing] = "insourcing",
        [StructuralChangeKind.MethodologyChange] = "methodology-change",
        [StructuralChangeKind.ErrorCorrection] = "error-correction",
        [StructuralChangeKind.OrganicGrowth] = "organic-growth",
    };

    public static IReadOnlyList<string> All { get; } = Names.Values.ToList();

    public static string Name(StructuralChangeKind kind) => Names[kind];

    /// <summary>Parses a kebab-case name (case-insensitive); also accepts the enum name (<c>MethodologyChange</c>).</summary>
    public static bool TryParse(string? text, out StructuralChangeKind kind)
    {
        foreach (var (k, name) in Names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase) || string.Equals(text, k.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }
}
