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
                problems.Add(Problem.AtField($"source {source.Code}", "belongs to a facility outside the organization"));
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
        var electricity = new List<(ActivityRecord Activity, SourceContext Context, decimal Kwh)>();
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
        public List<(ActivityRecord Activity, SourceContext Context, decimal Kwh)> Electricity { get; } = [];
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
                chunk.Problems.Add(Locate(activity, "sourceId", $"unknown emission source {activity.SourceId}"));
                continue;
            }
            if (ctx.Source.IsExcluded || ctx.Share == 0) { continue; }
            if (!input.Period.Contains(activity.Period))
            {
                chunk.Problems.Add(Locate(activity, "period", $"{activity.Period.Start:yyyy-MM-dd}..{activity.Period.End:yyyy-MM-dd} lies outside the reporting period {input.Period}"));
                continue;
            }
            var resolved = ctx.Factor(input.Factors, activity.Period.End.Year);
            if (!resolved.Succeeded)
            {
                chunk.Problems.Add(Locate(activity, "factorKey", $"source {ctx.Source.Code}: {resolved.Problems[0].Message}"));
                continue;
            }
            var (factor, note) = (resolved.Value.Factor, resolved.Value.Note);
            if (!activity.Quantity.Unit.IsConvertibleTo(factor.PerUnit))
            {
                chunk.Problems.Add(Locate(activity, "unit",
                    $"source {ctx.Source.Code}: {new UnitMismatchException(activity.Quantity.Unit, factor.PerUnit).Message} (factor {factor.Key} is per {factor.PerUnit.Code})"));
                continue;
            }
            // Same unit: no multiply by 1 (decimal multiplication is the hot path's main cost; × 1 changes nothing).
            var amount = ReferenceEquals(activity.Quantity.Unit, factor.PerUnit)
                ? activity.Quantity.Value
                : activity.Quantity.Value * activity.Quantity.Unit.FactorTo(factor.PerUnit);
            GasAmount[] gases;
            try
            {
                gases = ctx.Gases(factor, gwp, amount);
            }
            catch (DomainException ex)
            {
                chunk.Problems.Add(Locate(activity, "gwp", $"source {ctx.Source.Code}: {ex.Reason}"));
                continue;
            }
            var isElectricity = ctx.Source.Type == SourceType.PurchasedElectricity;
            chunk.Lines.Add(new EmissionLine(activity, ctx.Source, ctx.Facility, ctx.Share, factor, note, amount, gases,
                ctx.Source.Scope == Scope.Scope2 ? Scope2Method.LocationBased : null, null));
            if (note is not null && !chunk.Notes.Contains(note)) { chunk.Notes.Add(note); }
            if (isElectricity)
            {
                chunk.Electricity.Add((activity, ctx, activity.Quantity.ConvertTo(UnitCatalog.KilowattHour).Value));
            }
            else if (ctx.Source.Scope == Scope.Scope2)
            {
                // Steam/heat: no instruments modelled, so the market-based figure equals the supplier's factor.
                chunk.Lines.Add(new EmissionLine(activity, ctx.Source, ctx.Facility, ctx.Share, factor, note, amount, gases, Scope2Method.MarketBased, null));
            }
        }

    }

    private static Problem Locate(ActivityRecord a, string field, string message) =>
        new(new ProblemLocation(Field: $"activity {a.Id}{(a.Evidence is null ? "" : $" ({a.Evidence})")}.{field}"), message);

    private static List<InstrumentUsage> MarketBased(InventoryInput input, GwpSet gwp,
        List<(ActivityRecord Activity, SourceContext Context, decimal Kwh)> electricity, List<EmissionLine> lines, List<string> notes)
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
        foreach (var (activity, ctx, kwh) in electricity.OrderBy(e => e.Activity.Period.Start).ThenBy(e => e.Context.Facility.Code, StringComparer.Ordinal).ThenBy(e => e.Activity.Id))
        {
            var left = kwh;
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
                    var grid = ctx.Factor(input.Factors, activity.Period.End.Year).Value;
                    var amount = left;
                    lines.Add(new EmissionLine(activity, ctx.Source, ctx.Facility, ctx.Share, grid.Factor, grid.Note,
                        amount, ctx.Gases(grid.Factor, gwp, amount), Scope2Method.MarketBased, null));
                }
            }
        }
        return input.Instruments.Select(i => new InstrumentUsage(i, i.KilowattHours - remaining[i.Id], remaining[i.Id])).ToList();
    }

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

    /// <summary>Per-source caches for the hot path: the resolved factor per year and the GWP per gas.</summary>
    private sealed class SourceContext(EmissionSource source, Facility facility, decimal share)
    {
        private readonly Dictionary<int, Outcome<FactorResolution>> _factors = [];
        private GwpSet? _gwpSet;
        private EmissionFactor? _gwpFactor;
        private decimal[] _gwps = [];

        public EmissionSource Source { get; } = source;
        public Facility Facility { get; } = facility;
        public decimal Share { get; } = share;

        /// <summary>A fresh copy with empty caches, for one worker.</summary>
        public SourceContext Copy() => new(Source, Facility, Share);

        public Outcome<FactorResolution> Factor(FactorLibrary library, int year)
        {
            if (!_factors.TryGetValue(year, out var r))
            {
                r = library.Resolve(Source.FactorKey, year);
                _factors[year] = r;
            }
            return r;
        }

        public GasAmount[] Gases(EmissionFactor factor, GwpSet gwp, decimal amount)
        {
            if (!ReferenceEquals(_gwpFactor, factor) || !ReferenceEquals(_gwpSet, gwp))
            {
                _gwps = factor.Gases.Select(g => gwp.Get(g.Gas).Value).ToArray();
                _gwpFactor = factor;
                _gwpSet = gwp;
            }
            var result = new GasAmount[factor.Gases.Count];
            for (var i = 0; i < result.Length; i++)
            {
                var g = factor.Gases[i];
                var gwpValue = _gwps[i];
                // Multiplications by exactly 1 (control approaches, CO2 and CO2e) are skipped: x × 1m is x, same value and scale.
                var kg = Share == 1m ? amount * g.KilogramsPerUnit : amount * g.KilogramsPerUnit * Share;
                var co2eKg = gwpValue == 1m ? kg : kg * gwpValue;
                result[i] = new GasAmount(g.Gas, kg, gwpValue, Math.Round(co2eKg / 1000m, EmissionLine.TonneDecimals));
            }
            return result;
        }
    }
}
