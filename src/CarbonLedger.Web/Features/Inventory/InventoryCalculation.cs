using System.Globalization;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Reports.Inventory;
using NodaTime;

namespace CarbonLedger.Web.Features.Inventory;

/// <summary>A stored inventory with its calculated result. The numbers come from Core's calculator over the loaded
/// rows, never from SQL aggregates (SQLite compares decimals on the client; STYLE.md "Persistence").</summary>
public sealed record CalculatedInventory(InventoryRow Inventory, OrganizationSnapshot Organization, InventoryResult Result)
{
    public static async Task<CalculatedInventory?> LoadAsync(InventoryStore store, Guid organizationId, Guid inventoryId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var inventory = await store.FindInventoryAsync(organizationId, inventoryId, ct);
        if (inventory is null) { return null; }
        var snapshot = await store.LoadAsync(organizationId, ct);
        var input = await store.LoadInputAsync(organizationId, inventoryId, ct);
        if (snapshot is null || input is null) { return null; }
        return new CalculatedInventory(inventory, snapshot, InventoryCalculator.Calculate(input));
    }

    /// <summary>The report model (the same one the CLI renders) in <paramref name="language"/>, with the base-year
    /// emissions and recorded structural changes when <paramref name="baseYear"/> is given.</summary>
    public InventoryReportModel ReportModel(ReportLanguage language, string preparedBy, Instant now, BaseYearCheck? baseYear = null)
    {
        var org = Organization.Organization;
        var description = InventoryReportContext.DescribeBoundary(Organization.Boundary, language);
        var context = new InventoryReportContext(org.Name, description, preparedBy, now, language, org.BaseYear,
            baseYearEmissionsTonnes: baseYear?.Check.BaseYearTonnes, structuralChanges: baseYear?.Changes.Select(c => c.Change).ToList());
        return InventoryReportModel.From(Result, context);
    }

    /// <summary>zh-TW (default) or en.</summary>
    public static bool TryParseLanguage(string? text, out ReportLanguage language)
    {
        switch ((text ?? "zh-TW").Trim().ToUpperInvariant())
        {
            case "ZH-TW" or "ZH" or "ZHTW":
                language = ReportLanguage.ZhTw;
                return true;
            case "EN" or "EN-US" or "EN-GB" or "ENGLISH":
                language = ReportLanguage.English;
                return true;
            default:
                language = ReportLanguage.ZhTw;
                return false;
        }
    }

    public static bool TryParseFormat(string? text, out ReportFormat format)
    {
        format = ReportFormat.Html;
        return (text ?? "html").Trim().ToUpperInvariant() switch
        {
            "HTML" => Set(ReportFormat.Html, out format),
            "XLSX" => Set(ReportFormat.Xlsx, out format),
            "CSV" => Set(ReportFormat.Csv, out format),
            "JSON" => Set(ReportFormat.Json, out format),
            "PDF" => Set(ReportFormat.Pdf, out format),
            _ => false,
        };

        static bool Set(ReportFormat value, out ReportFormat format)
        {
            format = value;
            return true;
        }
    }

    /// <summary>location (default) or market.</summary>
    public static bool TryParseBasis(string? text, out Scope2Method basis)
    {
        basis = Scope2Method.LocationBased;
        switch ((text ?? "location").Trim().ToUpperInvariant())
        {
            case "LOCATION" or "LOCATION-BASED" or "LOCATIONBASED":
                return true;
            case "MARKET" or "MARKET-BASED" or "MARKETBASED":
                basis = Scope2Method.MarketBased;
                return true;
            default:
                return false;
        }
    }
}
