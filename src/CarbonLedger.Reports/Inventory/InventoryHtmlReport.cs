using System.Globalization;
using System.Net;
using System.Text;
using CarbonLedger.Inventory;

namespace CarbonLedger.Reports.Inventory;

/// <summary>The inventory report as one self-contained, printable HTML page: inline CSS, no script, no external
/// assets, two inline SVG bar charts (by scope, by month). Every string that comes from users or data is
/// HTML-encoded; numbers print with thousands separators and units (<see cref="ReportNumbers"/>).</summary>
public static class InventoryHtmlReport
{
    private const string Css =
        "body{font-family:'Noto Sans TC','Microsoft JhengHei',system-ui,sans-serif;margin:2em;color:#222;font-size:14px}" +
        "h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:2px solid #2e7d32;margin-top:1.6em}h3{font-size:1.05em}" +
        "table{border-collapse:collapse;margin:.5em 0 1em}th,td{border:1px solid #bbb;padding:3px 7px;vertical-align:top}" +
        "th{background:#eef5ee;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
        "tr.total td{font-weight:bold;background:#f6f6f6}tr.sub td{font-style:italic;background:#fafafa}" +
        ".incomplete{border:2px solid #c62828;background:#fdecea;padding:.6em}.complete{border:1px solid #2e7d32;background:#edf7ed;padding:.6em}" +
        ".note{color:#555;font-size:.92em}svg text{font-size:11px;font-family:inherit}" +
        "@media print{body{margin:1cm;font-size:11px}h2{page-break-after:avoid}table,svg{page-break-inside:avoid}}";

    public static void Write(InventoryReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var bytes = new UTF8Encoding(false).GetBytes(Render(model));
        output.Write(bytes);
    }

