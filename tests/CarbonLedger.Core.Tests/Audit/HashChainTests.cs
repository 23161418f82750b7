using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CarbonLedger.Audit;
using FsCheck.Xunit;
using NodaTime;

namespace CarbonLedger.Core.Tests.Audit;

/// <summary>SPEC §2: every change is an entry of a hash-chained ledger (SHA-256 of its content and of the previous entry);
/// verification recomputes the chain and names the first entry that was altered. STYLE.md: "a ledger with any single
/// altered byte fails verification" as a property.</summary>
public sealed class HashChainTests
{
    private static readonly Guid Org = Guid.Parse("5b8f1c8e-2d4a-4e0b-9a51-0c7f3e6d2a91");
    private static readonly Instant Start = Instant.FromUtc(2025, 3, 1, 9, 0);

    // Characters for random fields (no blank: actor and action must not be blank): ASCII, JSON punctuation, zh-TW (BMP only, so replacing one char never splits a pair).
    private const string Alphabet = "abcxyzABC0123456789{}\":,.-_碳盤查排放源電費單";

    /// <summary>A chain of 1–12 entries with random text in every field, built only through <see cref="HashChain.Append"/>.</summary>
    private static List<LedgerEntry> RandomChain(int seed)
    {
        var random = new Random(seed);
        string Text(int min, int max)
        {
            var length = random.Next(min, max + 1);
            var chars = new char[length];
            for (var i = 0; i < length; i++) { chars[i] = Alphabet[random.Next(Alphabet.Length)]; }
            return new string(chars);
        }
        var count = random.Next(1, 13);
        var chain = new List<LedgerEntry>(count);
        LedgerEntry? previous = null;
        for (var i = 0; i < count; i++)
        {
            var at = Start.PlusTicks(random.NextInt64(0, 10_000_000_000));
            var entry = HashChain.Append(previous, Org, at, new LedgerEvent(Text(1, 12), Text(1, 8), Text(1, 10), Text(1, 36), Text(1, 80)));
            chain.Add(entry);
            previous = entry;
        }
        return chain;
    }

    /// <summary>One character of <paramref name="text"/> replaced by a different one.</summary>
    private static string AlterChar(string text, int position)
    {
        var i = Math.Abs(position % text.Length);
        var replacement = text[i] == 'x' ? 'y' : 'x';
        return string.Concat(text.AsSpan(0, i), replacement.ToString(), text.AsSpan(i + 1));
    }

    [Fact]
    public void Verify_ChainBuiltByNext_IsValid()
    {
        // Given three entries built by Next, each from the previous one's sequence and hash
        var first = HashChain.Next(0, HashChain.Genesis, Org, Start, new LedgerEvent("alice", "create", "activity", "a1", "{\"quantity\":\"16243\"}"));
        var second = HashChain.Next(first.Sequence, first.Hash, Org, Start.Plus(Duration.FromSeconds(1)), new LedgerEvent("bob", "update", "activity", "a1", "{\"quantity\":\"16244\"}"));
        var third = HashChain.Next(second.Sequence, second.Hash, Org, Start.Plus(Duration.FromSeconds(2)), new LedgerEvent("carol", "submit", "workflow", "w1", "{}"));

        // When
        var result = HashChain.Verify([first, second, third]);

        // Then sequences are 1, 2, 3, the first links to the genesis hash, and all three verify
        new[] { first.Sequence, second.Sequence, third.Sequence }.ShouldBe([1L, 2L, 3L]);
        first.PreviousHash.ShouldBe(new string('0', 64));
        third.PreviousHash.ShouldBe(second.Hash);
        result.IsValid.ShouldBeTrue(result.Message);
        result.EntriesChecked.ShouldBe(3);
        result.FirstAlteredSequence.ShouldBeNull();
        result.Fault.ShouldBe(LedgerFault.None);
    }

