using System.Globalization;

namespace CarbonLedger.Portfolio;

/// <summary>How a value is carried from the latest actual year toward a target.</summary>
public enum InterpolationMethod
{
    /// <summary>Straight line (seed 001's 線性內插): v(y) = v_t + (v_T − v_t)(y − t)/(T − t).</summary>
    Linear,

    /// <summary>Constant annual rate (OS-Climate ITR interpolates targets by CAGR): v(y) = v_t (v_T/v_t)^((y − t)/(T − t)).
    /// Needs positive end values; otherwise falls back to linear and says so.</summary>
    Cagr,
}

/// <summary>Which route produced a company's Method 1 value (seed 001 Table 3, Tables 9-10 "方法" column).</summary>
public enum ForecastSubMethod
{
    /// <summary>第一種: the company's own absolute target, interpolated.</summary>
    CompanyTarget,

    /// <summary>第二種: the company's intensity target, interpolated, × the analysts' mean revenue forecast.</summary>
    IntensityTargetTimesRevenueForecast,

    /// <summary>第三種: Method 2's IPCC pathway value (no usable target).</summary>
    IpccPathway,

    /// <summary>No value could be produced; see the note.</summary>
    None,
}

/// <summary>The four portfolio-carbon bases of seed 001 Tables 4-5.</summary>
public enum ForecastMethod
{
    /// <summary>Next year's emissions equal the latest actual (Table 5 "假設與 2023 年投組總碳排相同").</summary>
    SameAsLatest,
    Method1,
    Method2,
    Method3,
}

/// <summary>Forecast settings. <see cref="PathwayBaseYear"/> and <see cref="PathwayTargetYear"/> are Method 2's 2019 and 2030.</summary>
public sealed record ForecastOptions(int ForecastYear, CategoryMapping Mapping, InterpolationMethod Interpolation = InterpolationMethod.Linear, int PathwayBaseYear = 2019, int PathwayTargetYear = 2030)
{
    public static ForecastOptions Thesis(int forecastYear) => new(forecastYear, CategoryMapping.Thesis2025);
}

/// <summary>One method's value for one company, with the route taken and why.</summary>
public sealed record MethodEstimate(decimal? Tonnes, ForecastSubMethod SubMethod, string Note)
{
    public static MethodEstimate Unavailable(string note) => new(null, ForecastSubMethod.None, note);
}

/// <summary>A company's t+1 forecast by the three methods of seed 001 Table 1.</summary>
public sealed record CompanyForecast(
    string Company,
    int ForecastYear,
    int? LatestActualYear,
    decimal? LatestActualTonnes,
    MethodEstimate Method1,
    MethodEstimate Method2,
    decimal? Method3Tonnes,
    string? Category)
{
    /// <summary>The value for <paramref name="method"/>, or null.</summary>
    public decimal? Tonnes(ForecastMethod method) => method switch
    {
        ForecastMethod.SameAsLatest => LatestActualTonnes,
        ForecastMethod.Method1 => Method1.Tonnes,
        ForecastMethod.Method2 => Method2.Tonnes,
        ForecastMethod.Method3 => Method3Tonnes,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };
}

/// <summary>Seed 001's forecasting methods (Table 1; SPEC §7). All arithmetic in decimal tonnes.</summary>
public static class EmissionForecaster
{
    public static CompanyForecast Forecast(CompanyClimateProfile profile, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var latest = Latest(profile.Scope12Tonnes, options.ForecastYear);
        var (m2, category) = Method2(profile, options, latest);
        var m1 = Method1(profile, options, latest);
        if (m1.Tonnes is null)
        {
            m1 = m2.Tonnes is { } t
                ? new MethodEstimate(t, ForecastSubMethod.IpccPathway, "no usable own target (" + m1.Note + "); Method 2 value used")
                : MethodEstimate.Unavailable(m1.Note + "; Method 2 fallback unavailable: " + m2.Note);
        }
        // Method 3 is the mean. (a + b) / 2 can round outside [a, b] when a and b use all 28 digits of decimal (the sum
        // loses its last digit), so take a + (b − a)/2 and clamp to the interval the exact mean lies in.
        decimal? m3 = m1.Tonnes is { } a && m2.Tonnes is { } b ? Math.Clamp(a + ((b - a) / 2m), Math.Min(a, b), Math.Max(a, b)) : null;
        return new CompanyForecast(profile.Company, options.ForecastYear, latest?.Year, latest?.Value, m1, m2, m3, category);
    }

