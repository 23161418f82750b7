using CarbonLedger.Common;
using CarbonLedger.Units;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>The one place exceptions become RFC 9457 problem details (STYLE.md "Errors: three channels"): a broken
/// domain invariant → 400 naming the field (with <c>errorsZhTw</c> as <see cref="Validation"/> gives it); a unit mismatch → 400; a malformed request → its 4xx; anything else → 500
/// with a generic message and a trace id, never the exception's text.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        ProblemDetails details = exception switch
        {
            DomainException d => new HttpValidationProblemDetails(Validation.Errors([d.ToProblem()], zhTw: false))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid value",
                Detail = d.Message,
                Extensions = { [Validation.ErrorsZhTw] = Validation.Errors([d.ToProblem()], zhTw: true) },
            },
            UnitMismatchException u => new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Unit mismatch",
                Detail = u.Message,
            },
            BadHttpRequestException b => new ProblemDetails
            {
                Status = b.StatusCode,
                Title = "Bad request",
                Detail = "The request could not be read (malformed body, parameter or content type).",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Internal server error",
                Detail = "The server failed to handle the request; the error was logged.",
            },
        };
        if (details.Status == StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = details.Status ?? StatusCodes.Status500InternalServerError;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
