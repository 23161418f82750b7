using System.Text.Json;
using CarbonLedger.Common;
using CarbonLedger.Units;
using CarbonLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CarbonLedger.Web.Tests.Infrastructure;

public sealed class ProblemExceptionHandlerTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private async Task<(int Status, JsonElement Body)> HandleAsync(Exception exception)
    {
        var handler = new ProblemExceptionHandler(app.App.Services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(),
            NullLogger<ProblemExceptionHandler>.Instance);
        var context = new DefaultHttpContext { RequestServices = app.App.Services };
        context.Request.Headers.Accept = "application/json";
        using var body = new MemoryStream();
        context.Response.Body = body;
        (await handler.TryHandleAsync(context, exception, CancellationToken.None)).ShouldBeTrue();
        return (context.Response.StatusCode, JsonDocument.Parse(body.ToArray()).RootElement.Clone());
    }

    [Fact]
    public async Task TryHandle_UnexpectedException_Returns500WithoutItsMessage()
    {
        // Given an exception carrying internal detail
        var exception = new InvalidOperationException("connection string Password=hunter2");

        // When it is handled
        var (status, body) = await HandleAsync(exception);

        // Then the client gets a 500 problem that does not repeat the detail
        status.ShouldBe(500);
        body.GetProperty("status").GetInt32().ShouldBe(500);
        body.GetRawText().ShouldNotContain("hunter2");
        body.GetRawText().ShouldNotContain(nameof(InvalidOperationException));
    }

    [Fact]
    public async Task TryHandle_DomainException_Returns400NamingTheField()
    {
        // Given a broken invariant on a field
        var exception = new DomainException("baseYear", "1800 is not a plausible base year");

        // When it is handled
        var (status, body) = await HandleAsync(exception);

        // Then it is a 400 validation problem keyed by that field
        status.ShouldBe(400);
        body.ErrorFields().ShouldBe(["baseYear"]);
    }

    [Fact]
    public async Task TryHandle_DomainExceptionInBothLanguages_ErrorsEnglishAndErrorsZhTwChinese()
    {
        // Given a broken invariant whose reason is given in English and in Traditional Chinese
        var exception = new DomainException("baseYear", "1800 is not a plausible base year", "1800 不是合理的基準年");

        // When it is handled
        var (status, body) = await HandleAsync(exception);

        // Then errors keeps the English reason and errorsZhTw has the zh-TW one under the same field
        status.ShouldBe(400);
        body.GetProperty("errors").GetProperty("baseYear")[0].GetString().ShouldBe("1800 is not a plausible base year");
        body.GetProperty("errorsZhTw").EnumerateObject().Select(p => p.Name).ShouldBe(["baseYear"]);
        body.GetProperty("errorsZhTw").GetProperty("baseYear")[0].GetString().ShouldBe("1800 不是合理的基準年");
    }

    [Fact]
    public async Task TryHandle_DomainExceptionEnglishOnly_ErrorsZhTwFallsBackToEnglish()
    {
        // Given a broken invariant with an English reason only
        var exception = new DomainException("baseYear", "1800 is not a plausible base year");

        // When it is handled
        var (_, body) = await HandleAsync(exception);

        // Then errorsZhTw still names the field, with the English reason (no field is left without a message)
        body.GetProperty("errorsZhTw").GetProperty("baseYear")[0].GetString().ShouldBe("1800 is not a plausible base year");
    }

    [Fact]
    public async Task TryHandle_UnitMismatch_Returns400()
    {
        // Given a conversion between dimensions
        var exception = Should.Throw<UnitMismatchException>(() => UnitCatalog.Litre.FactorTo(UnitCatalog.KilowattHour));

        // When it is handled
        var (status, _) = await HandleAsync(exception);

        // Then it is a client error
        status.ShouldBe(400);
    }
}
