namespace CarbonLedger.Common;

/// <summary>Where a problem is: a file, sheet, row and column for imports, or a field path for API input.
/// Rows are 1-based as a spreadsheet shows them.</summary>
public sealed record ProblemLocation(string? File = null, string? Sheet = null, int? Row = null, string? Column = null, string? Field = null)
{
    public override string ToString() => ToString(zhTw: false);

    /// <summary>The location in English or in Traditional Chinese (檔案、工作表、第 n 列、欄、欄位).</summary>
    public string ToString(bool zhTw)
    {
        var parts = new List<string>(5);
        if (File is not null) { parts.Add(File); }
        if (Sheet is not null) { parts.Add(zhTw ? $"工作表「{Sheet}」" : $"sheet '{Sheet}'"); }
        if (Row is not null) { parts.Add(zhTw ? $"第 {Row} 列" : $"row {Row}"); }
        if (Column is not null) { parts.Add(zhTw ? $"欄「{Column}」" : $"column '{Column}'"); }
        if (Field is not null) { parts.Add(zhTw ? $"欄位「{Field}」" : $"field '{Field}'"); }
        return string.Join(zhTw ? "，" : ", ", parts);
    }
}

/// <summary>An expected failure with its location (a bad value in a file, a missing factor). <see cref="Message"/> is
/// English (CLI, logs, API <c>errors</c>); <see cref="MessageZhTw"/> is the same message in Traditional Chinese, shown
/// when the user's language is zh-TW. Every problem the product raises carries both (a source-scan test checks).</summary>
public sealed record Problem(ProblemLocation Location, string Message, string? MessageZhTw = null)
{
    public static Problem AtField(string field, string message, string? messageZhTw = null) => new(new ProblemLocation(Field: field), message, messageZhTw);

    /// <summary>A text longer than its column allows: the one wording of "at most N characters" in both languages.</summary>
    public static Problem TooLong(string field, int max) => AtField(field,
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at most {max} characters"),
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"最多 {max} 個字元"));

    /// <summary>The message in the requested language (English when no zh-TW text was given).</summary>
    public string MessageIn(bool zhTw) => zhTw && MessageZhTw is not null ? MessageZhTw : Message;

    /// <summary>This problem moved under another field (an API wrapping a nested object), both languages kept.</summary>
    public Problem UnderField(string field) => this with { Location = Location with { Field = field } };

    public override string ToString() => ToString(zhTw: false);

    public string ToString(bool zhTw)
    {
        var where = Location.ToString(zhTw);
        var message = MessageIn(zhTw);
        return where.Length == 0 ? message : (zhTw ? $"{where}：{message}" : $"{where}: {message}");
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
