extern alias web;

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CarbonLedger.Data;
using CarbonLedger.Data.Stores;
using CarbonLedger.Inventory;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace CarbonLedger.Bench;

/// <summary>Issue 3's load benchmark: the real app (Kestrel on a loopback port, Production environment) over a SQLite
/// file holding an organization with 1,000,000 activity records; 50 virtual users, each signed in through the real
/// /account/login form with a cookie of its own, request the dashboard page <c>/o/{orgId}</c> back to back for a fixed
/// duration. Closed loop: each user has at most one request in flight, so the load is bounded by the user count.</summary>
public sealed partial class DashboardLoadBenchmark : IBenchmark
{
    private const string AdminEmail = "admin@carbonledger.local";
    private const string AdminPassword = "bench-Admin-Password-2024";

    /// <summary>The dashboard's total card (DashboardPage.razor): present only when the totals were computed and rendered.</summary>
    private const string DashboardMarker = "data-testid=\"total-location\"";

    public string Name => "dashboard-load";

    public string Description => "50 signed-in users on the dashboard page of an organization with 1,000,000 activities (real app on loopback; --duration SECONDS, default 30)";

    public async Task RunAsync(TextWriter output, bool quick, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var n = quick ? 100_000 : 1_000_000;
        var users = 50;
        var duration = TimeSpan.FromSeconds(DurationSeconds(Environment.GetCommandLineArgs()) ?? (quick ? 10 : 30));
        var path = Path.Combine(Path.GetTempPath(), $"carbonledger-bench-dashboard-{Guid.NewGuid():N}.db");
        var settings = DatabaseSettings.SqliteFile(path);
        try
        {
            var orgId = Guid.NewGuid();
            var seed = Stopwatch.StartNew();
            await SeedAsync(settings, orgId, n, output, cancellationToken);
            seed.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"seed    {n,9:N0} activities through InventoryStore.ApplyAsync in {seed.Elapsed.TotalSeconds,7:F1} s (with their ledger entries); db {new FileInfo(path).Length / 1048576.0:F0} MiB"));

            await using var app = new App(settings);
            app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            // WebApplicationFactory finds the app's content root through MvcTestingAppManifest.json in the current
            // directory (as under dotnet test); dotnet run starts in the repository root.
            var cwd = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(AppContext.BaseDirectory);
            try { app.StartServer(); }
            finally { Directory.SetCurrentDirectory(cwd); }
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            output.WriteLine($"app     {address} (Kestrel, Production environment, SQLite file)");

