using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CarbonLedger.Common;

/// <summary>Name-based identifiers (RFC 9562 UUID version 5 layout over SHA-1): the same organization and natural key
/// always give the same id, so re-importing a file updates rows instead of duplicating them.</summary>
public static class DeterministicGuid
{
    /// <summary>The name hashed after the 16 namespace bytes is UTF-8 of <c>kind</c> + U+001F + the key parts joined by
    /// U+001F (null as empty). Built on the stack without intermediate strings: imports call this once per row.</summary>
    public static Guid For(Guid scope, string kind, params string?[] keyParts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(keyParts);
        var utf8 = Encoding.UTF8;
        var length = 16 + utf8.GetByteCount(kind) + (keyParts.Length == 0 ? 1 : 0);
        foreach (var part in keyParts)
        {
            length += 1 + (part is null ? 0 : utf8.GetByteCount(part));
        }
        byte[]? rented = null;
        var buffer = length <= 512 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length)).AsSpan(0, length);
        try
        {
            scope.TryWriteBytes(buffer, bigEndian: true, out _);
            var pos = 16 + utf8.GetBytes(kind, buffer[16..]);
            if (keyParts.Length == 0)
            {
                buffer[pos++] = 0x1F;
            }
            foreach (var part in keyParts)
            {
                buffer[pos++] = 0x1F;
                if (part is not null)
                {
                    pos += utf8.GetBytes(part, buffer[pos..]);
                }
            }
            Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what UUIDv5 specifies; this is an identifier, not a security hash.
            SHA1.HashData(buffer[..pos], hash);
#pragma warning restore CA5350
            hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
            return new Guid(hash[..16], bigEndian: true);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
