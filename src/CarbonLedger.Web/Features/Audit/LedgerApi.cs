using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Data.Stores;
using CarbonLedger.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CarbonLedger.Web.Features.Audit;

public sealed record LedgerEntryDto(long Sequence, DateTimeOffset Timestamp, string Actor, string Action, string EntityKind, string EntityId,
    string Content, string ContentHash, string PreviousHash, string Hash)
{
    public static LedgerEntryDto From(LedgerEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Sequence, e.Timestamp.ToDateTimeOffset(), e.Actor, e.Action, e.EntityKind, e.EntityId, e.Content, e.ContentHash, e.PreviousHash, e.Hash);
    }
}

/// <summary>A page of entries after <see cref="After"/>; <see cref="Next"/> is the <c>after</c> of the following page
/// (null at the end); <see cref="Head"/> is the latest sequence.</summary>
public sealed record LedgerPageDto(IReadOnlyList<LedgerEntryDto> Entries, long After, long? Next, long Head);

/// <summary>The chain recomputed (SPEC §2): valid, or the first altered entry and why.</summary>
public sealed record LedgerVerificationDto(bool Valid, long EntriesChecked, long? FirstAlteredSequence, string Fault, string Message);

/// <summary><c>/api/v1/organizations/{orgId}/ledger</c>: the organization's hash-chained audit ledger and its verification
/// (issue 3 item 4). Readable by every member.</summary>
public sealed class LedgerApi : IEndpointGroup
{
    public const int MaxTake = 1000;

    public void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapOrganization("/ledger").WithTags("Audit ledger");
        group.MapGet("/", List).WithName("ListLedgerEntries");
        group.MapGet("/verify", Verify).WithName("VerifyLedger");
    }

    public static async Task<Results<Ok<LedgerPageDto>, ValidationProblem>> List(Guid orgId, LedgerStore ledger, long? after, int? take, string? kind,
        string? entityId, CancellationToken ct)
    {
        var problems = new List<Problem>();
        var from = after ?? 0;
        var size = take ?? 100;
        if (from < 0) { problems.Add(Problem.AtField("after", "must be 0 or more", "須大於或等於 0")); }
        if (size is < 1 or > MaxTake) { problems.Add(Problem.AtField("take", $"must be between 1 and {MaxTake}", $"須介於 1 與 {MaxTake} 之間")); }
        if (problems.Count > 0) { return Validation.Invalid(problems, "Invalid ledger query"); }
        var entries = await ledger.ListAsync(orgId, from, size, string.IsNullOrWhiteSpace(kind) ? null : kind.Trim(),
            string.IsNullOrWhiteSpace(entityId) ? null : entityId.Trim(), ct);
        var head = await ledger.HeadAsync(orgId, ct);
        long? next = entries.Count == size ? entries[^1].Sequence : null;
        return TypedResults.Ok(new LedgerPageDto(entries.Select(LedgerEntryDto.From).ToList(), from, next, head));
    }

    public static async Task<Ok<LedgerVerificationDto>> Verify(Guid orgId, LedgerStore ledger, CancellationToken ct)
    {
        var v = await ledger.VerifyAsync(orgId, ct);
        return TypedResults.Ok(new LedgerVerificationDto(v.IsValid, v.EntriesChecked, v.FirstAlteredSequence, v.Fault.ToString(), v.Message));
    }
}
