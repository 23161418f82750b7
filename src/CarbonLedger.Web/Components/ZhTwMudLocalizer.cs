using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace CarbonLedger.Web.Components;

/// <summary>Traditional Chinese for the MudBlazor texts our pages show (grid pager, file picker, dialogs); MudBlazor's own
/// English is used when the UI culture is English or a key is not listed here.</summary>
public sealed class ZhTwMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> ZhTw = new(StringComparer.Ordinal)
    {
        ["MudDataGridPager_RowsPerPage"] = "每頁筆數：",
        ["MudDataGridPager_InfoFormat"] = "{0}-{1}，共 {2} 筆",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudDataGridPager_FirstPage"] = "第一頁",
        ["MudDataGridPager_PreviousPage"] = "上一頁",
        ["MudDataGridPager_NextPage"] = "下一頁",
        ["MudDataGridPager_LastPage"] = "最後一頁",
        ["MudTablePager_RowsPerPage"] = "每頁筆數：",
        ["MudTablePager_InfoFormat"] = "{0}-{1}，共 {2} 筆",
        ["MudTablePager_FirstPage"] = "第一頁",
        ["MudTablePager_PreviousPage"] = "上一頁",
        ["MudTablePager_NextPage"] = "下一頁",
        ["MudTablePager_LastPage"] = "最後一頁",
        ["MudDataGrid_Filter"] = "篩選",
        ["MudDataGrid_Apply"] = "套用",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGrid_Columns"] = "欄位",
        ["MudDataGrid_Column"] = "欄位",
        ["MudDataGrid_Contains"] = "包含",
        ["MudDataGrid_Equals"] = "等於",
        ["MudDataGrid_Is"] = "是",
        ["MudDataGrid_IsNot"] = "不是",
        ["MudDataGrid_IsEmpty"] = "為空",
        ["MudDataGrid_IsNotEmpty"] = "不為空",
        ["MudDataGrid_Hide"] = "隱藏",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDataGrid_Unsort"] = "取消排序",
        ["MudDataGrid_Loading"] = "載入中…",
        ["MudDataGrid_NoRecordsFound"] = "沒有資料",
        ["MudDialog_Close"] = "關閉",
        ["MudInput_Clear"] = "清除",
    };

    public override LocalizedString this[string key]
    {
        get
        {
            var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
            return zh && ZhTw.TryGetValue(key, out var text) ? new LocalizedString(key, text) : new LocalizedString(key, key, resourceNotFound: true);
        }
    }
}
