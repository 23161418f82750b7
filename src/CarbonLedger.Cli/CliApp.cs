using System.CommandLine;
using System.Reflection;

namespace CarbonLedger.Cli;

/// <summary>Builds the root command from every <see cref="ICliModule"/> in this assembly and runs it.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("carbonledger — greenhouse-gas inventory, carbon pricing, transition plans and net-zero portfolios.");
        var modules = typeof(CliApp).Assembly.GetTypes()
            .Where(t => typeof(ICliModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (ICliModule)Activator.CreateInstance(t)!);
        foreach (var module in modules)
        {
            root.Subcommands.Add(module.Build(context));
        }
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot(context);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync($"error: {error.Message}");
            }
            return ExitCodes.BadUsage;
        }
        return await parse.InvokeAsync(cancellationToken: cancellationToken);
    }
}
