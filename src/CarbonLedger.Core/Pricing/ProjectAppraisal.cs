using CarbonLedger.Common;
using CarbonLedger.Units;

namespace CarbonLedger.Pricing;

/// <summary>The grid emission factor used for one year, with where it came from (factor set, version, year used).</summary>
public sealed record GridFactor(decimal KgCo2ePerKwh, string Source);

/// <summary>What a CFO enters to appraise an abatement project (SPEC §5, seed 004 六). Energy saved is a quantity with
/// its unit (converted to kWh explicitly); emissions avoided directly (e.g. a refrigerant change) may be given instead
/// or as well. Amounts are money in one currency; rates are fractions (0.05 = 5 %).</summary>
public sealed record ProjectInputs
{
    public required string Name { get; init; }
    public required Money Capex { get; init; }
    public required int HorizonYears { get; init; }
    /// <summary>The first year of savings (year 1 of the horizon); capex falls at the start of it (year 0).</summary>
    public required int FirstYear { get; init; }
    public Quantity? AnnualEnergySaved { get; init; }
    public decimal AnnualDirectAbatementTonnes { get; init; }
    /// <summary>Energy tariff in the first year, per kWh.</summary>
    public Money? TariffPerKwh { get; init; }
    public decimal TariffEscalation { get; init; }
    /// <summary>The grid factor for a year (from the factor library, e.g. Taipower's series, with fallback noted).</summary>
    public Func<int, GridFactor>? GridFactorForYear { get; init; }
    public required decimal DiscountRate { get; init; }
    public Money? AnnualOperatingCost { get; init; }
    public required CarbonPrice CarbonPrice { get; init; }
    /// <summary>Yearly growth of the carbon price (0 = flat).</summary>
    public decimal CarbonPriceEscalation { get; init; }
}

/// <summary>One year of an appraisal. Year 0 carries the capex only.</summary>
public sealed record AppraisalYear(
    int Index,
    int CalendarYear,
    decimal EnergySavedKwh,
    Money Tariff,
    Money EnergyCostSaving,
    decimal? GridFactorKgPerKwh,
    string? GridFactorSource,
    decimal AbatementTonnes,
    Money CarbonValue,
    Money OperatingCost,
    Money CashFlowWithoutCarbon,
    Money CashFlowWithCarbon,
    decimal DiscountFactor);

/// <summary>An internal rate of return, or why there is none (no sign change in the cash flows).</summary>
public sealed record Irr(decimal? Rate, string? Reason);

public sealed record AppraisalResult(
    ProjectInputs Inputs,
    IReadOnlyList<AppraisalYear> Years,
    Money TotalEnergyCostSaving,
    decimal TotalAbatementTonnes,
    Money TotalCarbonValue,
    Money NpvWithoutCarbon,
    Money NpvWithCarbon,
    Irr IrrWithoutCarbon,
    Irr IrrWithCarbon,
    decimal? SimplePaybackYears,
    decimal? DiscountedPaybackYears,
    decimal? SimplePaybackYearsWithCarbon,
    decimal? DiscountedPaybackYearsWithCarbon,
    Money? AbatementCostPerTonne);

/// <summary>Discounted cash-flow appraisal of a project with and without an internal carbon price. All money is decimal;
/// the IRR is found by bisection (NPV is monotone in the rate for a conventional project, and bisection needs no
/// derivative), to 1e-10.</summary>
public static class ProjectAppraisal
{
    public static Outcome<AppraisalResult> Appraise(ProjectInputs inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var problems = Validate(inputs);
        if (problems.Count > 0) { return Outcome<AppraisalResult>.Failure(problems); }

        var currency = inputs.Capex.Currency;
        var zero = Money.Zero(currency);
        var kwh = inputs.AnnualEnergySaved?.ConvertTo(UnitCatalog.KilowattHour).Value ?? 0m;
        var years = new List<AppraisalYear>(inputs.HorizonYears + 1)
        {
            new(0, inputs.FirstYear - 1, 0m, inputs.TariffPerKwh ?? zero, zero, null, null, 0m, zero, zero, -inputs.Capex, -inputs.Capex, 1m),
        };
        var tariff = inputs.TariffPerKwh ?? zero;
        var price = inputs.CarbonPrice.PerTonne;
        var discount = 1m;
        for (var t = 1; t <= inputs.HorizonYears; t++)
        {
            var year = inputs.FirstYear + t - 1;
            if (t > 1)
            {
                tariff *= 1m + inputs.TariffEscalation;
                price *= 1m + inputs.CarbonPriceEscalation;
            }
            discount /= 1m + inputs.DiscountRate;
            GridFactor? factor = kwh != 0m ? inputs.GridFactorForYear!(year) : null;
            var abatement = kwh * (factor?.KgCo2ePerKwh ?? 0m) / 1000m + inputs.AnnualDirectAbatementTonnes;
            var saving = tariff * kwh;
            var carbon = price * abatement;
            var opex = inputs.AnnualOperatingCost ?? zero;
            var without = saving - opex;
            years.Add(new AppraisalYear(t, year, kwh, tariff, saving, factor?.KgCo2ePerKwh, factor?.Source, abatement, carbon, opex,
                without, without + carbon, discount));
        }

        var withoutFlows = years.Select(y => y.CashFlowWithoutCarbon.Amount).ToArray();
        var withFlows = years.Select(y => y.CashFlowWithCarbon.Amount).ToArray();
        var totalAbatement = years.Sum(y => y.AbatementTonnes);
        var npvWithout = new Money(Npv(withoutFlows, inputs.DiscountRate), currency);
        return Outcome<AppraisalResult>.Success(new AppraisalResult(
            inputs, years,
            new Money(years.Sum(y => y.EnergyCostSaving.Amount), currency),
            totalAbatement,
            new Money(years.Sum(y => y.CarbonValue.Amount), currency),
            npvWithout,
            new Money(Npv(withFlows, inputs.DiscountRate), currency),
            InternalRateOfReturn(withoutFlows),
            InternalRateOfReturn(withFlows),
            Payback(withoutFlows, null), Payback(withoutFlows, inputs.DiscountRate),
            Payback(withFlows, null), Payback(withFlows, inputs.DiscountRate),
            // Net present cost per tonne abated over the horizon (undiscounted tonnes), the MACC's y-axis; negative
            // when the project pays for itself without a carbon price.
            totalAbatement > 0m ? new Money(-npvWithout.Amount / totalAbatement, currency) : null));
    }

