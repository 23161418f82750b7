using System.Text.Json;
using CarbonLedger.Reports.Inventory;
using static CarbonLedger.Reports.Tests.Inventory.SampleInventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class InventoryJsonReportTests
{
    private static JsonElement Render()
    {
        using var stream = new MemoryStream();
        InventoryReports.Render(Model(), ReportFormat.Json, stream);
        stream.Position = 0;
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    [Fact]
    public void Render_Json_HasStableTopLevelProperties()
    {
        // Given / When
        var root = Render();

        // Then: the contract the CLI's --json and the web API expose
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
        [
            "header", "boundary", "period", "baseYear", "sources", "methods", "factors", "gwp", "locationBased", "marketBased", "scope2",
            "biogenicCo2Tonnes", "exclusions", "isComplete", "problems", "notes", "dataQuality", "moenv", "lines", "totalTonnes",
        ]);
    }

    [Fact]
    public void Render_Json_ParsesBackWithHandFiguresAsNumbers()
    {
        // Given / When
        var root = Render();

        // Then: decimals are JSON numbers with every digit (SampleInventory's hand figures)
        var total = root.GetProperty("totalTonnes");
        total.ValueKind.ShouldBe(JsonValueKind.Number);
        R(total.GetDecimal()).ShouldBe(TotalLocation);
        R(root.GetProperty("marketBased").GetProperty("totalTonnes").GetDecimal()).ShouldBe(TotalMarket);
        R(root.GetProperty("biogenicCo2Tonnes").GetDecimal()).ShouldBe(BiogenicCo2);
        var t4 = root.GetProperty("moenv").GetProperty("table4").GetProperty("rows").EnumerateArray().ToList();
        t4.Select(r => r.GetProperty("key").GetString()).ShouldContain("Scope1Subtotal");
        R(t4.Single(r => r.GetProperty("key").GetString() == "EnergyIndirect").GetProperty("tonnes").GetDecimal()).ShouldBe(47.4m);
        t4.Where(r => !r.GetProperty("isSubtotal").GetBoolean()).Sum(r => r.GetProperty("displaySharePercent").GetDecimal()).ShouldBe(100m);
        var rec = root.GetProperty("scope2").GetProperty("instruments").EnumerateArray()
            .Single(i => i.GetProperty("type").GetString() == "RenewableEnergyCertificate");
        rec.GetProperty("reference").GetString().ShouldBe("T-REC 2024-0001..0050");
        rec.GetProperty("appliedKwh").GetDecimal().ShouldBe(50_000m);
        root.GetProperty("header").GetProperty("organizationName").GetString().ShouldBe(OrganizationName);
        root.GetProperty("header").GetProperty("generatedAt").GetString().ShouldBe("2025-03-31T08:00:00Z");
        root.GetProperty("period").GetProperty("start").GetString().ShouldBe("2024-01-01");
        root.GetProperty("lines").GetArrayLength().ShouldBe(16);
    }
}
