using System.Data;
using CarbonLedger.Inventory;
using MiniExcelLibs;

namespace CarbonLedger.Reports.Inventory;

/// <summary>The inventory report as an .xlsx workbook (MiniExcel): one sheet per table, headers in the report's
/// language, tonnes / kWh / shares / factor values written as numbers (decimal columns), never as text. Sheet names
/// come from the string table (≤ 31 characters, no []:*?/\ as Excel requires).</summary>
public static class InventoryXlsxReport
{
    public static void Write(InventoryReportModel model, Stream output)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(output);
        var sheets = Sheets(model);
        // MiniExcel writes a zip package; buffer it so a non-seekable output (an HTTP response) works too.
        using var buffer = new MemoryStream();
        buffer.SaveAs(sheets);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    /// <summary>The workbook's sheets in order, keyed by sheet name.</summary>
    public static Dictionary<string, object> Sheets(InventoryReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var s = ReportStrings.For(ReportLanguageExtensions.FromTag(model.Header.Language));
        var b = new Builder(s);
        var r = model.LocationBased;

        var summary = b.Table(ReportText.Item, typeof(string), ReportText.Text, typeof(string), ReportText.Tonnes, typeof(decimal));
        summary.Rows.Add(s[ReportText.Organization], model.Header.OrganizationName, DBNull.Value);
        summary.Rows.Add(s[ReportText.ReportingPeriod], $"{model.Period.Start} – {model.Period.End}", DBNull.Value);
        summary.Rows.Add(s[ReportText.PreparedBy], model.Header.PreparedBy, DBNull.Value);
        summary.Rows.Add(s[ReportText.GeneratedAt], model.Header.GeneratedAt, DBNull.Value);
        summary.Rows.Add(s[ReportText.GwpSetUsed], $"{model.Header.GwpSetId} — {model.Header.GwpSetName}", DBNull.Value);
        summary.Rows.Add(s[ReportText.ConsolidationApproach], s.Of(model.Boundary.ConsolidationApproach), DBNull.Value);
        summary.Rows.Add(s[ReportText.BoundaryDescription], model.Header.BoundaryDescription, DBNull.Value);
        summary.Rows.Add(s[ReportText.BaseYear], model.BaseYear.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), Db(model.BaseYear.EmissionsTonnes));
        if (model.BaseYear.Recalculation is { } rc)
        {
            summary.Rows.Add(s[ReportText.RecalculationCheck], rc.Explanation, rc.CumulativeImpactTonnes);
        }
        summary.Rows.Add($"{s[ReportText.Total]} ({s[ReportText.LocationBased]})", s[model.IsComplete ? ReportText.CompleteStatement : ReportText.IncompleteStatement], r.TotalTonnes);
        summary.Rows.Add($"{s[ReportText.Total]} ({s[ReportText.MarketBased]})", "", model.MarketBased.TotalTonnes);
        summary.Rows.Add(s[ReportText.BiogenicCo2], s[ReportText.BiogenicNote], model.BiogenicCo2Tonnes);
        summary.Rows.Add(s[ReportText.Notes], model.Header.RoundingRule, DBNull.Value);
        b.Add(ReportText.SheetSummary, summary);

        var facilities = b.Table(ReportText.Code, typeof(string), ReportText.Name, typeof(string), ReportText.LegalEntity, typeof(string),
            ReportText.OwnershipPercent, typeof(decimal), ReportText.OperationalControl, typeof(string), ReportText.FinancialControl, typeof(string),
            ReportText.ConsolidationShare, typeof(decimal), ReportText.Address, typeof(string));
        foreach (var f in model.Boundary.Facilities)
        {
            facilities.Rows.Add(f.Code, f.Name, f.LegalEntity, f.OwnershipPercent, s.YesNo(f.OperationalControl), s.YesNo(f.FinancialControl),
                f.ConsolidationSharePercent, (object?)f.Address ?? DBNull.Value);
        }
        b.Add(ReportText.SheetBoundary, facilities);

        var entities = b.Table(ReportText.Name, typeof(string), ReportText.OwnershipPercent, typeof(decimal), ReportText.ParentEntity, typeof(string), ReportText.TaxId, typeof(string));
        foreach (var e in model.Boundary.Entities) { entities.Rows.Add(e.Name, e.OwnershipPercent, Db(e.ParentName), Db(e.TaxId)); }
        b.Add(ReportText.SheetEntities, entities);