    [Fact]
    public void EntryHash_HandBuiltEntry_EqualsIndependentSha256OfTheCanonicalForm()
    {
        // Given one entry, and its canonical form written out by hand from HashChain's documented format (cl-ledger-v1):
        // version line, sequence, organization id ("D"), timestamp as Unix ticks, then actor, action, kind and id each as
        // "<length>:<text>", then the content hash and the previous hash, lines joined by '\n'.
        const string content = "{\"quantity\":\"16243\",\"unit\":\"kWh\"}";
        var at = Instant.FromUtc(2025, 3, 1, 9, 0); // 1,740,819,600 s after the epoch × 10⁷ ticks/s
        var entry = HashChain.Next(0, HashChain.Genesis, Org, at, new LedgerEvent("王小明", "create", "activity", "a-1", content));
        var contentHex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
        var canonical = "cl-ledger-v1\n"
            + "1\n"
            + "5b8f1c8e-2d4a-4e0b-9a51-0c7f3e6d2a91\n"
            + "17408196000000000\n"
            + "3:王小明\n"      // three UTF-16 characters
            + "6:create\n"
            + "8:activity\n"
            + "3:a-1\n"
            + contentHex + "\n"
            + "0000000000000000000000000000000000000000000000000000000000000000";
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));

        // Then the chain's hashes are exactly SHA-256 of the content and of that canonical text
        entry.ContentHash.ShouldBe(contentHex);
        entry.Hash.ShouldBe(expected);
        at.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture).ShouldBe("17408196000000000");
    }

    // Which entry verification names, field by field (ChainVerifier checks, in order: sequence, content vs content hash,
    // previous hash vs the preceding entry's hash, then the entry's own hash over its fields):
    // - content or content hash of entry k → the content no longer hashes to the stored content hash: ContentAltered at k;
    // - actor, action, kind, id, organization or timestamp of entry k → content still matches, link still holds, but the
    //   recomputed hash differs from the stored one: EntryAltered at k;
    // - previous hash of entry k → it no longer equals the hash of entry k−1 (the genesis zeros for k = 1): BrokenLink at k;
    // - the stored hash of entry k → entry k's own hash check runs before entry k+1's link check, so the recomputed hash
    //   no longer equals the stored one already at k: EntryAltered at k (not k+1; that would only be so for a verifier
    //   that trusted stored hashes and checked links alone).
    private static readonly (string Field, LedgerFault Fault)[] Fields =
    [
        ("content", LedgerFault.ContentAltered), ("contentHash", LedgerFault.ContentAltered),
        ("actor", LedgerFault.EntryAltered), ("action", LedgerFault.EntryAltered), ("kind", LedgerFault.EntryAltered),
        ("id", LedgerFault.EntryAltered), ("organization", LedgerFault.EntryAltered), ("timestamp", LedgerFault.EntryAltered),
        ("previousHash", LedgerFault.BrokenLink), ("hash", LedgerFault.EntryAltered),
    ];

    [Property(MaxTest = 1000)]
    public bool Verify_AnySingleCharOrByteAlteredInAnyFieldOfAnyEntry_FailsAtThatEntry(int seed, int entryIndex, int fieldIndex, int position, byte mask)
    {
        // Given a random chain that verifies
        var chain = RandomChain(seed);
        if (!HashChain.Verify(chain).IsValid) { return false; }
        var k = Math.Abs(entryIndex % chain.Count);
        var (field, fault) = Fields[Math.Abs(fieldIndex % Fields.Length)];
        var e = chain[k];
        var flip = mask == 0 ? (byte)1 : mask; // a non-zero XOR changes the byte

        // When one character (text fields) or one byte (organization id, timestamp ticks) of one field is altered
        chain[k] = field switch
        {
            "content" => e with { Content = AlterChar(e.Content, position) },
            "contentHash" => e with { ContentHash = AlterChar(e.ContentHash, position) },
            "actor" => e with { Actor = AlterChar(e.Actor, position) },
            "action" => e with { Action = AlterChar(e.Action, position) },
            "kind" => e with { EntityKind = AlterChar(e.EntityKind, position) },
            "id" => e with { EntityId = AlterChar(e.EntityId, position) },
            "organization" => e with { OrganizationId = FlipByte(e.OrganizationId, position, flip) },
            // Ticks are what is stored and hashed; the low seven bytes keep the instant inside NodaTime's range.
            "timestamp" => e with { Timestamp = Instant.FromUnixTimeTicks(e.Timestamp.ToUnixTimeTicks() ^ ((long)flip << (8 * Math.Abs(position % 7)))) },
            "previousHash" => e with { PreviousHash = AlterChar(e.PreviousHash, position) },
            _ => e with { Hash = AlterChar(e.Hash, position) },
        };
        var result = HashChain.Verify(chain);

        // Then verification fails, names entry k (sequence k+1) and the expected fault, having checked the k entries before it
        return !result.IsValid && result.FirstAlteredSequence == k + 1 && result.Fault == fault && result.EntriesChecked == k;
    }

    private static Guid FlipByte(Guid id, int position, byte mask)
    {
        var bytes = id.ToByteArray();
        bytes[Math.Abs(position % 16)] ^= mask;
        return new Guid(bytes);
    }

    [Fact]
    public void Verify_EntryRemoved_SequenceGapAtTheEntryAfterIt()
    {
        // Given entries 1..5 and entry 3 removed
        var chain = Chain(5);
        chain.RemoveAt(2);

        // When
        var result = HashChain.Verify(chain);

        // Then entry 4 follows entry 2: the gap is named at #4, after 2 entries checked
        result.IsValid.ShouldBeFalse();
        result.Fault.ShouldBe(LedgerFault.SequenceGap);
        result.FirstAlteredSequence.ShouldBe(4);
        result.EntriesChecked.ShouldBe(2);
        result.Message.ShouldContain("#4 follows #2");
    }

    [Fact]
    public void Verify_TwoEntriesSwapped_SequenceGapAtTheFirstOutOfPlace()
    {
        // Given entries 1..5 with entries 2 and 3 swapped (order 1, 3, 2, 4, 5)
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2], chain[1]);

        // When
        var result = HashChain.Verify(chain);

        // Then at position 2 the verifier finds #3 where #2 was expected
        result.Fault.ShouldBe(LedgerFault.SequenceGap);
        result.FirstAlteredSequence.ShouldBe(3);
        result.EntriesChecked.ShouldBe(1);
    }

    [Fact]
    public void Verify_EntryRemovedAndLaterOnesRenumbered_BrokenLinkWhereTheGapWas()
    {
        // Given entries 1..5, entry 3 removed and entries 4, 5 renumbered 3, 4 to hide the gap
        var chain = Chain(5);
        chain.RemoveAt(2);
        chain[2] = chain[2] with { Sequence = 3 };
        chain[3] = chain[3] with { Sequence = 4 };

        // When
        var result = HashChain.Verify(chain);

        // Then the new #3 (old #4) still carries the hash of the removed old #3 as its previous hash, not #2's
        result.Fault.ShouldBe(LedgerFault.BrokenLink);
        result.FirstAlteredSequence.ShouldBe(3);
        result.EntriesChecked.ShouldBe(2);
    }

    [Fact]
    public void Verify_TwoEntriesSwappedAndRenumbered_BrokenLinkAtTheFirstMovedEntry()
    {
        // Given entries 1..5 with 2 and 3 swapped and given each other's sequence numbers
        var chain = Chain(5);
        (chain[1], chain[2]) = (chain[2] with { Sequence = 2 }, chain[1] with { Sequence = 3 });

        // When
        var result = HashChain.Verify(chain);

        // Then the entry now at #2 (old #3) links to old #2's hash, not #1's
        result.Fault.ShouldBe(LedgerFault.BrokenLink);
        result.FirstAlteredSequence.ShouldBe(2);
    }

    [Fact]
    public void Verify_EmptyLedger_IsValidWithNothingChecked()
    {
        // When
        var result = HashChain.Verify([]);

        // Then
        result.IsValid.ShouldBeTrue();
        result.EntriesChecked.ShouldBe(0);
    }

    private static List<LedgerEntry> Chain(int count)
    {
        var chain = new List<LedgerEntry>();
        LedgerEntry? previous = null;
        for (var i = 1; i <= count; i++)
        {
            previous = HashChain.Append(previous, Org, Start.Plus(Duration.FromSeconds(i)),
                new LedgerEvent("tester", "create", "activity", $"a{i}", "{\"quantity\":\"" + i.ToString(CultureInfo.InvariantCulture) + "\"}"));
            chain.Add(previous);
        }
        return chain;
    }
}
