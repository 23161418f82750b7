using System.Reflection;
using CarbonLedger.Bench;

// Usage: dotnet run -c Release --project bench/CarbonLedger.Bench -- [--quick] [--duration SECONDS] [NAME ...]
// With no NAME every benchmark runs. Each prints its own figures.
var quick = args.Contains("--quick");
// Options that take a value (dashboard-load's --duration SECONDS): their value is not a benchmark name.
string[] valued = ["--duration"];
var names = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !valued.Contains(args[i - 1])))
    .ToHashSet(StringComparer.OrdinalIgnoreCase);
var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();
if (args.Contains("--list"))
{
    foreach (var b in all)
    {
        Console.WriteLine($"{b.Name,-28} {b.Description}");
    }
    return 0;
}
var unknown = names.Where(n => all.All(b => !b.Name.Equals(n, StringComparison.OrdinalIgnoreCase))).ToList();
if (unknown.Count > 0)
{
    await Console.Error.WriteLineAsync($"error: unknown benchmark(s) {string.Join(", ", unknown)}; --list shows them");
    return 2;
}
foreach (var bench in all.Where(b => names.Count == 0 || names.Contains(b.Name)))
{
    Console.WriteLine($"== {bench.Name}: {bench.Description}");
    await bench.RunAsync(Console.Out, quick, CancellationToken.None);
    Console.WriteLine();
}
return 0;
