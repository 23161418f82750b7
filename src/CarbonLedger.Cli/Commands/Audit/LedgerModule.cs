using System.CommandLine;
using System.Globalization;
using CarbonLedger.Audit;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Cli.Commands.Organization;
using CarbonLedger.Data.Stores;
using NodaTime.Text;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Audit;

/// <summary><c>carbonledger ledger verify|list</c>: the organization's hash-chained audit ledger (SPEC §2: "a verify
/// command … recompute[s] the chain and name[s] the first entry that was altered"; seed 000 數位稽核).</summary>
public sealed class LedgerModule : ICliModule
{
    public Command Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ledger = new Command("ledger", "Verify and list the audit ledger: every change to inventory data, hash-chained (SHA-256).\nExample: carbonledger ledger verify --org 3f2c…e1");
        ledger.Subcommands.Add(Verify(context));
        ledger.Subcommands.Add(List(context));
        return ledger;
    }

    private static Command Verify(CliContext context)
    {
        var cmd = new Command("verify", "Recompute the chain entry by entry and compare every stored row with what the ledger last recorded for it; prints OK with the count, or the first altered entry and why (exit 1).\nExample: carbonledger ledger verify --org 3f2c…e1 --json");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout" };
        cmd.Options.Add(org);
        cmd.Options.Add(json);
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var snapshot = await OrganizationLookup.FindAsync(new InventoryStore(db, context.Clock), parse.GetValue(org)!, ct);
            var orgId = snapshot.Organization.Id;
            var store = new LedgerStore(db, context.Clock);
            var result = await store.VerifyAsync(orgId, ct);
            LedgerEntry? entry = null;
            if (result.FirstAlteredSequence is { } seq)
            {
                entry = (await store.ListAsync(orgId, seq - 1, 1, ct: ct)).FirstOrDefault(e => e.Sequence == seq);
            }
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new
                {
                    organizationId = orgId, valid = result.IsValid, result.EntriesChecked, result.FirstAlteredSequence,
                    fault = result.IsValid ? null : result.Fault.ToString(), result.Message, entry = entry is null ? null : EntryJson(entry),
                });
            }
            else if (result.IsValid)
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"OK: {snapshot.Organization.Name}: {result.EntriesChecked} entries verified; the chain is intact and every stored row matches it")));
            }
            else
            {
                var where = result.FirstAlteredSequence is { } s ? CliRun.Inv($"entry #{s}") : "data";
                context.Console.MarkupLine(Markup.Escape($"ALTERED: {snapshot.Organization.Name}: {where} ({FaultName(result.Fault)})"));
                context.Console.MarkupLine(Markup.Escape("  " + result.Message));
                if (entry is not null)
                {
                    context.Console.MarkupLine(Markup.Escape(CliRun.Inv(
                        $"  #{entry.Sequence} {Time(entry)} {entry.Actor} {entry.Action} {entry.EntityKind} {entry.EntityId}")));
                }
                context.Console.MarkupLine(Markup.Escape(result.Fault is LedgerFault.DataDiffers or LedgerFault.DataNotInLedger
                    ? CliRun.Inv($"  the chain's {result.EntriesChecked} entries verified; the stored data no longer matches it")
                    : CliRun.Inv($"  {result.EntriesChecked} entries before it verified")));
            }
            return result.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return cmd;
    }

    private static Command List(CliContext context)
    {
        var cmd = new Command("list", "List ledger entries in sequence order, a page at a time.\nExample: carbonledger ledger list --org 3f2c…e1 --after 100 --take 50");
        var data = new DataOptions();
        data.AddTo(cmd);
        var org = OrganizationLookup.OrgOption();
        var after = new Option<long>("--after") { Description = "Show entries after this sequence number (default 0: from the first)", HelpName = "sequence" };
        var take = new Option<int>("--take") { Description = "How many entries, 1–1000 (default 100)", DefaultValueFactory = _ => 100 };
        var kind = new Option<string?>("--kind") { Description = "Only entries about this kind: activity, source, facility, inventory, workflow, comment …" };
        var json = new Option<bool>("--json") { Description = "Write one JSON document to stdout (with contents and hashes)" };
        foreach (var o in new Option[] { org, after, take, kind, json })
        {
            cmd.Options.Add(o);
        }
        cmd.SetAction((parse, ct) => CliRun.RunAsync(context, async () =>
        {
            var afterSequence = parse.GetValue(after);
            var count = parse.GetValue(take);
            if (afterSequence < 0) { throw new CliUsageException("--after: cannot be negative"); }
            if (count is < 1 or > 1000) { throw new CliUsageException("--take: between 1 and 1000"); }
            await using var db = await DataOptions.OpenExistingAsync(data.Settings(parse), ct);
            var snapshot = await OrganizationLookup.FindAsync(new InventoryStore(db, context.Clock), parse.GetValue(org)!, ct);
            var store = new LedgerStore(db, context.Clock);
            var entries = await store.ListAsync(snapshot.Organization.Id, afterSequence, count, parse.GetValue(kind), ct: ct);
            var head = await store.HeadAsync(snapshot.Organization.Id, ct);
            if (parse.GetValue(json))
            {
                CliRun.Json(context, new { organizationId = snapshot.Organization.Id, head, entries = entries.Select(EntryJson).ToList() });
                return ExitCodes.Ok;
            }
            if (entries.Count == 0)
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"{snapshot.Organization.Name}: no ledger entries after #{afterSequence} (latest #{head})")));
                return ExitCodes.Ok;
            }
            var table = new Table().Title(Markup.Escape(CliRun.Inv($"{snapshot.Organization.Name} — ledger #{entries[0].Sequence}–#{entries[^1].Sequence} of {head}")))
                .AddColumn(new TableColumn("#").RightAligned()).AddColumn("time (UTC)").AddColumn("actor").AddColumn("action").AddColumn("kind")
                .AddColumn("entity").AddColumn("hash");
            foreach (var e in entries)
            {
                table.AddRow(e.Sequence.ToString(CultureInfo.InvariantCulture), Time(e), Markup.Escape(e.Actor), Markup.Escape(e.Action),
                    Markup.Escape(e.EntityKind), Markup.Escape(e.EntityId), e.Hash[..12]);
            }
            context.Console.Write(table);
            if (entries[^1].Sequence < head)
            {
                context.Console.MarkupLine(Markup.Escape(CliRun.Inv($"more: --after {entries[^1].Sequence}")));
            }
            return ExitCodes.Ok;
        }));
        return cmd;
    }

    private static string FaultName(LedgerFault fault) => fault switch
    {
        LedgerFault.ContentAltered => "content altered",
        LedgerFault.EntryAltered => "entry altered",
        LedgerFault.BrokenLink => "broken link",
        LedgerFault.SequenceGap => "sequence gap",
        LedgerFault.DataDiffers => "data differs",
        LedgerFault.DataNotInLedger => "data not in ledger",
        _ => "none",
    };

    private static readonly InstantPattern ToTheSecond = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm':'ss");

    private static string Time(LedgerEntry e) => ToTheSecond.Format(e.Timestamp);

    private static object EntryJson(LedgerEntry e) => new
    {
        e.Sequence, timestamp = InstantPattern.ExtendedIso.Format(e.Timestamp), e.Actor, e.Action, e.EntityKind, e.EntityId, e.Content,
        e.ContentHash, e.PreviousHash, e.Hash,
    };
}
