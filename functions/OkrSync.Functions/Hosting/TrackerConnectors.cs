using System.Globalization;
using OkrSync.Core.Work;
using OkrSync.Functions.ApplyTrackerEvent;
using OkrSync.Functions.Pipeline;
using OkrSync.Functions.Sources;
using OkrSync.Functions.Sources.GitHub;
using OkrSync.Functions.Sources.Jira;
using OkrSync.Functions.Sync;

namespace OkrSync.Functions.Hosting;

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

    /// <summary>Reads one item through the source that owns its repository or project.</summary>
    private sealed class SourceFetcher(IServiceProvider services) : IWorkItemFetcher
    {
        public async Task<WorkItem?> FetchAsync(SourceKind source, string key, CancellationToken cancellationToken = default)
        {
            var factory = services.GetRequiredService<SourceFactory>();
            if (source == SourceKind.GitHub)
            {
                var hash = key.LastIndexOf('#');
                if (hash < 0 || !int.TryParse(key.AsSpan(hash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    throw new FormatException($"'{key}' is not a GitHub issue key (owner/repo#number)");
                }
                var github = (GitHubSource)factory.Create([new SourceSpec(SourceSpec.GitHub, key[..hash])]).Single();
                return await github.FetchAsync(number, cancellationToken);
            }
            if (source == SourceKind.Jira)
            {
                var dash = key.LastIndexOf('-');
                var project = dash > 0 ? key[..dash] : throw new FormatException($"'{key}' is not a Jira issue key");
                var jira = (JiraSource)factory.Create([new SourceSpec(SourceSpec.Jira, project)]).Single();
                return await jira.FetchAsync(key, cancellationToken);
            }
            throw new NotSupportedException($"cannot fetch items of source '{source}'");
        }
    }
}
