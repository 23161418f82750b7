using System.CommandLine;
using System.Text;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Import;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Templates;

/// <summary><c>carbonledger template write</c>: the import templates (facilities, sources, activity, factors) as CSV
/// files or one .xlsx workbook with a README sheet, written by the Import project's <see cref="TemplateWriter"/>.</summary>
public sealed class TemplateModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var template = new Command("template", "Import templates for facilities, sources, activity data and custom factors.\nExample: carbonledger template write --kind all --format xlsx --out templates");
        template.Subcommands.Add(Write(context));
        return template;
    }

    private static Command Write(CliContext context)
    {
        var cmd = new Command("write", "Write templates (header + one example row) to a folder: CSV per template, or one workbook inventory-templates.xlsx with every sheet and a README.\nExample: carbonledger template write --kind activity --format csv --out ./templates");
        var kind = new Option<string>("--kind") { Description = "facilities, sources, activity, factors or all (default all)", DefaultValueFactory = _ => "all" };
        kind.AcceptOnlyFromAmong("facilities", "sources", "activity", "factors", "all");
        var format = new Option<string>("--format") { Description = "csv or xlsx (default csv)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "Folder to write into (created if missing)", Required = true, HelpName = "dir" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document (the files written) to stdout" };
        foreach (var o in new Option[] { kind, format, output, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, _) => CliRun.RunAsync(context, () =>
        {
            var dir = parse.GetValue(output)!;
            var which = parse.GetValue(kind)!;
            var files = new List<string>();
            if (parse.GetValue(format) == "xlsx")
            {
                if (which != "all")
                {
                    throw new CliUsageException($"--kind {which}: the .xlsx workbook always holds every template sheet; use --kind all, or --format csv for one template");
                }
                Directory.CreateDirectory(dir);
                var path = Path.Combine(dir, "inventory-templates.xlsx");
                TemplateWriter.WriteXlsx(path);
                files.Add(path);
            }
            else if (which == "all")
            {
                files.AddRange(TemplateWriter.WriteCsvFiles(dir));
            }
            else
            {
                Directory.CreateDirectory(dir);
                var template = ImportTemplates.All.Single(t => t.Name == which);
                var path = Path.Combine(dir, template.Name + ".csv");
                // UTF-8 with a byte-order mark, as TemplateWriter.WriteCsvFiles writes them, so Excel shows the zh-TW text.
                using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
                {
                    TemplateWriter.WriteCsv(template, writer);
                }
                files.Add(path);
            }
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { files });
            }
            else
            {
                foreach (var f in files)
                {
                    context.Console.MarkupLine("wrote " + Markup.Escape(f));
                }
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }
}
