using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CarbonLedger.Reports.Inventory;

namespace CarbonLedger.Reports.Tests.Inventory;

public sealed class InventoryHtmlReportTests
{
    private static string Render(ReportLanguage language, bool withProblem = false)
    {
        using var stream = new MemoryStream();
        InventoryReports.Render(SampleInventory.Model(language, withProblem), ReportFormat.Html, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Render_HtmlZhTw_HasLocalisedHeadingsAndMoenvTotals()
    {
        // Given / When
        var html = Render(ReportLanguage.ZhTw);

        // Then: headings in zh-TW, and the MOENV tables' totals at three decimals: 彙整表二/四 58.18003075056 → 58.180,
        //   彙整表三 7.78003075056 → 7.780; Scope 2 47.400 (location) and 23.700 (market); electricity 100,000 kWh
        html.ShouldStartWith("<!DOCTYPE html><html lang=\"zh-TW\">");
        foreach (var heading in new[] { "溫室氣體盤查報告書", "組織邊界", "排放源鑑別", "量化方法", "採用之排放係數及來源",
                     "彙整表二：七種溫室氣體排放量", "彙整表三：範疇一七種溫室氣體排放量", "彙整表四：依排放型式之排放量", "範疇二雙軌結果（位置基礎／市場基礎）",
                     "生質排放 CO2", "數據品質與不確定性", "範疇一", "類別1 直接溫室氣體排放" })
        {
            html.ShouldContain(heading);
        }
        html.ShouldContain("<td class=\"n\">58.180</td>");
        html.ShouldContain("<td class=\"n\">7.780</td>");
        html.ShouldContain("<td class=\"n\">47.400</td>");
        html.ShouldContain("<td class=\"n\">23.700</td>");
        html.ShouldContain("<td class=\"n\">100,000</td>");
        html.ShouldContain("<td class=\"n\">100.00</td>");
        html.ShouldContain("<td class=\"n\">1.99</td>"); // 彙整表三's CH4 share by largest remainder (model test)
    }

    [Fact]
    public void Render_HtmlEnglish_HasEnglishHeadingsAndTwoCharts()
    {
        // Given / When
        var html = Render(ReportLanguage.English);

        // Then
        html.ShouldStartWith("<!DOCTYPE html><html lang=\"en\">");
        foreach (var heading in new[] { "Greenhouse gas inventory report", "Organizational boundary", "Emission sources",
                     "MOENV summary table 2 (彙整表二): the seven gases", "MOENV summary table 4 (彙整表四): by emission type",
                     "Scope 2 dual results (location-based / market-based)", "Biogenic CO2", "Exclusions and reasons", "Data quality and uncertainty" })
        {
            html.ShouldContain(WebUtility.HtmlEncode(heading));
        }
        Regex.Count(html, "<svg ").ShouldBe(2);
        html.ShouldContain("Emissions by scope");
        html.ShouldContain("Emissions by month");
        html.ShouldContain("2024-12"); // the monthly chart and table run over all twelve months
        html.ShouldNotContain("<script");
    }

    [Fact]
    public void Render_Html_EncodesEveryUserString()
    {
        // Given: organization "綠能貿易 <script>alert('x')</script> & Co", preparer "王小明 <ESG>"
        // When
        var html = Render(ReportLanguage.English);

        // Then
        html.ShouldNotContain("<script>");
        html.ShouldContain("綠能貿易 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co");
        html.ShouldContain("王小明 &lt;ESG&gt;");
        html.ShouldContain("公務車, &quot;貨車&quot;");
    }

    [Fact]
    public void Render_HtmlWithProblem_SaysInventoryIsIncompleteInBothLanguages()
    {
        // Given / When
        var zh = Render(ReportLanguage.ZhTw, withProblem: true);
        var en = Render(ReportLanguage.English, withProblem: true);
        var complete = Render(ReportLanguage.English);

        // Then
        zh.ShouldContain("本盤查尚未完整");
        en.ShouldContain("This inventory is incomplete");
        complete.ShouldNotContain("This inventory is incomplete");
        complete.ShouldContain("Every activity record of this inventory was calculated.");
    }
}
