using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Tests.Infrastructure;

namespace CarbonLedger.Web.Tests.Features.Audit;

/// <summary>Internal audit over HTTP (seed 002 肆 內部稽核; issue 3 item 5): every member reads, reviewers and
/// administrators write; the recomputation check flags the published rows that do not recompute.</summary>
public sealed class InternalAuditApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string Audit = $"{AuditClients.Org}/audit";

    private static MultipartFormDataContent Upload(string fileName, string text)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }

    [Fact]
    public async Task Checklist_ReviewerCreatesAndChecks_ViewerReadsButCannotWrite()
    {
        // Given a reviewer (internal auditor) and a viewer
        using var reviewer = await AuditClients.WithRoleAsync(app, "reviewer");
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When the reviewer creates a checklist for the 2024 inventory and fails its third item; the viewer tries to write
        using var created = await reviewer.PostJsonAsync($"{Audit}/checklists", new { inventoryId = app.DemoInventoryId });
        var checklist = await created.JsonAsync();
        var id = checklist.GetProperty("id").GetGuid();
        var third = checklist.GetProperty("items")[2].GetProperty("id").GetGuid();
        using var fail = await reviewer.PutAsync($"{Audit}/checklists/{id}/items/{third}",
            JsonContent(new { result = "fail", note = "3 月電費單缺漏 March bill missing" }));
        using var viewerCreate = await viewer.PostJsonAsync($"{Audit}/checklists", new { title = "x" });
        using var viewerSet = await viewer.PutAsync($"{Audit}/checklists/{id}/items/{third}", JsonContent(new { result = "pass" }));
        using var badResult = await reviewer.PutAsync($"{Audit}/checklists/{id}/items/{third}", JsonContent(new { result = "maybe" }));
        using var read = await viewer.GetAsync($"{Audit}/checklists/{id}");
        using var list = await viewer.GetAsync($"{Audit}/checklists?inventoryId={app.DemoInventoryId}");

        // Then the checklist has the default items, the result is stored with its checker, and the viewer's writes are 403
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        checklist.GetProperty("items").GetArrayLength().ShouldBe(InternalAuditStore.DefaultItems.Count);
        fail.StatusCode.ShouldBe(HttpStatusCode.OK);
        viewerCreate.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        viewerSet.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        badResult.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badResult.JsonAsync()).ErrorFields().ShouldBe(["result"]);
        var item = (await read.JsonAsync()).GetProperty("items")[2];
        item.GetProperty("result").GetString().ShouldBe("fail");
        item.GetProperty("note").GetString().ShouldBe("3 月電費單缺漏 March bill missing");
        item.GetProperty("checkedBy").GetString()!.ShouldStartWith("api:test reviewer");
        (await list.JsonAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(id);
    }

    [Fact]
    public async Task Finding_WithCorrectiveAction_ClosesOnlyWhenTheActionIsDone()
    {
        // Given the administrator (who holds the internal-audit permission too)
        using var admin = app.Client(WebAppFixture.DemoAdminToken);

        // When a finding is created with every field bad, then properly, with an action, closed too early, then properly
        using var bad = await admin.PostJsonAsync($"{Audit}/findings", new { severity = "urgent", dueDate = "tomorrow" });
        using var created = await admin.PostJsonAsync($"{Audit}/findings", new
        {
            inventoryId = app.DemoInventoryId, title = "冷媒填充紀錄不全 Refrigerant top-ups unrecorded",
            description = "The cold room's 2024 top-ups have no service reports.", severity = "high", owner = "倉儲主管 Warehouse lead", dueDate = "2026-06-30",
        });
        var finding = (await created.JsonAsync()).GetProperty("id").GetGuid();
        using var action = await admin.PostJsonAsync($"{Audit}/findings/{finding}/actions",
            new { description = "Obtain service reports from the contractor", owner = "Amy", dueDate = "2026-05-31" });
        var actionId = (await action.JsonAsync()).GetProperty("id").GetGuid();
        using var early = await admin.PutAsync($"{Audit}/findings/{finding}/status", JsonContent(new { status = "closed" }));
        using var done = await admin.PutAsync($"{Audit}/findings/{finding}/actions/{actionId}/status", JsonContent(new { status = "done" }));
        using var closed = await admin.PutAsync($"{Audit}/findings/{finding}/status", JsonContent(new { status = "closed" }));
        using var unknown = await admin.PutAsync($"{Audit}/findings/{Guid.NewGuid()}/status", JsonContent(new { status = "closed" }));

        // Then
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).ErrorFields().ShouldBe(["title", "description", "severity", "owner", "dueDate"], ignoreOrder: true);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        action.StatusCode.ShouldBe(HttpStatusCode.Created);
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.JsonAsync()).ErrorFields().ShouldBe(["status"]);
        (await done.JsonAsync()).GetProperty("status").GetString().ShouldBe("done");
        var final = await closed.JsonAsync();
        final.GetProperty("status").GetString().ShouldBe("closed");
        final.GetProperty("dueDate").GetString().ShouldBe("2026-06-30");
        final.GetProperty("actions")[0].GetProperty("status").GetString().ShouldBe("done");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var ledger = await admin.GetAsync($"{AuditClients.Org}/ledger?kind=corrective-action&entityId={actionId}");
        (await ledger.JsonAsync()).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["create", "update"]);
    }

    [Fact]
    public async Task Recompute_TableWithOneWrongRow_FlagsThatRowWithTheDifference()
    {
        // Given a published table of three rows, worked out by hand:
        //   row 2: 12,000 kWh × 0.494 kgCO2e/kWh = 5,928 kg = 5.928 t; printed 5.928 t → difference 0 (tolerance ½ × 0.001 = 0.0005)
        //   row 3: 2.5 kL × 2.606 tCO2e/kL = 6.515 t; printed 6.65 t → difference 6.65 − 6.515 = +0.135 t > 0.005: differs
        //   row 4: 300 m3 × 1.879 kgCO2e/m3 = 563.7 kg; printed 564 kg → difference +0.3 kg ≤ ½ × 1 = 0.5: rounding only
        const string table = "label,quantity,unit,factor,factor unit,reported,reported unit\n"
            + "Electricity HQ,12000,kWh,0.494,kgCO2e/kWh,5.928,t\n"
            + "Generator diesel,2.5,kL,2.606,tCO2e/kL,6.65,t\n"
            + "Natural gas,300,m3,1.879,kgCO2e/m3,564,kg\n";
        using var reviewer = await AuditClients.WithRoleAsync(app, "reviewer");
        using var viewer = app.Client(WebAppFixture.DemoViewerToken);

        // When the reviewer uploads it (and a viewer tries)
        using var content = Upload("published-2024.csv", table);
        using var response = await reviewer.PostAsync($"{Audit}/recompute", content);
        using var viewerContent = Upload("published-2024.csv", table);
        using var byViewer = await viewer.PostAsync($"{Audit}/recompute", viewerContent);

        // Then every row is returned, only row 3 differs, by +0.135 t against a recomputed 6.515 t
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        result.GetProperty("rowsChecked").GetInt32().ShouldBe(3);
        result.GetProperty("rowsDiffering").GetInt32().ShouldBe(1);
        var rows = result.GetProperty("rows").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("differs").GetBoolean()).ShouldBe([false, true, false]);
        rows[1].GetProperty("row").GetInt32().ShouldBe(3);
        rows[1].GetProperty("recomputed").GetDecimal().ShouldBe(6.515m);
        rows[1].GetProperty("difference").GetDecimal().ShouldBe(0.135m);
        rows[1].GetProperty("tolerance").GetDecimal().ShouldBe(0.005m);
        rows[2].GetProperty("recomputed").GetDecimal().ShouldBe(563.7m);
        rows[2].GetProperty("difference").GetDecimal().ShouldBe(0.3m);
        byViewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Recompute_BadCells_Returns422WithRowAndColumn()
    {
        // Given a table whose row 2 has a quantity that is not a number and row 3 a factor unit that is not one
        const string table = "項目,活動數據,單位,排放係數,係數單位,排放量,排放量單位\n"
            + "電力,lots,度,0.494,kgCO2e/度,1,t\n"
            + "柴油,1,kL,2.606,per kL,2.606,t\n";
        using var admin = app.Client(WebAppFixture.DemoAdminToken);

        // When
        using var content = Upload("公布.csv", table);
        using var response = await admin.PostAsync($"{Audit}/recompute", content);

        // Then
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problems = (await response.JsonAsync()).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString())).ToList();
        problems.ShouldBe([(2, "活動數據"), (3, "係數單位")]);
    }

    [Fact]
    public async Task Upload_SignedInByCookieWithoutAntiforgeryToken_Returns400()
    {
        // Given the demo reviewer signed in through the login form (cookie, no bearer token)
        using var browser = await AuditClients.SignedInAsync(app, "demo-reviewer@carbonledger.local", CarbonLedger.Web.Infrastructure.Auth.AuthSetup.DemoPassword);

        // When it posts a file without the anti-forgery token
        using var content = Upload("t.csv", "label,quantity,unit,factor,factor_unit,reported,reported_unit\nA,1,kWh,1,kgCO2e/kWh,1,kg\n");
        using var response = await browser.PostAsync($"{Audit}/recompute", content);

        // Then the request is refused as a possible cross-site forgery
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("title").GetString()!.ShouldContain("Anti-forgery");
    }

    [Fact]
    public async Task OrgBAdmin_DemoAuditRecords_Returns404()
    {
        // Given a demo checklist and finding
        using var admin = app.Client(WebAppFixture.DemoAdminToken);
        using var c = await admin.PostJsonAsync($"{Audit}/checklists", new { title = "Q2" });
        var checklist = await c.JsonAsync();
        using var f = await admin.PostJsonAsync($"{Audit}/findings", new { title = "t", description = "d", severity = "low", owner = "o", dueDate = "2026-01-31" });
        var finding = (await f.JsonAsync()).GetProperty("id").GetGuid();
        using var other = app.Client(WebAppFixture.OrgBAdminToken);
        var orgB = $"/api/v1/organizations/{WebAppFixture.OrgBId}/audit";

        // When organization B reads and writes them, through the demo's routes and through its own
        var item = checklist.GetProperty("items")[0].GetProperty("id").GetGuid();
        var id = checklist.GetProperty("id").GetGuid();
        using var r1 = await other.GetAsync($"{Audit}/checklists/{id}");
        using var r2 = await other.GetAsync($"{orgB}/checklists/{id}");
        using var r3 = await other.PutAsync($"{orgB}/checklists/{id}/items/{item}", JsonContent(new { result = "pass" }));
        using var r4 = await other.GetAsync($"{orgB}/findings/{finding}");
        using var r5 = await other.PostJsonAsync($"{orgB}/findings/{finding}/actions", new { description = "x", owner = "y", dueDate = "2026-01-31" });
        using var own = await other.GetAsync($"{orgB}/findings");

        // Then every one is 404 and B's own list does not contain the demo's finding
        new[] { r1, r2, r3, r4, r5 }.Select(r => r.StatusCode).ShouldAllBe(s => s == HttpStatusCode.NotFound);
        (await own.JsonAsync()).EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).ShouldNotContain(finding);
    }

    private static StringContent JsonContent(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
