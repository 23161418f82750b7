using CarbonLedger.Common;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Inventory;

/// <summary>An emission source (排放源) at a facility: what it is, which factor applies, which department owns it.
/// Scope, ISO category and MOENV emission type follow from the type (and Scope 3 category).</summary>
public sealed record EmissionSource
{
    public EmissionSource(Guid id, Guid facilityId, string code, string name, SourceType type, string factorKey,
        Scope3Category? scope3Category = null, string? department = null, string? exclusionReason = null, string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(factorKey);
        if (type == SourceType.Scope3 && scope3Category is null)
        {
            throw new DomainException("scope3Category", $"source {code} is Scope 3 and needs its category (1-15)", $"排放源 {code} 屬範疇三，須指定類別（1-15）");
        }
        if (type != SourceType.Scope3 && scope3Category is not null)
        {
            throw new DomainException("scope3Category", $"source {code} is {type}, not Scope 3; it cannot have a Scope 3 category",
                $"排放源 {code} 的類型為 {type}，不屬範疇三，不可指定範疇三類別");
        }
        Id = id;
        FacilityId = facilityId;
        Code = code;
        Name = name;
        Type = type;
        FactorKey = factorKey;
        Scope3Category = scope3Category;
        Department = department;
        ExclusionReason = exclusionReason;
        Description = description;
        Scope = Classification.ScopeOf(type);
        IsoCategory = Classification.IsoCategoryOf(type, scope3Category);
        EmissionType = Classification.EmissionTypeOf(type);
    }

    public Guid Id { get; }
    public Guid FacilityId { get; }
    public string Code { get; }
    public string Name { get; }
    public SourceType Type { get; }
    public string FactorKey { get; }
    public Scope3Category? Scope3Category { get; }
    public string? Department { get; }
    /// <summary>Set when the source is identified but excluded from quantification (de minimis, no data) — the
    /// report lists it with this justification (ISO 14064-1 5.2.3, 9.3.1 j).</summary>
    public string? ExclusionReason { get; }
    public string? Description { get; }
    public Scope Scope { get; }
    public IsoCategory IsoCategory { get; }
    public EmissionType EmissionType { get; }
    public bool IsExcluded => ExclusionReason is not null;
}

/// <summary>One activity datum: how much of what over which dates, with its evidence and who entered it.</summary>
public sealed record ActivityRecord
{
    public ActivityRecord(Guid id, Guid sourceId, Quantity quantity, DateInterval period, DataQualityLevel quality,
        string enteredBy, Instant enteredAt, string? evidence = null, decimal? uncertaintyPercent = null, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentException.ThrowIfNullOrWhiteSpace(enteredBy);
        if (quantity.Unit is null) { throw new DomainException("unit", "an activity needs a unit", "活動數據須有單位"); }
        if (quantity.Value < 0) { throw new DomainException("quantity", $"cannot be negative ({quantity.Value})", $"不可為負值（{quantity.Value}）"); }
        if (uncertaintyPercent is < 0) { throw new DomainException("uncertaintyPercent", "cannot be negative", "不可為負值"); }
        Id = id;
        SourceId = sourceId;
        Quantity = quantity;
        Period = period;
        Quality = quality;
        EnteredBy = enteredBy;
        EnteredAt = enteredAt;
        Evidence = evidence;
        UncertaintyPercent = uncertaintyPercent;
        Note = note;
    }

    public Guid Id { get; }
    public Guid SourceId { get; }
    public Quantity Quantity { get; }
    public DateInterval Period { get; }
    public DataQualityLevel Quality { get; }
    public string EnteredBy { get; }
    public Instant EnteredAt { get; }
    /// <summary>Invoice number, meter id, document hash …</summary>
    public string? Evidence { get; }
    /// <summary>Half-width of the 95 % interval of the activity datum, in percent; defaults by quality level when null.</summary>
    public decimal? UncertaintyPercent { get; }
    public string? Note { get; }
}