    /// <summary>NPV = Σ CF_t / (1 + r)^t, t = 0 … n.</summary>
    public static decimal Npv(IReadOnlyList<decimal> cashFlows, decimal rate)
    {
        ArgumentNullException.ThrowIfNull(cashFlows);
        if (rate <= -1m) { throw new ArgumentOutOfRangeException(nameof(rate), "a discount rate must be above -100 %"); }
        var npv = 0m;
        var factor = 1m;
        for (var t = 0; t < cashFlows.Count; t++)
        {
            if (t > 0) { factor /= 1m + rate; }
            npv += cashFlows[t] * factor;
        }
        return npv;
    }

    /// <summary>The rate at which NPV = 0, searched in (-99 %, 1000 %] by bisection; none when NPV does not change sign
    /// there. The search runs in <c>double</c> (root finding: (1 + r)^t at r near -1 overflows decimal over long horizons)
    /// and the rate is returned as a decimal rounded to 10 places; money stays decimal everywhere else.</summary>
    public static Irr InternalRateOfReturn(IReadOnlyList<decimal> cashFlows)
    {
        ArgumentNullException.ThrowIfNull(cashFlows);
        if (!cashFlows.Any(c => c < 0m) || !cashFlows.Any(c => c > 0m))
        {
            return new Irr(null, "the cash flows never change sign");
        }
        var flows = cashFlows.Select(c => (double)c).ToArray();
        double Npv(double rate)
        {
            double npv = 0, factor = 1;
            for (var t = 0; t < flows.Length; t++)
            {
                if (t > 0) { factor /= 1 + rate; }
                npv += flows[t] * factor;
            }
            return npv;
        }
        double lo = -0.99, hi = 10;
        var fLo = Npv(lo);
        if (Math.Sign(fLo) == Math.Sign(Npv(hi)))
        {
            return new Irr(null, "NPV does not cross zero between -99 % and 1000 %");
        }
        for (var i = 0; i < 200 && hi - lo > 1e-13; i++)
        {
            var mid = (lo + hi) / 2;
            var fMid = Npv(mid);
            if (fMid == 0) { lo = hi = mid; break; }
            if (Math.Sign(fMid) == Math.Sign(fLo)) { lo = mid; fLo = fMid; } else { hi = mid; }
        }
        return new Irr(Math.Round((decimal)((lo + hi) / 2), 10), null);
    }

    /// <summary>Years until the cumulative (discounted when <paramref name="rate"/> is given) cash flow turns
    /// non-negative, interpolated linearly inside the year it happens; null if it does not within the horizon.</summary>
    public static decimal? Payback(IReadOnlyList<decimal> cashFlows, decimal? rate)
    {
        ArgumentNullException.ThrowIfNull(cashFlows);
        var cumulative = 0m;
        var factor = 1m;
        for (var t = 0; t < cashFlows.Count; t++)
        {
            if (t > 0 && rate is { } r) { factor /= 1m + r; }
            var flow = cashFlows[t] * factor;
            var before = cumulative;
            cumulative += flow;
            if (cumulative >= 0m && t > 0 && before < 0m)
            {
                return t - 1 + (-before / flow);
            }
            if (t == 0 && cumulative >= 0m) { return 0m; }
        }
        return null;
    }

