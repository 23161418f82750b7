using System.Collections.Frozen;

namespace CarbonLedger.Units;

/// <summary>Every unit CarbonLedger understands, with the aliases Taiwanese forms and invoices use
/// (度 = kWh, 公升 = L, 公噸 = t, 人時 = person-hour …). Sizes are exact by definition:
/// 1 kWh = 3.6 MJ; 1 kcal (International Table) = 4.1868 kJ, the calorie MOENV's heating values use
/// (diesel 8,400 kcal/L × 4.1868 kJ/kcal × 74,100 kg CO2/TJ = 2.6060 kg CO2/L, its table 6.0.4);
/// 1 US gal = 3.785411784 L; 1 bbl = 158.987294928 L; 1 lb = 0.45359237 kg; 1 mi = 1.609344 km.</summary>
public static class UnitCatalog
{
    // Mass (base kg)
    public static readonly Unit Gram = new("g", Dimension.Mass, 0.001m, name: "gram");
    public static readonly Unit Kilogram = new("kg", Dimension.Mass, 1m, name: "kilogram");
    public static readonly Unit Tonne = new("t", Dimension.Mass, 1000m, name: "tonne");
    public static readonly Unit Kilotonne = new("kt", Dimension.Mass, 1_000_000m, name: "kilotonne");
    public static readonly Unit Pound = new("lb", Dimension.Mass, 0.45359237m, name: "pound");

    // Volume (base L)
    public static readonly Unit Millilitre = new("mL", Dimension.Volume, 0.001m, name: "millilitre");
    public static readonly Unit Litre = new("L", Dimension.Volume, 1m, name: "litre");
    public static readonly Unit Kilolitre = new("kL", Dimension.Volume, 1000m, name: "kilolitre");
    public static readonly Unit CubicMetre = new("m3", Dimension.Volume, 1000m, name: "cubic metre");
    public static readonly Unit ThousandCubicMetres = new("1000m3", Dimension.Volume, 1_000_000m, name: "thousand cubic metres");
    public static readonly Unit UsGallon = new("gal", Dimension.Volume, 3.785411784m, name: "US gallon");
    public static readonly Unit Barrel = new("bbl", Dimension.Volume, 158.987294928m, name: "barrel");

    // Energy (base MJ)
    public static readonly Unit Kilojoule = new("kJ", Dimension.Energy, 0.001m, name: "kilojoule");
    public static readonly Unit Megajoule = new("MJ", Dimension.Energy, 1m, name: "megajoule");
    public static readonly Unit Gigajoule = new("GJ", Dimension.Energy, 1000m, name: "gigajoule");
    public static readonly Unit Terajoule = new("TJ", Dimension.Energy, 1_000_000m, name: "terajoule");
    public static readonly Unit KilowattHour = new("kWh", Dimension.Energy, 3.6m, name: "kilowatt-hour");
    public static readonly Unit MegawattHour = new("MWh", Dimension.Energy, 3600m, name: "megawatt-hour");
    public static readonly Unit GigawattHour = new("GWh", Dimension.Energy, 3_600_000m, name: "gigawatt-hour");
    public static readonly Unit Kilocalorie = new("kcal", Dimension.Energy, 0.0041868m, name: "kilocalorie (IT)");
    public static readonly Unit Megacalorie = new("Mcal", Dimension.Energy, 4.1868m, name: "megacalorie (IT)");

    // Distance (base km)
    public static readonly Unit Metre = new("m", Dimension.Distance, 0.001m, name: "metre");
    public static readonly Unit Kilometre = new("km", Dimension.Distance, 1m, name: "kilometre");
    public static readonly Unit Mile = new("mi", Dimension.Distance, 1.609344m, name: "mile");

    // Transport work
    public static readonly Unit TonneKilometre = new("tkm", Dimension.MassDistance, 1m, name: "tonne-kilometre");
    public static readonly Unit PassengerKilometre = new("pkm", Dimension.PassengerDistance, 1m, name: "passenger-kilometre");

    // Time and working time
    public static readonly Unit Hour = new("h", Dimension.Time, 1m, name: "hour");
    public static readonly Unit Day = new("d", Dimension.Time, 24m, name: "day");
    public static readonly Unit PersonHour = new("person-h", Dimension.PersonTime, 1m, name: "person-hour");
    public static readonly Unit PersonDay = new("person-d", Dimension.PersonTime, 24m, name: "person-day (24 h)");

