using System.Collections.Frozen;
using CarbonLedger.Factors;
using CarbonLedger.Inventory;

namespace CarbonLedger.Reports.Inventory;

/// <summary>Every label an inventory report prints. One key, two translations; the zh-TW side uses the terms
/// Taiwanese inventory users know from MOENV's forms (範疇, 類別, 排放源, 活動數據, 排放係數, 彙整表).</summary>
public enum ReportText
{
    Title, Organization, PreparedBy, GeneratedAt, LanguageName, GwpSetUsed, ReportingPeriod, FactorYear,
    Contents, CompleteStatement, IncompleteStatement, RoundingRule, MoenvBasisNote, Scope2BasisNote,
    Boundary, BoundaryDescription, ConsolidationApproach, LegalEntities, Facilities,
    BaseYear, BaseYearEmissions, ChangeFromBaseYear, RecalculationCheck, RecalculationRequired, RecalculationNotRequired,
    CumulativeImpact, Threshold, StructuralChanges, NoRecalculationData,
    Sources, Methods, FactorsUsed, GwpValuesApplied, Results,
    ResultsByScope, ResultsByIsoCategory, ResultsByScope3Category, ResultsByGas, ResultsByGasGroup,
    ResultsByFacility, ResultsByDepartment, ResultsByMonth, ResultsByEmissionType,
    Scope2Dual, Instruments, BiogenicCo2, BiogenicNote, Exclusions, Problems, Notes, DataQuality,
    MoenvTable2, MoenvTable3, MoenvTable4, EmissionLines, ChartByScope, ChartByMonth,
    Code, Name, Facility, LegalEntity, ParentEntity, TaxId, OwnershipPercent, OperationalControl, FinancialControl,
    ConsolidationShare, Address, SourceType, Scope, IsoCategory, Scope3Category, EmissionType, FactorKey, Department,
    Formula, FactorSet, Publisher, Version, Year, Status, SourceCitation, Region, Licence, PerUnit, Gas, GasGroup,
    FactorValue, Unit, Gwp, GwpProvenance, Uncertainty, HeatingValue, FactorNote, UsedBy,
    Tonnes, Share, Total, LocationBased, MarketBased, Difference,
    InstrumentType, Reference, Period, EmissionRate, TotalKwh, AppliedKwh, UnusedKwh, ElectricityKwh,
    What, Reason, Location, Message, Level, Records, QuantifiedTonnes, UnquantifiedTonnes, TotalUncertainty,
    DefaultUncertaintyAssumption, DefaultActivityUncertainty, Month, Activity, ActivityUnit, ActivityInFactorUnit, GasKilograms,
    Scope2Method, Evidence, IsBiogenic, CountsInLocationBased, CountsInMarketBased, ActivityId, DataQualityLevel,
    Yes, No, NoneRecorded, NoDepartment, Scope1Subtotal, OtherGases, SheetSummary,
    SheetBoundary, SheetEntities, SheetSources, SheetMethods, SheetFactors, SheetGwp, SheetByScope, SheetByIso, SheetByScope3, SheetByGas, SheetByGasGroup, SheetByFacility, SheetByDepartment, SheetByMonth, SheetByEmissionType, SheetScope2, SheetInstruments, SheetMoenv2, SheetMoenv3, SheetMoenv4, SheetExclusions, SheetProblems, SheetNotes, SheetDataQuality, SheetLines, Key, Item, Text, Value, DisplayShare, BaseYearNone, IsSubtotal,
    Scope1, Scope2, Scope3,
    Iso1, Iso2, Iso3, Iso4, Iso5, Iso6,
    S3Cat1, S3Cat2, S3Cat3, S3Cat4, S3Cat5, S3Cat6, S3Cat7, S3Cat8, S3Cat9, S3Cat10, S3Cat11, S3Cat12, S3Cat13, S3Cat14, S3Cat15,
    TypeStationary, TypeProcess, TypeMobile, TypeFugitive, TypeEnergyIndirect, TypeOtherIndirect,
    SrcStationaryCombustion, SrcMobileCombustion, SrcProcess, SrcFugitiveRefrigerant, SrcFugitiveFireExtinguisher,
    SrcFugitiveSf6, SrcFugitiveSeptic, SrcFugitiveOther, SrcPurchasedElectricity, SrcPurchasedSteam, SrcScope3,
    FormulaCombustion, FormulaProcess, FormulaRefrigerant, FormulaFireExtinguisher, FormulaSf6, FormulaSeptic,
    FormulaFugitiveOther, FormulaElectricity, FormulaSteam, FormulaScope3,
    QualityMeasured, QualityCalculated, QualityEstimated,
    MethodLocationBased, MethodMarketBased,
    ApproachOperationalControl, ApproachFinancialControl, ApproachEquityShare,
    InstrumentRec, InstrumentGreenPower, InstrumentSupplierSpecific,
}

