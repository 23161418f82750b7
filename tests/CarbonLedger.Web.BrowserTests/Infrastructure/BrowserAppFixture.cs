using System.Collections.Concurrent;
using System.Net;
using CarbonLedger.Data;
using CarbonLedger.Testing.Databases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace CarbonLedger.Web.BrowserTests.Infrastructure;

/// <summary>The real app on a real loopback port (Kestrel via <see cref="WebApplicationFactory{Program}.UseKestrel(Action{Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions})"/>
/// on 127.0.0.1:0), with a temporary SQLite file of its own that the app creates, migrates and seeds with the demo
/// organization and demo logins on start (Demo:Seed=true), and Debian's headless Chromium driven by Playwright.
/// One fixture per test class, so every class has its own database.</summary>
public sealed class BrowserAppFixture : IAsyncLifetime
{
    /// <summary>The demo organization's fixed id (Core's DemoOrganization, seeded by the app on first start).</summary>
    public static readonly Guid DemoOrgId = CarbonLedger.Inventory.Demo.DemoOrganization.OrganizationId;

    /// <summary>Debian's Chromium; Playwright's own browser download cannot work on this machine.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private TestDatabase? _database;
    private Factory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ConcurrentQueue<string> Logs { get; } = new();

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not initialised");

    /// <summary>The SQLite file the app writes, for tests that reach behind the application's back.</summary>
    public string DatabaseFile => new SqliteConnectionStringBuilder(Database.Settings.ConnectionString).DataSource;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        _factory = new Factory(_database.Settings, Logs);
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var addresses = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh browser context (its own cookies) with one page; <paramref name="locale"/> sets Accept-Language.</summary>
    public async Task<IPage> NewPageAsync(string locale = "zh-TW")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    private readonly Dictionary<string, string> _sessions = new(StringComparer.Ordinal);

    /// <summary>A new page signed in as <paramref name="email"/>: the first time through the real login form (its
    /// screenshot saved in <paramref name="folder"/>), later with that session's cookies, to keep the suite fast.</summary>
    public async Task<IPage> SignedInPageAsync(string email, string folder)
    {
        if (_sessions.TryGetValue(email, out var state))
        {
            var context = await Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = BaseAddress.ToString(),
                Locale = "zh-TW",
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
                AcceptDownloads = true,
                StorageState = state,
            });
            context.SetDefaultTimeout(15_000);
            return await context.NewPageAsync();
        }
        var page = await NewPageAsync();
        await page.SignInAsync(email, folder);
        _sessions[email] = await page.Context.StorageStateAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) { await _browser.CloseAsync(); }
        _playwright?.Dispose();
        if (_factory is not null) { await _factory.DisposeAsync(); }
        if (_database is not null) { await _database.DisposeAsync(); }
    }

    private sealed class Factory(DatabaseSettings settings, ConcurrentQueue<string> logs) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // WebApplicationFactory's default environment (Development): static web assets from the build output.
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:CarbonLedger", settings.ConnectionString);
            builder.UseSetting("Demo:Seed", "true");
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(logs)));
        }
    }
}

/// <summary>Keeps every formatted log message, to show what the app printed when a browser step fails.</summary>
public sealed class CapturingLoggerProvider(ConcurrentQueue<string> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ConcurrentQueue<string> sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
    }
}
