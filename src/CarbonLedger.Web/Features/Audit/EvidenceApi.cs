using System.Security.Cryptography;
using CarbonLedger.Audit;
using CarbonLedger.Data;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CarbonLedger.Web.Features.Audit;

/// <summary>An evidence file's metadata; <see cref="Sha256"/> is what activity rows cite as their evidence reference.</summary>
public sealed record EvidenceDto(Guid Id, string FileName, string ContentType, string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt);

/// <summary><c>/api/v1/organizations/{orgId}/evidence</c>: evidence files (invoices, meter photos, bills) for activity data
/// (issue 3 item 1 "evidence upload"). Stored once per organization and SHA-256 (uploading the same bytes again returns
/// the stored file); each upload is recorded in the audit ledger (kind "evidence", with the hash, not the bytes).</summary>
public sealed class EvidenceApi : IEndpointGroup
{
    public const long MaxBytes = 10 * 1024 * 1024;

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

    public static async Task<Ok<List<EvidenceDto>>> List(Guid orgId, CarbonLedgerDbContext db, CancellationToken ct)
    {
        var rows = await db.Evidence.AsNoTracking().Where(e => e.OrganizationId == orgId)
            .Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Sha256, e.Size, e.UploadedBy, e.UploadedAt)).ToListAsync(ct);
        return TypedResults.Ok(rows.OrderBy(r => r.UploadedAt).ThenBy(r => r.FileName, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Created<EvidenceDto>, Ok<EvidenceDto>, ProblemHttpResult>> Upload(Guid orgId, HttpRequest request,
        CarbonLedgerDbContext db, IClock clock, CancellationToken ct)
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
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var stored = await db.Evidence.AsNoTracking().Where(e => e.OrganizationId == orgId && e.Sha256 == sha)
            .Select(e => new EvidenceDto(e.Id, e.FileName, e.ContentType, e.Sha256, e.Size, e.UploadedBy, e.UploadedAt)).SingleOrDefaultAsync(ct);
        if (stored is not null) { return TypedResults.Ok(stored); }

        var now = clock.GetCurrentInstant();
        var actor = request.HttpContext.Member().Actor;
        var row = new EvidenceRow
        {
            Id = Guid.NewGuid(), OrganizationId = orgId, FileName = name.Length > 260 ? name[..260] : name,
            ContentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType[..Math.Min(100, file.ContentType.Length)],
            Sha256 = sha, Size = content.LongLength, Content = content, UploadedBy = actor, UploadedAt = now.ToDateTimeOffset(),
        };
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Evidence.Add(row);
            await db.SaveChangesAsync(ct);
            await using (var ledger = await LedgerWriter.OpenAsync(db, orgId, now, ct))
            {
                await ledger.AddAsync(actor, "upload", "evidence", row.Id.ToString("D"), LedgerContent.Of(new Dictionary<string, string?>
                {
                    ["fileName"] = row.FileName, ["contentType"] = row.ContentType, ["sha256"] = row.Sha256,
                    ["size"] = row.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }), ct);
                await ledger.FlushAsync(ct);
            }
            await tx.CommitAsync(ct);
        });
        db.ChangeTracker.Clear();
        var dto = new EvidenceDto(row.Id, row.FileName, row.ContentType, row.Sha256, row.Size, row.UploadedBy, row.UploadedAt);
        return TypedResults.Created($"/api/v1/organizations/{orgId}/evidence/{row.Id}", dto);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid orgId, Guid evidenceId, CarbonLedgerDbContext db, CancellationToken ct)
    {
        var row = await db.Evidence.AsNoTracking().SingleOrDefaultAsync(e => e.OrganizationId == orgId && e.Id == evidenceId, ct);
        if (row is null) { return TenantIsolation.NotFound("evidence file"); }
        return TypedResults.File(row.Content, row.ContentType, row.FileName);
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail, Extensions = { ["problems"] = Array.Empty<ProblemDto>() } });
}
