using CarbonLedger.Cli.Tests.Inventory;

namespace CarbonLedger.Cli.Tests.Pricing;

/// <summary><c>carbonledger icp policy|fund|trading|project|implicit|exposure</c> on the CLI sample inventory (FY2024):
/// Admin has Taipei's 22,000 kWh, Logistics Taichung's 5,000 kWh and the 200 L diesel generator.</summary>
public sealed class IcpLedgerCommandTests
{
    // Taiwan grid 2024: 0.474 kg CO2e/kWh (shared/data/tw_electricity_emission_factors.csv, year 2024).
    private const decimal Grid2024 = 0.474m;

    // MOENV 6.0.4(修) 柴油 stationary kg/L (shared/data/tw_moenv_v604_fuel_emission_factors.csv); AR5 CH4 28, N2O 265
    // (shared/data/gwp100_ipcc_ar4_ar5_ar6.csv) — as in BaseYearCommandTests.
    private static readonly decimal DieselKgCo2ePerLitre =
        decimal.Parse("2.6060317920000005", System.Globalization.CultureInfo.InvariantCulture)
        + (decimal.Parse("1.0550736000000003E-4", System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) * 28m)
        + (decimal.Parse("2.1101471999999998E-5", System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) * 265m);

    // Admin: (10,000 + 12,000) kWh × 0.474 / 1,000 = 10.428 t (Scope 2 location-based)
    private static readonly decimal Admin = 22_000m * Grid2024 / 1000m;

    // Logistics: 5,000 × 0.474 / 1,000 = 2.37 t + 200 L diesel = 0.5229… t
    private static readonly decimal Logistics = (5_000m * Grid2024 / 1000m) + (200m * DieselKgCo2ePerLitre / 1000m);

    private static async Task<(CliWorkspace Ws, string Org)> SampleAsync()
    {
        var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        var import = await ws.RunDb(["import", "--org", org, .. ws.WriteSampleFiles()]);
        import.Exit.ShouldBe(ExitCodes.Ok, import.Err);
        return (ws, org);
    }

    [Fact]
    public async Task FundCharge_ByDepartment_ChargesEachItsEmissionsAndSpendIsCheckedAgainstTheBalance()
    {
        // Given the sample inventory
        var (ws, org) = await SampleAsync();
        using var _ = ws;

        // When charged NTD 300/t by department
        var charge = await ws.RunDb("icp", "fund", "charge", "--org", org, "--inventory", "FY2024", "--price", "300", "--by", "department", "--date", "2025-02-01", "--json");

        // Then Admin pays 10.428 × 300 = 3,128.4 → 3,128 and Logistics 2.8929… × 300 = 867.87… → 868 (whole NTD, away from zero)
        charge.Exit.ShouldBe(ExitCodes.Ok, charge.Err);
        using (var doc = charge.Json())
        {
            var charged = doc.RootElement.GetProperty("charged").EnumerateArray().ToDictionary(e => e.GetProperty("counterparty").GetString()!, e => e.GetProperty("amount").GetDecimal());
            charged["Admin"].ShouldBe(Math.Round(Admin * 300m, 0, MidpointRounding.AwayFromZero));
            charged["Admin"].ShouldBe(3_128m);
            charged["Logistics"].ShouldBe(Math.Round(Logistics * 300m, 0, MidpointRounding.AwayFromZero));
            charged["Logistics"].ShouldBe(868m);
            doc.RootElement.GetProperty("balance").GetDecimal().ShouldBe(3_996m);
        }

        // When 5,000 is spent (more than the 3,996 held), then 1,000
        var tooMuch = await ws.RunDb("icp", "fund", "spend", "--org", org, "--project", "chiller", "--amount", "5000");
        var spend = await ws.RunDb("icp", "fund", "spend", "--org", org, "--project", "chiller", "--amount", "1000", "--date", "2025-02-15");
        var show = await ws.RunDb("icp", "fund", "show", "--org", org, "--json");

        // Then the first is refused with the shortfall 5,000 − 3,996 = 1,004, the second leaves 2,996
        tooMuch.Exit.ShouldBe(ExitCodes.Failed);
        tooMuch.Err.ShouldContain("1,004");
        spend.Exit.ShouldBe(ExitCodes.Ok, spend.Err);
        using var ledger = show.Json();
        ledger.RootElement.GetProperty("entries").GetArrayLength().ShouldBe(3);
        ledger.RootElement.GetProperty("balance").GetDecimal().ShouldBe(2_996m);
    }

