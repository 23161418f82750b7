namespace CarbonLedger.Import;

/// <summary>The four inventory import templates (issue 2 item 7; SPEC §1 "Import").</summary>
public enum TemplateKind
{
    /// <summary>Legal entities and their facilities (據點).</summary>
    Facilities,
    /// <summary>Emission sources (排放源) per facility.</summary>
    Sources,
    /// <summary>Activity data (活動數據) per source and period.</summary>
    Activity,
    /// <summary>The organization's own emission factors (排放係數), one row per gas.</summary>
    Factors,
    /// <summary>A published emission table to recompute in an internal audit (內部稽核); not part of an inventory import.</summary>
    PublishedTable,
}

/// <summary>How a column's values are written; decides how the .xlsx template stores the example.</summary>
public enum ColumnFormat
{
    Text,
    Number,
}

/// <summary>One fixed column of a template: the English header, the zh-TW header accepted as an alias, whether a value
/// is required, what it means (both languages, for the README sheet) and an example value.</summary>
public sealed record TemplateColumn(string Name, string NameZh, bool Required, ColumnFormat Format, string Description, string DescriptionZh, string Example);

/// <summary>A template: its file stem / sheet name in English and zh-TW and its columns in order.</summary>
public sealed record ImportTemplate(TemplateKind Kind, string Name, string NameZh, IReadOnlyList<TemplateColumn> Columns)
{
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }
        throw new ArgumentException($"template {Name} has no column {column}", nameof(column));
    }
}

/// <summary>The template definitions shared by the parsers and <see cref="TemplateWriter"/>.</summary>
public static class ImportTemplates
{
    private const string Yes = "yes/no, true/false, 1/0 or 是/否";

    public static readonly ImportTemplate Facilities = new(TemplateKind.Facilities, "facilities", "據點",
    [
        new("entity_name", "法人名稱", true, ColumnFormat.Text, "Legal entity that owns the facility; rows with the same name form one entity", "擁有此據點的法人；同名的列屬於同一法人", "Formosa Trading Co., Ltd."),
        new("entity_ownership_percent", "法人持股比例", false, ColumnFormat.Number, "Organization's equity in the entity, 0-100 (empty = 100)", "組織對該法人的持股比例 0-100（空白 = 100）", "100"),
        new("facility_code", "據點代碼", true, ColumnFormat.Text, "Unique code of the facility; sources refer to it", "據點唯一代碼；排放源以此參照", "TPE-HQ"),
        new("facility_name", "據點名稱", true, ColumnFormat.Text, "Facility name", "據點名稱", "Taipei head office"),
        new("ownership_percent", "持股比例", false, ColumnFormat.Number, "Entity's equity in the facility, 0-100 (empty = 100)", "法人對據點的持股比例 0-100（空白 = 100）", "100"),
        new("operational_control", "營運控制權", false, ColumnFormat.Text, "Operational control: " + Yes + " (empty = yes)", "營運控制權：" + Yes + "（空白 = 是）", "yes"),
        new("financial_control", "財務控制權", false, ColumnFormat.Text, "Financial control: " + Yes + " (empty = yes)", "財務控制權：" + Yes + "（空白 = 是）", "yes"),
        new("address", "地址", false, ColumnFormat.Text, "Street address", "地址", "No. 1, Sec. 1, Zhongxiao E. Rd., Taipei"),
    ]);

    public static readonly ImportTemplate Sources = new(TemplateKind.Sources, "sources", "排放源",
    [
        new("source_code", "排放源代碼", true, ColumnFormat.Text, "Unique code of the emission source; activity rows refer to it", "排放源唯一代碼；活動數據以此參照", "TPE-ELEC"),
        new("facility_code", "據點代碼", true, ColumnFormat.Text, "Facility of the source (in the facilities file or already stored)", "所屬據點代碼（據點檔或已建立者）", "TPE-HQ"),
        new("name", "排放源名稱", true, ColumnFormat.Text, "Name of the source", "排放源名稱", "Purchased electricity, head office"),
        new("source_type", "排放源類型", true, ColumnFormat.Text,
            "StationaryCombustion, MobileCombustion, Process, FugitiveRefrigerant, FugitiveFireExtinguisher, FugitiveSf6, FugitiveSeptic, FugitiveOther, PurchasedElectricity, PurchasedSteam or Scope3",
            "固定燃燒、移動燃燒、製程、冷媒、滅火器、SF6、化糞池、其他逸散、外購電力、外購蒸汽或範疇三", "PurchasedElectricity"),
        new("scope3_category", "範疇三類別", false, ColumnFormat.Number, "GHG Protocol Scope 3 category 1-15; required for Scope3 sources, empty otherwise", "範疇三類別 1-15；範疇三排放源必填，其他留空", ""),
        new("factor_key", "排放係數代碼", true, ColumnFormat.Text, "Emission factor key (e.g. tw-grid, moenv604/stationary/diesel, or a key of the factors file)", "排放係數代碼（如 tw-grid、moenv604/stationary/diesel 或排放係數檔中的代碼）", "tw-grid"),
        new("department", "部門", false, ColumnFormat.Text, "Department that owns the source", "負責部門", "Administration"),
        new("exclusion_reason", "排除理由", false, ColumnFormat.Text, "Set only when the source is identified but excluded from quantification", "僅在排放源經鑑別但不予量化時填寫理由", ""),
    ]);

