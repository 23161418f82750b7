using System.Globalization;

namespace CarbonLedger.Units;

/// <summary>An amount with its unit. Arithmetic only where the units make sense: adding converts the right
/// operand into the left's unit and fails across dimensions; a dimension change needs an explicit rule
/// (<see cref="HeatingValue"/>, an emission factor). Decimal, so reported tonnes do not drift.</summary>
public readonly record struct Quantity(decimal Value, Unit Unit)
{
    public Dimension Dimension => Unit.Dimension;

    /// <summary>The same amount in <paramref name="target"/>; throws <see cref="UnitMismatchException"/> naming
    /// both units when the dimensions (or currencies) differ.</summary>
    public Quantity ConvertTo(Unit target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (ReferenceEquals(Unit, target))
        {
            return this;
        }
        return new Quantity(Value * Unit.FactorTo(target), target);
    }

    public static Quantity operator +(Quantity left, Quantity right) => new(left.Value + right.ConvertTo(left.Unit).Value, left.Unit);

    public static Quantity operator -(Quantity left, Quantity right) => new(left.Value - right.ConvertTo(left.Unit).Value, left.Unit);

    public static Quantity operator *(Quantity quantity, decimal scalar) => new(quantity.Value * scalar, quantity.Unit);

    public static Quantity operator *(decimal scalar, Quantity quantity) => quantity * scalar;

    public Quantity Add(Quantity other) => this + other;

    public Quantity Subtract(Quantity other) => this - other;

    public Quantity Multiply(decimal scalar) => this * scalar;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:#,0.######} {Unit.Code}");
}

/// <summary>Energy content per unit of fuel (e.g. MOENV: diesel 8,400 kcal/L, Taiwan Energy Statistics Handbook).
/// The explicit rule that turns a volume or mass into energy.</summary>
public sealed record HeatingValue
{
    public HeatingValue(decimal value, Unit energyUnit, Unit perUnit, HeatingValueBasis basis = HeatingValueBasis.Net)
    {
        ArgumentNullException.ThrowIfNull(energyUnit);
        ArgumentNullException.ThrowIfNull(perUnit);
        if (value <= 0)
        {
            throw new Common.DomainException("heatingValue", "a heating value must be positive", "熱值必須為正數");
        }
        if (energyUnit.Dimension != Dimension.Energy)
        {
            throw new Common.DomainException("heatingValue.energyUnit", $"{energyUnit.Code} is not an energy unit", $"{energyUnit.Code} 不是能量單位");
        }
        if (perUnit.Dimension is not (Dimension.Mass or Dimension.Volume))
        {
            throw new Common.DomainException("heatingValue.perUnit", $"{perUnit.Code} is not a mass or volume unit", $"{perUnit.Code} 不是質量或體積單位");
        }
        Value = value;
        EnergyUnit = energyUnit;
        PerUnit = perUnit;
        Basis = basis;
    }

    public decimal Value { get; }

    public Unit EnergyUnit { get; }

    public Unit PerUnit { get; }

    public HeatingValueBasis Basis { get; }

    /// <summary>Energy in <see cref="EnergyUnit"/> of <paramref name="fuel"/> (converted to <see cref="PerUnit"/> first).</summary>
    public Quantity ToEnergy(Quantity fuel) => new(fuel.ConvertTo(PerUnit).Value * Value, EnergyUnit);

    /// <summary>The amount of fuel, in <see cref="PerUnit"/>, that holds <paramref name="energy"/>.</summary>
    public Quantity ToFuel(Quantity energy) => new(energy.ConvertTo(EnergyUnit).Value / Value, PerUnit);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value} {EnergyUnit.Code}/{PerUnit.Code} ({Basis})");
}

/// <summary>Net (lower) or gross (higher) calorific value. IPCC 2006 defaults are net; MOENV uses Taiwan's
/// Energy Statistics Handbook values.</summary>
public enum HeatingValueBasis
{
    Net,
    Gross,
}
