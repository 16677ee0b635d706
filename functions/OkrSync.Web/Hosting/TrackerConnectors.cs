using System.Collections.Concurrent;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Sync;
using OkrSync.Trackers;

namespace OkrSync.Web.Hosting;

/// <summary>
/// The tracker side of the app, on the connectors (<see cref="WorkSourcesServiceCollectionExtensions.AddWorkSources"/>):
/// the sync of the configured sources (<c>OkrSync:GitHub:Repositories</c>, <c>OkrSync:Jira:Projects</c>) and the
/// single-item fetch for events that carry a reference.
/// </summary>
internal static class TrackerConnectors
{
    public static IServiceCollection AddTrackerConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkSources(configuration);
        services.AddSingleton<ITrackerSync, EngineSync>();
        services.AddSingleton<IWorkItemFetcher, SourceFetcher>();
        return services;
    }

    /// <summary>A fresh set of sources per run (API usage counts per instance), run by the <see cref="SyncEngine"/>.</summary>
    private sealed class EngineSync(IServiceProvider services) : ITrackerSync
    {
        public async Task<IReadOnlyList<SourceSyncOutcome>> RunAsync(bool reconcile, CancellationToken cancellationToken = default)
        {
            var sources = services.GetRequiredService<SourceFactory>().CreateConfigured();
            var engine = services.GetRequiredService<SyncEngine>();
            var report = reconcile ? await engine.ReconcileAsync(sources, cancellationToken: cancellationToken) : await engine.SyncAsync(sources, cancellationToken: cancellationToken);
            foreach (var stats in report.Sources)
            {
                OkrSyncTelemetry.Items.Add(stats.Written, new KeyValuePair<string, object?>("okrsync.source", stats.SourceId));
                OkrSyncTelemetry.ApiCalls.Add(stats.ApiCalls, new KeyValuePair<string, object?>("okrsync.source", stats.SourceId));
            }
            return [.. report.Sources.Select(s => new SourceSyncOutcome(s.SourceId, s.Summary(), s.Failed, s.Held))];
        }
    }

    /// <summary>
    /// Reads one item through the source that owns its repository or project. One source per repository or project is
    /// kept for the life of the app, with its ETag cache and its Jira site facts, so an event costs one tracker call.
    /// </summary>
    private sealed class SourceFetcher(IServiceProvider services) : IWorkItemFetcher
    {
        private readonly ConcurrentDictionary<string, Lazy<ITrackerSource>> sources = new(StringComparer.Ordinal);

        public async Task<WorkItem?> FetchAsync(SourceKind source, string key, CancellationToken cancellationToken = default)
        {
            if (TrackerKeys.Problem(source, key) is { } problem)
            {
                throw new FormatException(problem);
            }
            var entry = TrackerRegistry.For(source);
            var container = entry.Keys.ContainerOf(key)!;
            var tracker = sources.GetOrAdd(entry.SourceId(container), _ => new Lazy<ITrackerSource>(() =>
                services.GetRequiredService<SourceFactory>().CreateTracker(entry, container))).Value;
            return await entry.FetchAsync(tracker, key, cancellationToken);
        }
    }
}
