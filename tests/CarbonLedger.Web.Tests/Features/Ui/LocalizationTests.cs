using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Ui;

/// <summary>zh-TW and English, switchable (issue 3 item 1): the component library's own texts follow the culture too.</summary>
public sealed class LocalizationTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task ActivitiesPage_ZhTwThenEnglish_GridPagerFollowsTheCulture()
    {
        // Given the demo viewer (zh-TW is the default culture)
        using var browser = await app.SignedInAsync("demo-viewer@carbonledger.local");
        var url = $"/o/{WebAppFixture.DemoOrgId}/activities";

        // When the activities page is rendered in zh-TW, then in English (the culture cookie the language switch sets)
        var zh = System.Net.WebUtility.HtmlDecode(await browser.GetStringAsync(url));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var response = await browser.SendAsync(request);
        var en = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // Then the grid's pager (MudBlazor's own text, through ZhTwMudLocalizer) is in the page's language
        zh.ShouldContain("每頁筆數");
        en.ShouldContain("Rows per page");
        en.ShouldNotContain("每頁筆數");
    }
}
