using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Units;
using NodaTime;

namespace CarbonLedger.Testing;

/// <summary>Builds an <see cref="InventoryInput"/> in a few lines: facilities, sources and activities are addressed by
/// their codes, ids are deterministic (<see cref="DeterministicGuid"/> under <see cref="OrganizationId"/>), the factor
/// library is a fresh copy of the shipped reference data (add custom factors with <see cref="AddFactor"/>).
/// A facility "HQ" is created on first use when a source names no facility.</summary>
public sealed class InventoryBuilder
{
    public static readonly Guid DefaultOrganizationId = new("0b6a3a52-1d0e-4c55-9a4e-6f1f7f0c2b11");

    /// <summary>When test activities are entered (a fixed instant: no clock in test data).</summary>
    public static readonly Instant EnteredAt = Instant.FromUtc(2025, 1, 15, 9, 0);

    private readonly List<LegalEntity> _entities = [];
    private readonly List<Facility> _facilities = [];
    private readonly List<EmissionSource> _sources = [];
    private readonly List<ActivityRecord> _activities = [];
    private readonly List<ContractualInstrument> _instruments = [];
    private ConsolidationApproach _consolidation;
    private int _activityCounter;

    public InventoryBuilder(int year = 2024, ConsolidationApproach consolidation = ConsolidationApproach.OperationalControl, string gwpSetId = "AR5", Guid? organizationId = null)
    {
        OrganizationId = organizationId ?? DefaultOrganizationId;
        Year = year;
        Period = ReportingPeriod.Year(year);
        _consolidation = consolidation;
        GwpSetId = gwpSetId;
    }

    public Guid OrganizationId { get; }
    public int Year { get; }
    public ReportingPeriod Period { get; private set; }
    public string GwpSetId { get; private set; }
    public FactorLibrary Factors { get; } = ReferenceLibrary.Create();
    public ResidualMix? ResidualMix { get; private set; }
    public IReadOnlyList<ActivityRecord> Activities => _activities;
    public IReadOnlyList<EmissionSource> Sources => _sources;

    public InventoryBuilder WithGwp(string gwpSetId)
    {
        GwpSetId = gwpSetId;
        return this;
    }

    public InventoryBuilder WithPeriod(ReportingPeriod period)
    {
        Period = period;
        return this;
    }

    public InventoryBuilder WithConsolidation(ConsolidationApproach consolidation)
    {
        _consolidation = consolidation;
        return this;
    }

    public InventoryBuilder WithResidualMix(decimal rateKgPerKwh, string source = "test residual mix")
    {
        ResidualMix = new ResidualMix(rateKgPerKwh, source);
        return this;
    }

    public Guid Id(string kind, params string[] keyParts) => DeterministicGuid.For(OrganizationId, kind, keyParts);

    public LegalEntity Entity(string name, decimal ownershipPercent = 100m, string? parentName = null)
    {
        var entity = new LegalEntity(Id("entity", name), name, ownershipPercent, parentName is null ? null : Id("entity", parentName));
        _entities.Add(entity);
        return entity;
    }

    public Facility Facility(string code, decimal ownershipPercent = 100m, bool operationalControl = true, bool financialControl = true, string? entityName = null)
    {
        var entity = entityName is null ? DefaultEntity() : _entities.Single(e => e.Name == entityName);
        var facility = new Facility(Id("facility", code), entity.Id, code, code, ownershipPercent, operationalControl, financialControl);
        _facilities.Add(facility);
        return facility;
    }

    public EmissionSource Source(string code, SourceType type, string factorKey, Scope3Category? scope3Category = null,
        string? department = null, string? facilityCode = null, string? exclusionReason = null)
    {
        var facility = FacilityOrDefault(facilityCode);
        var source = new EmissionSource(Id("source", code), facility.Id, code, code, type, factorKey, scope3Category, department, exclusionReason);
        _sources.Add(source);
        return source;
    }

    /// <summary>An activity of <paramref name="sourceCode"/> over <paramref name="start"/>..<paramref name="end"/>
    /// (default: the whole reporting period).</summary>
    public ActivityRecord Activity(string sourceCode, decimal value, Unit unit, LocalDate? start = null, LocalDate? end = null,
        DataQualityLevel quality = DataQualityLevel.Measured, string? evidence = null, decimal? uncertaintyPercent = null)
    {
        var source = _sources.Single(s => s.Code == sourceCode);
        return Add(source.Id, value, unit, start ?? Period.Start, end ?? Period.End, quality, evidence, uncertaintyPercent);
    }

