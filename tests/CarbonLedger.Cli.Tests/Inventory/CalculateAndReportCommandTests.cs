using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;

namespace CarbonLedger.Cli.Tests.Inventory;

public sealed class CalculateAndReportCommandTests
{
    // Taiwan grid factor 2024: 0.474 kg CO2e/kWh (shared/data/tw_electricity_emission_factors.csv, year 2024).
    private const decimal Grid2024 = 0.474m;

    // MOENV 6.0.4(修) 柴油 stationary (shared/data/tw_moenv_v604_fuel_emission_factors.csv), kg per L, as published.
    private static readonly decimal DieselCo2 = Dec("2.6060317920000005");
    private static readonly decimal DieselCh4 = Dec("1.0550736000000003E-4");
    private static readonly decimal DieselN2o = Dec("2.1101471999999998E-5");

    // AR5 GWP-100 (shared/data/gwp100_ipcc_ar4_ar5_ar6.csv): CH4 28, N2O 265.
    private const decimal Ch4Ar5 = 28m;
    private const decimal N2oAr5 = 265m;

    [Fact]
    public async Task Calculate_ImportedSample_Json_ReportsScopesIsoCategoriesAndGasGroupsFromTheRules()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        (await ws.RunDb(["import", "--org", org.ToString(), .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);

        // When
        var run = await ws.RunDb("calculate", "--org", org.ToString(), "--inventory", "FY2024", "--json");

        // Then
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var root = doc.RootElement;
        // Scope 2 location-based: (10,000 + 12,000 + 5,000) kWh × 0.474 kg/kWh / 1,000 = 12.798 t.
        var scope2 = 27_000m * Grid2024 / 1000m;
        root.GetProperty("scope2").GetProperty("locationBased").GetDecimal().ShouldBe(scope2);
        // No instruments and no residual mix: the grid average applies to all of it (Scope 2 Guidance 6.11.2) → same 12.798 t.
        root.GetProperty("scope2").GetProperty("marketBased").GetDecimal().ShouldBe(scope2);
        // Scope 1: 200 L × (2.606031792 + 0.00010550736 × 28 + 0.000021101472 × 265) kg/L / 1,000 = 0.5229155776 t.
        var co2 = 200m * DieselCo2 / 1000m;
        var ch4 = 200m * DieselCh4 * Ch4Ar5 / 1000m;
        var n2o = 200m * DieselN2o * N2oAr5 / 1000m;
        var location = root.GetProperty("locationBased");
        Close(location.GetProperty("byScope").GetProperty("Scope1").GetDecimal(), co2 + ch4 + n2o);
        Close(location.GetProperty("total").GetDecimal(), co2 + ch4 + n2o + scope2);
        var iso = location.GetProperty("byIsoCategory").EnumerateArray().ToDictionary(e => e.GetProperty("category").GetInt32(), e => e.GetProperty("tonnes").GetDecimal());
        iso.Keys.Order().ShouldBe([1, 2]);
        Close(iso[1], co2 + ch4 + n2o);
        iso[2].ShouldBe(scope2);
        // Gas groups: grid CO2e is counted in the CO2 group (MOENV form), so CO2 = 0.5212063584 + 12.798 t.
        var gases = location.GetProperty("byGasGroup");
        Close(gases.GetProperty("CO2").GetDecimal(), co2 + scope2);
        Close(gases.GetProperty("CH4").GetDecimal(), ch4);
        Close(gases.GetProperty("N2O").GetDecimal(), n2o);
        root.GetProperty("isComplete").GetBoolean().ShouldBeTrue();
        root.GetProperty("problems").GetArrayLength().ShouldBe(0);
        root.GetProperty("inventory").GetProperty("gwpSet").GetString().ShouldBe("AR5");
    }

    [Fact]
    public async Task Calculate_InventoryWithResidualMix_MarketBasedUsesItForUncoveredElectricity()
    {
        // Given: an inventory with a residual mix of 0.52 kg/kWh and no instruments
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        (await ws.RunDb("inventory", "create", "--org", org.ToString(), "--name", "FY2024-RM", "--year", "2024",
            "--residual-mix", "0.52", "--residual-mix-source", "test supplier disclosure")).Exit.ShouldBe(ExitCodes.Ok);
        (await ws.RunDb(["import", "--org", org.ToString(), "--inventory", "FY2024-RM", .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);

        // When
        var run = await ws.RunDb("calculate", "--org", org.ToString(), "--inventory", "FY2024-RM", "--json");

        // Then: location-based 27,000 × 0.474 / 1,000 = 12.798 t; market-based 27,000 × 0.52 / 1,000 = 14.04 t
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        doc.RootElement.GetProperty("scope2").GetProperty("locationBased").GetDecimal().ShouldBe(27_000m * Grid2024 / 1000m);
        doc.RootElement.GetProperty("scope2").GetProperty("marketBased").GetDecimal().ShouldBe(27_000m * 0.52m / 1000m);
    }

    [Fact]
    public async Task Calculate_Human_PrintsBothScope2MethodsAndTheNote()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        (await ws.RunDb(["import", "--org", org.ToString(), .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);

        // When
        var run = await ws.RunDb("calculate", "--org", "Formosa Trading");

        // Then: the organization found by name, the latest inventory by default; 12.798 t formatted with three decimals
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        run.Out.ShouldContain("location-based");
        run.Out.ShouldContain("market-based");
        run.Out.ShouldContain("12.798");
        run.Out.ShouldContain("residual-mix");
    }

    [Theory]
    [InlineData("html", "zh-TW")]
    [InlineData("json", "en")]
    [InlineData("csv", "en")]
    [InlineData("xlsx", "zh-TW")]
    public async Task Report_EachFormat_WritesAReadableFile(string format, string lang)
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        (await ws.RunDb(["import", "--org", org.ToString(), .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);
        var path = Path.Combine(ws.Folder, "out", "report." + format);

        // When
        var run = await ws.RunDb("report", "--org", org.ToString(), "--inventory", "FY2024", "--format", format, "--lang", lang, "--out", path, "--json");

        // Then
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        File.Exists(path).ShouldBeTrue();
        using (var summary = run.Json())
        {
            summary.RootElement.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(path).Length);
            summary.RootElement.GetProperty("language").GetString().ShouldBe(lang == "en" ? "en" : "zh-TW");
        }
        switch (format)
        {
            case "html":
                var html = await File.ReadAllTextAsync(path);
                html.ShouldContain("<html", Case.Insensitive);
                html.ShouldContain("Formosa Trading");
                break;
            case "json":
                using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(path)))
                {
                    report.RootElement.ValueKind.ShouldBe(JsonValueKind.Object);
                }
                break;
            case "csv":
                // the CSV report is the line table: one row per emission line, named by the imported source codes
                var csv = await File.ReadAllTextAsync(path);
                csv.ShouldContain("TPE-ELEC");
                csv.ShouldContain("TXG-GEN");
                break;
            default:
                MiniExcel.GetSheetNames(path).ShouldNotBeEmpty();
                MiniExcel.Query(path).ShouldNotBeEmpty();
                break;
        }
    }

    [Fact]
    public async Task Report_PdfFromOutExtension_WritesAPdfWithPages()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        (await ws.RunDb(["import", "--org", org.ToString(), .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);
        var path = Path.Combine(ws.Folder, "out", "report.pdf");

        // When: no --format, so the format comes from ".pdf"
        var run = await ws.RunDb("report", "--org", org.ToString(), "--inventory", "FY2024", "--lang", "zh-TW", "--out", path, "--json");

        // Then: a PDF file ("%PDF-" … "%%EOF", ISO 32000-1 7.5.2/7.5.5) with a page tree, of the size the summary reports
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        var bytes = await File.ReadAllBytesAsync(path);
        System.Text.Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        System.Text.Encoding.ASCII.GetString(bytes).TrimEnd().ShouldEndWith("%%EOF");
        System.Text.Encoding.ASCII.GetString(bytes).ShouldContain("/Type /Pages");
        using var summary = run.Json();
        summary.RootElement.GetProperty("bytes").GetInt64().ShouldBe(bytes.LongLength);
        summary.RootElement.GetProperty("format").ToString().ShouldBe("Pdf");
    }

    [Fact]
    public async Task Report_UnknownInventory_ExitsOneWithOneLine()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();

        // When
        var run = await ws.RunDb("report", "--org", org.ToString(), "--inventory", "FY1999", "--out", Path.Combine(ws.Folder, "r.html"));

        // Then
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("FY1999");
        File.Exists(Path.Combine(ws.Folder, "r.html")).ShouldBeFalse();
    }

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    // A milligram in tonnes: the rule's arithmetic and the calculator's may round the 28th decimal differently.
    private static void Close(decimal actual, decimal expected) => Math.Abs(actual - expected).ShouldBeLessThan(1e-9m, $"{actual} vs {expected}");
}
