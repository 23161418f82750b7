using System.Collections.Frozen;

namespace CarbonLedger.Factors;

/// <summary>A component of a refrigerant blend by mass fraction (0-1).</summary>
public sealed record BlendComponent(string GasCode, decimal MassFraction);

/// <summary>A refrigerant blend whose GWP is the mass-weighted sum of its components' GWPs
/// (IPCC 2006 GL Vol. 3 Ch. 7 Table 7.8 compositions, as MOENV's table 6.0.4 cites them).</summary>
public sealed record RefrigerantBlend
{
    public RefrigerantBlend(string code, IReadOnlyList<BlendComponent> components, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentNullException.ThrowIfNull(components);
        if (components.Count < 2)
        {
            throw new Common.DomainException($"blend {code}", "a blend needs at least two components", "混合冷媒至少須有兩種成分");
        }
        var sum = components.Sum(c => c.MassFraction);
        if (components.Any(c => c.MassFraction <= 0) || Math.Abs(sum - 1m) > 0.0005m)
        {
            throw new Common.DomainException($"blend {code}", $"mass fractions must be positive and sum to 1 (they sum to {sum})", $"各成分的質量分率須為正數且總和為 1（目前總和為 {sum}）");
        }
        Code = code;
        Components = components;
        Source = source;
    }

    public string Code { get; }

    public IReadOnlyList<BlendComponent> Components { get; }

    public string Source { get; }
}

/// <summary>One GWP value with where it came from (a published value, or computed from a blend).</summary>
public readonly record struct GwpValue(decimal Value, string Provenance);

/// <summary>A set of 100-year global warming potentials (AR4, AR5, AR6 …) chosen per inventory.
/// Blends are resolved from their components, so a blend's GWP always follows the set's single-gas values.</summary>
public sealed class GwpSet
{
    private readonly FrozenDictionary<string, decimal> _values;
    private readonly FrozenDictionary<string, RefrigerantBlend> _blends;

    public GwpSet(string id, string name, string source, IReadOnlyDictionary<string, decimal> values, IEnumerable<RefrigerantBlend> blends)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(blends);
        Id = id;
        Name = name;
        Source = source;
        _values = values.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _blends = blends.ToFrozenDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>AR4, AR5, AR6 (or SAR, TAR for history).</summary>
    public string Id { get; }

    public string Name { get; }

    public string Source { get; }

    public IReadOnlyDictionary<string, decimal> SingleGasValues => _values;

    public IEnumerable<RefrigerantBlend> Blends => _blends.Values;

    /// <summary>The GWP of <paramref name="gas"/>: published single-gas value, or Σ mass fraction × component GWP for a
    /// blend. CO2e-denominated factors have GWP 1 by definition. Fails when a value is missing from the set.</summary>
    public bool TryGet(GreenhouseGas gas, out GwpValue value)
    {
        ArgumentNullException.ThrowIfNull(gas);
        if (ReferenceEquals(gas, GreenhouseGas.CO2e) || ReferenceEquals(gas, GreenhouseGas.BiogenicCO2))
        {
            value = new GwpValue(1m, "CO2 reference gas");
            return true;
        }
        if (_values.TryGetValue(gas.Code, out var v))
        {
            value = new GwpValue(v, $"{Id}: {Source}");
            return true;
        }
        if (_blends.TryGetValue(gas.Code, out var blend))
        {
            decimal sum = 0;
            foreach (var c in blend.Components)
            {
                if (!_values.TryGetValue(GreenhouseGas.Normalize(c.GasCode), out var cv))
                {
                    value = default;
                    return false;
                }
                sum += c.MassFraction * cv;
            }
            value = new GwpValue(sum, $"{Id}: computed from components of {blend.Code} ({string.Join("/", blend.Components.Select(c => $"{c.GasCode} {c.MassFraction:P1}"))}); {blend.Source}");
            return true;
        }
        value = default;
        return false;
    }

    public GwpValue Get(GreenhouseGas gas)
    {
        if (TryGet(gas, out var value))
        {
            return value;
        }
        throw new Common.DomainException("gwp", $"GWP set {Id} has no value for {gas.Code}", $"全球暖化潛勢（GWP）版本 {Id} 沒有 {gas.Code} 的數值");
    }

    public override string ToString() => Id;
}