/// <summary>Contractual instruments for market-based Scope 2 (GHG Protocol Scope 2 Guidance ch. 7, Quality Criteria).</summary>
public enum InstrumentType
{
    /// <summary>T-REC or another energy attribute certificate: 1 certificate = 1,000 kWh, zero emission.</summary>
    RenewableEnergyCertificate,
    /// <summary>A green-power purchase contract (綠電轉供/PPA) with its attributes bundled: zero emission.</summary>
    GreenPowerContract,
    /// <summary>A supplier-specific emission rate for delivered electricity.</summary>
    SupplierSpecific,
}

/// <summary>The residual-mix emission rate for electricity no instrument covers (Scope 2 Guidance 6.11.2). Taiwan
/// publishes none; without one the grid average applies and the report says so.</summary>
public sealed record ResidualMix
{
    public ResidualMix(decimal rateKgPerKwh, string source)
    {
        if (rateKgPerKwh < 0) { throw new DomainException("residualMix.rate", "cannot be negative", "不可為負值"); }
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        RateKgPerKwh = rateKgPerKwh;
        Source = source;
    }

    public decimal RateKgPerKwh { get; }
    public string Source { get; }
}

/// <summary>An instrument with the electricity it covers, its emission rate and where it may be applied
/// (one facility, or organization-wide when <see cref="FacilityId"/> is null).</summary>
public sealed record ContractualInstrument
{
    /// <summary>kWh per renewable-energy certificate (Taiwan T-REC: 1 張 = 1,000 度).</summary>
    public const decimal KilowattHoursPerRec = 1000m;

    public ContractualInstrument(Guid id, InstrumentType type, string reference, Quantity energy, DateInterval period,
        decimal emissionRateKgPerKwh = 0m, Guid? facilityId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reference);
        ArgumentNullException.ThrowIfNull(period);
        if (energy.Unit.Dimension != Dimension.Energy)
        {
            throw new DomainException("energy", $"an instrument covers energy; {energy.Unit.Code} is not an energy unit (RECs: use FromRecCount)",
                $"契約工具涵蓋的是電能；{energy.Unit.Code} 不是能量單位（再生能源憑證請用 FromRecCount）");
        }
        if (energy.Value < 0) { throw new DomainException("energy", "cannot be negative", "不可為負值"); }
        if (emissionRateKgPerKwh < 0) { throw new DomainException("emissionRate", "cannot be negative", "不可為負值"); }
        if (type is InstrumentType.RenewableEnergyCertificate or InstrumentType.GreenPowerContract && emissionRateKgPerKwh != 0)
        {
            throw new DomainException("emissionRate", "renewable certificates and green-power contracts carry a zero emission rate",
                "再生能源憑證與綠電契約的排放率為零");
        }
        Id = id;
        Type = type;
        Reference = reference;
        Energy = energy;
        Period = period;
        EmissionRateKgPerKwh = emissionRateKgPerKwh;
        FacilityId = facilityId;
    }

    /// <summary>RECs given as a count of certificates; converted explicitly at 1 REC = 1,000 kWh.</summary>
    public static ContractualInstrument FromRecCount(Guid id, string reference, decimal certificates, DateInterval period, Guid? facilityId = null)
    {
        if (certificates < 0 || decimal.Truncate(certificates) != certificates)
        {
            throw new DomainException("certificates", $"a REC count is a non-negative whole number ({certificates})", $"再生能源憑證張數須為非負整數（{certificates}）");
        }
        return new ContractualInstrument(id, InstrumentType.RenewableEnergyCertificate, reference,
            new Quantity(certificates * KilowattHoursPerRec, UnitCatalog.KilowattHour), period, 0m, facilityId);
    }

    public Guid Id { get; }
    public InstrumentType Type { get; }
    /// <summary>Certificate serial range, contract number.</summary>
    public string Reference { get; }
    public Quantity Energy { get; }
    public DateInterval Period { get; }
    public decimal EmissionRateKgPerKwh { get; }
    public Guid? FacilityId { get; }
    public decimal KilowattHours => Energy.ConvertTo(UnitCatalog.KilowattHour).Value;
}
