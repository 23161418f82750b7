namespace CarbonLedger.Data.Entities;

// Rows of issue 4 (internal carbon pricing, seed 004). Every row carries OrganizationId, the tenant key.

/// <summary>An internal carbon pricing policy (type, currency, scopes covered, review interval).</summary>
public sealed class IcpPolicyRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>ShadowPrice, InternalFee, InternalTrading or ImplicitPrice.</summary>
    public string Type { get; set; } = "";
    public string Currency { get; set; } = "TWD";
    /// <summary>Scopes covered, comma-separated ("1,2").</summary>
    public string Scopes { get; set; } = "1,2";
    public int ReviewEveryMonths { get; set; } = 12;
    public DateOnly? EffectiveTo { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public List<IcpPriceChangeRow> Prices { get; set; } = [];
}

/// <summary>A price of a policy from a date (its history is the list of these; nothing is overwritten).</summary>
public sealed class IcpPriceChangeRow
{
    public Guid Id { get; set; }
    public Guid PolicyId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public decimal PricePerTonne { get; set; }
    public string Reason { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>A project to appraise, its inputs stored as JSON (the appraisal is recomputed from them).</summary>
public sealed class IcpProjectRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string InputsJson { get; set; } = "";
    /// <summary>For the implicit price: actual cost and realised abatement once the project is done.</summary>
    public decimal? ActualCost { get; set; }
    public decimal? RealisedAbatementTonnes { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A line of the carbon fund's ledger (internal fee): a charge to a unit or a spend on a project.</summary>
public sealed class CarbonFundEntryRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public long Sequence { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>charge or spend.</summary>
    public string Kind { get; set; } = "";
    public string Counterparty { get; set; } = "";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "TWD";
    public string Note { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>Internal trading: a unit's allowance for a year, or a transfer between units at a price.</summary>
public sealed class AllowanceEntryRow
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public int Year { get; set; }
    /// <summary>allocation or transfer.</summary>
    public string Kind { get; set; } = "";
    /// <summary>The unit allocated to, or the seller of a transfer.</summary>
    public string Unit { get; set; } = "";
    /// <summary>The buyer of a transfer.</summary>
    public string? ToUnit { get; set; }
    public decimal Tonnes { get; set; }
    public decimal? PricePerTonne { get; set; }
    public string Currency { get; set; } = "TWD";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}
