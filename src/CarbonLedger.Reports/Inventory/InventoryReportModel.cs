using System.Globalization;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;
using NodaTime;
using NodaTime.Text;

namespace CarbonLedger.Reports.Inventory;

/// <summary>Everything an inventory report shows (GHG Protocol / ISO 14064-1:2018 clause 9 structure plus MOENV's
/// 彙整表二/三/四), built once from an <see cref="InventoryResult"/> so the HTML, xlsx, CSV and JSON renderers print
/// the same figures. Tonnes are unrounded decimals; every table carries exact shares and display shares rounded by
/// the largest-remainder method (<see cref="Shares"/>). Dates are ISO 8601 strings so the JSON is stable. Labels are
/// in the context's language; keys (codes, enum names) are language-neutral.</summary>
public sealed record InventoryReportModel(
    ReportHeader Header,
    BoundarySection Boundary,
    PeriodSection Period,
    BaseYearSection BaseYear,
    IReadOnlyList<SourceRow> Sources,
    IReadOnlyList<MethodRow> Methods,
    IReadOnlyList<FactorRow> Factors,
    GwpSection Gwp,
    ResultSet LocationBased,
    ResultSet MarketBased,
    Scope2Section Scope2,
    decimal BiogenicCo2Tonnes,
    IReadOnlyList<ExclusionRow> Exclusions,
    bool IsComplete,
    IReadOnlyList<ProblemRow> Problems,
    IReadOnlyList<string> Notes,
    DataQualitySection DataQuality,
    MoenvTables Moenv,
    IReadOnlyList<LineRow> Lines)
{
    /// <summary>The total on MOENV's basis (location-based Scope 2), the figure the summary tables add up to.</summary>
    public decimal TotalTonnes => LocationBased.TotalTonnes;

    public static InventoryReportModel From(InventoryResult result, InventoryReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var s = ReportStrings.For(context.Language);
        var input = result.Input;
        var boundary = input.Boundary;
        var organization = boundary.Organization;
        if (context.Consolidation is { } approach && approach != organization.Consolidation)
        {
            throw new ArgumentException(
                $"the context says {approach} but the inventory was calculated under {organization.Consolidation}", nameof(context));
        }

        var location = result.Totals(Scope2Method.LocationBased);
        var market = result.Totals(Scope2Method.MarketBased);
        var facilities = boundary.Facilities.OrderBy(f => f.Code, StringComparer.Ordinal).ToList();
        var header = new ReportHeader(context.OrganizationName, context.BoundaryDescription, context.PreparedBy,
            InstantPattern.ExtendedIso.Format(context.GeneratedAt), context.Language.Tag(), result.GwpSet.Id, result.GwpSet.Name,
            s[ReportText.RoundingRule]);

        return new InventoryReportModel(
            header,
            BuildBoundary(boundary, facilities),
            new PeriodSection(Iso(input.Period.Start), Iso(input.Period.End), input.Period.FactorYear),
            BuildBaseYear(context, organization, location.Total),
            BuildSources(input, boundary, s),
            input.Sources.Where(x => !x.IsExcluded).Select(x => x.Type).Distinct().Order()
                .Select(t => new MethodRow(t, s.Of(t), s.FormulaOf(t))).ToList(),
            BuildFactors(result),
            BuildGwp(result),
            BuildResults(location, input, facilities, s),
            BuildResults(market, input, facilities, s),
            BuildScope2(result, facilities, s),
            result.BiogenicCo2Tonnes,
            result.Exclusions.Select(e => new ExclusionRow(e.What, e.Reason)).ToList(),
            result.IsComplete,
            result.Problems.Select(p => new ProblemRow(p.Location.ToString(), p.Message)).ToList(),
            result.Notes.ToList(),
            BuildDataQuality(result.DataQuality, s),
            BuildMoenv(location, result.BiogenicCo2Tonnes, s),
            BuildLines(result));
    }

    internal static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static BoundarySection BuildBoundary(OrganizationalBoundary boundary, List<Facility> facilities)
    {
        var entities = boundary.Entities.ToDictionary(e => e.Id);
        var entityRows = boundary.Entities.OrderBy(e => e.Name, StringComparer.Ordinal)
            .Select(e => new EntityRow(e.Name, e.OwnershipPercent, e.ParentId is { } p && entities.TryGetValue(p, out var parent) ? parent.Name : null, e.TaxId))
            .ToList();
        var facilityRows = facilities.Select(f =>
        {
            var share = boundary.ConsolidationShare(f);
            return new FacilityRow(f.Code, f.Name, entities[f.LegalEntityId].Name, f.OwnershipPercent, f.OperationalControl, f.FinancialControl,
                share * 100m, f.Address, share > 0);
        }).ToList();
        return new BoundarySection(boundary.Organization.Consolidation, entityRows, facilityRows);
    }

    private static BaseYearSection BuildBaseYear(InventoryReportContext context, Organization organization, decimal currentTonnes)
    {
        var year = context.BaseYear ?? organization.BaseYear;
        decimal? change = context.BaseYearEmissionsTonnes is { } b && b > 0 ? (currentTonnes - b) / b * 100m : null;
        RecalculationRow? recalculation = null;
        if (context.BaseYearEmissionsTonnes is { } baseTonnes && baseTonnes > 0 && context.StructuralChanges.Count > 0)
        {
            var check = BaseYearPolicy.Check(baseTonnes, context.StructuralChanges, organization.SignificanceThresholdPercent);
            recalculation = new RecalculationRow(check.BaseYearTonnes, check.CumulativeImpactTonnes, check.CumulativePercent, check.ThresholdPercent,
                check.RecalculationRequired, check.Explanation,
                context.StructuralChanges.Select(c => new StructuralChangeRow(c.Description, c.Kind, c.BaseYearImpactTonnes, c.Year)).ToList());
        }
        return new BaseYearSection(year, context.BaseYearEmissionsTonnes, change, recalculation);
    }

    private static List<SourceRow> BuildSources(InventoryInput input, OrganizationalBoundary boundary, ReportStrings s) =>
        input.Sources.OrderBy(x => x.Code, StringComparer.Ordinal).Select(x =>
        {
            var facility = boundary.TryGetFacility(x.FacilityId, out var f) ? f : null;
            return new SourceRow(x.Code, x.Name, facility?.Code ?? "", facility?.Name ?? "", x.Type, s.Of(x.Type), x.Scope, (int)x.IsoCategory,
                x.Scope3Category is { } c ? (int)c : null, x.EmissionType, x.FactorKey, x.Department, x.ExclusionReason);
        }).ToList();

    private static List<FactorRow> BuildFactors(InventoryResult result)
    {
        var rows = new List<FactorRow>();
        // Grouped by identity (key, year, set), not by instance: market-based instrument factors are built per line.
        foreach (var group in result.Lines.GroupBy(l => (l.Factor.Key, l.Factor.Year, SetId: l.Factor.Set.Id))
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal).ThenBy(g => g.Key.Year))
        {
            var f = group.First().Factor;
            var gases = f.Gases.Select(g =>
            {
                var gwp = result.GwpSet.TryGet(g.Gas, out var v) ? v : new GwpValue(0m, "not in set");
                return new FactorGasRow(g.Gas.Code, g.Value, $"{g.MassUnit.Code}/{f.PerUnit.Code}", gwp.Value, gwp.Provenance);
            }).ToList();
            var heating = f.HeatingValue is { } hv ? hv.ToString() : null;
            var notes = group.Select(l => l.FactorNote).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            rows.Add(new FactorRow(f.Key, f.Name, f.Set.Id, f.Set.Name, f.Set.Publisher, f.Set.Version, f.Set.Year, f.Year, f.Status, f.Source,
                f.Set.Region, f.Set.Licence, f.PerUnit.Code, f.UncertaintyPercent, heating, gases,
                group.Select(l => l.Source.Code).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
                notes.Count == 0 ? null : string.Join("; ", notes)));
        }
        return rows;
    }

    private static GwpSection BuildGwp(InventoryResult result)
    {
        var applied = result.Lines.SelectMany(l => l.Gases).Select(g => g.Gas).Distinct()
            .OrderBy(g => g.Group).ThenBy(g => g.Code, StringComparer.Ordinal)
            .Select(g =>
            {
                var v = result.GwpSet.Get(g);
                return new GwpRow(g.Code, g.Group, v.Value, v.Provenance);
            }).ToList();
        return new GwpSection(result.GwpSet.Id, result.GwpSet.Name, result.GwpSet.Source, applied);
    }

    private static ResultSet BuildResults(InventoryTotals totals, InventoryInput input, List<Facility> facilities, ReportStrings s)
    {
        var scopes = Enum.GetValues<Scope>().Select(x => (x.ToString(), s.Of(x), totals.ByScope.GetValueOrDefault(x)));
        var iso = Enum.GetValues<IsoCategory>().Select(x => (((int)x).ToString(CultureInfo.InvariantCulture), s.Of(x), totals.ByIsoCategory.GetValueOrDefault(x)));
        var s3 = totals.ByScope3Category.Keys.Union(input.Sources.Where(x => x.Scope3Category is not null && !x.IsExcluded).Select(x => x.Scope3Category!.Value))
            .Order().Select(x => (((int)x).ToString(CultureInfo.InvariantCulture), s.Of(x), totals.ByScope3Category.GetValueOrDefault(x)));
        var gases = totals.ByGas.Keys.Select(c => GreenhouseGas.FromCode(c)).OrderBy(g => g.Group).ThenBy(g => g.Code, StringComparer.Ordinal)
            .Select(g => (g.Code, g.Code, totals.ByGas[g.Code]));
        var groups = Enum.GetValues<GasGroup>().Where(g => g != GasGroup.Other || totals.ByGasGroup.GetValueOrDefault(g) != 0)
            .Select(g => (g.ToString(), s.Of(g), totals.ByGasGroup.GetValueOrDefault(g)));
        var facilityKeys = facilities.Where(f => input.Boundary.ConsolidationShare(f) > 0).Select(f => f.Code)
            .Union(totals.ByFacility.Keys).ToList();
        var names = facilities.ToDictionary(f => f.Code, f => f.Name, StringComparer.Ordinal);
        var byFacility = facilityKeys.Select(k => (k, names.TryGetValue(k, out var n) ? $"{k} {n}" : k, totals.ByFacility.GetValueOrDefault(k)));
        var byDepartment = totals.ByDepartment.Keys.Where(k => k != InventoryTotals.NoDepartment).Order(StringComparer.Ordinal)
            .Select(k => (k, k, totals.ByDepartment[k]))
            .Concat(totals.ByDepartment.TryGetValue(InventoryTotals.NoDepartment, out var none)
                ? [(InventoryTotals.NoDepartment, s[ReportText.NoDepartment], none)] : []);
        var months = new List<(string, string, decimal)>();
        for (var ym = input.Period.Start.ToYearMonth(); ym <= input.Period.End.ToYearMonth(); ym = ym.OnDayOfMonth(1).PlusMonths(1).ToYearMonth())
        {
            var key = YearMonthPattern.Iso.Format(ym);
            months.Add((key, key, totals.ByMonth.GetValueOrDefault(ym)));
        }
        var types = Enum.GetValues<EmissionType>().Select(x => (x.ToString(), s.Of(x), totals.ByEmissionType.GetValueOrDefault(x)));
        return new ResultSet(totals.Basis, totals.Total, BreakdownTable.From(scopes), BreakdownTable.From(iso), BreakdownTable.From(s3),
            BreakdownTable.From(gases), BreakdownTable.From(groups), BreakdownTable.From(byFacility), BreakdownTable.From(byDepartment),
            BreakdownTable.From(months), BreakdownTable.From(types));
    }

    private static Scope2Section BuildScope2(InventoryResult result, List<Facility> facilities, ReportStrings s)
    {
        var location = result.Scope2(Scope2Method.LocationBased);
        var market = result.Scope2(Scope2Method.MarketBased);
        var rows = new List<Scope2FacilityRow>();
        foreach (var f in facilities)
        {
            var lines = result.Lines.Where(l => l.Scope == Scope.Scope2 && l.Facility.Id == f.Id).ToList();
            if (lines.Count == 0) { continue; }
            var kwh = lines.Where(l => l.Scope2Method == Scope2Method.LocationBased && l.Source.Type == SourceType.PurchasedElectricity).Sum(l => l.ActivityInFactorUnit);
            rows.Add(new Scope2FacilityRow(f.Code, f.Name, kwh,
                lines.Where(l => l.Scope2Method == Scope2Method.LocationBased).Sum(l => l.Co2eTonnes),
                lines.Where(l => l.Scope2Method == Scope2Method.MarketBased).Sum(l => l.Co2eTonnes)));
        }
        var codes = facilities.ToDictionary(f => f.Id, f => f.Code);
        var instruments = result.Instruments.OrderBy(u => u.Instrument.Period.Start).ThenBy(u => u.Instrument.Reference, StringComparer.Ordinal)
            .Select(u => new InstrumentRow(u.Instrument.Type, s.Of(u.Instrument.Type), u.Instrument.Reference,
                u.Instrument.FacilityId is { } id && codes.TryGetValue(id, out var code) ? code : null,
                Iso(u.Instrument.Period.Start), Iso(u.Instrument.Period.End), u.Instrument.EmissionRateKgPerKwh,
                u.Instrument.KilowattHours, u.AppliedKwh, u.UnusedKwh)).ToList();
        return new Scope2Section(location, market, market - location, rows.Sum(r => r.ElectricityKwh), rows, instruments);
    }

    private static DataQualitySection BuildDataQuality(DataQualitySummary dq, ReportStrings s)
    {
        var levels = Enum.GetValues<DataQualityLevel>().Where(l => dq.RecordsByLevel.ContainsKey(l)).ToList();
        var tonnes = levels.Select(l => dq.Co2eByLevel.GetValueOrDefault(l)).ToList();
        var exact = Shares.Exact(tonnes);
        var display = Shares.LargestRemainder(tonnes);
        var rows = levels.Select((l, i) => new DataQualityRow(l, s.Of(l), dq.RecordsByLevel[l], tonnes[i], exact[i], display[i],
            DataQualitySummary.DefaultActivityUncertaintyPercent(l))).ToList();
        decimal? uncertainty = dq.TotalUncertaintyPercent is { } u ? Math.Round((decimal)u, 2, MidpointRounding.AwayFromZero) : null;
        return new DataQualitySection(rows, dq.QuantifiedCo2e, dq.UnquantifiedCo2e, uncertainty);
    }

    private static readonly GasGroup[] SevenGases = [GasGroup.CO2, GasGroup.CH4, GasGroup.N2O, GasGroup.HFCs, GasGroup.PFCs, GasGroup.SF6, GasGroup.NF3];

    private static MoenvTables BuildMoenv(InventoryTotals totals, decimal biogenic, ReportStrings s)
    {
        MoenvTable ByGases(IReadOnlyDictionary<GasGroup, decimal> map)
        {
            var rows = SevenGases.Select(g => (g.ToString(), s.Of(g), map.GetValueOrDefault(g))).ToList();
            if (map.GetValueOrDefault(GasGroup.Other) != 0)
            {
                rows.Add((GasGroup.Other.ToString(), s.Of(GasGroup.Other), map[GasGroup.Other]));
            }
            return MoenvTable.From(rows, subtotal: null);
        }

        var table4 = new (string, string, decimal)[]
        {
            (nameof(EmissionType.Stationary), s.Of(EmissionType.Stationary), totals.ByEmissionType.GetValueOrDefault(EmissionType.Stationary)),
            (nameof(EmissionType.Process), s.Of(EmissionType.Process), totals.ByEmissionType.GetValueOrDefault(EmissionType.Process)),
            (nameof(EmissionType.Mobile), s.Of(EmissionType.Mobile), totals.ByEmissionType.GetValueOrDefault(EmissionType.Mobile)),
            (nameof(EmissionType.Fugitive), s.Of(EmissionType.Fugitive), totals.ByEmissionType.GetValueOrDefault(EmissionType.Fugitive)),
            (nameof(EmissionType.EnergyIndirect), s.Of(EmissionType.EnergyIndirect), totals.ByEmissionType.GetValueOrDefault(EmissionType.EnergyIndirect)),
            (nameof(EmissionType.OtherIndirect), s.Of(EmissionType.OtherIndirect), totals.ByEmissionType.GetValueOrDefault(EmissionType.OtherIndirect)),
        };
        return new MoenvTables(ByGases(totals.ByGasGroup), ByGases(totals.Scope1ByGasGroup),
            MoenvTable.From(table4, subtotal: ("Scope1Subtotal", s[ReportText.Scope1Subtotal], 4)), biogenic);
    }

    private static List<LineRow> BuildLines(InventoryResult result)
    {
        var rows = new List<LineRow>(result.Lines.Count * 3);
        foreach (var l in result.Lines.OrderBy(l => l.Source.Code, StringComparer.Ordinal).ThenBy(l => l.Activity.Period.Start)
            .ThenBy(l => l.Scope2Method).ThenBy(l => l.Instrument?.Reference, StringComparer.Ordinal))
        {
            var first = l.Activity.Period.Start.ToYearMonth();
            var last = l.Activity.Period.End.ToYearMonth();
            var month = first == last ? YearMonthPattern.Iso.Format(first) : $"{YearMonthPattern.Iso.Format(first)}..{YearMonthPattern.Iso.Format(last)}";
            foreach (var g in l.Gases)
            {
                rows.Add(new LineRow(l.Source.Code, l.Source.Name, l.Facility.Code, l.Source.Department, l.Scope, (int)l.Source.IsoCategory,
                    l.Source.Scope3Category is { } c ? (int)c : null, l.Source.EmissionType, l.Scope2Method, l.Instrument?.Reference,
                    l.Activity.Id, Iso(l.Activity.Period.Start), Iso(l.Activity.Period.End), month, l.Activity.Quantity.Value, l.Activity.Quantity.Unit.Code,
                    l.ActivityInFactorUnit, l.Factor.PerUnit.Code, l.Activity.Quality, l.Activity.Evidence, l.Factor.Key, l.Factor.Set.Id,
                    l.Factor.Set.Version, l.Factor.Year ?? l.Factor.Set.Year, l.ConsolidationShare, g.Gas.Code, g.Kilograms, g.Gwp, g.Co2eTonnes,
                    g.Gas.IsBiogenic, !g.Gas.IsBiogenic && l.CountsIn(Scope2Method.LocationBased), !g.Gas.IsBiogenic && l.CountsIn(Scope2Method.MarketBased)));
            }
        }
        return rows;
    }
}

