using System.Security.Cryptography;
using System.Text;

namespace CarbonLedger.Web.Infrastructure.Auth;

/// <summary>Role codes of configured API tokens; any code <see cref="CarbonLedger.Audit.AccessRules.TryParse"/> knows
/// (admin, contributor, reviewer, verifier, viewer) is accepted.</summary>
public static class ApiRoles
{
    public const string Admin = "admin";
    public const string Contributor = "contributor";
    public const string Viewer = "viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Contributor, Viewer];

    public static bool IsKnown(string? role) => CarbonLedger.Audit.AccessRules.TryParse(role, out _);
}

/// <summary>Authorization policy names: every /api/v1 endpoint needs <see cref="Read"/>; writes need <see cref="Write"/>.</summary>
public static class ApiPolicies
{
    public const string Read = "api.read";
    public const string Write = "api.write";
}

/// <summary>Claim types of an authenticated API token.</summary>
public static class ApiClaims
{
    public const string OrganizationId = "carbonledger:org";
    public const string Role = "carbonledger:role";
    public const string TokenName = "carbonledger:token";
}

/// <summary>One accepted token: only its SHA-256 is held, never the token itself.</summary>
public sealed record ApiTokenEntry(byte[] Sha256, Guid OrganizationId, string Role, string Name);

/// <summary>The tokens this process accepts: those configured per organization under <c>Auth:Tokens:[n]</c>
/// (<c>Hash</c> = SHA-256 hex of the token, <c>OrganizationId</c>, <c>Role</c>, <c>Name</c>) plus the demo token made
/// at start-up. Tokens live in configuration rather than the database because the schema (owned by the data project)
/// has no token table yet. Lookup compares every entry's hash in constant time.</summary>
public sealed class ApiTokenRegistry
{
    private readonly Lock _gate = new();
    private readonly List<ApiTokenEntry> _entries;

    public ApiTokenRegistry(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _entries = [];
        var index = 0;
        foreach (var section in configuration.GetSection("Auth:Tokens").GetChildren())
        {
            var where = $"Auth:Tokens:{section.Key}";
            var hash = section["Hash"] ?? throw new InvalidOperationException($"{where}:Hash is missing (SHA-256 hex of the token)");
            byte[] bytes;
            try
            {
                bytes = Convert.FromHexString(hash.Trim());
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"{where}:Hash is not hexadecimal", ex);
            }
            if (bytes.Length != SHA256.HashSizeInBytes)
            {
                throw new InvalidOperationException($"{where}:Hash must be a SHA-256 (64 hex digits)");
            }
            if (!Guid.TryParse(section["OrganizationId"], out var org))
            {
                throw new InvalidOperationException($"{where}:OrganizationId is not a GUID");
            }
            var role = (section["Role"] ?? ApiRoles.Viewer).Trim().ToLowerInvariant();
            if (!ApiRoles.IsKnown(role))
            {
                throw new InvalidOperationException($"{where}:Role must be one of admin, contributor, reviewer, verifier, viewer");
            }
            _entries.Add(new ApiTokenEntry(bytes, org, role, section["Name"] ?? $"token {index}"));
            index++;
        }
    }

    public int Count
    {
        get
        {
            lock (_gate) { return _entries.Count; }
        }
    }

    public static byte[] Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return SHA256.HashData(Encoding.UTF8.GetBytes(token));
    }

    /// <summary>The SHA-256 hex to put in <c>Auth:Tokens:[n]:Hash</c> for <paramref name="token"/>.</summary>
    public static string HashHex(string token) => Convert.ToHexStringLower(Hash(token));

    /// <summary>Makes a fresh random token for the demo organization, registers its hash and returns the token so the
    /// caller can print it once. Only the hash is kept; a restart makes a new one and the old one stops working.</summary>
    public string IssueDemoToken(Guid demoOrganizationId)
    {
        var token = "cl_demo_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        lock (_gate)
        {
            _entries.RemoveAll(e => e.Name == DemoTokenName);
            _entries.Add(new ApiTokenEntry(Hash(token), demoOrganizationId, ApiRoles.Admin, DemoTokenName));
        }
        return token;
    }

    public const string DemoTokenName = "demo";

    /// <summary>Finds the entry for <paramref name="token"/>. Every entry is compared (no early exit) with
    /// <see cref="CryptographicOperations.FixedTimeEquals"/>, so timing does not reveal how close a guess was.</summary>
    public ApiTokenEntry? Find(string token)
    {
        var hash = Hash(token);
        ApiTokenEntry? found = null;
        lock (_gate)
        {
            foreach (var e in _entries)
            {
                if (CryptographicOperations.FixedTimeEquals(hash, e.Sha256) && found is null)
                {
                    found = e;
                }
            }
        }
        return found;
    }
}
