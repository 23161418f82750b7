using System.Security.Claims;
using CarbonLedger.Audit;
using CarbonLedger.Data.Stores;
using CarbonLedger.Import;
using CarbonLedger.Web.Features.Inventory;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CarbonLedger.Web.Features.Imports;

public sealed record ImportResultDto(Guid BatchId, int Inserted, int Updated, int Files);

/// <summary><c>/api/v1/organizations/{orgId}/imports</c>: multipart upload of CSV / .xlsx template files, validated and
/// stored all-or-nothing by <see cref="InventoryImporter"/>. Any bad row → 422 listing every problem with its file,
/// sheet, row and column, and nothing is stored.</summary>
public sealed class ImportsApi : IEndpointGroup
{
    public void Map(RouteGroupBuilder api)
    {
        var group = api.MapOrganization("/imports").WithTags("Imports");
        group.MapPost("/", Import).WithName("Import")
            .RequirePermission(Permission.EditData)
            // Token clients post without an anti-forgery token; a cookie-authenticated request is checked in the handler
            // (UploadAntiforgery), after the tenant filter, so anonymous and foreign callers still get 401/404 first.
            .DisableAntiforgery()
            // No Accepts<IFormFile> metadata: routing would answer 415 to a wrong content type before authentication
            // runs, and every /api/v1 endpoint must answer 401 first. The handler checks the content type itself.
            .WithDescription("multipart/form-data with one or more file parts (.csv named after its template, e.g. activity.csv, or an .xlsx workbook)")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    public static async Task<Results<Ok<ImportResultDto>, ProblemHttpResult>> Import(Guid orgId, HttpRequest request, InventoryStore store,
        ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await UploadAntiforgery.CheckAsync(request.HttpContext) is { } forged)
        {
            return forged;
        }
        if (!request.HasFormContentType)
        {
            return Problem(StatusCodes.Status400BadRequest, "Expected multipart/form-data", "Upload the files as multipart/form-data parts.", []);
        }
        var form = await request.ReadFormAsync(ct);
        if (form.Files.Count == 0)
        {
            return Problem(StatusCodes.Status400BadRequest, "No files", "Attach at least one .csv or .xlsx file.", []);
        }
        var streams = new List<Stream>();
        try
        {
            var files = new List<ImportFile>();
            foreach (var file in form.Files)
            {
                var stream = file.OpenReadStream();
                streams.Add(stream);
                files.Add(new ImportFile(Path.GetFileName(file.FileName), stream));
            }
            var outcome = await InventoryImporter.ImportAsync(store, orgId, files, ApiUser.Name(user), null, ct);
            if (!outcome.Succeeded)
            {
                return Problem(StatusCodes.Status422UnprocessableEntity, "Import rejected",
                    $"{outcome.Problems.Count} problem(s); nothing was stored.", outcome.Problems.Select(ProblemDto.From).ToList());
            }
            return TypedResults.Ok(new ImportResultDto(outcome.Value.BatchId, outcome.Value.Inserted, outcome.Value.Updated, files.Count));
        }
        finally
        {
            foreach (var s in streams) { await s.DisposeAsync(); }
        }
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, IReadOnlyList<ProblemDto> problems) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Extensions = { ["problems"] = problems },
        });
}
