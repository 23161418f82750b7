using System.Globalization;

namespace CarbonLedger.Web.Components;

/// <summary>Every UI string in both languages, chosen by the request's UI culture (zh-TW default, English): each
/// call site carries its zh-TW and English text side by side, so no string can exist in one language only.</summary>
public static class Ui
{
    public static bool IsZh => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    /// <summary>The text in the current UI language.</summary>
    public static string T(string zhTw, string english) => IsZh ? zhTw : english;

    /// <summary>tCO2e with thousands separators and two decimals in the current culture.</summary>
    public static string Tonnes(decimal tonnes) => tonnes.ToString("N2", CultureInfo.CurrentCulture);

    public static string Number(decimal value) => value.ToString("#,0.######", CultureInfo.CurrentCulture);

    /// <summary>Full precision, culture-free: the value behind a rounded figure (data-value attributes, tests).</summary>
    public static string Exact(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Taipei time (UTC+8, no daylight saving since 1979; tzdb via NodaTime, so no OS time-zone data is needed).</summary>
    private static readonly NodaTime.DateTimeZone Taipei = NodaTime.DateTimeZoneProviders.Tzdb["Asia/Taipei"];

    /// <summary>An audit stamp as local date-time in Asia/Taipei, ISO-like <c>yyyy-MM-dd HH:mm</c>.</summary>
    public static string Local(NodaTime.Instant at) => at.InZone(Taipei).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Local(DateTimeOffset at) => Local(NodaTime.Instant.FromDateTimeOffset(at));

    /// <summary>The exact instant in UTC (a tooltip behind <see cref="Local(NodaTime.Instant)"/>).</summary>
    public static string Utc(NodaTime.Instant at) => Stamp(at.ToDateTimeOffset());

    public static string Stamp(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Role(CarbonLedger.Audit.OrganizationRole role) => role switch
    {
        CarbonLedger.Audit.OrganizationRole.Administrator => T("管理者", "Administrator"),
        CarbonLedger.Audit.OrganizationRole.Contributor => T("填報者", "Contributor"),
        CarbonLedger.Audit.OrganizationRole.Reviewer => T("內部稽核", "Reviewer"),
        CarbonLedger.Audit.OrganizationRole.Verifier => T("查證人員", "Verifier"),
        _ => T("檢視者", "Viewer"),
    };

    public static string Status(string status) => status switch
    {
        "Draft" => T("草稿", "Draft"),
        "Submitted" => T("已提交", "Submitted"),
        "Reviewed" => T("已審查", "Reviewed"),
        "Approved" => T("已核准", "Approved"),
        "Locked" => T("已鎖定", "Locked"),
        _ => status,
    };

    public static string Action(CarbonLedger.Audit.WorkflowAction action) => action switch
    {
        CarbonLedger.Audit.WorkflowAction.Submit => T("提交", "Submit"),
        CarbonLedger.Audit.WorkflowAction.Review => T("審查通過", "Mark reviewed"),
        CarbonLedger.Audit.WorkflowAction.Approve => T("核准", "Approve"),
        CarbonLedger.Audit.WorkflowAction.Lock => T("鎖定", "Lock"),
        CarbonLedger.Audit.WorkflowAction.Return => T("退回草稿", "Return to draft"),
        _ => T("重編（重新開啟）", "Restate (reopen)"),
    };

    public static string Scope(string scope) => scope switch
    {
        "Scope1" => T("範疇一", "Scope 1"),
        "Scope2" => T("範疇二", "Scope 2"),
        "Scope3" => T("範疇三", "Scope 3"),
        _ => scope,
    };
}
