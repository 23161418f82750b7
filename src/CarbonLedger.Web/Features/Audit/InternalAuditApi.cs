using System.Globalization;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Import.Audit;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CarbonLedger.Web.Features.Audit;

public sealed record ChecklistItemDto(Guid Id, int Position, string Text, string Result, string? Note, string? CheckedBy, DateTimeOffset? CheckedAt);

public sealed record ChecklistDto(Guid Id, Guid? InventoryId, string Title, string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<ChecklistItemDto> Items);

public sealed record CorrectiveActionDto(Guid Id, Guid FindingId, string Description, string Owner, string DueDate, string Status, DateTimeOffset? CompletedAt);

public sealed record FindingDto(Guid Id, Guid? InventoryId, string Title, string Description, string Severity, string Owner, string DueDate, string Status,
    string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<CorrectiveActionDto> Actions);

/// <summary>A new checklist; without items it is pre-filled with <see cref="InternalAuditStore.DefaultItems"/>.</summary>
public sealed record CreateChecklistRequest(Guid? InventoryId, string? Title, IReadOnlyList<string>? Items);

/// <summary>An item's result: open, pass, fail or n/a.</summary>
public sealed record ItemResultRequest(string? Result, string? Note);

/// <summary>A new finding: severity low, medium, high or critical; due date yyyy-MM-dd.</summary>
public sealed record CreateFindingRequest(Guid? InventoryId, string? Title, string? Description, string? Severity, string? Owner, string? DueDate);

/// <summary>A finding's status (open, in-progress, closed) or a corrective action's (open, done).</summary>
public sealed record StatusRequest(string? Status);

public sealed record CreateCorrectiveActionRequest(string? Description, string? Owner, string? DueDate);

/// <summary>One published row recomputed: the row's own quantity × factor in the reported unit, and reported − recomputed.</summary>
public sealed record RecomputedRowDto(int Row, string Label, decimal Quantity, string Unit, decimal Factor, string FactorUnit, decimal Reported,
    int ReportedDecimals, string ReportedUnit, decimal Recomputed, decimal Difference, decimal? RelativeDifference, decimal Tolerance, bool Differs);

public sealed record RecomputationDto(string File, int RowsChecked, int RowsDiffering, IReadOnlyList<RecomputedRowDto> Rows);

/// <summary><c>/api/v1/organizations/{orgId}/audit</c>: internal audit (seed 002 肆 內部稽核; issue 3 item 5) — checklists,
/// findings, corrective actions and the recomputation check of a published table. Every member reads; writes need
/// <see cref="Permission.InternalAudit"/> (reviewer / internal auditor, administrator).</summary>
public sealed class InternalAuditApi : IEndpointGroup
{
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapOrganization("/audit").WithTags("Internal audit");
        group.MapGet("/checklists", Checklists).WithName("ListAuditChecklists");
        group.MapPost("/checklists", CreateChecklist).WithName("CreateAuditChecklist").RequirePermission(Permission.InternalAudit);
        group.MapGet("/checklists/{checklistId:guid}", Checklist).WithName("GetAuditChecklist");
        group.MapPut("/checklists/{checklistId:guid}/items/{itemId:guid}", SetItemResult).WithName("SetAuditChecklistItem")
            .RequirePermission(Permission.InternalAudit);
        group.MapGet("/findings", Findings).WithName("ListAuditFindings");
        group.MapPost("/findings", CreateFinding).WithName("CreateAuditFinding").RequirePermission(Permission.InternalAudit);
        group.MapGet("/findings/{findingId:guid}", Finding).WithName("GetAuditFinding");
        group.MapPut("/findings/{findingId:guid}/status", SetFindingStatus).WithName("SetAuditFindingStatus").RequirePermission(Permission.InternalAudit);
        group.MapPost("/findings/{findingId:guid}/actions", AddAction).WithName("AddCorrectiveAction").RequirePermission(Permission.InternalAudit);
        group.MapPut("/findings/{findingId:guid}/actions/{actionId:guid}/status", SetActionStatus).WithName("SetCorrectiveActionStatus")
            .RequirePermission(Permission.InternalAudit);
        group.MapPost("/recompute", Recompute).WithName("RecomputePublishedTable").RequirePermission(Permission.InternalAudit)
            // Token clients post without an anti-forgery token; cookie requests are checked in the handler (UploadAntiforgery).
            .DisableAntiforgery()
            .WithDescription("multipart/form-data with one file part (.csv or .xlsx: label, quantity, unit, factor, factor_unit, reported, reported_unit; "
                + "zh-TW headers 項目, 活動數據, 單位, 排放係數, 係數單位, 排放量, 排放量單位) and an optional 'tolerance' field (absolute, in the reported unit)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    // ---- checklists ----

    public static async Task<Ok<List<ChecklistDto>>> Checklists(Guid orgId, Guid? inventoryId, InternalAuditStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ChecklistsAsync(orgId, inventoryId, ct)).Select(ToDto).ToList());

