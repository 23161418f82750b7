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

    /// <summary>The boundary in words (ISO 14064-1 9.3.1 b): the consolidation approach and each facility with the share
    /// consolidated, in <paramref name="language"/>. One wording for every caller (CLI, web).</summary>
    public static string DescribeBoundary(CarbonLedger.Inventory.OrganizationalBoundary boundary, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(boundary);
        var strings = ReportStrings.For(language);
        var facilities = boundary.Facilities.OrderBy(f => f.Code, StringComparer.Ordinal)
            .Select(f => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{f.Code} {f.Name} ({boundary.ConsolidationShare(f) * 100m:0.##} %)"));
        var approach = strings.Of(boundary.Organization.Consolidation);
        return language == ReportLanguage.ZhTw
            ? $"{approach}；據點：{string.Join("、", facilities)}"
            : $"{approach}; facilities: {string.Join(", ", facilities)}";
    }
}