/// <summary>The label table for one language: <c>ReportStrings.For(ReportLanguage.ZhTw)[ReportText.Scope1]</c> →
/// 範疇一. Both languages are complete (a test checks every key), and the enum helpers map Core's enums to keys.</summary>
public sealed class ReportStrings
{
    private static readonly (ReportText Key, string ZhTw, string English)[] Table =
    [
        (ReportText.Title, "溫室氣體盤查報告書", "Greenhouse gas inventory report"),
        (ReportText.Organization, "組織名稱", "Organization"),
        (ReportText.PreparedBy, "編製者", "Prepared by"),
        (ReportText.GeneratedAt, "產出時間 (UTC)", "Generated at (UTC)"),
        (ReportText.LanguageName, "繁體中文", "English"),
        (ReportText.GwpSetUsed, "採用之全球暖化潛勢版本", "GWP set used"),
        (ReportText.ReportingPeriod, "盤查期間", "Reporting period"),
        (ReportText.FactorYear, "係數年度", "Factor year"),
        (ReportText.Contents, "目錄", "Contents"),
        (ReportText.CompleteStatement, "本盤查之所有活動數據均已完成計算。", "Every activity record of this inventory was calculated."),
        (ReportText.IncompleteStatement, "本盤查尚未完整：下列活動數據無法計算，總量未包含這些排放。", "This inventory is incomplete: the activity records below could not be calculated and the totals leave them out."),
        (ReportText.RoundingRule, "捨入規則：排放量以公噸 CO2e 顯示至小數第三位（四捨五入），比例以最大餘數法顯示至小數第二位，使各表顯示之比例合計恰為 100.00 %；xlsx 與 JSON 保留完整精度之數值。",
            "Rounding: tonnes are shown to three decimals (half away from zero); shares are shown to two decimals using the largest-remainder method, so the displayed shares of each table add to exactly 100.00 %; the xlsx and JSON carry the full-precision values."),
        (ReportText.MoenvBasisNote, "彙整表與各項分析之範疇二以位置基礎計算（環境部盤查登錄之方式）。", "The MOENV summary tables and the breakdowns use location-based Scope 2 (as MOENV's inventory registry does)."),
        (ReportText.Scope2BasisNote, "範疇二雙軌揭露：位置基礎採電網平均係數，市場基礎採契約工具（再生能源憑證、綠電、供應商係數）後之剩餘電量係數。",
            "Scope 2 dual reporting: location-based uses the grid-average factor; market-based uses contractual instruments (RECs, green power, supplier rates) and a residual factor for the rest."),
        (ReportText.Boundary, "組織邊界", "Organizational boundary"),
        (ReportText.BoundaryDescription, "邊界說明", "Boundary description"),
        (ReportText.ConsolidationApproach, "邊界設定方法", "Consolidation approach"),
        (ReportText.LegalEntities, "法人", "Legal entities"),
        (ReportText.Facilities, "廠區／據點", "Facilities"),
        (ReportText.BaseYear, "基準年", "Base year"),
        (ReportText.BaseYearEmissions, "基準年排放量", "Base-year emissions"),
        (ReportText.ChangeFromBaseYear, "相較基準年之變化", "Change from base year"),
        (ReportText.RecalculationCheck, "基準年重新計算檢核", "Base-year recalculation check"),
        (ReportText.RecalculationRequired, "需重新計算基準年", "Base year must be recalculated"),
        (ReportText.RecalculationNotRequired, "無須重新計算基準年", "No base-year recalculation needed"),
        (ReportText.CumulativeImpact, "累計影響", "Cumulative impact"),
        (ReportText.Threshold, "顯著性門檻", "Significance threshold"),
        (ReportText.StructuralChanges, "結構變化", "Structural changes"),
        (ReportText.NoRecalculationData, "未提供基準年排放量或結構變化資料，未執行重新計算檢核。", "No base-year emissions or structural changes were supplied; the recalculation check was not run."),
        (ReportText.Sources, "排放源鑑別", "Emission sources"),
        (ReportText.Methods, "量化方法", "Quantification methods"),
        (ReportText.FactorsUsed, "採用之排放係數及來源", "Emission factors used and their provenance"),
        (ReportText.GwpValuesApplied, "採用之全球暖化潛勢值", "Global warming potentials applied"),
        (ReportText.Results, "盤查結果", "Results"),
        (ReportText.ResultsByScope, "依範疇", "By scope"),
        (ReportText.ResultsByIsoCategory, "依 ISO 14064-1 類別", "By ISO 14064-1 category"),
        (ReportText.ResultsByScope3Category, "依範疇三類別", "By Scope 3 category"),
        (ReportText.ResultsByGas, "依溫室氣體", "By gas"),
        (ReportText.ResultsByGasGroup, "依溫室氣體類別", "By gas group"),
        (ReportText.ResultsByFacility, "依廠區", "By facility"),
        (ReportText.ResultsByDepartment, "依部門", "By department"),
        (ReportText.ResultsByMonth, "依月份", "By month"),
        (ReportText.ResultsByEmissionType, "依排放型式", "By emission type"),
        (ReportText.Scope2Dual, "範疇二雙軌結果（位置基礎／市場基礎）", "Scope 2 dual results (location-based / market-based)"),
        (ReportText.Instruments, "契約工具使用情形", "Contractual instruments used"),
        (ReportText.BiogenicCo2, "生質排放 CO2", "Biogenic CO2"),
        (ReportText.BiogenicNote, "生質排放之 CO2 另行揭露，不計入範疇一、二、三總量。", "Biogenic CO2 is reported separately and is not counted in Scopes 1-3."),
        (ReportText.Exclusions, "排除之排放源及理由", "Exclusions and reasons"),
        (ReportText.Problems, "無法計算之活動數據", "Activity records that could not be calculated"),
        (ReportText.Notes, "方法說明", "Methodological notes"),
        (ReportText.DataQuality, "數據品質與不確定性", "Data quality and uncertainty"),
        (ReportText.MoenvTable2, "彙整表二：七種溫室氣體排放量", "MOENV summary table 2 (彙整表二): the seven gases"),
        (ReportText.MoenvTable3, "彙整表三：範疇一七種溫室氣體排放量", "MOENV summary table 3 (彙整表三): Scope 1 by the seven gases"),
        (ReportText.MoenvTable4, "彙整表四：依排放型式之排放量", "MOENV summary table 4 (彙整表四): by emission type"),
        (ReportText.EmissionLines, "排放明細", "Emission lines"),
        (ReportText.ChartByScope, "各範疇排放量", "Emissions by scope"),
        (ReportText.ChartByMonth, "各月排放量", "Emissions by month"),
        (ReportText.Code, "代碼", "Code"),
        (ReportText.Name, "名稱", "Name"),
        (ReportText.Facility, "廠區", "Facility"),
        (ReportText.LegalEntity, "法人", "Legal entity"),
        (ReportText.ParentEntity, "母公司", "Parent entity"),
        (ReportText.TaxId, "統一編號", "Tax ID"),
        (ReportText.OwnershipPercent, "持股比例 (%)", "Ownership (%)"),
        (ReportText.OperationalControl, "營運控制權", "Operational control"),
        (ReportText.FinancialControl, "財務控制權", "Financial control"),
        (ReportText.ConsolidationShare, "納入比例 (%)", "Consolidation share (%)"),
        (ReportText.Address, "地址", "Address"),
        (ReportText.SourceType, "排放源類型", "Source type"),
        (ReportText.Scope, "範疇", "Scope"),
        (ReportText.IsoCategory, "ISO 類別", "ISO category"),
        (ReportText.Scope3Category, "範疇三類別", "Scope 3 category"),
        (ReportText.EmissionType, "排放型式", "Emission type"),
        (ReportText.FactorKey, "排放係數代碼", "Factor key"),
        (ReportText.Department, "部門", "Department"),
        (ReportText.Formula, "計算公式", "Formula"),
        (ReportText.FactorSet, "係數集", "Factor set"),
        (ReportText.Publisher, "發布單位", "Publisher"),
        (ReportText.Version, "版本", "Version"),
        (ReportText.Year, "年度", "Year"),
        (ReportText.Status, "狀態", "Status"),
        (ReportText.SourceCitation, "資料來源", "Source"),
        (ReportText.Region, "適用地區", "Region"),
        (ReportText.Licence, "授權", "Licence"),
        (ReportText.PerUnit, "活動數據單位", "Per unit"),
        (ReportText.Gas, "溫室氣體", "Gas"),
        (ReportText.GasGroup, "溫室氣體類別", "Gas group"),
        (ReportText.FactorValue, "排放係數", "Factor value"),
        (ReportText.Unit, "單位", "Unit"),
        (ReportText.Gwp, "全球暖化潛勢", "GWP"),
        (ReportText.GwpProvenance, "全球暖化潛勢來源", "GWP provenance"),
        (ReportText.Uncertainty, "不確定性 (%)", "Uncertainty (%)"),
        (ReportText.HeatingValue, "熱值", "Heating value"),
        (ReportText.FactorNote, "係數備註", "Factor note"),
        (ReportText.UsedBy, "使用之排放源", "Used by"),
        (ReportText.Tonnes, "排放量 (公噸CO2e/年)", "Emissions (tCO2e/yr)"),
        (ReportText.Share, "占比 (%)", "Share (%)"),
        (ReportText.Total, "總計", "Total"),
        (ReportText.LocationBased, "位置基礎", "Location-based"),
        (ReportText.MarketBased, "市場基礎", "Market-based"),
        (ReportText.Difference, "差異", "Difference"),
        (ReportText.InstrumentType, "工具類型", "Instrument type"),
        (ReportText.Reference, "憑證／契約編號", "Reference"),
        (ReportText.Period, "期間", "Period"),
        (ReportText.EmissionRate, "排放率 (kgCO2e/kWh)", "Emission rate (kgCO2e/kWh)"),
        (ReportText.TotalKwh, "總電量 (kWh)", "Total (kWh)"),
        (ReportText.AppliedKwh, "已抵用 (kWh)", "Applied (kWh)"),
        (ReportText.UnusedKwh, "未使用 (kWh)", "Unused (kWh)"),
        (ReportText.ElectricityKwh, "外購電力 (kWh)", "Purchased electricity (kWh)"),
        (ReportText.What, "項目", "What"),
        (ReportText.Reason, "理由", "Reason"),
        (ReportText.Location, "位置", "Location"),
        (ReportText.Message, "說明", "Message"),
        (ReportText.Level, "數據等級", "Level"),
        (ReportText.Records, "筆數", "Records"),
        (ReportText.QuantifiedTonnes, "已量化不確定性之排放量 (公噸CO2e)", "Emissions with quantified uncertainty (tCO2e)"),
        (ReportText.UnquantifiedTonnes, "未量化不確定性之排放量 (公噸CO2e)", "Emissions without quantified uncertainty (tCO2e)"),
        (ReportText.TotalUncertainty, "總不確定性 (95 % 信賴區間, %)", "Total uncertainty (95 % interval, %)"),
        (ReportText.DefaultUncertaintyAssumption, "活動數據未提供不確定性時之預設值：量測 2 %、計算 5 %、估算 20 %（IPCC 2006 第一卷第三章方法一誤差傳播）。",
            "Default activity uncertainty where a record gives none: measured 2 %, calculated 5 %, estimated 20 % (propagated by IPCC 2006 Vol. 1 Ch. 3 Approach 1)."),
        (ReportText.DefaultActivityUncertainty, "活動數據預設不確定性 (%)", "Default activity uncertainty (%)"),
        (ReportText.Month, "月份", "Month"),
        (ReportText.Activity, "活動數據", "Activity"),
        (ReportText.ActivityUnit, "活動數據單位", "Activity unit"),
        (ReportText.ActivityInFactorUnit, "換算後活動數據", "Activity in factor unit"),
        (ReportText.GasKilograms, "氣體排放量 (kg)", "Gas (kg)"),
        (ReportText.Scope2Method, "範疇二計算基礎", "Scope 2 method"),
        (ReportText.Evidence, "佐證資料", "Evidence"),
        (ReportText.IsBiogenic, "生質排放", "Biogenic"),
        (ReportText.CountsInLocationBased, "計入位置基礎總量", "In location-based total"),
        (ReportText.CountsInMarketBased, "計入市場基礎總量", "In market-based total"),
        (ReportText.ActivityId, "活動數據編號", "Activity id"),
        (ReportText.DataQualityLevel, "數據品質", "Data quality"),
        (ReportText.Yes, "是", "Yes"),
        (ReportText.No, "否", "No"),
        (ReportText.NoneRecorded, "無", "None"),
        (ReportText.NoDepartment, "（未指定部門）", "(no department)"),
        (ReportText.Scope1Subtotal, "範疇一小計", "Scope 1 subtotal"),
        (ReportText.OtherGases, "其他（非京都議定書氣體）", "Other (non-Kyoto gases)"),
        (ReportText.SheetSummary, "摘要", "Summary"),
        (ReportText.SheetBoundary, "組織邊界", "Boundary"),
        (ReportText.SheetEntities, "法人", "Legal entities"),
        (ReportText.SheetSources, "排放源", "Sources"),
        (ReportText.SheetMethods, "量化方法", "Methods"),
        (ReportText.SheetFactors, "排放係數", "Factors"),
        (ReportText.SheetGwp, "全球暖化潛勢", "GWP values"),
        (ReportText.SheetByScope, "依範疇", "By scope"),
        (ReportText.SheetByIso, "依類別", "By ISO category"),
        (ReportText.SheetByScope3, "依範疇三類別", "By Scope 3 category"),
        (ReportText.SheetByGas, "依溫室氣體", "By gas"),
        (ReportText.SheetByGasGroup, "依溫室氣體類別", "By gas group"),
        (ReportText.SheetByFacility, "依廠區", "By facility"),
        (ReportText.SheetByDepartment, "依部門", "By department"),
        (ReportText.SheetByMonth, "依月份", "By month"),
        (ReportText.SheetByEmissionType, "依排放型式", "By emission type"),
        (ReportText.SheetScope2, "範疇二雙軌", "Scope 2 dual"),
        (ReportText.SheetInstruments, "契約工具", "Instruments"),
        (ReportText.SheetMoenv2, "彙整表二", "MOENV table 2"),
        (ReportText.SheetMoenv3, "彙整表三", "MOENV table 3"),
        (ReportText.SheetMoenv4, "彙整表四", "MOENV table 4"),
        (ReportText.SheetExclusions, "排除項目", "Exclusions"),
        (ReportText.SheetProblems, "無法計算項目", "Problems"),
        (ReportText.SheetNotes, "方法說明", "Notes"),
        (ReportText.SheetDataQuality, "數據品質", "Data quality"),
        (ReportText.SheetLines, "排放明細", "Emission lines"),
        (ReportText.Key, "鍵值", "Key"),
        (ReportText.Item, "項目名稱", "Item"),
        (ReportText.Text, "內容", "Text"),
        (ReportText.Value, "數值", "Value"),
        (ReportText.DisplayShare, "顯示占比 (%)", "Displayed share (%)"),
        (ReportText.BaseYearNone, "未提供", "not supplied"),
        (ReportText.IsSubtotal, "小計列", "Subtotal row"),
        (ReportText.Scope1, "範疇一", "Scope 1"),
        (ReportText.Scope2, "範疇二", "Scope 2"),
        (ReportText.Scope3, "範疇三", "Scope 3"),
        (ReportText.Iso1, "類別1 直接溫室氣體排放", "Category 1: direct GHG emissions"),
        (ReportText.Iso2, "類別2 輸入能源之間接排放", "Category 2: indirect emissions from imported energy"),
        (ReportText.Iso3, "類別3 運輸之間接排放", "Category 3: indirect emissions from transportation"),
        (ReportText.Iso4, "類別4 組織使用產品之間接排放", "Category 4: indirect emissions from products used by the organization"),
        (ReportText.Iso5, "類別5 使用組織產品之間接排放", "Category 5: indirect emissions from the use of the organization's products"),
        (ReportText.Iso6, "類別6 其他間接排放", "Category 6: indirect emissions from other sources"),
        (ReportText.S3Cat1, "1 購買的商品與服務", "1 Purchased goods and services"),
        (ReportText.S3Cat2, "2 資本財", "2 Capital goods"),
        (ReportText.S3Cat3, "3 燃料與能源相關活動", "3 Fuel- and energy-related activities"),
        (ReportText.S3Cat4, "4 上游運輸與配送", "4 Upstream transportation and distribution"),
        (ReportText.S3Cat5, "5 營運產生之廢棄物", "5 Waste generated in operations"),
        (ReportText.S3Cat6, "6 商務旅行", "6 Business travel"),
        (ReportText.S3Cat7, "7 員工通勤", "7 Employee commuting"),
        (ReportText.S3Cat8, "8 上游租賃資產", "8 Upstream leased assets"),
        (ReportText.S3Cat9, "9 下游運輸與配送", "9 Downstream transportation and distribution"),
        (ReportText.S3Cat10, "10 售出產品之加工", "10 Processing of sold products"),
        (ReportText.S3Cat11, "11 售出產品之使用", "11 Use of sold products"),
        (ReportText.S3Cat12, "12 售出產品之最終處理", "12 End-of-life treatment of sold products"),
        (ReportText.S3Cat13, "13 下游租賃資產", "13 Downstream leased assets"),
        (ReportText.S3Cat14, "14 加盟", "14 Franchises"),
        (ReportText.S3Cat15, "15 投資", "15 Investments"),
        (ReportText.TypeStationary, "固定排放", "Stationary combustion"),
        (ReportText.TypeProcess, "製程排放", "Process"),
        (ReportText.TypeMobile, "移動排放", "Mobile combustion"),
        (ReportText.TypeFugitive, "逸散排放", "Fugitive"),
        (ReportText.TypeEnergyIndirect, "能源間接排放（範疇二）", "Energy indirect (Scope 2)"),
        (ReportText.TypeOtherIndirect, "其他間接排放（範疇三）", "Other indirect (Scope 3)"),
        (ReportText.SrcStationaryCombustion, "固定燃燒源", "Stationary combustion"),
        (ReportText.SrcMobileCombustion, "移動燃燒源", "Mobile combustion"),
        (ReportText.SrcProcess, "製程排放源", "Process"),
        (ReportText.SrcFugitiveRefrigerant, "冷媒逸散", "Refrigerant leaks"),
        (ReportText.SrcFugitiveFireExtinguisher, "滅火器逸散", "Fire extinguishers"),
        (ReportText.SrcFugitiveSf6, "六氟化硫逸散（氣體絕緣開關）", "SF6 in switchgear"),
        (ReportText.SrcFugitiveSeptic, "化糞池甲烷逸散", "Septic-tank CH4"),
        (ReportText.SrcFugitiveOther, "其他逸散源", "Other fugitive"),
        (ReportText.SrcPurchasedElectricity, "外購電力", "Purchased electricity"),
        (ReportText.SrcPurchasedSteam, "外購蒸汽", "Purchased steam"),
        (ReportText.SrcScope3, "範疇三排放源", "Scope 3 source"),
        (ReportText.FormulaCombustion, "氣體排放量 (kg) = 活動數據（換算為係數單位）× 排放係數 (kg/單位) × 納入比例；CO2e (公噸) = Σ 氣體排放量 × 全球暖化潛勢 ÷ 1,000",
            "gas (kg) = activity (in the factor's unit) × factor (kg/unit) × consolidation share; CO2e (t) = Σ gas × GWP ÷ 1,000"),
        (ReportText.FormulaProcess, "氣體排放量 (kg) = 製程活動數據 × 製程排放係數 × 納入比例；CO2e = Σ 氣體排放量 × 全球暖化潛勢 ÷ 1,000",
            "gas (kg) = process activity × process factor × consolidation share; CO2e (t) = Σ gas × GWP ÷ 1,000"),
        (ReportText.FormulaRefrigerant, "冷媒逸散量 (kg) = 補充量（質量平衡），或 原始填充量 × 年逸散率（IPCC 2006 第三卷表 7.9）；CO2e = 逸散量 × 全球暖化潛勢（混合冷媒 = Σ 質量分率 × 成分 GWP）÷ 1,000",
            "refrigerant released (kg) = top-up mass (mass balance), or charge × annual leak rate (IPCC 2006 Vol. 3 Table 7.9); CO2e (t) = released × GWP (blend GWP = Σ mass fraction × component GWP) ÷ 1,000"),
        (ReportText.FormulaFireExtinguisher, "滅火藥劑逸散量 (kg) = 充填量；CO2e = 逸散量 × 全球暖化潛勢 ÷ 1,000", "agent released (kg) = refilled mass; CO2e (t) = released × GWP ÷ 1,000"),
        (ReportText.FormulaSf6, "SF6 逸散量 (kg) = 補充量；CO2e = 逸散量 × 全球暖化潛勢 ÷ 1,000", "SF6 released (kg) = top-up mass; CO2e (t) = released × GWP ÷ 1,000"),
        (ReportText.FormulaSeptic, "CH4 (kg) = 工作人時 ÷ 24 × BOD (kg/人·日) × Bo × MCF（IPCC 2006 第五卷第六章）；CO2e = CH4 × 全球暖化潛勢 ÷ 1,000",
            "CH4 (kg) = person-hours ÷ 24 × BOD (kg/person-day) × Bo × MCF (IPCC 2006 Vol. 5 Ch. 6); CO2e (t) = CH4 × GWP ÷ 1,000"),
        (ReportText.FormulaFugitiveOther, "氣體逸散量 (kg) = 活動數據 × 逸散係數；CO2e = Σ 氣體 × 全球暖化潛勢 ÷ 1,000", "gas released (kg) = activity × factor; CO2e (t) = Σ gas × GWP ÷ 1,000"),
        (ReportText.FormulaElectricity, "位置基礎：用電量 (kWh) × 電力排碳係數 (kgCO2e/kWh) ÷ 1,000；市場基礎：契約工具涵蓋電量 × 工具排放率 ＋ 未涵蓋電量 × 剩餘電力係數（未公布者採電網平均係數）",
            "location-based: kWh × grid factor (kgCO2e/kWh) ÷ 1,000; market-based: kWh covered by instruments × instrument rate + uncovered kWh × residual mix (the grid average where none is published)"),
        (ReportText.FormulaSteam, "外購蒸汽量 × 供應商排放係數 ÷ 1,000", "purchased steam × supplier factor ÷ 1,000"),
        (ReportText.FormulaScope3, "活動數據（如金額、延人公里、延噸公里、廢棄物重量）× 排放係數 ÷ 1,000", "activity (spend, passenger-km, tonne-km, waste mass …) × factor ÷ 1,000"),
        (ReportText.QualityMeasured, "量測", "Measured"),
        (ReportText.QualityCalculated, "計算", "Calculated"),
        (ReportText.QualityEstimated, "估算", "Estimated"),
        (ReportText.MethodLocationBased, "位置基礎", "location-based"),
        (ReportText.MethodMarketBased, "市場基礎", "market-based"),
        (ReportText.ApproachOperationalControl, "營運控制權法", "Operational control"),
        (ReportText.ApproachFinancialControl, "財務控制權法", "Financial control"),
        (ReportText.ApproachEquityShare, "股權比例法", "Equity share"),
        (ReportText.InstrumentRec, "再生能源憑證 (T-REC)", "Renewable energy certificate"),
        (ReportText.InstrumentGreenPower, "綠電轉供契約", "Green-power contract"),
        (ReportText.InstrumentSupplierSpecific, "供應商特定排放係數", "Supplier-specific rate"),
    ];

