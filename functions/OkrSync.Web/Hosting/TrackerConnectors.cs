using System.Collections.Concurrent;
using System.Globalization;
using OkrSync.Core.Work;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Sync;
using OkrSync.Trackers;
using OkrSync.Trackers.GitHub;
using OkrSync.Trackers.Jira;

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
            if (source == SourceKind.GitHub)
            {
                var hash = key.LastIndexOf('#');
                var number = int.Parse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture);
                var github = (GitHubSource)SourceFor(new SourceSpec(SourceSpec.GitHub, key[..hash]));
                return await github.FetchAsync(number, cancellationToken);
            }
            var jira = (JiraSource)SourceFor(new SourceSpec(SourceSpec.Jira, TrackerKeys.JiraProjectOf(key)!));
            return await jira.FetchAsync(key, cancellationToken);
        }

        private ITrackerSource SourceFor(SourceSpec spec) =>
            sources.GetOrAdd($"{spec.Kind}:{spec.Value}", _ => new Lazy<ITrackerSource>(() =>
                (ITrackerSource)services.GetRequiredService<SourceFactory>().Create([spec]).Single())).Value;
    }
}