    /// <summary>Method 2: category from the temperature score, 2030 value = 2019 emissions × category share, interpolated
    /// from the latest actual (seed 001 §2.1, Table 2).</summary>
    public static (MethodEstimate Estimate, string? Category) Method2(CompanyClimateProfile profile, ForecastOptions options, (int Year, decimal Value)? latest)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        if (latest is null)
        {
            return (MethodEstimate.Unavailable("no actual emissions before the forecast year"), null);
        }
        if (profile.TemperatureScoreCelsius is not { } score)
        {
            return (MethodEstimate.Unavailable("no temperature score"), null);
        }
        var category = options.Mapping.Classify(score);
        if (category is null)
        {
            return (MethodEstimate.Unavailable(Inv($"temperature score {score} °C is not covered by mapping '{options.Mapping.Name}'")), null);
        }
        if (!profile.Scope12Tonnes.TryGetValue(options.PathwayBaseYear, out var baseTonnes))
        {
            return (MethodEstimate.Unavailable(Inv($"no {options.PathwayBaseYear} emissions for the IPCC pathway")), category.Code);
        }
        var target = baseTonnes * category.Share2030Of2019;
        var (value, note) = Carry(latest.Value.Year, latest.Value.Value, options.PathwayTargetYear, target, options.ForecastYear, options.Interpolation);
        return (new MethodEstimate(value, ForecastSubMethod.IpccPathway,
            Inv($"{score} °C → {category.Code}; {options.PathwayTargetYear} = {baseTonnes:0.##} × {category.Share2030Of2019:0.##} = {target:0.###} t{note}")), category.Code);
    }

    /// <summary>Method 1 without its fallback: own absolute target, or intensity target × revenue forecast.</summary>
    public static MethodEstimate Method1(CompanyClimateProfile profile, ForecastOptions options, (int Year, decimal Value)? latest)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        var target = profile.Target;
        if (target is null)
        {
            return MethodEstimate.Unavailable("no disclosed target");
        }
        if (target.Kind == TargetKind.Absolute)
        {
            if (latest is null)
            {
                return MethodEstimate.Unavailable("no actual emissions before the forecast year");
            }
            decimal baseValue;
            if (target.BaseValue is { } bv)
            {
                baseValue = bv;
            }
            else if (!profile.Scope12Tonnes.TryGetValue(target.BaseYear, out baseValue))
            {
                return MethodEstimate.Unavailable(Inv($"no base-year ({target.BaseYear}) emissions for the target"));
            }
            if (target.TargetYear <= latest.Value.Year)
            {
                return MethodEstimate.Unavailable(Inv($"target year {target.TargetYear} is not after the latest actual year {latest.Value.Year}"));
            }
            var targetValue = target.TargetValue(baseValue);
            var (value, note) = Carry(latest.Value.Year, latest.Value.Value, target.TargetYear, targetValue, options.ForecastYear, options.Interpolation);
            return new MethodEstimate(value, ForecastSubMethod.CompanyTarget,
                Inv($"target {target.TargetYear} = {baseValue:0.##} × (1 − {target.Reduction:0.####}) = {targetValue:0.###} t{note}"));
        }
        var latestIntensity = Latest(profile.Intensity, options.ForecastYear);
        if (latestIntensity is null)
        {
            return MethodEstimate.Unavailable("intensity target but no actual intensity");
        }
        if (!profile.RevenueForecast.TryGetValue(options.ForecastYear, out var revenue))
        {
            return MethodEstimate.Unavailable(Inv($"intensity target but no {options.ForecastYear} revenue forecast"));
        }
        decimal baseIntensity;
        if (target.BaseValue is { } bi)
        {
            baseIntensity = bi;
        }
        else if (!profile.Intensity.TryGetValue(target.BaseYear, out baseIntensity))
        {
            return MethodEstimate.Unavailable(Inv($"no base-year ({target.BaseYear}) intensity for the target"));
        }
        if (target.TargetYear <= latestIntensity.Value.Year)
        {
            return MethodEstimate.Unavailable(Inv($"target year {target.TargetYear} is not after the latest intensity year {latestIntensity.Value.Year}"));
        }
        var targetIntensity = target.TargetValue(baseIntensity);
        var (intensity, inote) = Carry(latestIntensity.Value.Year, latestIntensity.Value.Value, target.TargetYear, targetIntensity, options.ForecastYear, options.Interpolation);
        return new MethodEstimate(intensity * revenue, ForecastSubMethod.IntensityTargetTimesRevenueForecast,
            Inv($"intensity {options.ForecastYear} = {intensity:0.######} (target {targetIntensity:0.####}) × revenue {revenue:0.##}{inote}"));
    }

    /// <summary>The latest (year, value) strictly before <paramref name="beforeYear"/>.</summary>
    public static (int Year, decimal Value)? Latest(IReadOnlyDictionary<int, decimal> series, int beforeYear)
    {
        ArgumentNullException.ThrowIfNull(series);
        (int Year, decimal Value)? best = null;
        foreach (var (year, value) in series)
        {
            if (year < beforeYear && (best is null || year > best.Value.Year))
            {
                best = (year, value);
            }
        }
        return best;
    }

    /// <summary>Carries (y0, v0) toward (y1, v1) to year <paramref name="y"/>; after y1 the value stays at v1.</summary>
    public static (decimal Value, string Note) Carry(int y0, decimal v0, int y1, decimal v1, int y, InterpolationMethod method)
    {
        if (y >= y1)
        {
            return (v1, "; target year reached, value held");
        }
        if (method == InterpolationMethod.Cagr)
        {
            if (v0 > 0m && v1 > 0m)
            {
                var ratio = Math.Pow((double)(v1 / v0), (double)(y - y0) / (y1 - y0));
                return (v0 * (decimal)ratio, "; CAGR");
            }
            return (Linear(y0, v0, y1, v1, y), "; CAGR needs positive values, linear used");
        }
        return (Linear(y0, v0, y1, v1, y), "");
    }

    public static decimal Linear(int y0, decimal v0, int y1, decimal v1, int y) => v0 + (v1 - v0) * (y - y0) / (y1 - y0);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Portfolio carbon Σ Q_i w_i (seed 001 eq. (2), 投組總碳排) with the names that lacked a value.</summary>
