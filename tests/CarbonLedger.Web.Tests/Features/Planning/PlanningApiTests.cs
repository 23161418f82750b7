using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Planning;

/// <summary>Targets and transition plans over HTTP on the real app (issue 5): seed 003's classification, a target whose
/// base value comes from the demo inventory, versions and approval, the completeness check, the plan document in three
/// formats, roles and tenant isolation. Its own app instance: the records written here stay in it.</summary>
public sealed class PlanningApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static string Demo(string path) => $"/api/v1/organizations/{WebAppFixture.DemoOrgId}/{path}";

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<string> SampleJsonAsync(string lang = "zh-TW")
    {
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        using var response = await viewer.GetAsync($"/api/v1/planning/sample?lang={lang}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static decimal Share(JsonElement shares, string status) => shares.GetProperty(status).GetDecimal();

    [Fact]
    public async Task Classify_SeedSample_Aligned45Transitioning45NotApplicable10()
    {
        // Given the seed's sample activities, read from the sample endpoint (A 30 % general met/met/met; B 25 % general
        // met/met/not met with a plan; C 20 % general not met/met/met with a plan; D 15 % supporting —/met/met; E 10 % n/a)
        var sample = JsonDocument.Parse(await SampleJsonAsync()).RootElement;
        var body = $$"""{"activities": {{sample.GetProperty("activities").GetRawText()}}}""";
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When a viewer classifies them (a calculation needs no organization)
        using var response = await viewer.PostAsync("/api/v1/planning/classify", JsonBody(body));

        // Then seed 003 樣本 一: aligned A + D = 30 + 15 = 45 %, transitioning B + C = 25 + 20 = 45 %, not applicable E = 10 %
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        var shares = result.GetProperty("shares");
        Share(shares, "aligned").ShouldBe(0.30m + 0.15m);
        Share(shares, "transitioning").ShouldBe(0.25m + 0.20m);
        Share(shares, "notApplicable").ShouldBe(0.10m);
        Share(shares, "notAligned").ShouldBe(0m);
        result.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("statusZhTw").GetString())
            .ShouldBe(["符合", "轉型中", "轉型中", "符合", "不適用"]);
    }

    [Fact]
    public async Task Classify_SharesSumTo90Percent_400NamingTheField()
    {
        // Given two activities whose revenue shares are 50 % + 40 % = 90 %
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        const string Body = """
            {"activities": [
              {"name": "A", "revenueShare": 0.5, "type": "general", "substantialContribution": "met", "noSignificantHarm": "met", "socialSafeguards": "met"},
              {"name": "B", "revenueShare": 0.4, "type": "notApplicable"}]}
            """;

        // When classified
        using var response = await viewer.PostAsync("/api/v1/planning/classify", JsonBody(Body));

        // Then 400 naming activities.revenueShare with the 90 % it found
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.ErrorFields().ShouldBe(["activities.revenueShare"]);
        problem.GetProperty("errors").GetProperty("activities.revenueShare")[0].GetString()!.ShouldContain("90 %");
    }

    [Fact]
    public async Task Pathway_Ar6C1_LinearTo57PercentOf2019By2030()
    {
        // Given 1,000 t in 2019 and the thesis's C1 category (2030 at 57 % of 2019, seed 001 Table 2)
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When the pathway is asked for
        using var response = await viewer.PostJsonAsync("/api/v1/planning/pathway", new
        {
            name = "C1", kind = "absolute", scopes = new[] { 1, 2 }, baseYear = 2019, targetYear = 2030, baseYearEmissions = 1_000m,
            method = new { kind = "ar6", category = "C1" },
        });

        // Then the minimum reduction is 1 − 0.57 = 43 %, and 2030 is 1,000 × 0.57 = 570 t
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var dto = await response.JsonAsync();
        dto.GetProperty("minimumReduction").GetDecimal().ShouldBe(0.43m, 0.0000001m);
        var last = dto.GetProperty("pathway").EnumerateArray().Last();
        last.GetProperty("year").GetInt32().ShouldBe(2030);
        last.GetProperty("value").GetDecimal().ShouldBe(570m, 0.0001m);
    }

    [Fact]
    public async Task CreateTarget_DemoInventory_BaseValueIsScope1PlusMarketBasedScope2()
    {
        // Given the demo's 2024 inventory, its Scope 1 and market-based Scope 2 read independently from the inventory
        // results endpoint (basis=market)
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        var results = await (await admin.GetAsync(Demo($"inventories/{app.DemoInventoryId}/results?basis=market"))).JsonAsync();
        var byScope = results.GetProperty("byScope").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("tonnes").GetDecimal());
        var expected = byScope["Scope1"] + byScope["Scope2"];
        expected.ShouldBeGreaterThan(0m);

        // When an admin creates a well-below 2 °C target 2024 → 2030, and one with its target year before the base year
        using var created = await admin.PostJsonAsync(Demo("targets"), new
        {
            name = "WB2C test target", kind = "absolute", scopes = new[] { 1, 2 }, baseYear = 2024, targetYear = 2030,
            method = new { kind = "absolute-contraction", rate = "sbti-wb2c" },
        });
        using var backwards = await admin.PostJsonAsync(Demo("targets"), new
        {
            name = "backwards", kind = "absolute", scopes = new[] { 1, 2 }, baseYear = 2024, targetYear = 2020, reduction = 0.3m,
        });

        // Then the base value is Scope 1 + Scope 2 market-based; the reduction is 2.5 %/yr × 6 years = 15 %, so the 2030
        // pathway point is base × 0.85; the backwards target is refused naming targetYear
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var target = await created.JsonAsync();
        target.GetProperty("target").GetProperty("baseYearEmissions").GetDecimal().ShouldBe(expected);
        target.GetProperty("target").GetProperty("reduction").GetDecimal().ShouldBe(0.025m * 6);
        var pathway = target.GetProperty("pathway").EnumerateArray().ToList();
        pathway.Count.ShouldBe(2030 - 2024 + 1);
        pathway[^1].GetProperty("value").GetDecimal().ShouldBe(expected * (1m - (0.025m * 6)));
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.JsonAsync()).ErrorFields().ShouldContain("targetYear");

        // When the target is read with submission year 2025, and 2024's RECs are recorded
        var id = target.GetProperty("id").GetGuid();
        var detail = await (await admin.GetAsync(Demo($"targets/{id}?submissionYear=2025"))).JsonAsync();
        using var year = await admin.PutAsync(Demo($"targets/{id}/years/2024"), JsonBody("""{"recCertificates": 3, "offsetTonnes": 1.25}"""));

        // Then SBTi near-term: base year 2024 ≥ 2015, 2030 − 2025 = 5 years (within 5-10), ambition 15 % / 6 = 2.5 %/yr ≥ 2.5 %/yr
        var criteria = detail.GetProperty("criteria").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!, c => c.GetProperty("passed"));
        criteria["base-year"].GetBoolean().ShouldBeTrue();
        criteria["horizon"].GetBoolean().ShouldBeTrue();
        criteria["ambition"].GetBoolean().ShouldBeTrue();
        // and the 2024 progress row shows the actual (= the base value) with the certificates and 1.25 t offsets beside it
        year.StatusCode.ShouldBe(HttpStatusCode.OK);
        var row = (await year.JsonAsync()).GetProperty("progress").EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2024);
        row.GetProperty("actual").GetDecimal().ShouldBe(expected);
        row.GetProperty("recCertificates").GetInt32().ShouldBe(3);
        row.GetProperty("offsets").GetDecimal().ShouldBe(1.25m);
        row.GetProperty("netAfterOffsets").GetDecimal().ShouldBe(expected - 1.25m);
    }

    [Fact]
    public async Task GetTarget_IntensityWithoutALaterYearsDenominator_ProgressProblemInBothLanguages()
    {
        // Given a 2025 inventory beside the demo's 2024 one, and an intensity target on 2024 whose denominator is known
        // only for its base year (500 NTD million)
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        using var inventory = await admin.PostJsonAsync(Demo("inventories"), new { name = "2025 for the intensity progress test", year = 2025 });
        inventory.StatusCode.ShouldBe(HttpStatusCode.Created);
        using var created = await admin.PostJsonAsync(Demo("targets"), new
        {
            name = "Intensity without 2025 revenue", kind = "intensity", scopes = new[] { 1, 2 }, baseYear = 2024, targetYear = 2030, reduction = 0.3m,
            method = new { kind = "linear" }, denominator = new { name = "營收", unit = "百萬元", baseYearAmount = 500m },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetGuid();

        // When the target is read
        var dto = await (await admin.GetAsync(Demo($"targets/{id}"))).JsonAsync();

        // Then progress cannot be worked out (TargetTracker: an intensity target needs a positive denominator for every
        // year, and 2025 — the second actual, index 1 — has none), and the problem is given in English and in zh-TW
        dto.GetProperty("progress").GetArrayLength().ShouldBe(0);
        dto.GetProperty("progressProblems").EnumerateArray().Select(p => p.GetString()).ShouldBe(
            ["field 'actuals[1].denominatorAmount': an intensity target needs 營收 (百萬元) for 2025, positive"]);
        dto.GetProperty("progressProblemsZhTw").EnumerateArray().Select(p => p.GetString()).ShouldBe(
            ["欄位「actuals[1].denominatorAmount」：強度目標需要 2025 年之營收（百萬元），且須大於零"]);
    }

    [Fact]
    public async Task Plans_SaveEditApprove_VersionsAndOnlyTheLatestApprovedOnce()
    {
        // Given the seed's sample plan JSON, an admin, a contributor and a viewer
        var sample = await SampleJsonAsync();
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        using var contributor = app.Client(WebAppFixture.DemoContributorToken);
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When a viewer posts it, then a contributor posts it, saves it unchanged, then with an adoption date
        using var forbidden = await viewer.PostAsync(Demo("plans"), JsonBody(sample));
        using var created = await contributor.PostAsync(Demo("plans?note=first%20draft"), JsonBody(sample));
        var v1 = await created.JsonAsync();
        var planId = v1.GetProperty("planId").GetGuid();
        using var unchanged = await contributor.PutAsync(Demo($"plans/{planId}"), JsonBody(sample));
        var edited = JsonNodeWith(sample, "adoptedOn", "2025-02-20");
        using var second = await contributor.PutAsync(Demo($"plans/{planId}"), JsonBody(edited));

        // Then the viewer is refused; versions 1, 1 (nothing new) and 2
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        v1.GetProperty("version").GetInt32().ShouldBe(1);
        v1.GetProperty("note").GetString().ShouldBe("first draft");
        (await unchanged.JsonAsync()).GetProperty("version").GetInt32().ShouldBe(1);
        (await second.JsonAsync()).GetProperty("version").GetInt32().ShouldBe(2);
        (await (await viewer.GetAsync(Demo($"plans/{planId}/versions"))).JsonAsync()).GetArrayLength().ShouldBe(2);

        // When the contributor approves (no right), the admin approves version 1, then version 2, then version 2 again
        var approval = new { approvingBody = "董事會", approvalDate = "2025-02-27", resolution = "董事過半數出席，出席董事過半數同意之決議核定" };
        using var notAllowed = await contributor.PostJsonAsync(Demo($"plans/{planId}/versions/2/approve"), approval);
        using var old = await admin.PostJsonAsync(Demo($"plans/{planId}/versions/1/approve"), approval);
        using var approved = await admin.PostJsonAsync(Demo($"plans/{planId}/versions/2/approve"), approval);
        using var again = await admin.PostJsonAsync(Demo($"plans/{planId}/versions/2/approve"), approval);

        // Then 403; 400 naming version (not the latest); 200 with the approval recorded; 400 (already approved)
        notAllowed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        old.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await old.JsonAsync()).ErrorFields().ShouldBe(["version"]);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var latest = await (await viewer.GetAsync(Demo($"plans/{planId}"))).JsonAsync();
        latest.GetProperty("version").GetInt32().ShouldBe(2);
        latest.GetProperty("approval").GetProperty("approvingBody").GetString().ShouldBe("董事會");
        latest.GetProperty("approval").GetProperty("approvalDate").GetString().ShouldBe("2025-02-27");
        latest.GetProperty("plan").GetProperty("governance").GetProperty("approvalDate").GetString().ShouldBe("2025-02-27");
        latest.GetProperty("plan").GetProperty("adoptedOn").GetString().ShouldBe("2025-02-20");
        var first = await (await viewer.GetAsync(Demo($"plans/{planId}?version=1"))).JsonAsync();
        first.TryGetProperty("approval", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Plans_BadJson_400NamingThePath()
    {
        // Given a plan whose activity type is not one of general / supporting / notApplicable
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        const string Bad = """{"title": "x", "activities": [{"name": "A", "revenueShare": 1, "type": "mining"}]}""";

        // When posted, and a plan without a title
        using var response = await admin.PostAsync(Demo("plans"), JsonBody(Bad));
        using var untitled = await admin.PostAsync(Demo("plans"), JsonBody("{}"));

        // Then 400 naming the JSON path of the bad value, and the title
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).ErrorFields().Single().ShouldStartWith("activities[0].type");
        untitled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await untitled.JsonAsync()).ErrorFields().ShouldBe(["title"]);
    }

    [Fact]
    public async Task Completeness_SeedSample_ListsTheBlanksAndTheClassification()
    {
        // Given the seed's sample saved as a plan (its blanks ____ and ○ left empty)
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        var planId = (await (await admin.PostAsync(Demo("plans"), JsonBody(await SampleJsonAsync()))).JsonAsync()).GetProperty("planId").GetGuid();

        // When its completeness is checked
        using var response = await admin.GetAsync(Demo($"plans/{planId}/completeness"));

        // Then it is not complete and names the blanks of the sample: the adoption date (○年○月○日), the ambition's year
        // (_____年), the assumptions' sources (依據○單位之○報告), the actions' periods, the short-term capex (_____萬元),
        // the approval date (○年○月○日); and the classification is 45 / 45 / 10
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await response.JsonAsync();
        report.GetProperty("isComplete").GetBoolean().ShouldBeFalse();
        var fields = report.GetProperty("gaps").EnumerateArray().Select(g => g.GetProperty("field").GetString()).ToList();
        fields.ShouldContain("adoptedOn");
        fields.ShouldContain("ambition.targetYear");
        fields.ShouldContain("assumptions[0].source");
        fields.ShouldContain("actions[0]");
        fields.ShouldContain("financing[0].annualCapex");
        fields.ShouldContain("governance.approvalDate");
        report.GetProperty("tpt").GetArrayLength().ShouldBe(19);
        var shares = report.GetProperty("classification").GetProperty("shares");
        Share(shares, "aligned").ShouldBe(0.45m);
        Share(shares, "transitioning").ShouldBe(0.45m);
        Share(shares, "notApplicable").ShouldBe(0.10m);
    }

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("pdf", "application/pdf")]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public async Task Document_DemoPlan_AttachmentInEachFormat(string format, string contentType)
    {
        // Given the demo plan the seeder stored
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        var plans = await (await viewer.GetAsync(Demo("plans"))).JsonAsync();
        var planId = plans.EnumerateArray().First().GetProperty("id").GetGuid();

        // When its document is downloaded in English and in zh-TW
        using var en = await viewer.GetAsync(Demo($"plans/{planId}/document?format={format}&lang=en"));
        using var zh = await viewer.GetAsync(Demo($"plans/{planId}/document?format={format}&lang=zh-TW"));

        // Then each is an attachment of the format: <!DOCTYPE/<html, %PDF, or a zip (PK) holding word/document.xml; the
        // HTML names the organization as DemoOrganization registers it
        foreach (var response in new[] { en, zh })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
            response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            switch (format)
            {
                case "html":
                    var head = Encoding.UTF8.GetString(bytes, 0, 64).TrimStart('\uFEFF').TrimStart();
                    (head.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase)).ShouldBeTrue(head);
                    Encoding.UTF8.GetString(bytes).ShouldContain("綠橋貿易股份有限公司 GreenBridge Trading Co., Ltd. (fictional demo)");
                    break;
                case "pdf":
                    Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("%PDF");
                    break;
                default:
                    Encoding.ASCII.GetString(bytes, 0, 2).ShouldBe("PK");
                    using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
                    {
                        zip.GetEntry("word/document.xml").ShouldNotBeNull();
                    }
                    break;
            }
        }
    }

    [Fact]
    public async Task Document_BadFormat_400NamingFormat()
    {
        // Given the demo plan
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        var planId = (await (await viewer.GetAsync(Demo("plans"))).JsonAsync()).EnumerateArray().First().GetProperty("id").GetGuid();

        // When asked for xlsx and an unknown language
        using var response = await viewer.GetAsync(Demo($"plans/{planId}/document?format=xlsx&lang=fr"));

        // Then 400 naming both
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).ErrorFields().ShouldBe(["format", "lang"], ignoreOrder: true);
    }

    [Fact]
    public async Task PlansAndTargets_OrgBOrAnonymous_404Or401()
    {
        // Given the demo plan and target ids (read by a demo viewer)
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);
        var planId = (await (await viewer.GetAsync(Demo("plans"))).JsonAsync()).EnumerateArray().First().GetProperty("id").GetGuid();
        var targetId = (await (await viewer.GetAsync(Demo("targets"))).JsonAsync()).EnumerateArray().First().GetProperty("id").GetGuid();
        using var orgB = app.Client(WebAppFixture.OrgBAdminToken);
        using var anonymous = app.Client();

        // When organization B's admin reads them through the demo's routes and through its own, and anonymous reads them
        using var bPlan = await orgB.GetAsync(Demo($"plans/{planId}"));
        using var bTarget = await orgB.GetAsync(Demo($"targets/{targetId}"));
        using var bOwnPlan = await orgB.GetAsync($"/api/v1/organizations/{WebAppFixture.OrgBId}/plans/{planId}");
        using var bOwnTarget = await orgB.GetAsync($"/api/v1/organizations/{WebAppFixture.OrgBId}/targets/{targetId}");
        using var anon = await anonymous.GetAsync(Demo($"plans/{planId}"));
        using var anonCalc = await anonymous.GetAsync("/api/v1/planning/sample");

        // Then 404 everywhere for B (existence not revealed) and 401 for anonymous
        bPlan.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bTarget.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bOwnPlan.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        bOwnTarget.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        anon.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        anonCalc.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Ndc_Reference_Taiwan2030And2035Shares()
    {
        // Given a viewer
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When Taiwan's NDC 3.0 pathway is read
        var ndc = await (await viewer.GetAsync("/api/v1/planning/reference/ndc")).JsonAsync();

        // Then SPEC §4: 2030 −28 ± 2 % → 72 % (70-74 %), 2035 −38 ± 2 % → 62 % of 2005
        ndc.GetProperty("referenceYear").GetInt32().ShouldBe(2005);
        var points = ndc.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("year").GetInt32(), p => p);
        points[2030].GetProperty("share").GetDecimal().ShouldBe(1m - 0.28m);
        points[2030].GetProperty("low").GetDecimal().ShouldBe(1m - 0.30m);
        points[2035].GetProperty("share").GetDecimal().ShouldBe(1m - 0.38m);
    }

    /// <summary>The plan JSON with one top-level property set (a string value).</summary>
    private static string JsonNodeWith(string json, string property, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node[property] = value;
        return node.ToJsonString();
    }
}