public sealed record ReportHeader(string OrganizationName, string BoundaryDescription, string PreparedBy, string GeneratedAt, string Language,
    string GwpSetId, string GwpSetName, string RoundingRule);

public sealed record BoundarySection(ConsolidationApproach ConsolidationApproach, IReadOnlyList<EntityRow> Entities, IReadOnlyList<FacilityRow> Facilities);

public sealed record EntityRow(string Name, decimal OwnershipPercent, string? ParentName, string? TaxId);

public sealed record FacilityRow(string Code, string Name, string LegalEntity, decimal OwnershipPercent, bool OperationalControl, bool FinancialControl,
    decimal ConsolidationSharePercent, string? Address, bool Included);

public sealed record PeriodSection(string Start, string End, int FactorYear);

public sealed record BaseYearSection(int Year, decimal? EmissionsTonnes, decimal? ChangePercent, RecalculationRow? Recalculation);

public sealed record RecalculationRow(decimal BaseYearTonnes, decimal CumulativeImpactTonnes, decimal CumulativePercent, decimal ThresholdPercent,
    bool RecalculationRequired, string Explanation, IReadOnlyList<StructuralChangeRow> Changes);

public sealed record StructuralChangeRow(string Description, StructuralChangeKind Kind, decimal BaseYearImpactTonnes, int Year);