    /// <summary>An activity for one calendar month of the reporting year.</summary>
    public ActivityRecord Monthly(string sourceCode, int month, decimal value, Unit unit, DataQualityLevel quality = DataQualityLevel.Measured, string? evidence = null)
    {
        var first = new LocalDate(Year, month, 1);
        return Activity(sourceCode, value, unit, first, first.PlusMonths(1).PlusDays(-1), quality, evidence);
    }

    /// <summary>An activity pointing at a source id that need not exist (for problem tests).</summary>
    public ActivityRecord ActivityForSourceId(Guid sourceId, decimal value, Unit unit) =>
        Add(sourceId, value, unit, Period.Start, Period.End, DataQualityLevel.Measured, null, null);

    public ContractualInstrument Recs(string reference, int certificates, string? facilityCode = null, DateInterval? period = null)
    {
        var instrument = ContractualInstrument.FromRecCount(Id("instrument", reference), reference, certificates, period ?? Period.Interval,
            facilityCode is null ? null : FacilityOrDefault(facilityCode).Id);
        _instruments.Add(instrument);
        return instrument;
    }

    public ContractualInstrument Instrument(string reference, InstrumentType type, decimal kwh, decimal rateKgPerKwh = 0m, string? facilityCode = null, DateInterval? period = null)
    {
        var instrument = new ContractualInstrument(Id("instrument", reference), type, reference, new Quantity(kwh, UnitCatalog.KilowattHour),
            period ?? Period.Interval, rateKgPerKwh, facilityCode is null ? null : FacilityOrDefault(facilityCode).Id);
        _instruments.Add(instrument);
        return instrument;
    }

    /// <summary>Adds (or replaces) a custom factor: <paramref name="gases"/> are kg of each gas per one <paramref name="perUnit"/>.</summary>
    public EmissionFactor AddFactor(string key, Unit perUnit, params (GreenhouseGas Gas, decimal KgPerUnit)[] gases) =>
        AddFactor(key, perUnit, null, gases);

    public EmissionFactor AddFactor(string key, Unit perUnit, decimal? uncertaintyPercent, params (GreenhouseGas Gas, decimal KgPerUnit)[] gases)
    {
        var factor = new EmissionFactor(key, TestFactorSet, key, perUnit,
            gases.Select(g => new GasFactor(g.Gas, g.KgPerUnit, UnitCatalog.Kilogram)).ToList(), status: "custom", uncertaintyPercent: uncertaintyPercent);
        Factors.Upsert(factor);
        return factor;
    }

    public static readonly FactorSet TestFactorSet = new("test-custom", "Test factors", "CarbonLedger tests", "1", null, "TW", "n/a",
        "values chosen in the test that uses them", IsCustom: true);

    public InventoryInput Build()
    {
        if (_entities.Count == 0) { DefaultEntity(); }
        var organization = new Organization(OrganizationId, "Test organization", _consolidation, Year, GwpSetId);
        var boundary = new OrganizationalBoundary(organization, _entities, _facilities);
        return new InventoryInput(boundary, Period, GwpSetId, _sources.ToList(), _activities.ToList(), _instruments.ToList(), Factors, ResidualMix);
    }

    public InventoryResult Calculate() => InventoryCalculator.Calculate(Build());

    private ActivityRecord Add(Guid sourceId, decimal value, Unit unit, LocalDate start, LocalDate end, DataQualityLevel quality, string? evidence, decimal? uncertaintyPercent)
    {
        var n = ++_activityCounter;
        var activity = new ActivityRecord(Id("activity", n.ToString(System.Globalization.CultureInfo.InvariantCulture)), sourceId,
            new Quantity(value, unit), new DateInterval(start, end), quality, "test", EnteredAt, evidence, uncertaintyPercent);
        _activities.Add(activity);
        return activity;
    }

    private LegalEntity DefaultEntity() => _entities.FirstOrDefault() ?? Entity("Test entity");

    private Facility FacilityOrDefault(string? code)
    {
        code ??= "HQ";
        return _facilities.FirstOrDefault(f => f.Code == code) ?? Facility(code);
    }
}
