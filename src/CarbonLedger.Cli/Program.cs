using CarbonLedger.Cli;
using NodaTime;
using Spectre.Console;

var context = new CliContext(AnsiConsole.Console, Console.Error, SystemClock.Instance);
return await CliApp.RunAsync(args, context);
