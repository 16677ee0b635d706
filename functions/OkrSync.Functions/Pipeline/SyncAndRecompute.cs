using System.Diagnostics;
using OkrSync.Functions.Hosting;
using OkrSync.Functions.Hosting.Invocations;

namespace OkrSync.Functions.Pipeline;

/// <summary>
/// What both timer syncs do: run the sources, then reload the live report from the store and save it (with this
/// week's snapshot). A source that failed fails the invocation after the report is saved from what did sync.
/// </summary>
internal sealed partial class SyncAndRecompute(ITrackerSync sync, LiveReport live, ILogger<SyncAndRecompute> logger)
{
    public async Task<InvocationResult> RunAsync(string function, bool reconcile, InvocationRequest request, CancellationToken cancellationToken = default)
    {
        var timer = TimerInfo.From(request);
        if (timer.IsPastDue)
        {
            LogPastDue(logger, function);
        }
        var kind = reconcile ? "reconcile" : "incremental";
        using var activity = OkrSyncTelemetry.Source.StartActivity($"okrsync.sync {kind}");
        var started = Stopwatch.GetTimestamp();
        var outcomes = await sync.RunAsync(reconcile, cancellationToken);
        OkrSyncTelemetry.SyncDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("okrsync.sync.kind", kind));
        var report = await live.ReloadAsync(cancellationToken);
        var logs = outcomes.Select(o => o.Summary).Append($"report: {report.Summary.Total} items, {report.Summary.OpenOrphaned} open orphaned, {report.Findings.Count} findings").ToArray();
        foreach (var line in logs)
        {
            LogLine(logger, function, line);
        }
        var failed = outcomes.Where(o => !o.Succeeded).Select(o => o.SourceId).ToList();
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"{failed.Count} source(s) failed: {string.Join(", ", failed)}; the report was saved from what did sync");
        }
        return InvocationResult.Of(logs);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} runs late (the timer is past due)")]
    private static partial void LogPastDue(ILogger logger, string function);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Function}: {Line}")]
    private static partial void LogLine(ILogger logger, string function, string line);
}
