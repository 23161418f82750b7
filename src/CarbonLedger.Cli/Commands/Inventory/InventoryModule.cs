using System.CommandLine;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Inventory;

/// <summary><c>carbonledger inventory create|list</c>: an organization's inventories — a reporting period, the GWP set
/// (AR4/AR5/AR6) and, for market-based Scope 2, an optional residual mix (Scope 2 Guidance 6.11.2).</summary>
public sealed class InventoryModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var inventory = new Command("inventory", "Create and list an organization's GHG inventories (碳盤查).\nExample: carbonledger inventory create --org 3f2c…e1 --name \"FY2024\" --year 2024 --gwp AR5");
        inventory.Subcommands.Add(Create(context));
        inventory.Subcommands.Add(List(context));
        return inventory;
    }

    private static Command Create(CliContext context)
    {
        var cmd = new Command("create", "Create an inventory for a calendar year (--year) or any closed date range (--from/--to).\nExample: carbonledger inventory create --org 3f2c…e1 --name FY2024 --year 2024 --gwp AR6 --residual-mix 0.52 --residual-mix-source \"supplier disclosure\"");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var name = new Option<string>("--name") { Description = "Inventory name, unique within the organization", Required = true };
        var year = new Option<int?>("--year") { Description = "Calendar year (1 Jan – 31 Dec)" };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (with --to instead of --year)", HelpName = "yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Last day inclusive, yyyy-MM-dd", HelpName = "yyyy-MM-dd" };
        var gwp = new Option<string?>("--gwp") { Description = "GWP set: AR4, AR5 or AR6 (default: the organization's)" };
        gwp.AcceptOnlyFromAmong("AR4", "AR5", "AR6");
        var residual = new Option<decimal?>("--residual-mix") { Description = "Residual-mix rate in kg CO2e/kWh for electricity no instrument covers (Taiwan publishes none; without it the grid average applies)", HelpName = "kg/kWh" };
        var residualSource = new Option<string?>("--residual-mix-source") { Description = "Where the residual-mix rate comes from (required with --residual-mix)" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        foreach (var o in new Option[] { org, name, year, from, to, gwp, residual, residualSource, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var period = Period(parse.GetValue(year), parse.GetValue(from), parse.GetValue(to));
            ResidualMix? mix = null;
            if (parse.GetValue(residual) is { } rate)
            {
                if (rate < 0) { throw new CliUsageException("--residual-mix: cannot be negative"); }
                if (parse.GetValue(residualSource) is not { Length: > 0 } source)
                {
                    throw new CliUsageException("--residual-mix-source: required with --residual-mix (cite where the rate comes from)");
                }
                mix = new ResidualMix(rate, source);
            }
            else if (parse.GetValue(residualSource) is not null)
            {
                throw new CliUsageException("--residual-mix-source: only with --residual-mix");
            }
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var store = new InventoryStore(db, context.Clock);
            var snapshot = await OrganizationLookup.FindAsync(store, parse.GetValue(org)!, ct);
            var gwpSet = parse.GetValue(gwp) ?? snapshot.Organization.DefaultGwpSet;
            var inventoryName = parse.GetValue(name)!;
            var id = await store.CreateInventoryAsync(snapshot.Organization.Id, inventoryName, period, gwpSet, mix, Environment.UserName, ct);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    id, organizationId = snapshot.Organization.Id, name = inventoryName, periodStart = Iso(period.Start), periodEnd = Iso(period.End), gwpSet,
                    residualMix = mix is null ? null : new { mix.RateKgPerKwh, mix.Source },
                });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape($"created inventory {id} '{inventoryName}' for '{snapshot.Organization.Name}': {period}, {gwpSet}"));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "List an organization's inventories, latest first.\nExample: carbonledger inventory list --org 3f2c…e1");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var store = new InventoryStore(db, context.Clock);
            var snapshot = await OrganizationLookup.FindAsync(store, parse.GetValue(org)!, ct);
            var inventories = await store.ListInventoriesAsync(snapshot.Organization.Id, ct);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    organizationId = snapshot.Organization.Id,
                    inventories = inventories.Select(i => new
                    {
                        i.Id, i.Name, periodStart = Iso(LocalDate.FromDateOnly(i.PeriodStart)), periodEnd = Iso(LocalDate.FromDateOnly(i.PeriodEnd)),
                        i.GwpSetId, i.ResidualMixKgPerKwh, i.ResidualMixSource, i.Status,
                    }),
                });
                return ExitCodes.Ok;
            }
            var table = new Table().Title(Markup.Escape(snapshot.Organization.Name))
                .AddColumn("id").AddColumn("name").AddColumn("period").AddColumn("GWP").AddColumn("residual mix").AddColumn("status");
            foreach (var i in inventories)
            {
                table.AddRow(i.Id.ToString(), Markup.Escape(i.Name), CliRun.Inv($"{i.PeriodStart:yyyy-MM-dd}..{i.PeriodEnd:yyyy-MM-dd}"), Markup.Escape(i.GwpSetId),
                    i.ResidualMixKgPerKwh is { } r ? Markup.Escape(CliRun.Inv($"{r} kg/kWh ({i.ResidualMixSource})")) : "—", Markup.Escape(i.Status));
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>--year, or --from with --to; anything else is a usage error.</summary>
    internal static ReportingPeriod Period(int? year, string? from, string? to)
    {
        if (year is { } y)
        {
            if (from is not null || to is not null) { throw new CliUsageException("--year: give either --year or --from/--to, not both"); }
            if (y is < 1990 or > 2100) { throw new CliUsageException(CliRun.Inv($"--year: {y} is not a plausible inventory year")); }
            return ReportingPeriod.Year(y);
        }
        if (from is null || to is null)
        {
            throw new CliUsageException("--year: give --year, or both --from and --to");
        }
        var start = Date("--from", from);
        var end = Date("--to", to);
        if (end < start) { throw new CliUsageException($"--to: {to} is before --from {from}"); }
        return new ReportingPeriod(start, end);
    }

    private static LocalDate Date(string option, string text)
    {
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        return parsed.Success ? parsed.Value : throw new CliUsageException($"{option}: '{text}' is not a date yyyy-MM-dd");
    }

    internal static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
