using CarbonLedger.Pricing;

namespace CarbonLedger.Reports.Pricing;

/// <summary>A formatted table cell: text, and whether it is a number (right-aligned).</summary>
internal readonly record struct PricingCell(string Text, bool Numeric)
{
    public static PricingCell T(string? text) => new(text ?? "", false);

    public static PricingCell N(string text) => new(text, true);
}

/// <summary>A formatted table: headers, rows and an optional total row.</summary>
internal sealed record PricingTable(IReadOnlyList<string> Headers, IReadOnlyList<PricingCell[]> Rows, PricingCell[]? Total = null);

/// <summary>The report's tables as formatted text, shared by the HTML and PDF renderers so both print the same figures.</summary>
internal static class PricingTables
{
    public static IReadOnlyList<(string Label, string Value)> Inputs(ProjectInputs p, PricingStrings s)
    {
        var rows = new List<(string, string)>
        {
            (s[PricingText.Project], p.Name),
            (s[PricingText.Capex], PricingNumbers.Money(p.Capex)),
            (s[PricingText.Horizon], p.HorizonYears.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (s[PricingText.FirstYear], p.FirstYear.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (s[PricingText.DiscountRate], PricingNumbers.Rate(p.DiscountRate)),
            (s[PricingText.CarbonPrice], PricingNumbers.Price(p.CarbonPrice)),
        };
        if (p.CarbonPriceEscalation != 0m) { rows.Add((s[PricingText.CarbonPriceEscalation], PricingNumbers.Rate(p.CarbonPriceEscalation))); }
        if (p.AnnualEnergySaved is { } e) { rows.Add((s[PricingText.AnnualEnergySaved], $"{e.Value.ToString("#,##0.###", System.Globalization.CultureInfo.InvariantCulture)} {e.Unit.Code}")); }
        if (p.TariffPerKwh is { } t) { rows.Add((s[PricingText.TariffFirstYear], PricingNumbers.Tariff(t))); }
        if (p.AnnualEnergySaved is not null) { rows.Add((s[PricingText.TariffEscalation], PricingNumbers.Rate(p.TariffEscalation))); }
        if (p.AnnualDirectAbatementTonnes != 0m) { rows.Add((s[PricingText.DirectAbatement], PricingNumbers.Tonnes(p.AnnualDirectAbatementTonnes))); }
        if (p.AnnualOperatingCost is { Amount: not 0m } o) { rows.Add((s[PricingText.OperatingCost], PricingNumbers.Money(o))); }
        return rows;
    }

    public static PricingTable Years(AppraisalResult r, PricingStrings s)
    {
        var headers = new[]
        {
            s[PricingText.Year], s[PricingText.CalendarYear], s[PricingText.EnergySavedKwh], s[PricingText.Tariff], s[PricingText.EnergyCostSaving],
            s[PricingText.GridFactor], s[PricingText.Abatement], s[PricingText.CarbonValue], s[PricingText.OperatingCost],
            s[PricingText.CashFlowWithout], s[PricingText.CashFlowWith], s[PricingText.DiscountFactor],
        };
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var rows = r.Years.Select(y => new[]
        {
            PricingCell.N(y.Index.ToString(inv)), PricingCell.N(y.CalendarYear.ToString(inv)), PricingCell.N(y.EnergySavedKwh.ToString("#,##0.###", inv)),
            PricingCell.N(y.Index == 0 ? "" : PricingNumbers.Tariff(y.Tariff)), PricingCell.N(PricingNumbers.Amount(y.EnergyCostSaving.Amount)),
            PricingCell.N(PricingNumbers.Factor(y.GridFactorKgPerKwh)), PricingCell.N(PricingNumbers.Tonnes(y.AbatementTonnes)),
            PricingCell.N(PricingNumbers.Amount(y.CarbonValue.Amount)), PricingCell.N(PricingNumbers.Amount(y.OperatingCost.Amount)),
            PricingCell.N(PricingNumbers.Amount(y.CashFlowWithoutCarbon.Amount)), PricingCell.N(PricingNumbers.Amount(y.CashFlowWithCarbon.Amount)),
            PricingCell.N(y.DiscountFactor.ToString("0.000000", inv)),
        }).ToList();
        var total = new[]
        {
            PricingCell.T(s[PricingText.Total]), PricingCell.T(""), PricingCell.N(r.Years.Sum(y => y.EnergySavedKwh).ToString("#,##0.###", inv)), PricingCell.T(""),
            PricingCell.N(PricingNumbers.Amount(r.TotalEnergyCostSaving.Amount)), PricingCell.T(""), PricingCell.N(PricingNumbers.Tonnes(r.TotalAbatementTonnes)),
            PricingCell.N(PricingNumbers.Amount(r.TotalCarbonValue.Amount)), PricingCell.N(PricingNumbers.Amount(r.Years.Sum(y => y.OperatingCost.Amount))),
            PricingCell.N(PricingNumbers.Amount(r.Years.Sum(y => y.CashFlowWithoutCarbon.Amount))),
            PricingCell.N(PricingNumbers.Amount(r.Years.Sum(y => y.CashFlowWithCarbon.Amount))), PricingCell.T(""),
        };
        return new PricingTable(headers, rows, total);
    }

    public static PricingTable Results(AppraisalResult r, PricingStrings s)
    {
        var headers = new[] { s[PricingText.Metric], s[PricingText.WithoutIcp], s[PricingText.WithIcp] };
        var rows = new List<PricingCell[]>
        {
            new[] { PricingCell.T(s[PricingText.Npv]), PricingCell.N(PricingNumbers.Money(r.NpvWithoutCarbon)), PricingCell.N(PricingNumbers.Money(r.NpvWithCarbon)) },
            new[] { PricingCell.T(s[PricingText.Irr]), PricingCell.N(PricingNumbers.Irr(r.IrrWithoutCarbon, s)), PricingCell.N(PricingNumbers.Irr(r.IrrWithCarbon, s)) },
            new[] { PricingCell.T(s[PricingText.SimplePayback]), PricingCell.N(PricingNumbers.Years(r.SimplePaybackYears, s)), PricingCell.N(PricingNumbers.Years(r.SimplePaybackYearsWithCarbon, s)) },
            new[] { PricingCell.T(s[PricingText.DiscountedPayback]), PricingCell.N(PricingNumbers.Years(r.DiscountedPaybackYears, s)), PricingCell.N(PricingNumbers.Years(r.DiscountedPaybackYearsWithCarbon, s)) },
            new[] { PricingCell.T(s[PricingText.TotalSaving]), PricingCell.N(PricingNumbers.Money(r.TotalEnergyCostSaving)), PricingCell.N(PricingNumbers.Money(r.TotalEnergyCostSaving)) },
            new[] { PricingCell.T(s[PricingText.TotalAbatement]), PricingCell.N(PricingNumbers.Tonnes(r.TotalAbatementTonnes)), PricingCell.N(PricingNumbers.Tonnes(r.TotalAbatementTonnes)) },
            new[] { PricingCell.T(s[PricingText.TotalCarbonValue]), PricingCell.N("—"), PricingCell.N(PricingNumbers.Money(r.TotalCarbonValue)) },
            new[] { PricingCell.T(s[PricingText.AbatementCost]), PricingCell.N(r.AbatementCostPerTonne is { } c ? PricingNumbers.Money(c) : s[PricingText.None]), PricingCell.N("—") },
        };
        return new PricingTable(headers, rows);
    }

    public static PricingTable Stress(IReadOnlyList<StressCase> cases, PricingStrings s)
    {
        var headers = new[] { s[PricingText.CarbonPrice], s[PricingText.TariffEscalation], s[PricingText.Npv] + " " + s[PricingText.WithIcp],
            s[PricingText.Irr], s[PricingText.DiscountedPayback], s[PricingText.PaysOff] };
        var rows = cases.Select(c => new[]
        {
            PricingCell.N(PricingNumbers.Price(c.CarbonPrice)), PricingCell.N(PricingNumbers.Rate(c.TariffEscalation)), PricingCell.N(PricingNumbers.Money(c.NpvWithCarbon)),
            PricingCell.N(PricingNumbers.Irr(c.IrrWithCarbon, s)), PricingCell.N(PricingNumbers.Years(c.DiscountedPaybackYearsWithCarbon, s)), PricingCell.T(s.YesNo(c.PaysOff)),
        }).ToList();
        return new PricingTable(headers, rows);
    }

    public static PricingTable Macc(Macc macc, CarbonPrice? price, PricingStrings s)
    {
        var headers = new[] { s[PricingText.Project], s[PricingText.Abatement], s[PricingText.CostPerTonne], s[PricingText.CumulativeAbatement], s[PricingText.PaysOff] };
        var rows = macc.Segments.Select(g => new[]
        {
            PricingCell.T(g.Project), PricingCell.N(PricingNumbers.Tonnes(g.AbatementTonnes)), PricingCell.N(PricingNumbers.Money(g.CostPerTonne)),
            PricingCell.N($"{PricingNumbers.Tonnes(g.CumulativeStartTonnes)} – {PricingNumbers.Tonnes(g.CumulativeEndTonnes)}"),
            PricingCell.T(price is { } p ? s.YesNo(g.CostPerTonne <= p.PerTonne) : "—"),
        }).ToList();
        return new PricingTable(headers, rows);
    }

    public static string? PayingOff(Macc macc, CarbonPrice? price, PricingStrings s)
    {
        if (price is not { } p) { return null; }
        var (projects, tonnes) = macc.PayingOffAt(p);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, s[PricingText.PayingOffAt], PricingNumbers.Price(p),
            projects.Count == 0 ? s[PricingText.None] : string.Join(", ", projects.Select(x => x.Project)), PricingNumbers.Tonnes(tonnes));
    }

    public static PricingTable Disclosure(IReadOnlyList<IcpDisclosure> disclosures, PricingStrings s)
    {
        var headers = new[] { s[PricingText.Scheme], s[PricingText.Type], s[PricingText.Price], s[PricingText.Perimeter], s[PricingText.EmissionsAtStake], s[PricingText.UseInDecisions] };
        var rows = disclosures.Select(d => new[]
        {
            PricingCell.T(d.Scheme), PricingCell.T(s.Of(d.Type)), PricingCell.N(PricingNumbers.Price(d.Price)), PricingCell.T(d.Perimeter),
            PricingCell.N(d.EmissionsAtStakeTonnes is { } t ? PricingNumbers.Tonnes(t) : s[PricingText.NotMeasured]), PricingCell.T(d.UseInDecisions),
        }).ToList();
        return new PricingTable(headers, rows);
    }
}
