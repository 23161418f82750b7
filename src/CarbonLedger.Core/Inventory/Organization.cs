using CarbonLedger.Common;
using NodaTime;

namespace CarbonLedger.Inventory;

/// <summary>The reporting company: its consolidation approach, base year and the significance threshold for
/// base-year recalculation (GHG Protocol ch. 5; default 5 %, as SBTi's criterion).</summary>
public sealed record Organization
{
    public Organization(Guid id, string name, ConsolidationApproach consolidation, int baseYear, string defaultGwpSet = "AR5", decimal significanceThresholdPercent = 5m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (baseYear is < 1990 or > 2100) { throw new DomainException("baseYear", $"{baseYear} is not a plausible base year", $"{baseYear} 不是合理的基準年"); }
        if (significanceThresholdPercent is <= 0 or > 100) { throw new DomainException("significanceThresholdPercent", "must be in (0, 100]", "必須大於 0 且不超過 100"); }
        Id = id;
        Name = name;
        Consolidation = consolidation;
        BaseYear = baseYear;
        DefaultGwpSet = defaultGwpSet;
        SignificanceThresholdPercent = significanceThresholdPercent;
    }

    public Guid Id { get; }
    public string Name { get; }
    public ConsolidationApproach Consolidation { get; }
    public int BaseYear { get; }
    public string DefaultGwpSet { get; }
    public decimal SignificanceThresholdPercent { get; }
}

/// <summary>A legal entity of the organization, possibly owned through a parent entity.</summary>
public sealed record LegalEntity
{
    public LegalEntity(Guid id, string name, decimal ownershipPercent, Guid? parentId = null, string? taxId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (ownershipPercent is < 0 or > 100) { throw new DomainException("ownershipPercent", "must be between 0 and 100", "必須介於 0 與 100 之間"); }
        Id = id;
        Name = name;
        OwnershipPercent = ownershipPercent;
        ParentId = parentId;
        TaxId = taxId;
    }

    public Guid Id { get; }
    public string Name { get; }
    /// <summary>Equity held by the parent entity (or by the organization for a top-level entity).</summary>
    public decimal OwnershipPercent { get; }
    public Guid? ParentId { get; }
    /// <summary>統一編號 where known.</summary>
    public string? TaxId { get; }
}

/// <summary>A site (廠區/據點) of a legal entity, with the organization's equity in it and whether it controls it.</summary>
public sealed record Facility
{
    public Facility(Guid id, Guid legalEntityId, string code, string name, decimal ownershipPercent = 100m,
        bool operationalControl = true, bool financialControl = true, string? address = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (ownershipPercent is < 0 or > 100) { throw new DomainException("ownershipPercent", "must be between 0 and 100", "必須介於 0 與 100 之間"); }
        Id = id;
        LegalEntityId = legalEntityId;
        Code = code;
        Name = name;
        OwnershipPercent = ownershipPercent;
        OperationalControl = operationalControl;
        FinancialControl = financialControl;
        Address = address;
    }

    public Guid Id { get; }
    public Guid LegalEntityId { get; }
    public string Code { get; }
    public string Name { get; }
    /// <summary>The legal entity's equity in the facility.</summary>
    public decimal OwnershipPercent { get; }
    public bool OperationalControl { get; }
    public bool FinancialControl { get; }
    public string? Address { get; }
}

/// <summary>The organization's boundary: entities and facilities, and the share of each facility's emissions that
/// the chosen consolidation approach includes (GHG Protocol ch. 3: control → 100 % or 0 %; equity share → the
/// product of ownership percentages down the chain).</summary>
public sealed class OrganizationalBoundary
{
    private readonly Dictionary<Guid, LegalEntity> _entities;
    private readonly Dictionary<Guid, Facility> _facilities;

    public OrganizationalBoundary(Organization organization, IEnumerable<LegalEntity> entities, IEnumerable<Facility> facilities)
    {
        ArgumentNullException.ThrowIfNull(organization);
        Organization = organization;
        _entities = entities.ToDictionary(e => e.Id);
        _facilities = facilities.ToDictionary(f => f.Id);
        foreach (var f in _facilities.Values)
        {
            if (!_entities.ContainsKey(f.LegalEntityId))
            {
                throw new DomainException($"facility {f.Code}", "belongs to an unknown legal entity", "隸屬於未知的法人");
            }
        }
        foreach (var e in _entities.Values)
        {
            var seen = new HashSet<Guid>();
            for (var cur = e; cur.ParentId is { } p; cur = _entities.TryGetValue(p, out var parent) ? parent : throw new DomainException($"entity {e.Name}", "has an unknown parent", "的上層法人不存在"))
            {
                if (!seen.Add(cur.Id)) { throw new DomainException($"entity {e.Name}", "the ownership chain is circular", "持股關係形成循環"); }
            }
        }
    }

    public Organization Organization { get; }
    public IReadOnlyCollection<LegalEntity> Entities => _entities.Values;
    public IReadOnlyCollection<Facility> Facilities => _facilities.Values;

    public Facility Facility(Guid id) => _facilities.TryGetValue(id, out var f) ? f : throw new DomainException("facilityId", $"unknown facility {id}", $"未知的據點 {id}");

    public bool TryGetFacility(Guid id, out Facility facility) => _facilities.TryGetValue(id, out facility!);

    /// <summary>The fraction (0-1) of the facility's emissions consolidated into the organization's inventory.</summary>
    public decimal ConsolidationShare(Facility facility)
    {
        ArgumentNullException.ThrowIfNull(facility);
        return Organization.Consolidation switch
        {
            ConsolidationApproach.OperationalControl => facility.OperationalControl ? 1m : 0m,
            ConsolidationApproach.FinancialControl => facility.FinancialControl ? 1m : 0m,
            ConsolidationApproach.EquityShare => EquityShare(facility),
            _ => throw new ArgumentOutOfRangeException(nameof(facility)),
        };
    }

    private decimal EquityShare(Facility facility)
    {
        var share = facility.OwnershipPercent / 100m;
        for (LegalEntity? e = _entities[facility.LegalEntityId]; e is not null; e = e.ParentId is { } p ? _entities[p] : null)
        {
            share *= e.OwnershipPercent / 100m;
        }
        return share;
    }
}

/// <summary>A closed range of dates an inventory covers (usually a calendar year), inclusive at both ends.</summary>
public sealed record ReportingPeriod
{
    public ReportingPeriod(LocalDate start, LocalDate end)
    {
        if (end < start) { throw new DomainException("period", $"ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd})",
            $"結束日（{end:yyyy-MM-dd}）早於開始日（{start:yyyy-MM-dd}）"); }
        Interval = new DateInterval(start, end);
    }

    public static ReportingPeriod Year(int year) => new(new LocalDate(year, 1, 1), new LocalDate(year, 12, 31));

    public DateInterval Interval { get; }
    public LocalDate Start => Interval.Start;
    public LocalDate End => Interval.End;

    /// <summary>The year factors are looked up for: the year the period ends in.</summary>
    public int FactorYear => End.Year;

    public bool Contains(DateInterval other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Interval.Contains(other.Start) && Interval.Contains(other.End);
    }

    public override string ToString() => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
