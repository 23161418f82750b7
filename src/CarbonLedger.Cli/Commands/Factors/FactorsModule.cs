using System.CommandLine;
using System.Globalization;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Factors;

/// <summary><c>carbonledger factors list|show</c>: the shipped factor library (MOENV 6.0.4 fuels, Taiwan grid factors per
/// year, IPCC 2006 defaults) and, with <c>--org</c>, an organization's own factors, with provenance.</summary>
public sealed class FactorsModule : ICliModule
{
    private const string CustomSets = "custom";

    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factors = new Command("factors", "Browse emission factors with their set, version, year, status and source.\nExample: carbonledger factors show tw-grid --year 2024");
        factors.Subcommands.Add(List(context));
        factors.Subcommands.Add(Show(context));
        return factors;
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "List factor keys, optionally of one set or matching a text; --org adds that organization's custom factors.\nExample: carbonledger factors list --set moenv-6.0.4 --search diesel");
        var data = new DataOptions();
        data.AddTo(cmd);
        var set = new Option<string?>("--set") { Description = "Only this factor set: moenv-6.0.4, tw-grid, ipcc-2006, ipcc-2006-vol5, or custom (the organization's own, with --org)", HelpName = "set-id" };
        var search = new Option<string?>("--search") { Description = "Only keys or names containing this text (case-insensitive)" };
        var org = OrganizationLookup.OrgOption(required: false);
        org.Description = "Include this organization's custom factors (needs the database)";
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        foreach (var o in new Option[] { set, search, org, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var library = await LibraryAsync(context, data, parse, parse.GetValue(org), ct);
            var setId = parse.GetValue(set);
            // "custom" stands for the organization's own sets, whose ids embed the organization id.
            var customOnly = string.Equals(setId, CustomSets, StringComparison.OrdinalIgnoreCase);
            if (setId is not null && !customOnly && !library.Sets.Any(s => string.Equals(s.Id, setId, StringComparison.OrdinalIgnoreCase)))
            {
                throw new CliUsageException($"--set: unknown factor set '{setId}' (known: {string.Join(", ", library.Sets.Where(s => !s.IsCustom).Select(s => s.Id).Distinct().Order(StringComparer.Ordinal))}, {CustomSets})");
            }
            var text = parse.GetValue(search);
            var keys = library.Factors
                .Where(f => setId is null || (customOnly ? f.Set.IsCustom : string.Equals(f.Set.Id, setId, StringComparison.OrdinalIgnoreCase)))
                .Where(f => text is null || f.Key.Contains(text, StringComparison.OrdinalIgnoreCase) || f.Name.Contains(text, StringComparison.OrdinalIgnoreCase))
                .GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => (Latest: g.OrderBy(f => f.Year ?? int.MinValue).Last(), Years: g.Where(f => f.Year is not null).Select(f => f.Year!.Value).Order().ToList()))
                .ToList();
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    factors = keys.Select(k => new
                    {
                        k.Latest.Key, k.Latest.Name, set = k.Latest.Set.Id, setVersion = k.Latest.Set.Version, perUnit = k.Latest.PerUnit.Code,
                        gases = k.Latest.Gases.Select(g => g.Gas.Code), years = k.Years.Count == 0 ? null : k.Years, k.Latest.Status, custom = k.Latest.Set.IsCustom,
                    }),
                });
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumn("key").AddColumn("name").AddColumn("set").AddColumn("per").AddColumn("gases").AddColumn("years");
            foreach (var (latest, years) in keys)
            {
                table.AddRow(Markup.Escape(latest.Key), Markup.Escape(latest.Name), Markup.Escape(latest.Set.Id), Markup.Escape(latest.PerUnit.Code),
                    Markup.Escape(string.Join(", ", latest.Gases.Select(g => g.Gas.Code))), years.Count == 0 ? "any" : CliRun.Inv($"{years[0]}–{years[^1]}"));
            }
            context.Console.Write(table);
            context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{keys.Count} factor key(s); `carbonledger factors show KEY` for values and provenance")));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Show(CliContext context)
    {
        var cmd = new Command("show", "Show a factor: per-gas values, unit, set, version, year, status, source, uncertainty and heating value. Without --year every published year is shown.\nExample: carbonledger factors show moenv604/stationary/diesel");
        var data = new DataOptions();
        data.AddTo(cmd);
        var key = new Argument<string>("key") { Description = "Factor key, e.g. tw-grid, moenv604/mobile/motor-gasoline, gas/HFC-134a" };
        var year = new Option<int?>("--year") { Description = "Resolve for this activity year (a year not yet published falls back to the latest earlier one, with a note)" };
        var org = OrganizationLookup.OrgOption(required: false);
        org.Description = "Look in this organization's custom factors too (needs the database)";
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Arguments.Add(key);
        foreach (var o in new Option[] { year, org, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var library = await LibraryAsync(context, data, parse, parse.GetValue(org), ct);
            var factorKey = parse.GetValue(key)!;
            var forYear = parse.GetValue(year);
            IReadOnlyList<EmissionFactor> shown;
            string? note = null;
            if (forYear is { } y)
            {
                var resolved = library.Resolve(factorKey, y);
                if (!resolved.Succeeded)
                {
                    throw new CliFailureException($"{factorKey}: {resolved.Problems[0].Message}");
                }
                shown = [resolved.Value.Factor];
                note = resolved.Value.Note;
            }
            else
            {
                shown = library.Versions(factorKey);
                if (shown.Count == 0)
                {
                    // Synthesised keys (gas/…, leak/…) have no stored versions; resolve them for any year.
                    var resolved = library.Resolve(factorKey, 2000);
                    if (!resolved.Succeeded)
                    {
                        throw new CliFailureException($"{factorKey}: {resolved.Problems[0].Message}");
                    }
                    shown = [resolved.Value.Factor];
                    note = resolved.Value.Note;
                }
            }
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { key = factorKey, year = forYear, note, versions = shown.Select(FactorJson) });
                return ExitCodes.Ok;
            }
            foreach (var f in shown)
            {
                PrintFactor(context, f);
            }
            if (note is not null)
            {
                context.Console.MarkupLine("note: " + Markup.Escape(note));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>The reference library, plus the organization's custom factors when <paramref name="org"/> is given.</summary>
    private static async Task<FactorLibrary> LibraryAsync(CliContext context, DataOptions data, ParseResult parse, string? org, CancellationToken ct)
    {
        if (org is null)
        {
            return ReferenceLibrary.Create();
        }
        await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
        var snapshot = await OrganizationLookup.FindAsync(new InventoryStore(db, context.Clock), org, ct);
        return snapshot.FactorLibrary();
    }

    private static object FactorJson(EmissionFactor f) => new
    {
        f.Key,
        f.Name,
        set = new { f.Set.Id, f.Set.Name, f.Set.Publisher, f.Set.Version, f.Set.Year, f.Set.Region, f.Set.Licence, custom = f.Set.IsCustom },
        perUnit = f.PerUnit.Code,
        f.Year,
        f.Status,
        f.Source,
        f.UncertaintyPercent,
        heatingValue = f.HeatingValue is { } hv ? new { hv.Value, energyUnit = hv.EnergyUnit.Code, perUnit = hv.PerUnit.Code, basis = hv.Basis.ToString() } : null,
        gases = f.Gases.Select(g => new { gas = g.Gas.Code, g.Value, massUnit = g.MassUnit.Code, kilogramsPerUnit = g.KilogramsPerUnit }),
        f.Citation,
    };

    private static void PrintFactor(CliContext context, EmissionFactor f)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("key", Markup.Escape(f.Key));
        grid.AddRow("name", Markup.Escape(f.Name));
        grid.AddRow("set", Markup.Escape($"{f.Set.Id}: {f.Set.Name} — {f.Set.Publisher}, version {f.Set.Version}, {f.Set.Region}, {f.Set.Licence}"));
        grid.AddRow("year", f.Year?.ToString(CultureInfo.InvariantCulture) ?? "any");
        grid.AddRow("unit", Markup.Escape($"per {f.PerUnit.Code}"));
        grid.AddRow("status", Markup.Escape(f.Status));
        grid.AddRow("source", Markup.Escape(f.Source));
        grid.AddRow("uncertainty", f.UncertaintyPercent is { } u ? CliRun.Inv($"±{u} % (95 %)") : "—");
        grid.AddRow("heating value", f.HeatingValue is { } hv ? Markup.Escape(hv.ToString()) : "—");
        context.Console.Write(grid);
        var gases = new Table().AddColumn("gas").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit");
        foreach (var g in f.Gases)
        {
            gases.AddRow(Markup.Escape(g.Gas.Code), g.Value.ToString(CultureInfo.InvariantCulture), Markup.Escape($"{g.MassUnit.Code} {g.Gas.Code}/{f.PerUnit.Code}"));
        }
        context.Console.Write(gases);
    }
}
