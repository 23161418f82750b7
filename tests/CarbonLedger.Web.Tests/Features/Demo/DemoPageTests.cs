using System.Net;
using CarbonLedger.Web.Features.Demo;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Demo;

public sealed class DemoPageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Get_Root_ReturnsHtmlWithDemoCompanyAndBanner()
    {
        // Given an anonymous visitor
        using var client = app.Client();

        // When the home page is opened
        using var response = await client.GetAsync("/demo");

        // Then it shows the fictional demo company, the banner, the tables and the report links
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("綠橋貿易股份有限公司");
        html.ShouldContain(DemoPage.Banner);
        html.ShouldContain(DemoPage.BannerEnglish);
        html.ShouldContain("彙整表二");
        html.ShouldContain("tCO2e");
        html.ShouldContain("/demo/report?format=xlsx");
    }

    [Fact]
    public async Task Get_RootInEnglish_ShowsScopeTotalWithThousandsSeparator()
    {
        // Given the demo's total computed by the API
        using var api = app.Client(WebAppFixture.DemoViewerToken);
        var results = await (await api.GetAsync($"/api/v1/organizations/{WebAppFixture.DemoOrgId}/inventories/{app.DemoInventoryId}/results")).JsonAsync();
        var total = results.GetProperty("totalTonnes").GetDecimal();
        using var client = app.Client();

        // When the English page is opened
        var html = await client.GetStringAsync("/demo?lang=en");

        // Then the total appears formatted with thousands separators and three decimals
        html.ShouldContain("lang=\"en\"");
        html.ShouldContain(total.ToString("#,##0.000", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DemoReport_Xlsx_IsPublicForTheDemoOrganization()
    {
        // Given an anonymous visitor
        using var client = app.Client();

        // When the demo report is downloaded as .xlsx
        using var response = await client.GetAsync("/demo/report?format=xlsx&lang=zh-TW");

        // Then it is served (the demo's data is fictional)
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task ApiIndexAndOpenApi_AreServed()
    {
        // Given an anonymous visitor
        using var client = app.Client();

        // When the endpoint list and the OpenAPI document are fetched
        var index = await client.GetStringAsync("/api");
        using var openApi = await client.GetAsync("/openapi/v1.json");

        // Then the list shows the inventory routes, and the document describes them with the bearer scheme
        index.ShouldContain("/api/v1/organizations/{orgId:guid}/inventories/{id:guid}/results");
        openApi.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await openApi.JsonAsync();
        doc.GetProperty("paths").EnumerateObject().ShouldContain(p => p.Name.EndsWith("/results", StringComparison.Ordinal));
        doc.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().ShouldBe("bearer");
    }
}
