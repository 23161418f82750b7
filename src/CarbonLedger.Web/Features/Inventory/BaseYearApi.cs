using System.Security.Claims;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CarbonLedger.Web.Features.Inventory;

/// <summary>A recorded change: <see cref="Kind"/> as <c>acquisition</c>, <c>methodology-change</c>, …; impact in tCO2e, signed.</summary>
public sealed record StructuralChangeDto(Guid Id, string Kind, string Description, decimal ImpactTonnes, int Year, string RecordedBy, DateTimeOffset RecordedAt)
{
    public static StructuralChangeDto From(StoredStructuralChange s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new StructuralChangeDto(s.Id, StructuralChangeKindNames.Name(s.Change.Kind), s.Change.Description, s.Change.BaseYearImpactTonnes,
            s.Change.Year, s.RecordedBy, s.RecordedAt.ToDateTimeOffset());
    }
}

public sealed record CreateStructuralChangeRequest(string? Kind, string? Description, decimal? ImpactTonnes, int? Year);

/// <summary>The recalculation check (GHG Protocol Corporate Standard ch. 5): base-year tCO2e (location-based), cumulative
/// absolute impact (organic growth excluded), its percent of the base year, the threshold and the verdict.</summary>
public sealed record BaseYearCheckDto(int BaseYear, Guid InventoryId, string InventoryName, decimal BaseYearTonnes, decimal CumulativeImpactTonnes,
    decimal CumulativePercent, decimal ThresholdPercent, bool RecalculationRequired, string Explanation, IReadOnlyList<StructuralChangeDto> Changes);

/// <summary><c>/api/v1/organizations/{orgId}/base-year</c>: structural changes since the base year and the
/// recalculation check (issue 2 item 2).</summary>
public sealed class BaseYearApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapOrganization("/base-year").WithTags("Base year");
        group.MapGet("/changes", List).WithName("ListStructuralChanges");
        group.MapPost("/changes", Create).WithName("CreateStructuralChange").RequirePermission(Permission.EditData);
        group.MapGet("/check", Check).WithName("CheckBaseYear");
    }

    public static async Task<Ok<IReadOnlyList<StructuralChangeDto>>> List(Guid orgId, CarbonLedgerDbContext db, IClock clock, CancellationToken ct) =>
        TypedResults.Ok<IReadOnlyList<StructuralChangeDto>>(
            (await new BaseYearStore(db, clock).ListStructuralChangesAsync(orgId, ct)).Select(StructuralChangeDto.From).ToList());

    public static async Task<Results<Created<StructuralChangeDto>, ValidationProblem>> Create(Guid orgId, CreateStructuralChangeRequest request,
        CarbonLedgerDbContext db, IClock clock, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        if (!StructuralChangeKindNames.TryParse(request.Kind, out var kind))
        {
            problems.Add(Problem.AtField("kind", $"must be one of {string.Join(", ", StructuralChangeKindNames.All)}", $"須為下列之一：{string.Join("、", StructuralChangeKindNames.All)}"));
        }
        if (string.IsNullOrWhiteSpace(request.Description)) { problems.Add(Problem.AtField("description", "is required", "為必填")); }
        if (request.ImpactTonnes is null) { problems.Add(Problem.AtField("impactTonnes", "is required (tCO2e, signed)", "為必填（tCO2e，可為正或負）")); }
        if (request.Year is null) { problems.Add(Problem.AtField("year", "is required", "為必填")); }
        if (problems.Count > 0)
        {
            return Validation.Invalid(problems, "Invalid structural change");
        }
        var outcome = await new BaseYearStore(db, clock).AddStructuralChangeAsync(orgId,
            new StructuralChange(request.Description!, kind, request.ImpactTonnes!.Value, request.Year!.Value), ApiUser.Name(user), ct);
        if (!outcome.Succeeded)
        {
            return Validation.Invalid(outcome.Problems, "Invalid structural change");
        }
        return TypedResults.Created($"/api/v1/organizations/{orgId}/base-year/changes", StructuralChangeDto.From(outcome.Value));
    }

    /// <summary>422 when there is nothing to check against (no inventory ending in the base year, or it has no emissions).</summary>
    public static async Task<Results<Ok<BaseYearCheckDto>, ProblemHttpResult>> Check(Guid orgId, CarbonLedgerDbContext db, IClock clock, CancellationToken ct)
    {
        var outcome = await new BaseYearStore(db, clock).CheckBaseYearAsync(orgId, ct);
        if (!outcome.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Base year cannot be checked",
                detail: string.Join("; ", outcome.Problems.Select(p => p.Message)));
        }
        var r = outcome.Value;
        var c = r.Check;
        return TypedResults.Ok(new BaseYearCheckDto(r.BaseYear, r.InventoryId, r.InventoryName, c.BaseYearTonnes, c.CumulativeImpactTonnes,
            c.CumulativePercent, c.ThresholdPercent, c.RecalculationRequired, c.Explanation, r.Changes.Select(StructuralChangeDto.From).ToList()));
    }
}
