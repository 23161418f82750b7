using MiniExcelLibs;

namespace CarbonLedger.Cli.Tests.Inventory;

public sealed class FactorsCommandTests
{
    [Fact]
    public async Task FactorsShow_TwGrid2024_PrintsPointFourSevenFour()
    {
        // Given: Taiwan's 2024 grid factor is 0.474 kg CO2e/kWh (shared/data/tw_electricity_emission_factors.csv,
        // MOEA Energy Administration 113年度電力排碳係數, marked UNVERIFIED/secondary there)

        // When
        var human = await CliWorkspace.Run("factors", "show", "tw-grid", "--year", "2024");
        var json = await CliWorkspace.Run("factors", "show", "tw-grid", "--year", "2024", "--json");

        // Then
        human.Exit.ShouldBe(ExitCodes.Ok, human.Err);
        human.Out.ShouldContain("0.474");
        human.Out.ShouldContain("UNVERIFIED");
        json.Exit.ShouldBe(ExitCodes.Ok, json.Err);
        using var doc = json.Json();
        var version = doc.RootElement.GetProperty("versions").EnumerateArray().ShouldHaveSingleItem();
        version.GetProperty("year").GetInt32().ShouldBe(2024);
        version.GetProperty("perUnit").GetString().ShouldBe("kWh");
        var gas = version.GetProperty("gases").EnumerateArray().ShouldHaveSingleItem();
        gas.GetProperty("gas").GetString().ShouldBe("CO2e");
        gas.GetProperty("value").GetDecimal().ShouldBe(0.474m);
    }

    [Fact]
    public async Task FactorsShow_YearNotYetPublished_FallsBackToLatestWithANote()
    {
        // Given: the shipped series ends in 2024 (shared/data/tw_electricity_emission_factors.csv)

        // When
        var run = await CliWorkspace.Run("factors", "show", "tw-grid", "--year", "2025", "--json");

        // Then: FactorLibrary's rule — the latest earlier year (2024, 0.474) with a note
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        doc.RootElement.GetProperty("note").GetString()!.ShouldContain("2024");
        doc.RootElement.GetProperty("versions")[0].GetProperty("gases")[0].GetProperty("value").GetDecimal().ShouldBe(0.474m);
    }

    [Fact]
    public async Task FactorsShow_UnknownKey_ExitsOneWithOneLine()
    {
        // When
        var run = await CliWorkspace.Run("factors", "show", "no/such/factor");

        // Then
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("no/such/factor");
    }

    [Fact]
    public async Task FactorsList_SetTwGrid_ListsOneKeyWithEveryYear()
    {
        // When
        var run = await CliWorkspace.Run("factors", "list", "--set", "tw-grid", "--json");

        // Then: one key, tw-grid, for each year 2005-2024 = 20 years (shared/data, "current official" series)
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var factor = doc.RootElement.GetProperty("factors").EnumerateArray().ShouldHaveSingleItem();
        factor.GetProperty("key").GetString().ShouldBe("tw-grid");
        factor.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ShouldBe(Enumerable.Range(2005, 20));
    }

    [Fact]
    public async Task FactorsList_SearchDiesel_FindsTheMoenvStationaryAlias()
    {
        // When
        var run = await CliWorkspace.Run("factors", "list", "--search", "diesel", "--json");

        // Then
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var keys = doc.RootElement.GetProperty("factors").EnumerateArray().Select(f => f.GetProperty("key").GetString()).ToList();
        keys.ShouldContain("moenv604/stationary/diesel");
        keys.ShouldAllBe(k => k!.Contains("diesel", StringComparison.OrdinalIgnoreCase) || k.Contains("柴油", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GwpShow_Ar5Blend_IsComputedFromComponents()
    {
        // When
        var run = await CliWorkspace.Run("gwp", "show", "--set", "AR5", "R-410A", "--json");

        // Then: R-410A = 50 % HFC-32 + 50 % HFC-125 (IPCC 2006 Vol.3 Table 7.8); AR5 GWPs 677 and 3170
        // (shared/data/gwp100_ipcc_ar4_ar5_ar6.csv) → 0.5 × 677 + 0.5 × 3170 = 1923.5
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        doc.RootElement.GetProperty("gwp").GetDecimal().ShouldBe(0.5m * 677m + 0.5m * 3170m);
        doc.RootElement.GetProperty("components").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task GwpShow_WholeSet_ListsMethaneAndBlends()
    {
        // When
        var run = await CliWorkspace.Run("gwp", "show", "--set", "AR6", "--json");

        // Then: AR6 CH4 = 27.9 (shared/data/gwp100_ipcc_ar4_ar5_ar6.csv)
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        doc.RootElement.GetProperty("gases").GetProperty("CH4").GetDecimal().ShouldBe(27.9m);
        doc.RootElement.GetProperty("blends").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task TemplateWrite_CsvAndXlsx_WritesEveryTemplate()
    {
        // Given
        using var ws = new CliWorkspace();
        var dir = Path.Combine(ws.Folder, "templates");

        // When
        var csv = await CliWorkspace.Run("template", "write", "--kind", "all", "--format", "csv", "--out", dir);
        var xlsx = await CliWorkspace.Run("template", "write", "--kind", "all", "--format", "xlsx", "--out", dir);
        var one = await CliWorkspace.Run("template", "write", "--kind", "activity", "--format", "csv", "--out", Path.Combine(ws.Folder, "one"));

        // Then: the four templates (facilities, sources, activity, factors) plus the README sheet in the workbook
        csv.Exit.ShouldBe(ExitCodes.Ok, csv.Err);
        xlsx.Exit.ShouldBe(ExitCodes.Ok, xlsx.Err);
        one.Exit.ShouldBe(ExitCodes.Ok, one.Err);
        foreach (var name in new[] { "facilities", "sources", "activity", "factors" })
        {
            File.Exists(Path.Combine(dir, name + ".csv")).ShouldBeTrue(name);
        }
        MiniExcel.GetSheetNames(Path.Combine(dir, "inventory-templates.xlsx")).Order(StringComparer.Ordinal)
            .ShouldBe(["README", "activity", "facilities", "factors", "sources"]);
        Directory.GetFiles(Path.Combine(ws.Folder, "one")).Select(Path.GetFileName).ShouldBe(["activity.csv"]);
        // UTF-8 with a byte-order mark (EF BB BF) so Excel shows zh-TW text, then the template's header
        var activity = Path.Combine(ws.Folder, "one", "activity.csv");
        File.ReadAllBytes(activity)[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        File.ReadLines(activity).First().ShouldStartWith("source_code,period_start,period_end,quantity,unit");
    }
}
