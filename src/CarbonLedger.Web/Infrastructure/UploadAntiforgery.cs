using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>Anti-forgery for multipart upload endpoints, which are mapped with <c>.DisableAntiforgery()</c> so token
/// clients can post files: a request authenticated by the browser's cookie can be forged cross-site, so it must carry
/// the anti-forgery token (form field or header); a bearer-token request cannot, so it needs none.</summary>
public static class UploadAntiforgery
{
    /// <summary>Null when the request may proceed; otherwise a 400 problem saying the token is missing or invalid.
    /// Call inside organization routes (after the tenant filter has resolved the member).</summary>
    public static async Task<ProblemHttpResult?> CheckAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Member().IsApiToken)
        {
            return null;
        }
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        if (await antiforgery.IsRequestValidAsync(http))
        {
            return null;
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing or invalid",
            detail: "A form posted with the sign-in cookie must include the anti-forgery token (__RequestVerificationToken field or RequestVerificationToken header).");
    }
}
