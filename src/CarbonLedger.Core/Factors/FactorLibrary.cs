using CarbonLedger.Common;
using CarbonLedger.Units;

namespace CarbonLedger.Factors;

/// <summary>How a factor was found for an activity year.</summary>
public sealed record FactorResolution(EmissionFactor Factor, string? Note);

/// <summary>The factors and GWP sets an inventory may use: the shipped reference data plus an organization's
/// custom factors. Lookup is by key and activity year: an exact year wins; a year-specific factor not yet
/// published for the year falls back to the latest earlier year, with a note saying so (Taiwan's grid factor
/// is announced the following year; practice is to use the latest announced one).</summary>
public sealed class FactorLibrary
{
    private readonly Dictionary<string, List<EmissionFactor>> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, GwpSet> _gwpSets = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, RefrigerantLeakRate> _leakRates = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<EmissionFactor> Factors => _byKey.Values.SelectMany(v => v);

    public IEnumerable<GwpSet> GwpSets => _gwpSets.Values;

    public IEnumerable<RefrigerantLeakRate> LeakRates => _leakRates.Values;

    public IEnumerable<FactorSet> Sets => Factors.Select(f => f.Set).Distinct();

    public void Add(EmissionFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        if (!_byKey.TryGetValue(factor.Key, out var list))
        {
            list = [];
            _byKey[factor.Key] = list;
        }
        if (list.Any(f => f.Year == factor.Year))
        {
            var year = factor.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            throw new DomainException($"factor {factor.Key}", $"a factor for year {year ?? "(any)"} already exists",
                year is null ? "不分年度的排放係數已存在" : $"{year} 年度的排放係數已存在");
        }
        list.Add(factor);
        list.Sort((a, b) => (a.Year ?? int.MinValue).CompareTo(b.Year ?? int.MinValue));
    }

    /// <summary>Adds or replaces (same key and year) a factor: for an organization's custom factors.</summary>
    public void Upsert(EmissionFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        if (_byKey.TryGetValue(factor.Key, out var list))
        {
            list.RemoveAll(f => f.Year == factor.Year);
        }
        Add(factor);
    }

    public void Add(GwpSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        _gwpSets[set.Id] = set;
    }

    public void Add(RefrigerantLeakRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        _leakRates[rate.Code] = rate;
    }

    public bool TryGetGwpSet(string id, out GwpSet set) => _gwpSets.TryGetValue(id, out set!);

    public GwpSet GetGwpSet(string id)
    {
        if (TryGetGwpSet(id, out var set)) { return set; }
        var known = _gwpSets.Keys.Order(StringComparer.Ordinal).ToList();
        throw new DomainException("gwpSet", $"unknown GWP set '{id}' (known: {string.Join(", ", known)})",
            $"未知的全球暖化潛勢（GWP）版本「{id}」（可用：{string.Join("、", known)}）");
    }

    public IReadOnlyList<EmissionFactor> Versions(string key) =>
        _byKey.TryGetValue(key, out var list) ? list : [];

    /// <summary>Finds the factor <paramref name="key"/> for <paramref name="year"/>. Synthesised keys:
    /// <c>gas/{code}</c> (1 kg of the gas per kg released — refrigerant top-ups, extinguisher refills, SF6 top-ups)
    /// and <c>leak/{equipment}/{low|high}/{gas}</c> (IPCC 2006 Vol. 3 Table 7.9 annual leak rate × charge).</summary>
    public Outcome<FactorResolution> Resolve(string key, int year)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        if (_byKey.TryGetValue(key, out var list) && list.Count > 0)
        {
            var exact = list.FirstOrDefault(f => f.Year == year) ?? list.FirstOrDefault(f => f.Year is null);
            if (exact is not null)
            {
                return Outcome<FactorResolution>.Success(new FactorResolution(exact, null));
            }
            var earlier = list.LastOrDefault(f => f.Year < year);
            if (earlier is not null)
            {
                return Outcome<FactorResolution>.Success(new FactorResolution(earlier,
                    $"no {year} value for {key}; used the latest earlier one ({earlier.Year})"));
            }
            return Outcome<FactorResolution>.Failure(Problem.AtField("factorKey",
                $"factor '{key}' has no value for {year} or any earlier year (first: {list[0].Year})",
                $"排放係數「{key}」沒有 {year} 年度或更早年度的數值（最早為 {list[0].Year} 年度）"));
        }
        if (key.StartsWith("gas/", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<FactorResolution>.Success(new FactorResolution(DirectGas(key[4..]), null));
        }
        if (key.StartsWith("leak/", StringComparison.OrdinalIgnoreCase))
        {
            return ResolveLeak(key);
        }
        return Outcome<FactorResolution>.Failure(Problem.AtField("factorKey", $"unknown emission factor '{key}'", $"未知的排放係數「{key}」"));
    }

    private static readonly FactorSet MassBalanceSet = new("mass-balance", "Direct release (mass balance)", "GHG Protocol", "2004", null, "global", "n/a",
        "GHG Protocol Corporate Standard; MOENV inventory guidance: refilled or topped-up mass = mass released");

    private static EmissionFactor DirectGas(string gasCode)
    {
        var gas = GreenhouseGas.FromCode(gasCode);
        return new EmissionFactor($"gas/{gas.Code}", MassBalanceSet, $"{gas.Code} released (refill / top-up mass)", UnitCatalog.Kilogram,
            [new GasFactor(gas, 1m, UnitCatalog.Kilogram)], status: "by definition");
    }

    private Outcome<FactorResolution> ResolveLeak(string key)
    {
        var parts = key.Split('/');
        if (parts.Length != 4 || !_leakRates.TryGetValue(parts[1], out var rate) || parts[2] is not ("low" or "high"))
        {
            var known = _leakRates.Keys.Order(StringComparer.Ordinal).ToList();
            return Outcome<FactorResolution>.Failure(Problem.AtField("factorKey",
                $"'{key}' is not leak/{{equipment}}/{{low|high}}/{{gas}} with a known equipment type ({string.Join(", ", known)})",
                $"「{key}」不是 leak/{{設備}}/{{low|high}}/{{氣體}} 格式，或設備類型不在已知清單（{string.Join("、", known)}）中"));
        }
        var gas = GreenhouseGas.FromCode(parts[3]);
        var pct = parts[2] == "low" ? rate.AnnualLeakPercentLow : rate.AnnualLeakPercentHigh;
        var set = new FactorSet("ipcc2006-table7.9", "Refrigerant leak rates", "IPCC / MOENV", "2006 GL Vol.3 Ch.7 Table 7.9 via MOENV 6.0.4(修) sheet 8", null, "global", "public", rate.Source);
        var factor = new EmissionFactor(key, set, $"{rate.NameEn} ({rate.NameZh}) {parts[2]} leak rate {pct}%/yr of charge, {gas.Code}",
            UnitCatalog.Kilogram, [new GasFactor(gas, pct / 100m, UnitCatalog.Kilogram)], status: "verified",
            source: rate.Source);
        return Outcome<FactorResolution>.Success(new FactorResolution(factor, "activity is the equipment's charge (kg) for a full year"));
    }
}

/// <summary>IPCC 2006 Vol. 3 Table 7.9 annual leak-rate range for one equipment type (MOENV 6.0.4 sheet 8).</summary>
public sealed record RefrigerantLeakRate(string Code, string NameZh, string NameEn, decimal AnnualLeakPercentLow, decimal AnnualLeakPercentHigh, decimal? RecoveryPercent, string Source);
