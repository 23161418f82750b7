using System.Globalization;
using CarbonLedger.Common;
using CarbonLedger.Inventory;

namespace CarbonLedger.Planning;

/// <summary>One year's inventory figures for a target (decimal tCO2e of the covered scopes, from the inventory).
/// <see cref="Emissions"/> is what the target counts (Scope 2 on the target's basis — market-based includes the effect
/// of RECs); <see cref="RecTonnes"/> is how much RECs lowered it (0 on a location basis); <see cref="OffsetTonnes"/> are
/// carbon credits retired for the year, which never lower emissions (GHG Protocol; seed 003 四(二)2(4): stated
/// separately). <see cref="DenominatorAmount"/> is required for intensity targets.</summary>
public sealed record YearActual(int Year, decimal Emissions, decimal RecTonnes = 0m, int RecCertificates = 0, decimal OffsetTonnes = 0m, decimal? DenominatorAmount = null);

/// <summary>Actual against pathway for one year. Values are in the target's unit (tCO2e or intensity).
/// <see cref="ReductionFromOperations"/> compares like with like, both before RECs: (base-year value + the base year's
/// own REC effect, when the base year is among the actuals) − <see cref="ActualBeforeRecs"/>; RECs and offsets are shown
/// beside it, never inside it.</summary>
public sealed record ProgressRow(int Year, decimal? Pathway, decimal Actual, decimal ActualBeforeRecs, decimal RecEffect, int RecCertificates,
    decimal Offsets, decimal NetAfterOffsets, decimal ReductionFromOperations, decimal? Gap, bool? OnTrack);

/// <summary>The reduction still needed from the latest actual year to the target: in value units per year (linear),
/// in points of the base-year value per year, and as a compound yearly rate (relative to the previous year).</summary>
public sealed record RequiredReduction(int FromYear, decimal FromValue, int TargetYear, decimal TargetValue, decimal PerYear, decimal PointsOfBasePerYear,
    decimal CompoundRate, bool AlreadyMet);

public sealed record TargetProgress(GhgTarget Target, IReadOnlyList<TargetPathwayPoint> Pathway, IReadOnlyList<ProgressRow> Rows, RequiredReduction? Required);

/// <summary>Actual vs pathway per year and the annual reduction now needed (SPEC §4 "Progress").</summary>
public static class TargetTracker
{
    public static Outcome<TargetProgress> Evaluate(GhgTarget target, IReadOnlyList<YearActual> actuals)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(actuals);
        var problems = new List<Problem>();
        var seen = new HashSet<int>();
        for (var i = 0; i < actuals.Count; i++)
        {
            var a = actuals[i];
            var field = Inv($"actuals[{i}]");
            if (!seen.Add(a.Year)) { problems.Add(Problem.AtField(field, Inv($"year {a.Year} appears twice"), Inv($"年份 {a.Year} 重複"))); }
            if (a.Year < target.BaseYear)
            {
                problems.Add(Problem.AtField(field, Inv($"year {a.Year} is before the base year {target.BaseYear}"), Inv($"年份 {a.Year} 早於基準年 {target.BaseYear}")));
            }
            if (a.Emissions < 0m || a.RecTonnes < 0m || a.OffsetTonnes < 0m || a.RecCertificates < 0)
            {
                problems.Add(Problem.AtField(field, "emissions, RECs and offsets cannot be negative", "排放量、再生能源憑證與抵換量不可為負"));
            }
            if (target.Kind == TargetKind.Intensity && a.DenominatorAmount is not > 0m)
            {
                problems.Add(Problem.AtField(field + ".denominatorAmount", Inv($"an intensity target needs {target.Denominator!.Name} ({target.Denominator.Unit}) for {a.Year}, positive"),
                    Inv($"強度目標需要 {a.Year} 年之{target.Denominator!.Name}（{target.Denominator.Unit}），且須大於零")));
            }
        }
        if (problems.Count > 0) { return Outcome<TargetProgress>.Failure(problems); }

