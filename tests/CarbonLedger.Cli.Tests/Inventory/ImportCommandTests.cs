using MiniExcelLibs;

namespace CarbonLedger.Cli.Tests.Inventory;

public sealed class ImportCommandTests
{
    [Fact]
    public async Task Import_FileWithBadRows_ExitsOnePrintsEveryProblemWithRowAndColumnStoresNothing()
    {
        // Given: good facilities and sources, and an activity file with six planted defects in four rows
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        var facilities = ws.Write("facilities.csv", CliWorkspace.SampleFacilities);
        var sources = ws.Write("sources.csv", CliWorkspace.SampleSources);
        var activity = ws.Write("activity.csv", """
            source_code,period_start,period_end,quantity,unit,data_quality,evidence,uncertainty_percent,note
            TPE-ELEC,2024-01-01,2024-06-30,abc,kWh,measured,bill,,
            NOPE,2024-07-01,2024-12-31,12000,kWh,measured,bill,,
            TXG-ELEC,2024-13-01,2024-12-31,5000,furlongs,good,bill,,
            TXG-GEN,2024-01-01,2024-12-31,-5,L,calculated,,,

            """);

        // When
        var run = await ws.RunDb("import", "--org", org.ToString(), facilities, sources, activity);

        // Then: exit 1, one stderr line per defect as file:sheet:row:column (a CSV has no sheet), nothing stored
        run.Exit.ShouldBe(ExitCodes.Failed);
        string[] expected =
        [
            "activity.csv::2:quantity: ",
            "activity.csv::3:source_code: ",
            "activity.csv::4:period_start: ",
            "activity.csv::4:unit: ",
            "activity.csv::4:data_quality: ",
            "activity.csv::5:quantity: ",
        ];
        run.ErrorLines.Count.ShouldBe(expected.Length, run.Err);
        foreach (var prefix in expected)
        {
            run.ErrorLines.ShouldContain(l => l.StartsWith(prefix, StringComparison.Ordinal), $"missing {prefix} in:\n{run.Err}");
        }
        (await ws.CountRowsAsync()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Import_SameFilesTwice_SecondRunUpdatesTheSameRowsAndDuplicatesNothing()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        var files = ws.WriteSampleFiles();

        // When
        var first = await ws.RunDb(["import", "--org", org.ToString(), "--json", .. files]);
        var second = await ws.RunDb(["import", "--org", org.ToString(), "--json", .. files]);

        // Then: the files hold 1 legal entity + 2 facilities + 3 sources + 4 activity rows = 10 rows; the first run
        // inserts all 10, the second finds the same deterministic ids and updates all 10.
        first.Exit.ShouldBe(ExitCodes.Ok, first.Err);
        second.Exit.ShouldBe(ExitCodes.Ok, second.Err);
        using (var a = first.Json())
        {
            a.RootElement.GetProperty("inserted").GetInt32().ShouldBe(10);
            a.RootElement.GetProperty("updated").GetInt32().ShouldBe(0);
        }
        using (var b = second.Json())
        {
            b.RootElement.GetProperty("inserted").GetInt32().ShouldBe(0);
            b.RootElement.GetProperty("updated").GetInt32().ShouldBe(10);
        }
        (await ws.CountRowsAsync()).ShouldBe((4, 3, 2));
    }

    [Fact]
    public async Task Import_Human_PrintsInsertedAndUpdatedCounts()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        var files = ws.WriteSampleFiles();

        // When
        var run = await ws.RunDb(["import", "--org", org.ToString(), .. files]);

        // Then: 1 entity + 2 facilities + 3 sources + 4 activities, all new
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        run.Out.ShouldContain("10 inserted, 0 updated");
        run.Err.ShouldBeEmpty();
    }

    [Fact]
    public async Task Import_MissingFile_ExitsOneNamingTheFileAndStoresNothing()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        var facilities = ws.Write("facilities.csv", CliWorkspace.SampleFacilities);
        var missing = Path.Combine(ws.Folder, "activity.csv");

        // When
        var run = await ws.RunDb("import", "--org", org.ToString(), facilities, missing);

        // Then
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.ShouldHaveSingleItem().ShouldBe($"{missing}: file not found");
        (await ws.CountRowsAsync()).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task Import_TemplateWorkbook_StoresItsExampleRowsAndTheCustomFactorIsListed()
    {
        // Given: the .xlsx template as `template write` produces it — one example row per template sheet
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        (await CliWorkspace.Run("template", "write", "--format", "xlsx", "--out", ws.Folder)).Exit.ShouldBe(ExitCodes.Ok);
        var workbook = Path.Combine(ws.Folder, "inventory-templates.xlsx");

        // When
        var run = await ws.RunDb("import", "--org", org.ToString(), "--json", workbook);
        var factors = await ws.RunDb("factors", "list", "--org", org.ToString(), "--set", "custom", "--json");

        // Then: factors 1 + facilities (1 entity + 1 facility) + sources 1 + activity 1 = 5 rows inserted
        run.Exit.ShouldBe(ExitCodes.Ok, run.Err);
        using (var doc = run.Json())
        {
            doc.RootElement.GetProperty("inserted").GetInt32().ShouldBe(5);
        }
        (await ws.CountRowsAsync()).ShouldBe((1, 1, 1));
        factors.Exit.ShouldBe(ExitCodes.Ok, factors.Err);
        using var list = factors.Json();
        list.RootElement.GetProperty("factors").EnumerateArray().ShouldHaveSingleItem().GetProperty("key").GetString().ShouldBe("supplier/acme-steel");
    }

    [Fact]
    public async Task Import_WorkbookWithBadRow_PrintsFileSheetRowAndColumn()
    {
        // Given: an activity sheet whose second data row (spreadsheet row 3) has a quantity that is not a number
        using var ws = new CliWorkspace();
        var org = await ws.CreateOrganizationWithInventoryAsync();
        (await ws.RunDb(["import", "--org", org.ToString(), .. ws.WriteSampleFiles()])).Exit.ShouldBe(ExitCodes.Ok);
        var path = Path.Combine(ws.Folder, "bad.xlsx");
        MiniExcel.SaveAs(path, new Dictionary<string, object>
        {
            ["activity"] = new List<Dictionary<string, object?>>
            {
                Activity("TPE-ELEC", "2024-01-01", "2024-01-31", 100m),
                Activity("TPE-ELEC", "2024-02-01", "2024-02-29", "lots"),
            },
        });

        // When
        var run = await ws.RunDb("import", "--org", org.ToString(), path);

        // Then: one problem, located as file:sheet:row:column; the good row is not stored either (4 activities from before)
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("bad.xlsx:activity:3:quantity: ");
        (await ws.CountRowsAsync()).Activities.ShouldBe(4);
    }

    private static Dictionary<string, object?> Activity(string source, string start, string end, object quantity) => new()
    {
        ["source_code"] = source,
        ["period_start"] = start,
        ["period_end"] = end,
        ["quantity"] = quantity,
        ["unit"] = "kWh",
        ["data_quality"] = "measured",
        ["evidence"] = null,
        ["uncertainty_percent"] = null,
        ["note"] = null,
    };
}
