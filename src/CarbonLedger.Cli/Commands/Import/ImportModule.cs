using System.CommandLine;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Import;
using CarbonLedger.Inventory;
using NodaTime;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Import;

/// <summary><c>carbonledger import --org ID FILE…</c>: validates the template files (CSV or .xlsx) with
/// <see cref="InventoryImporter.ImportAsync"/> and stores them all-or-nothing (issue 2 item 7). Every problem is printed
/// as <c>file:sheet:row:column: reason</c>; then nothing is stored and the exit code is 1.</summary>
public sealed class ImportModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cmd = new Command("import", "Import facilities, sources, activity data and custom factors from CSV files (named facilities.csv, sources.csv, activity.csv, factors.csv or their zh-TW names) or .xlsx workbooks; all-or-nothing, re-importing updates instead of duplicating.\nExample: carbonledger import --org 3f2c…e1 facilities.csv sources.csv activity.csv");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var inventory = OrganizationLookup.InventoryOption("Inventory whose period activity rows must fall in (default: the organization's latest)");
        var user = new Option<string?>("--user") { Description = "Who is importing, stamped on every row (default: the OS user name)" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout (no progress bar)" };
        var files = new Argument<string[]>("files") { Description = "CSV files and/or .xlsx workbooks", Arity = ArgumentArity.OneOrMore };
        foreach (var o in new Option[] { org, inventory, user, json })
        {
            cmd.Options.Add(o);
        }
        cmd.Arguments.Add(files);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var paths = parse.GetValue(files)!;
            var asJson = parse.GetValue(json);
            var who = parse.GetValue(user) is { Length: > 0 } u ? u : Environment.UserName;
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var store = new InventoryStore(db, context.Clock);
            var snapshot = await OrganizationLookup.FindAsync(store, parse.GetValue(org)!, ct);
            var inv = await OrganizationLookup.FindInventoryAsync(store, snapshot.Organization.Id, parse.GetValue(inventory), ct);
            var period = new ReportingPeriod(LocalDate.FromDateOnly(inv.PeriodStart), LocalDate.FromDateOnly(inv.PeriodEnd));

            var missing = paths.Where(p => !File.Exists(p)).Select(p => new Problem(new ProblemLocation(File: p), "file not found", "找不到檔案")).ToList();
            Outcome<ApplyResult> outcome;
            if (missing.Count > 0)
            {
                outcome = Outcome<ApplyResult>.Failure(missing);
            }
            else
            {
                var streams = paths.Select(p => (Stream)File.OpenRead(p)).ToList();
                try
                {
                    var importFiles = paths.Zip(streams, (p, s) => new ImportFile(Path.GetFileName(p), s)).ToList();
                    outcome = asJson
                        ? await InventoryImporter.ImportAsync(store, snapshot.Organization.Id, importFiles, who, null, ct, period, context.Clock)
                        : await WithProgressAsync(context, EstimateActivityRows(paths), progress =>
                            InventoryImporter.ImportAsync(store, snapshot.Organization.Id, importFiles, who, progress, ct, period, context.Clock));
                }
                finally
                {
                    foreach (var s in streams) { await s.DisposeAsync(); }
                }
            }

            if (!outcome.Succeeded)
            {
                foreach (var p in outcome.Problems)
                {
                    await context.Error.WriteLineAsync(CliRun.Format(p));
                }
                if (asJson)
                {
                    CliRun.Json(context, new { succeeded = false, stored = 0, problems = outcome.Problems.Select(CliRun.ProblemJson) });
                }
                else
                {
                    context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{outcome.Problems.Count} problem(s); nothing was stored")));
                }
                return ExitCodes.Failed;
            }
            var r = outcome.Value;
            if (asJson)
            {
                CliRun.Json(context, new { succeeded = true, organizationId = snapshot.Organization.Id, inventoryId = inv.Id, r.BatchId, r.Inserted, r.Updated });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"imported into '{snapshot.Organization.Name}' ({inv.Name}): {r.Inserted} inserted, {r.Updated} updated (batch {r.BatchId})")));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>Activity rows in the CSV activity files (lines after the header), the progress bar's length; null when
    /// only a workbook holds them (the bar then runs indeterminate).</summary>
    private static int? EstimateActivityRows(IEnumerable<string> paths)
    {
        var total = 0;
        foreach (var p in paths)
        {
            if (Path.GetExtension(p).Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            if (ImportTemplates.TryFind(Path.GetFileNameWithoutExtension(p), out var t) && t.Kind == TemplateKind.Activity)
            {
                total += Math.Max(0, File.ReadLines(p).Count(l => l.Length > 0) - 1);
            }
        }
        return total;
    }

    private static async Task<T> WithProgressAsync<T>(CliContext context, int? expectedRows, Func<IProgress<int>, Task<T>> work)
    {
        return await context.Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask("validating and storing", maxValue: Math.Max(1, expectedRows ?? 1));
                task.IsIndeterminate = expectedRows is null or 0;
                var result = await work(new RowProgress(task, Determinate: !task.IsIndeterminate));
                task.Value = task.MaxValue;
                task.StopTask();
                return result;
            });
    }

    /// <summary>Moves the bar as the store reports activity rows written (synchronously: no captured context).</summary>
    private sealed record RowProgress(ProgressTask Task, bool Determinate) : IProgress<int>
    {
        public void Report(int value)
        {
            if (Determinate)
            {
                Task.Value = Math.Min(value, Task.MaxValue);
            }
            Task.Description = CliRun.Inv($"storing activity rows: {value:N0}");
        }
    }
}
