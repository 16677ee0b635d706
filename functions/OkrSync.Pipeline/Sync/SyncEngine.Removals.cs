using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline.Sync;

/// <summary>The removal half of a reconcile, with its safety limit (<see cref="ReconcileOptions.MaxRemovalShare"/>).</summary>
public sealed partial class SyncEngine
{
    // A tracker source owns its container even when the pass saw nothing in it; an export owns the containers it lists.
    private static IEnumerable<string> ScopeOf(IWorkSource source, HashSet<string> containers) =>
        source is ITrackerSource tracker ? containers.Append(tracker.Container).Distinct(StringComparer.Ordinal) : containers;

    /// <summary>
    /// After a full pass: the stored items of the source's scope that the pass did not see are removed, unless they are
    /// more than the allowed share of them (and the pass does not allow that): then none are, and the hold is returned.
    /// </summary>
    private async Task<(int Deleted, ReconcileHold? Held)> RemoveUnseenAsync(IWorkSource source, SourceKind kind, HashSet<string> containers, HashSet<string> seen, Pass pass, CancellationToken cancellationToken)
    {
        var (stored, unseen) = await UnseenAsync(kind, ScopeOf(source, containers), seen, cancellationToken);
        var held = pass == Pass.ReconcileAllowingMassRemoval ? null : ReconcileHold.Check(stored, unseen.Count, maxRemovalShare, time.GetUtcNow());
        if (held is not null)
        {
            LogReconcileHeld(logger, source.Id, held.Unseen, held.Stored);
            return (0, held);
        }
        return (await DeleteAsync(unseen, cancellationToken), null);
    }

    /// <summary>How many items the scope stores, and the keys of those the pass did not see.</summary>
    private async Task<(int Stored, List<string> Unseen)> UnseenAsync(SourceKind kind, IEnumerable<string> containers, HashSet<string> seen, CancellationToken cancellationToken)
    {
        var stored = 0;
        var unseen = new List<string>();
        foreach (var container in containers)
        {
            await foreach (var item in itemStore.ReadItemsAsync(kind, container, cancellationToken))
            {
                stored++;
                if (!seen.Contains(item.Key))
                {
                    unseen.Add(item.Key);
                }
            }
        }
        return (stored, unseen);
    }

    private async Task<int> DeleteAsync(List<string> keys, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var batch in keys.Chunk(DeleteBatch))
        {
            deleted += await itemStore.DeleteAsync(batch, cancellationToken);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconcile of {SourceId} held: it would remove {Unseen} of {Stored} stored items, more than the allowed share; nothing was removed")]
    private static partial void LogReconcileHeld(ILogger logger, string sourceId, int unseen, int stored);
}
