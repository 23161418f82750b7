using System.Globalization;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Pricing;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Pricing;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Pricing;

/// <summary>How the icp commands print appraisals, stress tests and MACCs (tables for people, JSON for machines) and
/// write reports.</summary>
internal static class IcpOutput
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Money(Money m) => $"{m.Currency} {m.Amount.ToString("#,0", Inv)}";

    public static string Money(decimal amount) => amount.ToString("#,0", Inv);

    public static string Rate(decimal? r) => r is { } v ? (v * 100m).ToString("0.00", Inv) + " %" : "none";

    public static string Years(decimal? y) => y is { } v ? v.ToString("0.00", Inv) : "not within the horizon";

    public static void PrintAppraisal(CliContext context, AppraisalResult r)
    {
        var console = context.Console;
        var i = r.Inputs;
        console.MarkupLine(Markup.Escape(CliRun.Inv($"{i.Name}: capex {Money(i.Capex)}, {i.HorizonYears} years from {i.FirstYear}, discount {Rate(i.DiscountRate)}, internal carbon price {Money(i.CarbonPrice.PerTonne)}/tCO2e")));
        var years = new Table().Title("Year by year").AddColumn("year").AddColumn("calendar")
            .AddColumn(new TableColumn("energy saved (kWh)").RightAligned()).AddColumn(new TableColumn("tariff/kWh").RightAligned())
            .AddColumn(new TableColumn("energy-cost saving").RightAligned()).AddColumn(new TableColumn("grid kg/kWh").RightAligned())
            .AddColumn(new TableColumn("abatement (tCO2e)").RightAligned()).AddColumn(new TableColumn("carbon value").RightAligned())
            .AddColumn(new TableColumn("O&M").RightAligned()).AddColumn(new TableColumn("cash flow w/o ICP").RightAligned())
            .AddColumn(new TableColumn("cash flow with ICP").RightAligned());
        foreach (var y in r.Years)
        {
            years.AddRow(y.Index.ToString(Inv), y.CalendarYear.ToString(Inv), y.EnergySavedKwh.ToString("#,0.###", Inv), y.Index == 0 ? "" : y.Tariff.Amount.ToString("0.0000", Inv),
                Money(y.EnergyCostSaving.Amount), y.GridFactorKgPerKwh?.ToString("0.000###", Inv) ?? "", CliRun.Tonnes(y.AbatementTonnes),
                Money(y.CarbonValue.Amount), Money(y.OperatingCost.Amount), Money(y.CashFlowWithoutCarbon.Amount), Money(y.CashFlowWithCarbon.Amount));
        }
        years.AddRow("[bold]total[/]", "", r.Years.Sum(y => y.EnergySavedKwh).ToString("#,0.###", Inv), "", "[bold]" + Money(r.TotalEnergyCostSaving.Amount) + "[/]", "",
            "[bold]" + CliRun.Tonnes(r.TotalAbatementTonnes) + "[/]", "[bold]" + Money(r.TotalCarbonValue.Amount) + "[/]", Money(r.Years.Sum(y => y.OperatingCost.Amount)),
            Money(r.Years.Sum(y => y.CashFlowWithoutCarbon.Amount)), Money(r.Years.Sum(y => y.CashFlowWithCarbon.Amount)));
        console.Write(years);
        var results = new Table().Title("Results").AddColumn("").AddColumn(new TableColumn("without ICP").RightAligned()).AddColumn(new TableColumn("with ICP").RightAligned());
        results.AddRow("NPV", Money(r.NpvWithoutCarbon), Money(r.NpvWithCarbon));
        results.AddRow("IRR", Irr(r.IrrWithoutCarbon), Irr(r.IrrWithCarbon));
        results.AddRow("simple payback (years)", Years(r.SimplePaybackYears), Years(r.SimplePaybackYearsWithCarbon));
        results.AddRow("discounted payback (years)", Years(r.DiscountedPaybackYears), Years(r.DiscountedPaybackYearsWithCarbon));
        results.AddRow("abatement cost (per tCO2e)", r.AbatementCostPerTonne is { } c ? Money(c) : "none (abates nothing)", "");
        console.Write(results);
        // One line per factor source with the years it serves ("2026-2030: given by the user").
        var sources = r.Years.Where(y => y.GridFactorSource is not null).GroupBy(y => y.GridFactorSource)
            .Select(g => $"{g.Min(y => y.CalendarYear)}{(g.Count() > 1 ? $"-{g.Max(y => y.CalendarYear)}" : "")}: {g.Key}").ToList();
        if (sources.Count > 0) { console.MarkupLine(Markup.Escape("grid factor: " + string.Join("; ", sources))); }
        console.MarkupLine(Markup.Escape("abatement cost = −NPV without ICP ÷ tonnes abated over the horizon; money in whole units, totals summed before rounding"));
    }

    public static string Irr(Irr irr) => irr.Rate is { } r ? Rate(r) : $"none ({irr.Reason})";

    public static void PrintStress(CliContext context, IReadOnlyList<StressCase> cases)
    {
        var t = new Table().Title("Stress test").AddColumn(new TableColumn("carbon price").RightAligned()).AddColumn(new TableColumn("tariff escalation").RightAligned())
            .AddColumn(new TableColumn("NPV with ICP").RightAligned()).AddColumn(new TableColumn("IRR with ICP").RightAligned())
            .AddColumn(new TableColumn("discounted payback").RightAligned()).AddColumn("NPV ≥ 0");
        foreach (var c in cases)
        {
            t.AddRow(Money(c.CarbonPrice.PerTonne), Rate(c.TariffEscalation), Money(c.NpvWithCarbon), Irr(c.IrrWithCarbon), Years(c.DiscountedPaybackYearsWithCarbon), c.PaysOff ? "yes" : "no");
        }
        context.Console.Write(t);
    }

    public static void PrintMacc(CliContext context, Macc macc, CarbonPrice? price)
    {
        var t = new Table().Title("Marginal abatement cost curve (cheapest first)").AddColumn("project").AddColumn(new TableColumn("abatement (tCO2e)").RightAligned())
            .AddColumn(new TableColumn("cost per tCO2e").RightAligned()).AddColumn(new TableColumn("cumulative (tCO2e)").RightAligned()).AddColumn("pays off");
        foreach (var s in macc.Segments)
        {
            t.AddRow(Markup.Escape(s.Project), CliRun.Tonnes(s.AbatementTonnes), Money(s.CostPerTonne), $"{CliRun.Tonnes(s.CumulativeStartTonnes)} – {CliRun.Tonnes(s.CumulativeEndTonnes)}",
                price is { } p ? (s.CostPerTonne <= p.PerTonne ? "yes" : "no") : "");
        }
        context.Console.Write(t);
        if (price is { } q)
        {
            var (projects, tonnes) = macc.PayingOffAt(q);
            context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"at {Money(q.PerTonne)}/tCO2e: {projects.Count} of {macc.Segments.Count} projects pay off, abating {CliRun.Tonnes(tonnes)} tCO2e")));
        }
    }

    public static object AppraisalJson(AppraisalResult r) => new
    {
        project = r.Inputs.Name,
        currency = r.Inputs.Capex.Currency.Code,
        capex = r.Inputs.Capex.Amount,
        r.Inputs.HorizonYears,
        r.Inputs.FirstYear,
        r.Inputs.DiscountRate,
        carbonPricePerTonne = r.Inputs.CarbonPrice.PerTonne.Amount,
        years = r.Years.Select(y => new
        {
            y.Index, y.CalendarYear, y.EnergySavedKwh, tariff = y.Tariff.Amount, energyCostSaving = y.EnergyCostSaving.Amount, y.GridFactorKgPerKwh, y.GridFactorSource,
            y.AbatementTonnes, carbonValue = y.CarbonValue.Amount, operatingCost = y.OperatingCost.Amount, cashFlowWithoutCarbon = y.CashFlowWithoutCarbon.Amount,
            cashFlowWithCarbon = y.CashFlowWithCarbon.Amount, y.DiscountFactor,
        }),
        totalEnergyCostSaving = r.TotalEnergyCostSaving.Amount,
        r.TotalAbatementTonnes,
        totalCarbonValue = r.TotalCarbonValue.Amount,
        npvWithoutCarbon = r.NpvWithoutCarbon.Amount,
        npvWithCarbon = r.NpvWithCarbon.Amount,
        irrWithoutCarbon = r.IrrWithoutCarbon.Rate,
        irrWithCarbon = r.IrrWithCarbon.Rate,
        r.SimplePaybackYears,
        r.DiscountedPaybackYears,
        r.SimplePaybackYearsWithCarbon,
        r.DiscountedPaybackYearsWithCarbon,
        abatementCostPerTonne = r.AbatementCostPerTonne?.Amount,
    };

    public static object StressJson(StressCase c) => new
    {
        carbonPrice = c.CarbonPrice.PerTonne.Amount, c.TariffEscalation, npvWithCarbon = c.NpvWithCarbon.Amount, irrWithCarbon = c.IrrWithCarbon.Rate,
        c.DiscountedPaybackYearsWithCarbon, c.PaysOff,
    };

    public static object MaccJson(Macc macc, CarbonPrice? price) => new
    {
        segments = macc.Segments.Select(s => new
        {
            s.Project, s.AbatementTonnes, costPerTonne = s.CostPerTonne.Amount, s.CumulativeStartTonnes, s.CumulativeEndTonnes,
            paysOff = price is { } p ? s.CostPerTonne <= p.PerTonne : (bool?)null,
        }),
        price = price?.PerTonne.Amount,
        payingOffTonnes = price is { } q ? macc.PayingOffAt(q).AbatementTonnes : (decimal?)null,
    };

    /// <summary>Writes the report to <paramref name="path"/>, its format taken from the extension (.html, .xlsx, .pdf).</summary>
    public static void WriteReport(CliContext context, PricingReportModel model, string path, bool quiet)
    {
        var format = PricingReports.FormatOf(path) ?? throw new CliUsageException($"--report: '{path}' must end in .html, .xlsx or .pdf");
        using (var file = File.Create(path)) { PricingReports.Render(model, format, file); }
        if (!quiet) { context.Console.MarkupLine(Markup.Escape($"wrote {path} ({format.ToString().ToLowerInvariant()})")); }
    }

    public static ReportLanguage Language(string? tag) => tag switch
    {
        null or "zh-TW" => ReportLanguage.ZhTw,
        "en" => ReportLanguage.English,
        _ => throw new CliUsageException($"--lang: '{tag}' is not zh-TW or en"),
    };
}