        var sources = b.Table(ReportText.Code, typeof(string), ReportText.Name, typeof(string), ReportText.Facility, typeof(string), ReportText.SourceType, typeof(string),
            ReportText.Scope, typeof(string), ReportText.IsoCategory, typeof(int), ReportText.Scope3Category, typeof(int), ReportText.EmissionType, typeof(string),
            ReportText.FactorKey, typeof(string), ReportText.Department, typeof(string), ReportText.Reason, typeof(string));
        foreach (var x in model.Sources)
        {
            sources.Rows.Add(x.Code, x.Name, x.FacilityCode, x.SourceTypeLabel, s.Of(x.Scope), x.IsoCategory, x.Scope3Category is { } c ? c : DBNull.Value,
                s.Of(x.EmissionType), x.FactorKey, Db(x.Department), Db(x.ExclusionReason));
        }
        b.Add(ReportText.SheetSources, sources);

        var methods = b.Table(ReportText.SourceType, typeof(string), ReportText.Formula, typeof(string));
        foreach (var m in model.Methods) { methods.Rows.Add(m.SourceTypeLabel, m.Formula); }
        b.Add(ReportText.SheetMethods, methods);

        var factors = b.Table(ReportText.FactorKey, typeof(string), ReportText.Name, typeof(string), ReportText.FactorSet, typeof(string), ReportText.Publisher, typeof(string),
            ReportText.Version, typeof(string), ReportText.Year, typeof(int), ReportText.Status, typeof(string), ReportText.SourceCitation, typeof(string),
            ReportText.Gas, typeof(string), ReportText.FactorValue, typeof(decimal), ReportText.Unit, typeof(string), ReportText.Gwp, typeof(decimal),
            ReportText.GwpProvenance, typeof(string), ReportText.Uncertainty, typeof(decimal), ReportText.HeatingValue, typeof(string), ReportText.UsedBy, typeof(string),
            ReportText.FactorNote, typeof(string));
        foreach (var f in model.Factors)
        {
            foreach (var g in f.Gases)
            {
                factors.Rows.Add(f.Key, f.Name, $"{f.SetName} ({f.SetId})", f.Publisher, f.Version, Db(f.FactorYear ?? f.SetYear), f.Status, f.Source,
                    g.Gas, g.Value, g.Unit, g.Gwp, g.GwpProvenance, Db(f.UncertaintyPercent), Db(f.HeatingValue), string.Join(", ", f.UsedBySources), Db(f.Note));
            }
        }
        b.Add(ReportText.SheetFactors, factors);

        var gwp = b.Table(ReportText.Gas, typeof(string), ReportText.GasGroup, typeof(string), ReportText.Gwp, typeof(decimal), ReportText.GwpProvenance, typeof(string));
        foreach (var g in model.Gwp.Applied) { gwp.Rows.Add(g.Gas, s.Of(g.Group), g.Gwp, g.Provenance); }
        b.Add(ReportText.SheetGwp, gwp);

        var byScope = b.Table(ReportText.Key, typeof(string), ReportText.Scope, typeof(string), ReportText.LocationBased, typeof(decimal), ReportText.Share, typeof(decimal),
            ReportText.MarketBased, typeof(decimal), ReportText.DisplayShare, typeof(decimal));
        for (var i = 0; i < r.ByScope.Rows.Count; i++)
        {
            var row = r.ByScope.Rows[i];
            var mrow = model.MarketBased.ByScope.Rows[i];
            byScope.Rows.Add(row.Key, row.Label, row.Tonnes, row.DisplaySharePercent, mrow.Tonnes, mrow.DisplaySharePercent);
        }
        byScope.Rows.Add("Total", s[ReportText.Total], r.TotalTonnes, r.ByScope.Rows.Sum(x => x.DisplaySharePercent), model.MarketBased.TotalTonnes,
            model.MarketBased.ByScope.Rows.Sum(x => x.DisplaySharePercent));
        b.Add(ReportText.SheetByScope, byScope);

