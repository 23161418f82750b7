namespace CarbonLedger.Data.Entities;

// Persistence rows. Domain types live in Core and validate themselves; these rows are their stored shape,
// mapped both ways in Stores/RowMapping.cs. Every row carries OrganizationId: the tenant key on every query.

public sealed class OrganizationRow
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Consolidation { get; set; } = "";
    public int BaseYear { get; set; }
    public string DefaultGwpSet { get; set; } = "AR5";
    public decimal SignificanceThresholdPercent { get; set; }
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public sealed class LegalEntityRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public decimal OwnershipPercent { get; set; }
    public Guid? ParentId { get; set; }
    public string? TaxId { get; set; }
}

public sealed class FacilityRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid LegalEntityId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal OwnershipPercent { get; set; }
    public bool OperationalControl { get; set; }
    public bool FinancialControl { get; set; }
    public string? Address { get; set; }
}

public sealed class EmissionSourceRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid FacilityId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string FactorKey { get; set; } = "";
    public int? Scope3Category { get; set; }
    public string? Department { get; set; }
    public string? ExclusionReason { get; set; }
    public string? Description { get; set; }
}

public sealed class ActivityRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Guid SourceId { get; set; }
    public decimal Quantity { get; set; }
    public string Unit { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string Quality { get; set; } = "";
    public string EnteredBy { get; set; } = "";
    public DateTimeOffset EnteredAt { get; set; }
    public string? Evidence { get; set; }
    public decimal? UncertaintyPercent { get; set; }
    public string? Note { get; set; }
}

public sealed class InstrumentRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Type { get; set; } = "";
    public string Reference { get; set; } = "";
    public decimal EnergyValue { get; set; }
    public string EnergyUnit { get; set; } = "kWh";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal EmissionRateKgPerKwh { get; set; }
    public Guid? FacilityId { get; set; }
}

/// <summary>An organization's own factor (supplier-specific, measured, or an illustrative demo value).</summary>
public sealed class CustomFactorRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Key { get; set; } = "";
    public int? Year { get; set; }
    public string Name { get; set; } = "";
    public string PerUnit { get; set; } = "";
    public string SetName { get; set; } = "";
    public string Publisher { get; set; } = "";
    public string Version { get; set; } = "";
    public string Source { get; set; } = "";
    public string Status { get; set; } = "custom";
    public decimal? UncertaintyPercent { get; set; }
    public List<CustomFactorGasRow> Gases { get; set; } = [];
}

public sealed class CustomFactorGasRow
{
    public string Gas { get; set; } = "";
    public decimal Value { get; set; }
    public string MassUnit { get; set; } = "kg";
}

/// <summary>An inventory: an organization's reporting period with its GWP set and workflow status.</summary>
public sealed class InventoryRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public string GwpSetId { get; set; } = "AR5";
    public decimal? ResidualMixKgPerKwh { get; set; }
    public string? ResidualMixSource { get; set; }
    public string Status { get; set; } = "Draft";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A change set applied to the store (an import, a form), for the audit trail.</summary>
public sealed class ChangeBatchRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Origin { get; set; } = "";
    public string AppliedBy { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
}

/// <summary>A structural change, methodology change or error correction recorded against the base year
/// (GHG Protocol Corporate Standard ch. 5), with its signed effect on base-year emissions.</summary>
public sealed class StructuralChangeRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Description { get; set; } = "";
    public string Kind { get; set; } = "";
    public decimal BaseYearImpactTonnes { get; set; }
    public int Year { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
