using System.Collections.Concurrent;
using System.Globalization;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Web.Features.Inventory;

namespace CarbonLedger.Web.Features.Dashboard;

public sealed record NamedTonnes(string Key, string Label, decimal Tonnes);

public sealed record ScopeTotals(string Scope, decimal LocationBased, decimal MarketBased);

/// <summary>What the dashboard shows of one inventory, small enough to keep per data version.</summary>
public sealed record DashboardSummary(
    Guid InventoryId,
    string InventoryName,
    string Status,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string GwpSet,
    decimal TotalLocationBased,
    decimal TotalMarketBased,
    IReadOnlyList<ScopeTotals> ByScope,
    IReadOnlyList<NamedTonnes> ByMonth,
    IReadOnlyList<NamedTonnes> ByFacility,
    IReadOnlyList<NamedTonnes> TopSources,
    int Lines,
    int Activities,
    int Problems,
    long DataVersion);

/// <summary>Computes dashboard summaries with Core's calculator and keeps them per (organization, inventory, ledger
/// head). The ledger head changes with every data write, so a summary is computed once per data change however many
/// users look: concurrent requests for the same version share one computation.</summary>
public sealed class DashboardService(IServiceScopeFactory scopes)
{
    private const int TopSourceCount = 10;

    private readonly ConcurrentDictionary<(Guid Org, Guid Inventory, long Head), Lazy<Task<DashboardSummary?>>> _cache = new();

    public int CachedCount => _cache.Count;

    public async Task<DashboardSummary?> GetAsync(Guid organizationId, Guid inventoryId, CancellationToken ct = default)
    {
        long head;
        await using (var scope = scopes.CreateAsyncScope())
        {
            head = await scope.ServiceProvider.GetRequiredService<LedgerStore>().HeadAsync(organizationId, ct);
        }
        var key = (organizationId, inventoryId, head);
        // Older versions of this inventory are stale from now on: drop them so memory holds one summary per inventory.
        foreach (var old in _cache.Keys.Where(k => k.Org == organizationId && k.Inventory == inventoryId && k.Head != head))
        {
            _cache.TryRemove(old, out _);
        }
        var lazy = _cache.GetOrAdd(key, k => new Lazy<Task<DashboardSummary?>>(() => ComputeAsync(k.Org, k.Inventory, k.Head)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _cache.TryRemove(new KeyValuePair<(Guid, Guid, long), Lazy<Task<DashboardSummary?>>>(key, lazy));
            throw;
        }
    }

    private async Task<DashboardSummary?> ComputeAsync(Guid organizationId, Guid inventoryId, long head)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<InventoryStore>();
        // Not the caller's token: the computation is shared by every request waiting for this version.
        var calculated = await CalculatedInventory.LoadAsync(store, organizationId, inventoryId, CancellationToken.None);
        return calculated is null ? null : Summarize(calculated, head);
    }

    public static DashboardSummary Summarize(CalculatedInventory calculated, long dataVersion)
    {
        ArgumentNullException.ThrowIfNull(calculated);
        var r = calculated.Result;
        var location = r.Totals(Scope2Method.LocationBased);
        var market = r.Totals(Scope2Method.MarketBased);
        var scopes = new[] { Scope.Scope1, Scope.Scope2, Scope.Scope3 }
            .Select(s => new ScopeTotals(s.ToString(), location.ByScope.GetValueOrDefault(s), market.ByScope.GetValueOrDefault(s)))
            .ToList();
        var facilityNames = calculated.Organization.Facilities.ToDictionary(f => f.Code, f => f.Name, StringComparer.Ordinal);
        var sourceNames = calculated.Organization.Sources.ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
        var inv = calculated.Inventory;
        return new DashboardSummary(
            inv.Id, inv.Name, inv.Status, inv.PeriodStart, inv.PeriodEnd, inv.GwpSetId,
            location.Total, market.Total, scopes,
            location.ByMonth.OrderBy(kv => kv.Key).Select(kv =>
            {
                var label = kv.Key.ToString("yyyy-MM", CultureInfo.InvariantCulture);
                return new NamedTonnes(label, label, kv.Value);
            }).ToList(),
            location.ByFacility.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Select(kv => new NamedTonnes(kv.Key, facilityNames.GetValueOrDefault(kv.Key, kv.Key), kv.Value)).ToList(),
            location.BySource.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopSourceCount)
                .Select(kv => new NamedTonnes(kv.Key, sourceNames.GetValueOrDefault(kv.Key, kv.Key), kv.Value)).ToList(),
            r.Lines.Count, r.Input.Activities.Count, r.Problems.Count, dataVersion);
    }
}
