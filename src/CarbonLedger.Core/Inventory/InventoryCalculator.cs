using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Units;

namespace CarbonLedger.Inventory;

/// <summary>Calculates an inventory: per activity, gas emissions = activity (converted to the factor's unit) × factor,
/// CO2e = Σ gas × GWP (the inventory's GWP set), times the facility's consolidation share. Scope 2 electricity is
/// calculated twice (GHG Protocol Scope 2 Guidance, dual reporting): location-based with the grid factor, and
/// market-based by the hierarchy of ch. 6.11 — zero-emission instruments (RECs at 1 REC = 1,000 kWh, green-power
/// contracts), then supplier-specific rates, then the residual mix (or, where none is published — Taiwan — the
/// grid factor, with a note). Each instrument's kWh are applied once at most, across all lines.</summary>
public static class InventoryCalculator
{
    public static InventoryResult Calculate(InventoryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var gwp = input.Factors.GetGwpSet(input.GwpSetId);
        var problems = new List<Problem>();
        var exclusions = new List<Exclusion>();
        var notes = new List<string>();
        var boundary = input.Boundary;

        var contexts = new Dictionary<Guid, SourceContext>(input.Sources.Count);
        foreach (var source in input.Sources)
        {
            if (!boundary.TryGetFacility(source.FacilityId, out var facility))
            {
                problems.Add(Problem.AtField($"source {source.Code}", "belongs to a facility outside the organization", "所屬據點不在組織內"));
                continue;
            }
            var share = boundary.ConsolidationShare(facility);
            if (source.IsExcluded)
            {
                exclusions.Add(new Exclusion($"source {source.Code} {source.Name} ({facility.Code})", source.ExclusionReason!));
            }
            else if (share == 0)
            {
                exclusions.Add(new Exclusion($"source {source.Code} {source.Name} ({facility.Code})",
                    $"facility {facility.Code} is outside the boundary under {boundary.Organization.Consolidation}"));
            }
            contexts[source.Id] = new SourceContext(source, facility, share);
        }

        // The per-activity pass runs on every core for large inventories: activities are cut into fixed ranges, each
        // range fills its own lists with its own source caches, and the ranges are joined in order, so the lines, problems
        // and notes come out exactly as a sequential pass would give them. Market-based allocation stays sequential.
        var activities = input.Activities;
        var chunkCount = activities.Count < ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount * 4, (activities.Count + ChunkSize - 1) / ChunkSize);
        var chunks = new Chunk[chunkCount];
        var per = (activities.Count + chunkCount - 1) / Math.Max(chunkCount, 1);
        void Run(int c)
        {
            var chunk = new Chunk(per);
            ProcessRange(input, gwp, contexts, activities, c * per, Math.Min(activities.Count, (c + 1) * per), chunk);
            chunks[c] = chunk;
        }
        if (chunkCount == 1) { Run(0); } else { Parallel.For(0, chunkCount, Run); }

        var lines = new List<EmissionLine>(chunks.Sum(c => c.Lines.Count) + 16);
        var electricity = new List<ElectricityUse>(chunks.Sum(c => c.Electricity.Count));
        foreach (var chunk in chunks)
        {
            lines.AddRange(chunk.Lines);
            problems.AddRange(chunk.Problems);
            electricity.AddRange(chunk.Electricity);
            foreach (var note in chunk.Notes.Where(n => !notes.Contains(n))) { notes.Add(note); }
        }

