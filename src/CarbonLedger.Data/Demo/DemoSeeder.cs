using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory.Demo;
using CarbonLedger.Planning;
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
        await SeedPlanAsync(db, store, clock, orgId, ct);
        return new DemoSeedResult(orgId, id, Created: true);
    }

    public const string DemoTargetName = "SBTi 1.5 °C 範疇一、二 Scope 1+2";

    /// <summary>An SBTi 1.5 °C Scope 1+2 target on the 2024 inventory (base-year emissions read from it) and the FSC
    /// sample plan with its blanks filled by illustrative values (<see cref="TransitionPlanSample.Demo"/>), as a draft.</summary>
    private static async Task SeedPlanAsync(CarbonLedgerDbContext db, InventoryStore store, IClock clock, Guid orgId, CancellationToken ct)
    {
        var planning = new PlanningStore(db, store, clock);
        var target = await planning.CreateTargetAsync(orgId, new TargetDraft(DemoTargetName, TargetKind.Absolute, TransitionPlanSample.DemoTargetScopes,
            2024, 2030, null, PathwayMethod.Contraction(ContractionRate.Sbti15C)), DemoOrganization.EnteredBy, ct: ct);
        if (!target.Succeeded)
        {
            throw new InvalidOperationException("the demo target does not apply: " + string.Join("; ", target.Problems));
        }
        var plan = await planning.SavePlanAsync(orgId, null, TransitionPlanSample.Demo(target.Value.Id), DemoOrganization.EnteredBy, "demo seed (illustrative values)", ct);
        if (!plan.Succeeded)
        {
            throw new InvalidOperationException("the demo plan does not save: " + string.Join("; ", plan.Problems));
        }
    }
}
