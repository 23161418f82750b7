using System.CommandLine;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Inventory;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Pricing;
using CarbonLedger.Reports.Pricing;
using CarbonLedger.Units;
using NodaTime;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Pricing;

/// <summary><c>carbonledger icp …</c>: internal carbon pricing (SPEC §5, seed 004, issue 4) — project appraisal with
/// stress test, programmes over years, MACC, policies, the carbon fund (internal fee), internal trading, the implicit
/// price and the carbon-cost exposure of an inventory.</summary>
public sealed class IcpModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var icp = new Command("icp", "Internal carbon pricing: appraisals, stress tests, programmes, MACC, policies, carbon fund, internal trading, implicit price, exposure.\nExample: carbonledger icp appraise --name chiller --capex 1000000 --energy-saved 16243 --tariff 4.1177 --escalation 0.05 --years 5 --first-year 2026 --grid-factor 0.474 --price 1500 --discount 0.05");
        icp.Subcommands.Add(Appraise(context));
        icp.Subcommands.Add(ProgrammeCommand(context));
        icp.Subcommands.Add(MaccCommand(context));
        icp.Subcommands.Add(IcpLedgerCommands.Policy(context));
        icp.Subcommands.Add(IcpLedgerCommands.Project(context));
        icp.Subcommands.Add(IcpLedgerCommands.Fund(context));
        icp.Subcommands.Add(IcpLedgerCommands.Trading(context));
        icp.Subcommands.Add(IcpLedgerCommands.Implicit(context));
        icp.Subcommands.Add(Exposure(context));
        return icp;
    }

    internal static Option<bool> JsonOption() => new("--json") { Description = "Write one JSON document to stdout" };

    internal static Option<string?> ReportOption() => new("--report") { Description = "Also write a report: out.html, out.xlsx or out.pdf (format from the extension)", HelpName = "file" };

    internal static Option<string?> LangOption() => new("--lang") { Description = "Report language: zh-TW (default) or en" };

    internal static int Fail(CliContext context, IEnumerable<string> lines)
    {
        foreach (var line in lines) { context.Error.WriteLine("error: " + line.ReplaceLineEndings(" ")); }
        return ExitCodes.Failed;
    }

    private static Command Appraise(CliContext context)
    {
        var cmd = new Command("appraise", "Appraise a project with and without the internal carbon price: yearly table, totals, NPV, IRR, simple and discounted payback, abatement cost; optional stress test and report.\n"
            + "Example (seed 004 case 1): carbonledger icp appraise --name chiller --capex 1000000 --energy-saved 16243 --unit kWh --tariff 4.1177 --escalation 0.05 --years 5 --first-year 2026 --grid-factor 0.474 --price 1500 --discount 0.05 --stress 300,1200,1500,1800,3000 --tariff-paths 0,0.03,0.05 --report chiller.html");
        var input = new ProjectSpecInput();
        input.AddTo(cmd);
        var stress = new Option<string?>("--stress") { Description = "Carbon prices for the stress test, comma-separated (e.g. 300,1200,1500,1800,3000)", HelpName = "prices" };
        var paths = new Option<string?>("--tariff-paths") { Description = "Tariff escalations for the stress test, comma-separated fractions (e.g. 0,0.03,0.05)", HelpName = "rates" };
        var report = ReportOption();
        var lang = LangOption();
        var json = JsonOption();
        foreach (var o in new Option[] { stress, paths, report, lang, json }) { cmd.Options.Add(o); }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, () =>
        {
            var spec = input.Read(parse, Today(context).Year);
            var prices = ProjectSpecInput.Numbers(parse, stress);
            var tariffPaths = ProjectSpecInput.Numbers(parse, paths);
            var language = IcpOutput.Language(parse.GetValue(lang));
            var appraisal = SpecAppraisal.Run(spec, ReferenceLibrary.Default);
            if (!appraisal.Succeeded) { return Task.FromResult(Fail(context, appraisal.Problems.Select(ProjectSpecInput.Describe))); }
            var inputs = appraisal.Value.Inputs;
            IReadOnlyList<StressCase> cases = [];
            if (prices.Count > 0 || tariffPaths.Count > 0)
            {
                var currency = inputs.Capex.Currency;
                var stressPrices = prices.Count > 0 ? prices.Select(p => new CarbonPrice(new Money(p, currency))).ToList() : [inputs.CarbonPrice];
                var run = StressTest.Run(inputs, stressPrices, tariffPaths);
                if (!run.Succeeded) { return Task.FromResult(Fail(context, run.Problems.Select(ProjectSpecInput.Describe))); }
                cases = run.Value;
            }
            var asJson = parse.GetValue(json);
            if (asJson)
            {
                CliRun.Json(context, new { appraisal = IcpOutput.AppraisalJson(appraisal.Value), stress = cases.Select(IcpOutput.StressJson) });
            }
            else
            {
                IcpOutput.PrintAppraisal(context, appraisal.Value);
                if (cases.Count > 0) { IcpOutput.PrintStress(context, cases); }
            }
            if (parse.GetValue(report) is { } path)
            {
                IcpOutput.WriteReport(context, new PricingReportModel
                {
                    Language = language, Title = spec.Name, GeneratedAt = context.Clock.GetCurrentInstant().ToString(), Appraisal = appraisal.Value, Stress = cases,
                    Disclosures = [PricingReportModel.ShadowPriceOf(appraisal.Value, language)],
                }, path, asJson);
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command ProgrammeCommand(CliContext context)
    {
        var cmd = new Command("programme", "A programme over years (e.g. green-power purchases): abatement = kWh × grid factor of the year, value = abatement × price, cumulative, and with --org the effect on Scope 2 market-based.\n"
            + "Example (seed 004 case 2): carbonledger icp programme --from 2024 --to 2030 --start-kwh 64000 --step-kwh 64000 --grid-factor 0.474 --price 1500");
        var from = new Option<string?>("--from") { Description = "First year", HelpName = "yyyy" };
        var to = new Option<string?>("--to") { Description = "Last year", HelpName = "yyyy" };
        var start = new Option<string?>("--start-kwh") { Description = "kWh in the first year", HelpName = "kWh" };
        var step = new Option<string?>("--step-kwh") { Description = "kWh added each following year (default 0)", HelpName = "kWh" };
        var list = new Option<string?>("--kwh") { Description = "Explicit purchases instead of --from/--to/--start-kwh: year=kWh pairs, e.g. 2024=64000,2025=128000", HelpName = "pairs" };
        var unit = new Option<string?>("--unit") { Description = "Unit of the quantities (default kWh)" };
        var factor = new Option<string?>("--grid-factor") { Description = "A fixed grid factor in kgCO2e/kWh (e.g. 0.474); default: the factor library by year", HelpName = "kg/kWh" };
        var key = new Option<string?>("--grid-key") { Description = "Factor library key (default tw-grid)" };
        var price = new Option<string?>("--price") { Description = "Carbon price per tCO2e", Required = true, HelpName = "amount" };
        var currency = new Option<string?>("--currency") { Description = "Currency of the price (default TWD)" };
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption(required: false);
        var inventory = OrganizationLookup.InventoryOption("Inventory whose Scope 2 market-based emissions are the baseline, held flat over the programme (default: the latest)");
        var json = JsonOption();
        foreach (var o in new Option[] { from, to, start, step, list, unit, factor, key, price, currency, org, inventory, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var unitCode = parse.GetValue(unit) ?? "kWh";
            if (!UnitCatalog.TryParse(unitCode, out var energyUnit)) { throw new CliUsageException($"--unit: unknown unit '{unitCode}'"); }
            var purchases = Purchases(parse, list, from, to, start, step);
            var cur = Currency.Of(parse.GetValue(currency) ?? "TWD");
            var carbonPrice = new CarbonPrice(new Money(ProjectSpecInput.Number(parse, price)!.Value, cur));
            FactorLibrary library = ReferenceLibrary.Default;
            IReadOnlyDictionary<int, decimal>? baseline = null;
            string? baselineNote = null;
            if (parse.GetValue(org) is { } orgText)
            {
                var calculated = await CalculateModule.LoadAndCalculateAsync(context, data.Settings(parse), orgText, parse.GetValue(inventory), ct);
                var scope2 = calculated.Result.Scope2(Scope2Method.MarketBased);
                baseline = purchases.ToDictionary(p => p.Year, _ => scope2);
                baselineNote = CliRun.Inv($"Scope 2 market-based baseline: {CliRun.Tonnes(scope2)} t from {calculated.Inventory.Name}, held flat over the programme");
                library = calculated.Organization.FactorLibrary();
            }
            var first = purchases.Min(p => p.Year);
            var last = purchases.Max(p => p.Year);
            // The grid factor of every year, resolved as a project's would be (library by year with fallback, or fixed).
            var factors = new ProjectSpec
            {
                Name = "programme", EnergySaved = 1m, HorizonYears = last - first + 1, FirstYear = first, GridFactorKey = parse.GetValue(key) ?? "tw-grid",
                GridFactorKgPerKwh = ProjectSpecInput.Number(parse, factor), Currency = cur.Code,
            }.ToInputs(library);
            if (!factors.Succeeded) { return Fail(context, factors.Problems.Select(ProjectSpecInput.Describe)); }
            var rows = Programme.Evaluate(purchases.Select(p => (p.Year, new Quantity(p.Amount, energyUnit))).ToList(), factors.Value.GridFactorForYear!, carbonPrice, baseline);
            if (!rows.Succeeded) { return Fail(context, rows.Problems.Select(CliRun.Format)); }
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    price = carbonPrice.PerTonne.Amount, currency = cur.Code, baseline = baselineNote,
                    years = rows.Value.Select(y => new
                    {
                        y.Year, y.EnergyKwh, y.GridFactorKgPerKwh, y.GridFactorSource, y.AbatementTonnes, value = y.Value.Amount, y.CumulativeAbatementTonnes,
                        cumulativeValue = y.CumulativeValue.Amount, y.Scope2MarketBasedBeforeTonnes, y.Scope2MarketBasedAfterTonnes,
                    }),
                });
                return ExitCodes.Ok;
            }
            var t = new Table().Title(CliRun.Inv($"Programme at {IcpOutput.Money(carbonPrice.PerTonne)}/tCO2e")).AddColumn("year").AddColumn(new TableColumn("kWh").RightAligned())
                .AddColumn(new TableColumn("grid kg/kWh").RightAligned()).AddColumn(new TableColumn("abatement (tCO2e)").RightAligned()).AddColumn(new TableColumn("value").RightAligned())
                .AddColumn(new TableColumn("cumulative (tCO2e)").RightAligned()).AddColumn(new TableColumn("cumulative value").RightAligned());
            if (baseline is not null) { t.AddColumn(new TableColumn("Scope 2 MB before").RightAligned()).AddColumn(new TableColumn("Scope 2 MB after").RightAligned()); }
            foreach (var y in rows.Value)
            {
                var cells = new List<string>
                {
                    y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), y.EnergyKwh.ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture),
                    y.GridFactorKgPerKwh.ToString("0.000###", System.Globalization.CultureInfo.InvariantCulture), CliRun.Tonnes(y.AbatementTonnes), IcpOutput.Money(y.Value.Amount),
                    CliRun.Tonnes(y.CumulativeAbatementTonnes), IcpOutput.Money(y.CumulativeValue.Amount),
                };
                if (baseline is not null) { cells.Add(CliRun.Tonnes(y.Scope2MarketBasedBeforeTonnes ?? 0m)); cells.Add(CliRun.Tonnes(y.Scope2MarketBasedAfterTonnes ?? 0m)); }
                t.AddRow([.. cells]);
            }
            context.Console.Write(t);
            foreach (var source in rows.Value.Select(y => y.GridFactorSource).Distinct()) { context.Console.MarkupLine(Markup.Escape("grid factor: " + source)); }
            if (baselineNote is not null) { context.Console.MarkupLine(Markup.Escape(baselineNote + "; renewable electricity with certificates counts 0 kg/kWh (GHG Protocol Scope 2 Guidance §6)")); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static List<(int Year, decimal Amount)> Purchases(ParseResult parse, Option<string?> list, Option<string?> from, Option<string?> to, Option<string?> start, Option<string?> step)
    {
        if (parse.GetValue(list) is { } pairs)
        {
            var result = new List<(int, decimal)>();
            foreach (var pair in pairs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = pair.Split('=');
                if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var year) || ProjectSpecInput.ParseNumber(parts[1]) is not { } amount)
                {
                    throw new CliUsageException($"--kwh: '{pair}' is not year=quantity (e.g. 2024=64000)");
                }
                result.Add((year, amount));
            }
            return result.Count > 0 ? result : throw new CliUsageException("--kwh: give at least one year=quantity");
        }
        var first = ProjectSpecInput.Integer(parse, from) ?? throw new CliUsageException("--from: required unless --kwh is given");
        var last = ProjectSpecInput.Integer(parse, to) ?? throw new CliUsageException("--to: required unless --kwh is given");
        if (last < first || last - first > 100) { throw new CliUsageException($"--to: {last} must be from {first} to {first + 100}"); }
        var kwh = ProjectSpecInput.Number(parse, start) ?? throw new CliUsageException("--start-kwh: required unless --kwh is given");
        var increment = ProjectSpecInput.Number(parse, step) ?? 0m;
        return Enumerable.Range(first, last - first + 1).Select(y => (y, kwh + (increment * (y - first)))).ToList();
    }

    private static Command MaccCommand(CliContext context)
    {
        var cmd = new Command("macc", "Marginal abatement cost curve from a CSV of project specs (header: name,capex,horizonYears,firstYear,energySaved,energyUnit,tariffPerKwh,tariffEscalation,discountRate,operatingCost,carbonPricePerTonne,gridFactorKgPerKwh,directAbatementTonnes …).\n"
            + "Example: carbonledger icp macc projects.csv --price 1500 --report macc.pdf");
        var file = new Argument<string>("file") { Description = "CSV of project specs, one project per row" };
        var price = new Option<string?>("--price") { Description = "Internal price to read the curve at (which projects pay off)", HelpName = "amount" };
        var report = ReportOption();
        var lang = LangOption();
        var json = JsonOption();
        cmd.Arguments.Add(file);
        foreach (var o in new Option[] { price, report, lang, json }) { cmd.Options.Add(o); }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, () =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path)) { throw new CliFailureException($"{path}: does not exist"); }
            var language = IcpOutput.Language(parse.GetValue(lang));
            var specs = ProjectSpecInput.ReadCsv(path);
            if (!specs.Succeeded) { return Task.FromResult(Fail(context, specs.Problems.Select(CliRun.Format))); }
            var problems = new List<string>();
            var appraisals = new List<AppraisalResult>();
            for (var i = 0; i < specs.Value.Count; i++)
            {
                var spec = specs.Value[i] with { FirstYear = specs.Value[i].FirstYear == 0 ? Today(context).Year : specs.Value[i].FirstYear };
                var where = CliRun.Inv($"{path}::{i + 2}");
                var appraisal = SpecAppraisal.Run(spec, ReferenceLibrary.Default);
                if (!appraisal.Succeeded) { problems.AddRange(appraisal.Problems.Select(p => $"{where} ({spec.Name}) {CliRun.Format(p)}")); continue; }
                appraisals.Add(appraisal.Value);
            }
            if (problems.Count > 0) { return Task.FromResult(Fail(context, problems)); }
            var macc = Macc.Build(appraisals);
            if (!macc.Succeeded) { return Task.FromResult(Fail(context, macc.Problems.Select(CliRun.Format))); }
            CarbonPrice? at = ProjectSpecInput.Number(parse, price) is { } p ? new CarbonPrice(new Money(p, appraisals[0].Inputs.Capex.Currency)) : null;
            var asJson = parse.GetValue(json);
            if (asJson) { CliRun.Json(context, IcpOutput.MaccJson(macc.Value, at)); }
            else { IcpOutput.PrintMacc(context, macc.Value, at); }
            if (parse.GetValue(report) is { } output)
            {
                IcpOutput.WriteReport(context, new PricingReportModel
                {
                    Language = language, Title = Path.GetFileNameWithoutExtension(path), GeneratedAt = context.Clock.GetCurrentInstant().ToString(), Macc = macc.Value, MaccPrice = at,
                }, output, asJson);
            }
            return Task.FromResult(ExitCodes.Ok);
        }));
        return cmd;
    }

    private static Command Exposure(CliContext context)
    {
        var cmd = new Command("exposure", "Carbon-cost exposure of an inventory's covered scopes: at the organization's internal prices in force, at Taiwan's carbon fee (NTD 300/t, with the K = 25,000 t deduction stated) and at your own prices.\n"
            + "Example: carbonledger icp exposure --org 3f2c…e1 --inventory FY2024 --price 1500 --price 3000");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var inventory = OrganizationLookup.InventoryOption("Inventory id or name (default: the organization's latest)");
        var price = new Option<string[]>("--price") { Description = "A price per tCO2e to show the exposure at (repeat for several)", HelpName = "amount", AllowMultipleArgumentsPerToken = false };
        var currency = new Option<string?>("--currency") { Description = "Currency of --price (default TWD)" };
        var scopes = new Option<string?>("--scopes") { Description = "Scopes covered when the organization has no policy (default 1,2: seed 004 七)" };
        var scope2 = Scope2Option();
        var json = JsonOption();
        foreach (var o in new Option[] { org, inventory, price, currency, scopes, scope2, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var basis = Scope2Basis(parse, scope2);
            var covered = Scopes(parse, scopes);
            var cur = Currency.Of(parse.GetValue(currency) ?? "TWD");
            var userPrices = (parse.GetValue(price) ?? []).Select(t => ProjectSpecInput.ParseNumber(t) ?? throw new CliUsageException($"--price: '{t}' is not a number")).ToList();
            var calculated = await CalculateModule.LoadAndCalculateAsync(context, data.Settings(parse), parse.GetValue(org)!, parse.GetValue(inventory), ct);
            IReadOnlyList<StoredPolicy> policies;
            await using (var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct))
            {
                policies = await new PricingStore(db, context.Clock).ListPoliciesAsync(calculated.Organization.Organization.Id, ct);
            }
            var asOf = LocalDate.FromDateOnly(calculated.Inventory.PeriodEnd);
            var exposure = ExposureReport.Build(InventoryEmissions.ByScope(calculated.Result, basis), policies.Select(p => p.Policy).ToList(), asOf, covered, cur, userPrices);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    inventory = new { calculated.Inventory.Id, calculated.Inventory.Name }, scope2Basis = basis.ToString(), exposure.TonnesByScope,
                    lines = exposure.Lines.Select(l => new { l.Label, price = l.Price.PerTonne.Amount, currency = l.Price.Currency.Code, scopes = l.Scopes, l.CoveredTonnes, cost = l.Cost.Amount }),
                    taiwanCarbonFee = new { exposure.Fee.AnnualEmissionsTonnes, exposure.Fee.KTonnes, exposure.Fee.AdjustmentCoefficient, exposure.Fee.ChargeableTonnes, exposure.Fee.RatePerTonne, amount = exposure.Fee.Amount.Amount, rule = exposure.FeeRule },
                });
                return ExitCodes.Ok;
            }
            context.Console.MarkupLine(Markup.Escape($"{calculated.Organization.Organization.Name} — {calculated.Inventory.Name}, Scope 2 {basis}"));
            var t = new Table().Title("Carbon-cost exposure").AddColumn("price").AddColumn("scopes").AddColumn(new TableColumn("covered (tCO2e)").RightAligned())
                .AddColumn(new TableColumn("per tCO2e").RightAligned()).AddColumn(new TableColumn("cost").RightAligned());
            foreach (var l in exposure.Lines)
            {
                t.AddRow(Markup.Escape(l.Label), string.Join(",", l.Scopes), CliRun.Tonnes(l.CoveredTonnes), IcpOutput.Money(l.Price.PerTonne), IcpOutput.Money(l.Cost));
            }
            context.Console.Write(t);
            context.Console.MarkupLine(Markup.Escape(exposure.FeeRule));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    internal static Option<string?> Scope2Option() => new("--scope2") { Description = "Scope 2 basis: location (default) or market" };

    internal static Scope2Method Scope2Basis(ParseResult parse, Option<string?> option) => parse.GetValue(option) switch
    {
        null or "location" => Scope2Method.LocationBased,
        "market" => Scope2Method.MarketBased,
        var other => throw new CliUsageException($"--scope2: '{other}' is not location or market"),
    };

    internal static IReadOnlySet<int>? Scopes(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text) { return null; }
        var scopes = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.CultureInfo.InvariantCulture, out var s) || s is < 1 or > 3) { throw new CliUsageException($"--scopes: '{part}' is not 1, 2 or 3"); }
            scopes.Add(s);
        }
        return scopes.Count > 0 ? scopes : throw new CliUsageException("--scopes: give 1, 2 and/or 3");
    }

    internal static LocalDate Today(CliContext context) => context.Clock.GetCurrentInstant().InUtc().Date;
}
