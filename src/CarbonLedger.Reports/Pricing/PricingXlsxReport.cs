using System.Data;
using MiniExcelLibs;

namespace CarbonLedger.Reports.Pricing;

/// <summary>The ICP report as an .xlsx workbook (MiniExcel): summary, yearly table, stress test, MACC and disclosure
/// sheets, money and tonnes written as numbers (decimal columns) at full precision, headers in the report's language.</summary>
public static class PricingXlsxReport
{
    public static void Write(PricingReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        buffer.SaveAs(Sheets(model));
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    public static Dictionary<string, object> Sheets(PricingReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = PricingStrings.For(model.Language);
        var sheets = new Dictionary<string, object>(StringComparer.Ordinal);
        if (model.Appraisal is { } r)
        {
            var summary = Table(s, (PricingText.Metric, typeof(string)), (PricingText.WithoutIcp, typeof(decimal)), (PricingText.WithIcp, typeof(decimal)));
            summary.Rows.Add(s[PricingText.Capex], r.Inputs.Capex.Amount, r.Inputs.Capex.Amount);
            summary.Rows.Add(s[PricingText.CarbonPrice], DBNull.Value, r.Inputs.CarbonPrice.PerTonne.Amount);
            summary.Rows.Add(s[PricingText.Npv], r.NpvWithoutCarbon.Amount, r.NpvWithCarbon.Amount);
            summary.Rows.Add(s[PricingText.Irr], Db(r.IrrWithoutCarbon.Rate), Db(r.IrrWithCarbon.Rate));
            summary.Rows.Add(s[PricingText.SimplePayback], Db(r.SimplePaybackYears), Db(r.SimplePaybackYearsWithCarbon));
            summary.Rows.Add(s[PricingText.DiscountedPayback], Db(r.DiscountedPaybackYears), Db(r.DiscountedPaybackYearsWithCarbon));
            summary.Rows.Add(s[PricingText.TotalSaving], r.TotalEnergyCostSaving.Amount, r.TotalEnergyCostSaving.Amount);
            summary.Rows.Add(s[PricingText.TotalAbatement], r.TotalAbatementTonnes, r.TotalAbatementTonnes);
            summary.Rows.Add(s[PricingText.TotalCarbonValue], DBNull.Value, r.TotalCarbonValue.Amount);
            summary.Rows.Add(s[PricingText.AbatementCost], Db(r.AbatementCostPerTonne?.Amount), DBNull.Value);
            sheets[s[PricingText.SheetSummary]] = summary;

            var years = Table(s, (PricingText.Year, typeof(int)), (PricingText.CalendarYear, typeof(int)), (PricingText.EnergySavedKwh, typeof(decimal)),
                (PricingText.Tariff, typeof(decimal)), (PricingText.EnergyCostSaving, typeof(decimal)), (PricingText.GridFactor, typeof(decimal)),
                (PricingText.GridFactorSource, typeof(string)), (PricingText.Abatement, typeof(decimal)), (PricingText.CarbonValue, typeof(decimal)),
                (PricingText.OperatingCost, typeof(decimal)), (PricingText.CashFlowWithout, typeof(decimal)), (PricingText.CashFlowWith, typeof(decimal)),
                (PricingText.DiscountFactor, typeof(decimal)));
            foreach (var y in r.Years)
            {
                years.Rows.Add(y.Index, y.CalendarYear, y.EnergySavedKwh, y.Tariff.Amount, y.EnergyCostSaving.Amount, Db(y.GridFactorKgPerKwh),
                    (object?)y.GridFactorSource ?? DBNull.Value, y.AbatementTonnes, y.CarbonValue.Amount, y.OperatingCost.Amount,
                    y.CashFlowWithoutCarbon.Amount, y.CashFlowWithCarbon.Amount, y.DiscountFactor);
            }
            sheets[s[PricingText.SheetYears]] = years;
        }
        if (model.Stress.Count > 0)
        {
            var stress = Table(s, (PricingText.CarbonPrice, typeof(decimal)), (PricingText.TariffEscalation, typeof(decimal)), (PricingText.Npv, typeof(decimal)),
                (PricingText.Irr, typeof(decimal)), (PricingText.DiscountedPayback, typeof(decimal)), (PricingText.PaysOff, typeof(string)));
            foreach (var c in model.Stress)
            {
                stress.Rows.Add(c.CarbonPrice.PerTonne.Amount, c.TariffEscalation, c.NpvWithCarbon.Amount, Db(c.IrrWithCarbon.Rate),
                    Db(c.DiscountedPaybackYearsWithCarbon), s.YesNo(c.PaysOff));
            }
            sheets[s[PricingText.SheetStress]] = stress;
        }
        if (model.Macc is { } macc)
        {
            var t = Table(s, (PricingText.Project, typeof(string)), (PricingText.Abatement, typeof(decimal)), (PricingText.CostPerTonne, typeof(decimal)),
                (PricingText.CumulativeAbatement, typeof(decimal)), (PricingText.PaysOff, typeof(string)));
            foreach (var g in macc.Segments)
            {
                t.Rows.Add(g.Project, g.AbatementTonnes, g.CostPerTonne.Amount, g.CumulativeEndTonnes,
                    model.MaccPrice is { } p ? s.YesNo(g.CostPerTonne <= p.PerTonne) : "");
            }
            sheets[s[PricingText.SheetMacc]] = t;
        }
        if (model.Disclosures.Count > 0)
        {
            var d = Table(s, (PricingText.Scheme, typeof(string)), (PricingText.Type, typeof(string)), (PricingText.Price, typeof(decimal)),
                (PricingText.Perimeter, typeof(string)), (PricingText.EmissionsAtStake, typeof(decimal)), (PricingText.UseInDecisions, typeof(string)));
            foreach (var x in model.Disclosures)
            {
                d.Rows.Add(x.Scheme, s.Of(x.Type), x.Price.PerTonne.Amount, x.Perimeter, Db(x.EmissionsAtStakeTonnes), x.UseInDecisions);
            }
            sheets[s[PricingText.SheetDisclosure]] = d;
        }
        return sheets;
    }

    private static DataTable Table(PricingStrings s, params (PricingText Header, Type Type)[] columns)
    {
        var t = new DataTable();
        foreach (var (header, type) in columns) { t.Columns.Add(s[header], type); }
        return t;
    }

    private static object Db(decimal? value) => value is { } v ? v : DBNull.Value;
}
