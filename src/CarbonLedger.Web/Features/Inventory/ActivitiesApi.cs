using System.Globalization;
using System.Security.Claims;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Import;
using CarbonLedger.Inventory;
using CarbonLedger.Units;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace CarbonLedger.Web.Features.Inventory;

public sealed record ActivityDto(Guid Id, Guid SourceId, string? SourceCode, decimal Quantity, string Unit, string PeriodStart, string PeriodEnd,
    string Quality, string EnteredBy, DateTimeOffset EnteredAt, string? Evidence, decimal? UncertaintyPercent, string? Note);

public sealed record PagedList<T>(int Page, int PageSize, int Total, IReadOnlyList<T> Items);

/// <summary>A posted activity datum. <see cref="Source"/> is the source's code or id; dates are ISO (yyyy-MM-dd);
/// <see cref="Quality"/> is measured / calculated / estimated.</summary>
public sealed record ActivityRequest(string? Source, decimal? Quantity, string? Unit, string? PeriodStart, string? PeriodEnd, string? Quality,
    string? Evidence, decimal? UncertaintyPercent, string? Note);

/// <summary><c>/api/v1/organizations/{orgId}/activities</c>: paged list with filters; add one activity (validated by
/// Core's constructors, every invalid field listed).</summary>
public sealed class ActivitiesApi : IEndpointGroup
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapOrganization("/activities").WithTags("Activities");
        group.MapGet("/", List).WithName("ListActivities");
        group.MapPost("/", Add).WithName("AddActivity").RequirePermission(Permission.EditData);
    }

    /// <summary>Filters: <paramref name="source"/> and <paramref name="facility"/> by code or id; <paramref name="from"/> /
    /// <paramref name="to"/> keep activities whose period overlaps them. Parameterised EF queries only.</summary>
    public static async Task<Results<Ok<PagedList<ActivityDto>>, ValidationProblem>> List(Guid orgId, InventoryStore store, CarbonLedgerDbContext db,
        string? source, string? facility, string? from, string? to, int? page, int? pageSize, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var fromDate = OptionalDate(from, "from", problems);
        var toDate = OptionalDate(to, "to", problems);
        var p = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (p < 1) { problems.Add(Problem.AtField("page", "must be 1 or more", "須大於或等於 1")); }
        if (size is < 1 or > MaxPageSize) { problems.Add(Problem.AtField("pageSize", $"must be between 1 and {MaxPageSize}", $"須介於 1 與 {MaxPageSize} 之間")); }
        var snapshot = await store.LoadAsync(orgId, ct);
        var sources = snapshot?.Sources ?? [];
        HashSet<Guid>? sourceIds = null;
        if (!string.IsNullOrWhiteSpace(source))
        {
            var match = sources.Where(s => s.Code == source || s.Id.ToString() == source.ToLowerInvariant()).Select(s => s.Id).ToHashSet();
            if (match.Count == 0) { problems.Add(Problem.AtField("source", $"no source '{source}' in this organization", $"本組織沒有排放源「{source}」")); }
            sourceIds = match;
        }
        if (!string.IsNullOrWhiteSpace(facility))
        {
            var facilityIds = (snapshot?.Facilities ?? []).Where(f => f.Code == facility || f.Id.ToString() == facility.ToLowerInvariant()).Select(f => f.Id).ToHashSet();
            if (facilityIds.Count == 0) { problems.Add(Problem.AtField("facility", $"no facility '{facility}' in this organization", $"本組織沒有據點「{facility}」")); }
            var inFacility = sources.Where(s => facilityIds.Contains(s.FacilityId)).Select(s => s.Id).ToHashSet();
            sourceIds = sourceIds is null ? inFacility : [.. sourceIds.Intersect(inFacility)];
        }
        if (problems.Count > 0)
        {
            return Validation.Invalid(problems, "Invalid activity query");
        }
        var query = db.Activities.AsNoTracking().Where(a => a.OrganizationId == orgId);
        if (sourceIds is not null)
        {
            var ids = sourceIds.ToList();
            query = query.Where(a => ids.Contains(a.SourceId));
        }
        if (fromDate is { } f)
        {
            var d = f.ToDateOnly();
            query = query.Where(a => a.PeriodEnd >= d);
        }
        if (toDate is { } t)
        {
            var d = t.ToDateOnly();
            query = query.Where(a => a.PeriodStart <= d);
        }
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(a => a.PeriodStart).ThenBy(a => a.Id).Skip((p - 1) * size).Take(size).ToListAsync(ct);
        var codes = sources.ToDictionary(s => s.Id, s => s.Code);
        var items = rows.Select(r => new ActivityDto(r.Id, r.SourceId, codes.GetValueOrDefault(r.SourceId), r.Quantity, r.Unit,
            r.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.Quality, r.EnteredBy, r.EnteredAt, r.Evidence, r.UncertaintyPercent, r.Note)).ToList();
        return TypedResults.Ok(new PagedList<ActivityDto>(p, size, total, items));
    }

    public static async Task<Results<Created<ActivityDto>, ValidationProblem, ProblemHttpResult>> Add(Guid orgId, ActivityRequest request,
        InventoryStore store, IClock clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var snapshot = await store.LoadAsync(orgId, ct);
        if (snapshot is null)
        {
            return TenantIsolation.NotFound();
        }
        var problems = new List<Problem>();
        EmissionSource? source = null;
        if (string.IsNullOrWhiteSpace(request.Source))
        {
            problems.Add(Problem.AtField("source", "is required (a source code or id)", "為必填（排放源代碼或 id）"));
        }
        else
        {
            source = snapshot.Sources.FirstOrDefault(s => s.Code == request.Source || s.Id.ToString() == request.Source.ToLowerInvariant());
            if (source is null) { problems.Add(Problem.AtField("source", $"no source '{request.Source}' in this organization", $"本組織沒有排放源「{request.Source}」")); }
            else if (!http.Member().CanEditFacility(source.FacilityId))
            {
                // A contributor scoped to some facilities may not write another facility's data (SPEC §2 "per facility").
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                    detail: $"source '{source.Code}' belongs to a facility outside this member's facilities");
            }
        }
        if (request.Quantity is null) { problems.Add(Problem.AtField("quantity", "is required", "為必填")); }
        Unit? unit = null;
        if (string.IsNullOrWhiteSpace(request.Unit))
        {
            problems.Add(Problem.AtField("unit", "is required", "為必填"));
        }
        else if (!UnitCatalog.TryParse(request.Unit, out var parsed))
        {
            problems.Add(Problem.AtField("unit", $"unknown unit '{request.Unit}'", $"無法辨識的單位「{request.Unit}」"));
        }
        else
        {
            unit = parsed;
        }
        var start = RequiredDate(request.PeriodStart, "periodStart", problems);
        var end = RequiredDate(request.PeriodEnd, "periodEnd", problems);
        DataQualityLevel quality = DataQualityLevel.Measured;
        if (request.Quality is { Length: > 0 } q && !(Enum.TryParse(q, ignoreCase: true, out quality) && Enum.IsDefined(quality)))
        {
            problems.Add(Problem.AtField("quality", "must be measured, calculated or estimated", "須為 measured（實測）、calculated（計算）或 estimated（推估）"));
        }
        if (source is not null && unit is not null)
        {
            // The unit must convert to the unit the source's factor is per (a dimension mismatch is an error, never a silent multiply).
            var resolved = snapshot.FactorLibrary().Resolve(source.FactorKey, end?.Year ?? start?.Year ?? clock.GetCurrentInstant().InUtc().Year);
            if (resolved.Succeeded && !unit.IsConvertibleTo(resolved.Value.Factor.PerUnit) && resolved.Value.Factor.HeatingValue is null)
            {
                problems.Add(Problem.AtField("unit", $"{unit.Code} cannot be converted to {resolved.Value.Factor.PerUnit.Code}, the unit of factor {source.FactorKey}", $"{unit.Code} 無法換算為排放係數 {source.FactorKey} 的單位 {resolved.Value.Factor.PerUnit.Code}"));
            }
        }
        if (start is { } s0 && end is { } e0 && e0 < s0)
        {
            problems.Add(Problem.AtField("periodEnd", "is before periodStart", "早於 periodStart（期間起日）"));
        }
        if (request.Quantity < 0) { problems.Add(Problem.AtField("quantity", $"cannot be negative ({request.Quantity})", $"不可為負數（{request.Quantity}）")); }
        if (request.UncertaintyPercent < 0) { problems.Add(Problem.AtField("uncertaintyPercent", "cannot be negative", "不可為負數")); }
        ActivityRecord? activity = null;
        if (problems.Count == 0)
        {
            // Same natural-key id as the importer, so posting the same datum twice (or importing it later) updates one row.
            var id = DeterministicGuid.For(orgId, "activity", source!.Code, OrganizationsApi.Iso(start!.Value), OrganizationsApi.Iso(end!.Value),
                request.Evidence, ValueParsers.CanonicalNumber(request.Quantity!.Value), unit!.Code);
            try
            {
                // Core's constructor has the last word on the invariants checked above.
                activity = new ActivityRecord(id, source.Id, new Quantity(request.Quantity.Value, unit), new DateInterval(start.Value, end.Value), quality,
                    ApiUser.Name(user), clock.GetCurrentInstant(), request.Evidence, request.UncertaintyPercent, request.Note);
            }
            catch (DomainException ex)
            {
                problems.Add(ex.ToProblem());
            }
        }
        if (activity is null)
        {
            return Validation.Invalid(problems, "Invalid activity");
        }
        var outcome = await store.ApplyAsync(orgId, new ChangeSet { Activities = [activity], Origin = "api: POST activities" }, ApiUser.Name(user), null, ct);
        if (!outcome.Succeeded)
        {
            return Validation.Invalid(outcome.Problems, "Activity rejected");
        }
        var dto = new ActivityDto(activity.Id, activity.SourceId, source!.Code, activity.Quantity.Value, activity.Quantity.Unit.Code,
            OrganizationsApi.Iso(activity.Period.Start), OrganizationsApi.Iso(activity.Period.End), activity.Quality.ToString(), activity.EnteredBy,
            activity.EnteredAt.ToDateTimeOffset(), activity.Evidence, activity.UncertaintyPercent, activity.Note);
        return TypedResults.Created($"/api/v1/organizations/{orgId}/activities?source={Uri.EscapeDataString(source.Code)}", dto);
    }

    internal static LocalDate? OptionalDate(string? text, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text)) { return null; }
        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (parsed.Success) { return parsed.Value; }
        problems.Add(Problem.AtField(field, $"'{text}' is not a date (yyyy-MM-dd)", $"「{text}」不是日期（格式 yyyy-MM-dd）"));
        return null;
    }

    private static LocalDate? RequiredDate(string? text, string field, List<Problem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Problem.AtField(field, "is required (yyyy-MM-dd)", "為必填（格式 yyyy-MM-dd）"));
            return null;
        }
        return OptionalDate(text, field, problems);
    }
}
