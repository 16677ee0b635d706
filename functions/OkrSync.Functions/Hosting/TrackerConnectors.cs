using OkrSync.Core.Work;
using OkrSync.Functions.ApplyTrackerEvent;
using OkrSync.Functions.Pipeline;

namespace OkrSync.Functions.Hosting;

/// <summary>Registers the tracker side of the app: the sync of the configured sources and the single-item fetch.</summary>
internal static class TrackerConnectors
{
    public static IServiceCollection AddTrackerConnectors(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ITrackerSync, NoTrackerSync>();
        services.AddSingleton<IWorkItemFetcher, NoFetcher>();
        return services;
    }

    private sealed class NoTrackerSync : ITrackerSync
    {
        public Task<IReadOnlyList<SourceSyncOutcome>> RunAsync(bool reconcile, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SourceSyncOutcome>>([]);
    }

    private sealed class NoFetcher : IWorkItemFetcher
    {
        public Task<WorkItem?> FetchAsync(SourceKind source, string key, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("no tracker connector to fetch items with");
    }
}
