using System.Globalization;
using System.Net;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Components.Shared;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Features.Inventory.Pages;
using CarbonLedger.Web.Infrastructure.Auth;
using CarbonLedger.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CarbonLedger.Web.Tests.Features.Ui;

/// <summary>Problems in the user's language (issue 3 item 1, "zh-TW and English, switchable, every string localized"): the
/// API keeps English <c>errors</c> and adds <c>errorsZhTw</c>; the pages render a problem in the request's UI culture.</summary>
public sealed class ProblemLanguageTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string Activities = $"/api/v1/organizations/{WebAppFixture.DemoOrgId}/activities";

    [Fact]
    public async Task AddActivity_UnknownUnit_ErrorsEnglishAndErrorsZhTwChinese()
    {
        // Given a contributor and an otherwise valid activity whose unit is not in the unit catalogue
        using var client = app.Client(WebAppFixture.DemoContributorToken);

        // When it is posted
        using var response = await client.PostJsonAsync(Activities,
            new { source = "ELEC-TPE", quantity = 10m, unit = "furlongs", periodStart = "2024-05-01", periodEnd = "2024-05-31", quality = "measured" });

        // Then errors keeps the English message clients match, and errorsZhTw holds the same key with the Traditional
        // Chinese message (ActivitiesApi.Add: "unknown unit '…'" / 「…」 as the unit the user typed)
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.JsonAsync();
        body.ErrorFields().ShouldBe(["unit"]);
        body.GetProperty("errors").GetProperty("unit").EnumerateArray().Select(e => e.GetString()).ShouldBe(["unknown unit 'furlongs'"]);
        body.GetProperty("errorsZhTw").EnumerateObject().Select(p => p.Name).ShouldBe(["unit"]);
        body.GetProperty("errorsZhTw").GetProperty("unit").EnumerateArray().Select(e => e.GetString()).ShouldBe(["無法辨識的單位「furlongs」"]);
    }

    [Fact]
    public async Task ListActivities_BadPaging_EveryErrorsKeyHasItsZhTwText()
    {
        // Given a page number below 1 and a page size over the limit (both Web problems), in one query
        using var client = app.Client(WebAppFixture.DemoViewerToken);

        // When the activities are listed
        using var response = await client.GetAsync($"{Activities}?page=0&pageSize=0");

        // Then every key of errors is in errorsZhTw, each with its zh-TW text (ActivitiesApi.List: "must be 1 or more" / 須大於或等於 1)
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.JsonAsync();
        body.GetProperty("errorsZhTw").EnumerateObject().Select(p => p.Name).ShouldBe(body.ErrorFields(), ignoreOrder: true);
        body.GetProperty("errorsZhTw").GetProperty("page").EnumerateArray().Select(e => e.GetString()).ShouldBe(["須大於或等於 1"]);
        body.GetProperty("errors").GetProperty("page").EnumerateArray().Select(e => e.GetString()).ShouldBe(["must be 1 or more"]);
    }

    [Fact]
    public async Task FacilityForm_OwnershipNotANumber_AlertRendersInTheUserLanguage()
    {
        // Given the facilities form of organization B filled by its administrator with an ownership share that is not a number
        MemberContext admin = new("user-admin", "b-admin@test", "B admin", WebAppFixture.OrgBId, "Organization B (test)", OrganizationRole.Administrator,
            null, IsDemoUser: false, IsApiToken: false);
        OrganizationSnapshot snapshot;
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            snapshot = (await scope.ServiceProvider.GetRequiredService<InventoryStore>().LoadAsync(WebAppFixture.OrgBId))!;
        }
        var form = new FacilityForm { Code = "B-LANG", Name = "B language test", LegalEntity = "B Ltd", OwnershipPercent = "abc" };
        var problems = InventoryForms.FacilityChanges(snapshot, admin, form).Problems;

        // When the page's problem alert renders them in zh-TW and in English (the UI culture the culture cookie sets)
        var zh = await RenderAlertAsync(problems, "zh-TW");
        var en = await RenderAlertAsync(problems, "en");

        // Then each shows the one problem in its language, located as Problem.ToString(zhTw) words it: 欄位「…」：… / field '…': …
        problems.Count.ShouldBe(1);
        zh.ShouldContain("1 個問題，未儲存：");
        zh.ShouldContain("欄位「ownershipPercent」：「abc」不是數字");
        zh.ShouldNotContain("is not a number");
        en.ShouldContain("1 problem(s); nothing was stored:");
        en.ShouldContain("field 'ownershipPercent': 'abc' is not a number");
        en.ShouldNotContain("不是數字");
    }

    [Fact]
    public void PastedRowProblem_ZhTwAndEnglish_DescribedInTheUserLanguage()
    {
        // Given an importer problem on data row 2 of a paste (the importer counts the header as row 1, so row 3), column quantity
        var problem = new Problem(new ProblemLocation(File: "activity.csv", Row: 3, Column: "quantity"), "'12x0' is not a number", "「12x0」不是數字");

        // When the activities page describes it in zh-TW and in English
        var zh = InCulture("zh-TW", () => ActivityPaste.Describe(problem));
        var en = InCulture("en", () => ActivityPaste.Describe(problem));

        // Then the row is the pasted line (3 - 1 = 2) and the message is in the page's language
        zh.ShouldBe("第 2 列，欄 quantity：「12x0」不是數字");
        en.ShouldBe("row 2, column quantity: '12x0' is not a number");
    }

    private static T InCulture<T>(string culture, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return work(); }
        finally { CultureInfo.CurrentUICulture = before; }
    }

    private async Task<string> RenderAlertAsync(IReadOnlyList<Problem> problems, string culture)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                var output = await renderer.RenderComponentAsync<ProblemsAlert>(ParameterView.FromDictionary(new Dictionary<string, object?>
                {
                    [nameof(ProblemsAlert.Problems)] = problems, [nameof(ProblemsAlert.TestId)] = "facility-problems",
                }));
                return output.ToHtmlString();
            }
            finally { CultureInfo.CurrentUICulture = before; }
        });
        return WebUtility.HtmlDecode(html);
    }
}
