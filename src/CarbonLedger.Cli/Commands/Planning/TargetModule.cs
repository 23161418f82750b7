using System.CommandLine;
using System.Globalization;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Planning;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Planning;

/// <summary><c>carbonledger target …</c>: GHG reduction targets (SPEC §4, issue 5) — base-year emissions read from the
/// base-year inventory, the pathway per year (SBTi absolute contraction, IPCC AR6 C1-C5, milestones, linear), actual vs
/// pathway with RECs and offsets beside the reductions, the reduction now needed, and the SBTi near-term criteria.</summary>
public sealed class TargetModule : ICliModule
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = new Command("target", "GHG reduction targets: create, list, show (pathway), progress, SBTi criteria, per-year RECs/offsets/denominator.\n"
            + "Example: carbonledger target create --org 3f2c…e1 --name \"SBTi 1.5C S1+2\" --scopes 1,2 --base-year 2024 --target-year 2030 --method sbti-1.5c");
        target.Subcommands.Add(Create(context));
        target.Subcommands.Add(List(context));
        target.Subcommands.Add(Show(context, "show", "A target and its pathway per year.\nExample: carbonledger target show \"SBTi 1.5C S1+2\" --org 3f2c…e1", Detail.Pathway));
        target.Subcommands.Add(Show(context, "progress", "Actual vs pathway per inventory year (RECs and offsets shown apart) and the annual reduction now needed.\nExample: carbonledger target progress \"SBTi 1.5C S1+2\" --org 3f2c…e1", Detail.Progress));
        target.Subcommands.Add(Show(context, "criteria", "The SBTi near-term criteria for the target.\nExample: carbonledger target criteria \"SBTi 1.5C S1+2\" --org 3f2c…e1 --submission-year 2025", Detail.Criteria));
        target.Subcommands.Add(SetYear(context));
        return target;
    }

    private enum Detail
    {
        Pathway,
        Progress,
        Criteria,
    }

    private static Command Create(CliContext context)
    {
        var cmd = new Command("create", "Create a target; its base-year emissions are read from the base-year inventory's calculation.\n"
            + "Methods: linear (needs --reduction), sbti-1.5c (4.2 %/yr), sbti-wb2c (2.5 %/yr), contraction (--rate, --rate-version, --rate-source), ar6 (--category C1-C5), milestones (--milestones 2027:800,2030:500).\n"
            + "Example: carbonledger target create --org 3f2c…e1 --name \"SBTi 1.5C S1+2\" --scopes 1,2 --base-year 2024 --target-year 2030 --method sbti-1.5c");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var name = new Option<string>("--name") { Description = "Target name", Required = true };
        var kind = new Option<string?>("--kind") { Description = "absolute (default) or intensity" };
        var scopes = new Option<string?>("--scopes") { Description = "Scopes covered (default 1,2)" };
        var baseYear = new Option<int>("--base-year") { Description = "Base year (an inventory of that year must exist)", Required = true };
        var targetYear = new Option<int>("--target-year") { Description = "Target year", Required = true };
        var reduction = new Option<string?>("--reduction") { Description = "Reduction by the target year: 0.42 or 42% (default: the method's minimum)" };
        var method = new Option<string?>("--method") { Description = "linear, sbti-1.5c (default), sbti-wb2c, contraction, ar6 or milestones" };
        var rate = new Option<string?>("--rate") { Description = "contraction: annual rate (0.042 or 4.2%)" };
        var rateVersion = new Option<string?>("--rate-version") { Description = "contraction: the method's version" };
        var rateSource = new Option<string?>("--rate-source") { Description = "contraction: the rate's source" };
        var category = new Option<string?>("--category") { Description = "ar6: C1-C5" };
        var milestones = new Option<string?>("--milestones") { Description = "milestones: year:value,… (tCO2e or intensity)" };
        var scope2 = new Option<string?>("--scope2") { Description = "Scope 2 basis: market (default) or location" };
        var denName = new Option<string?>("--denominator") { Description = "intensity: what it divides by (e.g. revenue)" };
        var denUnit = new Option<string?>("--denominator-unit") { Description = "intensity: its unit (e.g. NTD million)" };
        var denBase = new Option<string?>("--denominator-base") { Description = "intensity: the base-year amount" };
        var coverage = new Option<string?>("--coverage") { Description = "Share of the covered scopes inside the boundary (default 1 = 100 %)" };
        var json = PlanningCli.JsonOption();
        foreach (var o in new Option[] { org, name, kind, scopes, baseYear, targetYear, reduction, method, rate, rateVersion, rateSource, category, milestones, scope2, denName, denUnit, denBase, coverage, json })
        {
            cmd.Options.Add(o);
        }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var targetKind = PlanningCli.Key(parse.GetValue(kind) ?? "absolute") switch
            {
                "ABSOLUTE" => TargetKind.Absolute,
                "INTENSITY" => TargetKind.Intensity,
                var other => throw new CliUsageException($"--kind: '{other}' is not absolute or intensity"),
            };
            var pathway = Method(parse, method, rate, rateVersion, rateSource, category, milestones);
            var basis = PlanningCli.Key(parse.GetValue(scope2) ?? "market") switch
            {
                "MARKET" => Scope2Method.MarketBased,
                "LOCATION" => Scope2Method.LocationBased,
                _ => throw new CliUsageException($"--scope2: '{parse.GetValue(scope2)}' is not market or location"),
            };
            var covered = (IcpScopes(parse, scopes) ?? new HashSet<int> { 1, 2 }).Order().Select(s => (Scope)s).ToList();
            var draft = new TargetDraft(parse.GetValue(name), targetKind, covered, parse.GetValue(baseYear), parse.GetValue(targetYear), Fraction(parse, reduction), pathway,
                basis, parse.GetValue(denName), parse.GetValue(denUnit), Number(parse, denBase), Fraction(parse, coverage) ?? 1m);
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            var created = await opened.Store.CreateTargetAsync(opened.OrgId, draft, Environment.UserName, ct: ct);
            if (!created.Succeeded) { return PlanningCli.Fail(context, created.Problems); }
            var t = created.Value;
            if (parse.GetValue(json)) { PlanningCli.Json(context, new { id = t.Id, target = t.Target, t.BaseYearSource, pathway = TargetPathways.Build(t.Target) }); }
            else
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv(
                    $"created target {t.Target.Name} {t.Id}: {t.Target.BaseYear} {PlanningCli.Number(t.Target.BaseValue)} {t.Target.ValueUnit} → {t.Target.TargetYear} {PlanningCli.Number(t.Target.TargetValue)} (−{PlanningCli.Percent(t.Target.Reduction)}), {t.Target.Method.Describe()}")));
                context.Console.MarkupLine(Markup.Escape("base year from " + t.BaseYearSource));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static IReadOnlySet<int>? IcpScopes(ParseResult parse, Option<string?> option) => Pricing.IcpModule.Scopes(parse, option);

    private static PathwayMethod Method(ParseResult parse, Option<string?> method, Option<string?> rate, Option<string?> version, Option<string?> source,
        Option<string?> category, Option<string?> milestones)
    {
        var text = parse.GetValue(method) ?? "sbti-1.5c";
        if (ContractionRate.ByCode(text) is { } preset) { return PathwayMethod.Contraction(preset); }
        switch (PlanningCli.Key(text))
        {
            case "LINEAR":
                return PathwayMethod.Linear;
            case "CONTRACTION" or "ABSOLUTECONTRACTION":
                var annual = Fraction(parse, rate) ?? throw new CliUsageException("--rate: absolute contraction needs an annual rate (e.g. 0.042)");
                return PathwayMethod.Contraction(new ContractionRate("custom", annual, "user-defined", parse.GetValue(version) ?? "", parse.GetValue(source) ?? ""));
            case "AR6":
                return PathwayMethod.Ar6(parse.GetValue(category) ?? throw new CliUsageException("--category: ar6 needs C1-C5"));
            case "MILESTONES":
                var list = new List<Milestone>();
                foreach (var part in (parse.GetValue(milestones) ?? throw new CliUsageException("--milestones: give year:value,…")).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var bits = part.Split(':');
                    if (bits.Length != 2 || !int.TryParse(bits[0], Inv, out var y) || !decimal.TryParse(bits[1], NumberStyles.Number, Inv, out var v))
                    {
                        throw new CliUsageException($"--milestones: '{part}' is not year:value");
                    }
                    list.Add(new Milestone(y, v));
                }
                return PathwayMethod.FromMilestones(list);
            default:
                throw new CliUsageException($"--method: '{text}' is not linear, sbti-1.5c, sbti-wb2c, contraction, ar6 or milestones");
        }
    }

    private static decimal? Number(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is not { } text ? null
        : decimal.TryParse(text, NumberStyles.Number, Inv, out var v) ? v
        : throw new CliUsageException($"{option.Name}: '{text}' is not a number");

    /// <summary>0.42 or 42%.</summary>
    private static decimal? Fraction(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text) { return null; }
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1] : text;
        if (!decimal.TryParse(number, NumberStyles.Number, Inv, out var v)) { throw new CliUsageException($"{option.Name}: '{text}' is not a fraction (0.42) or percentage (42%)"); }
        return percent ? v / 100m : v;
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "The organization's targets.\nExample: carbonledger target list --org 3f2c…e1");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var json = PlanningCli.JsonOption();
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            var targets = await opened.Store.ListTargetsAsync(opened.OrgId, ct);
            if (parse.GetValue(json)) { PlanningCli.Json(context, targets.Select(t => new { id = t.Id, target = t.Target, t.BaseYearSource }).ToList()); return ExitCodes.Ok; }
            var table = new Table().AddColumn("id").AddColumn("name").AddColumn("scopes").AddColumn(new TableColumn("base").RightAligned())
                .AddColumn(new TableColumn("target").RightAligned()).AddColumn("unit").AddColumn("method");
            foreach (var t in targets)
            {
                var g = t.Target;
                table.AddRow(t.Id.ToString(), Markup.Escape(g.Name), g.ScopesText, CliRun.Inv($"{g.BaseYear}: {PlanningCli.Number(g.BaseValue)}"),
                    CliRun.Inv($"{g.TargetYear}: {PlanningCli.Number(g.TargetValue)} (−{PlanningCli.Percent(g.Reduction)})"), Markup.Escape(g.ValueUnit), Markup.Escape(g.Method.Describe()));
            }
            context.Console.Write(table);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task<StoredTarget> FindAsync(PlanningStore store, Guid orgId, string idOrName, CancellationToken ct)
    {
        var all = await store.ListTargetsAsync(orgId, ct);
        return all.FirstOrDefault(t => Guid.TryParse(idOrName, out var id) ? t.Id == id : string.Equals(t.Target.Name, idOrName, StringComparison.Ordinal))
            ?? throw new CliFailureException($"target: the organization has no target '{idOrName}' (`carbonledger target list` shows them)");
    }

    private static Argument<string> TargetArgument() => new("target") { Description = "Target id or exact name" };

    private static Command Show(CliContext context, string verb, string description, Detail detail)
    {
        var cmd = new Command(verb, description);
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var id = TargetArgument();
        var submission = new Option<int?>("--submission-year") { Description = "criteria: the year the target is submitted (default the year it was set)" };
        var json = PlanningCli.JsonOption();
        cmd.Arguments.Add(id);
        cmd.Options.Add(org);
        if (detail == Detail.Criteria) { cmd.Options.Add(submission); }
        cmd.Options.Add(json);
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            var stored = await FindAsync(opened.Store, opened.OrgId, parse.GetValue(id)!, ct);
            var t = stored.Target;
            var asJson = parse.GetValue(json);
            switch (detail)
            {
                case Detail.Pathway:
                    var pathway = TargetPathways.Build(t);
                    if (asJson) { PlanningCli.Json(context, new { id = stored.Id, target = t, stored.BaseYearSource, stored.YearData, pathway }); break; }
                    context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{t.Name} ({stored.Id}): scopes {t.ScopesText} ({t.Scope2Basis}), {t.Method.Describe()}; base {t.BaseYear} {PlanningCli.Number(t.BaseValue)} {t.ValueUnit} from {stored.BaseYearSource}")));
                    var table = new Table().AddColumn("year").AddColumn(new TableColumn(Markup.Escape(t.ValueUnit)).RightAligned()).AddColumn(new TableColumn("of base").RightAligned());
                    foreach (var p in pathway) { table.AddRow(p.Year.ToString(Inv), PlanningCli.Number(p.Value), PlanningCli.Percent(p.ShareOfBase)); }
                    context.Console.Write(table);
                    break;
                case Detail.Progress:
                    var progress = await opened.Store.ProgressAsync(opened.OrgId, stored, null, ct);
                    if (!progress.Succeeded) { return PlanningCli.Fail(context, progress.Problems); }
                    var pr = progress.Value;
                    if (asJson) { PlanningCli.Json(context, new { id = stored.Id, rows = pr.Rows, required = pr.Required }); break; }
                    var rows = new Table().AddColumn("year").AddColumn(new TableColumn("pathway").RightAligned()).AddColumn(new TableColumn("actual").RightAligned())
                        .AddColumn(new TableColumn("RECs effect").RightAligned()).AddColumn(new TableColumn("RECs").RightAligned()).AddColumn(new TableColumn("offsets").RightAligned())
                        .AddColumn(new TableColumn("net of offsets").RightAligned()).AddColumn("on track");
                    foreach (var r in pr.Rows)
                    {
                        rows.AddRow(r.Year.ToString(Inv), r.Pathway is { } p ? PlanningCli.Number(p) : "", PlanningCli.Number(r.Actual), PlanningCli.Number(r.RecEffect),
                            r.RecCertificates.ToString("#,0", Inv), PlanningCli.Number(r.Offsets), PlanningCli.Number(r.NetAfterOffsets), r.OnTrack switch { true => "yes", false => "no", _ => "" });
                    }
                    context.Console.Write(rows);
                    if (pr.Required is { } req)
                    {
                        context.Console.MarkupLine(Markup.Escape(req.AlreadyMet
                            ? CliRun.Inv($"{req.FromYear} is already at or below the {req.TargetYear} target value")
                            : CliRun.Inv($"needed from {req.FromYear} to {req.TargetYear}: {PlanningCli.Number(req.PerYear)} {t.ValueUnit} a year ({PlanningCli.Percent(req.PointsOfBasePerYear)} of base per year; compound {PlanningCli.Percent(req.CompoundRate)} a year)")));
                    }
                    context.Console.MarkupLine("RECs lower market-based Scope 2 and are shown apart; offsets never lower emissions (seed 003 四(二)2(4)).");
                    break;
                default:
                    var criteria = await opened.Store.CriteriaAsync(opened.OrgId, stored, parse.GetValue(submission), ct: ct);
                    if (asJson) { PlanningCli.Json(context, criteria); break; }
                    var ct2 = new Table().AddColumn("criterion").AddColumn("result").AddColumn("why");
                    foreach (var c in criteria) { ct2.AddRow(c.Code, c.Passed switch { true => "pass", false => "FAIL", _ => "unknown" }, Markup.Escape(c.Message)); }
                    context.Console.Write(ct2);
                    break;
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command SetYear(CliContext context)
    {
        var cmd = new Command("set-year", "Record one year's denominator (intensity targets), RECs retired and carbon credits retired for a target; an option left out keeps the value recorded for that year.\n"
            + "Example: carbonledger target set-year \"SBTi 1.5C S1+2\" --org 3f2c…e1 --year 2025 --recs 200 --offsets 50");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var id = TargetArgument();
        var year = new Option<int>("--year") { Description = "Year", Required = true };
        var denominator = new Option<string?>("--denominator") { Description = "The intensity denominator's amount that year" };
        var recs = new Option<int?>("--recs") { Description = "RECs retired (1 REC = 1,000 kWh)" };
        var offsets = new Option<string?>("--offsets") { Description = "Carbon credits retired, tCO2e" };
        var json = PlanningCli.JsonOption();
        cmd.Arguments.Add(id);
        foreach (var o in new Option[] { org, year, denominator, recs, offsets, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var opened = await PlanningCli.OpenAsync(context, data, parse, parse.GetValue(org)!, ct);
            var stored = await FindAsync(opened.Store, opened.OrgId, parse.GetValue(id)!, ct);
            // The store replaces the year's record: start from what is recorded so `--offsets 50` does not erase the RECs.
            var recorded = stored.YearData.FirstOrDefault(y => y.Year == parse.GetValue(year));
            var set = await opened.Store.SetYearDataAsync(opened.OrgId, stored.Id,
                new TargetYearData(parse.GetValue(year), Number(parse, denominator) ?? recorded?.DenominatorAmount, parse.GetValue(recs) ?? recorded?.RecCertificates ?? 0,
                    Number(parse, offsets) ?? recorded?.OffsetTonnes ?? 0m), Environment.UserName, ct);
            if (!set.Succeeded) { return PlanningCli.Fail(context, set.Problems); }
            if (parse.GetValue(json)) { PlanningCli.Json(context, new { id = set.Value.Id, set.Value.YearData }); }
            else { context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"recorded {parse.GetValue(year)} for {stored.Target.Name}"))); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
