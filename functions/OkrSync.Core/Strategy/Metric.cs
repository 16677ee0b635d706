namespace OkrSync.Core.Strategy;

/// <summary>
/// The outcome a key result measures, in <see cref="Unit"/>. Baseline and target may be absent in a draft
/// strategy (a lint warning); when both are present they differ (a validation error otherwise).
/// A target below the baseline means "decrease".
/// </summary>
public sealed record Metric(string? Unit, double? Baseline, double? Target, double? Current)
{
    /// <summary>When the file's <see cref="Current"/> was measured (<c>measured-at</c>), when the file says.</summary>
    public DateTimeOffset? MeasuredAt { get; init; }

    /// <summary>Where the scheduled sync reads the value (<c>source</c>), or null when it comes from check-ins and the file only.</summary>
    public MetricSource? Source { get; init; }

    /// <summary>
    /// How far the metric has moved from baseline towards target: <c>(current-baseline)/(target-baseline)</c>.
    /// 0 at baseline, 1 at target; negative when it moved the wrong way, above 1 past the target.
    /// Null when baseline, target or current is missing, or baseline equals target.
    /// </summary>
    public double? Progress =>
        Baseline is { } b && Target is { } t && Current is { } c && t != b ? (c - b) / (t - b) : null;
}
