using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Pricing;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Pricing;
using CarbonLedger.Units;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace CarbonLedger.Web.Features.Pricing;

/// <summary>Internal carbon pricing (SPEC §5, issue 4): stateless calculations under <c>/api/v1/pricing</c> (appraisal,
/// stress test, programme, MACC on the shipped factor library) and the organization's records under
/// <c>/api/v1/organizations/{orgId}/pricing</c> (policies, projects, carbon fund, allowances, implicit price, report)
/// plus an inventory's carbon-cost exposure. Reads need Read; projects need EditData; policies, fund and allowances
/// need ManageOrganization.</summary>
public sealed class PricingApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var calc = api.MapGroup("/pricing").WithTags("Pricing");
        calc.MapPost("/appraise", Appraise).WithName("AppraiseProject");
        calc.MapPost("/stress", Stress).WithName("StressTestProject");
        calc.MapPost("/programme", ProgrammeYears).WithName("EvaluateProgramme");
        calc.MapPost("/macc", MaccOf).WithName("BuildMacc");

        var org = api.MapOrganization("/pricing").WithTags("Pricing");
        org.MapGet("/policies", ListPolicies).WithName("ListIcpPolicies");
        org.MapPost("/policies", CreatePolicy).WithName("CreateIcpPolicy").RequirePermission(Permission.ManageOrganization);
        org.MapPost("/policies/{policyId:guid}/prices", AddPrice).WithName("AddIcpPriceChange").RequirePermission(Permission.ManageOrganization);
        org.MapGet("/projects", ListProjects).WithName("ListIcpProjects");
        org.MapPost("/projects", SaveProject).WithName("SaveIcpProject").RequirePermission(Permission.EditData);
        org.MapPost("/projects/{projectId:guid}/outcome", RecordOutcome).WithName("RecordIcpProjectOutcome").RequirePermission(Permission.EditData);
        org.MapGet("/projects/macc", ProjectsMacc).WithName("IcpProjectsMacc");
        org.MapGet("/fund", Fund).WithName("GetCarbonFund");
        org.MapPost("/fund/charge", Charge).WithName("ChargeCarbonFund").RequirePermission(Permission.ManageOrganization);
        org.MapPost("/fund/spend", Spend).WithName("SpendCarbonFund").RequirePermission(Permission.ManageOrganization);
        org.MapGet("/allowances/positions", Positions).WithName("AllowancePositions");
        org.MapPost("/allowances/allocate", Allocate).WithName("AllocateAllowances").RequirePermission(Permission.ManageOrganization);
        org.MapPost("/allowances/transfer", Transfer).WithName("TransferAllowances").RequirePermission(Permission.ManageOrganization);
        org.MapGet("/implicit", Implicit).WithName("ImplicitCarbonPrice");
        org.MapGet("/report", Report).WithName("IcpReport");

        api.MapOrganization().WithTags("Pricing").MapGet("/inventories/{id:guid}/carbon-exposure", Exposure).WithName("InventoryCarbonExposure");
    }

    private const string InvalidProject = "Invalid project";

    public static Results<Ok<AppraisalDto>, ValidationProblem> Appraise(ProjectSpec spec)
    {
        var outcome = SpecAppraisal.Run(spec ?? new ProjectSpec(), ReferenceLibrary.Default);
        return outcome.Succeeded ? TypedResults.Ok(AppraisalDto.From(outcome.Value)) : Validation.Invalid(outcome.Problems, InvalidProject);
    }

    public static Results<Ok<StressDto>, ValidationProblem> Stress(StressRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        if (request.Project is null) { problems.Add(Problem.AtField("project", "is required (a project spec)", "為必填（專案規格）")); }
        if (request.Prices is null or { Count: 0 }) { problems.Add(Problem.AtField("prices", "give at least one carbon price per tCO2e", "請至少提供一個碳價（每公噸二氧化碳當量）")); }
        else if (request.Prices.Any(p => p < 0m)) { problems.Add(Problem.AtField("prices", "a carbon price cannot be negative", "碳價不可為負數")); }
        if (request.Project is null) { return Validation.Invalid(problems, InvalidProject); }
        var appraisal = SpecAppraisal.Run(request.Project, ReferenceLibrary.Default);
        if (!appraisal.Succeeded) { problems.AddRange(appraisal.Problems.Select(p => p.UnderField("project." + p.Location.Field))); }
        if (problems.Count > 0) { return Validation.Invalid(problems, InvalidProject); }
        var inputs = appraisal.Value.Inputs;
        var run = StressTest.Run(inputs, request.Prices!.Select(p => new CarbonPrice(new Money(p, inputs.Capex.Currency))).ToList(), request.TariffEscalations);
        if (!run.Succeeded) { return Validation.Invalid(run.Problems, InvalidProject); }
        return TypedResults.Ok(new StressDto(AppraisalDto.From(appraisal.Value), run.Value.Select(StressCaseDto.From).ToList()));
    }

    public static Results<Ok<IReadOnlyList<ProgrammeYearDto>>, ValidationProblem> ProgrammeYears(ProgrammeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        if (request.Purchases is null or { Count: 0 }) { problems.Add(Problem.AtField("purchases", "give at least one {year, energy}", "請至少提供一筆 {year, energy}")); }
        if (request.PricePerTonne is null) { problems.Add(Problem.AtField("pricePerTonne", "is required", "為必填")); }
        else if (request.PricePerTonne < 0m) { problems.Add(Problem.AtField("pricePerTonne", "cannot be negative", "不可為負數")); }
        Unit? unit = null;
        if (!UnitCatalog.TryParse(request.Unit ?? "kWh", out var u)) { problems.Add(Problem.AtField("unit", $"unknown unit '{request.Unit}'", $"無法辨識的單位「{request.Unit}」")); }
        else if (u.Dimension != Dimension.Energy) { problems.Add(Problem.AtField("unit", $"'{request.Unit}' is not an energy unit (use kWh, MWh, GJ …)", $"「{request.Unit}」不是能源單位（請用 kWh、MWh、GJ …）")); }
        else { unit = u; }
        Currency? currency = null;
        try { currency = Currency.Of(request.Currency ?? "TWD"); }
        catch (DomainException ex) { problems.Add(ex.ToProblem().UnderField("currency")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid programme"); }
        var first = request.Purchases!.Min(p => p.Year);
        var last = request.Purchases!.Max(p => p.Year);
        if (last - first > 100) { return Validation.Invalid([Problem.AtField("purchases", "span at most 100 years", "最多涵蓋 100 年")], "Invalid programme"); }
        var factors = new ProjectSpec
        {
            Name = "programme", EnergySaved = 1m, HorizonYears = last - first + 1, FirstYear = first, GridFactorKey = request.GridFactorKey ?? "tw-grid",
            GridFactorKgPerKwh = request.GridFactorKgPerKwh, Currency = currency!.Code,
        }.ToInputs(ReferenceLibrary.Default);
        if (!factors.Succeeded) { return Validation.Invalid(factors.Problems, "Invalid programme"); }
        var baseline = request.Scope2MarketBasedBaselineTonnes is { } b ? request.Purchases!.ToDictionary(p => p.Year, _ => b) : null;
        var rows = Programme.Evaluate(request.Purchases!.Select(p => (p.Year, new Quantity(p.Energy, unit!))).ToList(), factors.Value.GridFactorForYear!,
            new CarbonPrice(new Money(request.PricePerTonne!.Value, currency)), baseline);
        if (!rows.Succeeded) { return Validation.Invalid(rows.Problems, "Invalid programme"); }
        return TypedResults.Ok<IReadOnlyList<ProgrammeYearDto>>(rows.Value.Select(y => new ProgrammeYearDto(y.Year, y.EnergyKwh, y.GridFactorKgPerKwh, y.GridFactorSource,
            y.AbatementTonnes, y.Value.Amount, y.CumulativeAbatementTonnes, y.CumulativeValue.Amount, y.Scope2MarketBasedBeforeTonnes, y.Scope2MarketBasedAfterTonnes)).ToList());
    }

    public static Results<Ok<MaccDto>, ValidationProblem> MaccOf(MaccRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var built = BuildMacc(request.Projects ?? [], ReferenceLibrary.Default, request.PricePerTonne);
        return built.Succeeded ? TypedResults.Ok(MaccDto.From(built.Value.Macc, built.Value.Price)) : Validation.Invalid(built.Problems, "Invalid projects");
    }

    private static Outcome<(Macc Macc, CarbonPrice? Price)> BuildMacc(IReadOnlyList<ProjectSpec> specs, FactorLibrary library, decimal? price)
    {
        var problems = new List<Problem>();
        if (specs.Count == 0) { problems.Add(Problem.AtField("projects", "give at least one project", "請至少提供一個專案")); }
        var appraisals = new List<AppraisalResult>();
        for (var i = 0; i < specs.Count; i++)
        {
            var a = SpecAppraisal.Run(specs[i], library);
            if (a.Succeeded) { appraisals.Add(a.Value); }
            else { problems.AddRange(a.Problems.Select(p => p.UnderField($"projects[{i}].{p.Location.Field}"))); }
        }
        if (price < 0m) { problems.Add(Problem.AtField("price", "cannot be negative", "不可為負數")); }
        if (problems.Count > 0) { return Outcome<(Macc, CarbonPrice?)>.Failure(problems); }
        var macc = Macc.Build(appraisals);
        if (!macc.Succeeded) { return Outcome<(Macc, CarbonPrice?)>.Failure(macc.Problems); }
        CarbonPrice? at = price is { } p ? new CarbonPrice(new Money(p, appraisals[0].Inputs.Capex.Currency)) : null;
        return Outcome<(Macc, CarbonPrice?)>.Success((macc.Value, at));
    }

    public static async Task<Ok<IReadOnlyList<PolicyDto>>> ListPolicies(Guid orgId, PricingStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<PolicyDto>>((await store.ListPoliciesAsync(orgId, ct)).Select(PolicyDto.From).ToList());

    private static LocalDate? ParseDate(string? text, string field, List<Problem> problems, IClock clock)
    {
        if (text is null) { return clock.GetCurrentInstant().InUtc().Date; }
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success) { return parsed.Value; }
        problems.Add(Problem.AtField(field, $"'{text}' is not a date (yyyy-MM-dd)", $"「{text}」不是日期（格式 yyyy-MM-dd）"));
        return null;
    }

    private static Currency? ParseCurrency(string? code, List<Problem> problems)
    {
        try { return Currency.Of(code ?? "TWD"); }
        catch (DomainException ex)
        {
            problems.Add(ex.ToProblem().UnderField("currency"));
            return null;
        }
    }

    public static async Task<Results<Created<PolicyDto>, ValidationProblem>> CreatePolicy(Guid orgId, CreatePolicyRequest request, PricingStore store, IClock clock,
        HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Name)) { problems.Add(Problem.AtField("name", "is required", "為必填")); }
        if (!Enum.TryParse<IcpType>(request.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type))
        {
            problems.Add(Problem.AtField("type", $"must be one of {string.Join(", ", Enum.GetNames<IcpType>())}", $"須為下列之一：{string.Join("、", Enum.GetNames<IcpType>())}"));
        }
        if (request.PricePerTonne is null) { problems.Add(Problem.AtField("pricePerTonne", "is required", "為必填")); }
        var currency = ParseCurrency(request.Currency, problems);
        var from = ParseDate(request.EffectiveFrom, "effectiveFrom", problems, clock);
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid policy"); }
        IcpPolicy policy;
        try
        {
            policy = new IcpPolicy(request.Name!, type, [new PriceChange(from!.Value, new CarbonPrice(new Money(request.PricePerTonne!.Value, currency!)), request.Reason ?? "initial price")],
                (request.Scopes ?? [1, 2]).ToHashSet(), request.ReviewEveryMonths ?? 12);
        }
        catch (DomainException ex)
        {
            return Validation.Invalid([ex.ToProblem()], "Invalid policy");
        }
        var created = await store.CreatePolicyAsync(orgId, policy, http.Member().Actor, ct);
        if (!created.Succeeded) { return Validation.Invalid(created.Problems, "Invalid policy"); }
        var stored = (await store.ListPoliciesAsync(orgId, ct)).Single(p => p.Id == created.Value);
        return TypedResults.Created($"/api/v1/organizations/{orgId}/pricing/policies/{created.Value}", PolicyDto.From(stored));
    }

    public static async Task<Results<Ok<PolicyDto>, ValidationProblem, ProblemHttpResult>> AddPrice(Guid orgId, Guid policyId, PriceChangeRequest request, PricingStore store,
        IClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var existing = (await store.ListPoliciesAsync(orgId, ct)).FirstOrDefault(p => p.Id == policyId);
        if (existing is null) { return TenantIsolation.NotFound("policy"); }
        var problems = new List<Problem>();
        if (request.PricePerTonne is null) { problems.Add(Problem.AtField("pricePerTonne", "is required", "為必填")); }
        if (string.IsNullOrWhiteSpace(request.Reason)) { problems.Add(Problem.AtField("reason", "is required (why the price changes)", "為必填（說明碳價調整的原因）")); }
        var from = ParseDate(request.EffectiveFrom, "effectiveFrom", problems, clock);
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid price change"); }
        var changed = await store.AddPriceChangeAsync(orgId, policyId,
            new PriceChange(from!.Value, new CarbonPrice(new Money(request.PricePerTonne!.Value, existing.Policy.Prices[0].Price.Currency)), request.Reason!), http.Member().Actor, ct);
        return changed.Succeeded ? TypedResults.Ok(PolicyDto.From(changed.Value)) : Validation.Invalid(changed.Problems, "Invalid price change");
    }

    public static async Task<Ok<IReadOnlyList<ProjectDto>>> ListProjects(Guid orgId, PricingStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<ProjectDto>>((await store.ListProjectsAsync(orgId, ct)).Select(ProjectDto.From).ToList());

    public static async Task<Results<Created<ProjectDto>, ValidationProblem>> SaveProject(Guid orgId, ProjectSpec spec, PricingStore store, InventoryStore inventories,
        HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(http);
        var library = (await inventories.LoadAsync(orgId, ct))?.FactorLibrary() ?? ReferenceLibrary.Default;
        var check = SpecAppraisal.Run(spec, library);
        if (!check.Succeeded) { return Validation.Invalid(check.Problems, InvalidProject); }
        var saved = await store.SaveProjectAsync(orgId, spec, http.Member().Actor, ct);
        if (!saved.Succeeded) { return Validation.Invalid(saved.Problems, InvalidProject); }
        var stored = (await store.ListProjectsAsync(orgId, ct)).Single(p => p.Id == saved.Value);
        return TypedResults.Created($"/api/v1/organizations/{orgId}/pricing/projects/{saved.Value}", ProjectDto.From(stored));
    }

    public static async Task<Results<Ok<ProjectDto>, ValidationProblem, ProblemHttpResult>> RecordOutcome(Guid orgId, Guid projectId, OutcomeRequest request, PricingStore store,
        HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        if ((await store.ListProjectsAsync(orgId, ct)).All(p => p.Id != projectId)) { return TenantIsolation.NotFound("project"); }
        var problems = new List<Problem>();
        if (request.ActualCost is null) { problems.Add(Problem.AtField("actualCost", "is required", "為必填")); }
        if (request.RealisedAbatementTonnes is null) { problems.Add(Problem.AtField("realisedAbatementTonnes", "is required", "為必填")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid outcome"); }
        var recorded = await store.RecordOutcomeAsync(orgId, projectId, request.ActualCost!.Value, request.RealisedAbatementTonnes!.Value, http.Member().Actor, ct);
        return recorded.Succeeded ? TypedResults.Ok(ProjectDto.From(recorded.Value)) : Validation.Invalid(recorded.Problems, "Invalid outcome");
    }

    public static async Task<Results<Ok<MaccDto>, ValidationProblem>> ProjectsMacc(Guid orgId, decimal? price, PricingStore store, InventoryStore inventories, CancellationToken ct)
    {
        var library = (await inventories.LoadAsync(orgId, ct))?.FactorLibrary() ?? ReferenceLibrary.Default;
        var built = BuildMacc((await store.ListProjectsAsync(orgId, ct)).Select(p => p.Spec).ToList(), library, price);
        return built.Succeeded ? TypedResults.Ok(MaccDto.From(built.Value.Macc, built.Value.Price)) : Validation.Invalid(built.Problems, "Cannot build the MACC");
    }

    public static async Task<Results<Ok<FundDto>, ValidationProblem>> Fund(Guid orgId, string? currency, PricingStore store, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var cur = ParseCurrency(currency, problems);
        if (cur is null) { return Validation.Invalid(problems, "Invalid currency"); }
        var fund = await store.LoadFundAsync(orgId, cur, ct);
        return TypedResults.Ok(new FundDto(cur.Code, fund.Balance.Amount, fund.Entries.Select(FundEntryDto.From).ToList()));
    }

    private static IReadOnlySet<int> Scopes(IReadOnlyList<int>? scopes, List<Problem> problems)
    {
        var set = (scopes is { Count: > 0 } ? scopes : [1, 2]).ToHashSet();
        if (set.Any(s => s is < 1 or > 3)) { problems.Add(Problem.AtField("scopes", "are 1, 2 and/or 3", "須為 1、2 或 3（可複選）")); }
        return set;
    }

    private static Scope2Method? Scope2(string? text, List<Problem> problems)
    {
        switch ((text ?? "location").ToUpperInvariant())
        {
            case "LOCATION" or "LOCATIONBASED" or "LOCATION-BASED": return Scope2Method.LocationBased;
            case "MARKET" or "MARKETBASED" or "MARKET-BASED": return Scope2Method.MarketBased;
            default:
                problems.Add(Problem.AtField("scope2", "is location or market", "須為 location（地區基準）或 market（市場基準）"));
                return null;
        }
    }

    public static async Task<Results<Ok<FundDto>, ValidationProblem, ProblemHttpResult>> Charge(Guid orgId, ChargeRequest request, PricingStore store, InventoryStore inventories,
        IClock clock, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        if (request.InventoryId is null) { problems.Add(Problem.AtField("inventoryId", "is required", "為必填")); }
        if (request.PricePerTonne is not > 0m) { problems.Add(Problem.AtField("pricePerTonne", "is required and must be positive", "為必填，且須為正數")); }
        var currency = ParseCurrency(request.Currency, problems);
        ChargeBasis basis = ChargeBasis.Department;
        if (request.By is { } by && !Enum.TryParse(by, ignoreCase: true, out basis)) { problems.Add(Problem.AtField("by", "is department or facility", "須為 department（部門）或 facility（據點）")); }
        var scopes = Scopes(request.Scopes, problems);
        var method = Scope2(request.Scope2, problems);
        var date = ParseDate(request.Date, "date", problems, clock);
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid charge"); }
        var calculated = await CalculatedInventory.LoadAsync(inventories, orgId, request.InventoryId!.Value, ct);
        if (calculated is null) { return TenantIsolation.NotFound("inventory"); }
        var units = InventoryEmissions.ByUnit(calculated.Result, basis, scopes, method!.Value);
        if (units.Count == 0) { return Validation.Invalid([Problem.AtField("inventoryId", $"has no emissions in scopes {string.Join(",", scopes.Order())}", $"在範疇 {string.Join("、", scopes.Order())} 沒有排放量")], "Invalid charge"); }
        var period = $"{calculated.Inventory.Name} {calculated.Inventory.PeriodStart:yyyy-MM-dd}–{calculated.Inventory.PeriodEnd:yyyy-MM-dd}, scopes {string.Join(",", scopes.Order())}";
        await store.ChargeAsync(orgId, date!.Value, units, new CarbonPrice(new Money(request.PricePerTonne!.Value, currency!)), period, http.Member().Actor, ct);
        var fund = await store.LoadFundAsync(orgId, currency!, ct);
        return TypedResults.Ok(new FundDto(currency!.Code, fund.Balance.Amount, fund.Entries.Select(FundEntryDto.From).ToList()));
    }

    public static async Task<Results<Ok<FundEntryDto>, ValidationProblem>> Spend(Guid orgId, SpendRequest request, PricingStore store, IClock clock, HttpContext http,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Project)) { problems.Add(Problem.AtField("project", "is required", "為必填")); }
        if (request.Amount is null) { problems.Add(Problem.AtField("amount", "is required", "為必填")); }
        var currency = ParseCurrency(request.Currency, problems);
        var date = ParseDate(request.Date, "date", problems, clock);
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid spend"); }
        var spent = await store.SpendAsync(orgId, date!.Value, request.Project!, new Money(request.Amount!.Value, currency!), request.Note ?? "", http.Member().Actor, ct);
        return spent.Succeeded ? TypedResults.Ok(FundEntryDto.From(spent.Value)) : Validation.Invalid(spent.Problems, "Invalid spend");
    }

    public static async Task<Results<Ok<PositionsDto>, ValidationProblem, ProblemHttpResult>> Positions(Guid orgId, int? year, Guid? inventoryId, string? scope2,
        PricingStore store, InventoryStore inventories, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (year is null) { problems.Add(Problem.AtField("year", "is required", "為必填")); }
        var method = Scope2(scope2, problems);
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid query"); }
        var id = inventoryId ?? (await inventories.ListInventoriesAsync(orgId, ct)).FirstOrDefault(i => i.PeriodStart.Year == year)?.Id;
        if (id is null) { return Validation.Invalid([Problem.AtField("inventoryId", $"the organization has no inventory starting in {year}; give inventoryId", $"本組織沒有起始於 {year} 年的盤查；請指定 inventoryId")], "Invalid query"); }
        var calculated = await CalculatedInventory.LoadAsync(inventories, orgId, id.Value, ct);
        if (calculated is null) { return TenantIsolation.NotFound("inventory"); }
        var (allocations, transfers) = await store.LoadAllowancesAsync(orgId, year!.Value, ct);
        var currency = transfers.Count > 0 ? transfers[0].Price.Currency : Currency.Twd;
        var positions = InternalTrading.Positions(allocations, transfers,
            InventoryEmissions.ByUnit(calculated.Result, ChargeBasis.Department, new HashSet<int> { 1, 2 }, method!.Value), currency);
        if (!positions.Succeeded) { return Validation.Invalid(positions.Problems, "Allowances do not cover every emitting department"); }
        return TypedResults.Ok(new PositionsDto(year.Value, calculated.Inventory.Id, calculated.Inventory.Name, currency.Code,
            positions.Value.Select(p => new PositionDto(p.Unit, p.Allocated, p.Bought, p.Sold, p.Held, p.Emissions, p.SurplusTonnes, p.CashFlow.Amount, p.Compliant)).ToList()));
    }

    public static async Task<Results<NoContent, ValidationProblem>> Allocate(Guid orgId, AllocateRequest request, PricingStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        if (request.Year is null) { problems.Add(Problem.AtField("year", "is required", "為必填")); }
        if (string.IsNullOrWhiteSpace(request.Unit)) { problems.Add(Problem.AtField("unit", "is required (a department)", "為必填（部門）")); }
        if (request.Tonnes is not >= 0m) { problems.Add(Problem.AtField("tonnes", "is required and cannot be negative", "為必填，且不可為負數")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid allocation"); }
        await store.AddAllowanceEntryAsync(orgId, request.Year!.Value, "allocation", request.Unit!, null, request.Tonnes!.Value, null, http.Member().Actor, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem>> Transfer(Guid orgId, TransferRequest request, PricingStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        if (request.Year is null) { problems.Add(Problem.AtField("year", "is required", "為必填")); }
        if (string.IsNullOrWhiteSpace(request.From)) { problems.Add(Problem.AtField("from", "is required", "為必填")); }
        if (string.IsNullOrWhiteSpace(request.To)) { problems.Add(Problem.AtField("to", "is required", "為必填")); }
        if (request.Tonnes is null) { problems.Add(Problem.AtField("tonnes", "is required", "為必填")); }
        if (request.PricePerTonne is not >= 0m) { problems.Add(Problem.AtField("pricePerTonne", "is required and cannot be negative", "為必填，且不可為負數")); }
        var currency = ParseCurrency(request.Currency, problems);
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid transfer"); }
        var transfer = new AllowanceTransfer(request.From!, request.To!, request.Tonnes!.Value, new CarbonPrice(new Money(request.PricePerTonne!.Value, currency!)));
        var (allocations, transfers) = await store.LoadAllowancesAsync(orgId, request.Year!.Value, ct);
        var check = InternalTrading.Positions(allocations, [.. transfers, transfer], [], currency!);
        if (!check.Succeeded) { return Validation.Invalid(check.Problems, "Invalid transfer"); }
        await store.AddAllowanceEntryAsync(orgId, request.Year!.Value, "transfer", transfer.From, transfer.To, transfer.Tonnes, transfer.Price, http.Member().Actor, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<ImplicitPriceDto>, ValidationProblem>> Implicit(Guid orgId, PricingStore store, CancellationToken ct)
    {
        var projects = (await store.ListProjectsAsync(orgId, ct)).Where(p => p.ActualCost is not null && p.RealisedAbatementTonnes is not null)
            .Select(p => new CompletedProject(p.Spec.Name, new Money(p.ActualCost!.Value, Currency.Of(p.Spec.Currency)), p.RealisedAbatementTonnes!.Value)).ToList();
        var result = ImplicitPrice.Of(projects);
        if (!result.Succeeded) { return Validation.Invalid(result.Problems, "No implicit price"); }
        var (per, overall) = result.Value;
        return TypedResults.Ok(new ImplicitPriceDto(overall.Currency.Code, overall.PerTonne.Amount,
            projects.Select((p, i) => new ImplicitProjectDto(p.Name, p.Cost.Amount, p.RealisedAbatementTonnes, per[i].Price.PerTonne.Amount)).ToList()));
    }

    public static async Task<Results<Ok<ExposureDto>, ValidationProblem, ProblemHttpResult>> Exposure(Guid orgId, Guid id, decimal[]? price, string? currency, string? scope2,
        PricingStore store, InventoryStore inventories, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var method = Scope2(scope2, problems);
        var cur = ParseCurrency(currency, problems);
        if (price?.Any(p => p < 0m) == true) { problems.Add(Problem.AtField("price", "a carbon price cannot be negative", "碳價不可為負數")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid query"); }
        var calculated = await CalculatedInventory.LoadAsync(inventories, orgId, id, ct);
        if (calculated is null) { return TenantIsolation.NotFound("inventory"); }
        var policies = (await store.ListPoliciesAsync(orgId, ct)).Select(p => p.Policy).ToList();
        var report = ExposureReport.Build(InventoryEmissions.ByScope(calculated.Result, method!.Value), policies, LocalDate.FromDateOnly(calculated.Inventory.PeriodEnd), null,
            cur!, price ?? []);
        var f = report.Fee;
        return TypedResults.Ok(new ExposureDto(calculated.Inventory.Id, calculated.Inventory.Name, method.Value.ToString(), report.TonnesByScope,
            report.Lines.Select(l => new ExposureLineDto(l.Label, l.Price.PerTonne.Amount, l.Price.Currency.Code, l.Scopes, l.CoveredTonnes, l.Cost.Amount)).ToList(),
            new TaiwanCarbonFeeDto(f.AnnualEmissionsTonnes, f.KTonnes, f.AdjustmentCoefficient, f.ChargeableTonnes, f.RatePerTonne, f.Amount.Amount, report.FeeRule)));
    }

    /// <summary>The appraisal report of a stored project (<paramref name="projectId"/>), or without one the MACC of all the
    /// organization's projects; with the disclosure block of the organization's policies over its latest inventory.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Report(Guid orgId, Guid? projectId, string? format, string? lang,
        decimal? price, PricingStore store, InventoryStore inventories, IClock clock, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (!CalculatedInventory.TryParseFormat(format, out var reportFormat) || !PricingReports.Formats.Contains(reportFormat))
        {
            problems.Add(Problem.AtField("format", "is html, xlsx or pdf", "須為 html、xlsx 或 pdf"));
        }
        if (!CalculatedInventory.TryParseLanguage(lang, out var language)) { problems.Add(Problem.AtField("lang", "is zh-TW or en", "須為 zh-TW 或 en")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid report request"); }
        var snapshot = await inventories.LoadAsync(orgId, ct);
        if (snapshot is null) { return TenantIsolation.NotFound(); }
        var library = snapshot.FactorLibrary();
        var projects = await store.ListProjectsAsync(orgId, ct);
        var now = clock.GetCurrentInstant();
        var latest = (await inventories.ListInventoriesAsync(orgId, ct)).FirstOrDefault();
        IReadOnlyDictionary<int, decimal>? tonnes = null;
        if (latest is not null && await CalculatedInventory.LoadAsync(inventories, orgId, latest.Id, ct) is { } calc)
        {
            tonnes = InventoryEmissions.ByScope(calc.Result);
        }
        var disclosures = (await store.ListPoliciesAsync(orgId, ct))
            .Select(p => PricingReportModel.PolicyOf(p.Policy, now.InUtc().Date, tonnes, language)).OfType<IcpDisclosure>().ToList();
        PricingReportModel model;
        string name;
        if (projectId is { } pid)
        {
            var project = projects.FirstOrDefault(p => p.Id == pid);
            if (project is null) { return TenantIsolation.NotFound("project"); }
            var appraisal = SpecAppraisal.Run(project.Spec, library);
            if (!appraisal.Succeeded) { return Validation.Invalid(appraisal.Problems, InvalidProject); }
            var currency = appraisal.Value.Inputs.Capex.Currency;
            // SPEC §5's stress list: Taiwan's fee, MOENV's 2030 range, the seed's ICP, the World Bank corridor top.
            var stress = StressTest.Run(appraisal.Value.Inputs, new[] { 300m, 1200m, 1500m, 1800m, 3000m }.Select(p => new CarbonPrice(new Money(p, currency))).ToList());
            model = new PricingReportModel
            {
                Language = language, Title = project.Spec.Name, OrganizationName = snapshot.Organization.Name, GeneratedAt = now.ToString(),
                Appraisal = appraisal.Value, Stress = stress.Succeeded ? stress.Value : [],
                Disclosures = disclosures.Count > 0 ? disclosures : [PricingReportModel.ShadowPriceOf(appraisal.Value, language)],
            };
            name = project.Spec.Name;
        }
        else
        {
            var built = BuildMacc(projects.Select(p => p.Spec).ToList(), library, price);
            if (!built.Succeeded) { return Validation.Invalid(built.Problems, "Cannot build the MACC"); }
            model = new PricingReportModel
            {
                Language = language, Title = "MACC", OrganizationName = snapshot.Organization.Name, GeneratedAt = now.ToString(),
                Macc = built.Value.Macc, MaccPrice = built.Value.Price, Disclosures = disclosures,
            };
            name = "macc";
        }
        using var buffer = new MemoryStream();
        PricingReports.Render(model, reportFormat, buffer);
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return TypedResults.File(buffer.ToArray(), InventoryReports.ContentType(reportFormat), $"icp-{safe}{InventoryReports.Extension(reportFormat)}");
    }
}
