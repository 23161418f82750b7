using System.Globalization;

namespace CarbonLedger.Portfolio;

/// <summary>What a yearly reduction r means (SPEC §7: "state which convention a reduction uses").</summary>
public enum ReductionConvention
{
    /// <summary>share(y) = share(y − 1) × (1 − r): r is relative to the previous year's emissions.</summary>
    RelativeToPreviousYear,

    /// <summary>share(y) = share(y − 1) − r: r is in percentage points of base-year emissions.</summary>
    PointsOfBaseYear,
}

/// <summary>A year on a pathway and its emissions as a share of base-year emissions (1.0 = base year).</summary>
public readonly record struct PathwayPoint(int Year, decimal ShareOfBase);

/// <summary>A decarbonisation pathway: yearly emissions as shares of the base year (seed 001 Figure 1).</summary>
public sealed record DecarbonisationPathway(string Name, int BaseYear, ReductionConvention Convention, IReadOnlyList<PathwayPoint> Points)
{
    /// <summary>Share of base-year emissions in <paramref name="year"/>.</summary>
    public decimal ShareAt(int year)
    {
        foreach (var p in Points)
        {
            if (p.Year == year)
            {
                return p.ShareOfBase;
            }
        }
        throw new ArgumentOutOfRangeException(nameof(year), year, string.Create(CultureInfo.InvariantCulture, $"pathway '{Name}' has no value for {year}"));
    }

    /// <summary>Tonnes allowed in <paramref name="year"/> for base-year emissions <paramref name="baseYearTonnes"/>.</summary>
    public decimal AllowedTonnes(int year, decimal baseYearTonnes) => baseYearTonnes * ShareAt(year);

    /// <summary>Reduction of <paramref name="year"/> relative to the previous year, R = 1 − share(y)/share(y − 1): the R
    /// of the optimiser's carbon constraint Σ Q_i w_i = Q_total (1 − R) when Q_total is year y − 1's portfolio carbon.</summary>
    public decimal ReductionFromPreviousYear(int year)
    {
        var previous = ShareAt(year - 1);
        return previous == 0m ? 0m : 1m - ShareAt(year) / previous;
    }
}

/// <summary>Builds the thesis's pathways (seed 001 §2.1, Figure 1): base year 2019, 2030 at 57 % of 2019 (IPCC C1).</summary>
public static class Pathways
{
    public const int DefaultBaseYear = 2019;
    public const int DefaultTargetYear = 2030;

    /// <summary>IPCC C1 as used by the thesis: 2030 emissions at 57 % of 2019.</summary>
    public const decimal DefaultTargetShare = 0.57m;

    /// <summary>Fully linear from (<paramref name="startYear"/>, <paramref name="startShare"/>) to
    /// (<paramref name="targetYear"/>, <paramref name="targetShare"/>): every year falls by the same points of the base.</summary>
    public static DecarbonisationPathway Linear(int startYear, decimal startShare, int baseYear = DefaultBaseYear, int targetYear = DefaultTargetYear, decimal targetShare = DefaultTargetShare)
    {
        CheckYears(baseYear, startYear, targetYear);
        var points = new List<PathwayPoint>();
        for (var y = startYear; y <= targetYear; y++)
        {
            points.Add(new PathwayPoint(y, Interpolate(startYear, startShare, targetYear, targetShare, y)));
        }
        return new DecarbonisationPathway(Inv($"linear {startYear}-{targetYear} to {targetShare:P0}"), baseYear, ReductionConvention.PointsOfBaseYear, points);
    }

    /// <summary>Two-phase path (seed 001 Figure 1): a fixed reduction <paramref name="firstPhaseReduction"/> in each of the
    /// <paramref name="firstPhaseYears"/> years after <paramref name="startYear"/> (the thesis: 3/4/5 % in 2024 and 2025),
    /// then linear to the target. <paramref name="convention"/> says what the fixed reduction is relative to.</summary>
    public static DecarbonisationPathway TwoPhase(int startYear, decimal startShare, decimal firstPhaseReduction, ReductionConvention convention, int firstPhaseYears = 2, int baseYear = DefaultBaseYear, int targetYear = DefaultTargetYear, decimal targetShare = DefaultTargetShare)
    {
        CheckYears(baseYear, startYear, targetYear);
        if (firstPhaseYears < 1 || startYear + firstPhaseYears >= targetYear)
        {
            throw new ArgumentOutOfRangeException(nameof(firstPhaseYears), firstPhaseYears, "the first phase must end before the target year");
        }
        if (firstPhaseReduction is < 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(firstPhaseReduction), firstPhaseReduction, "the reduction must be in [0, 1)");
        }
        var points = new List<PathwayPoint> { new(startYear, startShare) };
        var share = startShare;
        for (var i = 1; i <= firstPhaseYears; i++)
        {
            share = convention == ReductionConvention.RelativeToPreviousYear ? share * (1m - firstPhaseReduction) : share - firstPhaseReduction;
            points.Add(new PathwayPoint(startYear + i, share));
        }
        var phaseEnd = startYear + firstPhaseYears;
        for (var y = phaseEnd + 1; y <= targetYear; y++)
        {
            points.Add(new PathwayPoint(y, Interpolate(phaseEnd, share, targetYear, targetShare, y)));
        }
        return new DecarbonisationPathway(Inv($"two-phase −{firstPhaseReduction:P0} ({convention}) then linear to {targetShare:P0}"), baseYear, convention, points);
    }

    /// <summary>EU Climate Transition / Paris-Aligned Benchmark trajectory (Regulation (EU) 2020/1818 Art. 7 and 11: an
    /// initial reduction R0 of 30 % (CTB) or 50 % (PAB) against the universe, then at least 7 % a year):
    /// R(t) = 1 − (1 − 0.07)^(t − t0) × (1 − R0).</summary>
    public static decimal EuBenchmarkReduction(int year, int startYear, decimal initialReduction, decimal annualRate = 0.07m)
    {
        if (year < startYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "year must not precede the start year");
        }
        var factor = 1m;
        for (var i = 0; i < year - startYear; i++)
        {
            factor *= 1m - annualRate;
        }
        return 1m - factor * (1m - initialReduction);
    }

    /// <summary>Initial reduction of an EU Climate Transition Benchmark (30 %).</summary>
    public const decimal EuCtbInitialReduction = 0.30m;

    /// <summary>Initial reduction of an EU Paris-Aligned Benchmark (50 %).</summary>
    public const decimal EuPabInitialReduction = 0.50m;

    private static decimal Interpolate(int y0, decimal v0, int y1, decimal v1, int y) => v0 + (v1 - v0) * (y - y0) / (y1 - y0);

    private static void CheckYears(int baseYear, int startYear, int targetYear)
    {
        if (startYear < baseYear)
        {
            throw new ArgumentOutOfRangeException(nameof(startYear), startYear, "the start year must not precede the base year");
        }
        if (targetYear <= startYear)
        {
            throw new ArgumentOutOfRangeException(nameof(targetYear), targetYear, "the target year must be after the start year");
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
