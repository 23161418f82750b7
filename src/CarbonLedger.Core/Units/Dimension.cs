namespace CarbonLedger.Units;

/// <summary>What a quantity measures. Conversion is only ever within one dimension; between dimensions
/// it takes an explicit rule (a heating value, a density, an exchange rate, 1 REC = 1,000 kWh).</summary>
public enum Dimension
{
    Dimensionless,
    Mass,
    Volume,
    Energy,
    Distance,
    /// <summary>Freight: mass × distance (tonne-km).</summary>
    MassDistance,
    /// <summary>Passenger transport: persons × distance (passenger-km).</summary>
    PassengerDistance,
    Time,
    /// <summary>Working time of people (人時), used for septic-tank CH4 as MOENV's form does.</summary>
    PersonTime,
    Area,
    /// <summary>Pieces, certificates, items.</summary>
    Count,
    /// <summary>Money. Each currency is its own unit family: NTD never converts to USD without an explicit rate.</summary>
    Currency,
}