        var usage = MarketBased(input, gwp, electricity, lines, notes);
        return new InventoryResult(input, gwp, lines, problems, exclusions, usage, notes);
    }

    private const int ParallelThreshold = 50_000;
    private const int ChunkSize = 32_768;

    /// <summary>One range's output and its own copies of the per-source caches (which are not thread-safe).</summary>
    private sealed class Chunk(int capacity)
    {
        private readonly Dictionary<Guid, SourceContext> _contexts = [];
        public List<EmissionLine> Lines { get; } = new(capacity + (capacity / 8));
        public List<Problem> Problems { get; } = [];
        public List<ElectricityUse> Electricity { get; } = [];
        public List<string> Notes { get; } = [];

        public bool TryGetContext(Dictionary<Guid, SourceContext> master, Guid sourceId, out SourceContext context)
        {
            if (_contexts.TryGetValue(sourceId, out context!)) { return true; }
            if (!master.TryGetValue(sourceId, out var m)) { return false; }
            context = m.Copy();
            _contexts[sourceId] = context;
            return true;
        }
    }

    private static void ProcessRange(InventoryInput input, GwpSet gwp, Dictionary<Guid, SourceContext> master, IReadOnlyList<ActivityRecord> activities,
        int from, int to, Chunk chunk)
    {
        for (var index = from; index < to; index++)
        {
            var activity = activities[index];
            if (!chunk.TryGetContext(master, activity.SourceId, out var ctx))
            {
                chunk.Problems.Add(Locate(activity, "sourceId", $"unknown emission source {activity.SourceId}", $"未知的排放源 {activity.SourceId}"));
                continue;
            }
            if (ctx.Source.IsExcluded || ctx.Share == 0) { continue; }
            if (!input.Period.Contains(activity.Period))
            {
                chunk.Problems.Add(Locate(activity, "period", $"{activity.Period.Start:yyyy-MM-dd}..{activity.Period.End:yyyy-MM-dd} lies outside the reporting period {input.Period}",
                    $"{activity.Period.Start:yyyy-MM-dd}..{activity.Period.End:yyyy-MM-dd} 不在報告期間 {input.Period} 內"));
                continue;
            }
            var entry = ctx.Entry(input.Factors, activity.Period.End.Year);
            var resolved = entry.Resolution;
            if (!resolved.Succeeded)
            {
                chunk.Problems.Add(Locate(activity, "factorKey", $"source {ctx.Source.Code}: {resolved.Problems[0].Message}",
                    $"排放源 {ctx.Source.Code}：{resolved.Problems[0].MessageIn(zhTw: true)}"));
                continue;
            }
            var (factor, note) = (resolved.Value.Factor, resolved.Value.Note);
            var unit = activity.Quantity.Unit;
            if (!entry.TryConversion(unit, out var conversion))
            {
                var mismatch = new UnitMismatchException(unit, factor.PerUnit);
                chunk.Problems.Add(Locate(activity, "unit",
                    $"source {ctx.Source.Code}: {mismatch.Message} (factor {factor.Key} is per {factor.PerUnit.Code})",
                    $"排放源 {ctx.Source.Code}：{mismatch.MessageZhTw}（排放係數 {factor.Key} 的單位為每 {factor.PerUnit.Code}）"));
                continue;
            }
            // Same unit: no multiply by 1 (decimal multiplication is the hot path's main cost; × 1 changes nothing).
            var amount = conversion is null ? activity.Quantity.Value : activity.Quantity.Value * conversion.Value;
            GasAmount[] gases;
            try
            {
                gases = ctx.Gases(entry, gwp, amount);
            }
            catch (DomainException ex)
            {
                chunk.Problems.Add(Locate(activity, "gwp", $"source {ctx.Source.Code}: {ex.Reason}", $"排放源 {ctx.Source.Code}：{ex.ReasonZhTw ?? ex.Reason}"));
                continue;
            }
            var isElectricity = ctx.Source.Type == SourceType.PurchasedElectricity;
            chunk.Lines.Add(new EmissionLine(activity, entry.Basis!, amount, gases, ctx.Source.Scope == Scope.Scope2 ? Scope2Method.LocationBased : null));
            if (note is not null && !chunk.Notes.Contains(note)) { chunk.Notes.Add(note); }
            if (isElectricity)
            {
                // In kWh already and the factor per kWh: the market-based line of the uncovered part, if that is all of it,
                // has exactly these gases (same factor, same amount), so it shares the array instead of computing it again.
                var inKwh = ReferenceEquals(unit, UnitCatalog.KilowattHour);
                chunk.Electricity.Add(new ElectricityUse(activity, ctx, inKwh ? activity.Quantity.Value : activity.Quantity.ConvertTo(UnitCatalog.KilowattHour).Value,
                    inKwh && conversion is null ? gases : null));
            }
            else if (ctx.Source.Scope == Scope.Scope2)
            {
                // Steam/heat: no instruments modelled, so the market-based figure equals the supplier's factor.
                chunk.Lines.Add(new EmissionLine(activity, entry.Basis!, amount, gases, Scope2Method.MarketBased));
            }
        }

    }

    private static Problem Locate(ActivityRecord a, string field, string message, string messageZhTw) =>
        new(new ProblemLocation(Field: $"activity {a.Id}{(a.Evidence is null ? "" : $" ({a.Evidence})")}.{field}"), message, messageZhTw);

    private static List<InstrumentUsage> MarketBased(InventoryInput input, GwpSet gwp,
        List<ElectricityUse> electricity, List<EmissionLine> lines, List<string> notes)
    {
        var remaining = input.Instruments.ToDictionary(i => i.Id, i => i.KilowattHours);
        // Facility-specific instruments before organization-wide ones; zero-emission before supplier-specific (ch. 6.11);
        // earlier coverage first; a stable order so the allocation is reproducible.
        var ordered = input.Instruments
            .OrderBy(i => i.Type == InstrumentType.SupplierSpecific ? 1 : 0)
            .ThenBy(i => i.FacilityId is null ? 1 : 0)
            .ThenBy(i => i.Period.Start)
            .ThenBy(i => i.Reference, StringComparer.Ordinal)
            .ToList();
        if (input.Instruments.Count > 0 || electricity.Count > 0)
        {
            notes.Add(input.ResidualMix is null
                ? "market-based Scope 2: no residual-mix factor is published for Taiwan; electricity not covered by an instrument uses the grid average factor (Scope 2 Guidance 6.11.2)"
                : $"market-based Scope 2: uncovered electricity uses the residual mix {input.ResidualMix.RateKgPerKwh} kgCO2e/kWh ({input.ResidualMix.Source})");
        }
        // By period start, facility code (ordinal), activity id; ties keep their input order (as a stable sort would).
        var sorted = new (ElectricityUse Use, int Index)[electricity.Count];
        for (var i = 0; i < sorted.Length; i++) { sorted[i] = (electricity[i], i); }
        Array.Sort(sorted, static (a, b) =>
        {
            var c = a.Use.Activity.Period.Start.CompareTo(b.Use.Activity.Period.Start);
            if (c == 0) { c = string.CompareOrdinal(a.Use.Context.Facility.Code, b.Use.Context.Facility.Code); }
            if (c == 0) { c = a.Use.Activity.Id.CompareTo(b.Use.Activity.Id); }
            return c != 0 ? c : a.Index.CompareTo(b.Index);
        });
        foreach (var ((activity, ctx, kwh, locationGases), _) in sorted)
        {
            var left = kwh;
            var covered = false;
            foreach (var instrument in ordered)
            {
                if (left <= 0) { break; }
                if (instrument.FacilityId is { } f && f != ctx.Facility.Id) { continue; }
                if (!Overlaps(instrument.Period, activity.Period)) { continue; }
                var available = remaining[instrument.Id];
                if (available <= 0) { continue; }
                var take = Math.Min(available, left);
                remaining[instrument.Id] = available - take;
                left -= take;
                covered = true;
                lines.Add(InstrumentLine(activity, ctx, gwp, take, instrument.EmissionRateKgPerKwh, InstrumentFactor(instrument), instrument));
            }
            if (left > 0)
            {
                if (input.ResidualMix is { } mix)
                {
                    lines.Add(InstrumentLine(activity, ctx, gwp, left, mix.RateKgPerKwh, ResidualFactor(mix), null));
                }
                else
                {
                    var grid = ctx.Entry(input.Factors, activity.Period.End.Year);
                    _ = grid.Resolution.Value; // succeeded for the location-based line
                    var amount = left;
                    var gases = locationGases is not null && !covered ? locationGases : ctx.Gases(grid, gwp, amount);
                    lines.Add(new EmissionLine(activity, grid.Basis!, amount, gases, Scope2Method.MarketBased));
                }
            }
        }
        return input.Instruments.Select(i => new InstrumentUsage(i, i.KilowattHours - remaining[i.Id], remaining[i.Id])).ToList();
    }

    /// <summary>An electricity activity awaiting the market-based allocation; <see cref="LocationGases"/> is set when the
    /// location-based line's gases may be reused for an uncovered remainder equal to the whole activity.</summary>
    private readonly record struct ElectricityUse(ActivityRecord Activity, SourceContext Context, decimal Kwh, GasAmount[]? LocationGases);

    private static bool Overlaps(NodaTime.DateInterval a, NodaTime.DateInterval b) => a.Start <= b.End && b.Start <= a.End;

    private static EmissionLine InstrumentLine(ActivityRecord activity, SourceContext ctx, GwpSet gwp, decimal kwh, decimal rate, EmissionFactor factor, ContractualInstrument? instrument)
    {
        var kg = kwh * rate * ctx.Share;
        var gas = new GasAmount(GreenhouseGas.CO2e, kg, 1m, Math.Round(kg / 1000m, EmissionLine.TonneDecimals));
        return new EmissionLine(activity, ctx.Source, ctx.Facility, ctx.Share, factor, null, kwh, [gas], Scope2Method.MarketBased, instrument);
    }

    private static readonly FactorSet InstrumentSet = new("scope2-instruments", "Contractual instruments", "organization", "per instrument", null, "TW", "n/a",
        "GHG Protocol Scope 2 Guidance (2015) ch. 6.11 and 7");

    private static EmissionFactor InstrumentFactor(ContractualInstrument i) => new($"instrument/{i.Type}/{i.Reference}", InstrumentSet,
        $"{i.Type} {i.Reference}", UnitCatalog.KilowattHour, [new GasFactor(GreenhouseGas.CO2e, i.EmissionRateKgPerKwh, UnitCatalog.Kilogram)], status: "contractual");

    private static EmissionFactor ResidualFactor(ResidualMix mix) => new("residual-mix", InstrumentSet, "Residual mix", UnitCatalog.KilowattHour,
        [new GasFactor(GreenhouseGas.CO2e, mix.RateKgPerKwh, UnitCatalog.Kilogram)], status: "residual mix", source: mix.Source);

    /// <summary>Per-source caches for the hot path: per year, the resolved factor, the line basis shared by its lines, the
    /// GWP per gas and the last unit conversion.</summary>
    private sealed class SourceContext(EmissionSource source, Facility facility, decimal share)
    {
        private readonly Dictionary<int, YearEntry> _years = [];
        private YearEntry? _last;

        public EmissionSource Source { get; } = source;
        public Facility Facility { get; } = facility;
        public decimal Share { get; } = share;

        /// <summary>A fresh copy with empty caches, for one worker.</summary>
        public SourceContext Copy() => new(Source, Facility, Share);

        public YearEntry Entry(FactorLibrary library, int year)
        {
            if (_last is { } last && last.Year == year) { return last; }
            if (!_years.TryGetValue(year, out var e))
            {
                var r = library.Resolve(Source.FactorKey, year);
                e = new YearEntry(year, r, r.Succeeded ? new LineBasis(Source, Facility, Share, r.Value.Factor, r.Value.Note, null) : null);
                _years[year] = e;
            }
            _last = e;
            return e;
        }

        public GasAmount[] Gases(YearEntry entry, GwpSet gwp, decimal amount)
        {
            var factor = entry.Basis!.Factor;
            if (!ReferenceEquals(entry.GwpSet, gwp))
            {
                var count = factor.Gases.Count;
                var gases = new GreenhouseGas[count];
                var perUnit = new decimal[count];
                var gwps = new decimal[count];
                for (var i = 0; i < count; i++)
                {
                    var g = factor.Gases[i];
                    gases[i] = g.Gas;
                    perUnit[i] = g.KilogramsPerUnit;
                    gwps[i] = gwp.Get(g.Gas).Value; // throws DomainException when the set lacks the gas: reported per activity
                }
                (entry.GasList, entry.KilogramsPerUnit, entry.Gwps, entry.GwpSet) = (gases, perUnit, gwps, gwp);
            }
            var list = entry.GasList;
            var kgPerUnit = entry.KilogramsPerUnit;
            var gwpValues = entry.Gwps;
            var result = new GasAmount[list.Length];
            for (var i = 0; i < result.Length; i++)
            {
                var gwpValue = gwpValues[i];
                // Multiplications by exactly 1 (control approaches, CO2 and CO2e) are skipped: x × 1m is x, same value and scale.
                var kg = Share == 1m ? amount * kgPerUnit[i] : amount * kgPerUnit[i] * Share;
                var co2eKg = gwpValue == 1m ? kg : kg * gwpValue;
                result[i] = new GasAmount(list[i], kg, gwpValue, Math.Round(co2eKg / 1000m, EmissionLine.TonneDecimals));
            }
            return result;
        }
    }

    /// <summary>One source's factor for one year and what the hot path derives from it once.</summary>
    private sealed class YearEntry(int year, Outcome<FactorResolution> resolution, LineBasis? basis)
    {
        private Unit? _unit;
        private decimal? _conversion;

        public int Year { get; } = year;
        public Outcome<FactorResolution> Resolution { get; } = resolution;
        /// <summary>Set when the factor resolved.</summary>
        public LineBasis? Basis { get; } = basis;
        public GwpSet? GwpSet { get; set; }
        public GreenhouseGas[] GasList { get; set; } = [];
        public decimal[] KilogramsPerUnit { get; set; } = [];
        public decimal[] Gwps { get; set; } = [];

        /// <summary>The factor from <paramref name="unit"/> to the factor's unit, null when they are the same unit object;
        /// false when the dimensions differ.</summary>
        public bool TryConversion(Unit unit, out decimal? conversion)
        {
            var perUnit = Basis!.Factor.PerUnit;
            if (ReferenceEquals(unit, perUnit))
            {
                conversion = null;
                return true;
            }
            if (!ReferenceEquals(unit, _unit))
            {
                if (!unit.IsConvertibleTo(perUnit))
                {
                    conversion = null;
                    return false;
                }
                _conversion = unit.FactorTo(perUnit);
                _unit = unit;
            }
            conversion = _conversion;
            return true;
        }
    }
}
