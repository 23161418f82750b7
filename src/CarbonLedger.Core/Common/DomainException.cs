namespace CarbonLedger.Common;

/// <summary>A broken domain invariant (STYLE.md "Errors: three channels"): thrown by constructors and
/// <c>From()</c> factories so an invalid value cannot exist. <see cref="Field"/> names what was wrong.</summary>
public class DomainException : Exception
{
    public DomainException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Reason = message;
    }

    /// <summary>A broken invariant whose reason is given in English and in Traditional Chinese.</summary>
    public DomainException(string field, string message, string messageZhTw)
        : this(field, message)
    {
        ReasonZhTw = messageZhTw;
    }

    public DomainException() : this("value", "invalid value")
    {
    }

    public DomainException(string message) : this("value", message)
    {
    }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
        Field = "value";
        Reason = message;
    }

    /// <summary>The field, parameter or column that holds the bad value.</summary>
    public string Field { get; } = "value";

    /// <summary>Why the value is rejected, without the field name.</summary>
    public string Reason { get; } = "";

    /// <summary><see cref="Reason"/> in Traditional Chinese, when given.</summary>
    public string? ReasonZhTw { get; }

    /// <summary>The reason as a problem at <see cref="Field"/>, both languages kept.</summary>
    public Problem ToProblem() => Problem.AtField(Field, Reason, ReasonZhTw);
}