            var login = Stopwatch.StartNew();
            var clients = new List<HttpClient>(users);
            for (var u = 0; u < users; u++)
            {
                clients.Add(await SignedInClientAsync(address, cancellationToken));
            }
            login.Stop();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"login   {users} users through /account/login (GET form + antiforgery token, POST credentials) in {login.Elapsed.TotalSeconds:F1} s"));

            var dashboard = $"/o/{orgId}";
            var cold = Stopwatch.StartNew();
            using (var first = await clients[0].GetAsync(dashboard, cancellationToken))
            {
                var body = await first.Content.ReadAsStringAsync(cancellationToken);
                cold.Stop();
                if (!first.IsSuccessStatusCode || !body.Contains(DashboardMarker, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"first dashboard request answered {(int)first.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
                }
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cold    first request {dashboard}: {cold.Elapsed.TotalMilliseconds:F0} ms ({(int)first.StatusCode}, {body.Length:N0} chars of HTML)"));
            }

            var (latencies, errors, firstError, elapsed) = await LoadAsync(clients, dashboard, duration, cancellationToken);
            Report(output, users, latencies, errors, firstError, elapsed);
            foreach (var c in clients) { c.Dispose(); }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { path, path + "-wal", path + "-shm" })
            {
                if (File.Exists(f)) { File.Delete(f); }
            }
        }
    }

    /// <summary>The organization of the inventory-sqlite benchmark (300 sources, 2 sites) with its 2024 inventory,
    /// written through the store in chunks of 100,000 (each chunk one transaction with its ledger entries).</summary>
    private static async Task SeedAsync(DatabaseSettings settings, Guid orgId, int n, TextWriter output, CancellationToken ct)
    {
        var clock = SystemClock.Instance;
        await CarbonLedgerDatabase.MigrateAsync(settings, ct);
        var (org, structure, activities) = SqliteInventoryBenchmark.Synthetic(orgId, n, clock.GetCurrentInstant());
        await using (var db = CarbonLedgerDatabase.CreateContext(settings))
        {
            var store = new InventoryStore(db, clock);
            await store.CreateOrganizationAsync(org, ct: ct);
            Check(await store.ApplyAsync(orgId, structure, "bench", ct: ct));
            await store.CreateInventoryAsync(orgId, "2024", ReportingPeriod.Year(2024), "AR5", ct: ct);
        }
        const int chunk = 100_000;
        for (var offset = 0; offset < n; offset += chunk)
        {
            await using var db = CarbonLedgerDatabase.CreateContext(settings);
            var part = activities.Skip(offset).Take(chunk).ToList();
            Check(await new InventoryStore(db, clock).ApplyAsync(orgId, new ChangeSet { Activities = part, Origin = "bench" }, "bench", ct: ct));
            output.Write(string.Create(CultureInfo.InvariantCulture, $"\rseeding {offset + part.Count,9:N0} / {n:N0}"));
        }
        output.WriteLine();

        static void Check<T>(CarbonLedger.Common.Outcome<T> result)
        {
            if (!result.Succeeded) { throw new InvalidOperationException(string.Join("; ", result.Problems.Take(3))); }
        }
    }

    /// <summary>One user's client: its own connection (one at a time) and cookie jar, signed in through the login form.</summary>
    private static async Task<HttpClient> SignedInClientAsync(Uri address, CancellationToken ct)
    {
        var handler = new SocketsHttpHandler
        {
            CookieContainer = new CookieContainer(),
            UseCookies = true,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(120) };
        var form = await client.GetStringAsync("/account/login", ct);
        var fields = FormFields(form);
        var email = fields.Keys.FirstOrDefault(k => k.EndsWith("Email", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("login form has no email field");
        var password = fields.Keys.FirstOrDefault(k => k.EndsWith("Password", StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException("login form has no password field");
        fields[email] = AdminEmail;
        fields[password] = AdminPassword;
        using var post = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), ct);
        var cookies = handler.CookieContainer.GetCookies(address);
        if ((int)post.StatusCode is not (302 or 303) || cookies["carbonledger.auth"] is null)
        {
            var body = await post.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException($"sign-in failed: {(int)post.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        }
        return client;
    }

    /// <summary>Every named input of the page's first form (hidden antiforgery token and handler included).</summary>
    private static Dictionary<string, string> FormFields(string html)
    {
        var start = html.IndexOf("<form", StringComparison.OrdinalIgnoreCase);
        var end = html.IndexOf("</form>", start + 1, StringComparison.OrdinalIgnoreCase);
        var form = html[start..end];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(form))
        {
            var name = NameAttribute().Match(input.Value);
            if (!name.Success) { continue; }
            var value = ValueAttribute().Match(input.Value);
            fields[WebUtility.HtmlDecode(name.Groups[1].Value)] = value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
        }
        return fields;
    }

    private static async Task<(double[] Latencies, int Errors, string? FirstError, TimeSpan Elapsed)> LoadAsync(
        IReadOnlyList<HttpClient> clients, string url, TimeSpan duration, CancellationToken ct)
    {
        var perUser = clients.Select(_ => new List<double>(4096)).ToArray();
        var errors = 0;
        string? firstError = null;
        var wall = Stopwatch.StartNew();
        var deadline = duration;
        var tasks = clients.Select((client, i) => Task.Run(async () =>
        {
            while (wall.Elapsed < deadline && !ct.IsCancellationRequested)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, ct);
                    var body = await response.Content.ReadAsStringAsync(ct);
                    // A 200 without the totals (e.g. an error message rendered in the page) is an error too.
                    if (!response.IsSuccessStatusCode || !body.Contains(DashboardMarker, StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, $"HTTP {(int)response.StatusCode}{(response.IsSuccessStatusCode ? " without the dashboard totals" : "")}", null);
                        continue;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, ex.GetType().Name + ": " + ex.Message, null);
                    continue;
                }
                perUser[i].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }, ct)).ToArray();
        await Task.WhenAll(tasks);
        wall.Stop();
        return (perUser.SelectMany(l => l).Order().ToArray(), errors, firstError, wall.Elapsed);
    }

    private static void Report(TextWriter output, int users, double[] sorted, int errors, string? firstError, TimeSpan elapsed)
    {
        var requests = sorted.Length + errors;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load    {users} users for {elapsed.TotalSeconds:F1} s: {requests:N0} requests, {requests / elapsed.TotalSeconds:N1} requests/s, {errors} errors{(firstError is null ? "" : $" (first: {firstError})")}"));
        if (sorted.Length == 0) { return; }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency p50 {Percentile(sorted, 50),7:F1} ms   p95 {Percentile(sorted, 95),7:F1} ms   p99 {Percentile(sorted, 99),7:F1} ms   max {sorted[^1],7:F1} ms (successful requests after the first, full response body read)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"aim     p95 < 200 ms and 0 errors: {(Percentile(sorted, 95) < 200 && errors == 0 ? "met" : "NOT met")}"));
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] sorted, int p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int? DurationSeconds(string[] args)
    {
        var i = Array.IndexOf(args, "--duration");
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : null;
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bname=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex NameAttribute();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ValueAttribute();

    /// <summary>The app as deployed: Production environment, the seeded SQLite file, no demo organization, the first-start
    /// administrator (made administrator of every existing organization, i.e. the bench organization) with a known password.</summary>
    private sealed class App(DatabaseSettings settings) : WebApplicationFactory<web::Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Production);
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:CarbonLedger", settings.ConnectionString);
            builder.UseSetting("Demo:Seed", "false");
            builder.UseSetting("Auth:InitialAdmin:Password", AdminPassword);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        }
    }
}
