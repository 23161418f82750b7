using System.Security.Claims;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Factors;
using CarbonLedger.Units;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CarbonLedger.Web.Features.Factors;

public sealed record FactorSetDto(string Id, string Name, string Publisher, string Version, int? Year, string Region, string Licence, string Source, bool IsCustom);

public sealed record GasFactorDto(string Gas, decimal Value, string MassUnit);

public sealed record FactorDto(string Key, string Name, int? Year, string PerUnit, FactorSetDto Set, string Status, string Source, decimal? UncertaintyPercent,
    string? HeatingValue, IReadOnlyList<GasFactorDto> Gases, string Citation)
{
    public static FactorDto From(EmissionFactor f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var s = f.Set;
        return new FactorDto(f.Key, f.Name, f.Year, f.PerUnit.Code,
            new FactorSetDto(s.Id, s.Name, s.Publisher, s.Version, s.Year, s.Region, s.Licence, s.Source, s.IsCustom),
            f.Status, f.Source, f.UncertaintyPercent, f.HeatingValue?.ToString(),
            f.Gases.Select(g => new GasFactorDto(g.Gas.Code, g.Value, g.MassUnit.Code)).ToList(), f.Citation);
    }
}

public sealed record FactorResolutionDto(FactorDto Factor, string? Note);

public sealed record GwpValueDto(string Gas, decimal Gwp, string Provenance);

public sealed record BlendDto(string Code, decimal? Gwp, IReadOnlyList<BlendComponentDto> Components, string Source);

public sealed record BlendComponentDto(string Gas, decimal MassFraction);

public sealed record GwpSetDto(string Id, string Name, string Source, IReadOnlyList<GwpValueDto> Gases, IReadOnlyList<BlendDto> Blends);

/// <summary>A custom factor (supplier-specific, measured) in the organization's own factor set. <paramref name="SetName"/>,
/// <paramref name="Publisher"/> and <paramref name="Version"/> name that set (defaults: "Organization factors", "organization", "api").</summary>
public sealed record CustomFactorRequest(string? Key, string? Name, int? Year, string? PerUnit, IReadOnlyList<GasFactorRequest>? Gases, string? Source,
    decimal? UncertaintyPercent, string? SetName = null, string? Publisher = null, string? Version = null);

public sealed record GasFactorRequest(string? Gas, decimal? Value, string? MassUnit);