    public static async Task<Results<Ok<ChecklistDto>, ProblemHttpResult>> Checklist(Guid orgId, Guid checklistId, InternalAuditStore store, CancellationToken ct) =>
        await store.ChecklistAsync(orgId, checklistId, ct) is { } c ? TypedResults.Ok(ToDto(c)) : TenantIsolation.NotFound("checklist");

    public static async Task<Results<Created<ChecklistDto>, ValidationProblem>> CreateChecklist(Guid orgId, CreateChecklistRequest request,
        InternalAuditStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await store.CreateChecklistAsync(orgId, new ChecklistInput(request.InventoryId, request.Title, request.Items), Actor(http), ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/organizations/{orgId}/audit/checklists/{outcome.Value.Id}", ToDto(outcome.Value))
            : Validation.Invalid(outcome.Problems, "Invalid checklist");
    }

    public static async Task<Results<Ok<ChecklistItemDto>, ValidationProblem, ProblemHttpResult>> SetItemResult(Guid orgId, Guid checklistId, Guid itemId,
        ItemResultRequest request, InternalAuditStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await store.SetItemResultAsync(orgId, checklistId, itemId, request.Result, request.Note, Actor(http), ct);
        if (outcome.Succeeded) { return TypedResults.Ok(ToDto(outcome.Value)); }
        if (NotFound(outcome.Problems, "checklistId", "itemId") is { } missing) { return missing; }
        return Validation.Invalid(outcome.Problems, "Invalid checklist result");
    }

    // ---- findings and corrective actions ----

    public static async Task<Ok<List<FindingDto>>> Findings(Guid orgId, Guid? inventoryId, InternalAuditStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.FindingsAsync(orgId, inventoryId, ct)).Select(ToDto).ToList());

    public static async Task<Results<Ok<FindingDto>, ProblemHttpResult>> Finding(Guid orgId, Guid findingId, InternalAuditStore store, CancellationToken ct) =>
        await store.FindingAsync(orgId, findingId, ct) is { } f ? TypedResults.Ok(ToDto(f)) : TenantIsolation.NotFound("finding");

    public static async Task<Results<Created<FindingDto>, ValidationProblem>> CreateFinding(Guid orgId, CreateFindingRequest request,
        InternalAuditStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await store.CreateFindingAsync(orgId,
            new FindingInput(request.InventoryId, request.Title, request.Description, request.Severity, request.Owner, request.DueDate), Actor(http), ct);
        return outcome.Succeeded
            ? TypedResults.Created($"/api/v1/organizations/{orgId}/audit/findings/{outcome.Value.Id}", ToDto(outcome.Value))
            : Validation.Invalid(outcome.Problems, "Invalid finding");
    }

    public static async Task<Results<Ok<FindingDto>, ValidationProblem, ProblemHttpResult>> SetFindingStatus(Guid orgId, Guid findingId, StatusRequest request,
        InternalAuditStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await store.SetFindingStatusAsync(orgId, findingId, request.Status, Actor(http), ct);
        if (outcome.Succeeded) { return TypedResults.Ok(ToDto(outcome.Value)); }
        if (NotFound(outcome.Problems, "findingId") is { } missing) { return missing; }
        return Validation.Invalid(outcome.Problems, "Invalid finding status");
    }

    public static async Task<Results<Created<CorrectiveActionDto>, ValidationProblem, ProblemHttpResult>> AddAction(Guid orgId, Guid findingId,
        CreateCorrectiveActionRequest request, InternalAuditStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await store.AddCorrectiveActionAsync(orgId, findingId, new CorrectiveActionInput(request.Description, request.Owner, request.DueDate), Actor(http), ct);
        if (outcome.Succeeded)
        {
            return TypedResults.Created($"/api/v1/organizations/{orgId}/audit/findings/{findingId}", ToDto(outcome.Value));
        }
        if (NotFound(outcome.Problems, "findingId") is { } missing) { return missing; }
        return Validation.Invalid(outcome.Problems, "Invalid corrective action");
    }

    public static async Task<Results<Ok<CorrectiveActionDto>, ValidationProblem, ProblemHttpResult>> SetActionStatus(Guid orgId, Guid findingId, Guid actionId,
        StatusRequest request, InternalAuditStore store, HttpContext http, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        var outcome = await store.SetCorrectiveActionStatusAsync(orgId, findingId, actionId, request.Status, Actor(http), ct);
        if (outcome.Succeeded) { return TypedResults.Ok(ToDto(outcome.Value)); }
        if (NotFound(outcome.Problems, "findingId", "actionId") is { } missing) { return missing; }
        return Validation.Invalid(outcome.Problems, "Invalid corrective action status");
    }

