using CarbonLedger.Units;

namespace CarbonLedger.Factors;

/// <summary>Who published a group of factors, which version, for where and under what licence.
/// Custom sets hold an organization's own factors (supplier-specific, measured).</summary>
public sealed record FactorSet(
    string Id,
    string Name,
    string Publisher,
    string Version,
    int? Year,
    string Region,
    string Licence,
    string Source,
    bool IsCustom = false)
{
    public override string ToString() => $"{Name} {Version} ({Publisher})";
}

/// <summary>Mass of one gas emitted per one unit of activity, e.g. 2.606 kg CO2 per L of diesel.</summary>
public sealed record GasFactor
{
    public GasFactor(GreenhouseGas gas, decimal value, Unit massUnit)
    {
        ArgumentNullException.ThrowIfNull(gas);
        ArgumentNullException.ThrowIfNull(massUnit);
        if (value < 0)
        {
            throw new Common.DomainException($"factor.{gas.Code}", "an emission factor cannot be negative", "排放係數不可為負值");
        }
        if (massUnit.Dimension != Dimension.Mass)
        {
            throw new Common.DomainException($"factor.{gas.Code}.unit", $"{massUnit.Code} is not a mass unit", $"{massUnit.Code} 不是質量單位");
        }
        Gas = gas;
        Value = value;
        MassUnit = massUnit;
        KilogramsPerUnit = value * massUnit.ToBase;
    }

    public GreenhouseGas Gas { get; }

    public decimal Value { get; }

    public Unit MassUnit { get; }

    /// <summary><see cref="Value"/> in kg of gas per activity unit (precomputed for the hot path).</summary>
    public decimal KilogramsPerUnit { get; }
}

/// <summary>An emission factor: per-gas values per one <see cref="PerUnit"/> of activity, from a versioned
/// <see cref="FactorSet"/>. <see cref="Year"/> is the year the factor applies to (grid factors change yearly),
/// null when it does not depend on the year.</summary>
public sealed record EmissionFactor
{
    public EmissionFactor(
        string key,
        FactorSet set,
        string name,
        Unit perUnit,
        IReadOnlyList<GasFactor> gases,
        int? year = null,
        string? status = null,
        string? source = null,
        decimal? uncertaintyPercent = null,
        HeatingValue? heatingValue = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(perUnit);
        ArgumentNullException.ThrowIfNull(gases);
        if (gases.Count == 0)
        {
            throw new Common.DomainException($"factor {key}", "a factor needs at least one gas", "排放係數至少須有一種溫室氣體");
        }
        if (gases.Select(g => g.Gas.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count() != gases.Count)
        {
            throw new Common.DomainException($"factor {key}", "a gas appears twice", "同一種溫室氣體出現兩次");
        }
        if (uncertaintyPercent is < 0)
        {
            throw new Common.DomainException($"factor {key}.uncertainty", "uncertainty cannot be negative", "不確定性不可為負值");
        }
        Key = key;
        Set = set;
        Name = name;
        PerUnit = perUnit;
        Gases = gases;
        Year = year;
        Status = status ?? "verified";
        Source = source ?? set.Source;
        UncertaintyPercent = uncertaintyPercent;
        HeatingValue = heatingValue;
    }

    /// <summary>Stable key an emission source refers to, e.g. <c>moenv604/stationary/diesel</c>, <c>tw-grid</c>.</summary>
    public string Key { get; }

    public FactorSet Set { get; }

    public string Name { get; }

    public Unit PerUnit { get; }

    public IReadOnlyList<GasFactor> Gases { get; }

    public int? Year { get; }

    /// <summary>verified / SECONDARY / UNVERIFIED / COMPUTED / custom (see shared data SOURCE.md vocabulary).</summary>
    public string Status { get; }

    public string Source { get; }

    /// <summary>Half-width of the 95 % confidence interval, in percent of the value, where the publisher gives one.</summary>
    public decimal? UncertaintyPercent { get; }

    /// <summary>The heating value behind a per-volume or per-mass factor derived from a per-energy default.</summary>
    public HeatingValue? HeatingValue { get; }

    /// <summary>A one-line citation: set, version, year, status.</summary>
    public string Citation => $"{Set.Publisher} {Set.Name} {Set.Version}{(Year is null ? "" : $" ({Year})")}; {Key}; {Status}";
}
