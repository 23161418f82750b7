using System.Runtime.InteropServices;
using CarbonLedger.Common;
using CarbonLedger.Factors;
using NodaTime;

namespace CarbonLedger.Inventory;

/// <summary>Everything a calculation needs. <see cref="GwpSetId"/> is chosen per inventory (AR4/AR5/AR6).</summary>
public sealed record InventoryInput(
    OrganizationalBoundary Boundary,
    ReportingPeriod Period,
    string GwpSetId,
    IReadOnlyList<EmissionSource> Sources,
    IReadOnlyList<ActivityRecord> Activities,
    IReadOnlyList<ContractualInstrument> Instruments,
    FactorLibrary Factors,
    ResidualMix? ResidualMix = null);

/// <summary>One gas of one line: kg of gas (after the consolidation share), the GWP used and the tCO2e.</summary>
public readonly record struct GasAmount(GreenhouseGas Gas, decimal Kilograms, decimal Gwp, decimal Co2eTonnes);

/// <summary>The emissions of one activity record (or, for market-based Scope 2, of the part of it one instrument
/// covers), traceable to the activity, the factor (set, version, year, source) and the GWP set.</summary>
public sealed class EmissionLine
{
    /// <summary>tCO2e amounts are kept to 12 decimals (1 µg). Decimal addition is exact only while a sum fits in 28
    /// significant digits; unrounded products (amount × factor × share × GWP) reach 28 digits, and sums of them taken in
    /// a different order (by scope, by month …) then differ in the last digit. At a fixed scale every breakdown sums
    /// exactly to the total for totals below 10^16 t (found by BreakdownPropertyTests).</summary>
    public const int TonneDecimals = 12;

    internal EmissionLine(ActivityRecord activity, EmissionSource source, Facility facility, decimal consolidationShare,
        EmissionFactor factor, string? factorNote, decimal activityInFactorUnit, GasAmount[] gases, Scope2Method? scope2Method,
        ContractualInstrument? instrument)
        : this(activity, new LineBasis(source, facility, consolidationShare, factor, factorNote, instrument), activityInFactorUnit, gases, scope2Method)
    {
    }

    /// <summary>The hot path's constructor: <paramref name="basis"/> is shared by every line of one source and factor, so a
    /// line carries one reference instead of five references and a decimal.</summary>
    internal EmissionLine(ActivityRecord activity, LineBasis basis, decimal activityInFactorUnit, GasAmount[] gases, Scope2Method? scope2Method)
    {
        Activity = activity;
        _basis = basis;
        ActivityInFactorUnit = activityInFactorUnit;
        _gases = gases;
        Scope2Method = scope2Method;
    }

    private readonly LineBasis _basis;
    private readonly GasAmount[] _gases;

    public ActivityRecord Activity { get; }
    public EmissionSource Source => _basis.Source;
    public Facility Facility => _basis.Facility;
    /// <summary>Fraction of the facility's emissions consolidated (1 under control approaches).</summary>
    public decimal ConsolidationShare => _basis.Share;
    public EmissionFactor Factor => _basis.Factor;
    /// <summary>Set when the factor was not an exact match (e.g. the latest earlier year's grid factor).</summary>
    public string? FactorNote => _basis.Note;
    /// <summary>The activity converted into the factor's unit (before the consolidation share), e.g. kWh.</summary>
    public decimal ActivityInFactorUnit { get; }
    public IReadOnlyList<GasAmount> Gases => _gases;
    /// <summary>The gases without the interface (no enumerator per line when summing).</summary>
    internal GasAmount[] GasArray => _gases;
    /// <summary>Null for every line except Scope 2, which appears once per method (dual reporting).</summary>
    public Scope2Method? Scope2Method { get; }
    /// <summary>The contractual instrument a market-based line used, if any.</summary>
    public ContractualInstrument? Instrument => _basis.Instrument;
    /// <summary>tCO2e in the scopes (biogenic CO2 excluded), summed from the gases in their order when asked (one to three
    /// additions; not stored, which keeps a million lines 19 MB smaller).</summary>
    public decimal Co2eTonnes
    {
        get
        {
            decimal total = 0;
            foreach (var g in _gases)
            {
                if (!g.Gas.IsBiogenic) { total += g.Co2eTonnes; }
            }
            return total;
        }
    }
    /// <summary>Biogenic CO2 in tonnes, reported outside the scopes (summed from the gases when asked, like
    /// <see cref="Co2eTonnes"/>).</summary>
    public decimal BiogenicCo2Tonnes
    {
        get
        {
            decimal biogenic = 0;
            foreach (var g in _gases)
            {
                if (g.Gas.IsBiogenic) { biogenic += g.Co2eTonnes; }
            }
            return biogenic;
        }
    }
    public Scope Scope => Source.Scope;

    /// <summary>Whether this line counts in totals computed on <paramref name="basis"/>.</summary>
    public bool CountsIn(Scope2Method basis) => Scope2Method is null || Scope2Method == basis;
}

