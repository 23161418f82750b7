using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Planning;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;

namespace CarbonLedger.Web.Features.Planning;

/// <summary>A pathway method as a client sends it: <c>kind</c> (linear, absolute-contraction, ar6, milestones);
/// <c>rate</c> a preset code (<c>"sbti-1.5c"</c>) or <c>{annualRate, version, source}</c>; <c>category</c> C1-C5;
/// <c>milestones</c> [{year, value}].</summary>
public sealed record PathwayMethodRequest(string? Kind, JsonElement? Rate, string? Category, IReadOnlyList<Milestone>? Milestones);

public sealed record DenominatorRequest(string? Name, string? Unit, decimal? BaseYearAmount);

/// <summary>A target to create (base-year emissions come from the base-year inventory) or, for the pathway calculator,
/// with <see cref="BaseYearEmissions"/> given. Shares are fractions (0.42 = −42 %).</summary>
public sealed record TargetRequest(string? Name, string? Kind, IReadOnlyList<int>? Scopes, int? BaseYear, int? TargetYear, decimal? Reduction,
    PathwayMethodRequest? Method, string? Scope2Basis, DenominatorRequest? Denominator, decimal? Coverage, decimal? BaseYearEmissions);

public sealed record YearDataRequest(decimal? DenominatorAmount, int? RecCertificates, decimal? OffsetTonnes);

public sealed record ApproveRequest(string? ApprovingBody, string? ApprovalDate, string? Resolution);

public sealed record ClassifyRequest(IReadOnlyList<EconomicActivity>? Activities);

/// <summary>Revenue share (fraction) per 永續程度.</summary>
public sealed record StatusShares(decimal Aligned, decimal Transitioning, decimal NotAligned, decimal NotApplicable)
{
    public static StatusShares From(ActivityClassification c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Share(SustainabilityStatus.Aligned), c.Share(SustainabilityStatus.Transitioning), c.Share(SustainabilityStatus.NotAligned),
            c.Share(SustainabilityStatus.NotApplicable));
    }
}

public sealed record ClassifiedActivityDto(string Name, decimal RevenueShare, ActivityType Type, SustainabilityStatus Status, string StatusZhTw, string Reason, string ReasonZhTw);

public sealed record ClassificationDto(IReadOnlyList<ClassifiedActivityDto> Activities, StatusShares Shares)
{
    public static ClassificationDto From(ActivityClassification c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new(c.Activities.Select(a => new ClassifiedActivityDto(a.Activity.Name, a.Activity.RevenueShare, a.Activity.Type, a.Status,
            ActivityClassifier.ZhTw(a.Status), a.Reason, a.ReasonZhTw)).ToList(), StatusShares.From(c));
    }
}

/// <summary>A stored target with its pathway per year, progress rows (actual vs pathway; RECs and offsets beside the
/// reductions) and the reduction now needed, or why progress cannot be worked out (<see cref="ProgressProblems"/> in English,
/// <see cref="ProgressProblemsZhTw"/> in zh-TW, like the errors/errorsZhTw of a problem); <see cref="Criteria"/> only on the
/// single-target read.</summary>
public sealed record TargetDto(Guid Id, GhgTarget Target, string MethodDescription, string MethodDescriptionZhTw, decimal? MinimumReduction,
    string BaseYearSource, IReadOnlyList<TargetYearData> YearData, string CreatedBy, Instant CreatedAt, IReadOnlyList<TargetPathwayPoint> Pathway,
    IReadOnlyList<ProgressRow> Progress, RequiredReduction? Required, IReadOnlyList<string> ProgressProblems, IReadOnlyList<string> ProgressProblemsZhTw,
    IReadOnlyList<CriterionResult>? Criteria = null);

public sealed record PathwayDto(GhgTarget Target, string MethodDescription, decimal? MinimumReduction, IReadOnlyList<TargetPathwayPoint> Pathway);

