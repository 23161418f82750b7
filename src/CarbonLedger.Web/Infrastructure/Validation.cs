using CarbonLedger.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>Turns Core's problems into an RFC 9457 validation problem listing every invalid field: <c>errors</c> in
/// English (what clients match), and the extension member <c>errorsZhTw</c> with the same keys and the messages in
/// Traditional Chinese (English where a problem has no zh-TW text).</summary>
public static class Validation
{
    /// <summary>The extension member holding the zh-TW messages.</summary>
    public const string ErrorsZhTw = "errorsZhTw";

    public static ValidationProblem Invalid(IReadOnlyList<Problem> problems, string title)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return TypedResults.ValidationProblem(Errors(problems, zhTw: false), title: title,
            extensions: new Dictionary<string, object?> { [ErrorsZhTw] = Errors(problems, zhTw: true) });
    }

    /// <summary>The messages by field (or by location, for a problem without a field) in one language.</summary>
    public static Dictionary<string, string[]> Errors(IReadOnlyList<Problem> problems, bool zhTw)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.GroupBy(p => p.Location.Field ?? p.Location.ToString(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.MessageIn(zhTw)).ToArray(), StringComparer.Ordinal);
    }
}