/// <summary>What the lines of one source share for one factor: the source, its facility and consolidation share, the factor
/// and its note, and (market-based lines) the instrument.</summary>
internal sealed class LineBasis(EmissionSource source, Facility facility, decimal share, EmissionFactor factor, string? note, ContractualInstrument? instrument)
{
    public EmissionSource Source { get; } = source;
    public Facility Facility { get; } = facility;
    public decimal Share { get; } = share;
    public EmissionFactor Factor { get; } = factor;
    public string? Note { get; } = note;
    public ContractualInstrument? Instrument { get; } = instrument;
}

/// <summary>A source or facility left out of the quantified inventory, with why.</summary>
public sealed record Exclusion(string What, string Reason);

/// <summary>How much of an instrument was applied, and how much was left (never applied twice).</summary>
public sealed record InstrumentUsage(ContractualInstrument Instrument, decimal AppliedKwh, decimal UnusedKwh);

/// <summary>The calculated inventory. Breakdowns come from <see cref="Totals"/> on a Scope 2 basis; every breakdown
/// sums exactly to the total because each is a partition of the same decimal line values.</summary>
public sealed class InventoryResult
{
    private readonly Dictionary<Scope2Method, InventoryTotals> _totals = [];

    internal InventoryResult(InventoryInput input, GwpSet gwpSet, IReadOnlyList<EmissionLine> lines, IReadOnlyList<Problem> problems,
        IReadOnlyList<Exclusion> exclusions, IReadOnlyList<InstrumentUsage> instruments, IReadOnlyList<string> notes)
    {
        Input = input;
        GwpSet = gwpSet;
        Lines = lines;
        Problems = problems;
        Exclusions = exclusions;
        Instruments = instruments;
        Notes = notes;
    }

    public InventoryInput Input { get; }
    public GwpSet GwpSet { get; }
    public IReadOnlyList<EmissionLine> Lines { get; }
    /// <summary>Activities that could not be calculated, each with where and why. A complete inventory has none.</summary>
    public IReadOnlyList<Problem> Problems { get; }
    public IReadOnlyList<Exclusion> Exclusions { get; }
    public IReadOnlyList<InstrumentUsage> Instruments { get; }
    /// <summary>Methodological notes a verifier needs (fallback factors, no residual mix …).</summary>
    public IReadOnlyList<string> Notes { get; }
    public bool IsComplete => Problems.Count == 0;

    /// <summary>Totals and breakdowns with Scope 2 on <paramref name="basis"/> (location-based is MOENV's and the default).</summary>
    public InventoryTotals Totals(Scope2Method basis = Scope2Method.LocationBased)
    {
        lock (_totals)
        {
            if (!_totals.TryGetValue(basis, out var t))
            {
                t = InventoryTotals.From(Lines, basis);
                _totals[basis] = t;
            }
            return t;
        }
    }

    public decimal Scope2(Scope2Method method) => Totals(method).ByScope.GetValueOrDefault(Scope.Scope2);

    public decimal BiogenicCo2Tonnes => Lines.Where(l => l.CountsIn(Scope2Method.LocationBased)).Sum(l => l.BiogenicCo2Tonnes);

    public DataQualitySummary DataQuality => DataQualitySummary.From(Lines.Where(l => l.CountsIn(Scope2Method.LocationBased)).ToList());
}

/// <summary>An inventory's total and every breakdown the reports show, computed once from the lines.</summary>
public sealed class InventoryTotals
{
    private InventoryTotals(Scope2Method basis) => Basis = basis;

