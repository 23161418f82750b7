using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using CarbonLedger.Cli.Tests.Inventory;

namespace CarbonLedger.Cli.Tests.Planning;

/// <summary><c>carbonledger plan …</c> and <c>carbonledger target …</c> in-process (issue 5): seed 003's sample through
/// classify and check, save/approve versions on a temporary database, the Word document, and a target whose base value
/// is the CLI sample inventory's Scope 1 + market-based Scope 2.</summary>
public sealed class PlanCommandTests
{
    // Taiwan grid 2024: 0.474 kg CO2e/kWh (shared/data/tw_electricity_emission_factors.csv, year 2024).
    private const decimal Grid2024 = 0.474m;

    // MOENV 6.0.4(修) 柴油 stationary kg/L (shared/data/tw_moenv_v604_fuel_emission_factors.csv); AR5 CH4 28, N2O 265
    // (shared/data/gwp100_ipcc_ar4_ar5_ar6.csv) — as in IcpLedgerCommandTests.
    private static readonly decimal DieselKgCo2ePerLitre =
        decimal.Parse("2.6060317920000005", CultureInfo.InvariantCulture)
        + (decimal.Parse("1.0550736000000003E-4", NumberStyles.Float, CultureInfo.InvariantCulture) * 28m)
        + (decimal.Parse("2.1101471999999998E-5", NumberStyles.Float, CultureInfo.InvariantCulture) * 265m);

    private static async Task<string> SampleFileAsync(CliWorkspace ws, string lang = "zh-TW")
    {
        var path = Path.Combine(ws.Folder, "plan.json");
        var sample = await CliWorkspace.Run("plan", "sample", "--lang", lang, "--out", path);
        sample.Exit.ShouldBe(ExitCodes.Ok, sample.Err);
        return path;
    }

    [Fact]
    public async Task Classify_SeedSample_Aligned45Transitioning45NotApplicable10()
    {
        // Given the sample plan written by `plan sample`
        using var ws = new CliWorkspace();
        var path = await SampleFileAsync(ws);

        // When its activities are classified
        var run = await CliWorkspace.Run("plan", "classify", path, "--json");

        // Then seed 003 樣本 一: A 30 % + D 15 % = 45 % aligned, B 25 % + C 20 % = 45 % transitioning, E 10 % not applicable
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var shares = doc.RootElement.GetProperty("shares");
        shares.GetProperty("aligned").GetDecimal().ShouldBe(0.30m + 0.15m);
        shares.GetProperty("transitioning").GetDecimal().ShouldBe(0.25m + 0.20m);
        shares.GetProperty("notApplicable").GetDecimal().ShouldBe(0.10m);
        shares.GetProperty("notAligned").GetDecimal().ShouldBe(0m);
    }

