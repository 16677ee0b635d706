using System.Diagnostics;
using OkrSync.Pipeline.Metrics;

namespace OkrSync.Pipeline;

/// <summary>
/// What both timer syncs do: run the sources, then reload the live report from the store and save it (with this
/// week's snapshot). A source that failed, or a reconcile held back, fails the invocation after the report is saved
/// from what did sync; when every source failed, nothing is saved: the store still holds the last good report and snapshot.
/// </summary>
public sealed partial class SyncAndRecompute(ITrackerSync sync, LiveReport live, StrategyProvider strategy, MetricSourcePuller metrics, ILogger<SyncAndRecompute> logger)
{
    /// <summary>Runs the sync and saves the report; returns the run's log lines (one per source, then the report's).</summary>
    /// <exception cref="InvalidOperationException">Every source failed (nothing saved), or one failed or was held (the rest saved).</exception>
    public async Task<IReadOnlyList<string>> RunAsync(string function, bool reconcile, bool isPastDue, CancellationToken cancellationToken = default)
    {
        if (isPastDue)
        {
            LogPastDue(logger, function);
        }
        var kind = reconcile ? "reconcile" : "incremental";
        using var activity = OkrSyncTelemetry.Source.StartActivity($"okrsync.sync {kind}");
        var started = Stopwatch.GetTimestamp();
        var outcomes = await sync.RunAsync(reconcile, cancellationToken);
        OkrSyncTelemetry.SyncDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("okrsync.sync.kind", kind));
        var failed = outcomes.Where(o => o.Failed).Select(o => o.SourceId).ToList();
        if (outcomes.Count > 0 && failed.Count == outcomes.Count)
        {
            Log(function, outcomes.Select(o => o.Summary));
            throw new InvalidOperationException(
                $"every source failed, so no report or snapshot was stored: {string.Join("; ", outcomes.Select(o => o.Summary))}");
        }
        var pulled = await PullMetricsAsync(cancellationToken);
        var report = await live.ReloadAsync(cancellationToken);
        var held = outcomes.Where(o => o.Held is not null).ToList();
        var logs = outcomes.Select(o => o.Summary)
            .Concat(held.Select(o => o.Held!.Describe(o.SourceId)))
            .Concat(pulled)
            .Append($"report: {report.Summary.Total} items, {report.Summary.OpenOrphaned} open orphaned, {report.Findings.Count} findings")
            .ToArray();
        Log(function, logs);
        if (failed.Count > 0 || held.Count > 0)
        {
            var problems = failed.Select(id => $"{id} failed").Concat(held.Select(o => $"{o.SourceId} reconcile held"));
            throw new InvalidOperationException(
                $"{string.Join(", ", problems)}; the report was saved from what did sync: {string.Join("; ", logs)}");
        }
        return logs;
    }

    /// <summary>
    /// Rereads the strategy (a new version from git is picked up here, conditionally: unchanged is a 304) and pulls its metric sources; a strategy that
    /// cannot be read pulls nothing (the reload then reports why).
    /// </summary>
    private async Task<IReadOnlyList<string>> PullMetricsAsync(CancellationToken cancellationToken)
    {
        var refresh = await strategy.RefreshAsync(cancellationToken);
        IReadOnlyList<string> read = refresh.Line is { } line ? [line] : [];
        try
        {
            var index = await strategy.GetAsync(cancellationToken);
            return [.. read, .. await metrics.PullAsync(index.Strategy, cancellationToken)];
        }
        catch (StrategyUnavailableException)
        {
            return read;
        }
    }

    private void Log(string function, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            LogLine(logger, function, line);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} runs late (the timer is past due)")]
    private static partial void LogPastDue(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: {Line}")]
    private static partial void LogLine(ILogger logger, string function, string line);
}
