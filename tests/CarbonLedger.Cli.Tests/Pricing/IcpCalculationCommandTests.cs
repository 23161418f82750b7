using System.Text.Json;
using CarbonLedger.Cli.Tests.Inventory;

namespace CarbonLedger.Cli.Tests.Pricing;

/// <summary><c>carbonledger icp appraise|programme|macc</c>: seed 004's cases on the command line, stress tests, reports and bad input.</summary>
public sealed class IcpCalculationCommandTests
{
    // Seed 004 case 1 exactly as the issue asks it to be typed.
    private static readonly string[] SeedCase1 =
    [
        "icp", "appraise", "--name", "chiller", "--capex", "1000000", "--energy-saved", "16243", "--unit", "kWh", "--tariff", "4.1177", "--escalation", "0.05",
        "--years", "5", "--first-year", "2026", "--grid-factor", "0.474", "--price", "1500", "--discount", "0.05",
    ];

    [Fact]
    public async Task Appraise_SeedCase1_Json_ReproducesTheSeedFigures()
    {
        // Given seed 004 case 1 (SPEC §5)
        // When appraised on the command line with --json
        var run = await CliWorkspace.Run([.. SeedCase1, "--json"]);

        // Then it succeeds
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var a = doc.RootElement.GetProperty("appraisal");
        var years = a.GetProperty("years").EnumerateArray().ToList();
        years.Count.ShouldBe(6, "year 0 carries the capex, years 1-5 the savings");
        // abatement per year = 16,243 kWh × 0.474 kg/kWh / 1,000 = 7.699182 t (seed: 7.7)
        years[1].GetProperty("abatementTonnes").GetDecimal().ShouldBe(7.699182m);
        // carbon value = 7.699182 × 1,500 = 11,548.773 → NTD 11,549 rounded (seed: NTD 11,549/yr)
        var value = years[1].GetProperty("carbonValue").GetDecimal();
        value.ShouldBe(11_548.773m);
        Math.Round(value, 0, MidpointRounding.AwayFromZero).ShouldBe(11_549m);
        // five-year saving = 16,243 × 4.1177 × (1 + 1.05 + 1.05² + 1.05³ + 1.05⁴) = 66,883.8011 × 5.52563125 = 369,575.2215…
        var geometric = 1m + 1.05m + (1.05m * 1.05m) + (1.05m * 1.05m * 1.05m) + (1.05m * 1.05m * 1.05m * 1.05m);
        var saving = a.GetProperty("totalEnergyCostSaving").GetDecimal();
        Math.Abs(saving - (16_243m * 4.1177m * geometric)).ShouldBeLessThan(0.000001m);
        // The seed prints NTD 369,578: the tariff it implies is 369,578 / (16,243 × 5.52563125) = 4.117731 NTD/kWh, which
        // SPEC §5 rounds to 4.1177; the 2.78 NTD (0.0008 %) gap is that rounding, not the rule.
        Math.Abs(saving - 369_578m).ShouldBeLessThan(3m);
        // NPV without ICP: escalation = discount rate, so each year's saving discounts to 66,883.8011 / 1.05 →
        // 5 × 63,698.8582 − 1,000,000 = −681,505.709…
        Math.Abs(a.GetProperty("npvWithoutCarbon").GetDecimal() - ((5m * 16_243m * 4.1177m / 1.05m) - 1_000_000m)).ShouldBeLessThan(0.000001m);
        // 5 × 7.699182 = 38.49591 t over the horizon
        a.GetProperty("totalAbatementTonnes").GetDecimal().ShouldBe(5m * 7.699182m);
    }

    [Fact]
    public async Task Appraise_SeedCase1_HumanOutput_ShowsYearlyTableAndResults()
    {
        // Given / When seed 004 case 1 without --json
        var run = await CliWorkspace.Run(SeedCase1);

        // Then the table prints the seed's rounded figures: 7.699 t and NTD 11,549 a year, 369,575 over five years
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        run.Out.ShouldContain("7.699");
        run.Out.ShouldContain("11,549");
        run.Out.ShouldContain("369,575");
        run.Out.ShouldContain("NPV");
        run.Out.ShouldContain("IRR");
        run.Out.ShouldContain("discounted payback");
    }

