using CarbonLedger.Factors;
using CarbonLedger.Inventory;

namespace CarbonLedger.Data;

/// <summary>A batch of inventory data to write for one organization in one transaction (an import, a form post).
/// Ids are deterministic from natural keys (<see cref="Common.DeterministicGuid"/>), so applying the same change set
/// twice leaves the same rows: entities are upserted by id, nothing is deleted.</summary>
public sealed record ChangeSet
{
    public IReadOnlyList<LegalEntity> LegalEntities { get; init; } = [];
    public IReadOnlyList<Facility> Facilities { get; init; } = [];
    public IReadOnlyList<EmissionSource> Sources { get; init; } = [];
    public IReadOnlyList<ActivityRecord> Activities { get; init; } = [];
    public IReadOnlyList<ContractualInstrument> Instruments { get; init; } = [];
    /// <summary>Custom factors (supplier-specific, measured) in the organization's own factor set.</summary>
    public IReadOnlyList<EmissionFactor> CustomFactors { get; init; } = [];
    /// <summary>Where the batch came from (file name and SHA-256, user), for the audit trail.</summary>
    public string Origin { get; init; } = "";

    public int Count => LegalEntities.Count + Facilities.Count + Sources.Count + Activities.Count + Instruments.Count + CustomFactors.Count;
}
