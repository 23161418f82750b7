using System.CommandLine;
using System.Globalization;
using CarbonLedger.Audit;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Import.Audit;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Audit;

/// <summary><c>carbonledger audit recompute FILE</c>: the internal audit's recomputation check (SPEC §2; seed 002 肆):
/// given a published table (quantity, factor, reported result) recompute every row and flag the rows that differ.</summary>
public sealed class AuditModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var audit = new Command("audit", "Internal audit (內部稽核): recompute a published emission table.\nExample: carbonledger audit recompute published-2024.xlsx");
        audit.Subcommands.Add(Recompute(context));
        return audit;
    }

    private static Command Recompute(CliContext context)
    {
        var cmd = new Command("recompute", "Recompute every row of a published table (.csv or .xlsx: label, quantity, unit, factor, factor_unit, reported, reported_unit; `carbonledger template write` has the template) as quantity × factor in the reported unit. A row differs when |reported − recomputed| exceeds half a unit of its last printed decimal, or --tolerance if larger; exit 1 when any row differs.\nExample: carbonledger audit recompute published-2024.csv --tolerance 0.01");
        var file = new Argument<string>("file") { Description = "The published table, .csv or .xlsx" };
        var tolerance = new Option<string?>("--tolerance") { Description = "Absolute tolerance in the reported unit (default 0: only rounding to the printed decimals is allowed)", HelpName = "amount" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Arguments.Add(file);
        cmd.Options.Add(tolerance);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var allowed = 0m;
            if (parse.GetValue(tolerance) is { } text
                && (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out allowed) || allowed < 0m))
            {
                throw new CliUsageException($"--tolerance: '{text}' is not a non-negative number (e.g. 0.01)");
            }
            var path = parse.GetValue(file)!;
            var read = await ReadAsync(path, ct);
            if (!read.Succeeded)
            {
                foreach (var p in read.Problems) { await CliRun.Error(context, CliRun.Format(p)); }
                return ExitCodes.Failed;
            }
            var report = RecomputationCheck.Check(read.Value, allowed);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    file = Path.GetFileName(path), tolerance = allowed, rows = report.Rows.Count, differing = report.Differing.Count,
                    results = report.Rows.Select(r => new
                    {
                        row = r.Source.Row, label = r.Source.Label, quantity = r.Source.Activity.Value, unit = r.Source.Activity.Unit.Code,
                        factor = r.Source.Factor, factorUnit = $"{r.Source.FactorMassUnit.Code}/{r.Source.FactorPerUnit.Code}",
                        reported = r.Source.Reported, reportedUnit = r.Source.ReportedUnit.Code, recomputed = r.Recomputed, difference = r.Difference,
                        r.RelativeDifference, r.Tolerance, differs = r.Differs,
                    }).ToList(),
                });
            }
            else
            {
                var table = new Table().Title(Markup.Escape($"Recomputation of {Path.GetFileName(path)}"))
                    .AddColumn(new TableColumn("row").RightAligned()).AddColumn("label")
                    .AddColumn(new TableColumn("quantity").RightAligned()).AddColumn(new TableColumn("factor").RightAligned())
                    .AddColumn(new TableColumn("reported").RightAligned()).AddColumn(new TableColumn("recomputed").RightAligned())
                    .AddColumn(new TableColumn("difference").RightAligned()).AddColumn("check");
                foreach (var r in report.Rows)
                {
                    var s = r.Source;
                    table.AddRow(
                        s.Row.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Label),
                        Markup.Escape($"{Number(s.Activity.Value)} {s.Activity.Unit.Code}"),
                        Markup.Escape($"{Number(s.Factor)} {s.FactorMassUnit.Code}/{s.FactorPerUnit.Code}"),
                        Markup.Escape($"{s.Reported.ToString("#,0." + new string('0', s.ReportedDecimals), CultureInfo.InvariantCulture).TrimEnd('.')} {s.ReportedUnit.Code}"),
                        Markup.Escape($"{Number(r.Recomputed)} {s.ReportedUnit.Code}"),
                        Signed(r.Difference),
                        r.Differs ? $"[red]DIFFERS[/] (> {Number(r.Tolerance)})" : $"ok (≤ {Number(r.Tolerance)})");
                }
                context.Console.Write(table);
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{report.Rows.Count} rows recomputed, {report.Differing.Count} differ")));
                foreach (var r in report.Differing)
                {
                    context.Console.MarkupLine(Markup.Escape(CliRun.Inv(
                        $"row {r.Source.Row} ({r.Source.Label}): reported {r.Source.Reported} {r.Source.ReportedUnit.Code}, recomputed {Number(r.Recomputed)}, difference {Signed(r.Difference)}")));
                }
            }
            return report.Differing.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task<CarbonLedger.Common.Outcome<IReadOnlyList<PublishedRow>>> ReadAsync(string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            throw new CliFailureException($"{path}: file not found");
        }
        await using var stream = File.OpenRead(path);
        ct.ThrowIfCancellationRequested();
        return PublishedTableReader.Read(path, stream);
    }

    // Every significant digit: a recomputed value is shown as computed, not rounded to what the report printed.
    private static string Number(decimal value) => value.ToString("#,0.############################", CultureInfo.InvariantCulture);

    private static string Signed(decimal value) => (value > 0m ? "+" : "") + Number(value);
}
