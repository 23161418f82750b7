using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory.Demo;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Data.Demo;

/// <summary>What seeding did: the demo organization and its inventory, and whether they were created now.</summary>
public sealed record DemoSeedResult(Guid OrganizationId, Guid InventoryId, bool Created);

/// <summary>Loads the fictional demo company (<see cref="DemoOrganization"/>) with its 2024 inventory into a fresh
/// database so the app shows real results on first start. Idempotent: if the demo organization exists, nothing is
/// written (the user's edits to it are kept).</summary>
public static class DemoSeeder
{
    public const string InventoryName = "2024 溫室氣體盤查 GHG inventory";

    public static async Task<DemoSeedResult> EnsureDemoAsync(CarbonLedgerDbContext db, IClock clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var orgId = DemoOrganization.OrganizationId;
        var inventoryId = DeterministicGuid.For(orgId, "inventory", InventoryName);
        if (await db.Organizations.AnyAsync(o => o.Id == orgId, ct))
        {
            return new DemoSeedResult(orgId, inventoryId, Created: false);
        }
        var demo = DemoOrganization.Build(ReferenceLibrary.Create());
        var store = new InventoryStore(db, clock);
        await store.CreateOrganizationAsync(demo.Organization, isDemo: true, ct);
        var result = await store.ApplyAsync(orgId, new ChangeSet
        {
            LegalEntities = demo.Entities,
            Facilities = demo.Facilities,
            Sources = demo.Sources,
            Activities = demo.Activities,
            Instruments = demo.Instruments,
            CustomFactors = demo.CustomFactors,
            Origin = "demo seed (fictional company)",
        }, DemoOrganization.EnteredBy, ct: ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("the demo data does not apply: " + string.Join("; ", result.Problems.Take(5)));
        }
        var id = await store.CreateInventoryAsync(orgId, InventoryName, demo.Period, demo.GwpSetId, createdBy: DemoOrganization.EnteredBy, ct: ct);
        return new DemoSeedResult(orgId, id, Created: true);
    }
}
