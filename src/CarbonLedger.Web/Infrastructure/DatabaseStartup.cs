using CarbonLedger.Data;
using CarbonLedger.Data.Demo;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Infrastructure.Auth;
using NodaTime;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>Database configuration and first-start work: <c>Database:Provider</c> (sqlite, the default, or postgres) and
/// <c>ConnectionStrings:CarbonLedger</c> (default: the SQLite file <c>data/carbonledger.db</c> under the content root).</summary>
public static partial class DatabaseStartup
{
    public static DatabaseSettings Settings(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var provider = DatabaseSettings.ParseProvider(configuration["Database:Provider"]);
        var connection = configuration.GetConnectionString("CarbonLedger");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new InvalidOperationException("Database:Provider is postgres but ConnectionStrings:CarbonLedger is not set");
            }
            return DatabaseSettings.SqliteFile(Path.Combine(contentRoot, "data", "carbonledger.db"));
        }
        return new DatabaseSettings(provider, connection);
    }

    public static IServiceCollection AddCarbonLedgerData(this IServiceCollection services, DatabaseSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContext<CarbonLedgerDbContext>(o => CarbonLedgerDatabase.Configure(o, settings));
        services.AddScoped<InventoryStore>();
        services.AddScoped<BaseYearStore>();
        services.AddScoped<LedgerStore>();
        services.AddScoped<WorkflowStore>();
        services.AddScoped<InternalAuditStore>();
        services.AddScoped<PricingStore>();
        services.AddScoped<PlanningStore>();
        services.AddScoped<EvidenceStore>();
        return services;
    }

    /// <summary>Migrates (the SQLite file is created on first start), seeds the fictional demo organization when
    /// <c>Demo:Seed</c> is true (the default), and issues the demo API token, logged once. The token is held only as
    /// its SHA-256 in memory and a new one is made on every start.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CarbonLedger.Startup");
        // Read Auth:Tokens now, so a malformed token entry stops the start instead of failing the first request.
        var tokens = app.Services.GetRequiredService<ApiTokenRegistry>();
        LogTokens(logger, tokens.Count);
        await CarbonLedgerDatabase.MigrateAsync(settings, ct);
        LogMigrated(logger, settings.Provider);
        await using var scope = app.Services.CreateAsyncScope();
        Guid? demoOrganization = null;
        if (app.Configuration.GetValue("Demo:Seed", true))
        {
            var db = scope.ServiceProvider.GetRequiredService<CarbonLedgerDbContext>();
            var demo = await DemoSeeder.EnsureDemoAsync(db, scope.ServiceProvider.GetRequiredService<IClock>(), ct);
            LogDemo(logger, demo.OrganizationId, demo.Created);
            var token = tokens.IssueDemoToken(demo.OrganizationId);
            LogDemoToken(logger, token, demo.OrganizationId);
            demoOrganization = demo.OrganizationId;
        }
        await AuthSetup.EnsureAccountsAsync(scope.ServiceProvider, app.Configuration, demoOrganization, logger, ct);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} API token(s) configured under Auth:Tokens")]
    private static partial void LogTokens(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "database ready ({Provider}, migrations applied)")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "demo organization {OrganizationId} (created now: {Created})")]
    private static partial void LogDemo(ILogger logger, Guid organizationId, bool created);

    // Printed once per start; only its hash is kept. Regenerated on every start (not persisted anywhere).
    [LoggerMessage(Level = LogLevel.Warning, Message = "demo API token: {Token} (admin of demo organization {OrganizationId}; valid until this process stops)")]
    private static partial void LogDemoToken(ILogger logger, string token, Guid organizationId);
}