/// <summary><c>/api/v1/organizations/{orgId}/factors</c>: the reference library plus the organization's custom factors;
/// one factor by key and year; GWP sets; adding a custom factor.</summary>
public sealed class FactorsApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapOrganization("/factors").WithTags("Factors");
        group.MapGet("/", List).WithName("ListFactors");
        group.MapPost("/", AddCustom).WithName("AddCustomFactor").RequirePermission(Permission.EditData);
        // Literal segments outrank the catch-all, so gwp-sets/{id} is never read as a factor key.
        group.MapGet("/gwp-sets/{id}", GetGwpSet).WithName("GetGwpSet");
        // Factor keys contain slashes (moenv604/stationary/diesel): a catch-all parameter.
        group.MapGet("/{**key}", Get).WithName("GetFactor");
    }

    /// <summary><paramref name="search"/> matches key or name (case-insensitive); <paramref name="set"/> is a set id
    /// (e.g. moenv-6.0.4, tw-grid) or "custom" for the organization's own.</summary>
    public static async Task<Results<Ok<PagedList<FactorDto>>, ValidationProblem, ProblemHttpResult>> List(Guid orgId, string? search, string? set, int? page, int? pageSize,
        InventoryStore store, CancellationToken ct)
    {
        var p = page ?? 1;
        var size = pageSize ?? ActivitiesApi.DefaultPageSize;
        var problems = new List<Problem>();
        if (p < 1) { problems.Add(Problem.AtField("page", "must be 1 or more", "須大於或等於 1")); }
        if (size is < 1 or > ActivitiesApi.MaxPageSize) { problems.Add(Problem.AtField("pageSize", $"must be between 1 and {ActivitiesApi.MaxPageSize}", $"須介於 1 與 {ActivitiesApi.MaxPageSize} 之間")); }
        if (problems.Count > 0)
        {
            return Validation.Invalid(problems, "Invalid query");
        }
        var snapshot = await store.LoadAsync(orgId, ct);
        if (snapshot is null)
        {
            return TenantIsolation.NotFound();
        }
        var factors = snapshot.FactorLibrary().Factors
            .Where(f => string.IsNullOrWhiteSpace(search)
                || f.Key.Contains(search, StringComparison.OrdinalIgnoreCase) || f.Name.Contains(search, StringComparison.OrdinalIgnoreCase))
            .Where(f => string.IsNullOrWhiteSpace(set)
                || (string.Equals(set, "custom", StringComparison.OrdinalIgnoreCase) ? f.Set.IsCustom : string.Equals(f.Set.Id, set, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(f => f.Key, StringComparer.Ordinal).ThenBy(f => f.Year ?? 0)
            .ToList();
        return TypedResults.Ok(new PagedList<FactorDto>(p, size, factors.Count, factors.Skip((p - 1) * size).Take(size).Select(FactorDto.From).ToList()));
    }

    /// <summary>The factor <paramref name="key"/> as the calculator resolves it for <paramref name="year"/> (default: the
    /// current year): exact year, year-independent, or the latest earlier year with a note.</summary>
    public static async Task<Results<Ok<FactorResolutionDto>, ProblemHttpResult>> Get(Guid orgId, string key, int? year, InventoryStore store, IClock clock,
        CancellationToken ct)
    {
        var snapshot = await store.LoadAsync(orgId, ct);
        if (snapshot is null)
        {
            return TenantIsolation.NotFound();
        }
        Outcome<FactorResolution> resolved;
        try
        {
            resolved = snapshot.FactorLibrary().Resolve(key, year ?? clock.GetCurrentInstant().InUtc().Year);
        }
        catch (DomainException)
        {
            // A synthesised key naming an unknown gas (gas/XYZ) is just an unknown factor here.
            return TenantIsolation.NotFound("factor");
        }
        if (!resolved.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: resolved.Problems[0].Message);
        }
        return TypedResults.Ok(new FactorResolutionDto(FactorDto.From(resolved.Value.Factor), resolved.Value.Note));
    }

    public static Results<Ok<GwpSetDto>, ProblemHttpResult> GetGwpSet(Guid orgId, string id)
    {
        if (!ReferenceLibrary.Default.TryGetGwpSet(id, out var gwp))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: $"unknown GWP set '{id}' (known: {string.Join(", ", ReferenceLibrary.Default.GwpSets.Select(g => g.Id).Order(StringComparer.Ordinal))})");
        }
        var gases = gwp.SingleGasValues.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new GwpValueDto(kv.Key, kv.Value, $"{gwp.Id}: {gwp.Source}")).ToList();
        var blends = gwp.Blends.OrderBy(b => b.Code, StringComparer.Ordinal)
            .Select(b => new BlendDto(b.Code, gwp.TryGet(GreenhouseGas.FromCode(b.Code), out var v) ? v.Value : null,
                b.Components.Select(c => new BlendComponentDto(c.GasCode, c.MassFraction)).ToList(), b.Source)).ToList();
        return TypedResults.Ok(new GwpSetDto(gwp.Id, gwp.Name, gwp.Source, gases, blends));
    }

    public static async Task<Results<Created<FactorDto>, ValidationProblem, ProblemHttpResult>> AddCustom(Guid orgId, CustomFactorRequest request,
        InventoryStore store, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var built = CustomFactorBuilder.Build(orgId, request, "api");
        if (!built.Succeeded)
        {
            return Validation.Invalid(built.Problems, "Invalid factor");
        }
        var factor = built.Value;
        var outcome = await store.ApplyAsync(orgId, new ChangeSet { CustomFactors = [factor], Origin = "api: POST factors" }, ApiUser.Name(user), null, ct);
        if (!outcome.Succeeded)
        {
            return Validation.Invalid(outcome.Problems, "Factor rejected");
        }
        return TypedResults.Created($"/api/v1/organizations/{orgId}/factors/{factor.Key}", FactorDto.From(factor));
    }
}
