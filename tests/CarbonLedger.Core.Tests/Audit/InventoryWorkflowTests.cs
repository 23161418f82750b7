using CarbonLedger.Audit;

namespace CarbonLedger.Core.Tests.Audit;

/// <summary>SPEC §2: "Workflow per inventory: draft → submitted → reviewed → approved → locked; a locked inventory cannot
/// change except through a recorded restatement." Every (status, action, role) branch.</summary>
public sealed class InventoryWorkflowTests
{
    // The forward path, the way back with a reason (Return from any in-review state) and the restatement of a lock.
    private static readonly Dictionary<(InventoryStatus From, WorkflowAction Action), InventoryStatus> Moves = new()
    {
        [(InventoryStatus.Draft, WorkflowAction.Submit)] = InventoryStatus.Submitted,
        [(InventoryStatus.Submitted, WorkflowAction.Review)] = InventoryStatus.Reviewed,
        [(InventoryStatus.Reviewed, WorkflowAction.Approve)] = InventoryStatus.Approved,
        [(InventoryStatus.Approved, WorkflowAction.Lock)] = InventoryStatus.Locked,
        [(InventoryStatus.Submitted, WorkflowAction.Return)] = InventoryStatus.Draft,
        [(InventoryStatus.Reviewed, WorkflowAction.Return)] = InventoryStatus.Draft,
        [(InventoryStatus.Approved, WorkflowAction.Return)] = InventoryStatus.Draft,
        [(InventoryStatus.Locked, WorkflowAction.Restate)] = InventoryStatus.Draft,
    };

    // Who may take each action (SPEC §2 roles; the matrix itself is tested in AccessRulesTests): contributors submit the
    // data they entered; reviewers / internal auditors review and send back; only administrators approve, lock and restate.
    private static readonly Dictionary<WorkflowAction, OrganizationRole[]> Takers = new()
    {
        [WorkflowAction.Submit] = [OrganizationRole.Contributor, OrganizationRole.Administrator],
        [WorkflowAction.Review] = [OrganizationRole.Reviewer, OrganizationRole.Administrator],
        [WorkflowAction.Return] = [OrganizationRole.Reviewer, OrganizationRole.Administrator],
        [WorkflowAction.Approve] = [OrganizationRole.Administrator],
        [WorkflowAction.Lock] = [OrganizationRole.Administrator],
        [WorkflowAction.Restate] = [OrganizationRole.Administrator],
    };

    public static TheoryData<InventoryStatus, WorkflowAction, OrganizationRole> EveryBranch()
    {
        var data = new TheoryData<InventoryStatus, WorkflowAction, OrganizationRole>();
        foreach (var s in Enum.GetValues<InventoryStatus>())
        {
            foreach (var a in Enum.GetValues<WorkflowAction>())
            {
                foreach (var r in Enum.GetValues<OrganizationRole>()) { data.Add(s, a, r); }
            }
        }
        return data; // 5 statuses × 6 actions × 5 roles = 150 branches
    }

    [Theory]
    [MemberData(nameof(EveryBranch))]
    public void Next_EveryStatusActionAndRole_MovesOnlyAlongTheWorkflowAndOnlyForItsRoles(InventoryStatus from, WorkflowAction action, OrganizationRole role)
    {
        // Given a reason (so only the state and the role decide)
        // When
        var outcome = InventoryWorkflow.Next(from, action, role, "figures corrected after review");

        // Then
        var verb = action.ToString().ToLowerInvariant();
        if (!Takers[action].Contains(role))
        {
            // the role is checked first, whatever the state
            outcome.Succeeded.ShouldBeFalse();
            var p = outcome.Problems.ShouldHaveSingleItem();
            p.Location.Field.ShouldBe("action");
            p.Message.ShouldBe($"a {AccessRules.Code(role)} may not {verb} an inventory");
        }
        else if (Moves.TryGetValue((from, action), out var to))
        {
            outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
            outcome.Value.ShouldBe(to);
        }
        else
        {
            outcome.Succeeded.ShouldBeFalse();
            var p = outcome.Problems.ShouldHaveSingleItem();
            p.Location.Field.ShouldBe("action");
            p.Message.ShouldBe(from == InventoryStatus.Locked
                ? $"the inventory is locked; it can change only through a restatement, not '{action}'"
                : $"cannot {verb} an inventory that is {from.ToString().ToLowerInvariant()}");
        }
    }

    [Theory]
    [InlineData(InventoryStatus.Submitted, WorkflowAction.Return, null)]
    [InlineData(InventoryStatus.Reviewed, WorkflowAction.Return, "")]
    [InlineData(InventoryStatus.Approved, WorkflowAction.Return, "   ")]
    [InlineData(InventoryStatus.Locked, WorkflowAction.Restate, null)]
    [InlineData(InventoryStatus.Locked, WorkflowAction.Restate, " \t")]
    public void Next_ReturnOrRestateWithoutReason_RefusedOnTheReasonField(InventoryStatus from, WorkflowAction action, string? reason)
    {
        // Given an administrator (allowed to take both actions) and a state the action leaves from
        // When no reason is given
        var outcome = InventoryWorkflow.Next(from, action, OrganizationRole.Administrator, reason);

        // Then the move is refused and the problem points at the reason
        outcome.Succeeded.ShouldBeFalse();
        var p = outcome.Problems.ShouldHaveSingleItem();
        p.Location.Field.ShouldBe("reason");
        p.Message.ShouldBe($"a {action.ToString().ToLowerInvariant()} needs a reason");
    }

    [Theory]
    [InlineData(WorkflowAction.Submit, InventoryStatus.Draft)]
    [InlineData(WorkflowAction.Review, InventoryStatus.Submitted)]
    [InlineData(WorkflowAction.Approve, InventoryStatus.Reviewed)]
    [InlineData(WorkflowAction.Lock, InventoryStatus.Approved)]
    public void Next_ForwardStepWithoutReason_NeedsNoReason(WorkflowAction action, InventoryStatus from)
    {
        // When the forward steps are taken by an administrator with no reason
        var outcome = InventoryWorkflow.Next(from, action, OrganizationRole.Administrator, null);

        // Then they succeed: only Return and Restate must say why
        outcome.Succeeded.ShouldBeTrue(string.Join("; ", outcome.Problems));
    }

    [Fact]
    public void AcceptsDataChanges_OnlyDraft_True()
    {
        // SPEC §2: data changes only while the inventory is a draft; a locked one only through a restatement (→ draft)
        Enum.GetValues<InventoryStatus>().Where(InventoryWorkflow.AcceptsDataChanges).ShouldBe([InventoryStatus.Draft]);
    }

    [Fact]
    public void Parse_UnknownStatus_ThrowsDomainException()
    {
        InventoryWorkflow.Parse("locked").ShouldBe(InventoryStatus.Locked);
        Should.Throw<CarbonLedger.Common.DomainException>(() => InventoryWorkflow.Parse("archived")).Message.ShouldContain("archived");
    }
}
