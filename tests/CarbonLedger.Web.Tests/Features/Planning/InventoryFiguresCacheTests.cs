using System.Net;
using CarbonLedger.Web.Features.Planning;
using CarbonLedger.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CarbonLedger.Web.Tests.Features.Planning;

/// <summary>The planning pages' and API's inventory figures are calculated once per data version (organization, ledger
/// head) and recalculated after a write. Its own app instance: it adds an activity.</summary>
public sealed class InventoryFiguresCacheTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task GetAsync_SameDataVersionShared_AWriteRecalculates()
    {
        // Given the demo organization's figures read twice without a write in between
        var cache = app.App.Services.GetRequiredService<InventoryFiguresCache>();
        var first = await cache.GetAsync(WebAppFixture.DemoOrgId);
        var second = await cache.GetAsync(WebAppFixture.DemoOrgId);

        // When 1,000 kWh of Taipower electricity is added to the 2024 inventory through the API
        using var api = app.Client(WebAppFixture.DemoContributorToken);
        using var added = await api.PostJsonAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/activities",
            new { source = "ELEC-TPE", quantity = 1000m, unit = "kWh", periodStart = "2024-12-01", periodEnd = "2024-12-31", evidence = "figures-cache-test" });
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var after = await cache.GetAsync(WebAppFixture.DemoOrgId);

        // Then the two reads of one version are the same computed list (calculated once), and the read after the write
        // is a new one whose 2024 location-based Scope 2 is 1,000 kWh × 0.474 kg/kWh / 1,000 = 0.474 t higher (Taipower
        // 2024 factor, shared/data/tw_electricity_emission_factors.csv; operational control, 100 %), one entry held
        second.ShouldBeSameAs(first);
        after.ShouldNotBeSameAs(first);
        var before2024 = first.Single(f => f.Year == 2024);
        var after2024 = after.Single(f => f.Year == 2024);
        (after2024.Scope2LocationBased - before2024.Scope2LocationBased).ShouldBe(0.474m);
        after2024.Scope1.ShouldBe(before2024.Scope1);
        cache.CachedCount.ShouldBe(1);
    }
}
