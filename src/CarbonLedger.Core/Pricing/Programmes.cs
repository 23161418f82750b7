using CarbonLedger.Common;
using CarbonLedger.Units;

namespace CarbonLedger.Pricing;

/// <summary>One year of a multi-year programme such as green-power purchases (seed 004 case 2).</summary>
public sealed record ProgrammeYear(int Year, decimal EnergyKwh, decimal GridFactorKgPerKwh, string GridFactorSource, decimal AbatementTonnes,
    Money Value, decimal CumulativeAbatementTonnes, Money CumulativeValue, decimal? Scope2MarketBasedBeforeTonnes, decimal? Scope2MarketBasedAfterTonnes);

/// <summary>A programme over years: abatement = kWh × grid factor of that year; value = abatement × carbon price; and
/// its effect on Scope 2 market-based emissions (renewable electricity with its certificates carries 0 kgCO2e/kWh, so
/// the programme removes kWh × grid factor from a grid-only baseline; GHG Protocol Scope 2 Guidance §6).</summary>
public static class Programme
{
    public static Outcome<IReadOnlyList<ProgrammeYear>> Evaluate(IReadOnlyList<(int Year, Quantity Energy)> purchases, Func<int, GridFactor> gridFactor,
        CarbonPrice price, IReadOnlyDictionary<int, decimal>? scope2MarketBaselineTonnes = null)
    {
        ArgumentNullException.ThrowIfNull(purchases);
        ArgumentNullException.ThrowIfNull(gridFactor);
        var problems = new List<Problem>();
        foreach (var (year, energy) in purchases)
        {
            if (energy.Unit.Dimension != Dimension.Energy) { problems.Add(Problem.AtField($"year {year}", $"'{energy.Unit.Code}' is not an energy unit", $"「{energy.Unit.Code}」不是能量單位")); }
            else if (energy.Value < 0m) { problems.Add(Problem.AtField($"year {year}", "energy cannot be negative", "能源量不可為負值")); }
        }
        if (purchases.Select(p => p.Year).Distinct().Count() != purchases.Count) { problems.Add(Problem.AtField("years", "a year appears twice", "同一年度出現兩次")); }
        if (problems.Count > 0) { return Outcome<IReadOnlyList<ProgrammeYear>>.Failure(problems); }

        var rows = new List<ProgrammeYear>();
        var cumulative = 0m;
        var cumulativeValue = Money.Zero(price.Currency);
        foreach (var (year, energy) in purchases.OrderBy(p => p.Year))
        {
            var kwh = energy.ConvertTo(UnitCatalog.KilowattHour).Value;
            var factor = gridFactor(year);
            var abatement = kwh * factor.KgCo2ePerKwh / 1000m;
            var value = price.ValueOf(abatement);
            cumulative += abatement;
            cumulativeValue += value;
            decimal? before = scope2MarketBaselineTonnes is not null && scope2MarketBaselineTonnes.TryGetValue(year, out var b) ? b : null;
            rows.Add(new ProgrammeYear(year, kwh, factor.KgCo2ePerKwh, factor.Source, abatement, value, cumulative, cumulativeValue,
                before, before is { } x ? Math.Max(0m, x - abatement) : null));
        }
        return Outcome<IReadOnlyList<ProgrammeYear>>.Success(rows);
    }
}

/// <summary>A project's place on the marginal abatement cost curve.</summary>
public sealed record MaccSegment(string Project, decimal AbatementTonnes, Money CostPerTonne, decimal CumulativeStartTonnes, decimal CumulativeEndTonnes);

/// <summary>Marginal abatement cost curve: projects ordered from cheapest to dearest cost per tonne, each a bar as wide
/// as its abatement. A project pays off at an internal price when its cost per tonne is at most that price.</summary>
public sealed record Macc(IReadOnlyList<MaccSegment> Segments)
{
    public static Outcome<Macc> Build(IEnumerable<AppraisalResult> appraisals)
    {
        ArgumentNullException.ThrowIfNull(appraisals);
        var list = appraisals.ToList();
        var problems = new List<Problem>();
        foreach (var a in list.Where(a => a.AbatementCostPerTonne is null))
        {
            problems.Add(Problem.AtField(a.Inputs.Name, "abates nothing, so it has no cost per tonne", "沒有減碳量，因此沒有每噸減碳成本"));
        }
        var currencies = list.Select(a => a.Inputs.Capex.Currency).Distinct().ToList();
        if (currencies.Count > 1) { problems.Add(Problem.AtField("currency", $"projects are in {string.Join(", ", currencies)}: convert to one currency first",
            $"專案的幣別有 {string.Join("、", currencies)}：請先換算為同一幣別")); }
        if (list.Count == 0) { problems.Add(Problem.AtField("projects", "give at least one project", "請至少提供一個專案")); }
        if (problems.Count > 0) { return Outcome<Macc>.Failure(problems); }

        var segments = new List<MaccSegment>();
        var x = 0m;
        foreach (var a in list.OrderBy(a => a.AbatementCostPerTonne!.Value.Amount).ThenBy(a => a.Inputs.Name, StringComparer.Ordinal))
        {
            segments.Add(new MaccSegment(a.Inputs.Name, a.TotalAbatementTonnes, a.AbatementCostPerTonne!.Value, x, x + a.TotalAbatementTonnes));
            x += a.TotalAbatementTonnes;
        }
        return Outcome<Macc>.Success(new Macc(segments));
    }

    /// <summary>The projects whose cost per tonne is at most <paramref name="price"/>, and the abatement they give.</summary>
    public (IReadOnlyList<MaccSegment> Projects, decimal AbatementTonnes) PayingOffAt(CarbonPrice price)
    {
        var paying = Segments.Where(s => s.CostPerTonne <= price.PerTonne).ToList();
        return (paying, paying.Sum(s => s.AbatementTonnes));
    }
}
