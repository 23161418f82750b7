using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Pricing;
using CarbonLedger.Testing.Databases;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Data.Tests.Stores;

/// <summary>Internal carbon pricing data on both engines: policies keep their price history, the fund never overdraws,
/// and every write is in the audit ledger.</summary>
public sealed class PricingStoreTests
{
    private static readonly FakeClock Clock = new(Instant.FromUtc(2025, 3, 1, 9, 0));

    private static async Task<Guid> OrganizationAsync(TestDatabase db)
    {
        var orgId = Guid.NewGuid();
        await using var ctx = db.CreateContext();
        await new InventoryStore(ctx, Clock).CreateOrganizationAsync(new Organization(orgId, "友訊測試 ICP Co.", ConsolidationApproach.OperationalControl, 2021));
        return orgId;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Policy_PriceChange_KeepsHistoryAndLedgerVerifies(DatabaseProvider provider)
    {
        // Given seed 004 四's shadow price NTD 1,500 from 2025, scopes 1-2, reviewed yearly
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationAsync(db);
        await using var ctx = db.CreateContext();
        var store = new PricingStore(ctx, Clock);
        var policy = new IcpPolicy("Shadow price", IcpType.ShadowPrice, [new PriceChange(new LocalDate(2025, 1, 1), CarbonPrice.Twd(1_500m), "seed 004 四")],
            new HashSet<int> { 1, 2 }, 12);
        var id = (await store.CreatePolicyAsync(orgId, policy, "cfo")).Value;

        // When the price is raised to 1,800 from 2027, and a second change on the same day is attempted
        var raised = await store.AddPriceChangeAsync(orgId, id, new PriceChange(new LocalDate(2027, 1, 1), CarbonPrice.Twd(1_800m), "annual review"), "cfo");
        var duplicate = await store.AddPriceChangeAsync(orgId, id, new PriceChange(new LocalDate(2027, 1, 1), CarbonPrice.Twd(2_000m), "again"), "cfo");

        // Then both prices are kept in order, the duplicate day is refused, and the ledger holds both writes and verifies
        raised.Succeeded.ShouldBeTrue();
        raised.Value.Policy.Prices.Select(p => p.Price.PerTonne.Amount).ShouldBe([1_500m, 1_800m]);
        raised.Value.Policy.PriceOn(new LocalDate(2026, 12, 31))!.Value.PerTonne.Amount.ShouldBe(1_500m);
        duplicate.Succeeded.ShouldBeFalse();
        var ledger = new LedgerStore(ctx, Clock);
        (await ledger.ListAsync(orgId, entityKind: "icp-policy")).Select(e => e.Action).ShouldBe(["create", "price-change"]);
        (await ledger.VerifyAsync(orgId)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Fund_ChargeThenSpend_BalanceReplaysAndOverspendRefused(DatabaseProvider provider)
    {
        // Given an internal fee of NTD 500/t on HQ 100 t and Lab 20.5 t → 50,000 + 10,250 = 60,250 in the fund
        await using var db = await TestDatabase.CreateAsync(provider);
        var orgId = await OrganizationAsync(db);
        await using (var ctx = db.CreateContext())
        {
            await new PricingStore(ctx, Clock).ChargeAsync(orgId, new LocalDate(2025, 1, 31), [new UnitEmissions("HQ", 100m), new UnitEmissions("Lab", 20.5m)],
                CarbonPrice.Twd(500m), "2024", "cfo");
        }

        // When 60,000 is spent, then 300 more is attempted (from a fresh context: the balance is replayed from the rows)
        await using var ctx2 = db.CreateContext();
        var store = new PricingStore(ctx2, Clock);
        var spent = await store.SpendAsync(orgId, new LocalDate(2025, 2, 1), "LED retrofit", Money.Twd(60_000m), "phase 1", "cfo");
        var over = await store.SpendAsync(orgId, new LocalDate(2025, 2, 2), "chiller", Money.Twd(300m), "", "cfo");

        // Then 250 is left and the overspend names the 50 short
        spent.Succeeded.ShouldBeTrue();
        (await store.LoadFundAsync(orgId, Currency.Twd)).Balance.Amount.ShouldBe(250m);
        over.Succeeded.ShouldBeFalse();
        over.Problems[0].Message.ShouldContain("TWD 50 short");
        (await new LedgerStore(ctx2, Clock).VerifyAsync(orgId)).IsValid.ShouldBeTrue();
    }
}
