using System.Text;
using System.Text.RegularExpressions;
using CarbonLedger.Audit;
using CarbonLedger.Common;
using CarbonLedger.Factors;
using CarbonLedger.Pricing;
using CarbonLedger.Units;

namespace CarbonLedger.Core.Tests.Common;

/// <summary>Issue 3: "zh-TW and English, switchable, every string localized". Every problem and domain exception the
/// product raises carries a Traditional Chinese message beside the English one; the source scan below finds any
/// <c>Problem.AtField(</c>, <c>new Problem(</c>, <c>new(new ProblemLocation(</c> or <c>new DomainException(</c> whose
/// arguments carry no zh-TW text. One test per project (Portfolio folders apart), so each part can pass on its own.</summary>
public sealed class ProblemLocalizationTests
{
    [Fact]
    public void ToString_ZhTwOfProblemInFileSheetRowColumn_RendersLocationAndMessageInChinese()
    {
        // Given a bad cell: file, sheet, row 12, column 數量, with both messages
        var problem = new Problem(new ProblemLocation("activity.xlsx", "活動數據", 12, "數量"), "'abc' is not a number", "「abc」不是數字");

        // When
        var zh = problem.ToString(zhTw: true);
        var en = problem.ToString(zhTw: false);

        // Then the parts joined by a full-width comma, then a full-width colon (ProblemLocation.ToString(zhTw) wording)
        zh.ShouldBe("activity.xlsx，工作表「活動數據」，第 12 列，欄「數量」：「abc」不是數字");
        en.ShouldBe("activity.xlsx, sheet '活動數據', row 12, column '數量': 'abc' is not a number");
    }

    [Fact]
    public void ToString_ZhTwOfFieldProblemWithoutChinese_FallsBackToEnglishMessage()
    {
        // Given a field problem raised with an English message only
        var problem = Problem.AtField("capex", "is required");

        // When
        var zh = problem.ToString(zhTw: true);

        // Then the location is in Chinese, the message stays English (nothing invented)
        zh.ShouldBe("欄位「capex」：is required");
    }

    [Fact]
    public void ToProblem_DomainExceptionWithBothReasons_KeepsBothLanguages()
    {
        // Given
        var ex = new DomainException("quantity", "cannot be negative (-5)", "不可為負值（-5）");

        // When
        var problem = ex.ToProblem().UnderField("activities[3].quantity");

        // Then
        problem.ToString(zhTw: true).ShouldBe("欄位「activities[3].quantity」：不可為負值（-5）");
        problem.ToString().ShouldBe("field 'activities[3].quantity': cannot be negative (-5)");
    }

    [Fact]
    public void Next_LockedOrForbidden_RefusesInEnglishAndChinese()
    {
        // Given a locked inventory an administrator tries to submit, and a contributor trying to approve
        // When
        var locked = InventoryWorkflow.Next(InventoryStatus.Locked, WorkflowAction.Submit, OrganizationRole.Administrator, null);
        var forbidden = InventoryWorkflow.Next(InventoryStatus.Reviewed, WorkflowAction.Approve, OrganizationRole.Contributor, null);

        // Then the English text is unchanged and the zh-TW one names the action and role as the zh-TW pages do
        // (提交 = Submit, 核准 = Approve, 填報者 = contributor: Web's Ui.Action / Ui.Role)
        locked.Problems.Single().Message.ShouldBe("the inventory is locked; it can change only through a restatement, not 'Submit'");
        locked.Problems.Single().ToString(zhTw: true).ShouldBe("欄位「action」：盤查清冊已鎖定，只能透過重編變更，不能「提交」");
        forbidden.Problems.Single().ToString(zhTw: true).ShouldBe("欄位「action」：填報者不得核准盤查清冊");
    }

    [Fact]
    public void ToInputs_UnknownGridFactorAndCurrency_CarryTheNestedReasonInChinese()
    {
        // Given a project whose grid factor key and currency do not exist
        var spec = new ProjectSpec { Name = "x", Currency = "TW$", Capex = 1m, HorizonYears = 1, FirstYear = 2026, EnergySaved = 1m, TariffPerKwh = 1m, GridFactorKey = "no-such-factor" };

        // When
        var outcome = spec.ToInputs(ReferenceLibrary.Default);

        // Then the library's and Currency's own reasons come through in both languages
        outcome.Problems.Select(p => p.ToString()).ShouldBe(
        [
            "field 'currency': 'TW$' is not an ISO 4217 currency code (e.g. TWD, USD, EUR)",
            "field 'gridFactor': year 2026: unknown emission factor 'no-such-factor'",
        ]);
        outcome.Problems.Select(p => p.ToString(zhTw: true)).ShouldBe(
        [
            "欄位「currency」：「TW$」不是 ISO 4217 幣別代碼（例如 TWD、USD、EUR）",
            "欄位「gridFactor」：2026 年度：未知的排放係數「no-such-factor」",
        ]);
    }

