using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;
using OkrSync.Trackers.Files;

namespace OkrSync.Trackers;

/// <summary>
/// One tracker, as the rest of the app sees it: its <see cref="SourceKind"/>, its <c>--source</c> specs (<c>KIND:CONTAINER</c>
/// for the live API, <c>KIND-export:PATH</c> for an export file of the same issues), its key shape, how its sources are
/// built and configured, and how one item is read by key. An export is a flag of the entry, not an entry of its own:
/// it is the same tracker's issues, mapped by the same mapper, keyed the same way, with the same <see cref="SourceKind"/>.
/// </summary>
public abstract class TrackerEntry
{
    private protected TrackerEntry()
    {
    }

    public abstract SourceKind Kind { get; }

    /// <summary>The spec prefix of the live source (<c>github</c>); also the prefix of its source ids.</summary>
    public string Prefix => Kind.Value;

    /// <summary>The spec prefix of an export file of this tracker (<c>github-export</c>).</summary>
    public string ExportPrefix => Kind.Value + "-export";

    /// <summary>How a container is written in a spec, for messages: <c>OWNER/REPO</c>, <c>PROJECT</c>.</summary>
    public abstract string ContainerForm { get; }

    /// <summary>The shape of the keys this tracker owns (kept in Core, where event checks need it).</summary>
    public abstract TrackerKeyShape Keys { get; }

    /// <summary>Why <paramref name="value"/> (after <c>KIND:</c> in <paramref name="text"/>) names no container, or null.</summary>
    public virtual string? ContainerProblem(string text, string value) =>
        value.Length == 0 ? $"'{text}': nothing after '{Prefix}:'" : null;

    /// <summary>The container as the tracker spells it (Jira project keys are upper case).</summary>
    public virtual string Normalize(string container) => container;

    /// <summary>The id of the source of <paramref name="container"/>: <c>github:acme/web</c>, <c>jira:ONB</c>.</summary>
    public string SourceId(string container) => $"{Prefix}:{Normalize(container)}";

    /// <summary>The containers to sync, from the bound options (the sync and the CLI without <c>--source</c>).</summary>
    public abstract IEnumerable<string> ConfiguredContainers(TrackerServices services);

    /// <summary>The containers health watches: the configured ones, or none while the tracker's connection is not set up.</summary>
    public virtual IEnumerable<string> WatchedContainers(TrackerServices services) => ConfiguredContainers(services);

    /// <summary>
    /// A builder of the live sources of one run: sources built by one builder share what the tracker reads once per
    /// run (Jira's site facts). Throws <see cref="InvalidOperationException"/> when the connection is not configured.
    /// </summary>
    public abstract Func<string, ITrackerSource> SourceBuilder(TrackerServices services);

    /// <summary>Reads the item with <paramref name="key"/> through <paramref name="source"/>, built by <see cref="SourceBuilder"/>; null when it is gone.</summary>
    public abstract Task<WorkItem?> FetchAsync(ITrackerSource source, string key, CancellationToken cancellationToken = default);

    /// <summary>How one issue of an export file becomes a work item.</summary>
    public abstract Func<JsonElement, WorkItem> ExportMapper(string? storyPointsField);

    /// <summary>An export file of this tracker as a source.</summary>
    public virtual IWorkSource CreateExport(string path, TrackerServices services) => new FileExportSource(Kind, path);
}

/// <summary>A <see cref="TrackerEntry"/> whose sources are <typeparamref name="TSource"/>, so its single-item fetch is typed.</summary>
public abstract class TrackerEntry<TSource> : TrackerEntry where TSource : ITrackerSource
{
    public sealed override Func<string, ITrackerSource> SourceBuilder(TrackerServices services)
    {
        var build = Builder(services);
        return container => build(container);
    }

    public sealed override Task<WorkItem?> FetchAsync(ITrackerSource source, string key, CancellationToken cancellationToken = default) =>
        source is TSource typed
            ? FetchAsync(typed, key, cancellationToken)
            : throw new ArgumentException($"'{source.Id}' is not a {Kind} source", nameof(source));

    protected abstract Func<string, TSource> Builder(TrackerServices services);

    protected abstract Task<WorkItem?> FetchAsync(TSource source, string key, CancellationToken cancellationToken);
}