        var pathway = TargetPathways.Build(target);
        // A market-based base value is already lowered by the base year's RECs: add them back so the operational
        // reduction compares the before-RECs figures of both years.
        var baseYearActual = actuals.FirstOrDefault(a => a.Year == target.BaseYear);
        var baseBeforeRecs = target.BaseValue + (baseYearActual is null ? 0m
            : baseYearActual.RecTonnes / (target.Kind == TargetKind.Intensity ? baseYearActual.DenominatorAmount!.Value : 1m));
        var rows = new List<ProgressRow>(actuals.Count);
        foreach (var a in actuals.OrderBy(a => a.Year))
        {
            var per = target.Kind == TargetKind.Intensity ? a.DenominatorAmount!.Value : 1m;
            var actual = a.Emissions / per;
            var recs = a.RecTonnes / per;
            var offsets = a.OffsetTonnes / per;
            decimal? path = a.Year <= target.TargetYear ? pathway[a.Year - target.BaseYear].Value : null;
            rows.Add(new ProgressRow(a.Year, path, actual, actual + recs, recs, a.RecCertificates, offsets, actual - offsets,
                baseBeforeRecs - (actual + recs), path is { } p ? actual - p : null, path is { } q ? actual <= q : null));
        }
        var latest = rows.Count == 0 ? null : rows[^1];
        RequiredReduction? required = null;
        if (latest is not null && latest.Year < target.TargetYear)
        {
            var years = target.TargetYear - latest.Year;
            var from = latest.Actual;
            var to = target.TargetValue;
            var met = from <= to;
            var perYear = met ? 0m : (from - to) / years;
            // Compound rate 1 − (to/from)^(1/years): a power with a fractional exponent, computed in double and rounded
            // back to 10 decimals (a rate, not reported tonnes).
            var compound = met || from == 0m ? 0m : Math.Round((decimal)(1d - Math.Pow((double)(to / from), 1d / years)), 10);
            required = new RequiredReduction(latest.Year, from, target.TargetYear, to, perYear, perYear / target.BaseValue, compound, met);
        }
        return Outcome<TargetProgress>.Success(new TargetProgress(target, pathway, rows, required));
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The result of one criterion: passed, failed, or null when the input to judge it was not given.</summary>
public sealed record CriterionResult(string Code, bool? Passed, string Message, string MessageZhTw);

/// <summary>What the SBTi near-term check needs beyond the target itself (shares are fractions).</summary>
public sealed record SbtiContext(int SubmissionYear, decimal? Scope3ShareOfTotal = null, bool HasScope3Target = false, decimal? Scope3TargetCoverage = null,
    decimal? CumulativeBaseYearChangeShare = null, int? LastReviewYear = null, int? CurrentYear = null);

/// <summary>SBTi near-term criteria a target is checked against (SPEC §4): base year ≥ 2015; target year 5-10 years
/// after submission; ≥ 95 % of Scope 1+2 covered; a Scope 3 target covering ≥ 67 % when Scope 3 ≥ 40 % of the total;
/// ambition at least the absolute-contraction rate of the target's method; recalculation when cumulative changes reach
/// 5 % of base-year emissions; review at least every 5 years.</summary>
public static class SbtiNearTermCriteria
{
    public const int EarliestBaseYear = 2015;
    public const int MinimumHorizonYears = 5;
    public const int MaximumHorizonYears = 10;
    public const decimal MinimumScope12Coverage = 0.95m;
    public const decimal Scope3Threshold = 0.40m;
    public const decimal MinimumScope3Coverage = 0.67m;
    public const decimal RecalculationThreshold = 0.05m;
    public const int ReviewEveryYears = 5;

