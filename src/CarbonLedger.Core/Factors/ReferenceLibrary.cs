using System.Globalization;
using System.Text.RegularExpressions;
using CarbonLedger.Units;
using Sylvan.Data.Csv;

namespace CarbonLedger.Factors;

/// <summary>The reference data shipped inside the product (Factors/ReferenceData/*.csv, copied from the project's
/// shared/data with PROVENANCE.md): GWP sets AR4/AR5/AR6 (+SAR/TAR from MOENV), MOENV 6.0.4(修) fuel factors,
/// Taiwan's grid factors per year, IPCC 2006 combustion defaults, refrigerant blends and leak rates.
/// Parsed from embedded resources (no file-system access) once per process.</summary>
public static partial class ReferenceLibrary
{
    public const string GridFactorKey = "tw-grid";

    public static readonly FactorSet Moenv604 = new("moenv-6.0.4", "溫室氣體排放係數管理表 (GHG emission factor table)", "MOENV 環境部", "6.0.4(修)", 2019, "TW",
        "government open data", "MOENV 溫室氣體排放係數管理表 6.0.4(修) (copy: peter279k/gwp-factors@47957a0c, see PROVENANCE.md)");

    public static readonly FactorSet TaiwanGrid = new("tw-grid", "電力排碳係數 (grid electricity emission factor)", "MOEA Energy Administration 經濟部能源署", "annual announcements", null, "TW",
        "government announcement", "MOENV 6.0.4(修) sheet 5 (2005-2022); MOEA announcements (2023, 2024); see PROVENANCE.md");

    public static readonly FactorSet Ipcc2006 = new("ipcc-2006", "2006 IPCC Guidelines, Vol. 2 Energy", "IPCC", "2006", 2006, "global",
        "IPCC (public)", "2006 IPCC GL Vol.2 Ch.1 Tables 1.2/1.4, Ch.2 Tables 2.2-2.5, Ch.3 (via teekaysharma/ghgcalculator@3b465f77, cross-checked with MOENV)");

    private static readonly Lazy<FactorLibrary> Shared = new(Build);

    /// <summary>A fresh library holding the shipped reference data (custom factors are added per organization).</summary>
    public static FactorLibrary Create()
    {
        var shared = Shared.Value;
        var copy = new FactorLibrary();
        foreach (var f in shared.Factors) { copy.Add(f); }
        foreach (var g in shared.GwpSets) { copy.Add(g); }
        foreach (var r in shared.LeakRates) { copy.Add(r); }
        return copy;
    }

    /// <summary>The shipped data, read-only by convention (do not add custom factors to it).</summary>
    public static FactorLibrary Default => Shared.Value;