    // Area, count, dimensionless
    public static readonly Unit SquareMetre = new("m2", Dimension.Area, 1m, name: "square metre");
    public static readonly Unit Item = new("item", Dimension.Count, 1m, name: "item");
    public static readonly Unit One = new("1", Dimension.Dimensionless, 1m, name: "one");
    public static readonly Unit Percent = new("%", Dimension.Dimensionless, 0.01m, name: "percent");

    // Money: one family per currency
    public static readonly Unit Ntd = new("NTD", Dimension.Currency, 1m, "TWD", "New Taiwan dollar");
    public static readonly Unit ThousandNtd = new("kNTD", Dimension.Currency, 1000m, "TWD", "thousand NTD");
    public static readonly Unit MillionNtd = new("mNTD", Dimension.Currency, 1_000_000m, "TWD", "million NTD");
    public static readonly Unit Usd = new("USD", Dimension.Currency, 1m, "USD", "US dollar");
    public static readonly Unit Eur = new("EUR", Dimension.Currency, 1m, "EUR", "euro");

    private static readonly FrozenDictionary<string, Unit> ByCode;

    static UnitCatalog()
    {
        var all = new[]
        {
            Gram, Kilogram, Tonne, Kilotonne, Pound, Millilitre, Litre, Kilolitre, CubicMetre, ThousandCubicMetres,
            UsGallon, Barrel, Kilojoule, Megajoule, Gigajoule, Terajoule, KilowattHour, MegawattHour, GigawattHour,
            Kilocalorie, Megacalorie, Metre, Kilometre, Mile, TonneKilometre, PassengerKilometre, Hour, Day,
            PersonHour, PersonDay, SquareMetre, Item, One, Percent, Ntd, ThousandNtd, MillionNtd, Usd, Eur,
        };
        All = all;
        var map = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var u in all)
        {
            map[u.Code] = u;
        }
        void Alias(Unit u, params string[] names)
        {
            foreach (var n in names)
            {
                map[n] = u;
            }
        }
        Alias(Kilogram, "KG", "Kg", "kgs", "公斤");
        Alias(Gram, "公克");
        Alias(Tonne, "tonne", "tonnes", "公噸", "ton", "mt");
        Alias(Litre, "l", "litre", "liter", "公升");
        Alias(Kilolitre, "KL", "kl", "公秉");
        Alias(CubicMetre, "m³", "M3", "Nm3", "立方公尺", "度(水)");
        Alias(ThousandCubicMetres, "千立方公尺");
        Alias(KilowattHour, "kwh", "KWH", "度");
        Alias(MegawattHour, "mwh", "MWH", "千度");
        Alias(Gigajoule, "gj");
        Alias(Terajoule, "tj");
        Alias(Megajoule, "mj");
        Alias(Kilocalorie, "Kcal", "千卡");
        Alias(Kilometre, "KM", "公里");
        Alias(TonneKilometre, "t-km", "t·km", "tonne-km", "延噸公里", "噸公里");
        Alias(PassengerKilometre, "p-km", "passenger-km", "人公里", "延人公里");
        Alias(Hour, "hr", "hours", "小時");
        Alias(PersonHour, "person-hour", "person-hours", "人時", "人小時");
        Alias(Item, "pcs", "unit", "units", "個", "支", "件");
        Alias(Ntd, "TWD", "NT$", "元");
        Alias(SquareMetre, "m²", "平方公尺");
        ByCode = map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every unit, canonical codes only.</summary>
    public static IReadOnlyList<Unit> All { get; }

    /// <summary>Finds a unit by its code or alias, exactly as written (trimmed). Units are case-sensitive where it
    /// matters (mL vs ML, MWh vs mWh): only the listed spellings are accepted.</summary>
    public static bool TryParse(string? text, out Unit unit)
    {
        unit = Kilogram;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        if (ByCode.TryGetValue(text.Trim(), out var found))
        {
            unit = found;
            return true;
        }
        return false;
    }

    /// <summary>Like <see cref="TryParse"/> but throws a <see cref="Common.DomainException"/> naming the text.</summary>
    public static Unit Parse(string text, string field = "unit")
    {
        if (TryParse(text, out var unit))
        {
            return unit;
        }
        throw new Common.DomainException(field, $"unknown unit '{text}'", $"未知的單位「{text}」");
    }
}
