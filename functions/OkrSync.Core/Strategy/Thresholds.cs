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

    /// <summary>
    /// <c>krs-green</c>, a ratio in [0, 1], default 0.8: a key result is green when its outcome ratio is at least this, and a
    /// bet's key results are green when at least this share of those with a complete metric are.
    /// </summary>
    public double KeyResultsGreen { get; init; } = 0.8;

    /// <summary><c>position-moved</c>, a ratio in [0, 1], default 0.25: a bet's position is flat while its position ratio is below this.</summary>
    public double PositionMoved { get; init; } = 0.25;

    /// <summary><c>investment-window-days</c>, at least 1, default 28: the trailing window, ending at the report's as-of, over which effort is counted.</summary>
    public int InvestmentWindowDays { get; init; } = 28;

    /// <summary><c>allocation-drift</c>, a share in [0, 1], default 0.10 (10 percentage points): actual minus declared share, either way, that raises <c>allocation-drift</c>.</summary>
    public double AllocationDrift { get; init; } = 0.10;
}
