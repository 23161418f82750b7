namespace CarbonLedger.Units;

/// <summary>A unit of measure: its code as users write it, its dimension and its size in the dimension's
/// base unit (kg, L, MJ, km, t·km, p·km, h, person·h, m², item; for money, one unit of
/// <see cref="CurrencyCode"/>). Sizes are exact decimals taken from the definitions cited in
/// <see cref="UnitCatalog"/>.</summary>
public sealed record Unit
{
    public Unit(string code, Dimension dimension, decimal toBase, string? currencyCode = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        if (toBase <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(toBase), toBase, "A unit's size must be positive.");
        }
        if ((dimension == Dimension.Currency) != (currencyCode is not null))
        {
            throw new ArgumentException("Currency units, and only they, carry a currency code.", nameof(currencyCode));
        }
        Code = code;
        Dimension = dimension;
        ToBase = toBase;
        CurrencyCode = currencyCode;
        Name = name ?? code;
    }

    /// <summary>The canonical code (kg, L, kWh, tkm, NTD …).</summary>
    public string Code { get; }

    public Dimension Dimension { get; }

    /// <summary>How many base units one of this unit is.</summary>
    public decimal ToBase { get; }

    /// <summary>ISO 4217 code for money units; null otherwise.</summary>
    public string? CurrencyCode { get; }

    public string Name { get; }

    /// <summary>Whether a quantity in this unit can be converted to <paramref name="other"/> without an extra rule.</summary>
    public bool IsConvertibleTo(Unit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Dimension == other.Dimension && CurrencyCode == other.CurrencyCode;
    }

    /// <summary>The factor f with value_in_other = value_in_this × f.</summary>
    public decimal FactorTo(Unit other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!IsConvertibleTo(other))
        {
            throw new UnitMismatchException(this, other);
        }
        return ReferenceEquals(this, other) || ToBase == other.ToBase ? 1m : ToBase / other.ToBase;
    }

    public override string ToString() => Code;
}

/// <summary>A conversion between units of different dimensions (or currencies) was asked for without
/// the rule that links them.</summary>
public sealed class UnitMismatchException : Exception
{
    public UnitMismatchException(Unit from, Unit to)
        : base(Describe(from, to))
    {
        From = from;
        To = to;
        MessageZhTw = DescribeZhTw(from, to);
    }

    public UnitMismatchException() : base("unit mismatch") { From = UnitCatalog.Kilogram; To = UnitCatalog.Kilogram; }

    public UnitMismatchException(string message) : base(message) { From = UnitCatalog.Kilogram; To = UnitCatalog.Kilogram; }

    public UnitMismatchException(string message, Exception innerException) : base(message, innerException) { From = UnitCatalog.Kilogram; To = UnitCatalog.Kilogram; }

    public Unit From { get; }

    public Unit To { get; }

    /// <summary><see cref="Exception.Message"/> in Traditional Chinese (null when the exception was built from a message).</summary>
    public string? MessageZhTw { get; }

    private static string Describe(Unit from, Unit to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.Dimension == Dimension.Currency && to.Dimension == Dimension.Currency)
        {
            return $"cannot convert {from.Code} to {to.Code}: different currencies need an explicit exchange rate";
        }
        return $"cannot convert {from.Code} ({from.Dimension.ToString().ToLowerInvariant()}) to {to.Code} ({to.Dimension.ToString().ToLowerInvariant()}): the dimensions differ";
    }

    private static string DescribeZhTw(Unit from, Unit to) =>
        from.Dimension == Dimension.Currency && to.Dimension == Dimension.Currency
            ? $"無法將 {from.Code} 換算為 {to.Code}：不同幣別須有明確的匯率"
            : $"無法將 {from.Code}（{ZhTw(from.Dimension)}）換算為 {to.Code}（{ZhTw(to.Dimension)}）：兩者的因次不同";

    private static string ZhTw(Dimension dimension) => dimension switch
    {
        Dimension.Dimensionless => "無因次",
        Dimension.Mass => "質量",
        Dimension.Volume => "體積",
        Dimension.Energy => "能量",
        Dimension.Distance => "距離",
        Dimension.MassDistance => "質量×距離",
        Dimension.PassengerDistance => "人×距離",
        Dimension.Time => "時間",
        Dimension.PersonTime => "人時",
        Dimension.Area => "面積",
        Dimension.Count => "數量",
        _ => "貨幣",
    };
}
