namespace CarbonLedger.Data.Entities;

// Rows of issue 5 (targets, pathways, transition plan; seed 003). Every row carries OrganizationId, the tenant key.

/// <summary>A GHG target. Base-year emissions are copied from the base-year inventory's calculation when the target is
/// created (<see cref="BaseYearSource"/> says which inventory and when), never typed in.</summary>
public sealed class TargetRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Absolute or Intensity.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Scopes covered, comma-separated ("1,2").</summary>
    public string Scopes { get; set; } = "";
    /// <summary>LocationBased or MarketBased.</summary>
    public string Scope2Basis { get; set; } = "";
    public int BaseYear { get; set; }
    public decimal BaseYearEmissions { get; set; }
    public string BaseYearSource { get; set; } = "";
    public int TargetYear { get; set; }
    public decimal Reduction { get; set; }
    /// <summary>The pathway method (kind, rate with version and source, AR6 category, milestones) as JSON.</summary>
    public string MethodJson { get; set; } = "";
    public string? DenominatorName { get; set; }
    public string? DenominatorUnit { get; set; }
    public decimal? DenominatorBaseAmount { get; set; }
    public decimal Coverage { get; set; } = 1m;
    /// <summary>Per-year data the inventory does not hold (denominator amounts, RECs retired, offsets), as JSON.</summary>
    public string YearDataJson { get; set; } = "[]";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A transition plan; its content lives in immutable versions.</summary>
public sealed class TransitionPlanRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Title { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<TransitionPlanVersionRow> Versions { get; set; } = [];
}

/// <summary>One saved version of a plan: the whole plan as JSON with its SHA-256, never changed after it is written;
/// approval is recorded on the version (who recorded it, the approving body, date and resolution).</summary>
public sealed class TransitionPlanVersionRow
{
    public Guid Id { get; set; }
    public Guid PlanId { get; set; }
    public Guid OrganizationId { get; set; }
    public int Version { get; set; }
    public string ContentJson { get; set; } = "";
    public string ContentSha256 { get; set; } = "";
    public string? Note { get; set; }
    public string SavedBy { get; set; } = "";
    public DateTimeOffset SavedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovingBody { get; set; }
    public DateOnly? ApprovalDate { get; set; }
    public string? Resolution { get; set; }
}