    /// <summary>The text of a shipped file, e.g. PROVENANCE.md.</summary>
    public static string ReadResourceText(string fileName)
    {
        using var stream = Open(fileName);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>English keys for the fuels users name most (MOENV keys use the table's zh-TW fuel names).</summary>
    public static readonly IReadOnlyDictionary<string, string> FuelAliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["柴油"] = "diesel",
        ["車用汽油"] = "motor-gasoline",
        ["液化石油氣"] = "lpg",
        ["天然氣"] = "natural-gas",
        ["液化天然氣"] = "lng",
        ["蒸餘油(燃料油)"] = "fuel-oil",
        ["煤油"] = "kerosene",
        ["航空燃油"] = "jet-kerosene",
        ["燃料煤"] = "fuel-coal",
    };

    private static FactorLibrary Build()
    {
        var lib = new FactorLibrary();
        foreach (var set in LoadGwpSets()) { lib.Add(set); }
        foreach (var f in LoadMoenvFuels()) { lib.Add(f); }
        foreach (var f in LoadGrid()) { lib.Add(f); }
        foreach (var f in LoadIpcc2006()) { lib.Add(f); }
        foreach (var r in LoadLeakRates()) { lib.Add(r); }
        lib.Add(Inventory.SepticTank.Factor());
        return lib;
    }

    private static Stream Open(string fileName) =>
        typeof(ReferenceLibrary).Assembly.GetManifestResourceStream("CarbonLedger.ReferenceData." + fileName)
        ?? throw new InvalidOperationException($"embedded reference file {fileName} is missing from the build");

    private static IEnumerable<Dictionary<string, string>> Rows(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        using var csv = CsvDataReader.Create(reader, new CsvDataReaderOptions { HasHeaders = true });
        var names = Enumerable.Range(0, csv.FieldCount).Select(csv.GetName).ToArray();
        while (csv.Read())
        {
            var row = new Dictionary<string, string>(names.Length, StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
            {
                row[names[i]] = csv.GetString(i).Trim();
            }
            yield return row;
        }
    }

    private static bool TryDecimal(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static IEnumerable<GwpSet> LoadGwpSets()
    {
        const string ocd = "IPCC via openclimatedata/globalwarmingpotentials@fc4e6f48 (CC0), cross-checked with USEPA/LCIAformatter and MOENV 6.0.4";
        var values = new Dictionary<string, Dictionary<string, decimal>>(StringComparer.Ordinal)
        {
            ["SAR"] = new(StringComparer.OrdinalIgnoreCase),
            ["TAR"] = new(StringComparer.OrdinalIgnoreCase),
            ["AR4"] = new(StringComparer.OrdinalIgnoreCase),
            ["AR5"] = new(StringComparer.OrdinalIgnoreCase),
            ["AR6"] = new(StringComparer.OrdinalIgnoreCase),
        };
        var blends = new Dictionary<string, RefrigerantBlend>(StringComparer.OrdinalIgnoreCase);

        // MOENV sheet 4 first (SAR, TAR, AR4, AR5 and every HCFC/CFC a blend may contain) …
        foreach (var row in Rows("tw_moenv_v604_gwp_table.csv"))
        {
            var label = row["gas_name_zh_formula"];
            if (row["section"].Contains("混合冷媒", StringComparison.Ordinal))
            {
                var blend = ParseMoenvBlend(label);
                if (blend is not null) { blends[blend.Code] = blend; }
                continue;
            }
            var code = label.StartsWith("CH4石化", StringComparison.Ordinal) ? "CH4-fossil" : MoenvGasCode(label);
            if (code is null) { continue; }
            void Put(string set, string column)
            {
                if (TryDecimal(row[column], out var v)) { values[set].TryAdd(code, v); }
            }
            Put("SAR", "gwp_sar_1995");
            Put("TAR", "gwp_tar_2001");
            Put("AR4", "gwp_ar4_2007");
            Put("AR5", "gwp_ar5_2013");
        }

        // … then the cross-checked IPCC file overrides AR4/AR5 and alone supplies AR6 (MOENV's CFC-11 AR5 typo 4460 is not used).
        foreach (var row in Rows("gwp100_ipcc_ar4_ar5_ar6.csv"))
        {
            var code = GreenhouseGas.Normalize(row["gas"]);
            if (row["description"].StartsWith("refrigerant blend", StringComparison.Ordinal))
            {
                var m = BlendFormula().Match(row["formula"]);
                if (m.Success)
                {
                    var gases = m.Groups["gases"].Value.Split('/');
                    var pct = m.Groups["pct"].Value.Split('/');
                    blends[code] = new RefrigerantBlend(code,
                        gases.Zip(pct, (g, p) => new BlendComponent(GreenhouseGas.Normalize(g), decimal.Parse(p, CultureInfo.InvariantCulture) / 100m)).ToList(),
                        "IPCC 2006 GL Vol.3 Ch.7 Table 7.8 as cited by MOENV 6.0.4");
                }
                continue;
            }
            if (TryDecimal(row["gwp100"], out var v) && values.TryGetValue(row["assessment_report"], out var set))
            {
                set[code] = v;
            }
        }

        var names = new Dictionary<string, (string Name, string Source)>(StringComparer.Ordinal)
        {
            ["SAR"] = ("IPCC Second Assessment Report (1995), GWP-100", "MOENV 6.0.4(修) sheet 4"),
            ["TAR"] = ("IPCC Third Assessment Report (2001), GWP-100", "MOENV 6.0.4(修) sheet 4"),
            ["AR4"] = ("IPCC Fourth Assessment Report (2007), GWP-100", ocd),
            ["AR5"] = ("IPCC Fifth Assessment Report (2013), GWP-100 (MOENV inventories from 2023)", ocd),
            ["AR6"] = ("IPCC Sixth Assessment Report (2021), GWP-100 (WGI Ch.7 Table 7.SM.7)", ocd + "; AR6 blend values computed from components"),
        };
        foreach (var (id, v) in values)
        {
            yield return new GwpSet(id, names[id].Name, names[id].Source, v, blends.Values);
        }
    }

    /// <summary>"R-404A，HFC-125/HFC-143a/HFC-134a (44.0/52.0/4.0)" → blend.</summary>
    private static RefrigerantBlend? ParseMoenvBlend(string label)
    {
        var m = MoenvBlend().Match(label);
        if (!m.Success) { return null; }
        var gases = m.Groups["gases"].Value.Split('/', StringSplitOptions.TrimEntries);
        var pct = m.Groups["pct"].Value.Split('/', StringSplitOptions.TrimEntries);
        if (gases.Length != pct.Length) { return null; }
        var parts = new List<BlendComponent>(gases.Length);
        for (var i = 0; i < gases.Length; i++)
        {
            if (!TryDecimal(pct[i], out var p)) { return null; }
            parts.Add(new BlendComponent(GreenhouseGas.Normalize(gases[i]), p / 100m));
        }
        try
        {
            return new RefrigerantBlend(m.Groups["code"].Value, parts, "MOENV 6.0.4(修) sheet 4 (IPCC 2006 GL Vol.3 Ch.7 Table 7.8 compositions)");
        }
        catch (Common.DomainException)
        {
            return null; // a composition that does not sum to 100 % in the source is left out rather than guessed
        }
    }

    /// <summary>The leading ASCII formula of a MOENV label: "HFC-32/R-32二氟甲烷，CH2F2" → HFC-32; "SF6，六氟化硫" → SF6.</summary>
    private static string? MoenvGasCode(string label)
    {
        var m = MoenvCode().Match(label);
        return m.Success ? GreenhouseGas.Normalize(m.Value) : null;
    }

    [GeneratedRegex(@"^(?<gases>[A-Za-z0-9\-/]+) \((?<pct>[0-9./]+) wt%\)$", RegexOptions.CultureInvariant)]
    private static partial Regex BlendFormula();

    [GeneratedRegex(@"^(?<code>R-\d{3}[A-Z]?)，\s*(?<gases>[A-Za-z0-9\-/ ]+?)\s*\((?<pct>[0-9./ ]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex MoenvBlend();

    [GeneratedRegex(@"^[A-Za-z0-9\-\(\)]+?(?=[/，,\s]|[^\x00-\x7F]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex MoenvCode();

    private static IEnumerable<EmissionFactor> LoadMoenvFuels()
    {
        var groups = Rows("tw_moenv_v604_fuel_emission_factors.csv")
            .Where(r => r["moenv_recommended_ef"] != "-" && r["moenv_recommended_ef"].Length > 0)
            // Sheets 2-3 (CH4, N2O) add an English abbreviation that sheet 1 (CO2) lacks — 液化石油氣(LPG), 液化天然氣(LNG),
            // 天然氣凝結油(NGLs) — so the name is normalised before grouping, or those fuels would lose CH4 and N2O.
            .GroupBy(r => (Form: r["emission_form"], Fuel: MoenvAbbreviationSuffix().Replace(r["fuel_zh"], "")));
        foreach (var g in groups)
        {
            var gases = new List<GasFactor>(3);
            Unit? per = null;
            decimal? uncertainty = null;
            HeatingValue? heating = null;
            string? ipccName = null;
            foreach (var row in g)
            {
                var unitText = row["moenv_recommended_unit"]; // e.g. KgCO2/L
                var slash = unitText.IndexOf('/', StringComparison.Ordinal);
                per = UnitCatalog.Parse(unitText[(slash + 1)..].Replace("M3", "m3", StringComparison.Ordinal).Replace("Kg", "kg", StringComparison.Ordinal), "moenv_recommended_unit");
                var gas = row["gas"] switch
                {
                    "CO2" => GreenhouseGas.CO2,
                    "CH4" => GreenhouseGas.CH4,
                    "N2O" => GreenhouseGas.N2O,
                    var other => throw new InvalidOperationException($"unexpected gas {other} in MOENV fuel table"),
                };
                gases.Add(new GasFactor(gas, decimal.Parse(row["moenv_recommended_ef"], NumberStyles.Float, CultureInfo.InvariantCulture), UnitCatalog.Kilogram));
                ipccName = row["ipcc_fuel_name"];
                if (gas == GreenhouseGas.CO2 && TryDecimal(row["ipcc_unc_95_low_frac"], out var lo) && TryDecimal(row["ipcc_unc_95_high_frac"], out var hi))
                {
                    uncertainty = Math.Round(Math.Max(lo, hi) * 100m, 2);
                }
                if (heating is null && TryDecimal(row["tw_heating_value"], out var hv) && hv > 0)
                {
                    var hvUnit = row["tw_heating_value_unit"];
                    var perText = hvUnit[(hvUnit.IndexOf('/', StringComparison.Ordinal) + 1)..];
                    var perUnit = perText.Equals("M3", StringComparison.OrdinalIgnoreCase) ? UnitCatalog.CubicMetre
                        : perText.Equals("Kg", StringComparison.OrdinalIgnoreCase) ? UnitCatalog.Kilogram : UnitCatalog.Litre;
                    heating = new HeatingValue(hv, UnitCatalog.Kilocalorie, perUnit);
                }
            }
            var key = $"moenv604/{g.Key.Form}/{g.Key.Fuel}";
            var name = $"{g.Key.Fuel} ({ipccName}), {g.Key.Form}";
            const string source = "MOENV 溫室氣體排放係數管理表 6.0.4(修) sheets 1-3 (recommended per-unit factor = IPCC 2006 default × Taiwan heating value)";
            yield return new EmissionFactor(key, Moenv604, name, per!, gases, status: "verified", source: source, uncertaintyPercent: uncertainty, heatingValue: heating);
            if (FuelAliases.TryGetValue(g.Key.Fuel, out var alias))
            {
                yield return new EmissionFactor($"moenv604/{g.Key.Form}/{alias}", Moenv604, name, per!, gases, status: "verified", source: source, uncertaintyPercent: uncertainty, heatingValue: heating);
            }
        }
    }

    [GeneratedRegex(@"\([A-Za-z]+\)$", RegexOptions.CultureInvariant)]
    private static partial Regex MoenvAbbreviationSuffix();

    private static IEnumerable<EmissionFactor> LoadGrid()
    {
        foreach (var row in Rows("tw_electricity_emission_factors.csv"))
        {
            // Only the current official series; superseded pre-2018 values and the 2025 target baseline are not factors.
            if (!row["series"].StartsWith("current official", StringComparison.Ordinal)) { continue; }
            var year = int.Parse(row["year_ad"], CultureInfo.InvariantCulture);
            var value = decimal.Parse(row["kgCO2e_per_kWh"], CultureInfo.InvariantCulture);
            var status = row["status"].StartsWith("UNVERIFIED", StringComparison.Ordinal) ? "UNVERIFIED" : "verified";
            yield return new EmissionFactor(GridFactorKey, TaiwanGrid, $"Taiwan grid electricity {year} (ROC {row["year_roc"]})", UnitCatalog.KilowattHour,
                [new GasFactor(GreenhouseGas.CO2e, value, UnitCatalog.Kilogram)], year, status, row["source"]);
        }
    }

    private static IEnumerable<EmissionFactor> LoadIpcc2006()
    {
        var rows = Rows("ipcc2006_combustion_defaults.csv").ToList();
        var co2 = rows.Where(r => r["parameter"] == "CO2" && r["combustion"] == "stationary")
            .ToDictionary(r => r["ipcc_fuel"], r => decimal.Parse(r["value"], CultureInfo.InvariantCulture), StringComparer.Ordinal);
        foreach (var g in rows.Where(r => r["parameter"] is "CH4" or "N2O").GroupBy(r => (r["combustion"], r["sector"], r["ipcc_fuel"])))
        {
            var (combustion, sector, fuel) = g.Key;
            var gases = new List<GasFactor>(3);
            if (combustion == "stationary" && co2.TryGetValue(fuel, out var c))
            {
                gases.Add(new GasFactor(GreenhouseGas.CO2, c, UnitCatalog.Kilogram));
            }
            else if (combustion == "mobile")
            {
                var m = rows.FirstOrDefault(r => r["combustion"] == "mobile" && r["sector"] == sector && r["ipcc_fuel"] == fuel && r["parameter"] == "CO2");
                if (m is not null) { gases.Add(new GasFactor(GreenhouseGas.CO2, decimal.Parse(m["value"], CultureInfo.InvariantCulture), UnitCatalog.Kilogram)); }
            }
            foreach (var r in g)
            {
                gases.Add(new GasFactor(r["parameter"] == "CH4" ? GreenhouseGas.CH4 : GreenhouseGas.N2O, decimal.Parse(r["value"], CultureInfo.InvariantCulture), UnitCatalog.Kilogram));
            }
            var key = $"ipcc2006/{combustion}/{Slug(sector)}/{Slug(fuel)}";
            yield return new EmissionFactor(key, Ipcc2006, $"{fuel}, {combustion}, {sector} (per TJ, net calorific basis)", UnitCatalog.Terajoule, gases,
                status: "verified", source: string.Join("; ", g.Select(r => r["ipcc_table"]).Distinct()));
        }
    }

    private static string Slug(string text) => SlugChars().Replace(text.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex SlugChars();

    private static IEnumerable<RefrigerantLeakRate> LoadLeakRates()
    {
        foreach (var row in Rows("tw_moenv_v604_refrigerant_leakage_defaults.csv"))
        {
            yield return new RefrigerantLeakRate(Slug(row["equipment_ipcc"]), row["equipment_zh"], row["equipment_ipcc"],
                decimal.Parse(row["annual_leak_rate_pct_of_charge_low"], CultureInfo.InvariantCulture),
                decimal.Parse(row["annual_leak_rate_pct_of_charge_high"], CultureInfo.InvariantCulture),
                TryDecimal(row["recovery_efficiency_pct"], out var rec) ? rec : null,
                row["source"]);
        }
    }
}
