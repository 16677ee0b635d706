using OkrSync.Pipeline;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Trackers;

/// <summary>
/// The pipeline's <see cref="ITrackerSync"/>: the configured sources (<c>OkrSync:GitHub:Repositories</c>,
/// <c>OkrSync:Jira:Projects</c>), a fresh set per run (API usage counts per instance), run by the <see cref="SyncEngine"/>.
/// </summary>
public sealed class ConfiguredTrackerSync(SourceFactory sources, SyncEngine engine) : ITrackerSync
{
    public async Task<IReadOnlyList<SourceSyncOutcome>> RunAsync(bool reconcile, CancellationToken cancellationToken = default)
    {
        var configured = sources.CreateConfigured();
        var report = reconcile
            ? await engine.ReconcileAsync(configured, cancellationToken: cancellationToken)
            : await engine.SyncAsync(configured, cancellationToken: cancellationToken);
        foreach (var stats in report.Sources)
        {
            OkrSyncTelemetry.Items.Add(stats.Written, new KeyValuePair<string, object?>("okrsync.source", stats.SourceId));
            OkrSyncTelemetry.ApiCalls.Add(stats.ApiCalls, new KeyValuePair<string, object?>("okrsync.source", stats.SourceId));
        }
        return [.. report.Sources.Select(s => new SourceSyncOutcome(s.SourceId, s.Summary(), s.Failed, s.Held))];
    }
}
