using System.CommandLine;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Inventory;

/// <summary><c>carbonledger calculate</c>: runs <see cref="InventoryCalculator"/> on a stored inventory and prints the
/// totals by scope with Scope 2 both location- and market-based (GHG Protocol Scope 2 Guidance ch. 4 dual reporting),
/// by ISO 14064-1 category and by gas group, with the problems and methodological notes.</summary>
public sealed class CalculateModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cmd = new Command("calculate", "Calculate a stored inventory: totals by scope (Scope 2 location- and market-based), ISO 14064-1 category and gas group, problems and notes.\nExample: carbonledger calculate --org 3f2c…e1 --inventory FY2024 --json");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var inventory = OrganizationLookup.InventoryOption("Inventory id or name (default: the organization's latest)");
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout (no spinner)" };
        cmd.Options.Add(org);
        cmd.Options.Add(inventory);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var settings = data.Settings(parse);
            var asJson = parse.GetValue(json);
            Task<Calculated> Load() => LoadAndCalculateAsync(context, settings, parse.GetValue(org)!, parse.GetValue(inventory), ct);
            var calculated = asJson
                ? await Load()
                : await context.Console.Status().Spinner(Spinner.Known.Dots).StartAsync("loading the inventory…", _ => Load());
            if (asJson)
            {
                CliRun.Json(context, ToJson(calculated));
            }
            else
            {
                Print(context, calculated);
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>A stored inventory with its calculated result.</summary>
    internal sealed record Calculated(OrganizationSnapshot Organization, InventoryRow Inventory, InventoryResult Result);

    internal static async Task<Calculated> LoadAndCalculateAsync(CliContext context, DatabaseSettings settings, string org, string? inventory, CancellationToken ct)
    {
        await using var db = await DataOptions.OpenExistingAsync(settings, ct);
        var store = new InventoryStore(db, context.Clock);
        var snapshot = await OrganizationLookup.FindAsync(store, org, ct);
        var row = await OrganizationLookup.FindInventoryAsync(store, snapshot.Organization.Id, inventory, ct);
        var input = await store.LoadInputAsync(snapshot.Organization.Id, row.Id, ct)
            ?? throw new CliFailureException($"--inventory: inventory {row.Id} disappeared while loading");
        return new Calculated(snapshot, row, InventoryCalculator.Calculate(input));
    }

    private static object ToJson(Calculated c)
    {
        var r = c.Result;
        var location = r.Totals(Scope2Method.LocationBased);
        var market = r.Totals(Scope2Method.MarketBased);
        return new
        {
            organization = new { c.Organization.Organization.Id, c.Organization.Organization.Name, c.Organization.Organization.Consolidation },
            inventory = new
            {
                c.Inventory.Id, c.Inventory.Name, periodStart = InventoryModule.Iso(r.Input.Period.Start), periodEnd = InventoryModule.Iso(r.Input.Period.End),
                gwpSet = r.GwpSet.Id,
            },
            unit = "tCO2e",
            scope2 = new { locationBased = r.Scope2(Scope2Method.LocationBased), marketBased = r.Scope2(Scope2Method.MarketBased) },
            locationBased = Totals(location),
            marketBased = Totals(market),
            biogenicCo2Tonnes = r.BiogenicCo2Tonnes,
            lines = r.Lines.Count,
            isComplete = r.IsComplete,
            problems = r.Problems.Select(CliRun.ProblemJson),
            exclusions = r.Exclusions.Select(e => new { e.What, e.Reason }),
            instruments = r.Instruments.Select(i => new { i.Instrument.Reference, i.Instrument.Type, i.AppliedKwh, i.UnusedKwh }),
            notes = r.Notes,
        };
    }

    private static object Totals(InventoryTotals t) => new
    {
        total = t.Total,
        byScope = t.ByScope.OrderBy(k => k.Key).ToDictionary(k => k.Key.ToString(), k => k.Value),
        byIsoCategory = t.ByIsoCategory.OrderBy(k => k.Key).Select(k => new { category = (int)k.Key, name = k.Key.ToString(), tonnes = k.Value }),
        byGasGroup = t.ByGasGroup.OrderBy(k => k.Key).ToDictionary(k => k.Key.ToString(), k => k.Value),
        byScope3Category = t.ByScope3Category.OrderBy(k => k.Key).Select(k => new { category = (int)k.Key, name = k.Key.ToString(), tonnes = k.Value }),
    };

    private static void Print(CliContext context, Calculated c)
    {
        var r = c.Result;
        var location = r.Totals(Scope2Method.LocationBased);
        var market = r.Totals(Scope2Method.MarketBased);
        var console = context.Console;
        console.MarkupLine(Markup.Escape($"{c.Organization.Organization.Name} — {c.Inventory.Name} ({r.Input.Period}), {r.GwpSet.Id}, {c.Organization.Organization.Consolidation}"));

        var scopes = new Table().Title("Emissions by scope (t CO2e)").AddColumn("scope").AddColumn(new TableColumn("location-based").RightAligned()).AddColumn(new TableColumn("market-based").RightAligned());
        foreach (var s in Enum.GetValues<Scope>())
        {
            scopes.AddRow(s.ToString(), CliRun.Tonnes(location.ByScope.GetValueOrDefault(s)), CliRun.Tonnes(market.ByScope.GetValueOrDefault(s)));
        }
        scopes.AddRow("[bold]total[/]", "[bold]" + CliRun.Tonnes(location.Total) + "[/]", "[bold]" + CliRun.Tonnes(market.Total) + "[/]");
        console.Write(scopes);

        var iso = new Table().Title("By ISO 14064-1 category, location-based (t CO2e)").AddColumn("category").AddColumn(new TableColumn("tCO2e").RightAligned());
        foreach (var (category, tonnes) in location.ByIsoCategory.OrderBy(k => k.Key))
        {
            iso.AddRow(CliRun.Inv($"{(int)category} {category}"), CliRun.Tonnes(tonnes));
        }
        console.Write(iso);

        var gases = new Table().Title("By gas group, location-based (t CO2e)").AddColumn("gas group").AddColumn(new TableColumn("tCO2e").RightAligned());
        foreach (var (group, tonnes) in location.ByGasGroup.OrderBy(k => k.Key))
        {
            gases.AddRow(group.ToString(), CliRun.Tonnes(tonnes));
        }
        console.Write(gases);

        if (r.BiogenicCo2Tonnes != 0)
        {
            console.MarkupLine(Markup.Escape($"biogenic CO2 (outside the scopes): {CliRun.Tonnes(r.BiogenicCo2Tonnes)} t"));
        }
        foreach (var e in r.Exclusions)
        {
            console.MarkupLine(Markup.Escape($"excluded: {e.What} — {e.Reason}"));
        }
        if (r.Problems.Count > 0)
        {
            console.MarkupLine(Markup.Escape(CliRun.Inv($"{r.Problems.Count} problem(s): the inventory is incomplete")));
            foreach (var p in r.Problems)
            {
                console.MarkupLine("[yellow]problem:[/] " + Markup.Escape(CliRun.Format(p)));
            }
        }
        foreach (var n in r.Notes)
        {
            console.MarkupLine("note: " + Markup.Escape(n));
        }
    }
}
