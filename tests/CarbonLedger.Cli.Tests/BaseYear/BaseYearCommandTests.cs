using System.Globalization;
using CarbonLedger.Cli.Tests.Inventory;

namespace CarbonLedger.Cli.Tests.BaseYear;

public sealed class BaseYearCommandTests
{
    // Taiwan grid 2024: 0.474 kg CO2e/kWh (shared/data/tw_electricity_emission_factors.csv, year 2024).
    private const decimal Grid2024 = 0.474m;

    // MOENV 6.0.4(修) 柴油 stationary kg/L (shared/data/tw_moenv_v604_fuel_emission_factors.csv); AR5 CH4 28, N2O 265
    // (shared/data/gwp100_ipcc_ar4_ar5_ar6.csv).
    private static readonly decimal DieselKgCo2ePerLitre =
        Dec("2.6060317920000005") + Dec("1.0550736000000003E-4") * 28m + Dec("2.1101471999999998E-5") * 265m;

    [Fact]
    public async Task BaseyearCheck_SampleWithChanges_Json_ReportsPercentOfBaseYearAndVerdict()
    {
        // Given an organization with base year 2024, its FY2024 inventory holding the sample data, and three changes
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        (await ws.RunDb(["import", "--org", org, .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);
        var add1 = await ws.RunDb("baseyear", "change", "add", "--org", org, "--kind", "acquisition", "--impact", "0.5", "--year", "2025", "--description", "Acquired the Kaohsiung depot");
        add1.Exit.ShouldBe(ExitCodes.Ok, add1.Err);
        var add2 = await ws.RunDb("baseyear", "change", "add", "--org", org, "--kind", "organic-growth", "--impact", "5", "--year", "2025", "--description", "New customers");
        add2.Exit.ShouldBe(ExitCodes.Ok, add2.Err);

        // Base year: 27,000 kWh × 0.474 / 1,000 = 12.798 t (Scope 2 location-based) + 200 L diesel × 2.6145... kg/L / 1,000
        // = 0.5229155776 t (Scope 1) → 13.3209155776 t.
        var baseYear = 27_000m * Grid2024 / 1000m + 200m * DieselKgCo2ePerLitre / 1000m;

        // When checked with the acquisition alone (organic growth excluded by rule)
        var below = await ws.RunDb("baseyear", "check", "--org", org, "--json");

        // Then 0.5 / 13.3209155776 × 100 = 3.7535… % < 5 %: no recalculation
        below.Exit.ShouldBe(ExitCodes.Ok, below.Err);
        using (var doc = below.Json())
        {
            var root = doc.RootElement;
            Math.Abs(root.GetProperty("baseYearTonnes").GetDecimal() - baseYear).ShouldBeLessThan(1e-9m);
            root.GetProperty("cumulativeImpactTonnes").GetDecimal().ShouldBe(0.5m);
            Math.Abs(root.GetProperty("cumulativePercent").GetDecimal() - 0.5m / baseYear * 100m).ShouldBeLessThan(1e-9m);
            root.GetProperty("thresholdPercent").GetDecimal().ShouldBe(5m);
            root.GetProperty("recalculationRequired").GetBoolean().ShouldBeFalse();
            root.GetProperty("changes").GetArrayLength().ShouldBe(2);
        }

        // When a divestment of −0.2 t is added (a negative impact, parsed as a value, not an option)
        var add3 = await ws.RunDb("baseyear", "change", "add", "--org", org, "--kind", "divestment", "--impact", "-0.2", "--year", "2026", "--description", "Sold the Taichung shop");
        add3.Exit.ShouldBe(ExitCodes.Ok, add3.Err);
        var above = await ws.RunDb("baseyear", "check", "--org", org);

        // Then (|0.5| + |−0.2|) / 13.3209155776 × 100 = 5.2549… % ≥ 5 %: the human output says recalculate
        above.Exit.ShouldBe(ExitCodes.Ok, above.Err);
        var percent = (0.5m + 0.2m) / baseYear * 100m;
        above.Out.ShouldContain(percent.ToString("0.00", CultureInfo.InvariantCulture) + " %");
        above.Out.ShouldContain("recalculation required");
        above.Out.ShouldContain("13.321");

        // and the report carries the base-year emissions and the same verdict
        var path = Path.Combine(ws.Folder, "report.json");
        var report = await ws.RunDb("report", "--org", org, "--format", "json", "--lang", "en", "--out", path, "--json");
        report.Exit.ShouldBe(ExitCodes.Ok, report.Err);
        using var written = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(path));
        var section = written.RootElement.GetProperty("baseYear");
        Math.Abs(section.GetProperty("emissionsTonnes").GetDecimal() - baseYear).ShouldBeLessThan(1e-9m);
        section.GetProperty("recalculation").GetProperty("recalculationRequired").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task BaseyearCheck_NoBaseYearInventory_FailsWithOneLine()
    {
        // Given an organization with base year 2024 but only an inventory for 2025
        using var ws = new CliWorkspace();
        (await ws.RunDb("db", "init")).Exit.ShouldBe(ExitCodes.Ok);
        var created = await ws.RunDb("org", "create", "--name", "Late Co.", "--base-year", "2024", "--json");
        using var doc = created.Json();
        var org = doc.RootElement.GetProperty("id").GetGuid().ToString();
        (await ws.RunDb("inventory", "create", "--org", org, "--name", "FY2025", "--year", "2025")).Exit.ShouldBe(ExitCodes.Ok);

        // When
        var run = await ws.RunDb("baseyear", "check", "--org", org);

        // Then
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.Single().ShouldBe("error: no inventory for base year 2024");
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
