using System.Text.Json;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CarbonLedger.Web.Features.Audit;

/// <summary>Optional body of a workflow action; return and restate need the reason.</summary>
public sealed record WorkflowRequest(string? Reason);

public sealed record WorkflowStatusDto(Guid InventoryId, string Status, string Action);

public sealed record WorkflowEventDto(Guid Id, string Action, string From, string To, string Actor, DateTimeOffset At, string? Reason);

public sealed record WorkflowHistoryDto(Guid InventoryId, string Status, IReadOnlyList<WorkflowEventDto> Events);

public sealed record CommentDto(Guid Id, Guid InventoryId, string TargetKind, string TargetId, string Author, string AuthorRole, DateTimeOffset At, string Text);

/// <summary>Body of a comment; the target defaults to the inventory itself.</summary>
public sealed record CommentRequest(string? TargetKind, string? TargetId, string? Text);

/// <summary><c>/api/v1/organizations/{orgId}/inventories/{id}/workflow</c> and <c>…/comments</c> (issue 3 item 3): draft →
/// submitted → reviewed → approved → locked, return and restate with a reason (<see cref="InventoryWorkflow"/>), and
/// comments on the inventory or any of its lines. Each action needs its own permission, checked per action.</summary>
public sealed class WorkflowApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapOrganization("/inventories/{id:guid}").WithTags("Workflow");
        group.MapGet("/workflow", History).WithName("GetInventoryWorkflow");
        // The permission depends on the action (submit: contributor; review: reviewer; approve, lock, restate: admin),
        // so the handler checks it against InventoryWorkflow.RequiredPermission; the endpoint itself only needs membership.
        group.MapPost("/workflow/{action}", Transition).WithName("InventoryWorkflowAction").RequirePermission(Permission.Read)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesValidationProblem();
        group.MapGet("/comments", Comments).WithName("ListInventoryComments");
        group.MapPost("/comments", AddComment).WithName("AddInventoryComment").RequirePermission(Permission.Comment);
    }

    public static async Task<Results<Ok<WorkflowStatusDto>, ValidationProblem, ProblemHttpResult>> Transition(Guid orgId, Guid id, string action,
        HttpContext http, WorkflowStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Enum.TryParse<WorkflowAction>(action, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(action, out _))
        {
            return Validation.Invalid([Problem.AtField("action", $"'{action}' is not a workflow action: submit, review, approve, lock, return or restate", $"「{action}」不是流程動作：submit、review、approve、lock、return 或 restate")], "Unknown workflow action");
        }
        WorkflowRequest? body = null;
        if (http.Request.HasJsonContentType())
        {
            try
            {
                body = await http.Request.ReadFromJsonAsync<WorkflowRequest>(ct);
            }
            catch (JsonException ex)
            {
                return Validation.Invalid([Problem.AtField("body", "not valid JSON: " + ex.Message, "不是有效的 JSON：" + ex.Message)], "Invalid workflow request");
            }
        }
        var member = http.Member();
        var required = InventoryWorkflow.RequiredPermission(parsed);
        if (!member.Can(required))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed",
                detail: $"A {AccessRules.Code(member.Role)} may not {parsed.ToString().ToLowerInvariant()} an inventory ({required}).");
        }
        var outcome = await store.TransitionAsync(orgId, id, parsed, member.Role, member.Actor, body?.Reason, ct);
        if (outcome.Succeeded)
        {
            return TypedResults.Ok(new WorkflowStatusDto(id, Code(outcome.Value), parsed.ToString().ToLowerInvariant()));
        }
        var problem = outcome.Problems[0];
        return problem.Location.Field switch
        {
            "inventoryId" => TenantIsolation.NotFound("inventory"),
            "reason" => Validation.Invalid(outcome.Problems, "Workflow action needs a reason"),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Workflow action not possible",
                detail: string.Join("; ", outcome.Problems.Select(p => p.Message))),
        };
    }

    public static async Task<Results<Ok<WorkflowHistoryDto>, ProblemHttpResult>> History(Guid orgId, Guid id, CarbonLedgerDbContext db, WorkflowStore store,
        CancellationToken ct)
    {
        var status = await db.Inventories.AsNoTracking().Where(i => i.OrganizationId == orgId && i.Id == id).Select(i => i.Status).SingleOrDefaultAsync(ct);
        if (status is null) { return TenantIsolation.NotFound("inventory"); }
        var events = await store.HistoryAsync(orgId, id, ct);
        return TypedResults.Ok(new WorkflowHistoryDto(id, Code(InventoryWorkflow.Parse(status)), events.Select(e => new WorkflowEventDto(e.Id,
            e.Action.ToString().ToLowerInvariant(), Code(e.From), Code(e.To), e.Actor, e.At.ToDateTimeOffset(), e.Reason)).ToList()));
    }

    public static async Task<Results<Ok<List<CommentDto>>, ProblemHttpResult>> Comments(Guid orgId, Guid id, string? targetKind, string? targetId,
        CarbonLedgerDbContext db, WorkflowStore store, CancellationToken ct)
    {
        if (!await db.Inventories.AnyAsync(i => i.OrganizationId == orgId && i.Id == id, ct)) { return TenantIsolation.NotFound("inventory"); }
        var comments = await store.CommentsAsync(orgId, id, string.IsNullOrWhiteSpace(targetKind) ? null : targetKind.Trim(),
            string.IsNullOrWhiteSpace(targetId) ? null : targetId.Trim(), ct);
        return TypedResults.Ok(comments.Select(ToDto).ToList());
    }

    public static async Task<Results<Created<CommentDto>, ValidationProblem, ProblemHttpResult>> AddComment(Guid orgId, Guid id, CommentRequest request,
        HttpContext http, WorkflowStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        var member = http.Member();
        var kind = string.IsNullOrWhiteSpace(request.TargetKind) ? "inventory" : request.TargetKind.Trim();
        var target = string.IsNullOrWhiteSpace(request.TargetId) && kind == "inventory" ? id.ToString("D") : request.TargetId ?? "";
        var outcome = await store.AddCommentAsync(orgId, id, kind, target, request.Text ?? "", member.Actor, member.Role, ct);
        if (!outcome.Succeeded)
        {
            if (outcome.Problems.Any(p => p.Location.Field == "inventoryId")) { return TenantIsolation.NotFound("inventory"); }
            return Validation.Invalid(outcome.Problems, "Invalid comment");
        }
        return TypedResults.Created($"/api/v1/organizations/{orgId}/inventories/{id}/comments", ToDto(outcome.Value));
    }

    private static string Code(InventoryStatus status) => status.ToString().ToLowerInvariant();

    private static CommentDto ToDto(Comment c) => new(c.Id, c.InventoryId, c.TargetKind, c.TargetId, c.Author, c.AuthorRole, c.At.ToDateTimeOffset(), c.Text);
}