    private static List<Problem> Validate(ProjectInputs p)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(p.Name)) { problems.Add(Problem.AtField("name", "is required", "為必填")); }
        if (p.HorizonYears is < 1 or > 100) { problems.Add(Problem.AtField("horizonYears", $"must be between 1 and 100 years (got {p.HorizonYears})", $"須介於 1 至 100 年（目前為 {p.HorizonYears}）")); }
        if (p.Capex.Currency is null) { problems.Add(Problem.AtField("capex", "is required", "為必填")); return problems; }
        if (p.Capex.Amount < 0m) { problems.Add(Problem.AtField("capex", "cannot be negative", "不可為負值")); }
        if (p.DiscountRate <= -1m || p.DiscountRate > 1m) { problems.Add(Problem.AtField("discountRate", "must be a fraction above -1 and at most 1 (0.05 = 5 %)", "須為大於 -1 且不超過 1 的小數（0.05 = 5 %）")); }
        if (p.TariffEscalation <= -1m) { problems.Add(Problem.AtField("tariffEscalation", "must be above -1", "須大於 -1")); }
        if (p.CarbonPriceEscalation <= -1m) { problems.Add(Problem.AtField("carbonPriceEscalation", "must be above -1", "須大於 -1")); }
        if (p.AnnualDirectAbatementTonnes < 0m) { problems.Add(Problem.AtField("annualDirectAbatementTonnes", "cannot be negative", "不可為負值")); }
        if (p.AnnualEnergySaved is null && p.AnnualDirectAbatementTonnes == 0m)
        {
            problems.Add(Problem.AtField("annualEnergySaved", "give the energy saved per year or the emissions avoided directly", "請提供每年節能量或直接避免的排放量"));
        }
        if (p.AnnualEnergySaved is { } e)
        {
            if (e.Unit.Dimension != Dimension.Energy)
            {
                problems.Add(Problem.AtField("annualEnergySaved", $"'{e.Unit.Code}' is not an energy unit (use kWh, MWh, GJ …)",
                    $"「{e.Unit.Code}」不是能量單位（請用 kWh、MWh、GJ …）"));
            }
            if (e.Value < 0m) { problems.Add(Problem.AtField("annualEnergySaved", "cannot be negative", "不可為負值")); }
            if (p.TariffPerKwh is null) { problems.Add(Problem.AtField("tariffPerKwh", "is required with energy saved", "有節能量時為必填")); }
            if (p.GridFactorForYear is null) { problems.Add(Problem.AtField("gridFactor", "is required with energy saved", "有節能量時為必填")); }
        }
        foreach (var (field, money) in new (string, Money?)[] { ("tariffPerKwh", p.TariffPerKwh), ("annualOperatingCost", p.AnnualOperatingCost), ("carbonPrice", p.CarbonPrice.PerTonne) })
        {
            if (money is { } m && m.Currency != p.Capex.Currency)
            {
                problems.Add(Problem.AtField(field, $"is in {m.Currency} but capex is in {p.Capex.Currency}: convert first",
                    $"幣別為 {m.Currency}，但投資金額的幣別為 {p.Capex.Currency}：請先換算"));
            }
        }
        if (p.CarbonPrice.PerTonne.Amount < 0m) { problems.Add(Problem.AtField("carbonPrice", "cannot be negative", "不可為負值")); }
        return problems;
    }
}

/// <summary>One cell of a stress test: the project under one carbon price and one tariff path.</summary>
public sealed record StressCase(CarbonPrice CarbonPrice, decimal TariffEscalation, Money NpvWithCarbon, Irr IrrWithCarbon,
    decimal? DiscountedPaybackYearsWithCarbon, bool PaysOff);

/// <summary>Seed 004 五.11 投資壓力測試: the same project over a list of carbon prices and tariff paths.</summary>
public static class StressTest
{
    public static Outcome<IReadOnlyList<StressCase>> Run(ProjectInputs project, IReadOnlyList<CarbonPrice> prices, IReadOnlyList<decimal>? tariffEscalations = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(prices);
        if (prices.Count == 0) { return Outcome<IReadOnlyList<StressCase>>.Failure([Problem.AtField("prices", "give at least one carbon price", "請至少提供一個碳價")]); }
        var cases = new List<StressCase>();
        foreach (var escalation in tariffEscalations is { Count: > 0 } ? tariffEscalations : [project.TariffEscalation])
        {
            foreach (var price in prices)
            {
                var result = ProjectAppraisal.Appraise(project with { CarbonPrice = price, TariffEscalation = escalation });
                if (!result.Succeeded) { return Outcome<IReadOnlyList<StressCase>>.Failure(result.Problems); }
                var r = result.Value;
                cases.Add(new StressCase(price, escalation, r.NpvWithCarbon, r.IrrWithCarbon, r.DiscountedPaybackYearsWithCarbon, r.NpvWithCarbon.Amount >= 0m));
            }
        }
        return Outcome<IReadOnlyList<StressCase>>.Success(cases);
    }
}
