using OkrSync.Core.Strategy;

namespace OkrSync.Pipeline.Metrics;

/// <summary>
/// Reads one metric source's current value (an HTTP JSON document, a JSON or CSV file). Never throws for a source
/// that fails: the failure is a value that names the reason. Adapter: OkrSync.Trackers/Metrics.
/// </summary>
public interface IMetricSourceReader
{
    Task<MetricPull> ReadAsync(MetricSource source, CancellationToken cancellationToken = default);
}

/// <summary>What a pull gave: a number, or why there is none.</summary>
public sealed record MetricPull(double? Value, string? Failure)
{
    public static MetricPull Number(double value) => new(value, null);

    public static MetricPull Failed(string reason) => new(null, reason);
}