    [Fact]
    public async Task FundCharge_ByFacility_ChargesFacilityCodes()
    {
        // Given the sample inventory
        var (ws, org) = await SampleAsync();
        using var _ = ws;

        // When charged NTD 1,500/t by facility
        var charge = await ws.RunDb("icp", "fund", "charge", "--org", org, "--price", "1500", "--by", "facility", "--json");

        // Then TPE pays 10.428 × 1,500 = 15,642 and TXG 2.8929… × 1,500 = 4,339.37… → 4,339
        charge.Exit.ShouldBe(ExitCodes.Ok, charge.Err);
        using var doc = charge.Json();
        var charged = doc.RootElement.GetProperty("charged").EnumerateArray().ToDictionary(e => e.GetProperty("counterparty").GetString()!, e => e.GetProperty("amount").GetDecimal());
        charged["TPE"].ShouldBe(15_642m);
        charged["TXG"].ShouldBe(Math.Round(Logistics * 1500m, 0, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public async Task TradingPositions_AfterAllocationAndTransfer_ShowCompliance()
    {
        // Given allowances Admin 10 t, Logistics 5 t for 2024, and Admin selling 1 t to Logistics at NTD 1,500
        var (ws, org) = await SampleAsync();
        using var _ = ws;
        (await ws.RunDb("icp", "trading", "allocate", "--org", org, "--year", "2024", "--unit", "Admin", "--tonnes", "10")).Exit.ShouldBe(ExitCodes.Ok);
        (await ws.RunDb("icp", "trading", "allocate", "--org", org, "--year", "2024", "--unit", "Logistics", "--tonnes", "5")).Exit.ShouldBe(ExitCodes.Ok);
        var transfer = await ws.RunDb("icp", "trading", "transfer", "--org", org, "--year", "2024", "--from", "Admin", "--to", "Logistics", "--tonnes", "1", "--price", "1500");
        transfer.Exit.ShouldBe(ExitCodes.Ok, transfer.Err);
        // and an oversell: Admin holds 9 t now, cannot sell 20
        var oversell = await ws.RunDb("icp", "trading", "transfer", "--org", org, "--year", "2024", "--from", "Admin", "--to", "Logistics", "--tonnes", "20", "--price", "1500");

        // When the positions are shown against FY2024
        var positions = await ws.RunDb("icp", "trading", "positions", "--org", org, "--year", "2024", "--json");

        // Then the oversell was refused; Admin holds 10 − 1 = 9 t < 10.428 t (short 1.428, received 1,500); Logistics 5 + 1 = 6 ≥ 2.8929…
        oversell.Exit.ShouldBe(ExitCodes.Failed);
        oversell.Err.ShouldContain("cannot sell 20");
        positions.Exit.ShouldBe(ExitCodes.Ok, positions.Err);
        using var doc = positions.Json();
        var p = doc.RootElement.GetProperty("positions").EnumerateArray().ToDictionary(e => e.GetProperty("unit").GetString()!);
        p["Admin"].GetProperty("held").GetDecimal().ShouldBe(9m);
        p["Admin"].GetProperty("surplusTonnes").GetDecimal().ShouldBe(9m - Admin);
        p["Admin"].GetProperty("compliant").GetBoolean().ShouldBeFalse();
        p["Admin"].GetProperty("cashFlow").GetDecimal().ShouldBe(1_500m);
        p["Logistics"].GetProperty("held").GetDecimal().ShouldBe(6m);
        // (lines are stored at 12 decimals, EmissionLine.TonneDecimals, so compare to 1e-9 t)
        Math.Abs(p["Logistics"].GetProperty("emissions").GetDecimal() - Logistics).ShouldBeLessThan(1e-9m);
        p["Logistics"].GetProperty("compliant").GetBoolean().ShouldBeTrue();
        p["Logistics"].GetProperty("cashFlow").GetDecimal().ShouldBe(-1_500m);
    }

    [Fact]
    public async Task PolicyAndExposure_ShadowPrice_PricesCoveredScopesAndStatesTheCarbonFeeRule()
    {
        // Given a shadow price of NTD 1,500 from 2024-01-01 over scopes 1 and 2, raised to 1,800 from 2025-01-01
        var (ws, org) = await SampleAsync();
        using var _ = ws;
        var create = await ws.RunDb("icp", "policy", "create", "--org", org, "--name", "Shadow price", "--type", "shadow-price", "--price", "1500", "--from", "2024-01-01", "--scopes", "1,2");
        create.Exit.ShouldBe(ExitCodes.Ok, create.Err);
        var raise = await ws.RunDb("icp", "policy", "price", "--org", org, "--policy", "Shadow price", "--price", "1800", "--from", "2025-01-01", "--reason", "annual review");
        raise.Exit.ShouldBe(ExitCodes.Ok, raise.Err);
        var list = await ws.RunDb("icp", "policy", "list", "--org", org, "--json");
        using (var policies = list.Json())
        {
            policies.RootElement.GetProperty("policies")[0].GetProperty("prices").GetArrayLength().ShouldBe(2);
            // next review = latest change 2025-01-01 + 12 months
            policies.RootElement.GetProperty("policies")[0].GetProperty("nextReview").GetString().ShouldBe("2026-01-01");
        }

        // When the FY2024 exposure is asked at an extra NTD 3,000
        var run = await ws.RunDb("icp", "exposure", "--org", org, "--inventory", "FY2024", "--price", "3000", "--json");

        // Then covered = 10.428 + 2.8929… = 13.3209… t; the policy's price on the inventory's last day (2024-12-31) is 1,500;
        // the carbon fee at 300 flat, the user's 3,000, and 碳費收費辦法's fee: (13.32 − 25,000) < 0 → 0 t chargeable, NTD 0
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var covered = Admin + Logistics;
        var lines = doc.RootElement.GetProperty("lines").EnumerateArray().ToList();
        lines.Select(l => l.GetProperty("price").GetDecimal()).ShouldBe([1500m, 300m, 3000m]);
        // (lines are stored at 12 decimals, EmissionLine.TonneDecimals, so compare to 1e-9 t and 1e-6 NTD)
        lines.ShouldAllBe(l => Math.Abs(l.GetProperty("coveredTonnes").GetDecimal() - covered) < 1e-9m);
        Math.Abs(lines[0].GetProperty("cost").GetDecimal() - (covered * 1500m)).ShouldBeLessThan(1e-6m);
        Math.Abs(lines[1].GetProperty("cost").GetDecimal() - (covered * 300m)).ShouldBeLessThan(1e-6m);
        var fee = doc.RootElement.GetProperty("taiwanCarbonFee");
        fee.GetProperty("kTonnes").GetDecimal().ShouldBe(25_000m);
        fee.GetProperty("chargeableTonnes").GetDecimal().ShouldBe(0m);
        fee.GetProperty("amount").GetDecimal().ShouldBe(0m);
        fee.GetProperty("rule").GetString()!.ShouldContain("25,000");
    }

    [Fact]
    public async Task Implicit_ProjectsWithOutcomes_DividesCostByRealisedAbatement()
    {
        // Given two stored projects with outcomes: chiller 980,000 for 38.2 t, LED 120,000 for 10 t
        var (ws, org) = await SampleAsync();
        using var _ = ws;
        foreach (var (name, capex) in new[] { ("chiller", "1000000"), ("LED", "100000") })
        {
            var save = await ws.RunDb("icp", "project", "save", "--org", org, "--name", name, "--capex", capex, "--years", "5", "--first-year", "2026", "--energy-saved", "16243",
                "--tariff", "4.1177", "--escalation", "0.05", "--grid-factor", "0.474", "--price", "1500", "--discount", "0.05");
            save.Exit.ShouldBe(ExitCodes.Ok, save.Err);
        }
        (await ws.RunDb("icp", "project", "outcome", "--org", org, "--project", "chiller", "--cost", "980000", "--abatement", "38.2")).Exit.ShouldBe(ExitCodes.Ok);
        (await ws.RunDb("icp", "project", "outcome", "--org", org, "--project", "LED", "--cost", "120000", "--abatement", "10")).Exit.ShouldBe(ExitCodes.Ok);

        // When the implicit price is asked
        var run = await ws.RunDb("icp", "implicit", "--org", org, "--json");

        // Then chiller 980,000 / 38.2 = 25,654.45…, LED 12,000 per t; overall (980,000 + 120,000) / 48.2 = 22,821.57…
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var projects = doc.RootElement.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("project").GetString()!, p => p.GetProperty("pricePerTonne").GetDecimal());
        projects["chiller"].ShouldBe(980_000m / 38.2m);
        projects["LED"].ShouldBe(12_000m);
        doc.RootElement.GetProperty("overall").GetDecimal().ShouldBe(1_100_000m / 48.2m);
    }

    [Fact]
    public async Task Implicit_NoOutcomes_Exit1()
    {
        // Given an organization without completed projects / When / Then exit 1 saying what to record
        var (ws, org) = await SampleAsync();
        using var _ = ws;
        var run = await ws.RunDb("icp", "implicit", "--org", org);
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Err.ShouldContain("icp project outcome");
    }
}

/// <summary><c>icp programme --org</c>: the programme's effect on the inventory's Scope 2 market-based emissions.</summary>
public sealed class IcpProgrammeScope2Tests
{
    [Fact]
    public async Task Programme_WithOrganization_LowersScope2MarketBasedByTheAbatement()
    {
        // Given the CLI sample inventory and its Scope 2 market-based total as `calculate` reports it
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        (await ws.RunDb(["import", "--org", org, .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);
        var calc = await ws.RunDb("calculate", "--org", org, "--json");
        decimal baseline;
        using (var doc = calc.Json()) { baseline = doc.RootElement.GetProperty("scope2").GetProperty("marketBased").GetDecimal(); }
        baseline.ShouldBeGreaterThan(0m);

        // When 10,000 kWh of green power a year is bought in 2025-2026 at 0.474 kg/kWh
        var run = await ws.RunDb("icp", "programme", "--org", org, "--from", "2025", "--to", "2026", "--start-kwh", "10000", "--grid-factor", "0.474", "--price", "1500", "--json");

        // Then each year starts from the baseline (held flat) and ends 10,000 × 0.474 / 1,000 = 4.74 t lower (renewable
        // electricity with certificates counts 0 kg/kWh, GHG Protocol Scope 2 Guidance §6)
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var result = run.Json();
        foreach (var year in result.RootElement.GetProperty("years").EnumerateArray())
        {
            year.GetProperty("scope2MarketBasedBeforeTonnes").GetDecimal().ShouldBe(baseline);
            year.GetProperty("scope2MarketBasedAfterTonnes").GetDecimal().ShouldBe(Math.Max(0m, baseline - 4.74m));
        }
    }

    [Fact]
    public async Task Appraise_ReportPdfAndXlsx_WritesBothFiles()
    {
        // Given seed 004 case 1 and two report paths
        using var ws = new CliWorkspace();
        foreach (var name in new[] { "chiller.pdf", "chiller.xlsx" })
        {
            var path = Path.Combine(ws.Folder, name);

            // When appraised with --report
            var run = await CliWorkspace.Run("icp", "appraise", "--name", "chiller", "--capex", "1000000", "--energy-saved", "16243", "--tariff", "4.1177", "--escalation", "0.05",
                "--years", "5", "--first-year", "2026", "--grid-factor", "0.474", "--price", "1500", "--discount", "0.05", "--report", path, "--lang", "en");

            // Then the file has its format's signature: "%PDF-" (ISO 32000-1 7.5.2) or a zip package's "PK" (ECMA-376)
            run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
            var head = System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(path)[..5]);
            head.ShouldStartWith(name.EndsWith(".pdf", StringComparison.Ordinal) ? "%PDF-" : "PK");
        }
    }
}
