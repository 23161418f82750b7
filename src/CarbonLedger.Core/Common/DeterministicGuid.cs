using System.Security.Cryptography;
using System.Text;

namespace CarbonLedger.Common;

/// <summary>Name-based identifiers (RFC 9562 UUID version 5 layout over SHA-1): the same organization and natural key
/// always give the same id, so re-importing a file updates rows instead of duplicating them.</summary>
public static class DeterministicGuid
{
    public static Guid For(Guid scope, string kind, params string?[] keyParts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(keyParts);
        var name = kind + "\u001f" + string.Join("\u001f", keyParts.Select(p => p ?? ""));
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var ns = scope.ToByteArray(bigEndian: true);
        var buffer = new byte[ns.Length + nameBytes.Length];
        ns.CopyTo(buffer, 0);
        nameBytes.CopyTo(buffer, ns.Length);
#pragma warning disable CA5350 // SHA-1 is what UUIDv5 specifies; this is an identifier, not a security hash.
        var hash = SHA1.HashData(buffer);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
