namespace CarbonLedger.Cli.Tests.Inventory;

public sealed class UsageAndFailureTests
{
    [Theory]
    [InlineData("calculate", "--bogus")]
    [InlineData("org", "create", "--name", "X", "--base-year", "2024", "--consolidation", "weird")]
    [InlineData("org", "create", "--name", "X")]
    [InlineData("import", "--org", "x")]
    [InlineData("inventory", "create", "--org", "x", "--name", "FY", "--gwp", "AR9", "--year", "2024")]
    [InlineData("report", "--org", "x", "--out", "r.docx", "--format", "docx")]
    [InlineData("db")]
    [InlineData("db", "status", "--provider", "oracle")]
    public async Task Run_ParserRejectsArguments_ExitsTwo(params string[] args)
    {
        // When
        var run = await CliWorkspace.Run(args);

        // Then
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.Err.ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("--from", "2024-13-01", "--to", "2024-12-31")]
    [InlineData("--year", "2024", "--from", "2024-01-01", "--to", "2024-12-31")]
    [InlineData("--from", "2024-12-31", "--to", "2024-01-01")]
    [InlineData("--from", "2024-01-01")]
    public async Task InventoryCreate_BadPeriod_ExitsTwoWithOneLineNamingTheOption(params string[] period)
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();

        // When
        var run = await ws.RunDb(["inventory", "create", "--org", org.ToString(), "--name", "other", .. period]);

        // Then
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.ErrorLines.ShouldHaveSingleItem().ShouldMatch("^error: --(year|from|to): ");
    }

    [Fact]
    public async Task Postgres_WithAFilePath_ExitsTwoAskingForAConnectionString()
    {
        // When
        var run = await CliWorkspace.Run("db", "status", "--provider", "postgres", "--db", "some.db");

        // Then
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("error: --db: ");
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("Nobody Ltd")]
    public async Task Calculate_UnknownOrganization_ExitsOneWithOneLine(string org)
    {
        // Given
        using var ws = new CliWorkspace();
        await ws.CreateOrganizationWithInventoryAsync();

        // When
        var run = await ws.RunDb("calculate", "--org", org, "--json");

        // Then: nothing on stdout, one line on stderr naming the option and the organization
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.Out.ShouldBeEmpty();
        var line = run.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith("error: --org: unknown organization");
        line.ShouldContain(org);
    }

    [Fact]
    public async Task OrgList_DatabaseMissing_ExitsOneWithoutCreatingIt()
    {
        // Given
        using var ws = new CliWorkspace();

        // When
        var run = await ws.RunDb("org", "list");

        // Then
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("db init");
        File.Exists(ws.DbPath).ShouldBeFalse();
    }

    [Fact]
    public async Task OrgCreate_DuplicateName_ExitsOne()
    {
        // Given
        using var ws = new CliWorkspace();
        await ws.CreateOrganizationWithInventoryAsync();

        // When
        var run = await ws.RunDb("org", "create", "--name", "Formosa Trading", "--base-year", "2024");

        // Then
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.ShouldHaveSingleItem().ShouldContain("already exists");
    }
}
