using System.CommandLine;
using System.Globalization;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Reports.Inventory;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Inventory;

/// <summary><c>carbonledger report</c>: the inventory report (boundary, base year, sources, methods, factors with
/// provenance, results, Scope 2 dual results, exclusions, data quality) rendered by <see cref="InventoryReports"/> as
/// HTML, .xlsx, CSV, JSON or PDF in zh-TW or English (issue 2 item 9; PDF: issue 3 item 6).</summary>
public sealed class ReportModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cmd = new Command("report", "Write the inventory report as HTML, .xlsx, CSV, JSON or PDF, in zh-TW or English.\nExample: carbonledger report --org 3f2c…e1 --inventory FY2024 --format html --lang zh-TW --out report.html");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var inventory = OrganizationLookup.InventoryOption("Inventory id or name (default: the organization's latest)");
        var format = new Option<string?>("--format") { Description = "html, xlsx, csv, json or pdf (default: from the --out extension; pdf needs a CJK font, e.g. apt-get install fonts-noto-cjk)" };
        format.AcceptOnlyFromAmong("html", "xlsx", "csv", "json", "pdf");
        var lang = new Option<string>("--lang") { Description = "zh-TW or en (default zh-TW)", DefaultValueFactory = _ => "zh-TW" };
        lang.AcceptOnlyFromAmong("zh-TW", "en");
        var output = new Option<string>("--out") { Description = "File to write (overwritten)", Required = true, HelpName = "file" };
        var preparedBy = new Option<string?>("--prepared-by") { Description = "Who prepared the report (default: the OS user name)" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document (what was written) to stdout" };
        foreach (var o in new Option[] { org, inventory, format, lang, output, preparedBy, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var path = parse.GetValue(output)!;
            var reportFormat = Format(parse.GetValue(format), path);
            var language = parse.GetValue(lang) == "en" ? ReportLanguage.English : ReportLanguage.ZhTw;
            var asJson = parse.GetValue(json);
            var settings = data.Settings(parse);
            Task<CalculateModule.Calculated> Load() => CalculateModule.LoadAndCalculateAsync(context, settings, parse.GetValue(org)!, parse.GetValue(inventory), ct);
            var calculated = asJson
                ? await Load()
                : await context.Console.Status().Spinner(Spinner.Known.Dots).StartAsync("loading and calculating the inventory…", _ => Load());

            var organization = calculated.Organization.Organization;
            var baseYear = await BaseYearAsync(context, settings, organization.Id, ct);
            var reportContext = new InventoryReportContext(organization.Name, InventoryReportContext.DescribeBoundary(calculated.Result.Input.Boundary, language),
                parse.GetValue(preparedBy) is { Length: > 0 } who ? who : Environment.UserName, context.Clock.GetCurrentInstant(), language,
                baseYear: organization.BaseYear, baseYearEmissionsTonnes: baseYear?.Check.BaseYearTonnes,
                structuralChanges: baseYear?.Changes.Select(c => c.Change).ToList());
            var model = InventoryReportModel.From(calculated.Result, reportContext);
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory)) { Directory.CreateDirectory(directory); }
            await using (var stream = File.Create(path))
            {
                InventoryReports.Render(model, reportFormat, stream);
            }
            var bytes = new FileInfo(path).Length;
            if (asJson)
            {
                CliRun.Json(context, new { file = path, format = reportFormat, language = language.Tag(), bytes, inventoryId = calculated.Inventory.Id, isComplete = calculated.Result.IsComplete });
            }
            else
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"wrote {path} ({reportFormat}, {language.Tag()}, {bytes:N0} bytes)")));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>The base-year emissions and recorded changes when the organization has a base-year inventory with
    /// emissions; otherwise none, and the report shows the base year without a comparison.</summary>
    private static async Task<BaseYearCheck?> BaseYearAsync(CliContext context, DatabaseSettings settings, Guid organizationId, CancellationToken ct)
    {
        await using var db = await DataOptions.OpenExistingAsync(settings, ct);
        var outcome = await new BaseYearStore(db, context.Clock).CheckBaseYearAsync(organizationId, ct);
        return outcome.Succeeded ? outcome.Value : null;
    }

    private static ReportFormat Format(string? option, string path)
    {
        var text = option ?? Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return text switch
        {
            "html" or "htm" => ReportFormat.Html,
            "xlsx" => ReportFormat.Xlsx,
            "csv" => ReportFormat.Csv,
            "json" => ReportFormat.Json,
            "pdf" => ReportFormat.Pdf,
            _ => throw new CliUsageException($"--format: give html, xlsx, csv, json or pdf (cannot tell from '{Path.GetFileName(path)}')"),
        };
    }
}