    [Fact]
    public void MessageZhTw_MassToVolume_NamesBothUnitsAndDimensionsInChinese()
    {
        // Given kilograms converted to litres without a density
        // When
        var ex = Should.Throw<UnitMismatchException>(() => new Quantity(1m, UnitCatalog.Kilogram).ConvertTo(UnitCatalog.Litre));

        // Then (因次 = dimension in Taiwan usage)
        ex.MessageZhTw.ShouldBe("無法將 kg（質量）換算為 L（體積）：兩者的因次不同");
    }

    [Fact]
    public void Scan_CallsWithoutChinese_ReportsEachWithItsLine()
    {
        // Given two calls without zh-TW text (one spread over two lines, one with parentheses inside its string),
        // and a comment and a string that only mention the call
        const string source = """
            // new DomainException("field", "in a comment")
            var s = "Problem.AtField(\"x\", \"in a string\")";
            throw new DomainException("field",
                "must be in (0, 100]");
            problems.Add(Problem.AtField("name", $"'{text}' is not a {(isInt ? "whole number" : "number")}"));
            """;

        // When
        var found = ProblemLocalizationScanner.ScanText(source, "X.cs");

        // Then lines 3 and 5, nothing else
        found.Select(f => f.Line).ShouldBe([3, 5]);
    }

    [Fact]
    public void Scan_CallsWithChineseOrPassThrough_ReportsNothing()
    {
        // Given every accepted form: a zh-TW literal, an interpolated zh-TW string with a hole holding a string and
        // braces, a variable named *ZhTw, a pass-through of an exception's or problem's zh-TW, a target-typed problem
        const string source = """
            throw new Common.DomainException("heatingValue", "a heating value must be positive", "熱值必須為正數");
            problems.Add(Problem.AtField("gridFactor", $"year {year}: {p.Message}", $"{year} 年度：{(p is { } q ? q.MessageIn(true) : "")}"));
            return Outcome<InventoryStatus>.Failure([Problem.AtField(field, message, messageZhTw)]);
            problems.Add(Problem.AtField("currency", ex.Reason, ex.ReasonZhTw));
            var moved = new Problem(location, p.Message, p.MessageZhTw);
            private static Problem Locate(string field, string message, string messageZhTw) => new(new ProblemLocation(Field: field), message, messageZhTw);
            """;

        // When
        var found = ProblemLocalizationScanner.ScanText(source, "X.cs");

        // Then
        found.ShouldBeEmpty();
    }

    [Fact]
    public void Scan_TargetTypedProblemWithoutChinese_IsReported()
    {
        // Given a target-typed problem built from an English message only
        const string source = """
            private static Problem Locate(string field, string message) =>
                new(new ProblemLocation(Field: field), message);
            """;

        // When
        var found = ProblemLocalizationScanner.ScanText(source, "X.cs");

        // Then
        found.Select(f => f.Line).ShouldBe([2]);
    }

    [Fact]
    public void ProblemsRaised_InCore_CarryZhTwText() => AssertLocalized("CarbonLedger.Core");

    [Fact]
    public void ProblemsRaised_InCli_CarryZhTwText() => AssertLocalized("CarbonLedger.Cli");

    [Fact]
    public void ProblemsRaised_InData_CarryZhTwText()
    {
        AssertLocalized("CarbonLedger.Data");
        AssertLocalized("CarbonLedger.Data.Sqlite");
        AssertLocalized("CarbonLedger.Data.Postgres");
    }

    [Fact]
    public void ProblemsRaised_InImport_CarryZhTwText() => AssertLocalized("CarbonLedger.Import");

    [Fact]
    public void ProblemsRaised_InWeb_CarryZhTwText() => AssertLocalized("CarbonLedger.Web");

    [Fact]
    public void ProblemsRaised_InReports_CarryZhTwText() => AssertLocalized("CarbonLedger.Reports");

    [Fact]
    public void ProblemsRaised_InPortfolioFolders_CarryZhTwText()
    {
        // Given every Portfolio folder of every project (they are scanned here, not with their project)
        var src = Path.Combine(ProblemLocalizationScanner.RepositoryRoot(), "src");
        var folders = Directory.EnumerateDirectories(src, "Portfolio", SearchOption.AllDirectories)
            .Where(d => !ProblemLocalizationScanner.IsBuildOutput(d)).ToList();

        // When
        var scans = folders.Select(d => ProblemLocalizationScanner.ScanDirectory(d, skipPortfolio: false)).ToList();

        // Then
        folders.ShouldNotBeEmpty();
        var found = scans.SelectMany(s => s.Unlocalized).ToList();
        scans.Sum(s => s.Checked).ShouldBe(scans.Sum(s => s.SeenByPlainSearch), "the scanner lost track of a literal or a comment");
        found.Count.ShouldBe(0, Describe(found));
    }

