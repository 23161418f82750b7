namespace CarbonLedger.Inventory;

/// <summary>Data-quality and uncertainty summary of an inventory (ISO 14064-1:2018 clause 8.3; uncertainty
/// propagated by IPCC 2006 GL Vol. 1 Ch. 3 Approach 1: a line's relative uncertainty is
/// √(u_activity² + u_factor²) (Eq. 3.1), the total's is √Σ(u_i·E_i)² / ΣE_i (Eq. 3.2)).
/// Activity uncertainty defaults by level where a record gives none: measured 2 %, calculated 5 %, estimated
/// 20 % — CarbonLedger's documented assumptions, shown in the report. Lines whose factor publishes no
/// uncertainty are not quantified and their share is reported as such.</summary>
public sealed record DataQualitySummary(
    IReadOnlyDictionary<DataQualityLevel, decimal> Co2eByLevel,
    IReadOnlyDictionary<DataQualityLevel, int> RecordsByLevel,
    decimal QuantifiedCo2e,
    decimal UnquantifiedCo2e,
    double? TotalUncertaintyPercent)
{
    public static decimal DefaultActivityUncertaintyPercent(DataQualityLevel level) => level switch
    {
        DataQualityLevel.Measured => 2m,
        DataQualityLevel.Calculated => 5m,
        DataQualityLevel.Estimated => 20m,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>Uncertainty arithmetic is in double (square roots); inputs and tonnes stay decimal.</summary>
    public static DataQualitySummary From(IReadOnlyList<EmissionLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var byLevel = new Dictionary<DataQualityLevel, decimal>();
        var records = new Dictionary<DataQualityLevel, int>();
        var seen = new HashSet<Guid>();
        decimal quantified = 0, unquantified = 0;
        double sumSquares = 0;
        foreach (var l in lines)
        {
            var level = l.Activity.Quality;
            byLevel[level] = byLevel.GetValueOrDefault(level) + l.Co2eTonnes;
            if (seen.Add(l.Activity.Id)) { records[level] = records.GetValueOrDefault(level) + 1; }
            if (l.Factor.UncertaintyPercent is { } uf)
            {
                var ua = (double)(l.Activity.UncertaintyPercent ?? DefaultActivityUncertaintyPercent(level));
                var u = Math.Sqrt((ua * ua) + ((double)uf * (double)uf));
                sumSquares += Math.Pow(u * (double)l.Co2eTonnes, 2);
                quantified += l.Co2eTonnes;
            }
            else
            {
                unquantified += l.Co2eTonnes;
            }
        }
        double? total = quantified > 0 ? Math.Sqrt(sumSquares) / (double)quantified : null;
        return new DataQualitySummary(byLevel, records, quantified, unquantified, total);
    }
}
