using System.Collections.Concurrent;
using OkrSync.Pipeline.Sync;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Events;

namespace OkrSync.Trackers;

/// <summary>
/// The pipeline's <see cref="IWorkItemFetcher"/>: reads one item through the source that owns its repository or
/// project. One source per repository or project is kept for the life of the app, with its ETag cache and its Jira
/// site facts, so an event costs one tracker call.
/// </summary>
public sealed class TrackerItemFetcher(SourceFactory sources) : IWorkItemFetcher
{
    private readonly ConcurrentDictionary<string, Lazy<ITrackerSource>> trackers = new(StringComparer.Ordinal);

    public async Task<WorkItem?> FetchAsync(SourceKind source, string key, CancellationToken cancellationToken = default)
    {
        if (TrackerKeys.Problem(source, key) is { } problem)
        {
            throw new FormatException(problem);
        }
        var entry = TrackerRegistry.For(source);
        var container = entry.Keys.ContainerOf(key)!;
        var tracker = trackers.GetOrAdd(entry.SourceId(container), _ => new Lazy<ITrackerSource>(() => sources.CreateTracker(entry, container))).Value;
        return await entry.FetchAsync(tracker, key, cancellationToken);
    }
}