    [Fact]
    public async Task Appraise_StressAndTariffPaths_GivesEveryCombinationAndWritesReport()
    {
        // Given seed 004 case 1 with SPEC §5's price list, three tariff paths and a report file
        using var ws = new CliWorkspace();
        var report = Path.Combine(ws.Folder, "chiller.html");

        // When appraised
        var run = await CliWorkspace.Run([.. SeedCase1, "--stress", "300,1200,1500,1800,3000", "--tariff-paths", "0,0.03,0.05", "--report", report, "--json"]);

        // Then 5 prices × 3 paths = 15 cases
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var cases = doc.RootElement.GetProperty("stress").EnumerateArray().ToList();
        cases.Count.ShouldBe(15);
        // annuity(5, 5 %) = Σ 1/1.05^t, t = 1…5
        var annuity = Enumerable.Range(1, 5).Sum(t => 1m / Pow(1.05m, t));
        var flat3000 = cases.Single(c => c.GetProperty("carbonPrice").GetDecimal() == 3000m && c.GetProperty("tariffEscalation").GetDecimal() == 0m);
        // NPV = (66,883.8011 + 7.699182 × 3,000) × 4.3294767 − 1,000,000 = −610,491.87…
        Math.Abs(flat3000.GetProperty("npvWithCarbon").GetDecimal() - (((16_243m * 4.1177m) + (7.699182m * 3000m)) * annuity - 1_000_000m)).ShouldBeLessThan(0.001m);
        flat3000.GetProperty("paysOff").GetBoolean().ShouldBeFalse();
        // and the report carries the yearly carbon value
        File.ReadAllText(report).ShouldContain("11,549");
    }

