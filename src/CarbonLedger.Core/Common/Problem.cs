namespace CarbonLedger.Common;

/// <summary>Where a problem is: a file, sheet, row and column for imports, or a field path for API input.
/// Rows are 1-based as a spreadsheet shows them.</summary>
public sealed record ProblemLocation(string? File = null, string? Sheet = null, int? Row = null, string? Column = null, string? Field = null)
{
    public override string ToString()
    {
        var parts = new List<string>(5);
        if (File is not null) { parts.Add(File); }
        if (Sheet is not null) { parts.Add($"sheet '{Sheet}'"); }
        if (Row is not null) { parts.Add($"row {Row}"); }
        if (Column is not null) { parts.Add($"column '{Column}'"); }
        if (Field is not null) { parts.Add($"field '{Field}'"); }
        return string.Join(", ", parts);
    }
}

/// <summary>An expected failure with its location (a bad value in a file, a missing factor).</summary>
public sealed record Problem(ProblemLocation Location, string Message)
{
    public static Problem AtField(string field, string message) => new(new ProblemLocation(Field: field), message);

    public override string ToString()
    {
        var where = Location.ToString();
        return where.Length == 0 ? Message : $"{where}: {Message}";
    }
}

/// <summary>The outcome of an operation that can fail in expected ways: either a value or every problem
/// found, all in one pass (after NodaTime's ParseResult and ardalis' Result).</summary>
public sealed class Outcome<T>
{
    private readonly T? _value;

    private Outcome(T? value, IReadOnlyList<Problem> problems)
    {
        _value = value;
        Problems = problems;
    }

    public IReadOnlyList<Problem> Problems { get; }

    public bool Succeeded => Problems.Count == 0;

    public T Value => Succeeded
        ? _value!
        : throw new InvalidOperationException("The outcome failed: " + string.Join("; ", Problems.Take(5)));

    public static Outcome<T> Success(T value) => new(value, []);

    public static Outcome<T> Failure(IReadOnlyList<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (problems.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one problem.", nameof(problems));
        }
        return new Outcome<T>(default, problems);
    }

    public static Outcome<T> Failure(Problem problem) => Failure([problem]);
}
