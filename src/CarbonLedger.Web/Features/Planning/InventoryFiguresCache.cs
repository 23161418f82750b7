using System.Collections.Concurrent;
using CarbonLedger.Data.Stores;
using CarbonLedger.Planning;

namespace CarbonLedger.Web.Features.Planning;

/// <summary>The scope totals of every inventory of an organization (<see cref="PlanningStore.InventoryFiguresAsync"/>
/// calculates each inventory), kept per (organization, ledger head) like the dashboard's summaries: the head changes with
/// every data write, so the inventories are calculated once per data change however many pages and API calls read them
/// (targets, plan editor, completeness, document); concurrent readers of one version share one computation.</summary>
public sealed class InventoryFiguresCache(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(Guid Org, long Head), Lazy<Task<IReadOnlyList<InventoryFigures>>>> _cache = new();

    /// <summary>How many (organization, data version) entries are held: one per organization once older ones are dropped.</summary>
    public int CachedCount => _cache.Count;

    public async Task<IReadOnlyList<InventoryFigures>> GetAsync(Guid organizationId, CancellationToken ct = default)
    {
        long head;
        await using (var scope = scopes.CreateAsyncScope())
        {
            head = await scope.ServiceProvider.GetRequiredService<LedgerStore>().HeadAsync(organizationId, ct);
        }
        var key = (organizationId, head);
        foreach (var old in _cache.Keys.Where(k => k.Org == organizationId && k.Head != head))
        {
            _cache.TryRemove(old, out _);
        }
        var lazy = _cache.GetOrAdd(key, k => new Lazy<Task<IReadOnlyList<InventoryFigures>>>(() => ComputeAsync(k.Org)));
        try
        {
            return await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _cache.TryRemove(new KeyValuePair<(Guid, long), Lazy<Task<IReadOnlyList<InventoryFigures>>>>(key, lazy));
            throw;
        }
    }

    private async Task<IReadOnlyList<InventoryFigures>> ComputeAsync(Guid organizationId)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Not the caller's token: the computation is shared by every reader waiting for this version.
        return await scope.ServiceProvider.GetRequiredService<PlanningStore>().InventoryFiguresAsync(organizationId, CancellationToken.None);
    }
}
