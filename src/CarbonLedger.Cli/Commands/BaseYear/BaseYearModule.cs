using System.CommandLine;
using System.Globalization;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.BaseYear;

/// <summary><c>carbonledger baseyear change add|list</c> and <c>carbonledger baseyear check</c>: structural changes since
/// the base year and the recalculation check against the organization's significance threshold (GHG Protocol Corporate
/// Standard ch. 5; issue 2 item 2).</summary>
public sealed class BaseYearModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var baseYear = new Command("baseyear", "Record structural changes since the base year and check whether it must be recalculated.\nExample: carbonledger baseyear check --org 3f2c…e1");
        var change = new Command("change", "Record and list structural changes, methodology changes and error corrections.\nExample: carbonledger baseyear change list --org 3f2c…e1");
        change.Subcommands.Add(Add(context));
        change.Subcommands.Add(List(context));
        baseYear.Subcommands.Add(change);
        baseYear.Subcommands.Add(Check(context));
        return baseYear;
    }

    private static Command Add(CliContext context)
    {
        var cmd = new Command("add", "Record a change with its effect on base-year emissions (t CO2e, signed: an acquisition adds, a divestment removes).\nExample: carbonledger baseyear change add --org 3f2c…e1 --kind acquisition --impact 120.5 --year 2025 --description \"Acquired the Kaohsiung depot\"");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var kind = new Option<string>("--kind") { Description = "What changed: " + string.Join(", ", StructuralChangeKindNames.All), Required = true };
        kind.AcceptOnlyFromAmong([.. StructuralChangeKindNames.All]);
        var impact = new Option<string>("--impact") { Description = "Effect on base-year emissions in t CO2e, signed (e.g. 120.5 or -80)", Required = true, HelpName = "tCO2e" };
        var year = new Option<int>("--year") { Description = "Year the change took effect (the base year or later)", Required = true };
        var description = new Option<string>("--description") { Description = "What happened (e.g. \"Acquired the Kaohsiung depot\")", Required = true };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        foreach (var o in new Option[] { org, kind, impact, year, description, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var impactText = parse.GetValue(impact)!;
            if (!decimal.TryParse(impactText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var tonnes))
            {
                throw new CliUsageException($"--impact: '{impactText}' is not a number of tonnes (e.g. 120.5 or -80)");
            }
            StructuralChangeKindNames.TryParse(parse.GetValue(kind), out var changeKind);
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var snapshot = await OrganizationLookup.FindAsync(new InventoryStore(db, context.Clock), parse.GetValue(org)!, ct);
            var outcome = await new BaseYearStore(db, context.Clock).AddStructuralChangeAsync(snapshot.Organization.Id,
                new StructuralChange(parse.GetValue(description)!, changeKind, tonnes, parse.GetValue(year)), Environment.UserName, ct);
            if (!outcome.Succeeded)
            {
                foreach (var p in outcome.Problems) { await CliRun.Error(context, CliRun.Format(p)); }
                return ExitCodes.Failed;
            }
            if (parse.GetValue(json))
            {
                CliRun.Json(context, ChangeJson(outcome.Value));
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"recorded {StructuralChangeKindNames.Name(changeKind)} {outcome.Value.Change.Year}: {SignedTonnes(tonnes)} t CO2e ({outcome.Value.Id})")));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "List the organization's recorded changes, oldest year first.\nExample: carbonledger baseyear change list --org 3f2c…e1 --json");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var snapshot = await OrganizationLookup.FindAsync(new InventoryStore(db, context.Clock), parse.GetValue(org)!, ct);
            var changes = await new BaseYearStore(db, context.Clock).ListStructuralChangesAsync(snapshot.Organization.Id, ct);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { organizationId = snapshot.Organization.Id, changes = changes.Select(ChangeJson).ToList() });
                return ExitCodes.Ok;
            }
            if (changes.Count == 0)
            {
                context.Console.MarkupLine(Markup.Escape($"{snapshot.Organization.Name}: no structural changes recorded"));
                return ExitCodes.Ok;
            }
            context.Console.Write(ChangesTable(changes));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Check(CliContext context)
    {
        var cmd = new Command("check", "Compare the cumulative absolute effect of recorded changes (organic growth excluded) with the organization's significance threshold.\nExample: carbonledger baseyear check --org 3f2c…e1 --json");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var snapshot = await OrganizationLookup.FindAsync(new InventoryStore(db, context.Clock), parse.GetValue(org)!, ct);
            var outcome = await new BaseYearStore(db, context.Clock).CheckBaseYearAsync(snapshot.Organization.Id, ct);
            if (!outcome.Succeeded)
            {
                throw new CliFailureException(string.Join("; ", outcome.Problems.Select(p => p.Message)));
            }
            var result = outcome.Value;
            var c = result.Check;
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    organizationId = snapshot.Organization.Id, baseYear = result.BaseYear,
                    inventory = new { id = result.InventoryId, name = result.InventoryName },
                    baseYearTonnes = c.BaseYearTonnes, cumulativeImpactTonnes = c.CumulativeImpactTonnes, cumulativePercent = c.CumulativePercent,
                    thresholdPercent = c.ThresholdPercent, recalculationRequired = c.RecalculationRequired, explanation = c.Explanation,
                    changes = result.Changes.Select(ChangeJson).ToList(),
                });
                return ExitCodes.Ok;
            }
            var console = context.Console;
            console.MarkupLine(Markup.Escape($"{snapshot.Organization.Name} — base year {result.BaseYear.ToString(CultureInfo.InvariantCulture)} ({result.InventoryName})"));
            var grid = new Table().AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
            grid.AddRow("base-year emissions (t CO2e, location-based)", CliRun.Tonnes(c.BaseYearTonnes));
            grid.AddRow("cumulative impact (t CO2e, absolute, organic growth excluded)", CliRun.Tonnes(c.CumulativeImpactTonnes));
            grid.AddRow("cumulative impact (% of base year)", CliRun.Inv($"{c.CumulativePercent:0.00} %"));
            grid.AddRow("significance threshold", CliRun.Inv($"{c.ThresholdPercent:0.##} %"));
            grid.AddRow("verdict", c.RecalculationRequired ? "recalculation required" : "no recalculation");
            console.Write(grid);
            if (result.Changes.Count > 0) { console.Write(ChangesTable(result.Changes)); }
            console.MarkupLine(Markup.Escape(c.Explanation));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Table ChangesTable(IReadOnlyList<StoredStructuralChange> changes)
    {
        var table = new Table().Title("Structural changes since the base year")
            .AddColumn("year").AddColumn("kind").AddColumn(new TableColumn("impact (t CO2e)").RightAligned()).AddColumn("description").AddColumn("recorded by");
        foreach (var s in changes)
        {
            table.AddRow(Markup.Escape(s.Change.Year.ToString(CultureInfo.InvariantCulture)), StructuralChangeKindNames.Name(s.Change.Kind),
                SignedTonnes(s.Change.BaseYearImpactTonnes), Markup.Escape(s.Change.Description), Markup.Escape(s.RecordedBy));
        }
        return table;
    }

    private static string SignedTonnes(decimal tonnes) => tonnes.ToString("+#,0.000;-#,0.000;0.000", CultureInfo.InvariantCulture);

    private static object ChangeJson(StoredStructuralChange s) => new
    {
        s.Id, kind = StructuralChangeKindNames.Name(s.Change.Kind), s.Change.Description, impactTonnes = s.Change.BaseYearImpactTonnes,
        s.Change.Year, s.RecordedBy, recordedAt = s.RecordedAt.ToString(),
    };
}
