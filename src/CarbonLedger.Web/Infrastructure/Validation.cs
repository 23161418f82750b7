using CarbonLedger.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>Turns Core's problems into an RFC 9457 validation problem listing every invalid field.</summary>
public static class Validation
{
    public static ValidationProblem Invalid(IReadOnlyList<Problem> problems, string title)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return TypedResults.ValidationProblem(
            problems.GroupBy(p => p.Location.Field ?? p.Location.ToString(), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray(), StringComparer.Ordinal),
            title: title);
    }
}
