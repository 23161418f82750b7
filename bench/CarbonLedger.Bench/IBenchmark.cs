namespace CarbonLedger.Bench;

/// <summary>A benchmark prints its figures (throughput, latency, residuals) to <paramref name="output"/>.
/// Speed targets live here, never in timed unit tests.</summary>
public interface IBenchmark
{
    /// <summary>Name used on the command line: <c>dotnet run -c Release --project bench/CarbonLedger.Bench -- NAME</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Description { get; }

    /// <summary>Runs the benchmark; <paramref name="quick"/> shrinks sizes for a smoke run.</summary>
    Task RunAsync(TextWriter output, bool quick, CancellationToken cancellationToken);
}
