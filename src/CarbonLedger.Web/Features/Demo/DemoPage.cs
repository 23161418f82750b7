using System.Globalization;
using System.Text;
using CarbonLedger.Data.Stores;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CarbonLedger.Web.Features.Demo;

/// <summary>The plain server-rendered page at <c>/demo</c> showing the demo organization's inventory without signing in
/// (the web app itself needs a login). PUBLIC ON PURPOSE, AND ONLY FOR THE ORGANIZATION FLAGGED <c>IsDemo</c>: its data is fictional
/// (綠橋貿易 GreenBridge Trading), so showing it without a token leaks nothing. Every other organization's data is
/// served only under <c>/api/v1</c> to a token of that organization.</summary>
public static class DemoPage
{
    public const string Banner = "示範資料 — 虛構公司";
    public const string BannerEnglish = "demo data — fictional company";

    public static IEndpointRouteBuilder MapDemoPage(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/demo", Page).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/demo/report", Report).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The demo organization's inventory for 2024 (or its latest, if the seed changes year).</summary>
    private static async Task<CalculatedInventory?> LoadDemoAsync(InventoryStore store, CancellationToken ct)
    {
        var demo = (await store.ListOrganizationsAsync(ct)).FirstOrDefault(o => o.IsDemo);
        if (demo.Organization is null) { return null; }
        var inventories = await store.ListInventoriesAsync(demo.Organization.Id, ct);
        var inventory = inventories.FirstOrDefault(i => i.PeriodStart.Year == 2024) ?? inventories.FirstOrDefault();
        return inventory is null ? null : await CalculatedInventory.LoadAsync(store, demo.Organization.Id, inventory.Id, ct);
    }

