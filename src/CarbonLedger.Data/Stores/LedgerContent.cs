using System.Globalization;
using System.Text;
using System.Text.Json;
using CarbonLedger.Data.Entities;

namespace CarbonLedger.Data.Stores;

/// <summary>The canonical content the ledger records for each kind of inventory data: compact JSON with a fixed
/// property order, decimals without trailing zeros, instants in UTC to the microsecond and dates as ISO dates, so the
/// same stored row gives the same text on SQLite (decimal as TEXT) and PostgreSQL (numeric(28,10), timestamptz µs).
/// Verification recomputes this from the current rows and compares it with what the ledger last recorded.</summary>
public static class LedgerContent
{
    public const string LegalEntity = "legal-entity";
    public const string Facility = "facility";
    public const string Source = "source";
    public const string Activity = "activity";
    public const string Instrument = "instrument";
    public const string CustomFactor = "custom-factor";
    public const string Inventory = "inventory";
    public const string StructuralChange = "structural-change";

    /// <summary>Kinds whose current rows verification compares with the ledger.</summary>
    public static readonly IReadOnlyList<string> DataKinds = [LegalEntity, Facility, Source, Activity, Instrument, CustomFactor, Inventory, StructuralChange];

    public static string Of(LegalEntityRow r) => Write(w =>
    {
        w.WriteString("name", r.Name);
        Dec(w, "ownershipPercent", r.OwnershipPercent);
        w.WriteString("parentId", r.ParentId?.ToString("D"));
        w.WriteString("taxId", r.TaxId);
    });

    public static string Of(FacilityRow r) => Write(w =>
    {
        w.WriteString("address", r.Address);
        w.WriteString("code", r.Code);
        w.WriteBoolean("financialControl", r.FinancialControl);
        w.WriteString("legalEntityId", r.LegalEntityId.ToString("D"));
        w.WriteString("name", r.Name);
        w.WriteBoolean("operationalControl", r.OperationalControl);
        Dec(w, "ownershipPercent", r.OwnershipPercent);
    });

    public static string Of(EmissionSourceRow r) => Write(w =>
    {
        w.WriteString("code", r.Code);
        w.WriteString("department", r.Department);
        w.WriteString("description", r.Description);
        w.WriteString("exclusionReason", r.ExclusionReason);
        w.WriteString("facilityId", r.FacilityId.ToString("D"));
        w.WriteString("factorKey", r.FactorKey);
        w.WriteString("name", r.Name);
        if (r.Scope3Category is { } c) { w.WriteNumber("scope3Category", c); } else { w.WriteNull("scope3Category"); }
        w.WriteString("type", r.Type);
    });

    public static string Of(ActivityRow r) => Write(w =>
    {
        w.WriteString("enteredAt", Instant(r.EnteredAt));
        w.WriteString("enteredBy", r.EnteredBy);
        w.WriteString("evidence", r.Evidence);
        w.WriteString("note", r.Note);
        w.WriteString("periodEnd", Date(r.PeriodEnd));
        w.WriteString("periodStart", Date(r.PeriodStart));
        w.WriteString("quality", r.Quality);
        Dec(w, "quantity", r.Quantity);
        w.WriteString("sourceId", r.SourceId.ToString("D"));
        Dec(w, "uncertaintyPercent", r.UncertaintyPercent);
        w.WriteString("unit", r.Unit);
    });

    public static string Of(InstrumentRow r) => Write(w =>
    {
        Dec(w, "emissionRateKgPerKwh", r.EmissionRateKgPerKwh);
        w.WriteString("energyUnit", r.EnergyUnit);
        Dec(w, "energyValue", r.EnergyValue);
        w.WriteString("facilityId", r.FacilityId?.ToString("D"));
        w.WriteString("periodEnd", Date(r.PeriodEnd));
        w.WriteString("periodStart", Date(r.PeriodStart));
        w.WriteString("reference", r.Reference);
        w.WriteString("type", r.Type);
    });

    public static string Of(CustomFactorRow r) => Write(w =>
    {
        w.WriteStartArray("gases");
        foreach (var g in r.Gases.OrderBy(g => g.Gas, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString("gas", g.Gas);
            w.WriteString("massUnit", g.MassUnit);
            Dec(w, "value", g.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("key", r.Key);
        w.WriteString("name", r.Name);
        w.WriteString("perUnit", r.PerUnit);
        w.WriteString("publisher", r.Publisher);
        w.WriteString("setName", r.SetName);
        w.WriteString("source", r.Source);
        w.WriteString("status", r.Status);
        Dec(w, "uncertaintyPercent", r.UncertaintyPercent);
        w.WriteString("version", r.Version);
        if (r.Year is { } y) { w.WriteNumber("year", y); } else { w.WriteNull("year"); }
    });

    public static string Of(InventoryRow r) => Write(w =>
    {
        w.WriteString("gwpSet", r.GwpSetId);
        w.WriteString("name", r.Name);
        w.WriteString("periodEnd", Date(r.PeriodEnd));
        w.WriteString("periodStart", Date(r.PeriodStart));
        Dec(w, "residualMixKgPerKwh", r.ResidualMixKgPerKwh);
        w.WriteString("residualMixSource", r.ResidualMixSource);
        w.WriteString("status", r.Status);
    });

    public static string Of(StructuralChangeRow r) => Write(w =>
    {
        Dec(w, "baseYearImpactTonnes", r.BaseYearImpactTonnes);
        w.WriteString("description", r.Description);
        w.WriteString("kind", r.Kind);
        w.WriteNumber("year", r.Year);
    });

    /// <summary>Any other event (workflow transition, comment, finding): the given properties in ordinal key order.</summary>
    public static string Of(IReadOnlyDictionary<string, string?> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        return Write(w =>
        {
            foreach (var (k, v) in properties.OrderBy(p => p.Key, StringComparer.Ordinal)) { w.WriteString(k, v); }
        });
    }

    /// <summary>Every decimal column is numeric(28,10) (Configurations' <c>Precision.Amount</c>): PostgreSQL rounds a
    /// value with more than ten decimals half away from zero when storing it, SQLite keeps the text as given. Rounding here
    /// the same way makes the content of what was written equal the content of what either engine reads back.</summary>
    public static string Decimal(decimal value) =>
        Math.Round(value, StoredDecimals, MidpointRounding.AwayFromZero).ToString("0.############################", CultureInfo.InvariantCulture);

    private const int StoredDecimals = 10;

    public static string Instant(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        var micro = new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc); // PostgreSQL keeps microseconds
        return micro.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Dec(Utf8JsonWriter w, string name, decimal value) => w.WriteString(name, Decimal(value));

    private static void Dec(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v) { w.WriteString(name, Decimal(v)); } else { w.WriteNull(name); }
    }

    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream(256);
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
