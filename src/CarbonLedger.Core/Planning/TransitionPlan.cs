using NodaTime;

namespace CarbonLedger.Planning;

/// <summary>The FSC's recommended items of a transition plan (seed 003 參 and 附表), in the order of the sample
/// (轉型計畫樣本). Codes are the seed's numbering.</summary>
public enum FscItem
{
    /// <summary>一、適用及符合參考指引之情形.</summary>
    Applicability,

    /// <summary>二、願景 (ambition).</summary>
    Ambition,

    /// <summary>三(一) 計畫假設.</summary>
    Assumptions,

    /// <summary>三(二) 業務營運.</summary>
    BusinessOperations,

    /// <summary>三(三) 財務計畫.</summary>
    FinancialPlan,

    /// <summary>三(四) 議合與溝通.</summary>
    Engagement,

    /// <summary>四(一) 策略相關之指標與目標.</summary>
    StrategyMetrics,

    /// <summary>四(二) 氣候變遷減緩相關之指標與目標 (incl. GHG targets, RECs, offsets).</summary>
    ClimateMetrics,

    /// <summary>四(三) 與其他環境目的及社會保障相關之指標與目標.</summary>
    OtherMetrics,

    /// <summary>五(一) 核定單位及程序.</summary>
    GovernanceApproval,

    /// <summary>五(二) 治理單位及監督方式.</summary>
    GovernanceOversight,

    /// <summary>五(三) 執行單位及相關程序.</summary>
    GovernanceExecution,
}

/// <summary>The key-assumption areas the seed lists (附表 三(一) 1-8).</summary>
public enum AssumptionCategory
{
    ClimatePolicy,
    IndustryPathway,
    Macroeconomic,
    RegionalVariables,
    EnergyMix,
    Technology,
    CarbonPrice,
    Regulation,
    Other,
}

/// <summary>二、願景: what the company expects to achieve by when (附表: 宜有明確時點且可實現).</summary>
public sealed record Ambition(string? Statement, int? TargetYear = null, decimal? AlignedRevenueShareTarget = null, int? NetZeroYear = null,
    IReadOnlyList<string>? Considerations = null);

/// <summary>三(一): a key assumption with the source it rests on (e.g. "IEA NZE 2023", "台電 2030 電力排碳係數預估").</summary>
public sealed record PlanAssumption(AssumptionCategory Category, string Description, string? Source, string? Value = null);

/// <summary>三(二): a dated action for an economic activity (or the company as a whole when Activity is null).</summary>
public sealed record BusinessAction(string? Activity, string Description, int? StartYear, int? EndYear, IReadOnlyList<string>? Steps = null);

/// <summary>A funding source and its share of a period's capex (fractions: 0.6 = 60 % bank loans).</summary>
public sealed record FundingSource(string Name, decimal? Share);

/// <summary>三(三): capex per year of a period and its funding; a period may be unquantified with the reason stated
/// (the sample's long term: "資金評估不確定性過高，爰無量化資訊"). Amount in <see cref="Currency"/> (decimal, money).</summary>
public sealed record FinancingPeriod(string Name, int? StartYear, int? EndYear, decimal? AnnualCapex, string Currency = "TWD",
    IReadOnlyList<FundingSource>? Funding = null, string? UnquantifiedReason = null);

/// <summary>Whom an engagement addresses, in the UK TPT's three engagement sub-elements (3.1-3.3) plus the rest.</summary>
public enum EngagementScope
{
    ValueChain,
    Industry,
    GovernmentAndCivilSociety,
    Other,
}

/// <summary>三(四): an engagement activity (目的、對象、作法、預期對轉型計畫之影響).</summary>
public sealed record EngagementActivity(string? Purpose, string? Audience, string? Method, string? ExpectedEffect, EngagementScope Scope = EngagementScope.ValueChain);

/// <summary>四: a metric with its target (附表: 明確之定義及目標年; climate metrics also 基準年及基準數值).</summary>
public sealed record PlanMetric(string Name, string? Definition, string? Unit = null, string? Activity = null, int? BaseYear = null, decimal? BaseValue = null,
    int? TargetYear = null, decimal? TargetValue = null);

/// <summary>四(二)2(3): RECs planned to be used (1 REC = 1,000 kWh).</summary>
public sealed record RecPlan(int? Certificates, int? ByYear, string? Source = null)
{
    public const decimal KwhPerCertificate = 1000m;

    /// <summary>Electricity the certificates stand for, kWh.</summary>
    public decimal? Kwh => Certificates * KwhPerCertificate;
}

/// <summary>四(二)2(3): carbon credits planned for offsetting — quantity, unit, where they come from, the standard
/// (環境部企業宣告碳中和指引 or ISO 14068-1) and where the details are published.</summary>
public sealed record OffsetPlan(decimal? Quantity, string? Unit, int? ByYear, string? CreditSource, string? Standard, string? DisclosureUrl = null);

/// <summary>五: approving body and procedure, oversight body/method/frequency, executing units and controls.</summary>
public sealed record PlanGovernance(string? ApprovingBody = null, LocalDate? ApprovalDate = null, string? ApprovalProcedure = null,
    string? OversightBody = null, string? OversightMethod = null, string? OversightFrequency = null,
    IReadOnlyList<string>? ExecutingUnits = null, string? Controls = null);

/// <summary>A transition plan as the company writes it (seed 003). Figures that live in other modules are referenced,
/// never retyped: GHG targets by <see cref="TargetIds"/> (the target store), base-year and current emissions from the
/// inventories (<see cref="PlanFigures"/>).</summary>
public sealed record TransitionPlan(
    string Title,
    string? Boundary = null,
    LocalDate? AdoptedOn = null,
    IReadOnlyList<EconomicActivity>? Activities = null,
    Ambition? Ambition = null,
    IReadOnlyList<PlanAssumption>? Assumptions = null,
    IReadOnlyList<BusinessAction>? Actions = null,
    IReadOnlyList<FinancingPeriod>? Financing = null,
    IReadOnlyList<EngagementActivity>? Engagement = null,
    IReadOnlyList<PlanMetric>? StrategyMetrics = null,
    IReadOnlyList<PlanMetric>? ClimateMetrics = null,
    IReadOnlyList<PlanMetric>? OtherMetrics = null,
    IReadOnlyList<Guid>? TargetIds = null,
    IReadOnlyList<RecPlan>? Recs = null,
    IReadOnlyList<OffsetPlan>? Offsets = null,
    PlanGovernance? Governance = null);

/// <summary>An inventory year's totals the plan quotes (decimal tCO2e, from the inventory module).</summary>
public sealed record InventoryFigures(int Year, decimal Scope1, decimal Scope2LocationBased, decimal Scope2MarketBased, decimal? Scope3, string Source);

/// <summary>A target the plan references, with its store id and progress when actuals exist.</summary>
public sealed record PlanTarget(Guid Id, GhgTarget Target, TargetProgress? Progress);

/// <summary>Everything a plan document or a completeness check reads: the plan and the figures from other modules.</summary>
public sealed record PlanFigures(IReadOnlyList<PlanTarget> Targets, IReadOnlyList<InventoryFigures> Inventories)
{
    public static PlanFigures None { get; } = new([], []);
}