public sealed record PlanVersionDto(Guid PlanId, int Version, string ContentSha256, string? Note, string SavedBy, Instant SavedAt, PlanApproval? Approval,
    TransitionPlan? Plan)
{
    public static PlanVersionDto From(StoredPlanVersion v, bool withPlan = true)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new(v.PlanId, v.Version, v.ContentSha256, v.Note, v.SavedBy, v.SavedAt, v.Approval, withPlan ? v.Plan : null);
    }
}

public sealed record CompletenessDto(Guid PlanId, int Version, bool IsComplete, IReadOnlyList<PlanGap> Gaps, IReadOnlyList<TptCoverage> Tpt,
    IReadOnlyList<string> TptEmpty, IReadOnlyList<IfrsS2Coverage> IfrsS2, ClassificationDto? Classification);

/// <summary>Targets, pathways and transition plans (SPEC §4, §6; seed 003; issue 5). Calculators under
/// <c>/api/v1/planning</c> (any signed-in user); the organization's targets and plans under
/// <c>/api/v1/organizations/{orgId}/targets|plans</c> — reads need Read, writes EditPlan, approval ApprovePlan.
/// Planning bodies and answers use <see cref="PlanJson.Options"/> (camelCase, enums by name, ISO dates), the one JSON
/// form of plans shared with the CLI and the stored versions; other APIs' JSON options are not touched.</summary>
public sealed class PlanningApi : IEndpointGroup
{
    private const string InvalidTarget = "Invalid target";
    private const string InvalidPlan = "Invalid transition plan";

    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var calc = api.MapGroup("/planning").WithTags("Planning");
        calc.MapPost("/classify", Classify).WithName("ClassifyEconomicActivities").Accepts<ClassifyRequest>("application/json");
        calc.MapPost("/pathway", Pathway).WithName("TargetPathway");
        calc.MapGet("/sample", Sample).WithName("TransitionPlanSample");
        calc.MapGet("/reference/ndc", Ndc).WithName("TaiwanNdcPathway");