        b.Add(ReportText.SheetByIso, b.Breakdown(ReportText.IsoCategory, r.ByIsoCategory));
        b.Add(ReportText.SheetByScope3, b.Breakdown(ReportText.Scope3Category, r.ByScope3Category));
        b.Add(ReportText.SheetByGas, b.Breakdown(ReportText.Gas, r.ByGas));
        b.Add(ReportText.SheetByGasGroup, b.Breakdown(ReportText.GasGroup, r.ByGasGroup));
        b.Add(ReportText.SheetByFacility, b.Breakdown(ReportText.Facility, r.ByFacility));
        b.Add(ReportText.SheetByDepartment, b.Breakdown(ReportText.Department, r.ByDepartment));
        b.Add(ReportText.SheetByMonth, b.Breakdown(ReportText.Month, r.ByMonth));
        b.Add(ReportText.SheetByEmissionType, b.Breakdown(ReportText.EmissionType, r.ByEmissionType));

        var scope2 = b.Table(ReportText.Facility, typeof(string), ReportText.ElectricityKwh, typeof(decimal), ReportText.LocationBased, typeof(decimal),
            ReportText.MarketBased, typeof(decimal), ReportText.Difference, typeof(decimal));
        foreach (var f in model.Scope2.ByFacility)
        {
            scope2.Rows.Add($"{f.FacilityCode} {f.FacilityName}", f.ElectricityKwh, f.LocationBasedTonnes, f.MarketBasedTonnes, f.MarketBasedTonnes - f.LocationBasedTonnes);
        }
        scope2.Rows.Add(s[ReportText.Total], model.Scope2.ElectricityKwh, model.Scope2.LocationBasedTonnes, model.Scope2.MarketBasedTonnes, model.Scope2.DifferenceTonnes);
        b.Add(ReportText.SheetScope2, scope2);

        var instruments = b.Table(ReportText.InstrumentType, typeof(string), ReportText.Reference, typeof(string), ReportText.Facility, typeof(string),
            ReportText.Period, typeof(string), ReportText.EmissionRate, typeof(decimal), ReportText.TotalKwh, typeof(decimal), ReportText.AppliedKwh, typeof(decimal),
            ReportText.UnusedKwh, typeof(decimal));
        foreach (var i in model.Scope2.Instruments)
        {
            instruments.Rows.Add(i.TypeLabel, i.Reference, i.FacilityCode ?? "*", $"{i.PeriodStart} – {i.PeriodEnd}", i.EmissionRateKgPerKwh, i.TotalKwh, i.AppliedKwh, i.UnusedKwh);
        }
        b.Add(ReportText.SheetInstruments, instruments);

        b.Add(ReportText.SheetMoenv2, b.Moenv(ReportText.Gas, model.Moenv.Table2, model.Moenv.BiogenicCo2Tonnes));
        b.Add(ReportText.SheetMoenv3, b.Moenv(ReportText.Gas, model.Moenv.Table3, null));
        b.Add(ReportText.SheetMoenv4, b.Moenv(ReportText.EmissionType, model.Moenv.Table4, null));

        var exclusions = b.Table(ReportText.What, typeof(string), ReportText.Reason, typeof(string));
        foreach (var e in model.Exclusions) { exclusions.Rows.Add(e.What, e.Reason); }
        b.Add(ReportText.SheetExclusions, exclusions);

        var problems = b.Table(ReportText.Location, typeof(string), ReportText.Message, typeof(string));
        foreach (var p in model.Problems) { problems.Rows.Add(p.Location, p.Message); }
        b.Add(ReportText.SheetProblems, problems);

        var notes = b.Table(ReportText.Notes, typeof(string));
        foreach (var n in model.Notes) { notes.Rows.Add(n); }
        notes.Rows.Add(model.Header.RoundingRule);
        b.Add(ReportText.SheetNotes, notes);

        var dq = b.Table(ReportText.Level, typeof(string), ReportText.Records, typeof(int), ReportText.Tonnes, typeof(decimal), ReportText.Share, typeof(decimal),
            ReportText.DefaultActivityUncertainty, typeof(decimal));
        foreach (var l in model.DataQuality.ByLevel) { dq.Rows.Add(l.Label, l.Records, l.Tonnes, l.DisplaySharePercent, l.DefaultActivityUncertaintyPercent); }
        dq.Rows.Add(s[ReportText.QuantifiedTonnes], DBNull.Value, model.DataQuality.QuantifiedTonnes, DBNull.Value, DBNull.Value);
        dq.Rows.Add(s[ReportText.UnquantifiedTonnes], DBNull.Value, model.DataQuality.UnquantifiedTonnes, DBNull.Value, DBNull.Value);
        dq.Rows.Add(s[ReportText.TotalUncertainty], DBNull.Value, DBNull.Value, DBNull.Value, Db(model.DataQuality.TotalUncertaintyPercent));
        b.Add(ReportText.SheetDataQuality, dq);

