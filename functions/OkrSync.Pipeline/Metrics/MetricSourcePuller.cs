using OkrSync.Core.Findings;
using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;

namespace OkrSync.Pipeline.Metrics;

/// <summary>
/// Pulls every metric source of the strategy (at each scheduled sync): a number becomes a check-in with its source; a
/// value the source still gives is recorded again only once it is <see cref="UnchangedRecordInterval"/> old (so a
/// 15-minute sync does not add 96 equal check-ins a day, and the metric never looks unmeasured while its source answers);
/// a failure keeps the metric's last value and sets <c>metric-source-failed</c>, which the next good pull clears.
/// </summary>
public sealed partial class MetricSourcePuller(IMetricSourceReader reader, ICheckInLog checkIns, ICursorStore cursors, TimeProvider clock, ILogger<MetricSourcePuller> logger)
{
    /// <summary>How old the last equal pull must be before an unchanged value is recorded again. One day.</summary>
    public static readonly TimeSpan UnchangedRecordInterval = TimeSpan.FromDays(1);

    /// <summary>Pulls each source once; returns one line per source for the run's log.</summary>
    public async Task<IReadOnlyList<string>> PullAsync(StrategyDocument strategy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var lines = new List<string>();
        foreach (var metric in MeasuredMetrics.Of(strategy).Where(m => m.Metric.Source is not null))
        {
            var source = metric.Metric.Source!;
            var now = clock.GetUtcNow();
            var pull = await reader.ReadAsync(source, cancellationToken);
            if (pull.Value is { } value)
            {
                if (!await SameRecentlyAsync(metric.Id, source.Name, value, now, cancellationToken))
                {
                    await checkIns.AppendCheckInAsync(new CheckIn(metric.Id, value, now) { Source = source.Name, RecordedAt = now }, cancellationToken);
                }
                await StatusFindings.WriteMetricSourceAsync(cursors, metric.Id, null, now, cancellationToken);
                lines.Add($"metric {metric.Id}: {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} from {source.Name}");
                continue;
            }
            var failure = new FindingJson(
                FindingKinds.MetricSourceFailed,
                metric.Id,
                $"The source of {metric.What} '{metric.Title}' ({source.Name}) failed: {pull.Failure}. The metric keeps its last value.",
                metric.BetId,
                null);
            await StatusFindings.WriteMetricSourceAsync(cursors, metric.Id, failure, now, cancellationToken);
            LogFailed(logger, metric.Id, source.Name, pull.Failure ?? "");
            lines.Add($"metric {metric.Id}: {FindingKinds.MetricSourceFailed}: {pull.Failure}");
        }
        return lines;
    }

    private async Task<bool> SameRecentlyAsync(string metricId, string sourceName, double value, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CheckIn? latest = null;
        await foreach (var checkIn in checkIns.ReadCheckInsAsync(metricId, cancellationToken))
        {
            latest = checkIn;
        }
        return latest is { } last && last.Source == sourceName && last.Value.Equals(value) && now - last.At < UnchangedRecordInterval;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The metric source of {MetricId} ({Source}) failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string metricId, string source, string reason);
}
