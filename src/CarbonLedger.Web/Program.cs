using CarbonLedger.Web.Components;
using CarbonLedger.Web.Features.Demo;
using CarbonLedger.Web.Infrastructure;
using CarbonLedger.Web.Infrastructure.Auth;

var builder = WebApplication.CreateBuilder(args);
// Serve the component library's static files (MudBlazor's CSS/JS) from the build output in every environment, so
// `dotnet run` works without a publish step or ASPNETCORE_ENVIRONMENT=Development (a no-op in a published app).
builder.WebHost.UseStaticWebAssets();

var database = DatabaseStartup.Settings(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddCarbonLedgerData(database);

builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiBearer>());

builder.Services.AddCarbonLedgerAuth();
builder.Services.AddAntiforgery();
builder.Services.AddCarbonLedgerUi();
builder.Services.AddOutputCache(o => o.AddBasePolicy(new CarbonLedger.Web.Features.Dashboard.DashboardOutputCache()));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseOutputCache();

app.MapOpenApi();
app.MapApiIndex();
app.MapDemoPage();
app.MapCarbonLedgerUi();
// Every /api/v1 endpoint — this and any added later — needs a token; tenant endpoints also check the route's
// organization against the token's (TenantIsolation). Web.Tests enumerates the endpoints to keep it that way.
app.MapEndpointGroups().RequireAuthorization(ApiPolicies.Read);

await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