    [Fact]
    public void ScannedProjects_EverySourceProject_IsScanned()
    {
        // Given the projects the tests above scan
        string[] scanned = ["CarbonLedger.Cli", "CarbonLedger.Core", "CarbonLedger.Data", "CarbonLedger.Data.Postgres", "CarbonLedger.Data.Sqlite",
            "CarbonLedger.Import", "CarbonLedger.Reports", "CarbonLedger.Web"];

        // When
        var projects = Directory.EnumerateDirectories(Path.Combine(ProblemLocalizationScanner.RepositoryRoot(), "src"))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();

        // Then a new project under src/ needs its own scan test
        projects.ShouldBe(scanned);
    }

    private static void AssertLocalized(string project)
    {
        // Given the project's sources (its Portfolio folders are scanned by their own test)
        var root = Path.Combine(ProblemLocalizationScanner.RepositoryRoot(), "src", project);
        Directory.Exists(root).ShouldBeTrue(root);

        // When
        var scan = ProblemLocalizationScanner.ScanDirectory(root, skipPortfolio: true);

        // Then every call a plain search sees outside line comments was checked (so a mis-read literal cannot hide
        // the rest of a file), and each carries zh-TW text
        scan.Checked.ShouldBe(scan.SeenByPlainSearch, "the scanner lost track of a literal or a comment");
        scan.Unlocalized.Count.ShouldBe(0, Describe(scan.Unlocalized));
    }

    private static string Describe(IReadOnlyList<UnlocalizedCall> found) =>
        $"{found.Count} problem(s) without a zh-TW message:\n" + string.Join('\n', found.Select(f => f.ToString()));
}

/// <summary>One scan: the calls without zh-TW text, how many calls were checked, and how many a plain line search
/// finds outside line comments (the two counts agree unless the literal and comment reading went wrong).</summary>
public sealed record ScanResult(IReadOnlyList<UnlocalizedCall> Unlocalized, int Checked, int SeenByPlainSearch);

/// <summary>A call that raises a problem or domain exception without zh-TW text: file (relative to the repository), line,
/// and the call's first line.</summary>
public sealed record UnlocalizedCall(string File, int Line, string Text)
{
    public override string ToString() => $"{File}:{Line}: {Text}";
}

/// <summary>Finds problem and domain-exception constructions whose argument list carries no zh-TW text. Comments and the
/// contents of string and char literals are blanked first (interpolation holes stay code), so a parenthesis inside a
/// message does not end a call and a mention in a comment is not a call. A call passes when its text contains a CJK
/// ideograph or an identifier containing "zh" (messageZhTw, ex.ReasonZhTw, p.MessageZhTw).</summary>
internal static partial class ProblemLocalizationScanner
{
    // The two type definitions, whose constructors and factories take the messages as parameters.
    private static readonly string[] Definitions =
    [
        Path.Combine("CarbonLedger.Core", "Common", "Problem.cs"),
        Path.Combine("CarbonLedger.Core", "Common", "DomainException.cs"),
    ];

