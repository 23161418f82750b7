using CarbonLedger.Cli.Tests.Inventory;

namespace CarbonLedger.Cli.Tests.Audit;

/// <summary><c>carbonledger workflow …</c> (SPEC §2: "draft → submitted → reviewed → approved → locked; a locked inventory
/// cannot change except through a recorded restatement"). The operator states the role; the permission matrix decides.</summary>
public sealed class WorkflowCommandTests
{
    [Fact]
    public async Task Workflow_FullCycle_RolesEnforcedLockRefusesImportRestatementReopensAndAllIsRecorded()
    {
        // Given the sample imported into FY2024 (11 ledger entries: the inventory, 1 entity, 2 facilities, 3 sources, 4 rows)
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();
        var files = ws.WriteSampleFiles();
        (await ws.RunDb(["import", "--org", org, .. files])).Exit.ShouldBe(ExitCodes.Ok);
        string[] at = ["--org", org, "--inventory", "FY2024"];

        // When a viewer tries to submit, then the contributor submits
        var viewer = await ws.RunDb(["workflow", "submit", .. at, "--role", "viewer", "--user", "vera"]);
        var submit = await ws.RunDb(["workflow", "submit", .. at, "--role", "contributor", "--user", "alice"]);

        // Then the viewer is refused on one stderr line; the submission says from, to, who and in which role
        viewer.Exit.ShouldBe(ExitCodes.Failed);
        viewer.ErrorLines.Single().ShouldBe("error: field 'action': a viewer may not submit an inventory");
        submit.Exit.ShouldBe(ExitCodes.Ok, submit.Err);
        submit.Out.ShouldContain("FY2024: draft → submitted (submit by cli:alice as contributor)");

        // When reviewed, a reviewer tries to approve, then the administrator approves and locks
        (await ws.RunDb(["workflow", "review", .. at, "--role", "reviewer", "--user", "rita"])).Exit.ShouldBe(ExitCodes.Ok);
        var reviewerApproves = await ws.RunDb(["workflow", "approve", .. at, "--role", "reviewer", "--user", "rita"]);
        reviewerApproves.Exit.ShouldBe(ExitCodes.Failed);
        reviewerApproves.ErrorLines.Single().ShouldBe("error: field 'action': a reviewer may not approve an inventory");
        (await ws.RunDb(["workflow", "approve", .. at, "--role", "admin", "--user", "ada"])).Exit.ShouldBe(ExitCodes.Ok);
        var locked = await ws.RunDb(["workflow", "lock", .. at, "--role", "admin", "--user", "ada", "--json"]);
        locked.Exit.ShouldBe(ExitCodes.Ok, locked.Err);
        using (var doc = locked.Json())
        {
            doc.RootElement.GetProperty("from").GetString().ShouldBe("approved");
            doc.RootElement.GetProperty("to").GetString().ShouldBe("locked");
            doc.RootElement.GetProperty("role").GetString().ShouldBe("admin");
        }

        // When a corrected activity file (H2 bill 12,000 → 12,500 kWh) is imported into the locked period
        var corrected = ws.Write("activity.csv", CliWorkspace.SampleActivity.Replace("12000,kWh", "12500,kWh", StringComparison.Ordinal));
        var refused = await ws.RunDb(["import", "--org", org, files[0], files[1], corrected]);

        // Then it is refused, naming the inventory and the way out
        refused.Exit.ShouldBe(ExitCodes.Failed);
        refused.ErrorLines.ShouldContain(l => l.Contains("falls in inventory 'FY2024', which is locked: record a restatement to reopen it", StringComparison.Ordinal), refused.Err);

        // When a restatement is asked without a reason, then with one, and the correction imported again
        var noReason = await ws.RunDb(["workflow", "restate", .. at, "--role", "admin", "--user", "ada"]);
        var restate = await ws.RunDb(["workflow", "restate", .. at, "--role", "admin", "--user", "ada", "--reason", "Taipower re-issued the H2 bill"]);
        var accepted = await ws.RunDb(["import", "--org", org, files[0], files[1], corrected]);

        // Then only the reasoned restatement reopens FY2024, and the correction goes in
        noReason.Exit.ShouldBe(ExitCodes.Failed);
        noReason.ErrorLines.Single().ShouldBe("error: field 'reason': a restate needs a reason");
        restate.Out.ShouldContain("FY2024: locked → draft (restate by cli:ada as admin)");
        accepted.Exit.ShouldBe(ExitCodes.Ok, accepted.Err);

        // And the history lists the five steps in order, and the ledger still verifies:
        // 11 + 5 steps × 2 entries (the step and the inventory's new status) + 1 update of the H2 bill = 22
        var history = await ws.RunDb(["workflow", "history", .. at, "--json"]);
        history.Exit.ShouldBe(ExitCodes.Ok, history.Err);
        using (var doc = history.Json())
        {
            doc.RootElement.GetProperty("status").GetString().ShouldBe("draft");
            var steps = doc.RootElement.GetProperty("steps").EnumerateArray().ToList();
            steps.Select(s => s.GetProperty("action").GetString()).ShouldBe(["submit", "review", "approve", "lock", "restate"]);
            steps.Select(s => s.GetProperty("actor").GetString()).ShouldBe(["cli:alice", "cli:rita", "cli:ada", "cli:ada", "cli:ada"]);
            steps[^1].GetProperty("reason").GetString().ShouldBe("Taipower re-issued the H2 bill");
        }
        var humanHistory = await ws.RunDb(["workflow", "history", .. at]);
        humanHistory.Out.ShouldContain("Taipower re-issued the H2 bill");
        var verify = await ws.RunDb("ledger", "verify", "--org", org);
        verify.Exit.ShouldBe(ExitCodes.Ok, verify.Out + verify.Err);
        verify.Out.ShouldContain("22 entries verified");
        var steps2 = await ws.RunDb("ledger", "list", "--org", org, "--kind", "workflow", "--json");
        using (var doc = steps2.Json())
        {
            var recorded = doc.RootElement.GetProperty("entries").EnumerateArray().ToList();
            recorded.Count.ShouldBe(5);
            recorded[0].GetProperty("actor").GetString().ShouldBe("cli:alice");
            recorded[0].GetProperty("content").GetString()!.ShouldContain("\"role\":\"contributor\"");
        }
    }

    [Fact]
    public async Task WorkflowSubmit_UnknownRole_ExitsTwo()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();

        // When
        var run = await ws.RunDb("workflow", "submit", "--org", org, "--inventory", "FY2024", "--role", "owner");

        // Then
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.ErrorLines.Single().ShouldBe("error: --role: 'owner' is not admin, contributor, reviewer, verifier or viewer");
    }

    [Fact]
    public async Task WorkflowSubmit_WithoutRole_ExitsTwo()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();

        // When the role is not stated
        var run = await ws.RunDb("workflow", "submit", "--org", org, "--inventory", "FY2024");

        // Then the parser refuses it: the operator must say in which role the step is taken
        run.Exit.ShouldBe(ExitCodes.BadUsage);
        run.Err.ShouldContain("--role");
    }

    [Fact]
    public async Task WorkflowReview_UnknownInventory_ExitsOne()
    {
        // Given
        using var ws = new CliWorkspace();
        var org = (await ws.CreateOrganizationWithInventoryAsync()).ToString();

        // When
        var run = await ws.RunDb("workflow", "review", "--org", org, "--inventory", "FY1999", "--role", "reviewer");

        // Then
        run.Exit.ShouldBe(ExitCodes.Failed);
        run.ErrorLines.Single().ShouldStartWith("error: --inventory: the organization has no inventory named 'FY1999'");
    }
}