    public static readonly ImportTemplate Activity = new(TemplateKind.Activity, "activity", "活動數據",
    [
        new("source_code", "排放源代碼", true, ColumnFormat.Text, "Emission source (in the sources file or already stored)", "排放源代碼（排放源檔或已建立者）", "TPE-ELEC"),
        new("period_start", "起始日期", true, ColumnFormat.Text, "First day covered, yyyy-MM-dd, inside the reporting period", "涵蓋期間起日 yyyy-MM-dd，須在盤查期間內", "2024-01-01"),
        new("period_end", "結束日期", true, ColumnFormat.Text, "Last day covered (inclusive), yyyy-MM-dd, not before period_start", "涵蓋期間迄日（含）yyyy-MM-dd，不得早於起日", "2024-01-31"),
        new("quantity", "活動數據", true, ColumnFormat.Number, "Amount, a non-negative number with '.' as decimal point", "數量，非負數，小數點用 '.'", "12345.6"),
        new("unit", "單位", true, ColumnFormat.Text, "Unit code or alias (kWh, 度, L, 公升, kg, t, m3, km, tkm, person-h, NTD …); must convert to the factor's unit", "單位代碼或別名（kWh、度、L、公升、kg、t、m3…）；須可換算為排放係數的單位", "kWh"),
        new("data_quality", "數據品質", true, ColumnFormat.Text, "measured / calculated / estimated, or 1 / 2 / 3, or 量測 / 計算 / 推估", "量測 / 計算 / 推估，或 1 / 2 / 3，或 measured / calculated / estimated", "measured"),
        new("evidence", "佐證文件", false, ColumnFormat.Text, "Evidence reference: invoice number, meter id, document hash", "佐證：發票號碼、電表號碼、文件雜湊", "Taipower bill 2024-01"),
        new("uncertainty_percent", "不確定性百分比", false, ColumnFormat.Number, "Half-width of the 95 % interval in percent (empty = default for the data-quality level)", "95% 信賴區間半寬（%）；空白則依數據品質採預設值", "2"),
        new("note", "備註", false, ColumnFormat.Text, "Free text", "備註", ""),
    ]);

    public static readonly ImportTemplate Factors = new(TemplateKind.Factors, "factors", "排放係數",
    [
        new("factor_key", "排放係數代碼", true, ColumnFormat.Text, "Key sources refer to; rows with the same key and year form one factor", "排放源參照的代碼；相同代碼與年度的列組成同一係數", "supplier/acme-steel"),
        new("name", "名稱", true, ColumnFormat.Text, "Factor name", "係數名稱", "ACME steel, cradle-to-gate"),
        new("year", "年度", false, ColumnFormat.Number, "Year the factor applies to (empty = every year)", "適用年度（空白 = 各年度皆適用）", "2024"),
        new("per_unit", "活動單位", true, ColumnFormat.Text, "Unit of activity the value is per (kg, t, kWh, L, NTD …)", "係數所對應的活動單位（kg、t、kWh、L、NTD…）", "t"),
        new("gas", "溫室氣體", true, ColumnFormat.Text, "Gas code: CO2, CH4, N2O, HFC-134a, SF6, CO2e …; one row per gas", "氣體代碼：CO2、CH4、N2O、HFC-134a、SF6、CO2e…；每種氣體一列", "CO2e"),
        new("value", "係數值", true, ColumnFormat.Number, "Mass of the gas per one per_unit, non-negative", "每一活動單位排放之氣體質量，非負數", "1850"),
        new("mass_unit", "質量單位", true, ColumnFormat.Text, "Mass unit of the value (g, kg, t)", "係數值的質量單位（g、kg、t）", "kg"),
        new("source", "來源", true, ColumnFormat.Text, "Where the value comes from (supplier declaration, EPD, measurement)", "係數來源（供應商聲明、EPD、量測）", "ACME EPD 2024"),
        new("uncertainty_percent", "不確定性百分比", false, ColumnFormat.Number, "Half-width of the 95 % interval in percent, where known", "95% 信賴區間半寬（%），如有", "10"),
    ]);

    /// <summary>In the order an import applies them: factors before the sources that use them, facilities before sources,
    /// sources before activity.</summary>
    public static readonly IReadOnlyList<ImportTemplate> All = [Factors, Facilities, Sources, Activity];

    public static ImportTemplate For(TemplateKind kind) => kind switch
    {
        TemplateKind.Facilities => Facilities,
        TemplateKind.Sources => Sources,
        TemplateKind.Activity => Activity,
        TemplateKind.Factors => Factors,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The template whose English or zh-TW name is <paramref name="name"/> (a sheet name or a CSV file stem).</summary>
    public static bool TryFind(string name, out ImportTemplate template)
    {
        ArgumentNullException.ThrowIfNull(name);
        var n = name.Trim();
        foreach (var t in All)
        {
            if (string.Equals(t.Name, n, StringComparison.OrdinalIgnoreCase) || string.Equals(t.NameZh, n, StringComparison.Ordinal))
            {
                template = t;
                return true;
            }
        }
        template = Facilities;
        return false;
    }
}
