using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>Declares the bearer-token scheme in the OpenAPI document and applies it to every operation (all of them are
/// /api/v1 endpoints that require a token).</summary>
public sealed class OpenApiBearer : IOpenApiDocumentTransformer
{
    public const string SchemeId = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token: configured per organization under Auth:Tokens, or the demo token printed in the log at start-up.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
        return Task.CompletedTask;
    }
}
