using CarbonLedger.Factors;
using CarbonLedger.Units;

namespace CarbonLedger.Inventory;

/// <summary>Septic-tank CH4 (化糞池) from working hours, the way MOENV's inventory form estimates it for offices and
/// factories whose sewage goes to a septic tank: CH4 = person-hours ÷ 24 × BOD per person-day × Bo × MCF.
/// Defaults from the 2006 IPCC GL Vol. 5 Ch. 6: Bo = 0.6 kg CH4/kg BOD (Table 6.2), MCF = 0.5 for septic systems
/// (Table 6.3), BOD = 40 g per person-day (Table 6.4, the Asian default). With the defaults the factor is
/// 0.04 / 24 × 0.6 × 0.5 = 0.0005 kg CH4 per person-hour.</summary>
public static class SepticTank
{
    public const string FactorKey = "ipcc2006/septic-ch4";

    public static EmissionFactor Factor(decimal bodKgPerPersonDay = 0.04m, decimal bo = 0.6m, decimal mcf = 0.5m)
    {
        var perPersonHour = bodKgPerPersonDay / 24m * bo * mcf;
        var set = new FactorSet("ipcc-2006-vol5", "2006 IPCC Guidelines, Vol. 5 Waste, Ch. 6 Wastewater", "IPCC", "2006", 2006, "global", "IPCC (public)",
            "2006 IPCC GL Vol.5 Ch.6 Tables 6.2 (Bo), 6.3 (MCF septic 0.5), 6.4 (BOD 40 g/person/day)");
        return new EmissionFactor(FactorKey, set, $"Septic tank CH4 from working hours (BOD {bodKgPerPersonDay} kg/person-day, Bo {bo}, MCF {mcf})",
            UnitCatalog.PersonHour, [new GasFactor(GreenhouseGas.CH4, perPersonHour, UnitCatalog.Kilogram)], status: "COMPUTED", uncertaintyPercent: 50m);
    }
}
