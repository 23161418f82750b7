using CarbonLedger.Common;

namespace CarbonLedger.Audit;

/// <summary>An inventory's workflow state (SPEC §2): draft → submitted → reviewed → approved → locked.</summary>
public enum InventoryStatus
{
    Draft,
    Submitted,
    Reviewed,
    Approved,
    Locked,
}

/// <summary>A workflow action a member takes on an inventory.</summary>
public enum WorkflowAction
{
    Submit,
    Review,
    Approve,
    Lock,
    /// <summary>Send a submitted, reviewed or approved inventory back to draft, with a reason.</summary>
    Return,
    /// <summary>Reopen a locked inventory as a draft through a recorded restatement (reason required).</summary>
    Restate,
}

/// <summary>The workflow's transitions and who may take them. Data of an inventory's period can change only while the
/// inventory is a draft; a locked inventory reopens only through a restatement, which is recorded.</summary>
public static class InventoryWorkflow
{
    public static Permission RequiredPermission(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => Permission.SubmitInventory,
        WorkflowAction.Review or WorkflowAction.Return => Permission.ReviewInventory,
        WorkflowAction.Approve => Permission.ApproveInventory,
        WorkflowAction.Lock => Permission.LockInventory,
        WorkflowAction.Restate => Permission.Restate,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The state <paramref name="action"/> leads to from <paramref name="from"/>, or a problem saying why not.</summary>
    public static Outcome<InventoryStatus> Next(InventoryStatus from, WorkflowAction action, OrganizationRole role, string? reason)
    {
        if (!AccessRules.Allows(role, RequiredPermission(action)))
        {
            return Fail("action", $"a {AccessRules.Code(role)} may not {action.ToString().ToLowerInvariant()} an inventory",
                $"{ZhTw(role)}不得{ZhTw(action)}盤查清冊");
        }
        InventoryStatus? to = (from, action) switch
        {
            (InventoryStatus.Draft, WorkflowAction.Submit) => InventoryStatus.Submitted,
            (InventoryStatus.Submitted, WorkflowAction.Review) => InventoryStatus.Reviewed,
            (InventoryStatus.Reviewed, WorkflowAction.Approve) => InventoryStatus.Approved,
            (InventoryStatus.Approved, WorkflowAction.Lock) => InventoryStatus.Locked,
            (InventoryStatus.Submitted or InventoryStatus.Reviewed or InventoryStatus.Approved, WorkflowAction.Return) => InventoryStatus.Draft,
            (InventoryStatus.Locked, WorkflowAction.Restate) => InventoryStatus.Draft,
            _ => null,
        };
        if (to is null)
        {
            return from == InventoryStatus.Locked
                ? Fail("action", $"the inventory is locked; it can change only through a restatement, not '{action}'",
                    $"盤查清冊已鎖定，只能透過重編變更，不能「{ZhTw(action)}」")
                : Fail("action", $"cannot {action.ToString().ToLowerInvariant()} an inventory that is {from.ToString().ToLowerInvariant()}",
                    $"無法{ZhTw(action)}狀態為「{ZhTw(from)}」的盤查清冊");
        }
        if (action is WorkflowAction.Return or WorkflowAction.Restate && string.IsNullOrWhiteSpace(reason))
        {
            return Fail("reason", $"a {action.ToString().ToLowerInvariant()} needs a reason", $"{ZhTw(action)}須填寫理由");
        }
        return Outcome<InventoryStatus>.Success(to.Value);
    }

    /// <summary>Whether data inside the inventory's period may change in this state (only drafts).</summary>
    public static bool AcceptsDataChanges(InventoryStatus status) => status == InventoryStatus.Draft;

    public static InventoryStatus Parse(string text) =>
        Enum.TryParse<InventoryStatus>(text, ignoreCase: true, out var s) ? s : throw new DomainException("status", $"unknown inventory status '{text}'", $"未知的盤查清冊狀態「{text}」");

    private static Outcome<InventoryStatus> Fail(string field, string message, string messageZhTw) =>
        Outcome<InventoryStatus>.Failure([Problem.AtField(field, message, messageZhTw)]);

    // The names the zh-TW pages show for roles, actions and states (Web's Ui.Role / Ui.Action / Ui.Status).
    private static string ZhTw(OrganizationRole role) => role switch
    {
        OrganizationRole.Administrator => "管理者",
        OrganizationRole.Contributor => "填報者",
        OrganizationRole.Reviewer => "內部稽核",
        OrganizationRole.Verifier => "查證人員",
        _ => "檢視者",
    };

    private static string ZhTw(WorkflowAction action) => action switch
    {
        WorkflowAction.Submit => "提交",
        WorkflowAction.Review => "審查",
        WorkflowAction.Approve => "核准",
        WorkflowAction.Lock => "鎖定",
        WorkflowAction.Return => "退回",
        _ => "重編",
    };

    private static string ZhTw(InventoryStatus status) => status switch
    {
        InventoryStatus.Draft => "草稿",
        InventoryStatus.Submitted => "已提交",
        InventoryStatus.Reviewed => "已審查",
        InventoryStatus.Approved => "已核准",
        _ => "已鎖定",
    };
}
