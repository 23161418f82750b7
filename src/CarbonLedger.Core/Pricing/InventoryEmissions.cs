using CarbonLedger.Inventory;

namespace CarbonLedger.Pricing;

/// <summary>How an internal fee or internal trading splits an inventory among the units that pay or hold allowances.</summary>
public enum ChargeBasis
{
    /// <summary>By the emission source's department (sources without one go to <see cref="InventoryTotals.NoDepartment"/>).</summary>
    Department,
    /// <summary>By facility code.</summary>
    Facility,
}

/// <summary>The inventory's emissions that an ICP scheme prices: only the scopes it covers (seed 004 七: Scope 1 and 2),
/// Scope 2 on one basis (location- or market-based, never both: GHG Protocol Scope 2 Guidance ch. 4), split by
/// department or facility the same way <see cref="InventoryTotals"/> splits them.</summary>
public static class InventoryEmissions
{
    public static IReadOnlyList<UnitEmissions> ByUnit(InventoryResult result, ChargeBasis basis, IReadOnlySet<int> scopes, Scope2Method scope2 = Scope2Method.LocationBased)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(scopes);
        var byUnit = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var line in result.Lines.Where(l => l.CountsIn(scope2) && scopes.Contains((int)l.Scope)))
        {
            var unit = basis == ChargeBasis.Department ? line.Source.Department ?? InventoryTotals.NoDepartment : line.Facility.Code;
            byUnit[unit] = byUnit.GetValueOrDefault(unit) + line.Co2eTonnes;
        }
        return byUnit.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => new UnitEmissions(u.Key, u.Value)).ToList();
    }

    /// <summary>Tonnes by scope number (1, 2, 3) on the given Scope 2 basis.</summary>
    public static IReadOnlyDictionary<int, decimal> ByScope(InventoryResult result, Scope2Method scope2 = Scope2Method.LocationBased)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Totals(scope2).ByScope.ToDictionary(s => (int)s.Key, s => s.Value);
    }
}