    public static string Render(InventoryReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = ReportStrings.For(ReportLanguageExtensions.FromTag(model.Header.Language));
        var h = new Html(s);
        var sb = h.Sb;
        sb.Append("<!DOCTYPE html><html lang=\"").Append(E(model.Header.Language)).Append("\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
          .Append(E(s[ReportText.Title])).Append(" — ").Append(E(model.Header.OrganizationName)).Append("</title><style>").Append(Css)
          .Append("</style></head><body>");

        sb.Append("<h1>").Append(E(s[ReportText.Title])).Append("</h1>");
        h.KeyValues(
            (s[ReportText.Organization], E(model.Header.OrganizationName)),
            (s[ReportText.ReportingPeriod], E($"{model.Period.Start} – {model.Period.End}")),
            (s[ReportText.PreparedBy], E(model.Header.PreparedBy)),
            (s[ReportText.GeneratedAt], E(model.Header.GeneratedAt)),
            (s[ReportText.GwpSetUsed], E($"{model.Header.GwpSetId} — {model.Header.GwpSetName}")),
            (s[ReportText.Total], $"{ReportNumbers.Tonnes(model.TotalTonnes)} tCO2e"));
        sb.Append(model.IsComplete
            ? $"<p class=\"complete\">{E(s[ReportText.CompleteStatement])}</p>"
            : $"<p class=\"incomplete\"><strong>{E(s[ReportText.IncompleteStatement])}</strong></p>");
        sb.Append("<p class=\"note\">").Append(E(model.Header.RoundingRule)).Append("</p>");

        Boundary(h, model);
        BaseYear(h, model);
        Sources(h, model);
        Methods(h, model);
        Factors(h, model);
        Results(h, model);
        Scope2(h, model);
        Moenv(h, model);
        Listings(h, model);
        DataQuality(h, model);
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static void Boundary(Html h, InventoryReportModel m)
    {
        var s = h.S;
        h.H2(ReportText.Boundary);
        h.KeyValues((s[ReportText.BoundaryDescription], E(m.Header.BoundaryDescription)),
            (s[ReportText.ConsolidationApproach], E(s.Of(m.Boundary.ConsolidationApproach))));
        h.H3(ReportText.LegalEntities);
        h.Table([ReportText.Name, ReportText.OwnershipPercent, ReportText.ParentEntity, ReportText.TaxId],
            m.Boundary.Entities.Select(e => new[] { T(e.Name), N(ReportNumbers.Quantity(e.OwnershipPercent)), T(e.ParentName), T(e.TaxId) }));
        h.H3(ReportText.Facilities);
        h.Table([ReportText.Code, ReportText.Name, ReportText.LegalEntity, ReportText.OwnershipPercent, ReportText.OperationalControl,
                ReportText.FinancialControl, ReportText.ConsolidationShare, ReportText.Address],
            m.Boundary.Facilities.Select(f => new[]
            {
                T(f.Code), T(f.Name), T(f.LegalEntity), N(ReportNumbers.Quantity(f.OwnershipPercent)), T(s.YesNo(f.OperationalControl)),
                T(s.YesNo(f.FinancialControl)), N(ReportNumbers.Quantity(f.ConsolidationSharePercent)), T(f.Address),
            }));
    }

    private static void BaseYear(Html h, InventoryReportModel m)
    {
        var s = h.S;
        var b = m.BaseYear;
        h.H2(ReportText.BaseYear);
        h.KeyValues(
            (s[ReportText.ReportingPeriod], E($"{m.Period.Start} – {m.Period.End}")),
            (s[ReportText.FactorYear], E(m.Period.FactorYear.ToString(CultureInfo.InvariantCulture))),
            (s[ReportText.BaseYear], E(b.Year.ToString(CultureInfo.InvariantCulture))),
            (s[ReportText.BaseYearEmissions], b.EmissionsTonnes is { } t ? $"{ReportNumbers.Tonnes(t)} tCO2e" : E(s[ReportText.BaseYearNone])),
            (s[ReportText.ChangeFromBaseYear], b.ChangePercent is { } c ? $"{(c > 0 ? "+" : "")}{ReportNumbers.Percent(c)} %" : E(s[ReportText.BaseYearNone])));
        h.H3(ReportText.RecalculationCheck);
        if (b.Recalculation is not { } r)
        {
            h.P(s[ReportText.NoRecalculationData]);
            return;
        }
        h.KeyValues(
            (s[ReportText.CumulativeImpact], $"{ReportNumbers.Tonnes(r.CumulativeImpactTonnes)} tCO2e ({ReportNumbers.Percent(r.CumulativePercent)} %)"),
            (s[ReportText.Threshold], $"{ReportNumbers.Percent(r.ThresholdPercent)} %"),
            (s[ReportText.RecalculationCheck], E(s[r.RecalculationRequired ? ReportText.RecalculationRequired : ReportText.RecalculationNotRequired])),
            (s[ReportText.Message], E(r.Explanation)));
        h.Table([ReportText.StructuralChanges, ReportText.What, ReportText.Year, ReportText.Tonnes],
            r.Changes.Select(c => new[] { T(c.Description), T(c.Kind.ToString()), N(c.Year.ToString(CultureInfo.InvariantCulture)), N(ReportNumbers.Tonnes(c.BaseYearImpactTonnes)) }));
    }

    private static void Sources(Html h, InventoryReportModel m)
    {
        var s = h.S;
        h.H2(ReportText.Sources);
        h.Table([ReportText.Code, ReportText.Name, ReportText.Facility, ReportText.SourceType, ReportText.Scope, ReportText.IsoCategory,
                ReportText.Scope3Category, ReportText.EmissionType, ReportText.FactorKey, ReportText.Department, ReportText.Reason],
            m.Sources.Select(x => new[]
            {
                T(x.Code), T(x.Name), T($"{x.FacilityCode} {x.FacilityName}"), T(x.SourceTypeLabel), T(s.Of(x.Scope)),
                T(s.Of((IsoCategory)x.IsoCategory)), T(x.Scope3Category is { } c ? s.Of((Scope3Category)c) : ""), T(s.Of(x.EmissionType)),
                T(x.FactorKey), T(x.Department), T(x.ExclusionReason),
            }));
    }

    private static void Methods(Html h, InventoryReportModel m)
    {
        h.H2(ReportText.Methods);
        h.Table([ReportText.SourceType, ReportText.Formula], m.Methods.Select(x => new[] { T(x.SourceTypeLabel), T(x.Formula) }));
    }

    private static void Factors(Html h, InventoryReportModel m)
    {
        var s = h.S;
        h.H2(ReportText.FactorsUsed);
        h.Table([ReportText.FactorKey, ReportText.Name, ReportText.FactorSet, ReportText.Publisher, ReportText.Version, ReportText.Year,
                ReportText.Status, ReportText.SourceCitation, ReportText.Gas, ReportText.FactorValue, ReportText.Unit, ReportText.Gwp,
                ReportText.Uncertainty, ReportText.HeatingValue, ReportText.UsedBy, ReportText.FactorNote],
            m.Factors.Select(f => new[]
            {
                T(f.Key), T(f.Name), T($"{f.SetName} ({f.SetId})"), T(f.Publisher), T(f.Version),
                N((f.FactorYear ?? f.SetYear)?.ToString(CultureInfo.InvariantCulture) ?? ""), T(f.Status), T(f.Source),
                Multi(f.Gases.Select(g => g.Gas)), MultiN(f.Gases.Select(g => ReportNumbers.Full(g.Value))), Multi(f.Gases.Select(g => g.Unit)),
                MultiN(f.Gases.Select(g => ReportNumbers.Full(g.Gwp))), N(f.UncertaintyPercent is { } u ? ReportNumbers.Percent(u) : ""),
                T(f.HeatingValue), T(string.Join(", ", f.UsedBySources)), T(f.Note),
            }));
        h.H3(ReportText.GwpValuesApplied);
        h.P($"{m.Gwp.Id} — {m.Gwp.Name} ({m.Gwp.Source})");
        h.Table([ReportText.Gas, ReportText.GasGroup, ReportText.Gwp, ReportText.GwpProvenance],
            m.Gwp.Applied.Select(g => new[] { T(g.Gas), T(s.Of(g.Group)), N(ReportNumbers.Full(g.Gwp)), T(g.Provenance) }));
    }

    private static void Results(Html h, InventoryReportModel m)
    {
        var s = h.S;
        var r = m.LocationBased;
        h.H2(ReportText.Results);
        h.P(s[ReportText.MoenvBasisNote]);
        h.H3(ReportText.ResultsByScope);
        var rows = r.ByScope.Rows.Select((row, i) => new[]
        {
            T(row.Label), N(ReportNumbers.Tonnes(row.Tonnes)), N(ReportNumbers.Percent(row.DisplaySharePercent)),
            N(ReportNumbers.Tonnes(m.MarketBased.ByScope.Rows[i].Tonnes)), N(ReportNumbers.Percent(m.MarketBased.ByScope.Rows[i].DisplaySharePercent)),
        }).ToList();
        h.Table([ReportText.Scope, ReportText.LocationBased, ReportText.Share, ReportText.MarketBased, ReportText.Share], rows,
            [T(s[ReportText.Total]), N(ReportNumbers.Tonnes(r.TotalTonnes)), N(ReportNumbers.Percent(r.ByScope.Rows.Sum(x => x.DisplaySharePercent))),
                N(ReportNumbers.Tonnes(m.MarketBased.TotalTonnes)), N(ReportNumbers.Percent(m.MarketBased.ByScope.Rows.Sum(x => x.DisplaySharePercent)))],
            unitNote: "tCO2e");
        h.Sb.Append(BarChart(s[ReportText.ChartByScope], r.ByScope.Rows.Select(x => (x.Label, x.Tonnes)).ToList(), horizontal: true));
        h.Breakdown(ReportText.ResultsByIsoCategory, ReportText.IsoCategory, r.ByIsoCategory);
        if (r.ByScope3Category.Rows.Count > 0) { h.Breakdown(ReportText.ResultsByScope3Category, ReportText.Scope3Category, r.ByScope3Category); }
        h.Breakdown(ReportText.ResultsByGas, ReportText.Gas, r.ByGas);
        h.Breakdown(ReportText.ResultsByGasGroup, ReportText.GasGroup, r.ByGasGroup);
        h.Breakdown(ReportText.ResultsByFacility, ReportText.Facility, r.ByFacility);
        h.Breakdown(ReportText.ResultsByDepartment, ReportText.Department, r.ByDepartment);
        h.Breakdown(ReportText.ResultsByMonth, ReportText.Month, r.ByMonth);
        h.Sb.Append(BarChart(s[ReportText.ChartByMonth], r.ByMonth.Rows.Select(x => (x.Label, x.Tonnes)).ToList(), horizontal: false));
        h.Breakdown(ReportText.ResultsByEmissionType, ReportText.EmissionType, r.ByEmissionType);
        h.H3(ReportText.BiogenicCo2);
        h.KeyValues((s[ReportText.BiogenicCo2], $"{ReportNumbers.Tonnes(m.BiogenicCo2Tonnes)} tCO2"));
        h.P(s[ReportText.BiogenicNote]);
    }

    private static void Scope2(Html h, InventoryReportModel m)
    {
        var s = h.S;
        h.H2(ReportText.Scope2Dual);
        h.P(s[ReportText.Scope2BasisNote]);
        h.Table([ReportText.Facility, ReportText.ElectricityKwh, ReportText.LocationBased, ReportText.MarketBased, ReportText.Difference],
            m.Scope2.ByFacility.Select(f => new[]
            {
                T($"{f.FacilityCode} {f.FacilityName}"), N(ReportNumbers.Quantity(f.ElectricityKwh)), N(ReportNumbers.Tonnes(f.LocationBasedTonnes)),
                N(ReportNumbers.Tonnes(f.MarketBasedTonnes)), N(ReportNumbers.Tonnes(f.MarketBasedTonnes - f.LocationBasedTonnes)),
            }),
            [T(s[ReportText.Total]), N(ReportNumbers.Quantity(m.Scope2.ElectricityKwh)), N(ReportNumbers.Tonnes(m.Scope2.LocationBasedTonnes)),
                N(ReportNumbers.Tonnes(m.Scope2.MarketBasedTonnes)), N(ReportNumbers.Tonnes(m.Scope2.DifferenceTonnes))],
            unitNote: "tCO2e");
        h.H3(ReportText.Instruments);
        h.Table([ReportText.InstrumentType, ReportText.Reference, ReportText.Facility, ReportText.Period, ReportText.EmissionRate,
                ReportText.TotalKwh, ReportText.AppliedKwh, ReportText.UnusedKwh],
            m.Scope2.Instruments.Select(i => new[]
            {
                T(i.TypeLabel), T(i.Reference), T(i.FacilityCode ?? "*"), T($"{i.PeriodStart} – {i.PeriodEnd}"), N(ReportNumbers.Full(i.EmissionRateKgPerKwh)),
                N(ReportNumbers.Quantity(i.TotalKwh)), N(ReportNumbers.Quantity(i.AppliedKwh)), N(ReportNumbers.Quantity(i.UnusedKwh)),
            }));
    }

    private static void Moenv(Html h, InventoryReportModel m)
    {
        var s = h.S;
        h.H2(ReportText.MoenvTable2);
        h.MoenvTable(ReportText.Gas, m.Moenv.Table2);
        h.KeyValues((s[ReportText.BiogenicCo2], $"{ReportNumbers.Tonnes(m.Moenv.BiogenicCo2Tonnes)} tCO2"));
        h.H2(ReportText.MoenvTable3);
        h.MoenvTable(ReportText.Gas, m.Moenv.Table3);
        h.H2(ReportText.MoenvTable4);
        h.MoenvTable(ReportText.EmissionType, m.Moenv.Table4);
    }

    private static void Listings(Html h, InventoryReportModel m)
    {
        h.H2(ReportText.Exclusions);
        h.Table([ReportText.What, ReportText.Reason], m.Exclusions.Select(e => new[] { T(e.What), T(e.Reason) }));
        h.H2(ReportText.Problems);
        if (!m.IsComplete) { h.Sb.Append("<p class=\"incomplete\">").Append(E(h.S[ReportText.IncompleteStatement])).Append("</p>"); }
        h.Table([ReportText.Location, ReportText.Message], m.Problems.Select(p => new[] { T(p.Location), T(p.Message) }));
        h.H2(ReportText.Notes);
        if (m.Notes.Count == 0) { h.P(h.S[ReportText.NoneRecorded]); }
        else
        {
            h.Sb.Append("<ul>");
            foreach (var n in m.Notes) { h.Sb.Append("<li>").Append(E(n)).Append("</li>"); }
            h.Sb.Append("</ul>");
        }
    }

    private static void DataQuality(Html h, InventoryReportModel m)
    {
        var s = h.S;
        var d = m.DataQuality;
        h.H2(ReportText.DataQuality);
        h.Table([ReportText.Level, ReportText.Records, ReportText.Tonnes, ReportText.Share, ReportText.DefaultActivityUncertainty],
            d.ByLevel.Select(l => new[]
            {
                T(l.Label), N(l.Records.ToString("#,##0", CultureInfo.InvariantCulture)), N(ReportNumbers.Tonnes(l.Tonnes)),
                N(ReportNumbers.Percent(l.DisplaySharePercent)), N(ReportNumbers.Percent(l.DefaultActivityUncertaintyPercent)),
            }));
        h.KeyValues(
            (s[ReportText.QuantifiedTonnes], ReportNumbers.Tonnes(d.QuantifiedTonnes)),
            (s[ReportText.UnquantifiedTonnes], ReportNumbers.Tonnes(d.UnquantifiedTonnes)),
            (s[ReportText.TotalUncertainty], d.TotalUncertaintyPercent is { } u ? $"± {ReportNumbers.Percent(u)} %" : E(s[ReportText.NoneRecorded])));
        h.P(s[ReportText.DefaultUncertaintyAssumption]);
    }

    /// <summary>A bar chart as inline SVG: horizontal (one bar per row, label left) or vertical (one column per row).</summary>
    internal static string BarChart(string title, IReadOnlyList<(string Label, decimal Value)> bars, bool horizontal)
    {
        var max = bars.Count == 0 ? 0m : bars.Max(b => b.Value);
        var scaleMax = max <= 0 ? 1m : max;
        var sb = new StringBuilder();
        if (horizontal)
        {
            const int row = 26, labelWidth = 170, barWidth = 420;
            var height = (bars.Count * row) + 30;
            sb.Append(Inv($"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 130}\" height=\"{height}\" role=\"img\" aria-label=\"{E(title)}\">"));
            sb.Append(Inv($"<text x=\"0\" y=\"14\" font-weight=\"bold\">{E(title)} (tCO2e)</text>"));
            for (var i = 0; i < bars.Count; i++)
            {
                var y = 24 + (i * row);
                var w = (double)(bars[i].Value / scaleMax) * barWidth;
                sb.Append(Inv($"<text x=\"0\" y=\"{y + 15}\">{E(bars[i].Label)}</text>"));
                sb.Append(Inv($"<rect x=\"{labelWidth}\" y=\"{y + 3}\" width=\"{w:0.##}\" height=\"{row - 8}\" fill=\"#2e7d32\"/>"));
                sb.Append(Inv($"<text x=\"{labelWidth + w + 6:0.##}\" y=\"{y + 15}\">{ReportNumbers.Tonnes(bars[i].Value)}</text>"));
            }
        }
        else
        {
            const int col = 44, plot = 180, top = 40, left = 10;
            var width = Math.Max(360, (bars.Count * col) + (2 * left));
            sb.Append(Inv($"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{top + plot + 40}\" role=\"img\" aria-label=\"{E(title)}\">"));
            sb.Append(Inv($"<text x=\"0\" y=\"14\" font-weight=\"bold\">{E(title)} (tCO2e)</text>"));
            for (var i = 0; i < bars.Count; i++)
            {
                var x = left + (i * col);
                var hgt = (double)(bars[i].Value / scaleMax) * plot;
                var y = top + plot - hgt;
                sb.Append(Inv($"<rect x=\"{x + 6}\" y=\"{y:0.##}\" width=\"{col - 12}\" height=\"{hgt:0.##}\" fill=\"#1565c0\"/>"));
                sb.Append(Inv($"<text x=\"{x + (col / 2)}\" y=\"{y - 4:0.##}\" text-anchor=\"middle\">{ReportNumbers.Tonnes(bars[i].Value)}</text>"));
                sb.Append(Inv($"<text x=\"{x + (col / 2)}\" y=\"{top + plot + 16}\" text-anchor=\"middle\">{E(bars[i].Label)}</text>"));
            }
            sb.Append(Inv($"<line x1=\"{left}\" y1=\"{top + plot}\" x2=\"{width - left}\" y2=\"{top + plot}\" stroke=\"#555\"/>"));
        }
        sb.Append("</svg></figure>");
        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private readonly record struct Td(string Html, bool Numeric);

    private static Td T(string? text) => new(E(text), false);

    private static Td N(string formatted) => new(E(formatted), true);

    private static Td Multi(IEnumerable<string> values) => new(string.Join("<br>", values.Select(E)), false);

    private static Td MultiN(IEnumerable<string> values) => new(string.Join("<br>", values.Select(E)), true);

    /// <summary>Small writer over the page's StringBuilder with the language's labels.</summary>
    private sealed class Html(ReportStrings strings)
    {
        public StringBuilder Sb { get; } = new(64 * 1024);
        public ReportStrings S { get; } = strings;

        public void H2(ReportText key) => Sb.Append("<h2>").Append(E(S[key])).Append("</h2>");

        public void H3(ReportText key) => Sb.Append("<h3>").Append(E(S[key])).Append("</h3>");

        public void P(string text) => Sb.Append("<p class=\"note\">").Append(E(text)).Append("</p>");

        /// <summary>Label/value pairs; values are already HTML (encoded or formatted numbers).</summary>
        public void KeyValues(params (string Label, string ValueHtml)[] pairs)
        {
            Sb.Append("<table class=\"kv\">");
            foreach (var (label, value) in pairs)
            {
                Sb.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(value).Append("</td></tr>");
            }
            Sb.Append("</table>");
        }

        public void Table(IReadOnlyList<ReportText> headers, IEnumerable<Td[]> rows, Td[]? total = null, string? unitNote = null)
        {
            var list = rows.ToList();
            if (list.Count == 0 && total is null)
            {
                P(S[ReportText.NoneRecorded]);
                return;
            }
            Sb.Append("<table><thead><tr>");
            foreach (var key in headers) { Sb.Append("<th>").Append(E(S[key])).Append("</th>"); }
            Sb.Append("</tr></thead><tbody>");
            foreach (var r in list) { Row(r, null); }
            if (total is not null) { Row(total, "total"); }
            Sb.Append("</tbody></table>");
            if (unitNote is not null) { Sb.Append("<p class=\"note\">").Append(E(unitNote)).Append("</p>"); }
        }

        private void Row(Td[] cells, string? cssClass)
        {
            Sb.Append(cssClass is null ? "<tr>" : $"<tr class=\"{cssClass}\">");
            foreach (var c in cells) { Sb.Append(c.Numeric ? "<td class=\"n\">" : "<td>").Append(c.Html).Append("</td>"); }
            Sb.Append("</tr>");
        }

        public void Breakdown(ReportText title, ReportText keyHeader, BreakdownTable table)
        {
            H3(title);
            Table([keyHeader, ReportText.Tonnes, ReportText.Share],
                table.Rows.Select(r => new[] { T(r.Label), N(ReportNumbers.Tonnes(r.Tonnes)), N(ReportNumbers.Percent(r.DisplaySharePercent)) }),
                [T(S[ReportText.Total]), N(ReportNumbers.Tonnes(table.TotalTonnes)), N(ReportNumbers.Percent(table.Rows.Sum(r => r.DisplaySharePercent)))]);
        }

        public void MoenvTable(ReportText keyHeader, Inventory.MoenvTable table)
        {
            Sb.Append("<table><thead><tr><th>").Append(E(S[keyHeader])).Append("</th><th>").Append(E(S[ReportText.Tonnes])).Append("</th><th>")
              .Append(E(S[ReportText.Share])).Append("</th></tr></thead><tbody>");
            foreach (var r in table.Rows)
            {
                Row([T(r.Label), N(ReportNumbers.Tonnes(r.Tonnes)), N(ReportNumbers.Percent(r.DisplaySharePercent))], r.IsSubtotal ? "sub" : null);
            }
            Row([T(S[ReportText.Total]), N(ReportNumbers.Tonnes(table.TotalTonnes)),
                N(ReportNumbers.Percent(table.Rows.Where(r => !r.IsSubtotal).Sum(r => r.DisplaySharePercent)))], "total");
            Sb.Append("</tbody></table>");
        }
    }
}