    public Scope2Method Basis { get; }
    public decimal Total { get; private set; }
    public IReadOnlyDictionary<Scope, decimal> ByScope { get; private set; } = new Dictionary<Scope, decimal>();
    public IReadOnlyDictionary<IsoCategory, decimal> ByIsoCategory { get; private set; } = new Dictionary<IsoCategory, decimal>();
    public IReadOnlyDictionary<Scope3Category, decimal> ByScope3Category { get; private set; } = new Dictionary<Scope3Category, decimal>();
    public IReadOnlyDictionary<EmissionType, decimal> ByEmissionType { get; private set; } = new Dictionary<EmissionType, decimal>();
    public IReadOnlyDictionary<GasGroup, decimal> ByGasGroup { get; private set; } = new Dictionary<GasGroup, decimal>();
    /// <summary>Scope 1 only, by gas group (MOENV 彙整表三).</summary>
    public IReadOnlyDictionary<GasGroup, decimal> Scope1ByGasGroup { get; private set; } = new Dictionary<GasGroup, decimal>();
    public IReadOnlyDictionary<string, decimal> ByGas { get; private set; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, decimal> ByFacility { get; private set; } = new Dictionary<string, decimal>();
    /// <summary>By department; sources without one are under "(none)".</summary>
    public IReadOnlyDictionary<string, decimal> ByDepartment { get; private set; } = new Dictionary<string, decimal>();
    public IReadOnlyDictionary<string, decimal> BySource { get; private set; } = new Dictionary<string, decimal>();
    /// <summary>By calendar month; an activity spanning months is split by days, the last month taking the remainder.</summary>
    public IReadOnlyDictionary<YearMonth, decimal> ByMonth { get; private set; } = new Dictionary<YearMonth, decimal>();

    public const string NoDepartment = "(none)";

    /// <summary>Totals over the lines that count in <paramref name="basis"/>.</summary>
    internal static InventoryTotals From(IReadOnlyList<EmissionLine> lines, Scope2Method basis)
    {
        var t = new InventoryTotals(basis);
        var scope = new Dictionary<Scope, decimal>();
        var iso = new Dictionary<IsoCategory, decimal>();
        var s3 = new Dictionary<Scope3Category, decimal>();
        var type = new Dictionary<EmissionType, decimal>();
        var group = new Dictionary<GasGroup, decimal>();
        var s1group = new Dictionary<GasGroup, decimal>();
        var gas = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var facility = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var dept = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var source = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var month = new Dictionary<YearMonth, decimal>();
        // Lines are first summed per (source, facility) and per gas, then rolled up into every breakdown: one hash lookup
        // per line instead of ten. Tonnes are at a fixed scale (EmissionLine.TonneDecimals), so every sum is exact and the
        // roll-up gives the same decimals as adding line by line.
        // Keyed by reference: a source object always carries the same facility within one calculation, and record
        // equality would hash every field of the source on every line.
        var perSource = new Dictionary<EmissionSource, (Facility Facility, decimal Tonnes)>(ReferenceEqualityComparer.Instance);
        var perGas = new Dictionary<GreenhouseGas, (decimal All, decimal Scope1, bool InScope1)>(ReferenceEqualityComparer.Instance);
        decimal total = 0;
        var count = lines.Count;
        for (var index = 0; index < count; index++)
        {
            var l = lines[index];
            if (!l.CountsIn(basis)) { continue; }
            var src = l.Source;
            var isScope1 = src.Scope == Scope.Scope1;
            decimal v = 0; // the line's Co2eTonnes, summed here with the gases' breakdown in one pass (same order, same sum)
            foreach (var g in l.GasArray)
            {
                if (g.Gas.IsBiogenic) { continue; }
                v += g.Co2eTonnes;
                ref var gasBucket = ref CollectionsMarshal.GetValueRefOrAddDefault(perGas, g.Gas, out _);
                gasBucket.All += g.Co2eTonnes;
                if (isScope1)
                {
                    gasBucket.Scope1 += g.Co2eTonnes;
                    gasBucket.InScope1 = true;
                }
            }
            total += v;
            ref var bucket = ref CollectionsMarshal.GetValueRefOrAddDefault(perSource, src, out _);
            bucket.Facility = l.Facility;
            bucket.Tonnes += v;
            SplitByMonth(month, l.Activity.Period, v);
        }
        foreach (var (src, (fac, v)) in perSource)
        {
            Add(scope, src.Scope, v);
            Add(iso, src.IsoCategory, v);
            if (src.Scope3Category is { } c) { Add(s3, c, v); }
            Add(type, src.EmissionType, v);
            Add(facility, fac.Code, v);
            Add(dept, src.Department ?? NoDepartment, v);
            Add(source, src.Code, v);
        }
        foreach (var (g, (all, scope1, inScope1)) in perGas)
        {
            Add(group, g.Group, all);
            Add(gas, g.Code, all);
            if (inScope1) { Add(s1group, g.Group, scope1); }
        }
        t.Total = total;
        t.ByScope = scope;
        t.ByIsoCategory = iso;
        t.ByScope3Category = s3;
        t.ByEmissionType = type;
        t.ByGasGroup = group;
        t.Scope1ByGasGroup = s1group;
        t.ByGas = gas;
        t.ByFacility = facility;
        t.ByDepartment = dept;
        t.BySource = source;
        t.ByMonth = month;
        return t;
    }

    private static void Add<TKey>(Dictionary<TKey, decimal> map, TKey key, decimal value) where TKey : notnull =>
        CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _) += value; // one lookup; a new key starts at 0m as before

    internal static void SplitByMonth(Dictionary<YearMonth, decimal> map, DateInterval period, decimal value)
    {
        var first = period.Start.ToYearMonth();
        var last = period.End.ToYearMonth();
        if (first == last)
        {
            Add(map, first, value);
            return;
        }
        decimal days = period.Length;
        decimal assigned = 0;
        for (var ym = first; ; ym = ym.OnDayOfMonth(1).PlusMonths(1).ToYearMonth())
        {
            if (ym == last)
            {
                Add(map, ym, value - assigned);
                return;
            }
            var start = ym == first ? period.Start : ym.OnDayOfMonth(1);
            var end = ym.OnDayOfMonth(ym.ToDateInterval().Length);
            var part = Math.Round(value * ((Period.DaysBetween(start, end) + 1) / days), EmissionLine.TonneDecimals);
            assigned += part;
            Add(map, ym, part);
        }
    }
}
