using System.CommandLine;
using CarbonLedger.Cli.Commands.Database;
using CarbonLedger.Data.Entities;
using CarbonLedger.Data.Stores;

namespace CarbonLedger.Cli.Commands.Organization;

/// <summary>Finds the organization and inventory a command names, by id or exact name, with a one-line failure when
/// nothing matches.</summary>
internal static class OrganizationLookup
{
    public static Option<string> OrgOption(bool required = true) => new("--org")
    {
        Description = "Organization id (or exact name); `carbonledger org list` shows them",
        Required = required,
        HelpName = "id",
    };

    public static Option<string?> InventoryOption(string description) => new("--inventory")
    {
        Description = description,
        HelpName = "id|name",
    };

    public static async Task<OrganizationSnapshot> FindAsync(InventoryStore store, string idOrName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(idOrName);
        if (Guid.TryParse(idOrName, out var id))
        {
            return await store.LoadAsync(id, ct) ?? throw new CliFailureException($"--org: unknown organization {id}");
        }
        var matches = (await store.ListOrganizationsAsync(ct)).Where(o => string.Equals(o.Organization.Name, idOrName, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            0 => throw new CliFailureException($"--org: unknown organization '{idOrName}' (use its id from `carbonledger org list`)"),
            1 => (await store.LoadAsync(matches[0].Organization.Id, ct))!,
            _ => throw new CliFailureException($"--org: {matches.Count} organizations are named '{idOrName}'; use the id"),
        };
    }

    /// <summary>The inventory by id or name; without one, the organization's latest (by period start).</summary>
    public static async Task<InventoryRow> FindInventoryAsync(InventoryStore store, Guid organizationId, string? idOrName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (idOrName is not null && Guid.TryParse(idOrName, out var id))
        {
            return await store.FindInventoryAsync(organizationId, id, ct)
                ?? throw new CliFailureException($"--inventory: the organization has no inventory {id}");
        }
        var all = await store.ListInventoriesAsync(organizationId, ct);
        if (idOrName is null)
        {
            return all.Count > 0 ? all[0] : throw new CliFailureException("--inventory: the organization has no inventory yet; create one with `carbonledger inventory create`");
        }
        return all.FirstOrDefault(i => string.Equals(i.Name, idOrName, StringComparison.Ordinal))
            ?? throw new CliFailureException($"--inventory: the organization has no inventory named '{idOrName}' (`carbonledger inventory list` shows them)");
    }
}
