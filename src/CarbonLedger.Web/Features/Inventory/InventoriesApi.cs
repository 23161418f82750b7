using System.Globalization;
using System.Security.Claims;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CarbonLedger.Web.Features.Inventory;

public sealed record InventoryDto(Guid Id, string Name, string PeriodStart, string PeriodEnd, string GwpSet, decimal? ResidualMixKgPerKwh,
    string? ResidualMixSource, string Status, DateTimeOffset CreatedAt);

/// <summary>A new inventory: <see cref="Year"/> for a calendar year, or <see cref="PeriodStart"/>/<see cref="PeriodEnd"/>.</summary>
public sealed record CreateInventoryRequest(string? Name, int? Year, string? PeriodStart, string? PeriodEnd, string? GwpSet,
    decimal? ResidualMixKgPerKwh, string? ResidualMixSource);

public sealed record BreakdownItem(string Key, decimal Tonnes);

public sealed record Scope2Dto(decimal LocationBasedTonnes, decimal MarketBasedTonnes);

public sealed record InstrumentUsageDto(string Reference, string Type, decimal AppliedKwh, decimal UnusedKwh);

/// <summary>A problem with its location: <see cref="Message"/> in English, <see cref="MessageZhTw"/> in Traditional Chinese
/// (the English text when the problem has none).</summary>
public sealed record ProblemDto(string Message, string? File, string? Sheet, int? Row, string? Column, string? Field, string MessageZhTw)
{
    public static ProblemDto From(Problem p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ProblemDto(p.Message, p.Location.File, p.Location.Sheet, p.Location.Row, p.Location.Column, p.Location.Field, p.MessageIn(zhTw: true));
    }
}

public sealed record DataQualityDto(IReadOnlyList<DataQualityLevelDto> ByLevel, decimal QuantifiedTonnes, decimal UnquantifiedTonnes, double? TotalUncertaintyPercent);

public sealed record DataQualityLevelDto(string Level, int Records, decimal Tonnes);

/// <summary>An inventory's results on one Scope 2 basis, with both Scope 2 figures (dual reporting). tCO2e, unrounded.</summary>
public sealed record InventoryResultsDto(
    InventoryDto Inventory,
    string Basis,
    bool IsComplete,
    decimal TotalTonnes,
    Scope2Dto Scope2,
    decimal BiogenicCo2Tonnes,
    IReadOnlyList<BreakdownItem> ByScope,
    IReadOnlyList<BreakdownItem> ByIsoCategory,
    IReadOnlyList<BreakdownItem> ByScope3Category,
    IReadOnlyList<BreakdownItem> ByGasGroup,
    IReadOnlyList<BreakdownItem> Scope1ByGasGroup,
    IReadOnlyList<BreakdownItem> ByGas,
    IReadOnlyList<BreakdownItem> ByFacility,
    IReadOnlyList<BreakdownItem> ByDepartment,
    IReadOnlyList<BreakdownItem> ByMonth,
    IReadOnlyList<BreakdownItem> ByEmissionType,
    IReadOnlyList<InstrumentUsageDto> Instruments,
    IReadOnlyList<string> Exclusions,
    IReadOnlyList<ProblemDto> Problems,
    IReadOnlyList<string> Notes,
    DataQualityDto DataQuality);

public sealed record LineActivityDto(Guid Id, decimal Quantity, string Unit, string PeriodStart, string PeriodEnd, string Quality, string? Evidence);

public sealed record LineFactorDto(string Key, string Name, string Citation, string SetId, string Publisher, string Version, int? Year, string Source,
    string PerUnit, string? Note);

public sealed record LineGasDto(string Gas, decimal Kilograms, decimal Gwp, decimal Co2eTonnes);

/// <summary>One emission line traced to its activity, its factor (with citation) and the GWP of each gas.</summary>
public sealed record LineDto(string SourceCode, string SourceName, string FacilityCode, string Scope, int IsoCategory, string? Scope2Method,
    string? InstrumentReference, LineActivityDto Activity, decimal ActivityInFactorUnit, decimal ConsolidationShare, LineFactorDto Factor,
    string GwpSet, IReadOnlyList<LineGasDto> Gases, decimal Co2eTonnes, decimal BiogenicCo2Tonnes);

