using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CarbonLedger.Factors;

/// <summary>The seven gas groups of the Kyoto basket as MOENV's 彙整表二 reports them, plus Other for
/// non-Kyoto species (HCFCs, CFCs) that only appear as blend components.</summary>
public enum GasGroup
{
    CO2,
    CH4,
    N2O,
    HFCs,
    PFCs,
    SF6,
    NF3,
    Other,
}

/// <summary>A greenhouse gas species or refrigerant blend, identified by its code (CO2, CH4, HFC-134a,
/// R-410A …). Biogenic CO2 is its own species so it can be reported outside the scopes
/// (GHG Protocol Corporate Standard ch. 9; ISO 14064-1:2018 5.2.3 and Annex D).</summary>
public sealed partial record GreenhouseGas
{
    private static readonly ConcurrentDictionary<string, GreenhouseGas> Interned = new(StringComparer.OrdinalIgnoreCase);

    public static readonly GreenhouseGas CO2 = Intern("CO2", GasGroup.CO2, "carbon dioxide");
    public static readonly GreenhouseGas CH4 = Intern("CH4", GasGroup.CH4, "methane");
    public static readonly GreenhouseGas N2O = Intern("N2O", GasGroup.N2O, "nitrous oxide");
    public static readonly GreenhouseGas SF6 = Intern("SF6", GasGroup.SF6, "sulphur hexafluoride");
    public static readonly GreenhouseGas NF3 = Intern("NF3", GasGroup.NF3, "nitrogen trifluoride");

    /// <summary>CO2 from biomass combustion: reported separately, outside Scopes 1-3.</summary>
    public static readonly GreenhouseGas BiogenicCO2 = Intern("CO2-biogenic", GasGroup.CO2, "biogenic carbon dioxide", isBiogenic: true);

    /// <summary>A factor published already in CO2-equivalent (Taiwan's grid factor, kgCO2e/kWh): GWP 1 in every set,
    /// counted in the CO2 group as MOENV's inventory form does for purchased electricity.</summary>
    public static readonly GreenhouseGas CO2e = Intern("CO2e", GasGroup.CO2, "CO2-equivalent (published as CO2e)");

    private GreenhouseGas(string code, GasGroup group, string name, bool isBiogenic)
    {
        Code = code;
        Group = group;
        Name = name;
        IsBiogenic = isBiogenic;
    }

    public string Code { get; }

    public GasGroup Group { get; }

    public string Name { get; }

    public bool IsBiogenic { get; }

    public override string ToString() => Code;

    /// <summary>The gas with <paramref name="code"/>, created on first use with its group inferred from the code
    /// (HFC-… → HFCs, PFC-…/CF4/C2F6 → PFCs, R-4xx/R-5xx blends → HFCs unless told otherwise).</summary>
    public static GreenhouseGas FromCode(string code, GasGroup? group = null, string? name = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var normalized = Normalize(code);
        return Interned.GetOrAdd(normalized, c => new GreenhouseGas(c, group ?? InferGroup(c), name ?? c, isBiogenic: false));
    }

    private static GreenhouseGas Intern(string code, GasGroup group, string name, bool isBiogenic = false)
    {
        var gas = new GreenhouseGas(code, group, name, isBiogenic);
        Interned[code] = gas;
        return gas;
    }

    /// <summary>R-134a → HFC-134a, "CH4 (fossil)" → CH4-fossil; other codes trimmed.</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var c = code.Trim();
        var m = SimpleHfcRefrigerant().Match(c);
        if (m.Success)
        {
            return "HFC-" + m.Groups[1].Value;
        }
        return c switch
        {
            "CH4 (fossil)" => "CH4-fossil",
            "CH4 (non-fossil)" => "CH4-non-fossil",
            _ => c,
        };
    }

    private static GasGroup InferGroup(string code)
    {
        if (code.StartsWith("HFC", StringComparison.OrdinalIgnoreCase)) { return GasGroup.HFCs; }
        if (code.StartsWith("PFC", StringComparison.OrdinalIgnoreCase) || code is "CF4" or "C2F6" or "C3F8") { return GasGroup.PFCs; }
        if (code.StartsWith("CH4", StringComparison.OrdinalIgnoreCase)) { return GasGroup.CH4; }
        if (BlendCode().IsMatch(code)) { return GasGroup.HFCs; }
        return GasGroup.Other;
    }

    // R-32, R-125, R-134a, R-143a, R-152a, R-227ea, R-23, R-245fa: single HFCs named as refrigerants.
    [GeneratedRegex(@"^R-(23|32|41|125|134|134a|143|143a|152|152a|161|227ea|236fa|245fa|365mfc)$", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleHfcRefrigerant();

    [GeneratedRegex(@"^R-[45]\d\d[A-Z]?$", RegexOptions.CultureInvariant)]
    private static partial Regex BlendCode();
}