    public static async Task<ContentHttpResult> Page(string? lang, InventoryStore store, IClock clock, CancellationToken ct)
    {
        CalculatedInventory.TryParseLanguage(lang, out var language);
        var calculated = await LoadDemoAsync(store, ct);
        if (calculated is null)
        {
            return TypedResults.Content(Layout(language, "CarbonLedger",
                "<p>沒有示範組織 (Demo:Seed=false)。請以 API 權杖使用 <a href=\"/api\">/api/v1</a>。<br><small>No demo organization (Demo:Seed is false). Use the API at <a href=\"/api\">/api/v1</a> with a token.</small></p>"),
                "text/html; charset=utf-8", Encoding.UTF8);
        }
        var m = calculated.ReportModel(language, "CarbonLedger demo page", clock.GetCurrentInstant());
        return TypedResults.Content(Layout(language, m.Header.OrganizationName, Body(m, language)), "text/html; charset=utf-8", Encoding.UTF8);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Report(string? format, string? lang, InventoryStore store, IClock clock,
        CancellationToken ct)
    {
        if (!CalculatedInventory.TryParseFormat(format, out var reportFormat) || !CalculatedInventory.TryParseLanguage(lang, out var language))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: "format: html|xlsx|csv|json; lang: zh-TW|en");
        }
        var calculated = await LoadDemoAsync(store, ct);
        if (calculated is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No demo organization.");
        }
        return InventoriesApi.RenderReport(calculated, reportFormat, language, "CarbonLedger demo page", clock.GetCurrentInstant());
    }

    private static string E(string? text) => Html.Encode(text ?? "");

    /// <summary>Tonnes with thousands separators and three decimals (kg precision).</summary>
    internal static string Tonnes(decimal t) => t.ToString("#,##0.000", CultureInfo.InvariantCulture);

    private static string Share(decimal p) => p.ToString("0.00", CultureInfo.InvariantCulture) + " %";

    private static string Heading(string zh, string en, ReportLanguage language) =>
        language == ReportLanguage.ZhTw ? $"<h2>{E(zh)}<small>{E(en)}</small></h2>" : $"<h2>{E(en)}<small>{E(zh)}</small></h2>";

    private static string Body(InventoryReportModel m, ReportLanguage language)
    {
        var zh = language == ReportLanguage.ZhTw;
        var langTag = language.Tag();
        var sb = new StringBuilder();
        sb.Append("<p class=\"meta\">")
          .Append(E(zh ? "盤查期間" : "Period")).Append(": ").Append(E(m.Period.Start)).Append(" – ").Append(E(m.Period.End)).Append(" · ")
          .Append(E(zh ? "GWP 版本" : "GWP set")).Append(": ").Append(E(m.Header.GwpSetId)).Append(" · ")
          .Append(E(zh ? "單位：公噸二氧化碳當量 (tCO2e)" : "Unit: tonnes CO2-equivalent (tCO2e)"))
          .Append("</p>");
        sb.Append("<p class=\"downloads\">")
          .Append(E(zh ? "下載報告" : "Download the report")).Append(": ")
          .Append("<a href=\"/demo/report?format=html&amp;lang=").Append(langTag).Append("\">HTML</a> · ")
          .Append("<a href=\"/demo/report?format=xlsx&amp;lang=").Append(langTag).Append("\">Excel (.xlsx)</a> · ")
          .Append("<a href=\"/demo/report?format=csv&amp;lang=").Append(langTag).Append("\">CSV</a> · ")
          .Append("<a href=\"/demo/report?format=json&amp;lang=").Append(langTag).Append("\">JSON</a></p>");

        // Totals by scope, Scope 2 on both bases (GHG Protocol Scope 2 Guidance dual reporting).
        sb.Append(Heading("範疇別排放量", "Totals by scope", language));
        sb.Append("<table><thead><tr><th>").Append(E(zh ? "項目" : "Item")).Append("</th><th>")
          .Append(E(zh ? "地區基準" : "Location-based")).Append(" (tCO2e)</th><th>").Append(E(zh ? "市場基準" : "Market-based")).Append(" (tCO2e)</th></tr></thead><tbody>");
        var location = m.LocationBased.ByScope.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        var market = m.MarketBased.ByScope.Rows.ToDictionary(r => r.Key, StringComparer.Ordinal);
        foreach (var key in location.Keys.Union(market.Keys).Order(StringComparer.Ordinal))
        {
            var label = location.TryGetValue(key, out var l) ? l.Label : market[key].Label;
            sb.Append("<tr><td>").Append(E(label)).Append("</td><td class=\"n\">").Append(Tonnes(l?.Tonnes ?? 0m))
              .Append("</td><td class=\"n\">").Append(Tonnes(market.TryGetValue(key, out var mk) ? mk.Tonnes : 0m)).Append("</td></tr>");
        }
        sb.Append("</tbody><tfoot><tr><th>").Append(E(zh ? "總計" : "Total")).Append("</th><td class=\"n\">").Append(Tonnes(m.LocationBased.TotalTonnes))
          .Append("</td><td class=\"n\">").Append(Tonnes(m.MarketBased.TotalTonnes)).Append("</td></tr></tfoot></table>");
        sb.Append("<p class=\"note\">").Append(E(zh ? "範疇二" : "Scope 2")).Append(": ")
          .Append(E(zh ? "地區基準" : "location-based")).Append(' ').Append(Tonnes(m.Scope2.LocationBasedTonnes)).Append(" tCO2e · ")
          .Append(E(zh ? "市場基準" : "market-based")).Append(' ').Append(Tonnes(m.Scope2.MarketBasedTonnes)).Append(" tCO2e · ")
          .Append(E(zh ? "用電量" : "electricity")).Append(' ').Append(m.Scope2.ElectricityKwh.ToString("#,##0", CultureInfo.InvariantCulture)).Append(" kWh</p>");

        sb.Append(Heading("依 ISO 14064-1 類別", "By ISO 14064-1 category", language));
        Breakdown(sb, m.LocationBased.ByIsoCategory, zh);
        sb.Append(Heading("彙整表二：七種溫室氣體排放量", "MOENV summary table 2: the seven gases", language));
        Moenv(sb, m.Moenv.Table2, zh);
        sb.Append("<p class=\"note\">").Append(E(zh ? "生質排放之 CO2（不計入總量）" : "Biogenic CO2 (outside the totals)")).Append(": ")
          .Append(Tonnes(m.Moenv.BiogenicCo2Tonnes)).Append(" t</p>");
        sb.Append(Heading("依據點", "By facility", language));
        Breakdown(sb, m.LocationBased.ByFacility, zh);
        sb.Append(Heading("依月份", "By month", language));
        Breakdown(sb, m.LocationBased.ByMonth, zh);
        sb.Append("<p class=\"note\">").Append(E(zh
            ? "以上分項依地區基準（環境部盤查表所用基準）；各分項加總等於總計。"
            : "Breakdowns are location-based (the basis of MOENV's form); each adds up to the total.")).Append("</p>");
        if (!m.IsComplete)
        {
            sb.Append("<p class=\"warn\">").Append(E(zh ? "有活動數據無法計算" : "Some activity data could not be calculated")).Append(": ")
              .Append(m.Problems.Count.ToString(CultureInfo.InvariantCulture)).Append("</p>");
        }
        return sb.ToString();
    }

    private static void Breakdown(StringBuilder sb, BreakdownTable table, bool zh)
    {
        sb.Append("<table><thead><tr><th>").Append(E(zh ? "項目" : "Item")).Append("</th><th>").Append(E(zh ? "排放量" : "Emissions"))
          .Append(" (tCO2e)</th><th>").Append(E(zh ? "占比" : "Share")).Append("</th></tr></thead><tbody>");
        foreach (var r in table.Rows)
        {
            sb.Append("<tr><td>").Append(E(r.Label)).Append("</td><td class=\"n\">").Append(Tonnes(r.Tonnes)).Append("</td><td class=\"n\">")
              .Append(Share(r.DisplaySharePercent)).Append("</td></tr>");
        }
        sb.Append("</tbody><tfoot><tr><th>").Append(E(zh ? "總計" : "Total")).Append("</th><td class=\"n\">").Append(Tonnes(table.TotalTonnes))
          .Append("</td><td class=\"n\">100.00 %</td></tr></tfoot></table>");
    }

    private static void Moenv(StringBuilder sb, MoenvTable table, bool zh)
    {
        sb.Append("<table><thead><tr><th>").Append(E(zh ? "溫室氣體" : "Gas")).Append("</th><th>").Append(E(zh ? "排放當量" : "Emissions"))
          .Append(" (tCO2e/").Append(E(zh ? "年" : "yr")).Append(")</th><th>").Append(E(zh ? "占比" : "Share")).Append("</th></tr></thead><tbody>");
        foreach (var r in table.Rows)
        {
            sb.Append(r.IsSubtotal ? "<tr class=\"sub\"><td>" : "<tr><td>").Append(E(r.Label)).Append("</td><td class=\"n\">").Append(Tonnes(r.Tonnes))
              .Append("</td><td class=\"n\">").Append(Share(r.DisplaySharePercent)).Append("</td></tr>");
        }
        sb.Append("</tbody><tfoot><tr><th>").Append(E(zh ? "總計" : "Total")).Append("</th><td class=\"n\">").Append(Tonnes(table.TotalTonnes))
          .Append("</td><td class=\"n\">100.00 %</td></tr></tfoot></table>");
    }

    private static string Layout(ReportLanguage language, string title, string body)
    {
        var other = language == ReportLanguage.ZhTw ? "<a href=\"/?lang=en\">English</a>" : "<a href=\"/?lang=zh-TW\">繁體中文</a>";
        return $$"""
            <!DOCTYPE html>
            <html lang="{{language.Tag()}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} — CarbonLedger</title>
            <style>
            body{font-family:system-ui,"Noto Sans TC","Microsoft JhengHei",sans-serif;margin:0 auto;max-width:60rem;padding:1rem;color:#1b1b1b}
            .banner{background:#fff3cd;border:1px solid #e0c060;padding:.6rem 1rem;font-weight:600;margin-bottom:1rem}
            h1 small,h2 small{display:block;font-size:.6em;font-weight:400;color:#555}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem;min-width:28rem}
            th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}
            td.n,tfoot td{text-align:right;font-variant-numeric:tabular-nums}
            tr.sub td{font-weight:600;background:#f4f4f4}
            .meta,.note{color:#444}.warn{color:#a00}
            nav{float:right}
            </style>
            </head>
            <body>
            <nav>{{other}} · <a href="/api">API</a></nav>
            <div class="banner" role="note">{{E(Banner)}} <span lang="en">({{E(BannerEnglish)}})</span></div>
            <h1>{{E(title)}}<small>{{E(language == ReportLanguage.ZhTw ? "溫室氣體盤查結果 · GHG inventory results" : "GHG inventory results · 溫室氣體盤查結果")}}</small></h1>
            {{body}}
            </body>
            </html>
            """;
    }
}
