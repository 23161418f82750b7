using CarbonLedger.Audit;

namespace CarbonLedger.Core.Tests.Audit;

/// <summary>The permission matrix, written out row by row from SPEC §2 ("Trust: audit ledger, workflow, internal audit").</summary>
public sealed class AccessRulesTests
{
    // Columns: Read, Comment, EditData, Submit, Review, Approve, Lock, Restate, InternalAudit, ManageFactors, ManageOrganization, ManageMembers,
    // EditPlan, ApprovePlan.
    private static readonly Permission[] Columns =
    [
        Permission.Read, Permission.Comment, Permission.EditData, Permission.SubmitInventory, Permission.ReviewInventory,
        Permission.ApproveInventory, Permission.LockInventory, Permission.Restate, Permission.InternalAudit,
        Permission.ManageFactors, Permission.ManageOrganization, Permission.ManageMembers, Permission.EditPlan, Permission.ApprovePlan,
    ];

    public static TheoryData<OrganizationRole, bool[]> Matrix() => new()
    {
        // "Roles: administrator, …" — the administrator is the only role SPEC §2 gives no limit; it is the one left to
        // approve and lock ("draft → submitted → reviewed → approved → locked" names no other approver), to record a
        // restatement ("a locked inventory cannot change except through a recorded restatement") and to manage the tenant
        // ("Organizations are isolated tenants"). Issue 5: the plan is "versioned, with approval recorded" — the approval
        // is the board's resolution (seed 003 五(一)), recorded by the one role that approves (as for inventories).
        { OrganizationRole.Administrator, [true, true, true, true, true, true, true, true, true, true, true, true, true, true] },
        // "data contributor (per facility)" — enters data and submits it for review ("draft → submitted"); comments on it;
        // drafts targets and plan text as data (seed 003: "所有單位共同執行"), but does not approve them.
        { OrganizationRole.Contributor, [true, true, true, true, false, false, false, false, false, false, false, false, true, false] },
        // "reviewer/internal auditor" — takes the "submitted → reviewed" step (and sends back), runs the "Internal audit
        // (seed 002, 肆)" checklists and findings, comments; does not edit the data it reviews.
        { OrganizationRole.Reviewer, [true, true, false, false, true, false, false, false, true, false, false, false, false, false] },
        // "external verifier (read + comment)" — exactly those two.
        { OrganizationRole.Verifier, [true, true, false, false, false, false, false, false, false, false, false, false, false, false] },
        // "viewer" — listed after the verifier's "read + comment" with nothing added: read only.
        { OrganizationRole.Viewer, [true, false, false, false, false, false, false, false, false, false, false, false, false, false] },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Allows_EveryPermissionOfARole_MatchesSpecSection2(OrganizationRole role, bool[] expected)
    {
        // When every permission is asked for
        var actual = Columns.Select(p => AccessRules.Allows(role, p)).ToArray();

        // Then the row equals the one read from the SPEC, permission by permission
        actual.Length.ShouldBe(expected.Length);
        for (var i = 0; i < Columns.Length; i++)
        {
            actual[i].ShouldBe(expected[i], $"{role} × {Columns[i]}");
        }
    }

    [Fact]
    public void Matrix_CoversEveryRoleAndPermission()
    {
        // The table above must not silently miss a role or a permission added later
        Columns.Order().ShouldBe(Enum.GetValues<Permission>().Order());
        Matrix().Select(r => (OrganizationRole)r[0]).Order().ShouldBe(AccessRules.AllRoles.Order());
    }

    [Theory]
    [InlineData("admin", OrganizationRole.Administrator)]
    [InlineData("Administrator", OrganizationRole.Administrator)]
    [InlineData("contributor", OrganizationRole.Contributor)]
    [InlineData("reviewer", OrganizationRole.Reviewer)]
    [InlineData("internal-auditor", OrganizationRole.Reviewer)]
    [InlineData(" verifier ", OrganizationRole.Verifier)]
    [InlineData("external-verifier", OrganizationRole.Verifier)]
    [InlineData("viewer", OrganizationRole.Viewer)]
    public void TryParse_KnownCode_ReturnsRoleAndCodeRoundTrips(string code, OrganizationRole role)
    {
        // When
        var ok = AccessRules.TryParse(code, out var parsed);

        // Then
        ok.ShouldBeTrue();
        parsed.ShouldBe(role);
        AccessRules.TryParse(AccessRules.Code(parsed), out var again).ShouldBeTrue();
        again.ShouldBe(role);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("owner")]
    public void TryParse_UnknownCode_ReturnsFalse(string? code) => AccessRules.TryParse(code, out _).ShouldBeFalse();
}
