using OkrSync.Pipeline.Sync;

namespace OkrSync.Pipeline;

/// <summary>
/// Runs the configured tracker sources into the store: incrementally from their cursors, or as a full reconcile.
/// The pipeline's port onto the trackers: <c>OkrSync.Trackers</c> implements it (it references the pipeline, never
/// the other way round), and a test can run <see cref="SyncAndRecompute"/> on a fake.
/// </summary>
public interface ITrackerSync
{
    Task<IReadOnlyList<SourceSyncOutcome>> RunAsync(bool reconcile, CancellationToken cancellationToken = default);
}

/// <summary>One source's part of a run: its closing line, whether it failed, and the removals its reconcile held back (null when none).</summary>
public sealed record SourceSyncOutcome(string SourceId, string Summary, bool Failed, ReconcileHold? Held);
