namespace OkrSync.Core.Metrics;

/// <summary>
/// A metric's current value as a report uses it, with where it came from (<see cref="Origin"/>: <c>yaml</c>,
/// <c>check-in</c>, or a source's name such as <c>http https://…#/data/value</c>) and when it was measured (null when
/// nobody said: a <c>current</c> in the file without <c>measured-at</c>).
/// </summary>
public sealed record MetricReading(string MetricId, double? Value, string Origin, DateTimeOffset? MeasuredAt)
{
    public Confidence? Confidence { get; init; }

    public string? Note { get; init; }

    public string? By { get; init; }

    /// <summary>The check-in the value came from, when it came from one.</summary>
    public bool FromCheckIn => Origin != MetricOrigins.Yaml && Origin != MetricOrigins.None;
}
