namespace OkrSync.Core.Strategy;

/// <summary>
/// When findings fire. A key result whose output ratio is at least <see cref="OutputDone"/> while its outcome
/// ratio is below <see cref="OutcomeMoved"/> is "green without moving"; an initiative with no activity for
/// <see cref="StaleDays"/> days is stale.
/// </summary>
public sealed record Thresholds(double OutputDone, double OutcomeMoved, int StaleDays)
{
    public const int DefaultMetricStaleDays = 14;

    /// <summary>
    /// <c>metric-stale-days</c>: a metric whose latest value was measured this many days ago or more is
    /// <c>outcome-unmeasured</c>. Default 14.
    /// </summary>
    public int MetricStaleDays { get; init; } = DefaultMetricStaleDays;

    public static Thresholds Default { get; } = new(0.8, 0.25, 14);
}