    private static readonly FrozenDictionary<ReportText, string> ZhTwTable = Table.ToFrozenDictionary(t => t.Key, t => t.ZhTw);
    private static readonly FrozenDictionary<ReportText, string> EnglishTable = Table.ToFrozenDictionary(t => t.Key, t => t.English);
    private static readonly ReportStrings ZhTwStrings = new(ReportLanguage.ZhTw, ZhTwTable);
    private static readonly ReportStrings EnglishStrings = new(ReportLanguage.English, EnglishTable);

    private readonly FrozenDictionary<ReportText, string> _table;

    private ReportStrings(ReportLanguage language, FrozenDictionary<ReportText, string> table)
    {
        Language = language;
        _table = table;
    }

    public ReportLanguage Language { get; }

    public static ReportStrings For(ReportLanguage language) => language switch
    {
        ReportLanguage.ZhTw => ZhTwStrings,
        ReportLanguage.English => EnglishStrings,
        _ => throw new ArgumentOutOfRangeException(nameof(language), language, null),
    };

    /// <summary>Whether <paramref name="key"/> has a translation in this language (a test checks every key).</summary>
    public bool Has(ReportText key) => _table.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text);

    public string this[ReportText key] => _table.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"report label {key} has no {Language} translation");

    public string Of(Scope scope) => this[scope switch
    {
        Scope.Scope1 => ReportText.Scope1,
        Scope.Scope2 => ReportText.Scope2,
        Scope.Scope3 => ReportText.Scope3,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    }];

    public string Of(IsoCategory category) => this[ReportText.Iso1 + ((int)category - 1)];

    public string Of(Scope3Category category) => this[ReportText.S3Cat1 + ((int)category - 1)];

    public string Of(EmissionType type) => this[type switch
    {
        EmissionType.Stationary => ReportText.TypeStationary,
        EmissionType.Process => ReportText.TypeProcess,
        EmissionType.Mobile => ReportText.TypeMobile,
        EmissionType.Fugitive => ReportText.TypeFugitive,
        EmissionType.EnergyIndirect => ReportText.TypeEnergyIndirect,
        EmissionType.OtherIndirect => ReportText.TypeOtherIndirect,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    }];

    public string Of(SourceType type) => this[type switch
    {
        SourceType.StationaryCombustion => ReportText.SrcStationaryCombustion,
        SourceType.MobileCombustion => ReportText.SrcMobileCombustion,
        SourceType.Process => ReportText.SrcProcess,
        SourceType.FugitiveRefrigerant => ReportText.SrcFugitiveRefrigerant,
        SourceType.FugitiveFireExtinguisher => ReportText.SrcFugitiveFireExtinguisher,
        SourceType.FugitiveSf6 => ReportText.SrcFugitiveSf6,
        SourceType.FugitiveSeptic => ReportText.SrcFugitiveSeptic,
        SourceType.FugitiveOther => ReportText.SrcFugitiveOther,
        SourceType.PurchasedElectricity => ReportText.SrcPurchasedElectricity,
        SourceType.PurchasedSteam => ReportText.SrcPurchasedSteam,
        SourceType.Scope3 => ReportText.SrcScope3,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    }];

    /// <summary>The quantification formula for a source type (the report's methods section).</summary>
    public string FormulaOf(SourceType type) => this[type switch
    {
        SourceType.StationaryCombustion or SourceType.MobileCombustion => ReportText.FormulaCombustion,
        SourceType.Process => ReportText.FormulaProcess,
        SourceType.FugitiveRefrigerant => ReportText.FormulaRefrigerant,
        SourceType.FugitiveFireExtinguisher => ReportText.FormulaFireExtinguisher,
        SourceType.FugitiveSf6 => ReportText.FormulaSf6,
        SourceType.FugitiveSeptic => ReportText.FormulaSeptic,
        SourceType.FugitiveOther => ReportText.FormulaFugitiveOther,
        SourceType.PurchasedElectricity => ReportText.FormulaElectricity,
        SourceType.PurchasedSteam => ReportText.FormulaSteam,
        SourceType.Scope3 => ReportText.FormulaScope3,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    }];

    public string Of(DataQualityLevel level) => this[level switch
    {
        DataQualityLevel.Measured => ReportText.QualityMeasured,
        DataQualityLevel.Calculated => ReportText.QualityCalculated,
        DataQualityLevel.Estimated => ReportText.QualityEstimated,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    }];

    public string Of(Scope2Method method) => this[method == Scope2Method.LocationBased ? ReportText.MethodLocationBased : ReportText.MethodMarketBased];

    public string Of(ConsolidationApproach approach) => this[approach switch
    {
        ConsolidationApproach.OperationalControl => ReportText.ApproachOperationalControl,
        ConsolidationApproach.FinancialControl => ReportText.ApproachFinancialControl,
        ConsolidationApproach.EquityShare => ReportText.ApproachEquityShare,
        _ => throw new ArgumentOutOfRangeException(nameof(approach), approach, null),
    }];

    public string Of(InstrumentType type) => this[type switch
    {
        InstrumentType.RenewableEnergyCertificate => ReportText.InstrumentRec,
        InstrumentType.GreenPowerContract => ReportText.InstrumentGreenPower,
        InstrumentType.SupplierSpecific => ReportText.InstrumentSupplierSpecific,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    }];

    /// <summary>Gas groups print as their formulas (CO2, HFCs …) in both languages; only "other" is translated.</summary>
    public string Of(GasGroup group) => group == GasGroup.Other ? this[ReportText.OtherGases] : group.ToString();

    public string YesNo(bool value) => this[value ? ReportText.Yes : ReportText.No];
}
