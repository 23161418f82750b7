using System.CommandLine;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Organization;

/// <summary><c>carbonledger org create|list</c>: the reporting organizations (GHG Protocol ch. 3 consolidation approach,
/// ch. 5 base year, default GWP set).</summary>
public sealed class OrganizationModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var org = new Command("org", "Create and list reporting organizations.\nExample: carbonledger org create --name \"Formosa Trading\" --consolidation operational --base-year 2024");
        org.Subcommands.Add(Create(context));
        org.Subcommands.Add(List(context));
        return org;
    }

    private static Command Create(CliContext context)
    {
        var cmd = new Command("create", "Create an organization; prints its id.\nExample: carbonledger org create --name \"Formosa Trading\" --consolidation operational --base-year 2024 --gwp AR5");
        var data = new DataOptions();
        data.AddTo(cmd);
        var name = new Option<string>("--name") { Description = "Organization name", Required = true };
        var consolidation = new Option<string>("--consolidation")
        {
            Description = "Consolidation approach: operational, financial (control) or equity (share) — GHG Protocol ch. 3",
            DefaultValueFactory = _ => "operational",
        };
        consolidation.AcceptOnlyFromAmong("operational", "financial", "equity");
        var baseYear = new Option<int>("--base-year") { Description = "Base year for tracking and recalculation (e.g. 2024)", Required = true };
        var gwp = new Option<string>("--gwp") { Description = "Default GWP set for new inventories: AR4, AR5 or AR6 (default AR5, as MOENV requires from 2023)", DefaultValueFactory = _ => "AR5" };
        gwp.AcceptOnlyFromAmong("AR4", "AR5", "AR6");
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        foreach (var o in new Option[] { name, consolidation, baseYear, gwp, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var approach = parse.GetValue(consolidation) switch
            {
                "financial" => ConsolidationApproach.FinancialControl,
                "equity" => ConsolidationApproach.EquityShare,
                _ => ConsolidationApproach.OperationalControl,
            };
            var orgName = parse.GetValue(name)!.Trim();
            if (orgName.Length == 0)
            {
                throw new CliUsageException("--name: cannot be empty");
            }
            var settings = data.Settings(parse);
            await using var db = await DataOptions.OpenExistingAsync(settings, ct);
            var store = new InventoryStore(db, context.Clock);
            if ((await store.ListOrganizationsAsync(ct)).Any(o => string.Equals(o.Organization.Name, orgName, StringComparison.Ordinal)))
            {
                throw new CliFailureException($"--name: an organization named '{orgName}' already exists");
            }
            var organization = new CarbonLedger.Inventory.Organization(Guid.NewGuid(), orgName, approach, parse.GetValue(baseYear), parse.GetValue(gwp)!);
            await store.CreateOrganizationAsync(organization, ct: ct);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { organization.Id, organization.Name, organization.Consolidation, organization.BaseYear, organization.DefaultGwpSet });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"created organization {organization.Id} '{organization.Name}' ({organization.Consolidation}, base year {organization.BaseYear}, {organization.DefaultGwpSet})")));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "List the organizations in the database.\nExample: carbonledger org list --json");
        var data = new DataOptions();
        data.AddTo(cmd);
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var store = new InventoryStore(db, context.Clock);
            var organizations = await store.ListOrganizationsAsync(ct);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    organizations = organizations.Select(o => new
                    {
                        o.Organization.Id, o.Organization.Name, o.Organization.Consolidation, o.Organization.BaseYear,
                        o.Organization.DefaultGwpSet, o.IsDemo,
                    }),
                });
                return ExitCodes.Ok;
            }
            if (organizations.Count == 0)
            {
                context.Console.MarkupLine("no organizations yet: `carbonledger org create --name …` or `carbonledger db init --demo`");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("id").AddColumn("name").AddColumn("consolidation").AddColumn("base year").AddColumn("GWP").AddColumn("demo");
            foreach (var (o, isDemo) in organizations)
            {
                table.AddRow(o.Id.ToString(), Markup.Escape(o.Name), o.Consolidation.ToString(), CliRun.Inv($"{o.BaseYear}"), Markup.Escape(o.DefaultGwpSet), isDemo ? "yes" : "");
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
