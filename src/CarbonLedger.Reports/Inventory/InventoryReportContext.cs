using CarbonLedger.Inventory;
using NodaTime;

namespace CarbonLedger.Reports.Inventory;

/// <summary>What a report needs besides the calculated result: who it is for, who prepared it, when and in which
/// language, and the base-year figures (with the structural changes since, for the recalculation check).
/// <see cref="Consolidation"/> and <see cref="BaseYear"/> default to the organization's; when given they must match it,
/// because the result was calculated under the organization's approach.</summary>
public sealed record InventoryReportContext
{
    public InventoryReportContext(string organizationName, string boundaryDescription, string preparedBy, Instant generatedAt,
        ReportLanguage language, int? baseYear = null, decimal? baseYearEmissionsTonnes = null,
        ConsolidationApproach? consolidation = null, IReadOnlyList<StructuralChange>? structuralChanges = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organizationName);
        ArgumentNullException.ThrowIfNull(boundaryDescription);
        ArgumentException.ThrowIfNullOrWhiteSpace(preparedBy);
        if (baseYearEmissionsTonnes is < 0)
        {
            throw new ArgumentException("base-year emissions cannot be negative", nameof(baseYearEmissionsTonnes));
        }
        OrganizationName = organizationName;
        BoundaryDescription = boundaryDescription;
        PreparedBy = preparedBy;
        GeneratedAt = generatedAt;
        Language = language;
        BaseYear = baseYear;
        BaseYearEmissionsTonnes = baseYearEmissionsTonnes;
        Consolidation = consolidation;
        StructuralChanges = structuralChanges ?? [];
    }

    public string OrganizationName { get; }
    /// <summary>Free text: which entities and sites are in, and why (ISO 14064-1 5.1, 9.3.1 b).</summary>
    public string BoundaryDescription { get; }
    public string PreparedBy { get; }
    public Instant GeneratedAt { get; }
    public ReportLanguage Language { get; }
    public int? BaseYear { get; }
    public decimal? BaseYearEmissionsTonnes { get; }
    public ConsolidationApproach? Consolidation { get; }
    /// <summary>Changes since the base year; with base-year emissions they drive <see cref="BaseYearPolicy.Check"/>.</summary>
    public IReadOnlyList<StructuralChange> StructuralChanges { get; }
}
