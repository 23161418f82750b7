using System.CommandLine;
using System.Globalization;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Factors;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Factors;

/// <summary><c>carbonledger gwp show</c>: a GWP set's 100-year values, including refrigerant blends computed from their
/// components by mass fraction (IPCC 2006 GL Vol. 3 Ch. 7 Table 7.8 compositions).</summary>
public sealed class GwpModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var gwp = new Command("gwp", "Global warming potentials (GWP-100) of the shipped sets.\nExample: carbonledger gwp show --set AR5 R-410A");
        gwp.Subcommands.Add(Show(context));
        return gwp;
    }

    private static Command Show(CliContext context)
    {
        var cmd = new Command("show", "Show a GWP set, or one gas or blend in it with where the value comes from.\nExample: carbonledger gwp show --set AR6 HFC-134a");
        var set = new Option<string>("--set") { Description = "AR4, AR5 or AR6 (also SAR, TAR for history); default AR5", DefaultValueFactory = _ => "AR5" };
        set.AcceptOnlyFromAmong("SAR", "TAR", "AR4", "AR5", "AR6");
        var gas = new Argument<string?>("gas") { Description = "Gas or blend code, e.g. CH4, HFC-134a, R-404A (omit for the whole set)", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Options.Add(set);
        cmd.Options.Add(json);
        cmd.Arguments.Add(gas);
        cmd.SetAction((parse, _) => CliRun.RunAsync(context, () =>
        {
            var gwpSet = ReferenceLibrary.Default.GetGwpSet(parse.GetValue(set)!);
            var code = parse.GetValue(gas);
            var asJson = parse.GetValue(json);
            if (code is not null)
            {
                var g = GreenhouseGas.FromCode(code);
                if (!gwpSet.TryGet(g, out var value))
                {
                    throw new CliFailureException($"gas: GWP set {gwpSet.Id} has no value for {g.Code}");
                }
                var blend = gwpSet.Blends.FirstOrDefault(b => string.Equals(b.Code, g.Code, StringComparison.OrdinalIgnoreCase));
                if (asJson)
                {
                    CliRun.Json(context, new
                    {
                        set = gwpSet.Id, gas = g.Code, gwp = value.Value, value.Provenance,
                        components = blend?.Components.Select(c => new { c.GasCode, c.MassFraction, gwp = gwpSet.SingleGasValues.TryGetValue(GreenhouseGas.Normalize(c.GasCode), out var v) ? v : (decimal?)null }),
                    });
                }
                else
                {
                    context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{g.Code} in {gwpSet.Id}: GWP-100 = {value.Value}")));
                    context.Console.MarkupLine(Markup.Escape("source: " + value.Provenance));
                    if (blend is not null)
                    {
                        var table = new Table().AddColumn("component").AddColumn(new TableColumn("mass fraction").RightAligned()).AddColumn(new TableColumn("GWP").RightAligned()).AddColumn(new TableColumn("fraction × GWP").RightAligned());
                        foreach (var c in blend.Components)
                        {
                            var v = gwpSet.SingleGasValues[GreenhouseGas.Normalize(c.GasCode)];
                            table.AddRow(Markup.Escape(c.GasCode), c.MassFraction.ToString(CultureInfo.InvariantCulture), v.ToString(CultureInfo.InvariantCulture), (c.MassFraction * v).ToString(CultureInfo.InvariantCulture));
                        }
                        context.Console.Write(table);
                    }
                }
                return Task.FromResult(ExitCodes.Ok);
            }

            var blends = gwpSet.Blends.OrderBy(b => b.Code, StringComparer.Ordinal)
                .Select(b => (Blend: b, Ok: gwpSet.TryGet(GreenhouseGas.FromCode(b.Code), out var v), Value: v))
                .ToList();
            if (asJson)
            {
                CliRun.Json(context, new
                {
                    set = gwpSet.Id, gwpSet.Name, gwpSet.Source,
                    gases = gwpSet.SingleGasValues.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => k.Value),
                    blends = blends.Select(b => new
                    {
                        code = b.Blend.Code, gwp = b.Ok ? b.Value.Value : (decimal?)null,
                        components = b.Blend.Components.Select(c => new { c.GasCode, c.MassFraction }),
                        note = b.Ok ? null : "a component has no value in this set",
                    }),
                });
                return Task.FromResult(ExitCodes.Ok);
            }
            context.Console.MarkupLine(Markup.Escape($"{gwpSet.Id}: {gwpSet.Name} — {gwpSet.Source}"));
            var gases = new Table().Title("single gases").AddColumn("gas").AddColumn(new TableColumn("GWP-100").RightAligned());
            foreach (var (k, v) in gwpSet.SingleGasValues.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                gases.AddRow(Markup.Escape(k), v.ToString(CultureInfo.InvariantCulture));
            }
            context.Console.Write(gases);
            var blendTable = new Table().Title("blends (computed from components by mass fraction)").AddColumn("blend").AddColumn(new TableColumn("GWP-100").RightAligned()).AddColumn("components");
            foreach (var (blend, ok, value) in blends)
            {
                blendTable.AddRow(Markup.Escape(blend.Code), ok ? value.Value.ToString(CultureInfo.InvariantCulture) : "— (component missing)",
                    Markup.Escape(string.Join(" / ", blend.Components.Select(c => CliRun.Inv($"{c.GasCode} {c.MassFraction:P1}")))));
            }
            context.Console.Write(blendTable);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }
}