public sealed record SourceRow(string Code, string Name, string FacilityCode, string FacilityName, SourceType SourceType, string SourceTypeLabel,
    Scope Scope, int IsoCategory, int? Scope3Category, EmissionType EmissionType, string FactorKey, string? Department, string? ExclusionReason);

public sealed record MethodRow(SourceType SourceType, string SourceTypeLabel, string Formula);

public sealed record FactorRow(string Key, string Name, string SetId, string SetName, string Publisher, string Version, int? SetYear, int? FactorYear,
    string Status, string Source, string Region, string Licence, string PerUnit, decimal? UncertaintyPercent, string? HeatingValue,
    IReadOnlyList<FactorGasRow> Gases, IReadOnlyList<string> UsedBySources, string? Note);

/// <summary>One gas of a factor: its value per activity unit, the unit (e.g. kg/L) and the GWP applied to it.</summary>
public sealed record FactorGasRow(string Gas, decimal Value, string Unit, decimal Gwp, string GwpProvenance);

public sealed record GwpSection(string Id, string Name, string Source, IReadOnlyList<GwpRow> Applied);

public sealed record GwpRow(string Gas, GasGroup Group, decimal Gwp, string Provenance);

/// <summary>Totals and every breakdown on one Scope 2 basis.</summary>
public sealed record ResultSet(Scope2Method Basis, decimal TotalTonnes, BreakdownTable ByScope, BreakdownTable ByIsoCategory,
    BreakdownTable ByScope3Category, BreakdownTable ByGas, BreakdownTable ByGasGroup, BreakdownTable ByFacility, BreakdownTable ByDepartment,
    BreakdownTable ByMonth, BreakdownTable ByEmissionType);

