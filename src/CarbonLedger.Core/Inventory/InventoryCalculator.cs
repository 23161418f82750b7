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

        var lines = new List<EmissionLine>(input.Activities.Count + (input.Activities.Count / 8));
        var electricity = new List<(ActivityRecord Activity, SourceContext Context, decimal Kwh)>();
        foreach (var activity in input.Activities)
        {
            if (!contexts.TryGetValue(activity.SourceId, out var ctx))
            {
                problems.Add(Locate(activity, "sourceId", $"unknown emission source {activity.SourceId}"));
                continue;
            }
            if (ctx.Source.IsExcluded || ctx.Share == 0) { continue; }
            if (!input.Period.Contains(activity.Period))
            {
                problems.Add(Locate(activity, "period", $"{activity.Period.Start:yyyy-MM-dd}..{activity.Period.End:yyyy-MM-dd} lies outside the reporting period {input.Period}"));
                continue;
            }
            var resolved = ctx.Factor(input.Factors, activity.Period.End.Year);
            if (!resolved.Succeeded)
            {
                problems.Add(Locate(activity, "factorKey", $"source {ctx.Source.Code}: {resolved.Problems[0].Message}"));
                continue;
            }
            var (factor, note) = (resolved.Value.Factor, resolved.Value.Note);
            if (!activity.Quantity.Unit.IsConvertibleTo(factor.PerUnit))
            {
                problems.Add(Locate(activity, "unit",
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
                problems.Add(Locate(activity, "gwp", $"source {ctx.Source.Code}: {ex.Reason}"));
                continue;
            }
            var isElectricity = ctx.Source.Type == SourceType.PurchasedElectricity;
            lines.Add(new EmissionLine(activity, ctx.Source, ctx.Facility, ctx.Share, factor, note, amount, gases,
                ctx.Source.Scope == Scope.Scope2 ? Scope2Method.LocationBased : null, null));
            if (note is not null && !notes.Contains(note)) { notes.Add(note); }
            if (isElectricity)
            {
                electricity.Add((activity, ctx, activity.Quantity.ConvertTo(UnitCatalog.KilowattHour).Value));
            }
            else if (ctx.Source.Scope == Scope.Scope2)
            {
                // Steam/heat: no instruments modelled, so the market-based figure equals the supplier's factor.
                lines.Add(new EmissionLine(activity, ctx.Source, ctx.Facility, ctx.Share, factor, note, amount, gases, Scope2Method.MarketBased, null));
            }
        }

        var usage = MarketBased(input, gwp, electricity, lines, notes);
        return new InventoryResult(input, gwp, lines, problems, exclusions, usage, notes);
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
