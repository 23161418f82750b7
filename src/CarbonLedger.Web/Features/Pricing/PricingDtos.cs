using CarbonLedger.Data.Stores;
using CarbonLedger.Pricing;

namespace CarbonLedger.Web.Features.Pricing;

public sealed record AppraisalYearDto(int Index, int CalendarYear, decimal EnergySavedKwh, decimal Tariff, decimal EnergyCostSaving, decimal? GridFactorKgPerKwh,
    string? GridFactorSource, decimal AbatementTonnes, decimal CarbonValue, decimal OperatingCost, decimal CashFlowWithoutCarbon, decimal CashFlowWithCarbon,
    decimal DiscountFactor);

/// <summary>An appraisal: money in <see cref="Currency"/>, rates as fractions (0.05 = 5 %), IRR null with its reason when there is none.</summary>
public sealed record AppraisalDto(string Project, string Currency, decimal Capex, int HorizonYears, int FirstYear, decimal DiscountRate, decimal CarbonPricePerTonne,
    IReadOnlyList<AppraisalYearDto> Years, decimal TotalEnergyCostSaving, decimal TotalAbatementTonnes, decimal TotalCarbonValue,
    decimal NpvWithoutCarbon, decimal NpvWithCarbon, decimal? IrrWithoutCarbon, string? IrrWithoutCarbonReason, decimal? IrrWithCarbon, string? IrrWithCarbonReason,
    decimal? SimplePaybackYears, decimal? DiscountedPaybackYears, decimal? SimplePaybackYearsWithCarbon, decimal? DiscountedPaybackYearsWithCarbon,
    decimal? AbatementCostPerTonne)
{
    public static AppraisalDto From(AppraisalResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var i = r.Inputs;
        return new AppraisalDto(i.Name, i.Capex.Currency.Code, i.Capex.Amount, i.HorizonYears, i.FirstYear, i.DiscountRate, i.CarbonPrice.PerTonne.Amount,
            r.Years.Select(y => new AppraisalYearDto(y.Index, y.CalendarYear, y.EnergySavedKwh, y.Tariff.Amount, y.EnergyCostSaving.Amount, y.GridFactorKgPerKwh,
                y.GridFactorSource, y.AbatementTonnes, y.CarbonValue.Amount, y.OperatingCost.Amount, y.CashFlowWithoutCarbon.Amount, y.CashFlowWithCarbon.Amount,
                y.DiscountFactor)).ToList(),
            r.TotalEnergyCostSaving.Amount, r.TotalAbatementTonnes, r.TotalCarbonValue.Amount, r.NpvWithoutCarbon.Amount, r.NpvWithCarbon.Amount,
            r.IrrWithoutCarbon.Rate, r.IrrWithoutCarbon.Reason, r.IrrWithCarbon.Rate, r.IrrWithCarbon.Reason, r.SimplePaybackYears, r.DiscountedPaybackYears,
            r.SimplePaybackYearsWithCarbon, r.DiscountedPaybackYearsWithCarbon, r.AbatementCostPerTonne?.Amount);
    }
}

public sealed record StressRequest(ProjectSpec? Project, IReadOnlyList<decimal>? Prices, IReadOnlyList<decimal>? TariffEscalations);

public sealed record StressCaseDto(decimal CarbonPrice, decimal TariffEscalation, decimal NpvWithCarbon, decimal? IrrWithCarbon, decimal? DiscountedPaybackYearsWithCarbon, bool PaysOff)
{
    public static StressCaseDto From(StressCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new StressCaseDto(c.CarbonPrice.PerTonne.Amount, c.TariffEscalation, c.NpvWithCarbon.Amount, c.IrrWithCarbon.Rate, c.DiscountedPaybackYearsWithCarbon, c.PaysOff);
    }
}

public sealed record StressDto(AppraisalDto Appraisal, IReadOnlyList<StressCaseDto> Cases);

public sealed record ProgrammePurchase(int Year, decimal Energy);

/// <summary>Purchases per year (energy in <see cref="Unit"/>, default kWh), the price, and a fixed grid factor or the
/// library key (default tw-grid). With <see cref="Scope2MarketBasedBaselineTonnes"/> each year's market-based Scope 2
/// before and after the programme is shown.</summary>
public sealed record ProgrammeRequest(IReadOnlyList<ProgrammePurchase>? Purchases, string? Unit, decimal? PricePerTonne, string? Currency, decimal? GridFactorKgPerKwh,
    string? GridFactorKey, decimal? Scope2MarketBasedBaselineTonnes);

public sealed record ProgrammeYearDto(int Year, decimal EnergyKwh, decimal GridFactorKgPerKwh, string GridFactorSource, decimal AbatementTonnes, decimal Value,
    decimal CumulativeAbatementTonnes, decimal CumulativeValue, decimal? Scope2MarketBasedBeforeTonnes, decimal? Scope2MarketBasedAfterTonnes);

public sealed record MaccRequest(IReadOnlyList<ProjectSpec>? Projects, decimal? PricePerTonne);

public sealed record MaccSegmentDto(string Project, decimal AbatementTonnes, decimal CostPerTonne, decimal CumulativeStartTonnes, decimal CumulativeEndTonnes, bool? PaysOff);

