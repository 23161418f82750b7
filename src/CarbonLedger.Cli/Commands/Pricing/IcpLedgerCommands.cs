using System.CommandLine;
using System.Globalization;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Inventory;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Pricing;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Pricing;

/// <summary>The icp verbs that read and write the organization's pricing records through <see cref="PricingStore"/>
/// (every write is in the audit ledger): policies, projects, the carbon fund, internal trading, the implicit price.</summary>
internal static class IcpLedgerCommands
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IcpType ParseType(string text) => text.Replace("-", "", StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "SHADOW" or "SHADOWPRICE" => IcpType.ShadowPrice,
        "FEE" or "INTERNALFEE" => IcpType.InternalFee,
        "TRADING" or "INTERNALTRADING" => IcpType.InternalTrading,
        "IMPLICIT" or "IMPLICITPRICE" => IcpType.ImplicitPrice,
        _ => throw new CliUsageException($"--type: '{text}' is not shadow-price, internal-fee, internal-trading or implicit-price"),
    };

    private static LocalDate Date(ParseResult parse, Option<string?> option, CliContext context)
    {
        if (parse.GetValue(option) is not { } text) { return IcpModule.Today(context); }
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new CliUsageException($"{option.Name}: '{text}' is not a date (yyyy-MM-dd)");
    }

    private static Option<string?> DateOption(string description) => new("--date") { Description = description + " (yyyy-MM-dd; default today)", HelpName = "date" };

    private static async Task<(CarbonLedgerDbContext Db, OrganizationSnapshot Org)> OpenAsync(CliContext context, DataOptions data, ParseResult parse, Option<string> org, CancellationToken ct)
    {
        var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
        try
        {
            return (db, await OrganizationLookup.FindAsync(new InventoryStore(db, context.Clock), parse.GetValue(org)!, ct));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private static int Problems(CliContext context, IEnumerable<Problem> problems) => IcpModule.Fail(context, problems.Select(CliRun.Format));

    public static Command Policy(CliContext context)
    {
        var policy = new Command("policy", "ICP policies: type, price history, scopes covered, review schedule (seed 004 四, 七, 八).\nExample: carbonledger icp policy list --org 3f2c…e1");
        policy.Subcommands.Add(PolicyCreate(context));
        policy.Subcommands.Add(PolicyPrice(context));
        policy.Subcommands.Add(PolicyList(context));
        return policy;
    }

    private static Command PolicyCreate(CliContext context)
    {
        var cmd = new Command("create", "Create a policy.\nExample: carbonledger icp policy create --org 3f2c…e1 --name \"Shadow price\" --type shadow-price --price 1500 --from 2025-01-01 --scopes 1,2 --review-months 12");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var name = new Option<string>("--name") { Description = "Policy name", Required = true };
        var type = new Option<string>("--type") { Description = "shadow-price, internal-fee, internal-trading or implicit-price", Required = true };
        var price = new Option<string?>("--price") { Description = "Price per tCO2e", Required = true, HelpName = "amount" };
        var currency = new Option<string?>("--currency") { Description = "Currency (default TWD)" };
        var from = DateOption("Effective from");
        from.Aliases.Add("--from");
        var scopes = new Option<string?>("--scopes") { Description = "Scopes covered (default 1,2)" };
        var review = new Option<string?>("--review-months") { Description = "Review every n months (default 12)" };
        var reason = new Option<string?>("--reason") { Description = "Why this price (e.g. MOENV 2030 range mid-point)" };
        var json = IcpModule.JsonOption();
        foreach (var o in new Option[] { org, name, type, price, currency, from, scopes, review, reason, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var icpType = ParseType(parse.GetValue(type)!);
            var cur = Currency.Of(parse.GetValue(currency) ?? "TWD");
            var amount = ProjectSpecInput.Number(parse, price)!.Value;
            var months = ProjectSpecInput.Integer(parse, review) ?? 12;
            var covered = IcpModule.Scopes(parse, scopes) ?? new HashSet<int> { 1, 2 };
            var policyValue = new IcpPolicy(parse.GetValue(name)!, icpType, [new PriceChange(Date(parse, from, context), new CarbonPrice(new Money(amount, cur)), parse.GetValue(reason) ?? "initial price")],
                covered, months);
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var created = await new PricingStore(db, context.Clock).CreatePolicyAsync(snapshot.Organization.Id, policyValue, Environment.UserName, ct);
            if (!created.Succeeded) { return Problems(context, created.Problems); }
            if (parse.GetValue(json)) { CliRun.Json(context, new { id = created.Value, policyValue.Name, type = policyValue.Type.ToString() }); }
            else { context.Console.MarkupLine(Markup.Escape($"created policy {policyValue.Name} ({policyValue.Type}, {IcpOutput.Money(amount)} {cur}/tCO2e) {created.Value}")); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task<StoredPolicy> FindPolicyAsync(PricingStore store, Guid orgId, string idOrName, CancellationToken ct)
    {
        var all = await store.ListPoliciesAsync(orgId, ct);
        return all.FirstOrDefault(p => Guid.TryParse(idOrName, out var id) ? p.Id == id : string.Equals(p.Policy.Name, idOrName, StringComparison.Ordinal))
            ?? throw new CliFailureException($"--policy: the organization has no policy '{idOrName}' (`carbonledger icp policy list` shows them)");
    }

    private static Command PolicyPrice(CliContext context)
    {
        var cmd = new Command("price", "Record a price change of a policy (a new row; history is kept).\nExample: carbonledger icp policy price --org 3f2c…e1 --policy \"Shadow price\" --price 1800 --from 2027-01-01 --reason \"annual review\"");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var policyOption = new Option<string>("--policy") { Description = "Policy id or name", Required = true };
        var price = new Option<string?>("--price") { Description = "New price per tCO2e", Required = true, HelpName = "amount" };
        var from = DateOption("Effective from");
        from.Aliases.Add("--from");
        var reason = new Option<string?>("--reason") { Description = "Why the price changes", Required = true };
        var json = IcpModule.JsonOption();
        foreach (var o in new Option[] { org, policyOption, price, from, reason, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var amount = ProjectSpecInput.Number(parse, price)!.Value;
            var date = Date(parse, from, context);
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var store = new PricingStore(db, context.Clock);
            var stored = await FindPolicyAsync(store, snapshot.Organization.Id, parse.GetValue(policyOption)!, ct);
            var changed = await store.AddPriceChangeAsync(snapshot.Organization.Id, stored.Id,
                new PriceChange(date, new CarbonPrice(new Money(amount, stored.Policy.Prices[0].Price.Currency)), parse.GetValue(reason)!), Environment.UserName, ct);
            if (!changed.Succeeded) { return Problems(context, changed.Problems); }
            if (parse.GetValue(json)) { CliRun.Json(context, PolicyJson(changed.Value)); }
            else { context.Console.Write(PoliciesTable([changed.Value])); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command PolicyList(CliContext context)
    {
        var cmd = new Command("list", "List the organization's policies with their price history and next review.\nExample: carbonledger icp policy list --org 3f2c…e1 --json");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var json = IcpModule.JsonOption();
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var policies = await new PricingStore(db, context.Clock).ListPoliciesAsync(snapshot.Organization.Id, ct);
            if (parse.GetValue(json)) { CliRun.Json(context, new { organizationId = snapshot.Organization.Id, policies = policies.Select(PolicyJson) }); }
            else if (policies.Count == 0) { context.Console.MarkupLine(Markup.Escape($"{snapshot.Organization.Name}: no ICP policy yet (`carbonledger icp policy create`)")); }
            else { context.Console.Write(PoliciesTable(policies)); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Table PoliciesTable(IReadOnlyList<StoredPolicy> policies)
    {
        var t = new Table().Title("ICP policies").AddColumn("name").AddColumn("type").AddColumn("scopes").AddColumn("prices (effective from)").AddColumn("next review");
        foreach (var p in policies)
        {
            t.AddRow(Markup.Escape(p.Policy.Name), p.Policy.Type.ToString(), string.Join(",", p.Policy.Scopes.Order()),
                Markup.Escape(string.Join("; ", p.Policy.Prices.Select(c => $"{c.EffectiveFrom:yyyy-MM-dd}: {IcpOutput.Money(c.Price.PerTonne)} ({c.Reason})"))),
                p.Policy.NextReview.ToString("yyyy-MM-dd", Inv));
        }
        return t;
    }

    internal static object PolicyJson(StoredPolicy p) => new
    {
        p.Id, p.Policy.Name, type = p.Policy.Type.ToString(), scopes = p.Policy.Scopes.Order(), p.Policy.ReviewEveryMonths,
        nextReview = p.Policy.NextReview.ToString("yyyy-MM-dd", Inv),
        prices = p.Policy.Prices.Select(c => new { effectiveFrom = c.EffectiveFrom.ToString("yyyy-MM-dd", Inv), pricePerTonne = c.Price.PerTonne.Amount, currency = c.Price.Currency.Code, c.Reason }),
    };

    public static Command Project(CliContext context)
    {
        var project = new Command("project", "Store projects and their realised outcomes (for the implicit price and the organization's MACC).\nExample: carbonledger icp project list --org 3f2c…e1");
        var save = new Command("save", "Save (or replace) a project spec.\nExample: carbonledger icp project save --org 3f2c…e1 --spec chiller.json");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var input = new ProjectSpecInput();
        save.Options.Add(org);
        input.AddTo(save);
        data.AddTo(save);
        save.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var spec = input.Read(parse, IcpModule.Today(context).Year);
            var valid = SpecAppraisal.Run(spec, CarbonLedger.Factors.ReferenceLibrary.Default);
            if (!valid.Succeeded) { return IcpModule.Fail(context, valid.Problems.Select(ProjectSpecInput.Describe)); }
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var saved = await new PricingStore(db, context.Clock).SaveProjectAsync(snapshot.Organization.Id, spec, Environment.UserName, ct);
            if (!saved.Succeeded) { return Problems(context, saved.Problems); }
            context.Console.MarkupLine(Markup.Escape($"saved project {spec.Name} {saved.Value}"));
            return ExitCodes.Ok;
        }));

        var outcome = new Command("outcome", "Record a completed project's actual cost and realised abatement.\nExample: carbonledger icp project outcome --org 3f2c…e1 --project chiller --cost 980000 --abatement 38.2");
        var data2 = new DataOptions();
        var org2 = OrganizationLookup.OrgOption();
        var projectOption = new Option<string>("--project") { Description = "Project id or name", Required = true };
        var cost = new Option<string?>("--cost") { Description = "Actual cost", Required = true, HelpName = "amount" };
        var abatement = new Option<string?>("--abatement") { Description = "Realised abatement, tCO2e", Required = true, HelpName = "tCO2e" };
        foreach (var o in new Option[] { org2, projectOption, cost, abatement }) { outcome.Options.Add(o); }
        data2.AddTo(outcome);
        outcome.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var actual = ProjectSpecInput.Number(parse, cost)!.Value;
            var tonnes = ProjectSpecInput.Number(parse, abatement)!.Value;
            var (db, snapshot) = await OpenAsync(context, data2, parse, org2, ct);
            await using var _ = db;
            var store = new PricingStore(db, context.Clock);
            var key = parse.GetValue(projectOption)!;
            var stored = (await store.ListProjectsAsync(snapshot.Organization.Id, ct))
                .FirstOrDefault(p => Guid.TryParse(key, out var id) ? p.Id == id : string.Equals(p.Spec.Name, key, StringComparison.Ordinal))
                ?? throw new CliFailureException($"--project: the organization has no project '{key}'");
            var recorded = await store.RecordOutcomeAsync(snapshot.Organization.Id, stored.Id, actual, tonnes, Environment.UserName, ct);
            if (!recorded.Succeeded) { return Problems(context, recorded.Problems); }
            context.Console.MarkupLine(Markup.Escape($"recorded {stored.Spec.Name}: cost {IcpOutput.Money(actual)}, realised {CliRun.Tonnes(tonnes)} tCO2e"));
            return ExitCodes.Ok;
        }));

        var list = new Command("list", "List stored projects.\nExample: carbonledger icp project list --org 3f2c…e1 --json");
        var data3 = new DataOptions();
        var org3 = OrganizationLookup.OrgOption();
        var json = IcpModule.JsonOption();
        list.Options.Add(org3);
        list.Options.Add(json);
        data3.AddTo(list);
        list.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var (db, snapshot) = await OpenAsync(context, data3, parse, org3, ct);
            await using var _ = db;
            var projects = await new PricingStore(db, context.Clock).ListProjectsAsync(snapshot.Organization.Id, ct);
            if (parse.GetValue(json)) { CliRun.Json(context, projects.Select(p => new { p.Id, p.Spec, p.ActualCost, p.RealisedAbatementTonnes })); return ExitCodes.Ok; }
            var t = new Table().Title("ICP projects").AddColumn("name").AddColumn(new TableColumn("capex").RightAligned()).AddColumn(new TableColumn("actual cost").RightAligned())
                .AddColumn(new TableColumn("realised (tCO2e)").RightAligned());
            foreach (var p in projects)
            {
                t.AddRow(Markup.Escape(p.Spec.Name), IcpOutput.Money(p.Spec.Capex), p.ActualCost is { } c ? IcpOutput.Money(c) : "", p.RealisedAbatementTonnes is { } r ? CliRun.Tonnes(r) : "");
            }
            context.Console.Write(t);
            return ExitCodes.Ok;
        }));
        project.Subcommands.Add(save);
        project.Subcommands.Add(outcome);
        project.Subcommands.Add(list);
        return project;
    }

    public static Command Fund(CliContext context)
    {
        var fund = new Command("fund", "Internal fee (內部費用): charge units per tCO2e from the inventory into the carbon fund, spend on projects, show the ledger.\nExample: carbonledger icp fund show --org 3f2c…e1");
        fund.Subcommands.Add(FundCharge(context));
        fund.Subcommands.Add(FundSpend(context));
        fund.Subcommands.Add(FundShow(context));
        return fund;
    }

    private static Command FundCharge(CliContext context)
    {
        var cmd = new Command("charge", "Charge each department or facility its covered emissions × price from the inventory's actual emissions.\nExample: carbonledger icp fund charge --org 3f2c…e1 --inventory FY2024 --price 300 --by department");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var inventory = OrganizationLookup.InventoryOption("Inventory id or name (default: the organization's latest)");
        var price = new Option<string?>("--price") { Description = "Fee per tCO2e", Required = true, HelpName = "amount" };
        var currency = new Option<string?>("--currency") { Description = "Currency (default TWD)" };
        var by = new Option<string>("--by") { Description = "department or facility", DefaultValueFactory = _ => "department" };
        by.AcceptOnlyFromAmong("department", "facility");
        var scopes = new Option<string?>("--scopes") { Description = "Scopes charged (default 1,2)" };
        var scope2 = IcpModule.Scope2Option();
        var date = DateOption("Date of the charge");
        var json = IcpModule.JsonOption();
        foreach (var o in new Option[] { org, inventory, price, currency, by, scopes, scope2, date, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var cur = Currency.Of(parse.GetValue(currency) ?? "TWD");
            var fee = new CarbonPrice(new Money(ProjectSpecInput.Number(parse, price)!.Value, cur));
            if (fee.PerTonne.Amount <= 0m) { throw new CliFailureException("--price: a fee must be positive"); }
            var basis = parse.GetValue(by) == "facility" ? ChargeBasis.Facility : ChargeBasis.Department;
            var covered = IcpModule.Scopes(parse, scopes) ?? new HashSet<int> { 1, 2 };
            var method = IcpModule.Scope2Basis(parse, scope2);
            var asJson = parse.GetValue(json);
            Task<CalculateModule.Calculated> Load() => CalculateModule.LoadAndCalculateAsync(context, data.Settings(parse), parse.GetValue(org)!, parse.GetValue(inventory), ct);
            var calculated = asJson ? await Load() : await context.Console.Status().Spinner(Spinner.Known.Dots).StartAsync("calculating the inventory…", _ => Load());
            var units = InventoryEmissions.ByUnit(calculated.Result, basis, covered, method);
            if (units.Count == 0) { throw new CliFailureException($"--inventory: {calculated.Inventory.Name} has no emissions in scopes {string.Join(",", covered.Order())}"); }
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var store = new PricingStore(db, context.Clock);
            var period = $"{calculated.Inventory.Name} {calculated.Inventory.PeriodStart:yyyy-MM-dd}–{calculated.Inventory.PeriodEnd:yyyy-MM-dd}, scopes {string.Join(",", covered.Order())}";
            var entries = await store.ChargeAsync(calculated.Organization.Organization.Id, Date(parse, date, context), units, fee, period, Environment.UserName, ct);
            var fund = await store.LoadFundAsync(calculated.Organization.Organization.Id, cur, ct);
            if (asJson)
            {
                CliRun.Json(context, new { charged = entries.Select(FundEntryJson), balance = fund.Balance.Amount, currency = cur.Code, by = basis.ToString().ToLowerInvariant() });
                return ExitCodes.Ok;
            }
            context.Console.Write(FundTable(CliRun.Inv($"Charged at {IcpOutput.Money(fee.PerTonne)}/tCO2e by {basis.ToString().ToLowerInvariant()}"), entries));
            context.Console.MarkupLine(Markup.Escape($"fund balance: {IcpOutput.Money(fund.Balance)}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command FundSpend(CliContext context)
    {
        var cmd = new Command("spend", "Spend from the fund on a project (refused when the balance is short).\nExample: carbonledger icp fund spend --org 3f2c…e1 --project chiller --amount 5000 --note \"deposit\"");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var project = new Option<string>("--project") { Description = "What the money goes to", Required = true };
        var amount = new Option<string?>("--amount") { Description = "Amount", Required = true, HelpName = "amount" };
        var currency = new Option<string?>("--currency") { Description = "Currency (default TWD)" };
        var note = new Option<string?>("--note") { Description = "Note" };
        var date = DateOption("Date of the spend");
        var json = IcpModule.JsonOption();
        foreach (var o in new Option[] { org, project, amount, currency, note, date, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var money = new Money(ProjectSpecInput.Number(parse, amount)!.Value, Currency.Of(parse.GetValue(currency) ?? "TWD"));
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var spent = await new PricingStore(db, context.Clock).SpendAsync(snapshot.Organization.Id, Date(parse, date, context), parse.GetValue(project)!, money,
                parse.GetValue(note) ?? "", Environment.UserName, ct);
            if (!spent.Succeeded) { return Problems(context, spent.Problems); }
            if (parse.GetValue(json)) { CliRun.Json(context, FundEntryJson(spent.Value)); }
            else { context.Console.MarkupLine(Markup.Escape($"spent {IcpOutput.Money(money)} on {spent.Value.Counterparty}; balance {IcpOutput.Money(spent.Value.Balance)}")); }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command FundShow(CliContext context)
    {
        var cmd = new Command("show", "The fund's ledger (charges, spending, running balance).\nExample: carbonledger icp fund show --org 3f2c…e1 --json");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var currency = new Option<string?>("--currency") { Description = "Currency (default TWD)" };
        var json = IcpModule.JsonOption();
        foreach (var o in new Option[] { org, currency, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var cur = Currency.Of(parse.GetValue(currency) ?? "TWD");
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var fund = await new PricingStore(db, context.Clock).LoadFundAsync(snapshot.Organization.Id, cur, ct);
            if (parse.GetValue(json)) { CliRun.Json(context, new { currency = cur.Code, entries = fund.Entries.Select(FundEntryJson), balance = fund.Balance.Amount }); return ExitCodes.Ok; }
            context.Console.Write(FundTable("Carbon fund", fund.Entries));
            context.Console.MarkupLine(Markup.Escape($"balance: {IcpOutput.Money(fund.Balance)}"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Table FundTable(string title, IEnumerable<FundEntry> entries)
    {
        var t = new Table().Title(Markup.Escape(title)).AddColumn("date").AddColumn("kind").AddColumn("unit / project").AddColumn(new TableColumn("amount").RightAligned())
            .AddColumn(new TableColumn("balance").RightAligned()).AddColumn("note");
        foreach (var e in entries)
        {
            t.AddRow(e.Date.ToString("yyyy-MM-dd", Inv), e.Kind, Markup.Escape(e.Counterparty), IcpOutput.Money(e.Amount), IcpOutput.Money(e.Balance), Markup.Escape(e.Note));
        }
        return t;
    }

    private static object FundEntryJson(FundEntry e) => new
    {
        date = e.Date.ToString("yyyy-MM-dd", Inv), e.Kind, e.Counterparty, amount = e.Amount.Amount, balance = e.Balance.Amount, currency = e.Amount.Currency.Code, e.Note,
    };

    public static Command Trading(CliContext context)
    {
        var trading = new Command("trading", "Internal trading (內部交易): allocate allowances to departments, record transfers at a price, show compliance positions against the inventory.\nExample: carbonledger icp trading positions --org 3f2c…e1 --year 2024");
        trading.Subcommands.Add(TradingAllocate(context));
        trading.Subcommands.Add(TradingTransfer(context));
        trading.Subcommands.Add(TradingPositions(context));
        return trading;
    }

    private static Option<string?> YearOption() => new("--year") { Description = "Compliance year", Required = true, HelpName = "yyyy" };

    private static Command TradingAllocate(CliContext context)
    {
        var cmd = new Command("allocate", "Allocate allowances (tCO2e) to a department for a year.\nExample: carbonledger icp trading allocate --org 3f2c…e1 --year 2024 --unit Admin --tonnes 12");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var year = YearOption();
        var unit = new Option<string>("--unit") { Description = "Department (as on the emission sources)", Required = true };
        var tonnes = new Option<string?>("--tonnes") { Description = "Allowances, tCO2e", Required = true, HelpName = "tCO2e" };
        foreach (var o in new Option[] { org, year, unit, tonnes }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var t = ProjectSpecInput.Number(parse, tonnes)!.Value;
            if (t < 0m) { throw new CliFailureException("--tonnes: an allocation cannot be negative"); }
            var y = ProjectSpecInput.Integer(parse, year)!.Value;
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            await new PricingStore(db, context.Clock).AddAllowanceEntryAsync(snapshot.Organization.Id, y, "allocation", parse.GetValue(unit)!, null, t, null, Environment.UserName, ct);
            context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"allocated {CliRun.Tonnes(t)} tCO2e to {parse.GetValue(unit)} for {y}")));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command TradingTransfer(CliContext context)
    {
        var cmd = new Command("transfer", "Record a transfer of allowances from one department to another at a price (checked against what the seller holds).\nExample: carbonledger icp trading transfer --org 3f2c…e1 --year 2024 --from Admin --to Logistics --tonnes 2 --price 1500");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var year = YearOption();
        var from = new Option<string>("--from") { Description = "Selling department", Required = true };
        var to = new Option<string>("--to") { Description = "Buying department", Required = true };
        var tonnes = new Option<string?>("--tonnes") { Description = "tCO2e", Required = true, HelpName = "tCO2e" };
        var price = new Option<string?>("--price") { Description = "Price per tCO2e", Required = true, HelpName = "amount" };
        var currency = new Option<string?>("--currency") { Description = "Currency (default TWD)" };
        foreach (var o in new Option[] { org, year, from, to, tonnes, price, currency }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var y = ProjectSpecInput.Integer(parse, year)!.Value;
            var transfer = new AllowanceTransfer(parse.GetValue(from)!, parse.GetValue(to)!, ProjectSpecInput.Number(parse, tonnes)!.Value,
                new CarbonPrice(new Money(ProjectSpecInput.Number(parse, price)!.Value, Currency.Of(parse.GetValue(currency) ?? "TWD"))));
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var store = new PricingStore(db, context.Clock);
            var (allocations, transfers) = await store.LoadAllowancesAsync(snapshot.Organization.Id, y, ct);
            // The book with this transfer appended must still be valid (the seller holds the tonnes, both units exist).
            var check = InternalTrading.Positions(allocations, [.. transfers, transfer], [], transfer.Price.Currency);
            if (!check.Succeeded) { return IcpModule.Fail(context, check.Problems.Select(p => p.Location.Field == $"transfer {transfers.Count + 1}" ? p.Message : CliRun.Format(p))); }
            await store.AddAllowanceEntryAsync(snapshot.Organization.Id, y, "transfer", transfer.From, transfer.To, transfer.Tonnes, transfer.Price, Environment.UserName, ct);
            context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{transfer.From} → {transfer.To}: {CliRun.Tonnes(transfer.Tonnes)} tCO2e at {IcpOutput.Money(transfer.Price.PerTonne)}/t = {IcpOutput.Money(transfer.Price.ValueOf(transfer.Tonnes))}")));
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static Command TradingPositions(CliContext context)
    {
        var cmd = new Command("positions", "Each department's allowances (allocated + bought − sold) against its emissions in the inventory of the year.\nExample: carbonledger icp trading positions --org 3f2c…e1 --year 2024 --json");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var year = YearOption();
        var inventory = OrganizationLookup.InventoryOption("Inventory id or name (default: the one whose period starts in --year)");
        var scopes = new Option<string?>("--scopes") { Description = "Scopes that need allowances (default 1,2)" };
        var scope2 = IcpModule.Scope2Option();
        var json = IcpModule.JsonOption();
        foreach (var o in new Option[] { org, year, inventory, scopes, scope2, json }) { cmd.Options.Add(o); }
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var y = ProjectSpecInput.Integer(parse, year)!.Value;
            var covered = IcpModule.Scopes(parse, scopes) ?? new HashSet<int> { 1, 2 };
            var method = IcpModule.Scope2Basis(parse, scope2);
            string inventoryKey;
            IReadOnlyDictionary<string, decimal> allocations;
            IReadOnlyList<AllowanceTransfer> transfers;
            {
                var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
                await using var _ = db;
                var inventories = await new InventoryStore(db, context.Clock).ListInventoriesAsync(snapshot.Organization.Id, ct);
                inventoryKey = parse.GetValue(inventory) ?? inventories.FirstOrDefault(i => i.PeriodStart.Year == y)?.Id.ToString()
                    ?? throw new CliFailureException(CliRun.Inv($"--inventory: the organization has no inventory starting in {y}; name one"));
                (allocations, transfers) = await new PricingStore(db, context.Clock).LoadAllowancesAsync(snapshot.Organization.Id, y, ct);
            }
            var calculated = await CalculateModule.LoadAndCalculateAsync(context, data.Settings(parse), parse.GetValue(org)!, inventoryKey, ct);
            var emissions = InventoryEmissions.ByUnit(calculated.Result, ChargeBasis.Department, covered, method);
            var currency = transfers.Count > 0 ? transfers[0].Price.Currency : Currency.Twd;
            var positions = InternalTrading.Positions(allocations, transfers, emissions, currency);
            if (!positions.Succeeded) { return Problems(context, positions.Problems); }
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    year = y, inventory = calculated.Inventory.Name, currency = currency.Code,
                    positions = positions.Value.Select(p => new { p.Unit, p.Allocated, p.Bought, p.Sold, p.Held, p.Emissions, p.SurplusTonnes, cashFlow = p.CashFlow.Amount, p.Compliant }),
                });
                return ExitCodes.Ok;
            }
            var t = new Table().Title(CliRun.Inv($"Internal trading {y} ({calculated.Inventory.Name})")).AddColumn("department")
                .AddColumn(new TableColumn("allocated").RightAligned()).AddColumn(new TableColumn("bought").RightAligned()).AddColumn(new TableColumn("sold").RightAligned())
                .AddColumn(new TableColumn("held").RightAligned()).AddColumn(new TableColumn("emissions").RightAligned()).AddColumn(new TableColumn("surplus").RightAligned())
                .AddColumn(new TableColumn("cash").RightAligned()).AddColumn("compliant");
            foreach (var p in positions.Value)
            {
                t.AddRow(Markup.Escape(p.Unit), CliRun.Tonnes(p.Allocated), CliRun.Tonnes(p.Bought), CliRun.Tonnes(p.Sold), CliRun.Tonnes(p.Held), CliRun.Tonnes(p.Emissions),
                    CliRun.Tonnes(p.SurplusTonnes), IcpOutput.Money(p.CashFlow), p.Compliant ? "yes" : "[red]no[/]");
            }
            context.Console.Write(t);
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    public static Command Implicit(CliContext context)
    {
        var cmd = new Command("implicit", "Implicit price (隱含價格): each completed project's actual cost ÷ realised abatement, and over all of them.\nExample: carbonledger icp implicit --org 3f2c…e1");
        var data = new DataOptions();
        var org = OrganizationLookup.OrgOption();
        var json = IcpModule.JsonOption();
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        data.AddTo(cmd);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var (db, snapshot) = await OpenAsync(context, data, parse, org, ct);
            await using var _ = db;
            var projects = (await new PricingStore(db, context.Clock).ListProjectsAsync(snapshot.Organization.Id, ct))
                .Where(p => p.ActualCost is not null && p.RealisedAbatementTonnes is not null)
                .Select(p => new CompletedProject(p.Spec.Name, new Money(p.ActualCost!.Value, Currency.Of(p.Spec.Currency)), p.RealisedAbatementTonnes!.Value)).ToList();
            if (projects.Count == 0) { throw new CliFailureException("no project has a recorded outcome yet (`carbonledger icp project outcome`)"); }
            var result = ImplicitPrice.Of(projects);
            if (!result.Succeeded) { return Problems(context, result.Problems); }
            var (per, overall) = result.Value;
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { currency = overall.Currency.Code, overall = overall.PerTonne.Amount, projects = per.Select(p => new { p.Project, pricePerTonne = p.Price.PerTonne.Amount }) });
                return ExitCodes.Ok;
            }
            var t = new Table().Title("Implicit carbon price").AddColumn("project").AddColumn(new TableColumn("cost").RightAligned())
                .AddColumn(new TableColumn("realised (tCO2e)").RightAligned()).AddColumn(new TableColumn("per tCO2e").RightAligned());
            for (var i = 0; i < projects.Count; i++)
            {
                t.AddRow(Markup.Escape(projects[i].Name), IcpOutput.Money(projects[i].Cost), CliRun.Tonnes(projects[i].RealisedAbatementTonnes), IcpOutput.Money(per[i].Price.PerTonne));
            }
            t.AddRow("[bold]overall[/]", IcpOutput.Money(projects.Sum(p => p.Cost.Amount)), CliRun.Tonnes(projects.Sum(p => p.RealisedAbatementTonnes)), "[bold]" + IcpOutput.Money(overall.PerTonne) + "[/]");
            context.Console.Write(t);
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
