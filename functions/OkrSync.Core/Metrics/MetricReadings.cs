using OkrSync.Core.Strategy;

namespace OkrSync.Core.Metrics;

/// <summary>
/// The one place a metric's current value is decided: the latest check-in measured at or before the as-of instant
/// (by <see cref="CheckIn.At"/>, ties to the latest recorded), else the strategy file's <c>current</c>, else nothing.
/// Keyed by metric id, so key results and position signals resolve the same way.
/// </summary>
public sealed class MetricReadings
{
    private readonly Dictionary<string, MetricReading> readings;

    private MetricReadings(Dictionary<string, MetricReading> readings) => this.readings = readings;

    /// <summary>No check-ins: every value from the file.</summary>
    public static MetricReadings FromStrategy(StrategyDocument strategy) => Resolve(strategy, [], DateTimeOffset.MaxValue);

    /// <summary>Resolves every metric of <paramref name="strategy"/> as of <paramref name="asOf"/>; later check-ins are ignored (history).</summary>
    public static MetricReadings Resolve(StrategyDocument strategy, IEnumerable<CheckIn> checkIns, DateTimeOffset asOf, bool historical = false) =>
        Resolve(MeasuredMetrics.Of(strategy), checkIns, asOf, historical);

    /// <summary>
    /// <paramref name="historical"/>: resolving a past week, where the file's <c>current</c> counts only when its
    /// <c>measured-at</c> says it was known by then (without one it is today's value, unknown then).
    /// </summary>
    public static MetricReadings Resolve(IEnumerable<MeasuredMetric> metrics, IEnumerable<CheckIn> checkIns, DateTimeOffset asOf, bool historical = false)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(checkIns);
        var latest = new Dictionary<string, CheckIn>(StringComparer.Ordinal);
        foreach (var checkIn in checkIns)
        {
            if (checkIn.At > asOf)
            {
                continue;
            }
            if (!latest.TryGetValue(checkIn.MetricId, out var known) || IsLater(checkIn, known))
            {
                latest[checkIn.MetricId] = checkIn;
            }
        }
        var readings = new Dictionary<string, MetricReading>(StringComparer.Ordinal);
        foreach (var metric in metrics)
        {
            readings[metric.Id] = latest.TryGetValue(metric.Id, out var checkIn)
                ? new MetricReading(metric.Id, checkIn.Value, checkIn.Origin, checkIn.At) { Confidence = checkIn.Confidence, Note = checkIn.Note, By = checkIn.By }
                : metric.Metric.Current is { } current && (!historical || metric.Metric.MeasuredAt <= asOf)
                    ? new MetricReading(metric.Id, current, MetricOrigins.Yaml, metric.Metric.MeasuredAt)
                    : new MetricReading(metric.Id, null, MetricOrigins.None, null);
        }
        return new MetricReadings(readings);
    }

    /// <summary>The reading of a metric id, or null for an id that is no metric.</summary>
    public MetricReading? For(string metricId) => readings.GetValueOrDefault(metricId);

    /// <summary>The current value of a metric: its reading's, else <paramref name="fallback"/>.</summary>
    public double? ValueOf(string metricId, double? fallback) => readings.TryGetValue(metricId, out var reading) ? reading.Value : fallback;

    public IReadOnlyCollection<MetricReading> All => readings.Values;

    private static bool IsLater(CheckIn candidate, CheckIn known) =>
        candidate.At != known.At ? candidate.At > known.At : candidate.RecordedAt >= known.RecordedAt;
}