public sealed record MaccDto(string Currency, IReadOnlyList<MaccSegmentDto> Segments, decimal? PricePerTonne, decimal? PayingOffTonnes)
{
    public static MaccDto From(Macc macc, CarbonPrice? price)
    {
        ArgumentNullException.ThrowIfNull(macc);
        return new MaccDto(macc.Segments.Count > 0 ? macc.Segments[0].CostPerTonne.Currency.Code : "TWD",
            macc.Segments.Select(s => new MaccSegmentDto(s.Project, s.AbatementTonnes, s.CostPerTonne.Amount, s.CumulativeStartTonnes, s.CumulativeEndTonnes,
                price is { } p ? s.CostPerTonne <= p.PerTonne : null)).ToList(),
            price?.PerTonne.Amount, price is { } q ? macc.PayingOffAt(q).AbatementTonnes : null);
    }
}

public sealed record PriceChangeDto(string EffectiveFrom, decimal PricePerTonne, string Currency, string Reason);

public sealed record PolicyDto(Guid Id, string Name, string Type, IReadOnlyList<int> Scopes, int ReviewEveryMonths, string NextReview, string? EffectiveTo,
    IReadOnlyList<PriceChangeDto> Prices, string CreatedBy)
{
    public static PolicyDto From(StoredPolicy s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var p = s.Policy;
        return new PolicyDto(s.Id, p.Name, p.Type.ToString(), p.Scopes.Order().ToList(), p.ReviewEveryMonths, Iso(p.NextReview), p.EffectiveTo is { } e ? Iso(e) : null,
            p.Prices.Select(c => new PriceChangeDto(Iso(c.EffectiveFrom), c.Price.PerTonne.Amount, c.Price.Currency.Code, c.Reason)).ToList(), s.CreatedBy);
    }

    internal static string Iso(NodaTime.LocalDate d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary><see cref="Type"/>: ShadowPrice, InternalFee, InternalTrading or ImplicitPrice; <see cref="EffectiveFrom"/> yyyy-MM-dd.</summary>
public sealed record CreatePolicyRequest(string? Name, string? Type, decimal? PricePerTonne, string? Currency, string? EffectiveFrom, IReadOnlyList<int>? Scopes,
    int? ReviewEveryMonths, string? Reason);

public sealed record PriceChangeRequest(decimal? PricePerTonne, string? EffectiveFrom, string? Reason);

public sealed record ProjectDto(Guid Id, ProjectSpec Spec, decimal? ActualCost, decimal? RealisedAbatementTonnes)
{
    public static ProjectDto From(StoredProject p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new ProjectDto(p.Id, p.Spec, p.ActualCost, p.RealisedAbatementTonnes);
    }
}

public sealed record OutcomeRequest(decimal? ActualCost, decimal? RealisedAbatementTonnes);

public sealed record FundEntryDto(string Date, string Kind, string Counterparty, decimal Amount, decimal Balance, string Currency, string Note)
{
    public static FundEntryDto From(FundEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new FundEntryDto(PolicyDto.Iso(e.Date), e.Kind, e.Counterparty, e.Amount.Amount, e.Balance.Amount, e.Amount.Currency.Code, e.Note);
    }
}

public sealed record FundDto(string Currency, decimal Balance, IReadOnlyList<FundEntryDto> Entries);

/// <summary>Charge the inventory's covered emissions (default scopes 1 and 2, Scope 2 location-based) by department or facility.</summary>
public sealed record ChargeRequest(Guid? InventoryId, decimal? PricePerTonne, string? Currency, string? By, IReadOnlyList<int>? Scopes, string? Scope2, string? Date);

public sealed record SpendRequest(string? Project, decimal? Amount, string? Currency, string? Date, string? Note);

public sealed record AllocateRequest(int? Year, string? Unit, decimal? Tonnes);

public sealed record TransferRequest(int? Year, string? From, string? To, decimal? Tonnes, decimal? PricePerTonne, string? Currency);

public sealed record PositionDto(string Unit, decimal Allocated, decimal Bought, decimal Sold, decimal Held, decimal Emissions, decimal SurplusTonnes, decimal CashFlow, bool Compliant);

public sealed record PositionsDto(int Year, Guid InventoryId, string InventoryName, string Currency, IReadOnlyList<PositionDto> Positions);

public sealed record ImplicitProjectDto(string Project, decimal Cost, decimal RealisedAbatementTonnes, decimal PricePerTonne);

public sealed record ImplicitPriceDto(string Currency, decimal OverallPerTonne, IReadOnlyList<ImplicitProjectDto> Projects);

public sealed record ExposureLineDto(string Label, decimal PricePerTonne, string Currency, IReadOnlyList<int> Scopes, decimal CoveredTonnes, decimal Cost);

public sealed record TaiwanCarbonFeeDto(decimal AnnualEmissionsTonnes, decimal KTonnes, decimal AdjustmentCoefficient, decimal ChargeableTonnes, decimal RatePerTonne,
    decimal Amount, string Rule);

public sealed record ExposureDto(Guid InventoryId, string InventoryName, string Scope2Basis, IReadOnlyDictionary<int, decimal> TonnesByScope,
    IReadOnlyList<ExposureLineDto> Lines, TaiwanCarbonFeeDto TaiwanCarbonFee);
