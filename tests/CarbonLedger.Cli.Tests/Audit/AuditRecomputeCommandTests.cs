using CarbonLedger.Cli.Tests.Inventory;

namespace CarbonLedger.Cli.Tests.Audit;

/// <summary><c>carbonledger audit recompute</c> (SPEC §2 / seed 002 肆: "given a published table (quantity, factor,
/// reported result) the system recomputes every row and flags rows that differ").</summary>
public sealed class AuditRecomputeCommandTests
{
    // Rows worked by hand (Taiwan grid 2024: 0.474 kg CO2e/kWh, shared/data/tw_electricity_emission_factors.csv):
    // row 2: 16,243 kWh × 0.474 = 7,699.182 kg = 7.699182 t, printed 7.699 → −0.000182, within ±0.0005: ok
    // row 3: the same printed 7.70 → +0.000818, within ±0.005: ok
    // row 4: 3,400 L = 3.4 kL × 2,606 kg/kL = 8,860.4 kg = 8.8604 t, printed 8.860 → −0.0004, within ±0.0005: ok
    // row 5: the same 16,243 kWh printed 7.800 → +0.100818 > 0.0005: differs
    private const string Table = """
        label,quantity,unit,factor,factor_unit,reported,reported_unit
        Taipei office electricity,"16,243",kWh,0.474,kgCO2e/kWh,7.699,tCO2e
        Taipei office electricity (2 dp),16243,kWh,0.474,kgCO2e/kWh,7.70,t
        Generator diesel,3400,L,2606,kgCO2e/kL,8.860,t
        Taichung warehouse electricity,16243,kWh,0.474,kgCO2e/kWh,7.800,t

        """;

    [Fact]
    public async Task AuditRecompute_OneRowOff_PrintsEveryRowFlagsItWithTheDifferenceAndExitsOne()
    {
        // Given
        using var ws = new CliWorkspace();
        var path = ws.Write("published-2024.csv", Table);

        // When
        var run = await CliWorkspace.Run("audit", "recompute", path);

        // Then all four rows are shown, one differs, by +0.100818 t
        run.Exit.ShouldBe(ExitCodes.Failed, run.Err);
        foreach (var label in new[] { "Taipei office electricity", "Generator diesel", "Taichung warehouse electricity" })
        {
            run.Out.ShouldContain(label);
        }
        run.Out.ShouldContain("4 rows recomputed, 1 differ");
        run.Out.ShouldContain("row 5 (Taichung warehouse electricity): reported 7.800 t, recomputed 7.699182, difference +0.100818");
        run.Out.ShouldContain("DIFFERS");
    }

    [Fact]
    public async Task AuditRecompute_Json_EveryRowWithRecomputedValueAndDifference()
    {
        // Given
        using var ws = new CliWorkspace();
        var path = ws.Write("published-2024.csv", Table);

        // When
        var run = await CliWorkspace.Run("audit", "recompute", path, "--json");

        // Then (values from the hand-worked rows above)
        run.Exit.ShouldBe(ExitCodes.Failed, run.Err);
        using var doc = run.Json();
        doc.RootElement.GetProperty("rows").GetInt32().ShouldBe(4);
        doc.RootElement.GetProperty("differing").GetInt32().ShouldBe(1);
        var rows = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("row").GetInt32()).ShouldBe([2, 3, 4, 5]);
        rows.Select(r => r.GetProperty("recomputed").GetDecimal()).ShouldBe([7.699182m, 7.699182m, 8.8604m, 7.699182m]);
        rows.Select(r => r.GetProperty("difference").GetDecimal()).ShouldBe([-0.000182m, 0.000818m, -0.0004m, 0.100818m]);
        rows.Select(r => r.GetProperty("tolerance").GetDecimal()).ShouldBe([0.0005m, 0.005m, 0.0005m, 0.0005m]);
        rows.Select(r => r.GetProperty("differs").GetBoolean()).ShouldBe([false, false, false, true]);
    }

    [Fact]
    public async Task AuditRecompute_ToleranceCoversTheDifference_ExitsZero()
    {
        // Given the same table and a tolerance of 0.2 t (> 0.100818)
        using var ws = new CliWorkspace();
        var path = ws.Write("published-2024.csv", Table);

        // When
        var run = await CliWorkspace.Run("audit", "recompute", path, "--tolerance", "0.2");

        // Then
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        run.Out.ShouldContain("4 rows recomputed, 0 differ");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-0.1")]
    public async Task AuditRecompute_BadTolerance_ExitsTwo(string tolerance)
    {
        // Given
        using var ws = new CliWorkspace();
        var path = ws.Write("published-2024.csv", Table);

        // When
        var run = await CliWorkspace.Run("audit", "recompute", path, "--tolerance", tolerance);

        // Then
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.ErrorLines.Single().ShouldBe($"error: --tolerance: '{tolerance}' is not a non-negative number (e.g. 0.01)");
    }

    [Fact]
    public async Task AuditRecompute_BadCellAndMissingFile_ExitOneWithLocatedProblems()
    {
        // Given a table whose row 2 has an unreadable quantity, and a path to nothing
        using var ws = new CliWorkspace();
        var path = ws.Write("bad.csv", """
            label,quantity,unit,factor,factor_unit,reported,reported_unit
            Taipei office electricity,lots,kWh,0.474,kgCO2e/kWh,7.699,t

            """);

        // When
        var bad = await CliWorkspace.Run("audit", "recompute", path);
        var missing = await CliWorkspace.Run("audit", "recompute", Path.Combine(ws.Folder, "nope.csv"));

        // Then one line per problem as file::row:column, and the missing file named
        bad.Exit.ShouldBe(ExitCodes.Failed);
        bad.ErrorLines.Single().ShouldStartWith("error: bad.csv::2:quantity: ");
        missing.Exit.ShouldBe(ExitCodes.Failed);
        missing.ErrorLines.Single().ShouldBe($"error: {Path.Combine(ws.Folder, "nope.csv")}: file not found");
    }
}
