namespace CarbonLedger.Cli.Tests.Inventory;

/// <summary>Tests that set process-wide environment variables run alone, never beside another test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "process environment";
}

[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentDefaultsTests
{
    [Fact]
    public async Task DbInit_WithoutDbOption_UsesCarbonLedgerDbVariable()
    {
        // Given
        using var ws = new CliWorkspace();
        var before = Environment.GetEnvironmentVariable("CARBONLEDGER_DB");
        Environment.SetEnvironmentVariable("CARBONLEDGER_DB", ws.DbPath);
        try
        {
            // When
            var init = await CliWorkspace.Run("db", "init");
            var status = await CliWorkspace.Run("db", "status", "--json");

            // Then
            init.Exit.ShouldBe(ExitCodes.Ok, init.Err);
            File.Exists(ws.DbPath).ShouldBeTrue();
            using var doc = status.Json();
            doc.RootElement.GetProperty("database").GetString().ShouldBe(ws.DbPath);
        }
        finally
        {
            Environment.SetEnvironmentVariable("CARBONLEDGER_DB", before);
        }
    }
}
