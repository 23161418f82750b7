using CarbonLedger.Audit;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CarbonLedger.Web.Features.Audit;

/// <summary>An evidence file's metadata; activity rows cite it as <c>sha256:</c> + the first 12 hex digits of <see cref="Sha256"/>
/// (<see cref="EvidenceFile.Reference"/>).</summary>
public sealed record EvidenceDto(Guid Id, string FileName, string ContentType, string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary><c>/api/v1/organizations/{orgId}/evidence</c>: evidence files (invoices, meter photos, bills) for activity data
/// (issue 3 item 1 "evidence upload"). Stored once per organization and SHA-256 (uploading the same bytes again returns
/// the stored file); each upload is recorded in the audit ledger (kind "evidence", with the hash, not the bytes).</summary>
public sealed class EvidenceApi : IEndpointGroup
{
    public const long MaxBytes = EvidenceStore.MaxBytes;

    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapOrganization("/evidence").WithTags("Evidence");
        group.MapGet("/", List).WithName("ListEvidence");
        group.MapPost("/", Upload).WithName("UploadEvidence").RequirePermission(Permission.EditData)
            // Token clients post without an anti-forgery token; cookie requests are checked in the handler (UploadAntiforgery).
            .DisableAntiforgery()
            .WithDescription("multipart/form-data with one file part, at most 10 MB")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/{evidenceId:guid}", Download).WithName("DownloadEvidence");
    }

    public static async Task<Ok<List<EvidenceDto>>> List(Guid orgId, EvidenceStore store, CancellationToken ct)
    {
        var files = await store.ListAsync(orgId, ct);
        return TypedResults.Ok(files.Select(Dto).ToList());
    }

    public static async Task<Results<Created<EvidenceDto>, Ok<EvidenceDto>, ValidationProblem, ProblemHttpResult>> Upload(Guid orgId, HttpRequest request,
        EvidenceStore store, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await UploadAntiforgery.CheckAsync(request.HttpContext) is { } forged) { return forged; }
        if (!request.HasFormContentType)
        {
            return Problem(StatusCodes.Status400BadRequest, "Expected multipart/form-data", "Upload the evidence as a multipart/form-data file part.");
        }
        var form = await request.ReadFormAsync(ct);
        if (form.Files.Count != 1)
        {
            return Problem(StatusCodes.Status400BadRequest, "One file expected", $"Attach exactly one file ({form.Files.Count} attached).");
        }
        var file = form.Files[0];
        var name = Path.GetFileName(file.FileName);
        if (file.Length == 0) { return Problem(StatusCodes.Status400BadRequest, "Empty file", $"{name} is empty."); }
        // Checked before buffering: a 413 without reading the whole body into memory (the store checks again).
        if (file.Length > MaxBytes)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "File too large", $"{name} is {file.Length} bytes; evidence files may be at most {MaxBytes} bytes (10 MB).");
        }
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, ct);
            content = buffer.ToArray();
        }
        var outcome = await store.UploadAsync(orgId, name, file.ContentType, content, request.HttpContext.Member().Actor, ct);
        if (!outcome.Succeeded) { return Validation.Invalid(outcome.Problems, "Invalid evidence file"); }
        var dto = Dto(outcome.Value.File);
        return outcome.Value.IsNew ? TypedResults.Created($"/api/v1/organizations/{orgId}/evidence/{dto.Id}", dto) : TypedResults.Ok(dto);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid orgId, Guid evidenceId, EvidenceStore store, CancellationToken ct)
    {
        if (await store.FindAsync(orgId, evidenceId, ct) is not { } found) { return TenantIsolation.NotFound("evidence file"); }
        return TypedResults.File(found.Content, found.File.ContentType, found.File.FileName);
    }

    private static EvidenceDto Dto(EvidenceFile f) =>
        new(f.Id, f.FileName, f.ContentType, f.Sha256, f.Size, f.UploadedBy, f.UploadedAt.ToDateTimeOffset());

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["problems"] = Array.Empty<ProblemDto>() } });
}