/// <summary>A breakdown whose rows partition <see cref="TotalTonnes"/>; shares are of this table's total.</summary>
public sealed record BreakdownTable(IReadOnlyList<BreakdownRow> Rows, decimal TotalTonnes)
{
    internal static BreakdownTable From(IEnumerable<(string Key, string Label, decimal Tonnes)> parts)
    {
        var list = parts.ToList();
        var tonnes = list.Select(p => p.Tonnes).ToList();
        var exact = Shares.Exact(tonnes);
        var display = Shares.LargestRemainder(tonnes);
        return new BreakdownTable(list.Select((p, i) => new BreakdownRow(p.Key, p.Label, p.Tonnes, exact[i], display[i])).ToList(), tonnes.Sum());
    }
}

public sealed record BreakdownRow(string Key, string Label, decimal Tonnes, decimal SharePercent, decimal DisplaySharePercent);

public sealed record Scope2Section(decimal LocationBasedTonnes, decimal MarketBasedTonnes, decimal DifferenceTonnes, decimal ElectricityKwh,
    IReadOnlyList<Scope2FacilityRow> ByFacility, IReadOnlyList<InstrumentRow> Instruments);

public sealed record Scope2FacilityRow(string FacilityCode, string FacilityName, decimal ElectricityKwh, decimal LocationBasedTonnes, decimal MarketBasedTonnes);

