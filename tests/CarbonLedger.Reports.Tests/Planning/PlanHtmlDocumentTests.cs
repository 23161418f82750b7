using System.Net;
using CarbonLedger.Reports.Inventory;
using CarbonLedger.Reports.Planning;

namespace CarbonLedger.Reports.Tests.Planning;

public sealed class PlanHtmlDocumentTests
{
    private static string Html(PlanDocumentModel model)
    {
        using var stream = new MemoryStream();
        PlanReports.Render(model, ReportFormat.Html, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Render_Seed003_HasTheFscHeadingsInOrder()
    {
        // Given / When
        var html = Html(PlanDocumentSamples.Seed003(ReportLanguage.ZhTw));

        // Then each of the twelve FSC items' headings (seed 003 附表) appears as a heading, each after the one before
        html.ShouldStartWith("<!DOCTYPE html><html lang=\"zh-TW\">");
        var at = 0;
        foreach (var heading in PlanDocumentSamples.FscHeadingsZhTw)
        {
            var tag = heading.StartsWith('(') ? "h3" : "h2";
            var next = html.IndexOf($"<{tag}>{WebUtility.HtmlEncode(heading)}</{tag}>", at, StringComparison.Ordinal);
            next.ShouldBeGreaterThan(at, heading);
            at = next;
        }
    }

    [Fact]
    public void Render_Seed003_ShowsTheActivityTableAndBlanks()
    {
        // Given / When
        var html = Html(PlanDocumentSamples.Seed003(ReportLanguage.ZhTw));

        // Then the revenue shares 30/25/20/15/10 % as one row and the statuses as the last row (seed 003 sample)
        html.ShouldContain("<td class=\"n\">30%</td><td class=\"n\">25%</td><td class=\"n\">20%</td><td class=\"n\">15%</td><td class=\"n\">10%</td>");
        html.ShouldContain("衡量結果：個別經濟活動之永續程度</td><td>符合</td><td>轉型中</td><td>轉型中</td><td>符合</td><td>不適用</td>");
        html.ShouldContain("於○年○月○日制定轉型計畫");
        html.ShouldContain("_____");
    }

    [Fact]
    public void Render_DemoEnglish_HasEnglishHeadingsTargetAndChart()
    {
        // Given / When
        var html = Html(PlanDocumentSamples.Demo(ReportLanguage.English));

        // Then English section headings, the target's reduction 4.2 %/yr × 6 years = 25.2 % and an SVG pathway chart
        html.ShouldStartWith("<!DOCTYPE html><html lang=\"en\">");
        foreach (var heading in new[] { "I. Applicability of the Sustainable Economic Activities Recognition Reference Guidelines", "II. Ambition",
                     "III. Strategy and action plan", "IV. Metrics and targets", "V. Governance" })
        {
            html.ShouldContain($"<h2>{heading}</h2>");
        }
        html.ShouldContain("a reduction of 25.2 % in Scope 1 and 2");
        html.ShouldContain("<svg role=\"img\"");
        html.ShouldNotContain("一、");
    }
}
