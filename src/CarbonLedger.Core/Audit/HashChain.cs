using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using NodaTime;

namespace CarbonLedger.Audit;

/// <summary>One entry of an organization's append-only audit ledger (SPEC §2, seed 000 「數位稽核」 without a
/// blockchain). <see cref="ContentHash"/> is SHA-256 of <see cref="Content"/>; <see cref="Hash"/> is SHA-256 of the
/// entry's canonical form, which includes <see cref="PreviousHash"/>, so altering any entry breaks every later link.</summary>
public sealed record LedgerEntry(
    long Sequence,
    Guid OrganizationId,
    Instant Timestamp,
    string Actor,
    string Action,
    string EntityKind,
    string EntityId,
    string Content,
    string ContentHash,
    string PreviousHash,
    string Hash);

/// <summary>What an entry is about before it is chained: the chain assigns sequence, previous hash and hashes.</summary>
public sealed record LedgerEvent(string Actor, string Action, string EntityKind, string EntityId, string Content);

/// <summary>Why verification stopped.</summary>
public enum LedgerFault
{
    None,
    /// <summary>The stored content no longer hashes to the stored content hash.</summary>
    ContentAltered,
    /// <summary>The entry's fields no longer hash to its stored hash.</summary>
    EntryAltered,
    /// <summary>The entry's previous-hash does not equal the hash of the entry before it (an entry removed or inserted).</summary>
    BrokenLink,
    /// <summary>Sequence numbers are not 1, 2, 3, … (an entry removed or reordered).</summary>
    SequenceGap,
    /// <summary>Current data differs from the content the ledger last recorded for it (changed outside the ledger).</summary>
    DataDiffers,
    /// <summary>A current row has no ledger entry at all (written outside the ledger).</summary>
    DataNotInLedger,
}

/// <summary>The result of recomputing a ledger: OK, or the first altered entry (or data row) and why.</summary>
public sealed record LedgerVerification(bool IsValid, long EntriesChecked, long? FirstAlteredSequence, LedgerFault Fault, string Message, string? MessageZhTw = null)
{
    public static LedgerVerification Valid(long checkedCount) =>
        new(true, checkedCount, null, LedgerFault.None, $"{checkedCount} entries verified; the chain is intact", $"已驗證 {checkedCount} 筆紀錄；雜湊鏈完整");

    /// <summary>The message in the requested language (English when no zh-TW text was given).</summary>
    public string MessageIn(bool zhTw) => zhTw && MessageZhTw is not null ? MessageZhTw : Message;
}

/// <summary>SHA-256 hash chain over ledger entries. The canonical form is versioned (<c>cl-ledger-v1</c>) and
/// length-prefixes every text field, so no two different entries share a canonical form.</summary>
public static class HashChain
{
    /// <summary>The previous-hash of an organization's first entry: 64 zeros.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Sha256Hex(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Builds the next entry after <paramref name="previous"/> (null for the first entry).</summary>
    public static LedgerEntry Append(LedgerEntry? previous, Guid organizationId, Instant timestamp, LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Next(previous?.Sequence ?? 0, previous?.Hash ?? Genesis, organizationId, timestamp, e);
    }

    /// <summary>Builds the entry that follows sequence <paramref name="previousSequence"/> with hash <paramref name="previousHash"/>.</summary>
    public static LedgerEntry Next(long previousSequence, string previousHash, Guid organizationId, Instant timestamp, LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentException.ThrowIfNullOrWhiteSpace(e.Actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(e.Action);
        var contentHash = Sha256Hex(e.Content);
        var sequence = previousSequence + 1;
        var hash = EntryHash(sequence, organizationId, timestamp, e.Actor, e.Action, e.EntityKind, e.EntityId, contentHash, previousHash);
        return new LedgerEntry(sequence, organizationId, timestamp, e.Actor, e.Action, e.EntityKind, e.EntityId, e.Content, contentHash, previousHash, hash);
    }

    /// <summary>SHA-256 over the entry's canonical form (everything but its own hash).</summary>
    public static string EntryHash(long sequence, Guid organizationId, Instant timestamp, string actor, string action, string entityKind,
        string entityId, string contentHash, string previousHash)
    {
        var sb = new StringBuilder(256);
        sb.Append("cl-ledger-v1\n");
        sb.Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('\n');
        sb.Append(organizationId.ToString("D")).Append('\n');
        sb.Append(timestamp.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var field in (ReadOnlySpan<string>)[actor, action, entityKind, entityId])
        {
            sb.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        sb.Append(contentHash).Append('\n').Append(previousHash);
        return Sha256Hex(sb.ToString());
    }

    /// <summary>Recomputes the chain in sequence order and names the first entry that does not hold.</summary>
    public static LedgerVerification Verify(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var verifier = new ChainVerifier();
        foreach (var entry in entries)
        {
            if (verifier.Check(entry) is { } fault) { return fault; }
        }
        return LedgerVerification.Valid(verifier.Checked);
    }

    /// <summary>Streaming verification: feed entries in sequence order; the first fault is returned and kept.</summary>
    public sealed class ChainVerifier
    {
        private long _expected = 1;
        private string _previousHash = Genesis;

        public long Checked { get; private set; }

        public LedgerVerification? Check(LedgerEntry entry)
        {
            ArgumentNullException.ThrowIfNull(entry);
            var seq = entry.Sequence;
            if (seq != _expected)
            {
                return Fail(seq, LedgerFault.SequenceGap, $"entry #{seq} follows #{_expected - 1}: an entry was removed or reordered",
                    $"第 {seq} 筆紀錄接在第 {_expected - 1} 筆之後：有紀錄被刪除或重排");
            }
            if (Sha256Hex(entry.Content) != entry.ContentHash)
            {
                return Fail(seq, LedgerFault.ContentAltered, $"entry #{seq} ({entry.Action} {entry.EntityKind} {entry.EntityId}): its content was altered",
                    $"第 {seq} 筆紀錄（{entry.Action} {entry.EntityKind} {entry.EntityId}）：內容已被更動");
            }
            if (entry.PreviousHash != _previousHash)
            {
                return Fail(seq, LedgerFault.BrokenLink, $"entry #{seq}: its previous-hash does not match entry #{seq - 1}",
                    $"第 {seq} 筆紀錄：前一雜湊值與第 {seq - 1} 筆不符");
            }
            var hash = EntryHash(seq, entry.OrganizationId, entry.Timestamp, entry.Actor, entry.Action, entry.EntityKind, entry.EntityId, entry.ContentHash, entry.PreviousHash);
            if (hash != entry.Hash)
            {
                return Fail(seq, LedgerFault.EntryAltered, $"entry #{seq} ({entry.Action} {entry.EntityKind} {entry.EntityId}): its fields were altered",
                    $"第 {seq} 筆紀錄（{entry.Action} {entry.EntityKind} {entry.EntityId}）：欄位已被更動");
            }
            _previousHash = entry.Hash;
            _expected++;
            Checked++;
            return null;
        }

        private LedgerVerification Fail(long seq, LedgerFault fault, string message, string messageZhTw) => new(false, Checked, seq, fault, message, messageZhTw);
    }
}