public sealed record InstrumentRow(InstrumentType Type, string TypeLabel, string Reference, string? FacilityCode, string PeriodStart, string PeriodEnd,
    decimal EmissionRateKgPerKwh, decimal TotalKwh, decimal AppliedKwh, decimal UnusedKwh);

public sealed record ExclusionRow(string What, string Reason);

public sealed record ProblemRow(string Location, string Message);

public sealed record DataQualitySection(IReadOnlyList<DataQualityRow> ByLevel, decimal QuantifiedTonnes, decimal UnquantifiedTonnes,
    decimal? TotalUncertaintyPercent);

public sealed record DataQualityRow(DataQualityLevel Level, string Label, int Records, decimal Tonnes, decimal SharePercent, decimal DisplaySharePercent,
    decimal DefaultActivityUncertaintyPercent);

/// <summary>MOENV's summary tables on the location-based basis. 彙整表二: the seven gases of the whole inventory;
/// 彙整表三: Scope 1 by the seven gases; 彙整表四: Scope 1 by emission type, a Scope 1 subtotal, then Scope 2
/// (energy indirect) and Scope 3 (other indirect). Biogenic CO2 is shown beside them, outside the totals.</summary>
public sealed record MoenvTables(MoenvTable Table2, MoenvTable Table3, MoenvTable Table4, decimal BiogenicCo2Tonnes);

