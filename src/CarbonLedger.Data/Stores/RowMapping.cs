using CarbonLedger.Data.Entities;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using CarbonLedger.Units;
using NodaTime;
using NodaTime.Extensions;

namespace CarbonLedger.Data.Stores;

/// <summary>Domain ↔ row mapping. Reading a row back goes through the domain constructors, so a stored value that
/// breaks an invariant is reported rather than silently used.</summary>
internal static class RowMapping
{
    public static OrganizationRow ToRow(Organization o, bool isDemo, Instant now) => new()
    {
        Id = o.Id, Name = o.Name, Consolidation = o.Consolidation.ToString(), BaseYear = o.BaseYear,
        DefaultGwpSet = o.DefaultGwpSet, SignificanceThresholdPercent = o.SignificanceThresholdPercent, IsDemo = isDemo,
        CreatedAt = now.ToDateTimeOffset(),
    };

    public static Organization ToDomain(OrganizationRow r) =>
        new(r.Id, r.Name, Enum.Parse<ConsolidationApproach>(r.Consolidation), r.BaseYear, r.DefaultGwpSet, r.SignificanceThresholdPercent);

    public static void Copy(LegalEntity e, LegalEntityRow r)
    {
        r.Id = e.Id; r.Name = e.Name; r.OwnershipPercent = e.OwnershipPercent; r.ParentId = e.ParentId; r.TaxId = e.TaxId;
    }

    public static LegalEntity ToDomain(LegalEntityRow r) => new(r.Id, r.Name, r.OwnershipPercent, r.ParentId, r.TaxId);

    public static void Copy(Facility f, FacilityRow r)
    {
        r.Id = f.Id; r.LegalEntityId = f.LegalEntityId; r.Code = f.Code; r.Name = f.Name; r.OwnershipPercent = f.OwnershipPercent;
        r.OperationalControl = f.OperationalControl; r.FinancialControl = f.FinancialControl; r.Address = f.Address;
    }

    public static Facility ToDomain(FacilityRow r) =>
        new(r.Id, r.LegalEntityId, r.Code, r.Name, r.OwnershipPercent, r.OperationalControl, r.FinancialControl, r.Address);

    public static void Copy(EmissionSource s, EmissionSourceRow r)
    {
        r.Id = s.Id; r.FacilityId = s.FacilityId; r.Code = s.Code; r.Name = s.Name; r.Type = s.Type.ToString(); r.FactorKey = s.FactorKey;
        r.Scope3Category = (int?)s.Scope3Category; r.Department = s.Department; r.ExclusionReason = s.ExclusionReason; r.Description = s.Description;
    }

    public static EmissionSource ToDomain(EmissionSourceRow r) => new(r.Id, r.FacilityId, r.Code, r.Name, Enum.Parse<SourceType>(r.Type), r.FactorKey,
        (Scope3Category?)r.Scope3Category, r.Department, r.ExclusionReason, r.Description);

    public static ActivityRow ToRow(Guid organizationId, ActivityRecord a) => new()
    {
        Id = a.Id, OrganizationId = organizationId, SourceId = a.SourceId, Quantity = a.Quantity.Value, Unit = a.Quantity.Unit.Code,
        PeriodStart = a.Period.Start.ToDateOnly(), PeriodEnd = a.Period.End.ToDateOnly(), Quality = a.Quality.ToString(),
        EnteredBy = a.EnteredBy, EnteredAt = a.EnteredAt.ToDateTimeOffset(), Evidence = a.Evidence, UncertaintyPercent = a.UncertaintyPercent, Note = a.Note,
    };

    public static ActivityRecord ToDomain(ActivityRow r) => new(r.Id, r.SourceId, new Quantity(r.Quantity, UnitCatalog.Parse(r.Unit)),
        new DateInterval(LocalDate.FromDateOnly(r.PeriodStart), LocalDate.FromDateOnly(r.PeriodEnd)), Enum.Parse<DataQualityLevel>(r.Quality),
        r.EnteredBy, r.EnteredAt.ToInstant(), r.Evidence, r.UncertaintyPercent, r.Note);

    public static void Copy(ContractualInstrument i, InstrumentRow r)
    {
        r.Id = i.Id; r.Type = i.Type.ToString(); r.Reference = i.Reference; r.EnergyValue = i.Energy.Value; r.EnergyUnit = i.Energy.Unit.Code;
        r.PeriodStart = i.Period.Start.ToDateOnly(); r.PeriodEnd = i.Period.End.ToDateOnly(); r.EmissionRateKgPerKwh = i.EmissionRateKgPerKwh; r.FacilityId = i.FacilityId;
    }

    public static ContractualInstrument ToDomain(InstrumentRow r) => new(r.Id, Enum.Parse<InstrumentType>(r.Type), r.Reference,
        new Quantity(r.EnergyValue, UnitCatalog.Parse(r.EnergyUnit)), new DateInterval(LocalDate.FromDateOnly(r.PeriodStart), LocalDate.FromDateOnly(r.PeriodEnd)),
        r.EmissionRateKgPerKwh, r.FacilityId);

    public static void Copy(EmissionFactor f, CustomFactorRow r)
    {
        r.Key = f.Key; r.Year = f.Year; r.Name = f.Name; r.PerUnit = f.PerUnit.Code; r.SetName = f.Set.Name; r.Publisher = f.Set.Publisher;
        r.Version = f.Set.Version; r.Source = f.Source; r.Status = f.Status; r.UncertaintyPercent = f.UncertaintyPercent;
        r.Gases = f.Gases.Select(g => new CustomFactorGasRow { Gas = g.Gas.Code, Value = g.Value, MassUnit = g.MassUnit.Code }).ToList();
    }

    public static EmissionFactor ToDomain(CustomFactorRow r)
    {
        var set = new FactorSet($"custom:{r.OrganizationId}:{r.SetName}", r.SetName, r.Publisher, r.Version, r.Year, "organization", "organization's own", r.Source, IsCustom: true);
        return new EmissionFactor(r.Key, set, r.Name, UnitCatalog.Parse(r.PerUnit),
            r.Gases.Select(g => new GasFactor(GasOf(g.Gas), g.Value, UnitCatalog.Parse(g.MassUnit))).ToList(), r.Year, r.Status, r.Source, r.UncertaintyPercent);
    }

    private static GreenhouseGas GasOf(string code) => code switch
    {
        "CO2" => GreenhouseGas.CO2,
        "CH4" => GreenhouseGas.CH4,
        "N2O" => GreenhouseGas.N2O,
        "SF6" => GreenhouseGas.SF6,
        "NF3" => GreenhouseGas.NF3,
        "CO2e" => GreenhouseGas.CO2e,
        "CO2-biogenic" => GreenhouseGas.BiogenicCO2,
        _ => GreenhouseGas.FromCode(code),
    };
}
