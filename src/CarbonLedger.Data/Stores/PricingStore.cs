using System.Globalization;
using System.Text.Json;
using CarbonLedger.Common;
using CarbonLedger.Data.Entities;
using CarbonLedger.Pricing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace CarbonLedger.Data.Stores;

/// <summary>A stored policy with its id.</summary>
public sealed record StoredPolicy(Guid Id, IcpPolicy Policy, string CreatedBy, Instant CreatedAt);

/// <summary>A stored project: its spec and, once done, its actual cost and realised abatement.</summary>
public sealed record StoredProject(Guid Id, ProjectSpec Spec, decimal? ActualCost, decimal? RealisedAbatementTonnes);

/// <summary>Internal carbon pricing data of an organization (issue 4): policies with price history, projects, the
/// carbon fund's ledger and internal-trading allowances. Every write is one transaction with an audit-ledger entry;
/// every query filters by organization id; nothing is overwritten (a price change is a new row).</summary>
public sealed class PricingStore(CarbonLedgerDbContext db, IClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Outcome<Guid>> CreatePolicyAsync(Guid organizationId, IcpPolicy policy, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (await db.IcpPolicies.AnyAsync(p => p.OrganizationId == organizationId && p.Name == policy.Name, ct))
        {
            return Outcome<Guid>.Failure([Problem.AtField("name", $"a policy named '{policy.Name}' already exists", $"已有名為「{policy.Name}」的碳價政策")]);
        }
        var now = clock.GetCurrentInstant();
        var row = new IcpPolicyRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Name = policy.Name, Type = policy.Type.ToString(),
            Currency = policy.Prices[0].Price.Currency.Code, Scopes = string.Join(',', policy.Scopes.Order()), ReviewEveryMonths = policy.ReviewEveryMonths,
            EffectiveTo = policy.EffectiveTo?.ToDateOnly(), CreatedBy = actor, CreatedAt = now.ToDateTimeOffset(),
            Prices = policy.Prices.Select(p => PriceRow(p, actor, now)).ToList(),
        };
        await WriteAsync(organizationId, actor, "create", "icp-policy", row.Id, Describe(row), () => db.IcpPolicies.Add(row), ct);
        return Outcome<Guid>.Success(row.Id);
    }

    public async Task<Outcome<StoredPolicy>> AddPriceChangeAsync(Guid organizationId, Guid policyId, PriceChange change, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = await db.IcpPolicies.Include(p => p.Prices).SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Id == policyId, ct);
        if (row is null) { return Outcome<StoredPolicy>.Failure([Problem.AtField("policyId", $"no policy {policyId} in this organization", $"本組織沒有碳價政策 {policyId}")]); }
        try
        {
            // The domain constructor checks the new history (one currency, no two prices on one day, non-negative).
            var current = ToDomain(row).Policy;
            _ = new IcpPolicy(row.Name, current.Type, [.. current.Prices, change], current.Scopes, row.ReviewEveryMonths, current.EffectiveTo);
        }
        catch (DomainException ex)
        {
            return Outcome<StoredPolicy>.Failure([ex.ToProblem()]);
        }
        var price = PriceRow(change, actor, clock.GetCurrentInstant());
        price.PolicyId = row.Id;
        await WriteAsync(organizationId, actor, "price-change", "icp-policy", row.Id, Describe(row, price), () => db.Add(price), ct);
        return Outcome<StoredPolicy>.Success((await ListPoliciesAsync(organizationId, ct)).Single(p => p.Id == policyId));
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListPoliciesAsync(Guid organizationId, CancellationToken ct = default)
    {
        var rows = await db.IcpPolicies.AsNoTracking().Include(p => p.Prices).Where(p => p.OrganizationId == organizationId).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(ToDomain).ToList();
    }

    public async Task<Outcome<Guid>> SaveProjectAsync(Guid organizationId, ProjectSpec spec, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Name)) { return Outcome<Guid>.Failure([Problem.AtField("name", "is required", "必填")]); }
        var existing = await db.IcpProjects.SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Name == spec.Name, ct);
        var json = JsonSerializer.Serialize(spec, Json);
        if (existing is not null)
        {
            existing.InputsJson = json;
            await WriteAsync(organizationId, actor, "update", "icp-project", existing.Id, json, () => { }, ct);
            return Outcome<Guid>.Success(existing.Id);
        }
        var row = new IcpProjectRow
        {
            Id = DeterministicGuid.For(organizationId, "icp-project", spec.Name), OrganizationId = organizationId, Name = spec.Name, InputsJson = json,
            CreatedBy = actor, CreatedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        await WriteAsync(organizationId, actor, "create", "icp-project", row.Id, json, () => db.IcpProjects.Add(row), ct);
        return Outcome<Guid>.Success(row.Id);
    }

    public async Task<Outcome<StoredProject>> RecordOutcomeAsync(Guid organizationId, Guid projectId, decimal actualCost, decimal realisedTonnes, string actor, CancellationToken ct = default)
    {
        var row = await db.IcpProjects.SingleOrDefaultAsync(p => p.OrganizationId == organizationId && p.Id == projectId, ct);
        if (row is null) { return Outcome<StoredProject>.Failure([Problem.AtField("projectId", $"no project {projectId} in this organization", $"本組織沒有專案 {projectId}")]); }
        var problems = new List<Problem>();
        if (actualCost < 0m) { problems.Add(Problem.AtField("actualCost", "cannot be negative", "不得為負數")); }
        if (realisedTonnes <= 0m) { problems.Add(Problem.AtField("realisedAbatementTonnes", "must be positive", "須為正數")); }
        if (problems.Count > 0) { return Outcome<StoredProject>.Failure(problems); }
        row.ActualCost = actualCost;
        row.RealisedAbatementTonnes = realisedTonnes;
        await WriteAsync(organizationId, actor, "outcome", "icp-project", row.Id, LedgerContent.Of(new Dictionary<string, string?>
        {
            ["actualCost"] = LedgerContent.Decimal(actualCost), ["realisedAbatementTonnes"] = LedgerContent.Decimal(realisedTonnes),
        }), () => { }, ct);
        return Outcome<StoredProject>.Success(ToDomain(row));
    }

    public async Task<IReadOnlyList<StoredProject>> ListProjectsAsync(Guid organizationId, CancellationToken ct = default)
    {
        var rows = await db.IcpProjects.AsNoTracking().Where(p => p.OrganizationId == organizationId).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.Ordinal).Select(ToDomain).ToList();
    }

    /// <summary>The fund's ledger replayed through <see cref="CarbonFund"/> (so the stored history obeys its rules).</summary>
    public async Task<CarbonFund> LoadFundAsync(Guid organizationId, Currency currency, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var fund = new CarbonFund(currency);
        var rows = await db.CarbonFundEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId).OrderBy(e => e.Sequence).ToListAsync(ct);
        foreach (var r in rows)
        {
            if (r.Currency != currency.Code) { continue; }
            var date = LocalDate.FromDateOnly(r.Date);
            if (r.Kind == "charge") { fund.Record(date, r.Counterparty, new Money(r.Amount, currency), r.Note); }
            else { fund.Spend(date, r.Counterparty, new Money(-r.Amount, currency), r.Note); }
        }
        return fund;
    }

    /// <summary>Charges units into the fund at <paramref name="price"/> (internal fee).</summary>
    public async Task<IReadOnlyList<FundEntry>> ChargeAsync(Guid organizationId, LocalDate date, IReadOnlyList<UnitEmissions> units, CarbonPrice price, string period,
        string actor, CancellationToken ct = default)
    {
        var fund = await LoadFundAsync(organizationId, price.Currency, ct);
        var entries = fund.Charge(date, units, price, period);
        await AppendFundAsync(organizationId, entries, "charge", price.Currency, actor, ct);
        return entries;
    }

    public async Task<Outcome<FundEntry>> SpendAsync(Guid organizationId, LocalDate date, string project, Money amount, string note, string actor, CancellationToken ct = default)
    {
        var fund = await LoadFundAsync(organizationId, amount.Currency, ct);
        var spent = fund.Spend(date, project, amount, note);
        if (!spent.Succeeded) { return spent; }
        await AppendFundAsync(organizationId, [spent.Value], "spend", amount.Currency, actor, ct);
        return spent;
    }

    public async Task AddAllowanceEntryAsync(Guid organizationId, int year, string kind, string unit, string? toUnit, decimal tonnes, CarbonPrice? price,
        string actor, CancellationToken ct = default)
    {
        var row = new AllowanceEntryRow
        {
            Id = Guid.NewGuid(), OrganizationId = organizationId, Year = year, Kind = kind, Unit = unit, ToUnit = toUnit, Tonnes = tonnes,
            PricePerTonne = price?.PerTonne.Amount, Currency = price?.Currency.Code ?? "TWD", RecordedBy = actor,
            RecordedAt = clock.GetCurrentInstant().ToDateTimeOffset(),
        };
        await WriteAsync(organizationId, actor, kind, "allowance", row.Id, LedgerContent.Of(new Dictionary<string, string?>
        {
            ["year"] = year.ToString(CultureInfo.InvariantCulture), ["unit"] = unit, ["toUnit"] = toUnit, ["tonnes"] = LedgerContent.Decimal(tonnes),
            ["pricePerTonne"] = price is { } p ? LedgerContent.Decimal(p.PerTonne.Amount) : null,
        }), () => db.AllowanceEntries.Add(row), ct);
    }

    public async Task<(IReadOnlyDictionary<string, decimal> Allocations, IReadOnlyList<AllowanceTransfer> Transfers)> LoadAllowancesAsync(Guid organizationId, int year, CancellationToken ct = default)
    {
        var rows = await db.AllowanceEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId && e.Year == year).ToListAsync(ct);
        var allocations = rows.Where(r => r.Kind == "allocation").GroupBy(r => r.Unit).ToDictionary(g => g.Key, g => g.Sum(r => r.Tonnes));
        var transfers = rows.Where(r => r.Kind == "transfer").OrderBy(r => r.RecordedAt.UtcTicks).ThenBy(r => r.Id)
            .Select(r => new AllowanceTransfer(r.Unit, r.ToUnit!, r.Tonnes, new CarbonPrice(new Money(r.PricePerTonne ?? 0m, Currency.Of(r.Currency))))).ToList();
        return (allocations, transfers);
    }

    private async Task AppendFundAsync(Guid organizationId, IReadOnlyList<FundEntry> entries, string kind, Currency currency, string actor, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        await LedgerWriter.InTransactionAsync(db, organizationId, now, async ledger =>
        {
            var seq = await db.CarbonFundEntries.Where(e => e.OrganizationId == organizationId).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
            foreach (var e in entries)
            {
                var row = new CarbonFundEntryRow
                {
                    Id = Guid.NewGuid(), OrganizationId = organizationId, Sequence = ++seq, Date = e.Date.ToDateOnly(), Kind = kind, Counterparty = e.Counterparty,
                    Amount = e.Amount.Amount, Currency = currency.Code, Note = e.Note, RecordedBy = actor, RecordedAt = now.ToDateTimeOffset(),
                };
                db.CarbonFundEntries.Add(row);
                await ledger.AddAsync(actor, kind, "carbon-fund", row.Id.ToString("D"), LedgerContent.Of(new Dictionary<string, string?>
                {
                    ["date"] = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["counterparty"] = e.Counterparty,
                    ["amount"] = LedgerContent.Decimal(e.Amount.Amount), ["currency"] = currency.Code, ["note"] = e.Note,
                }), ct);
            }
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    private Task WriteAsync(Guid organizationId, string actor, string action, string kind, Guid id, string content, Action change, CancellationToken ct) =>
        LedgerWriter.WriteOneAsync(db, organizationId, clock.GetCurrentInstant(), actor, action, kind, id, content, change, ct);

    private static IcpPriceChangeRow PriceRow(PriceChange p, string actor, Instant now) => new()
    {
        Id = Guid.NewGuid(), EffectiveFrom = p.EffectiveFrom.ToDateOnly(), PricePerTonne = p.Price.PerTonne.Amount, Reason = p.Reason,
        RecordedBy = actor, RecordedAt = now.ToDateTimeOffset(),
    };

    private static string Describe(IcpPolicyRow row, IcpPriceChangeRow? change = null) => LedgerContent.Of(new Dictionary<string, string?>
    {
        ["name"] = row.Name, ["type"] = row.Type, ["currency"] = row.Currency, ["scopes"] = row.Scopes,
        ["reviewEveryMonths"] = row.ReviewEveryMonths.ToString(CultureInfo.InvariantCulture),
        ["prices"] = string.Join(";", (change is null ? row.Prices : [change]).Select(p =>
            $"{p.EffectiveFrom:yyyy-MM-dd}={LedgerContent.Decimal(p.PricePerTonne)} ({p.Reason})")),
    });

    private static StoredPolicy ToDomain(IcpPolicyRow r)
    {
        var currency = Currency.Of(r.Currency);
        var policy = new IcpPolicy(r.Name, Enum.Parse<IcpType>(r.Type),
            r.Prices.Select(p => new PriceChange(LocalDate.FromDateOnly(p.EffectiveFrom), new CarbonPrice(new Money(p.PricePerTonne, currency)), p.Reason)).ToList(),
            r.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToHashSet(),
            r.ReviewEveryMonths, r.EffectiveTo is { } e ? LocalDate.FromDateOnly(e) : null);
        return new StoredPolicy(r.Id, policy, r.CreatedBy, r.CreatedAt.ToInstant());
    }

    private static StoredProject ToDomain(IcpProjectRow r) =>
        new(r.Id, JsonSerializer.Deserialize<ProjectSpec>(r.InputsJson, Json) ?? new ProjectSpec { Name = r.Name }, r.ActualCost, r.RealisedAbatementTonnes);
}
