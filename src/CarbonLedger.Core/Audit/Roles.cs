namespace CarbonLedger.Audit;

/// <summary>What a member of an organization may be (SPEC §2): administrator, data contributor (optionally limited to
/// some facilities), reviewer / internal auditor, external verifier (read and comment), viewer.</summary>
public enum OrganizationRole
{
    Viewer,
    Verifier,
    Reviewer,
    Contributor,
    Administrator,
}

/// <summary>Things a member can do; <see cref="AccessRules.Allows"/> is the one matrix every endpoint and page asks.</summary>
public enum Permission
{
    Read,
    Comment,
    EditData,
    SubmitInventory,
    ReviewInventory,
    ApproveInventory,
    LockInventory,
    Restate,
    InternalAudit,
    ManageFactors,
    ManageOrganization,
    ManageMembers,

    /// <summary>Draft targets and transition plans (issue 5).</summary>
    EditPlan,

    /// <summary>Record a transition plan's approval (the board's resolution).</summary>
    ApprovePlan,
}

public static class AccessRules
{
    /// <summary>The permission matrix. Contributors edit data (only of their facilities when scoped) and submit;
    /// reviewers review, return and run internal audit; verifiers read and comment; only administrators approve,
    /// lock, restate and manage the organization, its factors and its members.</summary>
    public static bool Allows(OrganizationRole role, Permission permission) => permission switch
    {
        Permission.Read => true,
        Permission.Comment => role is not OrganizationRole.Viewer,
        Permission.EditData or Permission.SubmitInventory or Permission.EditPlan => role is OrganizationRole.Contributor or OrganizationRole.Administrator,
        Permission.ReviewInventory or Permission.InternalAudit => role is OrganizationRole.Reviewer or OrganizationRole.Administrator,
        Permission.ApproveInventory or Permission.LockInventory or Permission.Restate
            or Permission.ManageFactors or Permission.ManageOrganization or Permission.ManageMembers or Permission.ApprovePlan => role is OrganizationRole.Administrator,
        _ => false,
    };

    public static string Code(OrganizationRole role) => role switch
    {
        OrganizationRole.Administrator => "admin",
        OrganizationRole.Contributor => "contributor",
        OrganizationRole.Reviewer => "reviewer",
        OrganizationRole.Verifier => "verifier",
        _ => "viewer",
    };

    public static bool TryParse(string? code, out OrganizationRole role)
    {
        switch (code?.Trim().ToLowerInvariant())
        {
            case "admin" or "administrator": role = OrganizationRole.Administrator; return true;
            case "contributor": role = OrganizationRole.Contributor; return true;
            case "reviewer" or "auditor" or "internal-auditor": role = OrganizationRole.Reviewer; return true;
            case "verifier" or "external-verifier": role = OrganizationRole.Verifier; return true;
            case "viewer": role = OrganizationRole.Viewer; return true;
            default: role = OrganizationRole.Viewer; return false;
        }
    }

    public static IReadOnlyList<OrganizationRole> AllRoles { get; } = Enum.GetValues<OrganizationRole>();
}
