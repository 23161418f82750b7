using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using CarbonLedger.Planning;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;
using NodaTime.Text;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Planning;

/// <summary><c>carbonledger plan …</c>: transition plans after the FSC's recommended items (seed 003, SPEC §6, issue 5) —
/// the sample plan, the activity classification (符合 / 轉型中 / 不符合 / 不適用), versioned saving and approval, the
/// completeness check and the plan document (HTML, PDF, Word). Plan files are the JSON of <see cref="PlanJson"/>.</summary>
public sealed class PlanModule : ICliModule
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var plan = new Command("plan", "Transition plans (FSC recommended items, seed 003): sample, classify, save, list, show, check, approve, document.\n"
            + "Example: carbonledger plan sample --out plan.json && carbonledger plan check plan.json");
        plan.Subcommands.Add(Sample(context));
        plan.Subcommands.Add(Classify(context));
        plan.Subcommands.Add(Save(context));
        plan.Subcommands.Add(List(context));
        plan.Subcommands.Add(Show(context));
        plan.Subcommands.Add(Check(context));
        plan.Subcommands.Add(Approve(context));
        plan.Subcommands.Add(Document(context));
        return plan;
    }

    private static Command Sample(CliContext context)
    {
        var cmd = new Command("sample", "Write the FSC's sample plan (轉型計畫樣本, seed 003) as plan JSON, its blanks left empty.\nExample: carbonledger plan sample --lang en --out plan.json");
        var lang = PlanningCli.LangOption();
        var output = new Option<string?>("--out") { Description = "File to write (default stdout)", HelpName = "file" };
        cmd.Options.Add(lang);
        cmd.Options.Add(output);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var english = PlanningCli.Language(parse.GetValue(lang)) == ReportLanguage.English;
            var json = JsonSerializer.Serialize(TransitionPlanSample.Seed003(english), PlanningCli.Indented);
            if (parse.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(path, json + "\n", ct);
                context.Console.MarkupLine(Markup.Escape($"wrote the sample plan to {path}"));
            }
            else
            {
                var writer = context.Console.Profile.Out.Writer;
                await writer.WriteAsync(json + "\n");
                await writer.FlushAsync(ct);
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Classify(CliContext context)
    {
        var cmd = new Command("classify", "Classify economic activities by the Reference Guidelines' rule: status per activity and revenue share per status.\n"
            + "CSV columns: name,revenue_share,type,substantial_contribution,no_significant_harm,social_safeguards,has_transition_plan[,status]; or JSON (a plan, {\"activities\":[…]} or an array).\n"
            + "Example: carbonledger plan classify activities.csv");
        var file = new Argument<string>("file") { Description = "activities.csv or a plan/activities .json" };
        var json = PlanningCli.JsonOption();
        cmd.Arguments.Add(file);
        cmd.Options.Add(json);
        cmd.SetAction((parse, _) => CliRun.RunAsync(context, () =>
        {
            var path = parse.GetValue(file)!;
            var read = PlanningCli.ReadActivities(path);
            if (!read.Succeeded) { return Task.FromResult(PlanningCli.Fail(context, read.Problems)); }
            var outcome = ActivityClassifier.Classify(read.Value);
            if (!outcome.Succeeded) { return Task.FromResult(PlanningCli.Fail(context, outcome.Problems, Path.GetFileName(path))); }
            var c = outcome.Value;
            if (parse.GetValue(json))
            {
                PlanningCli.Json(context, new
                {
                    activities = c.Activities.Select(a => new { a.Activity.Name, a.Activity.RevenueShare, a.Activity.Type, a.Status, statusZhTw = ActivityClassifier.ZhTw(a.Status), a.Reason }),
                    shares = Enum.GetValues<SustainabilityStatus>().ToDictionary(s => JsonNamingPolicy.CamelCase.ConvertName(s.ToString()), c.Share),
                });
                return Task.FromResult(ExitCodes.Ok);
            }
            var table = new Table().AddColumn("activity").AddColumn(new TableColumn("revenue").RightAligned()).AddColumn("type").AddColumn("status").AddColumn("why");
            foreach (var a in c.Activities)
            {
                table.AddRow(Markup.Escape(a.Activity.Name), PlanningCli.Percent(a.Activity.RevenueShare), ActivityClassifier.ZhTw(a.Activity.Type),
                    Markup.Escape($"{ActivityClassifier.ZhTw(a.Status)} {ActivityClassifier.English(a.Status)}"), Markup.Escape(a.Reason));
            }
            context.Console.Write(table);
            var shares = new Table().AddColumn("status").AddColumn(new TableColumn("revenue share").RightAligned());
            foreach (var s in Enum.GetValues<SustainabilityStatus>()) { shares.AddRow(Markup.Escape($"{ActivityClassifier.ZhTw(s)} {ActivityClassifier.English(s)}"), PlanningCli.Percent(c.Share(s))); }
            context.Console.Write(shares);
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Save(CliContext context)
    {
        var cmd = new Command("save", "Save a plan file as a new plan (version 1) or, with --plan, as the next version of a plan; an unchanged file saves nothing.\n"
            + "Example: carbonledger plan save plan.json --org 3f2c…e1 --plan 9a1b…");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var file = new Argument<string>("file") { Description = "Plan JSON (e.g. from `carbonledger plan sample`)" };
        var planOption = new Option<string?>("--plan") { Description = "The plan (id or exact title) to add a version to" };
        var note = new Option<string?>("--note") { Description = "What changed in this version" };
        var json = PlanningCli.JsonOption();
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { org, planOption, note, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var read = PlanningCli.ReadPlanFile(parse.GetValue(file)!);
            if (!read.Succeeded) { return PlanningCli.Fail(context, read.Problems); }
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            Guid? planId = parse.GetValue(planOption) is { } p ? await FindPlanAsync(opened.Store, opened.OrgId, p, ct) : null;
            var saved = await opened.Store.SavePlanAsync(opened.OrgId, planId, read.Value, Environment.UserName, parse.GetValue(note), ct);
            if (!saved.Succeeded) { return PlanningCli.Fail(context, saved.Problems); }
            var v = saved.Value;
            if (parse.GetValue(json)) { PlanningCli.Json(context, new { planId = v.PlanId, v.Version, v.ContentSha256 }); }
            else { context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"plan {v.PlanId} version {v.Version} (sha256 {v.ContentSha256[..12]}…)"))); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task<Guid> FindPlanAsync(PlanningStore store, Guid orgId, string idOrTitle, CancellationToken ct)
    {
        var all = await store.ListPlansAsync(orgId, ct);
        var match = all.FirstOrDefault(p => Guid.TryParse(idOrTitle, out var id) ? p.Id == id : string.Equals(p.Title, idOrTitle, StringComparison.Ordinal));
        return match?.Id ?? throw new CliFailureException($"plan: the organization has no plan '{idOrTitle}' (`carbonledger plan list` shows them)");
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "The organization's plans with their latest and approved versions.\nExample: carbonledger plan list --org 3f2c…e1");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var json = PlanningCli.JsonOption();
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            var plans = await opened.Store.ListPlansAsync(opened.OrgId, ct);
            if (parse.GetValue(json)) { PlanningCli.Json(context, plans); return ExitCodes.Ok; }
            var table = new Table().AddColumn("id").AddColumn("title").AddColumn(new TableColumn("latest").RightAligned()).AddColumn(new TableColumn("approved").RightAligned()).AddColumn("updated");
            foreach (var p in plans)
            {
                table.AddRow(p.Id.ToString(), Markup.Escape(p.Title), p.LatestVersion.ToString(Inv), p.ApprovedVersion?.ToString(Inv) ?? "—", p.UpdatedAt.ToString());
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Show(CliContext context)
    {
        var cmd = new Command("show", "A plan version (the latest by default): its versions and approval; --json writes the plan JSON itself.\nExample: carbonledger plan show 9a1b… --org 3f2c…e1 --version 2 --json");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var id = new Argument<string>("plan") { Description = "Plan id or exact title" };
        var version = new Option<int?>("--version") { Description = "Version (default the latest)" };
        var json = PlanningCli.JsonOption();
        cmd.Arguments.Add(id);
        foreach (var o in new Option[] { org, version, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            var planId = await FindPlanAsync(opened.Store, opened.OrgId, parse.GetValue(id)!, ct);
            var stored = await opened.Store.LoadPlanAsync(opened.OrgId, planId, parse.GetValue(version), ct)
                ?? throw new CliFailureException(CliRun.Inv($"--version: plan {planId} has no version {parse.GetValue(version)}"));
            if (parse.GetValue(json))
            {
                PlanningCli.Json(context, new { stored.PlanId, stored.Version, stored.ContentSha256, stored.Note, stored.SavedBy, stored.SavedAt, stored.Approval, plan = stored.Plan });
                return ExitCodes.Ok;
            }
            context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{stored.Plan.Title} — plan {stored.PlanId} version {stored.Version}, saved by {stored.SavedBy} at {stored.SavedAt}")));
            var versions = new Table().AddColumn("version").AddColumn("saved").AddColumn("by").AddColumn("note").AddColumn("approval");
            foreach (var v in await opened.Store.VersionsAsync(opened.OrgId, planId, ct))
            {
                versions.AddRow(v.Version.ToString(Inv), v.SavedAt.ToString(), Markup.Escape(v.SavedBy), Markup.Escape(v.Note ?? ""),
                    Markup.Escape(v.Approval is { } a ? CliRun.Inv($"{a.ApprovingBody} {LocalDatePattern.Iso.Format(a.ApprovalDate)}: {a.Resolution}") : ""));
            }
            context.Console.Write(versions);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary>A plan argument: an existing file is read as plan JSON (figures from --org when given); otherwise it is a
    /// stored plan's id or title (needs --org).</summary>
    private static async Task<(TransitionPlan Plan, PlanFigures Figures, string OrganizationName, int? Version)> ResolveAsync(CliContext context, DataOptions data,
        ParseResult parse, string argument, string? org, int? version, CancellationToken ct)
    {
        if (File.Exists(argument))
        {
            var read = PlanningCli.ReadPlanFile(argument);
            if (!read.Succeeded) { throw new PlanFileException(read.Problems); }
            if (org is null) { return (read.Value, PlanFigures.None, read.Value.Boundary ?? read.Value.Title, null); }
            await using var withOrg = await PlanningCli.OpenAsync(context, data, parse, org, ct);
            return (read.Value, await withOrg.Store.FiguresAsync(withOrg.OrgId, read.Value, ct: ct), withOrg.Organization.Organization.Name, null);
        }
        if (org is null) { throw new CliUsageException($"'{argument}' is not a file; to name a stored plan give --org"); }
        await using var opened = await PlanningCli.OpenAsync(context, data, parse, org, ct);
        var planId = await FindPlanAsync(opened.Store, opened.OrgId, argument, ct);
        var stored = await opened.Store.LoadPlanAsync(opened.OrgId, planId, version, ct)
            ?? throw new CliFailureException(CliRun.Inv($"--version: plan {planId} has no version {version}"));
        return (stored.Plan, await opened.Store.FiguresAsync(opened.OrgId, stored.Plan, ct: ct), opened.Organization.Organization.Name, stored.Version);
    }

    private sealed class PlanFileException(IReadOnlyList<Common.Problem> problems) : Exception("the plan file is not valid")
    {
        public IReadOnlyList<Common.Problem> Problems { get; } = problems;
    }

    private static Command Check(CliContext context)
    {
        var cmd = new Command("check", "The completeness check: every FSC recommended item missing or vague, the UK TPT sub-elements left empty, IFRS S2 coverage. Exit 1 when there are gaps.\n"
            + "Example: carbonledger plan check plan.json    or    carbonledger plan check 9a1b… --org 3f2c…e1");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption(required: false);
        var planArg = new Argument<string>("plan") { Description = "A plan JSON file, or a stored plan's id or title (with --org)" };
        var version = new Option<int?>("--version") { Description = "Version of a stored plan (default the latest)" };
        var lang = PlanningCli.LangOption();
        var json = PlanningCli.JsonOption();
        cmd.Arguments.Add(planArg);
        foreach (var o in new Option[] { org, version, lang, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var zh = PlanningCli.Language(parse.GetValue(lang)) == ReportLanguage.ZhTw;
            (TransitionPlan Plan, PlanFigures Figures, string OrganizationName, int? Version) resolved;
            try { resolved = await ResolveAsync(context, data, parse, parse.GetValue(planArg)!, parse.GetValue(org), parse.GetValue(version), ct); }
            catch (PlanFileException ex) { return PlanningCli.Fail(context, ex.Problems); }
            var report = PlanCompleteness.Check(resolved.Plan, resolved.Figures);
            var emptyTpt = report.Tpt.Where(t => !t.Covered).ToList();
            if (parse.GetValue(json))
            {
                PlanningCli.Json(context, new { report.IsComplete, report.Gaps, tptEmpty = emptyTpt.Select(t => t.Code), report.IfrsS2 });
            }
            else
            {
                var gaps = new Table().Title(Markup.Escape(CliRun.Inv($"{report.Gaps.Count} gaps"))).AddColumn("item").AddColumn("kind").AddColumn("field").AddColumn("what");
                foreach (var g in report.Gaps) { gaps.AddRow(g.Item.ToString(), g.Kind.ToString(), Markup.Escape(g.Field), Markup.Escape(zh ? g.MessageZhTw : g.Message)); }
                context.Console.Write(gaps);
                if (emptyTpt.Count > 0)
                {
                    context.Console.MarkupLine(Markup.Escape("UK TPT sub-elements left empty: " + string.Join(", ", emptyTpt.Select(t => $"{t.Code} {t.SubElement}"))));
                }
                var ifrs = report.IfrsS2.Where(i => !i.Covered).ToList();
                if (ifrs.Count > 0) { context.Console.MarkupLine(Markup.Escape("IFRS S2 without content: " + string.Join(", ", ifrs.Select(i => $"{i.Paragraph} {i.Topic}")))); }
                if (report.Classification is { } c)
                {
                    context.Console.MarkupLine(Markup.Escape(CliRun.Inv(
                        $"符合 aligned {PlanningCli.Percent(c.Share(SustainabilityStatus.Aligned))}, 轉型中 transitioning {PlanningCli.Percent(c.Share(SustainabilityStatus.Transitioning))}, 不符合 not aligned {PlanningCli.Percent(c.Share(SustainabilityStatus.NotAligned))}, 不適用 not applicable {PlanningCli.Percent(c.Share(SustainabilityStatus.NotApplicable))}")));
                }
            }
            if (!report.IsComplete)
            {
                await context.Error.WriteLineAsync(CliRun.Inv($"error: the plan has {report.Gaps.Count} gaps against the FSC recommended items"));
                return ExitCodes.Failed;
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Approve(CliContext context)
    {
        var cmd = new Command("approve", "Record the approval of a plan version (only the latest, once): approving body, date and resolution.\n"
            + "Example: carbonledger plan approve 9a1b… --org 3f2c…e1 --version 2 --body 董事會 --date 2025-03-14 --resolution \"董事過半數出席，出席董事過半數同意\"");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var id = new Argument<string>("plan") { Description = "Plan id or exact title" };
        var version = new Option<int>("--version") { Description = "The version approved (must be the latest)", Required = true };
        var body = new Option<string>("--body") { Description = "Approving body (e.g. 董事會 board of directors)", Required = true };
        var date = new Option<string>("--date") { Description = "Approval date (yyyy-MM-dd)", Required = true };
        var resolution = new Option<string>("--resolution") { Description = "The resolution / procedure", Required = true };
        var json = PlanningCli.JsonOption();
        cmd.Arguments.Add(id);
        foreach (var o in new Option[] { org, version, body, date, resolution, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var parsed = LocalDatePattern.Iso.Parse(parse.GetValue(date)!);
            if (!parsed.Success) { throw new CliUsageException($"--date: '{parse.GetValue(date)}' is not a date (yyyy-MM-dd)"); }
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            var planId = await FindPlanAsync(opened.Store, opened.OrgId, parse.GetValue(id)!, ct);
            var approved = await opened.Store.ApprovePlanAsync(opened.OrgId, planId, parse.GetValue(version), parse.GetValue(body), parsed.Value, parse.GetValue(resolution),
                Environment.UserName, ct);
            if (!approved.Succeeded) { return PlanningCli.Fail(context, approved.Problems); }
            var a = approved.Value.Approval!;
            if (parse.GetValue(json)) { PlanningCli.Json(context, new { approved.Value.PlanId, approved.Value.Version, approval = a }); }
            else { context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"plan {planId} version {approved.Value.Version} approved by {a.ApprovingBody} on {LocalDatePattern.Iso.Format(a.ApprovalDate)}"))); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command Document(CliContext context)
    {
        var cmd = new Command("document", "Write the plan document in the structure of the FSC sample (轉型計畫樣本): HTML, PDF or Word (.docx), zh-TW or English.\n"
            + "Example: carbonledger plan document plan.json --format docx --lang zh-TW --out plan.docx");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption(required: false);
        var planArg = new Argument<string>("plan") { Description = "A plan JSON file, or a stored plan's id or title (with --org)" };
        var version = new Option<int?>("--version") { Description = "Version of a stored plan (default the latest)" };
        var format = new Option<string?>("--format") { Description = "html, pdf or docx (default from --out's extension)" };
        var lang = PlanningCli.LangOption();
        var output = new Option<string>("--out") { Description = "File to write", Required = true, HelpName = "file" };
        cmd.Arguments.Add(planArg);
        foreach (var o in new Option[] { org, version, format, lang, output }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var path = parse.GetValue(output)!;
            ReportFormat? reportFormat = parse.GetValue(format) is { } f
                ? PlanningCli.Key(f) switch { "HTML" => ReportFormat.Html, "PDF" => ReportFormat.Pdf, "DOCX" or "WORD" => ReportFormat.Docx, _ => null }
                : PlanReports.FormatOf(path);
            if (reportFormat is null) { throw new CliUsageException($"--format: '{parse.GetValue(format) ?? Path.GetExtension(path)}' is not html, pdf or docx"); }
            var language = PlanningCli.Language(parse.GetValue(lang));
            (TransitionPlan Plan, PlanFigures Figures, string OrganizationName, int? Version) resolved;
            try { resolved = await ResolveAsync(context, data, parse, parse.GetValue(planArg)!, parse.GetValue(org), parse.GetValue(version), ct); }
            catch (PlanFileException ex) { return PlanningCli.Fail(context, ex.Problems); }
            var model = PlanDocumentModel.From(resolved.Plan, resolved.Figures, language, resolved.OrganizationName);
            await using (var stream = File.Create(path))
            {
                PlanReports.Render(model, reportFormat.Value, stream);
            }
            context.Console.MarkupLine(Markup.Escape($"wrote {path} ({reportFormat.Value}, {(language == ReportLanguage.English ? "en" : "zh-TW")})"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