/// <summary><c>/api/v1/organizations/{orgId}/inventories</c>: list, create, results, drill-down lines, report download.</summary>
public sealed class InventoriesApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapOrganization("/inventories").WithTags("Inventories");
        group.MapGet("/", List).WithName("ListInventories");
        group.MapPost("/", Create).WithName("CreateInventory").RequirePermission(Permission.EditData);
        group.MapGet("/{id:guid}/results", Results).WithName("GetInventoryResults");
        group.MapGet("/{id:guid}/lines", Lines).WithName("GetInventoryLines");
        group.MapGet("/{id:guid}/report", Report).WithName("GetInventoryReport")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: InventoryReports.ContentType(ReportFormat.Xlsx));
    }

    public static async Task<Ok<IReadOnlyList<InventoryDto>>> List(Guid orgId, InventoryStore store, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<InventoryDto>>((await store.ListInventoriesAsync(orgId, ct)).Select(ToDto).ToList());

    public static async Task<Results<Created<InventoryDto>, ValidationProblem>> Create(Guid orgId, CreateInventoryRequest request, InventoryStore store,
        HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Name)) { problems.Add(Problem.AtField("name", "is required", "為必填")); }
        ReportingPeriod? period = null;
        if (request.Year is { } year)
        {
            if (year is < 1990 or > 2100) { problems.Add(Problem.AtField("year", $"{year} is not a plausible reporting year", $"{year} 不是合理的盤查年度")); }
            else { period = ReportingPeriod.Year(year); }
        }
        else
        {
            var start = ActivitiesApi.OptionalDate(request.PeriodStart, "periodStart", problems);
            var end = ActivitiesApi.OptionalDate(request.PeriodEnd, "periodEnd", problems);
            if (request.PeriodStart is null && request.PeriodEnd is null) { problems.Add(Problem.AtField("year", "give a year or periodStart and periodEnd", "請提供年度，或 periodStart 與 periodEnd")); }
            else if (start is null && request.PeriodStart is null) { problems.Add(Problem.AtField("periodStart", "is required with periodEnd", "填寫 periodEnd 時為必填")); }
            else if (end is null && request.PeriodEnd is null) { problems.Add(Problem.AtField("periodEnd", "is required with periodStart", "填寫 periodStart 時為必填")); }
            else if (start is { } s && end is { } e)
            {
                if (e < s) { problems.Add(Problem.AtField("periodEnd", "is before periodStart", "早於 periodStart（期間起日）")); }
                else { period = new ReportingPeriod(s, e); }
            }
        }
        var gwp = string.IsNullOrWhiteSpace(request.GwpSet) ? "AR5" : request.GwpSet.Trim();
        if (!ReferenceLibrary.Default.TryGetGwpSet(gwp, out var gwpSet))
        {
            problems.Add(Problem.AtField("gwpSet", $"unknown GWP set '{gwp}' (known: {string.Join(", ", ReferenceLibrary.Default.GwpSets.Select(g => g.Id).Order(StringComparer.Ordinal))})", $"無法辨識的 GWP 版本「{gwp}」（可用：{string.Join("、", ReferenceLibrary.Default.GwpSets.Select(g => g.Id).Order(StringComparer.Ordinal))}）"));
        }
        ResidualMix? residual = null;
        if (request.ResidualMixKgPerKwh is { } rate)
        {
            if (rate < 0) { problems.Add(Problem.AtField("residualMixKgPerKwh", "cannot be negative", "不可為負數")); }
            else if (string.IsNullOrWhiteSpace(request.ResidualMixSource)) { problems.Add(Problem.AtField("residualMixSource", "is required with a residual-mix rate", "填寫殘餘電力排放係數時為必填")); }
            else { residual = new ResidualMix(rate, request.ResidualMixSource); }
        }
        if (problems.Count > 0)
        {
            return Validation.Invalid(problems, "Invalid inventory");
        }
        // Duplicate names come back from the store as a DomainException → 400 naming the field (ProblemExceptionHandler).
        var id = await store.CreateInventoryAsync(orgId, request.Name!.Trim(), period!, gwpSet.Id, residual, ApiUser.Name(http.User), ct);
        var row = await store.FindInventoryAsync(orgId, id, ct);
        return TypedResults.Created($"/api/v1/organizations/{orgId}/inventories/{id}/results", ToDto(row!));
    }

    public static async Task<Results<Ok<InventoryResultsDto>, ValidationProblem, ProblemHttpResult>> Results(Guid orgId, Guid id, string? basis,
        InventoryStore store, CancellationToken ct)
    {
        if (!CalculatedInventory.TryParseBasis(basis, out var method))
        {
            return Validation.Invalid([Problem.AtField("basis", "must be location or market", "須為 location（地區基準）或 market（市場基準）")], "Invalid query");
        }
        var calculated = await CalculatedInventory.LoadAsync(store, orgId, id, ct);
        if (calculated is null)
        {
            return TenantIsolation.NotFound("inventory");
        }
        var r = calculated.Result;
        var t = r.Totals(method);
        var dq = r.DataQuality;
        return TypedResults.Ok(new InventoryResultsDto(
            ToDto(calculated.Inventory),
            method == Scope2Method.LocationBased ? "location" : "market",
            r.IsComplete,
            t.Total,
            new Scope2Dto(r.Scope2(Scope2Method.LocationBased), r.Scope2(Scope2Method.MarketBased)),
            r.BiogenicCo2Tonnes,
            Items(t.ByScope, k => k.ToString(), k => (int)k),
            Items(t.ByIsoCategory, k => ((int)k).ToString(CultureInfo.InvariantCulture), k => (int)k),
            Items(t.ByScope3Category, k => ((int)k).ToString(CultureInfo.InvariantCulture), k => (int)k),
            Items(t.ByGasGroup, k => k.ToString(), k => (int)k),
            Items(t.Scope1ByGasGroup, k => k.ToString(), k => (int)k),
            Items(t.ByGas, k => k, k => 0),
            Items(t.ByFacility, k => k, k => 0),
            Items(t.ByDepartment, k => k, k => 0),
            Items(t.ByMonth, k => k.ToString("yyyy-MM", CultureInfo.InvariantCulture), k => 0),
            Items(t.ByEmissionType, k => k.ToString(), k => (int)k),
            r.Instruments.Select(i => new InstrumentUsageDto(i.Instrument.Reference, i.Instrument.Type.ToString(), i.AppliedKwh, i.UnusedKwh)).ToList(),
            r.Exclusions.Select(e => $"{e.What}: {e.Reason}").ToList(),
            r.Problems.Select(ProblemDto.From).ToList(),
            r.Notes,
            new DataQualityDto(
                dq.Co2eByLevel.OrderBy(kv => kv.Key).Select(kv => new DataQualityLevelDto(kv.Key.ToString(), dq.RecordsByLevel.GetValueOrDefault(kv.Key), kv.Value)).ToList(),
                dq.QuantifiedCo2e, dq.UnquantifiedCo2e, dq.TotalUncertaintyPercent)));
    }

    /// <summary>Drill-down: the lines behind the totals on <paramref name="basis"/>, filtered by scope (1-3), facility
    /// code and source code, 100 per page.</summary>
    public static async Task<Results<Ok<PagedList<LineDto>>, ValidationProblem, ProblemHttpResult>> Lines(Guid orgId, Guid id, string? scope, string? facility,
        string? source, string? basis, int? page, int? pageSize, InventoryStore store, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (!CalculatedInventory.TryParseBasis(basis, out var method)) { problems.Add(Problem.AtField("basis", "must be location or market", "須為 location（地區基準）或 market（市場基準）")); }
        Scope? wantedScope = null;
        if (!string.IsNullOrWhiteSpace(scope))
        {
            var text = scope.Trim().Replace("scope", "", StringComparison.OrdinalIgnoreCase);
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 3) { wantedScope = (Scope)n; }
            else { problems.Add(Problem.AtField("scope", "must be 1, 2 or 3", "須為 1、2 或 3")); }
        }
        var p = page ?? 1;
        var size = pageSize ?? ActivitiesApi.DefaultPageSize;
        if (p < 1) { problems.Add(Problem.AtField("page", "must be 1 or more", "須大於或等於 1")); }
        if (size is < 1 or > ActivitiesApi.MaxPageSize) { problems.Add(Problem.AtField("pageSize", $"must be between 1 and {ActivitiesApi.MaxPageSize}", $"須介於 1 與 {ActivitiesApi.MaxPageSize} 之間")); }
        if (problems.Count > 0)
        {
            return Validation.Invalid(problems, "Invalid query");
        }
        var calculated = await CalculatedInventory.LoadAsync(store, orgId, id, ct);
        if (calculated is null)
        {
            return TenantIsolation.NotFound("inventory");
        }
        var gwp = calculated.Result.GwpSet.Id;
        var lines = calculated.Result.Lines
            .Where(l => l.CountsIn(method))
            .Where(l => wantedScope is null || l.Scope == wantedScope)
            .Where(l => string.IsNullOrWhiteSpace(facility) || l.Facility.Code == facility)
            .Where(l => string.IsNullOrWhiteSpace(source) || l.Source.Code == source)
            .OrderBy(l => l.Source.Code, StringComparer.Ordinal).ThenBy(l => l.Activity.Period.Start).ThenBy(l => l.Activity.Id)
            .ToList();
        var items = lines.Skip((p - 1) * size).Take(size).Select(l => ToDto(l, gwp)).ToList();
        return TypedResults.Ok(new PagedList<LineDto>(p, size, lines.Count, items));
    }

    /// <summary>The inventory report as a file: html, pdf, xlsx, csv or json; zh-TW (default) or en.</summary>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Report(Guid orgId, Guid id, string? format, string? lang,
        InventoryStore store, CarbonLedgerDbContext db, IClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var problems = new List<Problem>();
        if (!CalculatedInventory.TryParseFormat(format, out var reportFormat)) { problems.Add(Problem.AtField("format", "must be html, pdf, xlsx, csv or json", "須為 html、pdf、xlsx、csv 或 json")); }
        if (!CalculatedInventory.TryParseLanguage(lang, out var language)) { problems.Add(Problem.AtField("lang", "must be zh-TW or en", "須為 zh-TW 或 en")); }
        if (problems.Count > 0)
        {
            return Validation.Invalid(problems, "Invalid query");
        }
        var calculated = await CalculatedInventory.LoadAsync(store, orgId, id, ct);
        if (calculated is null)
        {
            return TenantIsolation.NotFound("inventory");
        }
        // Base-year emissions and changes when the organization has a base-year inventory with emissions.
        var baseYear = await new BaseYearStore(db, clock).CheckBaseYearAsync(orgId, ct);
        return RenderReport(calculated, reportFormat, language, ApiUser.Name(user), clock.GetCurrentInstant(), baseYear.Succeeded ? baseYear.Value : null);
    }

    internal static FileContentHttpResult RenderReport(CalculatedInventory calculated, ReportFormat format, ReportLanguage language, string preparedBy, Instant now,
        BaseYearCheck? baseYear = null)
    {
        var model = calculated.ReportModel(language, preparedBy, now, baseYear);
        using var buffer = new MemoryStream();
        InventoryReports.Render(model, format, buffer);
        var fileName = $"inventory-{calculated.Inventory.PeriodStart.Year.ToString(CultureInfo.InvariantCulture)}-{language.Tag()}{InventoryReports.Extension(format)}";
        return TypedResults.File(buffer.ToArray(), InventoryReports.ContentType(format), fileName);
    }

    internal static InventoryDto ToDto(InventoryRow r) =>
        new(r.Id, r.Name, r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.GwpSetId, r.ResidualMixKgPerKwh, r.ResidualMixSource, r.Status, r.CreatedAt);

    private static List<BreakdownItem> Items<TKey>(IReadOnlyDictionary<TKey, decimal> map, Func<TKey, string> key, Func<TKey, int> order) where TKey : notnull =>
        map.OrderBy(kv => order(kv.Key)).ThenBy(kv => key(kv.Key), StringComparer.Ordinal).Select(kv => new BreakdownItem(key(kv.Key), kv.Value)).ToList();

    private static LineDto ToDto(EmissionLine l, string gwpSet)
    {
        var a = l.Activity;
        var f = l.Factor;
        return new LineDto(l.Source.Code, l.Source.Name, l.Facility.Code, l.Scope.ToString(), (int)l.Source.IsoCategory, l.Scope2Method?.ToString(),
            l.Instrument?.Reference,
            new LineActivityDto(a.Id, a.Quantity.Value, a.Quantity.Unit.Code, OrganizationsApi.Iso(a.Period.Start), OrganizationsApi.Iso(a.Period.End),
                a.Quality.ToString(), a.Evidence),
            l.ActivityInFactorUnit, l.ConsolidationShare,
            new LineFactorDto(f.Key, f.Name, f.Citation, f.Set.Id, f.Set.Publisher, f.Set.Version, f.Year, f.Source, f.PerUnit.Code, l.FactorNote),
            gwpSet,
            l.Gases.Select(g => new LineGasDto(g.Gas.Code, g.Kilograms, g.Gwp, g.Co2eTonnes)).ToList(),
            l.Co2eTonnes, l.BiogenicCo2Tonnes);
    }
}
