using System.Globalization;
using OkrSync.Core.Metrics;
using OkrSync.Core.Strategy;

namespace OkrSync.Core.Findings;

/// <summary>
/// <c>outcome-unmeasured</c>: a metric whose latest value was measured <c>thresholds.metric-stale-days</c> days ago or
/// more (at the threshold it fires). A value the file gives without <c>measured-at</c> has no known age and is not judged.
/// </summary>
public static class MetricFindings
{
    public static IReadOnlyList<Finding> Evaluate(StrategyDocument strategy, MetricReadings readings, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(readings);
        var limit = TimeSpan.FromDays(strategy.Thresholds.MetricStaleDays);
        var findings = new List<Finding>();
        foreach (var metric in MeasuredMetrics.Of(strategy))
        {
            if (readings.For(metric.Id) is not { MeasuredAt: { } measured } reading || asOf - measured < limit)
            {
                continue;
            }
            var days = (int)(asOf - measured).TotalDays;
            var on = measured.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var value = reading.Value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "?";
            findings.Add(new Finding(
                FindingKinds.OutcomeUnmeasured,
                metric.Id,
                $"The metric of {metric.What} '{metric.Title}' was last measured {days} days ago ({value} on {on}, from {reading.Origin}); the limit is {strategy.Thresholds.MetricStaleDays} days: check in a new value (okrsync checkin {metric.Id} VALUE) or give it a source.")
            { BetId = metric.BetId });
        }
        return findings;
    }
}