    [Fact]
    public async Task Appraise_NegativeHorizonAndMassUnit_Exit1NamingEachField()
    {
        // Given a horizon of −5 years and energy "saved" in kg
        // When appraised
        var run = await CliWorkspace.Run("icp", "appraise", "--name", "bad", "--capex", "1000", "--years", "-5", "--energy-saved", "100", "--unit", "kg",
            "--tariff", "4", "--price", "1500", "--discount", "0.05");

        // Then exit 1 with one stderr line per bad field, naming the field and its option
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.ShouldContain(l => l.StartsWith("error: horizonYears (--years):", StringComparison.Ordinal) && l.Contains("-5", StringComparison.Ordinal));
        run.ErrorLines.ShouldContain(l => l.StartsWith("error: energyUnit (--unit):", StringComparison.Ordinal));
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public async Task Appraise_YearWithoutGridFactor_Exit1NamingTheYear()
    {
        // Given a project in 1990, before Taipower's series starts (2005, shared/data/tw_electricity_emission_factors.csv)
        // When appraised with the library's factor
        var run = await CliWorkspace.Run("icp", "appraise", "--name", "old", "--capex", "1000", "--years", "3", "--first-year", "1990", "--energy-saved", "100",
            "--tariff", "4", "--price", "1500", "--discount", "0.05");

        // Then exit 1 naming the grid factor and the year
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Err.ShouldContain("gridFactor");
        run.Err.ShouldContain("1990");
    }

    [Fact]
    public async Task Appraise_NotANumber_Exit2NamingTheOption()
    {
        // Given / When a capex with a comma decimal
        var run = await CliWorkspace.Run("icp", "appraise", "--name", "x", "--capex", "1,5x", "--years", "5");

        // Then bad usage naming --capex
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.Err.ShouldContain("--capex");
    }

    [Fact]
    public async Task Appraise_FromJsonSpecWithOverride_UsesTheFileAndTheOption()
    {
        // Given seed 004 case 1 as a JSON spec, with --price overriding the file's 1,500
        using var ws = new CliWorkspace();
        var spec = ws.Write("chiller.json", """
            { "name": "chiller", "capex": 1000000, "horizonYears": 5, "firstYear": 2026, "energySaved": 16243, "energyUnit": "kWh",
              "tariffPerKwh": 4.1177, "tariffEscalation": 0.05, "gridFactorKgPerKwh": 0.474, "carbonPricePerTonne": 1500, "discountRate": 0.05 }
            """);

        // When appraised at NTD 300
        var run = await CliWorkspace.Run("icp", "appraise", "--spec", spec, "--price", "300", "--json");

        // Then the carbon value is 7.699182 × 300 = 2,309.7546 a year
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        doc.RootElement.GetProperty("appraisal").GetProperty("years")[1].GetProperty("carbonValue").GetDecimal().ShouldBe(7.699182m * 300m);
    }

    [Fact]
    public async Task Programme_SeedCase2_ComputesTheTableByItsRule()
    {
        // Given seed 004 case 2: 64,000 kWh in 2024 growing by 64,000 a year to 448,000 in 2030, 0.474 kg/kWh, NTD 1,500/t
        // When evaluated
        var run = await CliWorkspace.Run("icp", "programme", "--from", "2024", "--to", "2030", "--start-kwh", "64000", "--step-kwh", "64000",
            "--grid-factor", "0.474", "--price", "1500", "--json");

        // Then each year's abatement = kWh × 0.474 / 1,000 and value = abatement × 1,500, e.g. 2024: 30.336 t, NTD 45,504;
        // 2030: 448,000 × 0.474 / 1,000 = 212.352 t, NTD 318,528. The seed prints 30.4 t / 45,600 for 2024, 60.5 / 90,720 for
        // 2025 and 212.3 / 318,480 for 2030: its tonnes are rounded inconsistently (30.336 up to 30.4, 212.352 down to 212.3)
        // and its values are the rounded tonnes × 1,500, so they differ from the rule by up to NTD 96.
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var years = doc.RootElement.GetProperty("years").EnumerateArray().ToList();
        years.Count.ShouldBe(7);
        for (var i = 0; i < 7; i++)
        {
            var kwh = 64_000m * (i + 1);
            years[i].GetProperty("year").GetInt32().ShouldBe(2024 + i);
            years[i].GetProperty("energyKwh").GetDecimal().ShouldBe(kwh);
            years[i].GetProperty("abatementTonnes").GetDecimal().ShouldBe(kwh * 0.474m / 1000m);
            years[i].GetProperty("value").GetDecimal().ShouldBe(kwh * 0.474m / 1000m * 1500m);
        }
        years[0].GetProperty("abatementTonnes").GetDecimal().ShouldBe(30.336m);
        years[6].GetProperty("value").GetDecimal().ShouldBe(318_528m);
        // cumulative 2024-2030 = 64,000 × (1 + … + 7) × 0.474 / 1,000 = 1,792,000 × 0.000474 = 849.408 t
        years[6].GetProperty("cumulativeAbatementTonnes").GetDecimal().ShouldBe(849.408m);
    }

    [Fact]
    public async Task Macc_CsvOfProjects_OrdersByCostAndSaysWhichPayOff()
    {
        // Given two projects: the seed's chiller (abatement cost 681,505.71 / 38.49591 = 17,703.33 per t) and an LED retrofit
        // with the same savings stream but capex 100,000 (NPV w/o ICP = 5 × 63,698.8582 − 100,000 = 218,494.29 > 0, so a
        // negative cost: −218,494.29 / 38.49591 = −5,675.78 per t)
        using var ws = new CliWorkspace();
        var csv = ws.Write("projects.csv", """
            name,capex,horizonYears,firstYear,energySaved,energyUnit,tariffPerKwh,tariffEscalation,gridFactorKgPerKwh,carbonPricePerTonne,discountRate
            chiller,1000000,5,2026,16243,kWh,4.1177,0.05,0.474,1500,0.05
            LED,100000,5,2026,16243,kWh,4.1177,0.05,0.474,1500,0.05

            """);
        var report = Path.Combine(ws.Folder, "macc.html");

        // When the curve is built and read at NTD 1,500
        var run = await CliWorkspace.Run("icp", "macc", csv, "--price", "1500", "--report", report, "--json");

        // Then LED comes first and pays off, the chiller second and does not; the report has the curve chart
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using var doc = run.Json();
        var segments = doc.RootElement.GetProperty("segments").EnumerateArray().ToList();
        segments.Select(s => s.GetProperty("project").GetString()).ShouldBe(["LED", "chiller"]);
        var npvLed = (5m * 16_243m * 4.1177m / 1.05m) - 100_000m;
        Math.Abs(segments[0].GetProperty("costPerTonne").GetDecimal() - (-npvLed / (5m * 7.699182m))).ShouldBeLessThan(0.000001m);
        segments[0].GetProperty("paysOff").GetBoolean().ShouldBeTrue();
        segments[1].GetProperty("paysOff").GetBoolean().ShouldBeFalse();
        segments[1].GetProperty("cumulativeEndTonnes").GetDecimal().ShouldBe(2m * 5m * 7.699182m);
        File.ReadAllText(report).ShouldContain("<svg");
    }

    [Fact]
    public async Task Macc_CsvWithBadCell_Exit1NamingRowAndColumn()
    {
        // Given a capex that is not a number on row 2
        using var ws = new CliWorkspace();
        var csv = ws.Write("projects.csv", "name,capex,horizonYears\nchiller,lots,5\n");

        // When / Then exit 1 naming file, row and column
        var run = await CliWorkspace.Run("icp", "macc", csv);
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Err.ShouldContain("projects.csv::2:capex");
    }

    private static decimal Pow(decimal x, int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++) { r *= x; }
        return r;
    }
}
