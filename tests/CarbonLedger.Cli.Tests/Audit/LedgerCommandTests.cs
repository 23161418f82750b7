using CarbonLedger.Cli.Tests.Inventory;
using Microsoft.Data.Sqlite;

namespace CarbonLedger.Cli.Tests.Audit;

/// <summary><c>carbonledger ledger verify|list</c> (SPEC §2: "A verify command … recompute[s] the chain and name[s] the
/// first entry that was altered").</summary>
public sealed class LedgerCommandTests
{
    // Ledger of the sample: `inventory create` FY2024 (#1), then the import in file order — 1 legal entity (#2),
    // 2 facilities (#3, #4), 3 sources (#5–#7), 4 activity rows (#8–#11: bill H1, bill H2, bill 2024, fuel log).
    private const int SampleEntries = 11;
    private const int BillH1Entry = 8;

    private static async Task<string> SampleAsync(CliWorkspace ws)
    {
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        var import = await ws.RunDb(["import", "--org", org, .. ws.WriteSampleFiles()]);
        import.Exit.ShouldBe(ExitCodes.Ok, import.Err);
        return org;
    }

    private static async Task<int> ExecuteAsync(CliWorkspace ws, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={ws.DbPath};Pooling=False");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task LedgerVerify_UntouchedSample_PrintsOkWithTheCount()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await SampleAsync(ws);

        // When
        var run = await ws.RunDb("ledger", "verify", "--org", org);

        // Then
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        run.Out.ShouldContain($"OK: Formosa Trading: {SampleEntries} entries verified");
    }

    [Fact]
    public async Task LedgerVerify_ActivityQuantityChangedInTheSqliteFile_ExitsOneNamingTheEntryThatRecordedIt()
    {
        // Given the sample, and the Taipei H1 bill (10,000 kWh) changed to 1,000 kWh directly in the SQLite file
        using var ws = new CliWorkspace();
        var org = await SampleAsync(ws);
        var list = await ws.RunDb("ledger", "list", "--org", org, "--kind", "activity", "--json");
        using var entries = list.Json();
        var recorded = entries.RootElement.GetProperty("entries").EnumerateArray()
            .Single(e => e.GetProperty("content").GetString()!.Contains("\"evidence\":\"bill H1\"", StringComparison.Ordinal));
        recorded.GetProperty("sequence").GetInt64().ShouldBe(BillH1Entry);
        var activityId = recorded.GetProperty("entityId").GetString()!;
        (await ExecuteAsync(ws, "UPDATE activities SET \"Quantity\" = '1000.0' WHERE \"Evidence\" = 'bill H1'")).ShouldBe(1);

        // When
        var run = await ws.RunDb("ledger", "verify", "--org", org);
        var json = await ws.RunDb("ledger", "verify", "--org", org, "--json");

        // Then exit 1; the output names entry #8, why, and the activity; every entry of the chain itself still checks
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Out.ShouldContain($"ALTERED: Formosa Trading: entry #{BillH1Entry} (data differs)");
        run.Out.ShouldContain(activityId);
        run.Out.ShouldContain($"the chain's {SampleEntries} entries verified; the stored data no longer matches it");
        json.Exit.ShouldBe(ExitCodes.Failed);
        using var doc = json.Json();
        doc.RootElement.GetProperty("valid").GetBoolean().ShouldBeFalse();
        doc.RootElement.GetProperty("firstAlteredSequence").GetInt64().ShouldBe(BillH1Entry);
        doc.RootElement.GetProperty("fault").GetString().ShouldBe("DataDiffers");
        doc.RootElement.GetProperty("entry").GetProperty("entityId").GetString().ShouldBe(activityId);
    }

    [Fact]
    public async Task LedgerVerify_LedgerEntryContentEdited_ExitsOneNamingThatEntry()
    {
        // Given the sample, and ledger entry #9's recorded quantity rewritten in the SQLite file
        using var ws = new CliWorkspace();
        var org = await SampleAsync(ws);
        (await ExecuteAsync(ws, "UPDATE ledger_entries SET \"Content\" = replace(\"Content\", '\"quantity\":\"12000\"', '\"quantity\":\"1200\"') WHERE \"Sequence\" = 9"))
            .ShouldBe(1);

        // When
        var run = await ws.RunDb("ledger", "verify", "--org", org);

        // Then the chain stops at #9: its content no longer hashes to its content hash; #1–#8 checked
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Out.ShouldContain("ALTERED: Formosa Trading: entry #9 (content altered)");
        run.Out.ShouldContain("8 entries before it verified");
    }

    [Fact]
    public async Task LedgerVerify_LedgerEntryDeleted_ExitsOneWithTheGap()
    {
        // Given the sample with entry #4 deleted
        using var ws = new CliWorkspace();
        var org = await SampleAsync(ws);
        (await ExecuteAsync(ws, "DELETE FROM ledger_entries WHERE \"Sequence\" = 4")).ShouldBe(1);

        // When
        var run = await ws.RunDb("ledger", "verify", "--org", org, "--json");

        // Then #5 follows #3
        run.Exit.ShouldBe(ExitCodes.Failed);
        using var doc = run.Json();
        doc.RootElement.GetProperty("fault").GetString().ShouldBe("SequenceGap");
        doc.RootElement.GetProperty("firstAlteredSequence").GetInt64().ShouldBe(5);
        doc.RootElement.GetProperty("entriesChecked").GetInt64().ShouldBe(3);
    }

    [Fact]
    public async Task LedgerList_AfterAndTake_PagesInSequenceOrder()
    {
        // Given the 11-entry sample
        using var ws = new CliWorkspace();
        var org = await SampleAsync(ws);

        // When the page after #8 of two entries is asked, as JSON and for people
        var json = await ws.RunDb("ledger", "list", "--org", org, "--after", "8", "--take", "2", "--json");
        var human = await ws.RunDb("ledger", "list", "--org", org, "--take", "3");

        // Then entries #9 and #10, each linked to the one before it; the human page says where to continue
        json.Exit.ShouldBe(ExitCodes.Ok, json.Err);
        using var doc = json.Json();
        doc.RootElement.GetProperty("head").GetInt64().ShouldBe(SampleEntries);
        var page = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
        page.Select(e => e.GetProperty("sequence").GetInt64()).ShouldBe([9L, 10L]);
        page[1].GetProperty("previousHash").GetString().ShouldBe(page[0].GetProperty("hash").GetString());
        page.ShouldAllBe(e => e.GetProperty("action").GetString() == "create" && e.GetProperty("entityKind").GetString() == "activity");
        human.Exit.ShouldBe(ExitCodes.Ok, human.Err);
        human.Out.ShouldContain("ledger #1–#3 of 11");
        human.Out.ShouldContain("more: --after 3");
    }

    [Theory]
    [InlineData("--take", "0")]
    [InlineData("--take", "1001")]
    [InlineData("--after", "-1")]
    public async Task LedgerList_OutOfRangePaging_ExitsTwo(string option, string value)
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await SampleAsync(ws);

        // When
        var run = await ws.RunDb("ledger", "list", "--org", org, option, value);

        // Then
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.ErrorLines.Single().ShouldStartWith($"error: {option}:");
    }
}
