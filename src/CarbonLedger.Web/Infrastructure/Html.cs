using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CarbonLedger.Web.Infrastructure;

/// <summary>HTML encoding that escapes markup but leaves CJK text readable (the default encoder turns every non-ASCII
/// character into an entity, which makes zh-TW pages unreadable in source and unsearchable).</summary>
public static class Html
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Encode(string? text) => Encoder.Encode(text ?? "");
}