/// <summary>Rows whose non-subtotal entries add to <see cref="TotalTonnes"/>; display shares add to 100.</summary>
public sealed record MoenvTable(IReadOnlyList<MoenvRow> Rows, decimal TotalTonnes)
{
    /// <summary><paramref name="subtotal"/> inserts a subtotal row after the first <c>Count</c> rows (彙整表四's Scope 1).</summary>
    internal static MoenvTable From(IReadOnlyList<(string Key, string Label, decimal Tonnes)> parts, (string Key, string Label, int Count)? subtotal)
    {
        var tonnes = parts.Select(p => p.Tonnes).ToList();
        var exact = Shares.Exact(tonnes);
        var display = Shares.LargestRemainder(tonnes);
        var rows = new List<MoenvRow>(parts.Count + 1);
        for (var i = 0; i < parts.Count; i++)
        {
            rows.Add(new MoenvRow(parts[i].Key, parts[i].Label, parts[i].Tonnes, exact[i], display[i], false));
            if (subtotal is { } st && i == st.Count - 1)
            {
                rows.Add(new MoenvRow(st.Key, st.Label, tonnes.Take(st.Count).Sum(), exact.Take(st.Count).Sum(), display.Take(st.Count).Sum(), true));
            }
        }
        return new MoenvTable(rows, tonnes.Sum());
    }
}

public sealed record MoenvRow(string Key, string Label, decimal Tonnes, decimal SharePercent, decimal DisplaySharePercent, bool IsSubtotal);

/// <summary>One gas of one emission line, traceable to its activity and factor (the CSV's rows).</summary>
public sealed record LineRow(string SourceCode, string SourceName, string FacilityCode, string? Department, Scope Scope, int IsoCategory,
    int? Scope3Category, EmissionType EmissionType, Scope2Method? Scope2Method, string? InstrumentReference, Guid ActivityId,
    string PeriodStart, string PeriodEnd, string Month, decimal ActivityQuantity, string ActivityUnit, decimal ActivityInFactorUnit, string FactorUnit,
    DataQualityLevel DataQuality, string? Evidence, string FactorKey, string FactorSet, string FactorVersion, int? FactorYear, decimal ConsolidationShare,
    string Gas, decimal GasKilograms, decimal Gwp, decimal Co2eTonnes, bool IsBiogenic, bool CountsInLocationBased, bool CountsInMarketBased);
