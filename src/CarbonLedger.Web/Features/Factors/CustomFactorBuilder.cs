using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Units;

namespace CarbonLedger.Web.Features.Factors;

/// <summary>Checks a custom factor request field by field (every bad field in one pass) and builds the factor: the one
/// rule set behind <c>POST …/factors</c> and the factors page's form.</summary>
public static class CustomFactorBuilder
{
    // Column widths of custom_factors (Data/Configurations: CustomFactorConfiguration).
    private const int KeyMax = 200;
    private const int NameMax = 300;
    private const int SetNameMax = 200;
    private const int PublisherMax = 200;
    private const int VersionMax = 50;
    private const int SourceMax = 1000;

    /// <param name="defaultVersion">The set version when the request names none ("api", "ui").</param>
    public static Outcome<EmissionFactor> Build(Guid orgId, CustomFactorRequest request, string defaultVersion)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.Key)) { problems.Add(Problem.AtField("key", "is required", "為必填")); }
        else if (request.Key.StartsWith("gas/", StringComparison.OrdinalIgnoreCase) || request.Key.StartsWith("leak/", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(Problem.AtField("key", "gas/… and leak/… are reserved for synthesised factors", "gas/… 與 leak/… 保留給系統合成的排放係數"));
        }
        else if (request.Key.Trim().Length > KeyMax) { problems.Add(Problem.TooLong("key", KeyMax)); }
        if (string.IsNullOrWhiteSpace(request.Name)) { problems.Add(Problem.AtField("name", "is required", "為必填")); }
        else if (request.Name.Length > NameMax) { problems.Add(Problem.TooLong("name", NameMax)); }
        if (string.IsNullOrWhiteSpace(request.Source)) { problems.Add(Problem.AtField("source", "is required (who published or measured it)", "為必填（由誰公告或量測）")); }
        else if (request.Source.Length > SourceMax) { problems.Add(Problem.TooLong("source", SourceMax)); }
        if (request.Year is < 1990 or > 2100) { problems.Add(Problem.AtField("year", "is not a plausible year", "不是合理的年份")); }
        if (request.UncertaintyPercent < 0) { problems.Add(Problem.AtField("uncertaintyPercent", "cannot be negative", "不可為負數")); }
        var setName = Text(request.SetName, "Organization factors", "setName", SetNameMax, problems);
        var publisher = Text(request.Publisher, "organization", "publisher", PublisherMax, problems);
        var version = Text(request.Version, defaultVersion, "version", VersionMax, problems);
        Unit? perUnit = null;
        if (string.IsNullOrWhiteSpace(request.PerUnit)) { problems.Add(Problem.AtField("perUnit", "is required", "為必填")); }
        else if (!UnitCatalog.TryParse(request.PerUnit, out var u)) { problems.Add(Problem.AtField("perUnit", $"unknown unit '{request.PerUnit}'", $"無法辨識的單位「{request.PerUnit}」")); }
        else { perUnit = u; }
        var gases = new List<GasFactor>();
        if (request.Gases is not { Count: > 0 })
        {
            problems.Add(Problem.AtField("gases", "at least one gas is required", "至少需要一種溫室氣體"));
        }
        else
        {
            for (var i = 0; i < request.Gases.Count; i++)
            {
                var g = request.Gases[i];
                var field = $"gases[{i}]";
                var ok = true;
                if (string.IsNullOrWhiteSpace(g.Gas)) { problems.Add(Problem.AtField($"{field}.gas", "is required", "為必填")); ok = false; }
                if (g.Value is null) { problems.Add(Problem.AtField($"{field}.value", "is required", "為必填")); ok = false; }
                if (!UnitCatalog.TryParse(g.MassUnit ?? "kg", out var mass)) { problems.Add(Problem.AtField($"{field}.massUnit", $"unknown unit '{g.MassUnit}'", $"無法辨識的單位「{g.MassUnit}」")); ok = false; }
                if (!ok) { continue; }
                try
                {
                    gases.Add(new GasFactor(GreenhouseGas.FromCode(g.Gas!), g.Value!.Value, mass));
                }
                catch (DomainException ex)
                {
                    problems.Add(ex.ToProblem().UnderField($"{field}.{ex.Field}"));
                }
            }
        }
        if (problems.Count > 0)
        {
            return Outcome<EmissionFactor>.Failure(problems);
        }
        try
        {
            var set = new FactorSet($"custom/{orgId:N}", setName, publisher, version, null, "custom", "organization's own", request.Source!, IsCustom: true);
            return Outcome<EmissionFactor>.Success(
                new EmissionFactor(request.Key!.Trim(), set, request.Name!, perUnit!, gases, request.Year, "custom", request.Source, request.UncertaintyPercent));
        }
        catch (DomainException ex)
        {
            return Outcome<EmissionFactor>.Failure(ex.ToProblem());
        }
    }

    private static string Text(string? value, string fallback, string field, int max, List<Problem> problems)
    {
        var text = string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
        if (text.Length > max) { problems.Add(Problem.TooLong(field, max)); }
        return text;
    }
}
