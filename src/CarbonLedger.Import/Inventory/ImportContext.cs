using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using NodaTime;

namespace CarbonLedger.Import;

/// <summary>A source already stored for the organization, as an activity row may refer to it.</summary>
public sealed record KnownSource(Guid Id, SourceType Type, string FactorKey);

/// <summary>What an import validates against: the organization (the scope of every deterministic id), the reporting
/// period activity must fall in, the factor library (reference data plus the organization's stored custom factors),
/// and the facilities and sources already stored, by code. Rows may refer to those or to rows of the same file set.</summary>
public sealed record ImportContext
{
    public ImportContext(Guid organizationId, ReportingPeriod period, FactorLibrary factors, Instant importedAt, string importedBy = "import")
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentException.ThrowIfNullOrWhiteSpace(importedBy);
        if (organizationId == Guid.Empty)
        {
            throw new ArgumentException("An import belongs to an organization.", nameof(organizationId));
        }
        OrganizationId = organizationId;
        Period = period;
        Factors = factors;
        ImportedAt = importedAt;
        ImportedBy = importedBy;
    }

    public Guid OrganizationId { get; }

    public ReportingPeriod Period { get; }

    public FactorLibrary Factors { get; }

    /// <summary>Stamped on every activity record as its entry time (from the caller's clock, never the wall clock here).</summary>
    public Instant ImportedAt { get; }

    /// <summary>Stamped on every activity record as who entered it.</summary>
    public string ImportedBy { get; }

    /// <summary>Stored facilities by code → id.</summary>
    public IReadOnlyDictionary<string, Guid> Facilities { get; init; } = new Dictionary<string, Guid>(StringComparer.Ordinal);

    /// <summary>Stored sources by code.</summary>
    public IReadOnlyDictionary<string, KnownSource> Sources { get; init; } = new Dictionary<string, KnownSource>(StringComparer.Ordinal);

    /// <summary>The factor year activity is resolved for (<see cref="ReportingPeriod.FactorYear"/>).</summary>
    public int FactorYear => Period.FactorYear;
}