        var org = api.MapOrganization().WithTags("Planning");
        org.MapGet("/targets", ListTargets).WithName("ListTargets");
        org.MapPost("/targets", CreateTarget).WithName("CreateTarget").RequirePermission(Permission.EditPlan);
        org.MapGet("/targets/{targetId:guid}", GetTarget).WithName("GetTarget");
        org.MapPut("/targets/{targetId:guid}/years/{year:int}", SetYear).WithName("SetTargetYearData").RequirePermission(Permission.EditPlan);
        org.MapGet("/plans", ListPlans).WithName("ListTransitionPlans");
        org.MapPost("/plans", CreatePlan).WithName("CreateTransitionPlan").RequirePermission(Permission.EditPlan).Accepts<TransitionPlan>("application/json");
        org.MapGet("/plans/{planId:guid}", GetPlan).WithName("GetTransitionPlan");
        org.MapPut("/plans/{planId:guid}", SavePlan).WithName("SaveTransitionPlanVersion").RequirePermission(Permission.EditPlan).Accepts<TransitionPlan>("application/json");
        org.MapGet("/plans/{planId:guid}/versions", Versions).WithName("ListTransitionPlanVersions");
        org.MapPost("/plans/{planId:guid}/versions/{version:int}/approve", Approve).WithName("ApproveTransitionPlan").RequirePermission(Permission.ApprovePlan);
        org.MapGet("/plans/{planId:guid}/completeness", Completeness).WithName("TransitionPlanCompleteness");
        org.MapGet("/plans/{planId:guid}/document", Document).WithName("TransitionPlanDocument");
    }

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, PlanJson.Options);

    // ------------------------------------------------------------------ calculators

    public static async Task<Results<JsonHttpResult<ClassificationDto>, ValidationProblem>> Classify(HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await ReadBodyAsync<ClassifyRequest>(request, "activities", ct);
        if (!body.Succeeded) { return Validation.Invalid(body.Problems, "Invalid activities"); }
        var outcome = ActivityClassifier.Classify(body.Value.Activities ?? []);
        return outcome.Succeeded ? Json(ClassificationDto.From(outcome.Value)) : Validation.Invalid(outcome.Problems, "Invalid activities");
    }

    public static Results<JsonHttpResult<PathwayDto>, ValidationProblem> Pathway(TargetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        var parsed = ParseTarget(request, problems);
        if (request.BaseYearEmissions is null)
        {
            problems.Add(Problem.AtField("baseYearEmissions", "is required: the base-year tCO2e of the covered scopes", "為必填：涵蓋範疇之基準年排放量（公噸二氧化碳當量）"));
        }
        if (problems.Count > 0) { return Validation.Invalid(problems, InvalidTarget); }
        var denominator = parsed.Kind == TargetKind.Intensity || request.Denominator is not null
            ? new IntensityDenominator(request.Denominator?.Name ?? "", request.Denominator?.Unit ?? "", request.Denominator?.BaseYearAmount ?? 0m)
            : null;
        var created = GhgTarget.Create(request.Name, parsed.Kind, parsed.Scopes, request.BaseYear!.Value, request.BaseYearEmissions!.Value, request.TargetYear!.Value,
            request.Reduction, parsed.Method, denominator, parsed.Scope2Basis, request.Coverage ?? 1m);
        if (!created.Succeeded) { return Validation.Invalid(created.Problems, InvalidTarget); }
        var t = created.Value;
        return Json(new PathwayDto(t, t.Method.Describe(), GhgTarget.MinimumReduction(t.Method, t.BaseYear, t.TargetYear), TargetPathways.Build(t)));
    }

    /// <summary>The seed's sample plan (轉型計畫樣本) as plan JSON: blanks left empty; <c>lang=en</c> for the English text.</summary>
    public static Results<JsonHttpResult<TransitionPlan>, ValidationProblem> Sample(string? lang)
    {
        if (!CalculatedInventory.TryParseLanguage(lang, out var language))
        {
            return Validation.Invalid([Problem.AtField("lang", "is zh-TW or en", "須為 zh-TW 或 en")], "Invalid query");
        }
        return Json(TransitionPlanSample.Seed003(english: language == ReportLanguage.English));
    }

    public static JsonHttpResult<ReferencePathway> Ndc() => Json(ReferencePathway.TaiwanNdc30);

    // ------------------------------------------------------------------ targets

    public static async Task<JsonHttpResult<IReadOnlyList<TargetDto>>> ListTargets(Guid orgId, PlanningStore store, InventoryFiguresCache figuresCache, CancellationToken ct)
    {
        var figures = await figuresCache.GetAsync(orgId, ct);
        var list = new List<TargetDto>();
        foreach (var t in await store.ListTargetsAsync(orgId, ct))
        {
            list.Add(await ToDtoAsync(store, orgId, t, figures, null, ct));
        }
        return Json<IReadOnlyList<TargetDto>>(list);
    }

    public static async Task<Results<JsonHttpResult<TargetDto>, ValidationProblem>> CreateTarget(Guid orgId, TargetRequest request,
        PlanningStore store, InventoryFiguresCache figuresCache, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(figuresCache);
        var problems = new List<Problem>();
        var parsed = ParseTarget(request, problems);
        if (request.BaseYearEmissions is not null)
        {
            problems.Add(Problem.AtField("baseYearEmissions", "is read from the base-year inventory, not given (leave it out)", "取自基準年盤查，不可自行填寫（請移除）"));
        }
        if (problems.Count > 0) { return Validation.Invalid(problems, InvalidTarget); }
        var draft = new TargetDraft(request.Name, parsed.Kind, parsed.Scopes, request.BaseYear!.Value, request.TargetYear!.Value, request.Reduction, parsed.Method,
            parsed.Scope2Basis, request.Denominator?.Name, request.Denominator?.Unit, request.Denominator?.BaseYearAmount, request.Coverage ?? 1m);
        var figures = await figuresCache.GetAsync(orgId, ct);
        var created = await store.CreateTargetAsync(orgId, draft, ApiUser.Name(user), figures, ct);
        if (!created.Succeeded) { return Validation.Invalid(created.Problems, InvalidTarget); }
        var dto = await ToDtoAsync(store, orgId, created.Value, figures, null, ct);
        return TypedResults.Json(dto, PlanJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>One target with its SBTi near-term check (<see cref="PlanningStore.CriteriaAsync"/>); <paramref name="submissionYear"/>
    /// defaults to the year the target was set.</summary>
    public static async Task<Results<JsonHttpResult<TargetDto>, ProblemHttpResult>> GetTarget(Guid orgId, Guid targetId, int? submissionYear, PlanningStore store,
        InventoryFiguresCache figuresCache, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(figuresCache);
        var stored = await store.FindTargetAsync(orgId, targetId, ct);
        if (stored is null) { return TenantIsolation.NotFound("target"); }
        var figures = await figuresCache.GetAsync(orgId, ct);
        return Json(await ToDtoAsync(store, orgId, stored, figures, await store.CriteriaAsync(orgId, stored, submissionYear, figures, ct), ct));
    }

    public static async Task<Results<JsonHttpResult<TargetDto>, ValidationProblem, ProblemHttpResult>> SetYear(Guid orgId, Guid targetId, int year,
        YearDataRequest request, PlanningStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await store.FindTargetAsync(orgId, targetId, ct) is null) { return TenantIsolation.NotFound("target"); }
        var outcome = await store.SetYearDataAsync(orgId, targetId,
            new TargetYearData(year, request.DenominatorAmount, request.RecCertificates ?? 0, request.OffsetTonnes ?? 0m), ApiUser.Name(user), ct);
        if (!outcome.Succeeded) { return Validation.Invalid(outcome.Problems, "Invalid year data"); }
        return Json(await ToDtoAsync(store, orgId, outcome.Value, null, null, ct));
    }

    private static async Task<TargetDto> ToDtoAsync(PlanningStore store, Guid orgId, StoredTarget t, IReadOnlyList<InventoryFigures>? figures,
        IReadOnlyList<CriterionResult>? criteria, CancellationToken ct)
    {
        var progress = await store.ProgressAsync(orgId, t, figures, ct);
        var target = t.Target;
        return new TargetDto(t.Id, target, target.Method.Describe(), target.Method.Describe(zhTw: true), GhgTarget.MinimumReduction(target.Method, target.BaseYear, target.TargetYear),
            t.BaseYearSource, t.YearData, t.CreatedBy, t.CreatedAt, TargetPathways.Build(target),
            progress.Succeeded ? progress.Value.Rows : [], progress.Succeeded ? progress.Value.Required : null,
            progress.Succeeded ? [] : progress.Problems.Select(p => p.ToString()).ToList(),
            progress.Succeeded ? [] : progress.Problems.Select(p => p.ToString(zhTw: true)).ToList(), criteria);
    }

    private sealed record ParsedTarget(TargetKind Kind, IReadOnlyList<Scope> Scopes, PathwayMethod? Method, Scope2Method Scope2Basis);

    /// <summary>Reads the enum-like fields of a target request; every bad field is added to <paramref name="problems"/>.</summary>
    private static ParsedTarget ParseTarget(TargetRequest request, List<Problem> problems)
    {
        var kind = TargetKind.Absolute;
        switch (Key(request.Kind ?? "absolute"))
        {
            case "ABSOLUTE": break;
            case "INTENSITY": kind = TargetKind.Intensity; break;
            default: problems.Add(Problem.AtField("kind", "is absolute or intensity", "須為 absolute（絕對）或 intensity（強度）")); break;
        }
        var scopes = new List<Scope>();
        foreach (var s in request.Scopes ?? [])
        {
            if (s is >= 1 and <= 3) { scopes.Add((Scope)s); }
            else { problems.Add(Problem.AtField("scopes", Inv($"{s} is not a scope (1, 2 or 3)"), Inv($"{s} 不是範疇（1、2 或 3）"))); }
        }
        if (request.BaseYear is null) { problems.Add(Problem.AtField("baseYear", "is required", "為必填")); }
        if (request.TargetYear is null) { problems.Add(Problem.AtField("targetYear", "is required", "為必填")); }
        else if (request.BaseYear is { } by && request.TargetYear <= by)
        {
            problems.Add(Problem.AtField("targetYear", Inv($"the target year {request.TargetYear} must be after the base year {by}"),
                Inv($"目標年 {request.TargetYear} 必須晚於基準年 {by}")));
        }
        var basis = Scope2Method.MarketBased;
        switch (Key(request.Scope2Basis ?? "market"))
        {
            case "MARKET" or "MARKETBASED": break;
            case "LOCATION" or "LOCATIONBASED": basis = Scope2Method.LocationBased; break;
            default: problems.Add(Problem.AtField("scope2Basis", "is market or location", "須為 market（市場基準）或 location（地區基準）")); break;
        }
        return new ParsedTarget(kind, scopes, ParseMethod(request.Method, problems), basis);
    }

    private static PathwayMethod? ParseMethod(PathwayMethodRequest? m, List<Problem> problems)
    {
        if (m is null) { return null; }
        switch (Key(m.Kind ?? "linear"))
        {
            case "LINEAR" or "LINEARTOTARGET":
                return PathwayMethod.Linear;
            case "ABSOLUTECONTRACTION" or "CONTRACTION" or "SBTI":
                var rate = ParseRate(m.Rate, problems);
                return rate is null ? null : PathwayMethod.Contraction(rate);
            case "AR6" or "AR6CATEGORY" or "IPCC":
                return PathwayMethod.Ar6(m.Category ?? "");
            case "MILESTONES":
                return PathwayMethod.FromMilestones(m.Milestones ?? []);
            default:
                problems.Add(Problem.AtField("method.kind", Inv($"'{m.Kind}' is not linear, absolute-contraction, ar6 or milestones"),
                    Inv($"「{m.Kind}」不是 linear、absolute-contraction、ar6 或 milestones")));
                return null;
        }
    }

    /// <summary>A preset code (<c>"sbti-1.5c"</c>, <c>"sbti-wb2c"</c>) or <c>{annualRate, version, source}</c>.</summary>
    private static ContractionRate? ParseRate(JsonElement? rate, List<Problem> problems)
    {
        const string Field = "method.rate";
        if (rate is not { } r || r.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) { return ContractionRate.Sbti15C; }
        if (r.ValueKind == JsonValueKind.String)
        {
            var code = r.GetString() ?? "";
            if (ContractionRate.ByCode(code) is { } preset) { return preset; }
            problems.Add(Problem.AtField(Field, Inv($"'{code}' is not a preset ({string.Join(", ", ContractionRate.Presets.Select(p => p.Code))}); or give {{annualRate, version, source}}"),
                Inv($"「{code}」不是預設年減率（{string.Join("、", ContractionRate.Presets.Select(p => p.Code))}）；或提供 {{annualRate, version, source}}")));
            return null;
        }
        if (r.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem.AtField(Field, "is a preset code or {annualRate, version, source}", "須為預設代碼或 {annualRate, version, source}"));
            return null;
        }
        decimal? annual = r.TryGetProperty("annualRate", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetDecimal() : null;
        var version = r.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var source = r.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        if (annual is null)
        {
            problems.Add(Problem.AtField(Field + ".annualRate", "is required (0.042 = 4.2 %/yr)", "為必填（0.042 = 每年 4.2%）"));
            return null;
        }
        var custom = r.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "custom";
        var ambitionText = r.TryGetProperty("ambition", out var am) && am.ValueKind == JsonValueKind.String ? am.GetString()! : "user-defined";
        return new ContractionRate(custom, annual.Value, ambitionText, version ?? "", source ?? "");
    }

    // ------------------------------------------------------------------ plans

    public static async Task<JsonHttpResult<IReadOnlyList<PlanSummary>>> ListPlans(Guid orgId, PlanningStore store, CancellationToken ct) =>
        Json(await store.ListPlansAsync(orgId, ct));

    /// <summary>Saves the body (plan JSON) as version 1 of a new plan; <paramref name="note"/> describes the version.</summary>
    public static async Task<Results<JsonHttpResult<PlanVersionDto>, ValidationProblem>> CreatePlan(Guid orgId, string? note, HttpRequest request,
        PlanningStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var plan = await ReadPlanAsync(request, ct);
        if (!plan.Succeeded) { return Validation.Invalid(plan.Problems, InvalidPlan); }
        var saved = await store.SavePlanAsync(orgId, null, plan.Value, ApiUser.Name(user), note, ct);
        if (!saved.Succeeded) { return Validation.Invalid(saved.Problems, InvalidPlan); }
        return TypedResults.Json(PlanVersionDto.From(saved.Value), PlanJson.Options, statusCode: StatusCodes.Status201Created);
    }

    public static async Task<Results<JsonHttpResult<PlanVersionDto>, ProblemHttpResult>> GetPlan(Guid orgId, Guid planId, int? version, PlanningStore store, CancellationToken ct)
    {
        var stored = await store.LoadPlanAsync(orgId, planId, version, ct);
        return stored is null ? TenantIsolation.NotFound(version is null ? "plan" : "plan version") : Json(PlanVersionDto.From(stored));
    }

    /// <summary>Saves the body as the next version; an unchanged body returns the latest version (nothing written).</summary>
    public static async Task<Results<JsonHttpResult<PlanVersionDto>, ValidationProblem, ProblemHttpResult>> SavePlan(Guid orgId, Guid planId, string? note,
        HttpRequest request, PlanningStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await store.LoadPlanAsync(orgId, planId, null, ct) is null) { return TenantIsolation.NotFound("plan"); }
        var plan = await ReadPlanAsync(request, ct);
        if (!plan.Succeeded) { return Validation.Invalid(plan.Problems, InvalidPlan); }
        var saved = await store.SavePlanAsync(orgId, planId, plan.Value, ApiUser.Name(user), note, ct);
        if (!saved.Succeeded) { return Validation.Invalid(saved.Problems, InvalidPlan); }
        return Json(PlanVersionDto.From(saved.Value));
    }

    public static async Task<Results<JsonHttpResult<IReadOnlyList<PlanVersionDto>>, ProblemHttpResult>> Versions(Guid orgId, Guid planId, PlanningStore store, CancellationToken ct)
    {
        var versions = await store.VersionsAsync(orgId, planId, ct);
        if (versions.Count == 0) { return TenantIsolation.NotFound("plan"); }
        return Json<IReadOnlyList<PlanVersionDto>>(versions.Select(v => PlanVersionDto.From(v, withPlan: false)).ToList());
    }

    /// <summary>Records the approval (body, date, resolution) of <paramref name="version"/>, which must be the latest.</summary>
    public static async Task<Results<JsonHttpResult<PlanVersionDto>, ValidationProblem, ProblemHttpResult>> Approve(Guid orgId, Guid planId, int version,
        ApproveRequest request, PlanningStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await store.LoadPlanAsync(orgId, planId, null, ct) is null) { return TenantIsolation.NotFound("plan"); }
        LocalDate? date = null;
        if (!string.IsNullOrWhiteSpace(request.ApprovalDate))
        {
            var parsed = LocalDatePattern.Iso.Parse(request.ApprovalDate.Trim());
            if (!parsed.Success)
            {
                return Validation.Invalid([Problem.AtField("approvalDate", Inv($"'{request.ApprovalDate}' is not a date (yyyy-MM-dd)"), Inv($"「{request.ApprovalDate}」不是日期（yyyy-MM-dd）"))],
                    "Invalid approval");
            }
            date = parsed.Value;
        }
        var outcome = await store.ApprovePlanAsync(orgId, planId, version, request.ApprovingBody, date, request.Resolution, ApiUser.Name(user), ct);
        return outcome.Succeeded ? Json(PlanVersionDto.From(outcome.Value)) : Validation.Invalid(outcome.Problems, "Invalid approval");
    }

    public static async Task<Results<JsonHttpResult<CompletenessDto>, ProblemHttpResult>> Completeness(Guid orgId, Guid planId, int? version, PlanningStore store,
        InventoryFiguresCache figuresCache, CancellationToken ct)
    {
        var stored = await store.LoadPlanAsync(orgId, planId, version, ct);
        if (stored is null) { return TenantIsolation.NotFound("plan"); }
        ArgumentNullException.ThrowIfNull(figuresCache);
        var report = PlanCompleteness.Check(stored.Plan, await store.FiguresAsync(orgId, stored.Plan, await figuresCache.GetAsync(orgId, ct), ct));
        return Json(new CompletenessDto(stored.PlanId, stored.Version, report.IsComplete, report.Gaps, report.Tpt,
            report.Tpt.Where(t => !t.Covered).Select(t => t.Code).ToList(), report.IfrsS2,
            report.Classification is null ? null : ClassificationDto.From(report.Classification)));
    }

    /// <summary>The plan document in the seed's sample structure (html, pdf or docx; zh-TW or en) as an attachment, with
    /// targets and inventory figures read from the other modules.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Document(Guid orgId, Guid planId, int? version, string? format, string? lang,
        PlanningStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        var problems = new List<Problem>();
        var reportFormat = ParseDocumentFormat(format);
        if (reportFormat is null) { problems.Add(Problem.AtField("format", "is html, pdf or docx", "須為 html、pdf 或 docx")); }
        if (!CalculatedInventory.TryParseLanguage(lang, out var language)) { problems.Add(Problem.AtField("lang", "is zh-TW or en", "須為 zh-TW 或 en")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid document request"); }
        var stored = await store.LoadPlanAsync(orgId, planId, version, ct);
        if (stored is null) { return TenantIsolation.NotFound("plan"); }
        // The organization's name as the tenant filter read it with the membership, not a second load of the organization.
        var figuresCache = http.RequestServices.GetRequiredService<InventoryFiguresCache>();
        var model = PlanDocumentModel.From(stored.Plan, await store.FiguresAsync(orgId, stored.Plan, await figuresCache.GetAsync(orgId, ct), ct), language, http.Member().OrganizationName);
        using var buffer = new MemoryStream();
        PlanReports.Render(model, reportFormat!.Value, buffer);
        var name = Inv($"transition-plan-v{stored.Version}{InventoryReports.Extension(reportFormat.Value)}");
        return TypedResults.File(buffer.ToArray(), InventoryReports.ContentType(reportFormat.Value), name);
    }

    /// <summary>html, pdf or docx (the formats of a plan document), or null.</summary>
    public static ReportFormat? ParseDocumentFormat(string? text) => (text ?? "html").Trim().ToUpperInvariant() switch
    {
        "HTML" => ReportFormat.Html,
        "PDF" => ReportFormat.Pdf,
        "DOCX" or "WORD" => ReportFormat.Docx,
        _ => null,
    };

    // ------------------------------------------------------------------ helpers

    private static async Task<Outcome<TransitionPlan>> ReadPlanAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        if (string.IsNullOrWhiteSpace(text)) { return Outcome<TransitionPlan>.Failure(Problem.AtField("plan", "the body is empty: send the plan JSON", "內容為空：請傳送轉型計畫 JSON")); }
        return PlanJson.Deserialize(text, "plan");
    }

    private static async Task<Outcome<T>> ReadBodyAsync<T>(HttpRequest request, string what, CancellationToken ct) where T : class
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(ct);
        try
        {
            var value = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize<T>(text, PlanJson.Options);
            return value is null
                ? Outcome<T>.Failure(Problem.AtField(what, "the body is empty", "內容為空"))
                : Outcome<T>.Success(value);
        }
        catch (JsonException ex)
        {
            var where = string.IsNullOrEmpty(ex.Path) ? what : ex.Path.TrimStart('$', '.');
            return Outcome<T>.Failure(Problem.AtField(where.Length == 0 ? what : where, Inv($"is not valid JSON here (line {(ex.LineNumber ?? 0) + 1}): {ex.Message}"),
                Inv($"JSON 格式錯誤（第 {(ex.LineNumber ?? 0) + 1} 行）：{ex.Message}")));
        }
    }

    private static string Key(string text) => text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal)
        .Trim().ToUpperInvariant();

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
