using System.CommandLine;
using CarbonLedger.Audit;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using NodaTime.Text;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Audit;

/// <summary><c>carbonledger workflow submit|review|approve|lock|return|restate|history</c>: an inventory's workflow (SPEC §2:
/// draft → submitted → reviewed → approved → locked; a locked inventory changes only through a recorded restatement).
/// The command line is an operator's tool on the server, without a login: the operator states the role the step is
/// taken in (<c>--role</c>), the same permission matrix as the web decides, and the ledger records it with the actor
/// (<c>cli:&lt;user&gt;</c>).</summary>
public sealed class WorkflowModule : ICliModule
{
    private static readonly (WorkflowAction Action, string Description, string Example)[] Steps =
    [
        (WorkflowAction.Submit, "Submit a draft for review (contributor or admin)", "--role contributor"),
        (WorkflowAction.Review, "Mark a submitted inventory reviewed (reviewer or admin)", "--role reviewer"),
        (WorkflowAction.Approve, "Approve a reviewed inventory (admin)", "--role admin"),
        (WorkflowAction.Lock, "Lock an approved inventory: its period's data can no longer change (admin)", "--role admin"),
        (WorkflowAction.Return, "Send a submitted, reviewed or approved inventory back to draft, with --reason (reviewer or admin)", "--role reviewer --reason \"Q3 bills missing\""),
        (WorkflowAction.Restate, "Reopen a locked inventory as a draft through a recorded restatement, with --reason (admin)", "--role admin --reason \"Taipower re-issued the March bill\""),
    ];

    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workflow = new Command("workflow", "Move an inventory through draft → submitted → reviewed → approved → locked, and show its history.\nExample: carbonledger workflow submit --org 3f2c…e1 --inventory FY2024 --role contributor --user alice");
        foreach (var (action, description, example) in Steps)
        {
            workflow.Subcommands.Add(Step(context, action, description, example));
        }
        workflow.Subcommands.Add(History(context));
        return workflow;
    }

    private static Option<string> InventoryOption() => new("--inventory")
    {
        Description = "Inventory id or exact name (`carbonledger inventory list` shows them)",
        Required = true,
        HelpName = "id|name",
    };

    private static Command Step(CliContext context, WorkflowAction action, string description, string example)
    {
        var verb = action.ToString().ToLowerInvariant();
        var cmd = new Command(verb, $"{description}.\nExample: carbonledger workflow {verb} --org 3f2c…e1 --inventory FY2024 {example} --user alice");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var inventory = InventoryOption();
        var role = new Option<string>("--role")
        {
            Description = "The role the step is taken in: admin, contributor, reviewer, verifier or viewer (recorded in the ledger)",
            Required = true,
        };
        var user = new Option<string?>("--user") { Description = "Who takes the step (default: the operating-system user); recorded as cli:<user>", HelpName = "name" };
        var reason = new Option<string?>("--reason") { Description = "Why (required for return and restate; recorded in the history and the ledger)" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        foreach (var o in new Option[] { org, inventory, role, user, reason, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var roleText = parse.GetValue(role);
            if (!AccessRules.TryParse(roleText, out var memberRole))
            {
                throw new CliUsageException($"--role: '{roleText}' is not admin, contributor, reviewer, verifier or viewer");
            }
            var userName = parse.GetValue(user) is { Length: > 0 } u ? u.Trim() : Environment.UserName;
            if (userName.Length == 0 || userName.Length > 180)
            {
                throw new CliUsageException("--user: a name of 1 to 180 characters");
            }
            var actor = "cli:" + userName;
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var inventories = new InventoryStore(db, context.Clock);
            var snapshot = await OrganizationLookup.FindAsync(inventories, parse.GetValue(org)!, ct);
            var target = await OrganizationLookup.FindInventoryAsync(inventories, snapshot.Organization.Id, parse.GetValue(inventory), ct);
            var outcome = await new WorkflowStore(db, context.Clock).TransitionAsync(snapshot.Organization.Id, target.Id, action, memberRole, actor, parse.GetValue(reason), ct);
            if (!outcome.Succeeded)
            {
                foreach (var p in outcome.Problems) { await CliRun.Error(context, CliRun.Format(p)); }
                return ExitCodes.Failed;
            }
            var from = InventoryWorkflow.Parse(target.Status);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    organizationId = snapshot.Organization.Id, inventory = new { target.Id, target.Name }, action = verb,
                    from = Status(from), to = Status(outcome.Value), actor, role = AccessRules.Code(memberRole), reason = parse.GetValue(reason),
                });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"{target.Name}: {Status(from)} → {Status(outcome.Value)} ({verb} by {actor} as {AccessRules.Code(memberRole)})"));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command History(CliContext context)
    {
        var cmd = new Command("history", "Show an inventory's workflow steps, oldest first, with who took them and why.\nExample: carbonledger workflow history --org 3f2c…e1 --inventory FY2024");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var inventory = InventoryOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Options.Add(org);
        cmd.Options.Add(inventory);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var inventories = new InventoryStore(db, context.Clock);
            var snapshot = await OrganizationLookup.FindAsync(inventories, parse.GetValue(org)!, ct);
            var target = await OrganizationLookup.FindInventoryAsync(inventories, snapshot.Organization.Id, parse.GetValue(inventory), ct);
            var history = await new WorkflowStore(db, context.Clock).HistoryAsync(snapshot.Organization.Id, target.Id, ct);
            var status = Status(InventoryWorkflow.Parse(target.Status));
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    organizationId = snapshot.Organization.Id, inventory = new { target.Id, target.Name }, status,
                    steps = history.Select(h => new
                    {
                        h.Id, action = h.Action.ToString().ToLowerInvariant(), from = Status(h.From), to = Status(h.To), h.Actor,
                        at = InstantPattern.ExtendedIso.Format(h.At), h.Reason,
                    }).ToList(),
                });
                return ExitCodes.Ok;
            }
            context.Console.MarkupLine(Markup.Escape($"{target.Name}: {status}"));
            if (history.Count == 0)
            {
                context.Console.MarkupLine(Markup.Escape("no workflow steps yet"));
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("time (UTC)").AddColumn("action").AddColumn("from → to").AddColumn("actor").AddColumn("reason");
            foreach (var h in history)
            {
                table.AddRow(InstantPattern.ExtendedIso.Format(h.At), h.Action.ToString().ToLowerInvariant(), $"{Status(h.From)} → {Status(h.To)}",
                    Markup.Escape(h.Actor), Markup.Escape(h.Reason ?? ""));
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string Status(InventoryStatus status) => status.ToString().ToLowerInvariant();
}