    [Fact]
    public async Task Classify_CsvSharesSumTo90Percent_FailsNamingTheFileAndField()
    {
        // Given a CSV whose shares are 50 % + 40 % = 90 %, and one with a condition that is neither met nor not met
        using var ws = new CliWorkspace();
        var ninety = ws.Write("ninety.csv", """
            name,revenue_share,type,substantial_contribution,no_significant_harm,social_safeguards,has_transition_plan
            A,50%,general,met,met,met,no
            B,40%,not-applicable,,,,

            """);
        var typo = ws.Write("typo.csv", """
            name,revenue_share,type,substantial_contribution,no_significant_harm,social_safeguards,has_transition_plan
            A,100%,general,met,maybe,met,no

            """);

        // When each is classified
        var sum = await CliWorkspace.Run("plan", "classify", ninety);
        var bad = await CliWorkspace.Run("plan", "classify", typo);

        // Then both fail (exit 1): the first names the file, activities.revenueShare and 90 %; the second the row and column
        sum.Exit.ShouldBe(ExitCodes.Failed);
        sum.ErrorLines.ShouldContain(l => l.Contains("ninety.csv", StringComparison.Ordinal) && l.Contains("activities.revenueShare", StringComparison.Ordinal) && l.Contains("90 %", StringComparison.Ordinal));
        bad.Exit.ShouldBe(ExitCodes.Failed);
        bad.ErrorLines.ShouldContain(l => l.StartsWith("error: typo.csv::2:no_significant_harm", StringComparison.Ordinal) && l.Contains("'maybe'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_SeedSample_ListsTheBlanksAndExitsNonZero()
    {
        // Given the sample plan as printed (blanks ____ and ○ left empty)
        using var ws = new CliWorkspace();
        var path = await SampleFileAsync(ws);

        // When it is checked
        var run = await CliWorkspace.Run("plan", "check", path, "--json");

        // Then exit 1 and the blanks are named: adoption date (○年○月○日), ambition year (_____年), approval date, the
        // short-term capex (_____萬元)
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Err.ShouldContain("gaps against the FSC recommended items");
        using var doc = run.Json();
        doc.RootElement.GetProperty("isComplete").GetBoolean().ShouldBeFalse();
        var fields = doc.RootElement.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("field").GetString()).ToList();
        fields.ShouldContain("adoptedOn");
        fields.ShouldContain("ambition.targetYear");
        fields.ShouldContain("governance.approvalDate");
        fields.ShouldContain("financing[0].annualCapex");
    }

    [Fact]
    public async Task SaveAndApprove_TempDatabase_VersionsRoundTripAndOnlyLatestApproved()
    {
        // Given an organization on a temporary database and the sample plan
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        var path = await SampleFileAsync(ws);

        // When it is saved, saved again unchanged, then with an adoption date as the next version
        var v1 = await ws.RunDb("plan", "save", path, "--org", org, "--json");
        v1.Exit.ShouldBe(ExitCodes.Ok, v1.Err);
        string planId;
        using (var doc = v1.Json()) { planId = doc.RootElement.GetProperty("planId").GetString()!; doc.RootElement.GetProperty("version").GetInt32().ShouldBe(1); }
        var same = await ws.RunDb("plan", "save", path, "--org", org, "--plan", planId, "--json");
        var node = JsonNode.Parse(await File.ReadAllTextAsync(path))!.AsObject();
        node["adoptedOn"] = "2025-02-20";
        await File.WriteAllTextAsync(path, node.ToJsonString());
        var v2 = await ws.RunDb("plan", "save", path, "--org", org, "--plan", planId, "--note", "adoption date", "--json");

        // Then versions 1, 1 (unchanged, nothing saved) and 2
        using (var doc = same.Json()) { doc.RootElement.GetProperty("version").GetInt32().ShouldBe(1); }
        using (var doc = v2.Json()) { doc.RootElement.GetProperty("version").GetInt32().ShouldBe(2); }

        // When version 1 is approved, then version 2
        var old = await ws.RunDb("plan", "approve", planId, "--org", org, "--version", "1", "--body", "董事會", "--date", "2025-02-27", "--resolution", "董事過半數同意");
        var approve = await ws.RunDb("plan", "approve", planId, "--org", org, "--version", "2", "--body", "董事會", "--date", "2025-02-27", "--resolution", "董事過半數同意");
        var show = await ws.RunDb("plan", "show", planId, "--org", org, "--json");

        // Then version 1 is refused naming the version and the latest (2); version 2 reads back approved with its date
        old.Exit.ShouldBe(ExitCodes.Failed);
        old.ErrorLines.ShouldContain(l => l.StartsWith("error: field 'version': only the latest version (2)", StringComparison.Ordinal));
        approve.Exit.ShouldBe(ExitCodes.Ok, approve.Err);
        show.Exit.ShouldBe(ExitCodes.Ok, show.Err);
        using var shown = show.Json();
        shown.RootElement.GetProperty("version").GetInt32().ShouldBe(2);
        shown.RootElement.GetProperty("approval").GetProperty("approvalDate").GetString().ShouldBe("2025-02-27");
        shown.RootElement.GetProperty("plan").GetProperty("adoptedOn").GetString().ShouldBe("2025-02-20");
    }

    [Fact]
    public async Task Document_SamplePlanDocx_WritesAWordZip()
    {
        // Given the sample plan in English
        using var ws = new CliWorkspace();
        var path = await SampleFileAsync(ws, "en");
        var output = Path.Combine(ws.Folder, "plan.docx");

        // When its document is written as Word
        var run = await CliWorkspace.Run("plan", "document", path, "--format", "docx", "--lang", "en", "--out", output);

        // Then the file is a zip (PK) with word/document.xml
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        var bytes = await File.ReadAllBytesAsync(output);
        Encoding.ASCII.GetString(bytes, 0, 2).ShouldBe("PK");
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        zip.GetEntry("word/document.xml").ShouldNotBeNull();
    }

    [Fact]
    public async Task TargetCreate_SampleInventory_BaseIsScope1PlusMarketScope2AndBadYearNamed()
    {
        // Given the CLI sample inventory FY2024: Taipei 10,000 + 12,000 kWh, Taichung 5,000 kWh, a 200 L diesel generator;
        // no RECs, and no residual mix for Taiwan, so market-based Scope 2 uses the grid factor (Scope 2 Guidance 6.11.2)
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        var import = await ws.RunDb(["import", "--org", org, .. ws.WriteSampleFiles()]);
        import.Exit.ShouldBe(ExitCodes.Ok, import.Err);
        // Scope 1 = 200 × 2.6119… / 1,000 ≈ 0.5229 t; Scope 2 = 27,000 × 0.474 / 1,000 = 12.798 t
        var expected = (200m * DieselKgCo2ePerLitre / 1000m) + (27_000m * Grid2024 / 1000m);

        // When an SBTi 1.5 °C target 2024 → 2030 is created, and one whose target year precedes its base year
        var created = await ws.RunDb("target", "create", "--org", org, "--name", "SBTi 1.5C", "--scopes", "1,2", "--base-year", "2024", "--target-year", "2030",
            "--method", "sbti-1.5c", "--json");
        var backwards = await ws.RunDb("target", "create", "--org", org, "--name", "backwards", "--base-year", "2024", "--target-year", "2020", "--method", "linear",
            "--reduction", "30%");
        var criteria = await ws.RunDb("target", "criteria", "SBTi 1.5C", "--org", org, "--submission-year", "2025", "--json");

        // Then the base is Scope 1 + Scope 2 (market), reduced 4.2 %/yr × 6 = 25.2 % by 2030; the backwards one names
        // targetYear; horizon 2030 − 2025 = 5 years passes SBTi's 5-10
        created.Exit.ShouldBe(ExitCodes.Ok, created.Err);
        using (var doc = created.Json())
        {
            var target = doc.RootElement.GetProperty("target");
            target.GetProperty("baseYearEmissions").GetDecimal().ShouldBe(expected, 0.0000005m);
            target.GetProperty("reduction").GetDecimal().ShouldBe(0.042m * 6);
            doc.RootElement.GetProperty("pathway").EnumerateArray().Last().GetProperty("value").GetDecimal().ShouldBe(expected * (1m - 0.252m), 0.000001m);
        }
        backwards.Exit.ShouldBe(ExitCodes.Failed);
        backwards.ErrorLines.ShouldContain(l => l.StartsWith("error: field 'targetYear':", StringComparison.Ordinal));
        criteria.Exit.ShouldBe(ExitCodes.Ok, criteria.Err);
        using var c = criteria.Json();
        c.RootElement.EnumerateArray().Single(r => r.GetProperty("code").GetString() == "horizon").GetProperty("passed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task TargetCreate_Scope2OptionInAnyCase_LocationBasisAndBadValueIsUsage()
    {
        // Given the CLI sample inventory (no RECs: location- and market-based Scope 2 are both 27,000 × 0.474 / 1,000 t)
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        (await ws.RunDb(["import", "--org", org, .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);

        // When a target is created with "--scope2 Location" (capitalised) and another with "--scope2 residual"
        var created = await ws.RunDb("target", "create", "--org", org, "--name", "loc", "--base-year", "2024", "--target-year", "2030",
            "--scope2", "Location", "--json");
        var bad = await ws.RunDb("target", "create", "--org", org, "--name", "bad", "--base-year", "2024", "--target-year", "2030", "--scope2", "residual");

        // Then the first counts location-based Scope 2 (options are case-insensitive like --kind), the second is bad usage
        created.Exit.ShouldBe(ExitCodes.Ok, created.Err);
        using (var doc = created.Json())
        {
            doc.RootElement.GetProperty("target").GetProperty("scope2Basis").GetString()!.ShouldBe("locationBased", StringCompareShould.IgnoreCase);
        }
        bad.Exit.ShouldBe(ExitCodes.BadUsage);
        bad.Err.ShouldContain("--scope2: 'residual' is not market or location");
    }

    [Fact]
    public async Task TargetSetYear_OffsetsAfterRecs_KeepsTheRecordedRecs()
    {
        // Given a target on the CLI sample inventory with 200 RECs recorded for 2025
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        (await ws.RunDb(["import", "--org", org, .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);
        (await ws.RunDb("target", "create", "--org", org, "--name", "SBTi 1.5C", "--base-year", "2024", "--target-year", "2030")).Exit.ShouldBe(ExitCodes.Ok);
        (await ws.RunDb("target", "set-year", "SBTi 1.5C", "--org", org, "--year", "2025", "--recs", "200")).Exit.ShouldBe(ExitCodes.Ok);

        // When only the 2025 offsets are recorded afterwards
        var run = await ws.RunDb("target", "set-year", "SBTi 1.5C", "--org", org, "--year", "2025", "--offsets", "50", "--json");

        // Then 2025 holds both: the 200 RECs given first and the 50 t of credits given now
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var year = doc.RootElement.GetProperty("yearData").EnumerateArray().Single();
        year.GetProperty("year").GetInt32().ShouldBe(2025);
        year.GetProperty("recCertificates").GetInt32().ShouldBe(200);
        year.GetProperty("offsetTonnes").GetDecimal().ShouldBe(50m);
    }
}