public sealed record PortfolioCarbon(decimal Tonnes, int Covered, IReadOnlyList<string> Missing);

/// <summary>Portfolio-level forecast: Σ w_i Q_i per method and the count of Method 1 sub-methods (seed 001 Tables 3-4).</summary>
public sealed record PortfolioForecast(
    int ForecastYear,
    IReadOnlyList<CompanyForecast> Companies,
    PortfolioCarbon LatestActual,
    PortfolioCarbon Method1,
    PortfolioCarbon Method2,
    PortfolioCarbon Method3,
    IReadOnlyDictionary<ForecastSubMethod, int> Method1SubMethodCounts);

public static class PortfolioCarbonCalculator
{
    /// <summary>Σ w_i Q_i over the constituents that have a value in <paramref name="tonnes"/>.</summary>
    public static PortfolioCarbon Compute(IReadOnlyList<BenchmarkConstituent> constituents, Func<string, decimal?> tonnes)
    {
        ArgumentNullException.ThrowIfNull(constituents);
        ArgumentNullException.ThrowIfNull(tonnes);
        var total = 0m;
        var covered = 0;
        var missing = new List<string>();
        foreach (var c in constituents)
        {
            if (tonnes(c.Company) is { } q)
            {
                total += q * c.Weight;
                covered++;
            }
            else
            {
                missing.Add(c.Company);
            }
        }
        return new PortfolioCarbon(total, covered, missing);
    }

    public static PortfolioForecast Forecast(IReadOnlyList<BenchmarkConstituent> constituents, IReadOnlyDictionary<string, CompanyClimateProfile> companies, ForecastOptions options)
    {
        ArgumentNullException.ThrowIfNull(constituents);
        ArgumentNullException.ThrowIfNull(companies);
        ArgumentNullException.ThrowIfNull(options);
        var forecasts = new Dictionary<string, CompanyForecast>(StringComparer.Ordinal);
        foreach (var c in constituents)
        {
            if (companies.TryGetValue(c.Company, out var p))
            {
                forecasts[c.Company] = EmissionForecaster.Forecast(p, options);
            }
        }
        PortfolioCarbon By(ForecastMethod m) => Compute(constituents, name => forecasts.TryGetValue(name, out var f) ? f.Tonnes(m) : null);
        var counts = forecasts.Values.GroupBy(f => f.Method1.SubMethod).ToDictionary(g => g.Key, g => g.Count());
        return new PortfolioForecast(options.ForecastYear, [.. forecasts.Values], By(ForecastMethod.SameAsLatest), By(ForecastMethod.Method1), By(ForecastMethod.Method2), By(ForecastMethod.Method3), counts);
    }
}
