using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CarbonLedger.Web.Features.Inventory;

public sealed record OrganizationDto(Guid Id, string Name, string Consolidation, int BaseYear, string DefaultGwpSet,
    decimal SignificanceThresholdPercent, bool IsDemo);

public sealed record LegalEntityDto(Guid Id, string Name, decimal OwnershipPercent, Guid? ParentId, string? TaxId);

public sealed record FacilityDto(Guid Id, Guid LegalEntityId, string Code, string Name, decimal OwnershipPercent, bool OperationalControl,
    bool FinancialControl, string? Address, decimal ConsolidationShare);

public sealed record SourceDto(Guid Id, Guid FacilityId, string Code, string Name, string Type, string FactorKey, string Scope, int IsoCategory,
    int? Scope3Category, string EmissionType, string? Department, string? ExclusionReason, string? Description);

public sealed record InstrumentDto(Guid Id, string Type, string Reference, decimal Energy, string EnergyUnit, decimal KilowattHours,
    string PeriodStart, string PeriodEnd, decimal EmissionRateKgPerKwh, Guid? FacilityId);

/// <summary>An organization's stored boundary, sources and instruments.</summary>
public sealed record OrganizationSnapshotDto(OrganizationDto Organization, IReadOnlyList<LegalEntityDto> Entities,
    IReadOnlyList<FacilityDto> Facilities, IReadOnlyList<SourceDto> Sources, IReadOnlyList<InstrumentDto> Instruments, int CustomFactorCount);

/// <summary><c>/api/v1/organizations/{orgId}</c>: the organization's snapshot, facilities and sources.</summary>
public sealed class OrganizationsApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapOrganization().WithTags("Organizations");
        group.MapGet("/", GetSnapshot).WithName("GetOrganization");
        group.MapGet("/facilities", ListFacilities).WithName("ListFacilities");
        group.MapGet("/sources", ListSources).WithName("ListSources");
    }

    public static async Task<Results<Ok<OrganizationSnapshotDto>, ProblemHttpResult>> GetSnapshot(Guid orgId, InventoryStore store, CancellationToken ct)
    {
        var snapshot = await store.LoadAsync(orgId, ct);
        if (snapshot is null)
        {
            return TenantIsolation.NotFound();
        }
        var boundary = snapshot.Boundary;
        return TypedResults.Ok(new OrganizationSnapshotDto(
            ToDto(snapshot.Organization, snapshot.IsDemo),
            snapshot.Entities.Select(e => new LegalEntityDto(e.Id, e.Name, e.OwnershipPercent, e.ParentId, e.TaxId)).ToList(),
            snapshot.Facilities.Select(f => ToDto(f, boundary)).ToList(),
            snapshot.Sources.Select(ToDto).ToList(),
            snapshot.Instruments.Select(ToDto).ToList(),
            snapshot.CustomFactors.Count));
    }

    public static async Task<Results<Ok<IReadOnlyList<FacilityDto>>, ProblemHttpResult>> ListFacilities(Guid orgId, InventoryStore store, CancellationToken ct)
    {
        var snapshot = await store.LoadAsync(orgId, ct);
        if (snapshot is null)
        {
            return TenantIsolation.NotFound();
        }
        var boundary = snapshot.Boundary;
        return TypedResults.Ok<IReadOnlyList<FacilityDto>>(snapshot.Facilities.Select(f => ToDto(f, boundary)).ToList());
    }

    public static async Task<Results<Ok<IReadOnlyList<SourceDto>>, ProblemHttpResult>> ListSources(Guid orgId, InventoryStore store, CancellationToken ct)
    {
        var snapshot = await store.LoadAsync(orgId, ct);
        if (snapshot is null)
        {
            return TenantIsolation.NotFound();
        }
        return TypedResults.Ok<IReadOnlyList<SourceDto>>(snapshot.Sources.Select(ToDto).ToList());
    }

    internal static OrganizationDto ToDto(Organization o, bool isDemo) =>
        new(o.Id, o.Name, o.Consolidation.ToString(), o.BaseYear, o.DefaultGwpSet, o.SignificanceThresholdPercent, isDemo);

    internal static FacilityDto ToDto(Facility f, OrganizationalBoundary boundary) =>
        new(f.Id, f.LegalEntityId, f.Code, f.Name, f.OwnershipPercent, f.OperationalControl, f.FinancialControl, f.Address, boundary.ConsolidationShare(f));

    internal static SourceDto ToDto(EmissionSource s) =>
        new(s.Id, s.FacilityId, s.Code, s.Name, s.Type.ToString(), s.FactorKey, s.Scope.ToString(), (int)s.IsoCategory, (int?)s.Scope3Category,
            s.EmissionType.ToString(), s.Department, s.ExclusionReason, s.Description);

    internal static InstrumentDto ToDto(ContractualInstrument i) =>
        new(i.Id, i.Type.ToString(), i.Reference, i.Energy.Value, i.Energy.Unit.Code, i.KilowattHours, Iso(i.Period.Start), Iso(i.Period.End),
            i.EmissionRateKgPerKwh, i.FacilityId);

    internal static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
