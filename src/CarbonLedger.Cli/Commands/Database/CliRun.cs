using System.Data.Common;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CarbonLedger.Common;
using CarbonLedger.Units;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands.Database;

/// <summary>An expected failure of a command (unknown organization, missing database): one line on stderr, exit 1.</summary>
internal sealed class CliFailureException : Exception
{
    public CliFailureException(string message) : base(message) { }

    public CliFailureException() { }

    public CliFailureException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A usage error the parser cannot see (a date that does not parse, options that exclude each other): exit 2.</summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message) : base(message) { }

    public CliUsageException() { }

    public CliUsageException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>How the inventory commands run and write: every action goes through <see cref="RunAsync"/>, which turns the
/// expected failures into one stderr line and the exit code (STYLE.md: 0 ok, 1 failed, 2 bad usage); JSON goes to
/// stdout unwrapped as one document.</summary>
internal static class CliRun
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        // zh-TW names stay readable in the output; the document is written to a terminal or a file, not into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<int> RunAsync(CliContext context, Func<Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return await action();
        }
        catch (CliUsageException ex)
        {
            await Error(context, ex.Message);
            return ExitCodes.BadUsage;
        }
        catch (CliFailureException ex)
        {
            await Error(context, ex.Message);
            return ExitCodes.Failed;
        }
        catch (DomainException ex)
        {
            await Error(context, ex.Message);
            return ExitCodes.Failed;
        }
        catch (UnitMismatchException ex)
        {
            await Error(context, ex.Message);
            return ExitCodes.Failed;
        }
        catch (DbException ex)
        {
            await Error(context, "database: " + OneLine(ex.Message));
            return ExitCodes.Failed;
        }
        catch (IOException ex)
        {
            await Error(context, OneLine(ex.Message));
            return ExitCodes.Failed;
        }
        catch (UnauthorizedAccessException ex)
        {
            await Error(context, OneLine(ex.Message));
            return ExitCodes.Failed;
        }
    }

    public static Task Error(CliContext context, string message) => context.Error.WriteLineAsync("error: " + OneLine(message));

    /// <summary>A problem as <c>file:sheet:row:column: reason</c> when it points into a file (an empty segment where the
    /// location has none, e.g. no sheet in a CSV; trailing empty segments dropped), or <c>field: reason</c> for a field.</summary>
    public static string Format(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var l = problem.Location;
        string where;
        if (l.File is not null)
        {
            where = string.Join(':', l.File, l.Sheet ?? "", l.Row?.ToString(CultureInfo.InvariantCulture) ?? "", l.Column ?? "").TrimEnd(':');
            if (l.Field is not null) { where += $" ({l.Field})"; }
        }
        else
        {
            where = l.ToString();
        }
        return OneLine(where.Length == 0 ? problem.Message : $"{where}: {problem.Message}");
    }

    public static object ProblemJson(Problem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new { problem.Location.File, problem.Location.Sheet, problem.Location.Row, problem.Location.Column, problem.Location.Field, problem.Message };
    }

    /// <summary>One JSON document on stdout, written to the raw writer so the console never wraps a long line inside it.</summary>
    public static void Json(CliContext context, object document)
    {
        ArgumentNullException.ThrowIfNull(context);
        var writer = context.Console.Profile.Out.Writer;
        writer.Write(JsonSerializer.Serialize(document, JsonOptions));
        writer.Write('\n');
        writer.Flush();
    }

    /// <summary>Tonnes for people: thousands separators and three decimals (kg precision).</summary>
    public static string Tonnes(decimal tonnes) => tonnes.ToString("#,0.000", CultureInfo.InvariantCulture);

    public static string Inv(FormattableString text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.ToString(CultureInfo.InvariantCulture);
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
