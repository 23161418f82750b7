using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Units;

namespace CarbonLedger.Pricing;

/// <summary>A project as stored and as typed in a file, form or command: plain values with units and currency codes.
/// <see cref="ToInputs"/> resolves the grid factor of every year of the horizon from the factor library (Taipower's
/// series by default; a year not yet published falls back to the latest earlier one, and the source says so).</summary>
public sealed record ProjectSpec
{
    public string Name { get; init; } = "";
    public string Currency { get; init; } = "TWD";
    public decimal Capex { get; init; }
    public int HorizonYears { get; init; }
    public int FirstYear { get; init; }
    public decimal? EnergySaved { get; init; }
    public string EnergyUnit { get; init; } = "kWh";
    public decimal DirectAbatementTonnes { get; init; }
    public decimal? TariffPerKwh { get; init; }
    public decimal TariffEscalation { get; init; }
    public decimal DiscountRate { get; init; }
    public decimal OperatingCost { get; init; }
    public decimal CarbonPricePerTonne { get; init; }
    public decimal CarbonPriceEscalation { get; init; }
    /// <summary>Factor library key of the grid factor (default Taiwan's grid, <c>tw-grid</c>).</summary>
    public string GridFactorKey { get; init; } = "tw-grid";
    /// <summary>A fixed factor in kgCO2e/kWh instead of the library's (e.g. seed 004's 0.474 for every year).</summary>
    public decimal? GridFactorKgPerKwh { get; init; }

    public Outcome<ProjectInputs> ToInputs(FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        var problems = new List<Problem>();
        Currency? currency = null;
        try { currency = Pricing.Currency.Of(Currency); }
        catch (DomainException ex) { problems.Add(Problem.AtField("currency", ex.Reason, ex.ReasonZhTw)); }
        Unit? unit = null;
        if (EnergySaved is not null)
        {
            if (!UnitCatalog.TryParse(EnergyUnit, out var u)) { problems.Add(Problem.AtField("energyUnit", $"unknown unit '{EnergyUnit}'", $"未知的單位「{EnergyUnit}」")); }
            else if (u.Dimension != Dimension.Energy) { problems.Add(Problem.AtField("energyUnit", $"'{EnergyUnit}' is not an energy unit (use kWh, MWh, GJ …)",
                $"「{EnergyUnit}」不是能量單位（請用 kWh、MWh、GJ …）")); }
            else { unit = u; }
        }
        var factors = new Dictionary<int, GridFactor>();
        if (EnergySaved is not null && HorizonYears is >= 1 and <= 100)
        {
            if (GridFactorKgPerKwh is { } fixedFactor)
            {
                if (fixedFactor < 0m) { problems.Add(Problem.AtField("gridFactorKgPerKwh", "cannot be negative", "不可為負值")); }
                for (var t = 0; t < HorizonYears; t++) { factors[FirstYear + t] = new GridFactor(fixedFactor, "given by the user"); }
            }
            else
            {
                for (var t = 0; t < HorizonYears; t++)
                {
                    var year = FirstYear + t;
                    var resolved = library.Resolve(GridFactorKey, year);
                    if (!resolved.Succeeded)
                    {
                        problems.Add(Problem.AtField("gridFactor", $"year {year}: {resolved.Problems[0].Message}",
                            $"{year} 年度：{resolved.Problems[0].MessageIn(zhTw: true)}"));
                        break;
                    }
                    var f = resolved.Value.Factor;
                    if (!f.PerUnit.IsConvertibleTo(UnitCatalog.KilowattHour))
                    {
                        problems.Add(Problem.AtField("gridFactorKey", $"factor '{GridFactorKey}' is per {f.PerUnit.Code}, not per unit of electricity",
                            $"排放係數「{GridFactorKey}」的單位為每 {f.PerUnit.Code}，不是每單位電力"));
                        break;
                    }
                    // kg per the factor's unit → kg per kWh (explicit conversion), summed over its gases as CO2e-reported values.
                    var perKwh = f.Gases.Sum(g => g.KilogramsPerUnit) / new Quantity(1m, f.PerUnit).ConvertTo(UnitCatalog.KilowattHour).Value;
                    var source = $"{f.Set} {f.Key} {f.Year}" + (resolved.Value.Note is { } note ? $" ({note})" : "");
                    factors[year] = new GridFactor(perKwh, source);
                }
            }
        }
        if (problems.Count > 0 || currency is null) { return Outcome<ProjectInputs>.Failure(problems); }
        return Outcome<ProjectInputs>.Success(new ProjectInputs
        {
            Name = Name,
            Capex = new Money(Capex, currency),
            HorizonYears = HorizonYears,
            FirstYear = FirstYear,
            AnnualEnergySaved = unit is not null ? new Quantity(EnergySaved!.Value, unit) : null,
            AnnualDirectAbatementTonnes = DirectAbatementTonnes,
            TariffPerKwh = TariffPerKwh is { } t0 ? new Money(t0, currency) : null,
            TariffEscalation = TariffEscalation,
            GridFactorForYear = factors.Count > 0 ? year => factors[year] : null,
            DiscountRate = DiscountRate,
            AnnualOperatingCost = new Money(OperatingCost, currency),
            CarbonPrice = new CarbonPrice(new Money(CarbonPricePerTonne, currency)),
            CarbonPriceEscalation = CarbonPriceEscalation,
        });
    }
}
