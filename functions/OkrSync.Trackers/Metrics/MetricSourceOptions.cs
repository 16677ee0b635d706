namespace OkrSync.Trackers.Metrics;

/// <summary><c>OkrSync:Metrics:*</c>: how metric sources (<c>metric.source</c> in the strategy) are read.</summary>
public sealed class MetricSourceOptions
{
    public const string Section = "OkrSync:Metrics";

    /// <summary>How long one HTTP pull may take, response included, before it fails (and the metric keeps its value). Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest document read (JSON or CSV), in bytes. Default 1 MiB.</summary>
    public int MaxBytes { get; set; } = 1 << 20;
}