    // ---- recomputation check ----

    /// <summary>Reads the uploaded published table (<see cref="PublishedTableReader"/>) and recomputes every row
    /// (<see cref="RecomputationCheck"/>): 200 with every row and the differing ones flagged; 422 listing every bad cell.</summary>
    public static async Task<Results<Ok<RecomputationDto>, ProblemHttpResult>> Recompute(Guid orgId, HttpRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await UploadAntiforgery.CheckAsync(request.HttpContext) is { } forged) { return forged; }
        if (!request.HasFormContentType)
        {
            return Problem(StatusCodes.Status400BadRequest, "Expected multipart/form-data", "Upload the published table as a multipart/form-data file part.", []);
        }
        var form = await request.ReadFormAsync(ct);
        if (form.Files.Count != 1)
        {
            return Problem(StatusCodes.Status400BadRequest, "One file expected", $"Attach exactly one .csv or .xlsx file ({form.Files.Count} attached).", []);
        }
        var file = form.Files[0];
        if (file.Length > MaxUploadBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "File too large", $"{file.FileName} is {file.Length} bytes; at most {MaxUploadBytes} are accepted.", []);
        }
        var tolerance = 0m;
        if (form.TryGetValue("tolerance", out var toleranceText) && !string.IsNullOrWhiteSpace(toleranceText))
        {
            if (!decimal.TryParse(toleranceText, NumberStyles.Float, CultureInfo.InvariantCulture, out tolerance) || tolerance < 0m)
            {
                return Problem(StatusCodes.Status400BadRequest, "Invalid tolerance", $"'{toleranceText}' is not a non-negative number.",
                    [ProblemDto.From(CarbonLedger.Common.Problem.AtField("tolerance", "must be a non-negative number", "須為非負數"))]);
            }
        }
        var name = Path.GetFileName(file.FileName);
        await using var stream = file.OpenReadStream();
        var read = PublishedTableReader.Read(name, stream);
        if (!read.Succeeded)
        {
            return Problem(StatusCodes.Status422UnprocessableEntity, "Published table rejected", $"{read.Problems.Count} problem(s) in {name}.",
                read.Problems.Select(ProblemDto.From).ToList());
        }
        var report = RecomputationCheck.Check(read.Value, tolerance);
        var rows = report.Rows.Select(r => new RecomputedRowDto(r.Source.Row, r.Source.Label, r.Source.Activity.Value, r.Source.Activity.Unit.Code,
            r.Source.Factor, $"{r.Source.FactorMassUnit.Code}CO2e/{r.Source.FactorPerUnit.Code}", r.Source.Reported, r.Source.ReportedDecimals,
            r.Source.ReportedUnit.Code, r.Recomputed, r.Difference, r.RelativeDifference, r.Tolerance, r.Differs)).ToList();
        return TypedResults.Ok(new RecomputationDto(name, rows.Count, rows.Count(r => r.Differs), rows));
    }

    private static string Actor(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Member().Actor;
    }

    /// <summary>An unknown id of this organization's audit records is 404, as a foreign one is (null otherwise: the
    /// caller lists every field).</summary>
    private static ProblemHttpResult? NotFound(IReadOnlyList<Problem> problems, params string[] idFields) =>
        problems.Count == 1 && idFields.Contains(problems[0].Location.Field)
            ? TenantIsolation.NotFound(problems[0].Location.Field!.Replace("Id", "", StringComparison.Ordinal))
            : null;

    private static ProblemHttpResult Problem(int status, string title, string detail, IReadOnlyList<ProblemDto> problems) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["problems"] = problems } });

    private static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ChecklistDto ToDto(AuditChecklist c) =>
        new(c.Id, c.InventoryId, c.Title, c.CreatedBy, c.CreatedAt.ToDateTimeOffset(), c.Items.Select(ToDto).ToList());

    private static ChecklistItemDto ToDto(ChecklistItem i) => new(i.Id, i.Position, i.Text, i.Result, i.Note, i.CheckedBy, i.CheckedAt?.ToDateTimeOffset());

    private static FindingDto ToDto(Finding f) => new(f.Id, f.InventoryId, f.Title, f.Description, f.Severity, f.Owner, Iso(f.DueDate), f.Status,
        f.CreatedBy, f.CreatedAt.ToDateTimeOffset(), f.Actions.Select(ToDto).ToList());

    private static CorrectiveActionDto ToDto(CorrectiveAction a) =>
        new(a.Id, a.FindingId, a.Description, a.Owner, Iso(a.DueDate), a.Status, a.CompletedAt?.ToDateTimeOffset());
}
