using CarbonLedger.Common;
using CarbonLedger.Factors;

namespace CarbonLedger.Pricing;

/// <summary>Appraises a <see cref="ProjectSpec"/> and reports every bad field in one pass: the spec's own problems
/// (currency, unit, grid factor by year) and the appraisal's (horizon, rates, amounts). When the spec cannot become
/// inputs, the appraisal's checks still run on a copy whose failing fields are replaced by neutral values, so a
/// negative horizon and a non-energy unit are both reported, not one after the other.</summary>
public static class SpecAppraisal
{
    public static Outcome<AppraisalResult> Run(ProjectSpec spec, FactorLibrary library)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(library);
        var inputs = spec.ToInputs(library);
        if (inputs.Succeeded) { return ProjectAppraisal.Appraise(inputs.Value); }
        var failed = inputs.Problems.Select(p => p.Location.Field).ToHashSet(StringComparer.Ordinal);
        var neutral = spec with
        {
            Currency = failed.Contains("currency") ? "TWD" : spec.Currency,
            EnergyUnit = failed.Contains("energyUnit") ? "kWh" : spec.EnergyUnit,
            GridFactorKgPerKwh = failed.Overlaps(["gridFactor", "gridFactorKey", "gridFactorKgPerKwh"]) ? 0m : spec.GridFactorKgPerKwh,
        };
        var more = new List<Problem>();
        if (neutral.ToInputs(library) is { Succeeded: true } retry && ProjectAppraisal.Appraise(retry.Value) is { Succeeded: false } appraisal)
        {
            more.AddRange(appraisal.Problems.Where(p => !failed.Contains(p.Location.Field) && !(p.Location.Field == "annualEnergySaved" && failed.Contains("energyUnit"))
                && !(p.Location.Field == "gridFactor" && spec.HorizonYears is < 1 or > 100)));
        }
        else if (ProjectAppraisal.Appraise(Placeholder(neutral)) is { Succeeded: false } checks)
        {
            // The spec could not even be resolved (e.g. a horizon outside 1-100 years leaves no year to find a factor
            // for): the appraisal's own checks, minus the grid factor that was never looked up.
            more.AddRange(checks.Problems.Where(p => !failed.Contains(p.Location.Field) && p.Location.Field != "gridFactor"
                && !(p.Location.Field == "annualEnergySaved" && failed.Contains("energyUnit"))));
        }
        return Outcome<AppraisalResult>.Failure([.. inputs.Problems, .. more]);
    }

    /// <summary>The spec's plain values as inputs without resolving anything (grid factor absent), for validation only.</summary>
    private static ProjectInputs Placeholder(ProjectSpec spec)
    {
        var currency = Currency.Twd;
        return new ProjectInputs
        {
            Name = spec.Name, Capex = new Money(spec.Capex, currency), HorizonYears = spec.HorizonYears, FirstYear = spec.FirstYear,
            AnnualEnergySaved = spec.EnergySaved is { } e ? new Units.Quantity(e, Units.UnitCatalog.KilowattHour) : null,
            AnnualDirectAbatementTonnes = spec.DirectAbatementTonnes, TariffPerKwh = spec.TariffPerKwh is { } t ? new Money(t, currency) : null,
            TariffEscalation = spec.TariffEscalation, DiscountRate = spec.DiscountRate, AnnualOperatingCost = new Money(spec.OperatingCost, currency),
            CarbonPrice = new CarbonPrice(new Money(spec.CarbonPricePerTonne, currency)), CarbonPriceEscalation = spec.CarbonPriceEscalation,
        };
    }
}
