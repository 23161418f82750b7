using System.CommandLine;
using NodaTime;
using Spectre.Console;

namespace CarbonLedger.Cli;

/// <summary>What every command needs from the outside world, injected so tests run commands in-process
/// against a <c>TestConsole</c> and a fake clock.</summary>
public sealed record CliContext(IAnsiConsole Console, TextWriter Error, IClock Clock);

/// <summary>A noun of the command line (<c>carbonledger &lt;noun&gt; &lt;verb&gt;</c>). Each module in
/// <c>Commands/&lt;Module&gt;/</c> implements this; <see cref="CliApp"/> discovers them.</summary>
public interface ICliModule
{
    /// <summary>Builds the noun's command with its verbs.</summary>
    Command Build(CliContext context);
}

/// <summary>Exit codes (STYLE.md): 0 ok, 1 failed, 2 bad usage.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;
}