    [GeneratedRegex(@"\bProblem\.AtField\s*\(|\bnew\s+Problem\s*\(|\bnew\s+(?:[\w.]+\.)?DomainException\s*\(|\bnew\s*\(\s*new\s+ProblemLocation\s*\(")]
    private static partial Regex Call();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\b\w*[Zz]h\w*\b")]
    private static partial Regex ZhIdentifier();

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CarbonLedger.sln"))) { return dir.FullName; }
        }
        throw new InvalidOperationException($"no CarbonLedger.sln above {AppContext.BaseDirectory}");
    }

    public static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Any(p => p is "bin" or "obj");

    public static ScanResult ScanDirectory(string directory, bool skipPortfolio)
    {
        var repo = RepositoryRoot();
        var found = new List<UnlocalizedCall>();
        var (checkedCalls, plain) = (0, 0);
        // Razor pages raise problems too (form validation in @code): scanned like C# files.
        var files = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(directory, "*.razor", SearchOption.AllDirectories));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repo, file);
            if (IsBuildOutput(relative) || Definitions.Any(d => relative.EndsWith(d, StringComparison.Ordinal))) { continue; }
            if (skipPortfolio && Path.GetRelativePath(directory, file).Split(Path.DirectorySeparatorChar).SkipLast(1).Contains("Portfolio")) { continue; }
            var text = File.ReadAllText(file, Encoding.UTF8);
            found.AddRange(ScanText(text, relative.Replace('\\', '/'), out var n));
            checkedCalls += n;
            plain += text.Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).Sum(l => Call().Count(l));
        }
        return new ScanResult(found, checkedCalls, plain);
    }

    public static IReadOnlyList<UnlocalizedCall> ScanText(string text, string file) => ScanText(text, file, out _);

    public static IReadOnlyList<UnlocalizedCall> ScanText(string text, string file, out int checkedCalls)
    {
        var masked = Mask(text);
        var found = new List<UnlocalizedCall>();
        checkedCalls = 0;
        foreach (Match m in Call().Matches(masked))
        {
            checkedCalls++;
            var end = ClosingParenthesis(masked, masked.IndexOf('(', m.Index));
            var call = text[m.Index..end];
            if (Cjk().IsMatch(call) || ZhIdentifier().IsMatch(masked[m.Index..end])) { continue; }
            var line = 1 + text.AsSpan(0, m.Index).Count('\n');
            var firstLine = call.Split('\n')[0].Trim();
            found.Add(new UnlocalizedCall(file, line, firstLine.Length > 160 ? firstLine[..160] + "…" : firstLine));
        }
        return found;
    }

    /// <summary>The index just past the parenthesis closing the one at <paramref name="open"/> (end of text if none).</summary>
    private static int ClosingParenthesis(string masked, int open)
    {
        var depth = 0;
        for (var i = open; i < masked.Length; i++)
        {
            if (masked[i] == '(') { depth++; }
            else if (masked[i] == ')' && --depth == 0) { return i + 1; }
        }
        return masked.Length;
    }

    /// <summary>The text with comments and literal contents replaced by spaces (line breaks kept).</summary>
    private static string Mask(string text)
    {
        var masked = text.ToCharArray();
        var i = 0;
        Code(text, masked, ref i, inHole: false);
        return new string(masked);
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static void Blank(char[] masked, int from, int to)
    {
        for (var k = from; k < Math.Min(to, masked.Length); k++)
        {
            if (masked[k] is not ('\n' or '\r')) { masked[k] = ' '; }
        }
    }

    /// <summary>Code from <paramref name="i"/>; inside an interpolation hole, stops at the brace that closes it.</summary>
    private static void Code(string s, char[] masked, ref int i, bool inHole)
    {
        var depth = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c == '/' && At(s, i + 1) == '/')
            {
                var end = s.IndexOf('\n', i);
                end = end < 0 ? s.Length : end;
                Blank(masked, i, end);
                i = end;
            }
            else if (c == '/' && At(s, i + 1) == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? s.Length : end + 2;
                Blank(masked, i, end);
                i = end;
            }
            else if (c == '\'')
            {
                var start = i++;
                while (i < s.Length && s[i] != '\'' && s[i] != '\n') { i += s[i] == '\\' ? 2 : 1; }
                i++;
                Blank(masked, start, i);
            }
            else if (c == '"' || (c is '$' or '@' && StringAhead(s, i)))
            {
                StringLiteral(s, masked, ref i);
            }
            else
            {
                if (inHole && c == '{') { depth++; }
                else if (inHole && c == '}')
                {
                    if (depth == 0) { return; }
                    depth--;
                }
                i++;
            }
        }
    }

    private static bool StringAhead(string s, int i)
    {
        while (i < s.Length && s[i] is '$' or '@') { i++; }
        return At(s, i) == '"';
    }

    private static void StringLiteral(string s, char[] masked, ref int i)
    {
        var start = i;
        var dollars = 0;
        var verbatim = false;
        for (; s[i] is '$' or '@'; i++)
        {
            if (s[i] == '$') { dollars++; } else { verbatim = true; }
        }
        var quotes = 0;
        while (At(s, i + quotes) == '"') { quotes++; }
        if (quotes >= 3)
        {
            // A raw string literal: everything up to the same run of quotes (holes are not needed to find its end).
            var end = s.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
            end = end < 0 ? s.Length : end + quotes;
            Blank(masked, start, end);
            i = end;
            return;
        }
        i++;
        Blank(masked, start, i);
        while (i < s.Length)
        {
            var c = s[i];
            if (!verbatim && c == '\\') { Blank(masked, i, i + 2); i += 2; }
            else if (c == '"' && verbatim && At(s, i + 1) == '"') { Blank(masked, i, i + 2); i += 2; }
            else if (c == '"') { Blank(masked, i, i + 1); i++; return; }
            else if (dollars > 0 && c is '{' or '}' && At(s, i + 1) == c) { Blank(masked, i, i + 2); i += 2; }
            else if (dollars > 0 && c == '{')
            {
                i++;
                Code(s, masked, ref i, inHole: true);
                i++;
            }
            else if (!verbatim && c == '\n') { return; }
            else { Blank(masked, i, i + 1); i++; }
        }
    }
}
