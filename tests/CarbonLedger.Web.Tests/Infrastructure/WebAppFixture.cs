using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CarbonLedger.Common;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using CarbonLedger.Testing.Databases;
using CarbonLedger.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CarbonLedger.Web.Tests.Infrastructure;

/// <summary>The real app (<see cref="WebApplicationFactory{Program}"/>, real Kestrel pipeline in memory) on a real
/// database of its own: a temporary SQLite file (created and migrated by the app on start, as in production) or a
/// fresh PostgreSQL database. Tokens are configured the way an operator would (SHA-256 hashes under Auth:Tokens) for
/// the demo organization (admin, contributor, viewer) and for a second organization B created through the store.</summary>
public class WebAppFixture : IAsyncLifetime
{
    /// <summary>The demo organization's fixed id (Core's DemoOrganization, seeded by the app on first start).</summary>
    public static readonly Guid DemoOrgId = CarbonLedger.Inventory.Demo.DemoOrganization.OrganizationId;

    public static readonly Guid OrgBId = new("3d0c9b1e-8a55-4f3c-b2e1-9c7a11d0e4f2");

    public const string DemoAdminToken = "test-demo-admin-7f3a9c";
    public const string DemoContributorToken = "test-demo-contributor-1b2c3d";
    public const string DemoViewerToken = "test-demo-viewer-9e8d7c";
    public const string OrgBAdminToken = "test-orgb-admin-5a6b7c";
    public const string DemoReviewerToken = "test-demo-reviewer-4d5e6f";
    public const string DemoVerifierToken = "test-demo-verifier-8a9b0c";

    private readonly DatabaseProvider _provider;
    private TestDatabase? _database;
    private Factory? _factory;

    public WebAppFixture() : this(DatabaseProvider.Sqlite)
    {
    }

    protected WebAppFixture(DatabaseProvider provider) => _provider = provider;

    public ConcurrentQueue<string> Logs { get; } = new();

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public WebApplicationFactory<Program> App => _factory ?? throw new InvalidOperationException("not initialised");

    public Guid OrgBInventoryId { get; private set; }

    public Guid DemoInventoryId { get; private set; }

    public async Task InitializeAsync()
    {
        // Not migrated here: the app migrates on start (for SQLite it also creates the file).
        _database = await TestDatabase.CreateAsync(_provider, migrate: false);
        _factory = new Factory(_database.Settings, Logs);
        using (_factory.CreateClient())
        {
            // Creating a client starts the host: migrate, seed the demo, issue the demo token.
        }
        await using var db = _database.CreateContext();
        var store = new InventoryStore(db, SystemClock.Instance);
        await store.CreateOrganizationAsync(new Organization(OrgBId, "Organization B (test)", ConsolidationApproach.OperationalControl, 2024));
        var entity = new LegalEntity(DeterministicGuid.For(OrgBId, "entity", "B Ltd"), "B Ltd", 100m);
        var facility = new Facility(DeterministicGuid.For(OrgBId, "facility", "B-HQ"), entity.Id, "B-HQ", "B head office");
        var source = new EmissionSource(DeterministicGuid.For(OrgBId, "source", "B-ELEC"), facility.Id, "B-ELEC", "B electricity",
            SourceType.PurchasedElectricity, "tw-grid");
        var applied = await store.ApplyAsync(OrgBId, new ChangeSet { LegalEntities = [entity], Facilities = [facility], Sources = [source], Origin = "test" }, "test");
        applied.Succeeded.ShouldBeTrue(string.Join("; ", applied.Problems));
        OrgBInventoryId = await store.CreateInventoryAsync(OrgBId, "B 2024", ReportingPeriod.Year(2024), "AR5");
        DemoInventoryId = (await store.ListInventoriesAsync(DemoOrgId)).Single(i => i.PeriodStart.Year == 2024).Id;
    }

    public HttpClient Client(string? token = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) { await _factory.DisposeAsync(); }
        if (_database is not null) { await _database.DisposeAsync(); }
    }

    private sealed class Factory(DatabaseSettings settings, ConcurrentQueue<string> logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Database:Provider", settings.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite");
            builder.UseSetting("ConnectionStrings:CarbonLedger", settings.ConnectionString);
            (string Token, Guid Org, string Role)[] tokens =
            [
                (DemoAdminToken, DemoOrgId, ApiRoles.Admin),
                (DemoContributorToken, DemoOrgId, ApiRoles.Contributor),
                (DemoViewerToken, DemoOrgId, ApiRoles.Viewer),
                (OrgBAdminToken, OrgBId, ApiRoles.Admin),
                (DemoReviewerToken, DemoOrgId, "reviewer"),
                (DemoVerifierToken, DemoOrgId, "verifier"),
            ];
            for (var i = 0; i < tokens.Length; i++)
            {
                builder.UseSetting($"Auth:Tokens:{i}:Hash", ApiTokenRegistry.HashHex(tokens[i].Token));
                builder.UseSetting($"Auth:Tokens:{i}:OrganizationId", tokens[i].Org.ToString());
                builder.UseSetting($"Auth:Tokens:{i}:Role", tokens[i].Role);
                builder.UseSetting($"Auth:Tokens:{i}:Name", $"test-{tokens[i].Role}-{i}");
            }
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(logs)));
        }
    }
}

/// <summary>The same app on a fresh database of the local PostgreSQL server.</summary>
public sealed class PostgresWebAppFixture() : WebAppFixture(DatabaseProvider.Postgres);

/// <summary>Keeps every formatted log message, to read what the app printed (the demo token).</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue(formatter(state, exception));
    }
}