    public static IReadOnlyList<CriterionResult> Check(GhgTarget target, SbtiContext context, ContractionRate? ambition = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(context);
        ambition ??= ContractionRate.Sbti15C;
        var results = new List<CriterionResult>();
        var by = target.BaseYear >= EarliestBaseYear;
        results.Add(new("base-year", by,
            Inv($"base year {target.BaseYear} {(by ? "is" : "is not")} {EarliestBaseYear} or later"),
            Inv($"基準年 {target.BaseYear} {(by ? "符合" : "不符合")} {EarliestBaseYear} 年以後之要求")));
        var horizon = target.TargetYear - context.SubmissionYear;
        var inWindow = horizon is >= MinimumHorizonYears and <= MaximumHorizonYears;
        results.Add(new("horizon", inWindow,
            Inv($"target year {target.TargetYear} is {horizon} years after submission in {context.SubmissionYear} (needs {MinimumHorizonYears}-{MaximumHorizonYears})"),
            Inv($"目標年 {target.TargetYear} 距提交年 {context.SubmissionYear} 為 {horizon} 年（須 {MinimumHorizonYears}-{MaximumHorizonYears} 年）")));
        var coversS12 = target.Scopes.Contains(Scope.Scope1) && target.Scopes.Contains(Scope.Scope2);
        var cov = coversS12 && target.Coverage >= MinimumScope12Coverage;
        results.Add(new("scope12-coverage", cov,
            coversS12 ? Inv($"covers {target.Coverage * 100m:0.##} % of Scope 1+2 (needs ≥ 95 %)") : "the target does not cover both Scope 1 and Scope 2",
            coversS12 ? Inv($"涵蓋範疇一、二排放量之 {target.Coverage * 100m:0.##}%（須 ≥ 95%）") : "目標未同時涵蓋範疇一與範疇二"));
        if (context.Scope3ShareOfTotal is { } s3)
        {
            var needed = s3 >= Scope3Threshold;
            var ok = !needed || (context.HasScope3Target && context.Scope3TargetCoverage >= MinimumScope3Coverage);
            results.Add(new("scope3", ok,
                needed
                    ? Inv($"Scope 3 is {s3 * 100m:0.##} % of the total (≥ 40 %): a Scope 3 target covering ≥ 67 % is needed — {(ok ? "present" : "missing or below 67 %")}")
                    : Inv($"Scope 3 is {s3 * 100m:0.##} % of the total (< 40 %): no Scope 3 target required"),
                needed
                    ? Inv($"範疇三占總排放 {s3 * 100m:0.##}%（≥ 40%）：須設定涵蓋 ≥ 67% 之範疇三目標 — {(ok ? "已設定" : "未設定或涵蓋不足 67%")}")
                    : Inv($"範疇三占總排放 {s3 * 100m:0.##}%（< 40%）：不須範疇三目標")));
        }
        else
        {
            results.Add(new("scope3", null, "Scope 3 share of the total not known: calculate Scope 3 to judge whether a Scope 3 target is needed",
                "未知範疇三占總排放之比例：請計算範疇三以判斷是否須設定範疇三目標"));
        }
        var perYear = target.Reduction / (target.TargetYear - target.BaseYear);
        var ambitious = target.Kind == TargetKind.Absolute ? perYear >= ambition.AnnualRate : (bool?)null;
        results.Add(new("ambition", ambitious,
            target.Kind == TargetKind.Absolute
                ? Inv($"{perYear * 100m:0.###} %/yr linear against {ambition.AnnualRate * 100m:0.##} %/yr for {ambition.Ambition} ({ambition.Version})")
                : "an intensity target is checked by SBTi's sector methods (SDA), not by absolute contraction",
            target.Kind == TargetKind.Absolute
                ? Inv($"每年線性減量 {perYear * 100m:0.###}%，{ambition.Ambition} 要求 {ambition.AnnualRate * 100m:0.##}%/年（{ambition.Version}）")
                : "強度目標依 SBTi 行業別方法（SDA）檢核，不適用絕對減量法"));
        if (context.CumulativeBaseYearChangeShare is { } change)
        {
            var ok = change < RecalculationThreshold;
            results.Add(new("recalculation", ok,
                Inv($"cumulative changes are {change * 100m:0.##} % of base-year emissions {(ok ? "(< 5 %: no recalculation)" : "(≥ 5 %: recalculate the base year and the target)")}"),
                Inv($"累計變動為基準年排放量之 {change * 100m:0.##}%{(ok ? "（< 5%：不須重新計算）" : "（≥ 5%：須重新計算基準年與目標）")}")));
        }
        if (context.LastReviewYear is { } reviewed && context.CurrentYear is { } now)
        {
            var ok = now - reviewed <= ReviewEveryYears;
            results.Add(new("review", ok,
                Inv($"last reviewed {reviewed}, {now - reviewed} years ago (review at least every {ReviewEveryYears} years)"),
                Inv($"上次檢視為 {reviewed} 年，距今 {now - reviewed} 年（至少每 {ReviewEveryYears} 年檢視）")));
        }
        return results;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A point of a reference pathway: emissions as a share of the reference year, with a range.</summary>
public sealed record ReferencePoint(int Year, decimal Share, decimal Low, decimal High);

/// <summary>A national or sector pathway shown beside a company's own (not a target method).</summary>
public sealed record ReferencePathway(string Code, string Name, string NameZhTw, int ReferenceYear, IReadOnlyList<ReferencePoint> Points, string Source)
{
    /// <summary>Taiwan's NDC 3.0 (2025): −28 ± 2 % by 2030 and −38 ± 2 % by 2035 against 2005 (SPEC §4), and net zero by
    /// 2050 (氣候變遷因應法 Art. 4, 2023).</summary>
    public static ReferencePathway TaiwanNdc30 { get; } = new("tw-ndc-3.0", "Taiwan NDC 3.0 national pathway", "我國國家自定貢獻 NDC 3.0 國家路徑", 2005,
    [
        new(2005, 1.00m, 1.00m, 1.00m),
        new(2030, 0.72m, 0.70m, 0.74m),
        new(2035, 0.62m, 0.60m, 0.64m),
        new(2050, 0.00m, 0.00m, 0.00m),
    ], "Taiwan NDC 3.0 (2025): 2030 −28 ± 2 %, 2035 −38 ± 2 % vs 2005 (SPEC §4); 2050 net zero: Climate Change Response Act (2023) Art. 4");

    /// <summary>The share of the reference year in <paramref name="year"/>, linear between the points.</summary>
    public decimal ShareAt(int year)
    {
        if (year < Points[0].Year || year > Points[^1].Year)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, Inv($"the pathway runs {Points[0].Year}-{Points[^1].Year}"));
        }
        var hi = Points.ToList().FindIndex(p => p.Year >= year);
        if (Points[hi].Year == year) { return Points[hi].Share; }
        var lo = Points[hi - 1];
        return lo.Share + (Points[hi].Share - lo.Share) * (year - lo.Year) / (Points[hi].Year - lo.Year);
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