        var lines = new DataTable("lines");
        foreach (var h in InventoryCsvReport.Header)
        {
            lines.Columns.Add(h, h is "activity" or "activity_in_factor_unit" or "consolidation_share" or "gas_kg" or "gwp" or "tco2e" ? typeof(decimal)
                : h is "scope" or "iso_category" or "scope3_category" or "factor_year" ? typeof(int)
                : h is "biogenic" or "counts_location_based" or "counts_market_based" ? typeof(bool) : typeof(string));
        }
        foreach (var l in model.Lines)
        {
            lines.Rows.Add(l.SourceCode, l.SourceName, l.FacilityCode, Db(l.Department), (int)l.Scope, l.IsoCategory, Db(l.Scope3Category), l.EmissionType.ToString(),
                l.Scope2Method is { } m ? s.Of(m) : DBNull.Value, Db(l.InstrumentReference), l.ActivityId.ToString("D"), l.PeriodStart, l.PeriodEnd, l.Month,
                l.ActivityQuantity, l.ActivityUnit, l.ActivityInFactorUnit, l.FactorUnit, s.Of(l.DataQuality), Db(l.Evidence), l.FactorKey, l.FactorSet,
                l.FactorVersion, Db(l.FactorYear), l.ConsolidationShare, l.Gas, l.GasKilograms, l.Gwp, l.Co2eTonnes, l.IsBiogenic, l.CountsInLocationBased,
                l.CountsInMarketBased);
        }
        b.Add(ReportText.SheetLines, lines);
        return b.Sheets;
    }

    private static object Db(string? value) => value is null ? DBNull.Value : value;

    private static object Db(decimal? value) => value is { } v ? v : DBNull.Value;

    private static object Db(int? value) => value is { } v ? v : DBNull.Value;

    private sealed class Builder(ReportStrings strings)
    {
        public Dictionary<string, object> Sheets { get; } = new(StringComparer.Ordinal);

        public void Add(ReportText name, DataTable table) => Sheets.Add(strings[name], table);

        /// <summary>A table whose columns are (header key, type) pairs.</summary>
        public DataTable Table(params object[] columns)
        {
            var t = new DataTable();
            for (var i = 0; i < columns.Length; i += 2)
            {
                t.Columns.Add(strings[(ReportText)columns[i]], (Type)columns[i + 1]);
            }
            return t;
        }

        public DataTable Breakdown(ReportText keyHeader, BreakdownTable table)
        {
            var t = Table(ReportText.Key, typeof(string), keyHeader, typeof(string), ReportText.Tonnes, typeof(decimal), ReportText.Share, typeof(decimal),
                ReportText.DisplayShare, typeof(decimal));
            foreach (var r in table.Rows) { t.Rows.Add(r.Key, r.Label, r.Tonnes, r.SharePercent, r.DisplaySharePercent); }
            t.Rows.Add("Total", strings[ReportText.Total], table.TotalTonnes, table.Rows.Sum(r => r.SharePercent), table.Rows.Sum(r => r.DisplaySharePercent));
            return t;
        }

        public DataTable Moenv(ReportText keyHeader, MoenvTable table, decimal? biogenic)
        {
            var t = Table(ReportText.Key, typeof(string), keyHeader, typeof(string), ReportText.Tonnes, typeof(decimal), ReportText.Share, typeof(decimal),
                ReportText.DisplayShare, typeof(decimal), ReportText.IsSubtotal, typeof(bool));
            foreach (var r in table.Rows) { t.Rows.Add(r.Key, r.Label, r.Tonnes, r.SharePercent, r.DisplaySharePercent, r.IsSubtotal); }
            var plain = table.Rows.Where(r => !r.IsSubtotal).ToList();
            t.Rows.Add("Total", strings[ReportText.Total], table.TotalTonnes, plain.Sum(r => r.SharePercent), plain.Sum(r => r.DisplaySharePercent), false);
            if (biogenic is { } bio)
            {
                t.Rows.Add("BiogenicCO2", strings[ReportText.BiogenicCo2], bio, DBNull.Value, DBNull.Value, false);
            }
            return t;
        }
    }
}
