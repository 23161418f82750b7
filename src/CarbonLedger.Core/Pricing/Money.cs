using System.Globalization;
using CarbonLedger.Common;

namespace CarbonLedger.Pricing;

/// <summary>An ISO 4217 currency. NTD is written TWD by ISO; both spellings are accepted and shown as the user wrote
/// the organization's default. No conversion between currencies exists without an explicit rate.</summary>
public sealed record Currency
{
    private Currency(string code) => Code = code;

    public string Code { get; }

    public static readonly Currency Twd = new("TWD");
    public static readonly Currency Usd = new("USD");
    public static readonly Currency Eur = new("EUR");

    public static Currency Of(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var c = code.Trim().ToUpperInvariant();
        if (c == "NTD") { return Twd; }
        if (c.Length != 3 || !c.All(char.IsAsciiLetterUpper))
        {
            throw new DomainException("currency", $"'{code}' is not an ISO 4217 currency code (e.g. TWD, USD, EUR)",
                $"「{code}」不是 ISO 4217 幣別代碼（例如 TWD、USD、EUR）");
        }
        return c switch { "TWD" => Twd, "USD" => Usd, "EUR" => Eur, _ => new Currency(c) };
    }

    public override string ToString() => Code;
}

/// <summary>An amount of money in one currency (decimal: money is never a double). Adding or comparing two amounts of
/// different currencies throws naming both.</summary>
public readonly record struct Money(decimal Amount, Currency Currency) : IComparable<Money>
{
    public static Money Twd(decimal amount) => new(amount, Pricing.Currency.Twd);

    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + Same(a, b).Amount, a.Currency);

    public static Money operator -(Money a, Money b) => new(a.Amount - Same(a, b).Amount, a.Currency);

    public static Money operator -(Money a) => new(-a.Amount, a.Currency);

    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor, a.Currency);

    public static Money operator *(decimal factor, Money a) => a * factor;

    public static Money operator /(Money a, decimal divisor) => new(a.Amount / divisor, a.Currency);

    public static bool operator <(Money a, Money b) => a.CompareTo(b) < 0;

    public static bool operator >(Money a, Money b) => a.CompareTo(b) > 0;

    public static bool operator <=(Money a, Money b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Money a, Money b) => a.CompareTo(b) >= 0;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(decimal factor) => this * factor;

    public Money Divide(decimal divisor) => this / divisor;

    public Money Negate() => -this;

    public Money Round(int decimals = 0) => new(Math.Round(Amount, decimals, MidpointRounding.AwayFromZero), Currency);

    public int CompareTo(Money other) => Amount.CompareTo(Same(this, other).Amount);

    private static Money Same(Money a, Money b)
    {
        ArgumentNullException.ThrowIfNull(a.Currency);
        ArgumentNullException.ThrowIfNull(b.Currency);
        if (a.Currency != b.Currency)
        {
            throw new DomainException("currency", $"cannot combine {a.Currency} and {b.Currency} without an exchange rate",
                $"沒有匯率，無法合併 {a.Currency} 與 {b.Currency}");
        }
        return b;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Currency} {Amount:#,0.##}");
}

/// <summary>A price per tonne of CO2e.</summary>
public readonly record struct CarbonPrice(Money PerTonne)
{
    public static CarbonPrice Twd(decimal perTonne) => new(Money.Twd(perTonne));

    public Currency Currency => PerTonne.Currency;

    /// <summary>The value of <paramref name="tonnes"/> of CO2e at this price.</summary>
    public Money ValueOf(decimal tonnes) => PerTonne * tonnes;

    public override string ToString() => $"{PerTonne}/tCO2e";
}
