using System.Diagnostics;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>
/// Loading the in-memory items from the store, without losing changes applied while the load runs, and without holding
/// every item twice: the first load builds the set; later ones (after a sync, <see cref="LiveReport.ReloadAsync"/>) read
/// every item but keep the ones held whenever the store's copy is the same, and apply what differs, and what the store
/// no longer has, to the held set and the incremental report in one step at the end, so that no report is computed
/// from half a load. A catch-up (a lost race, <see cref="LiveReport.MaxAge"/>) reads only what changed since the last
/// load or catch-up (<see cref="IItemStore.ReadItemsChangedSinceAsync"/>).
/// Changes applied while the store is read (<see cref="LiveReport.ApplyAsync"/>) are applied at once and also kept, then
/// applied again after what was read, which may predate them.
/// </summary>
public sealed partial class LiveReport
{
    // Where the store's change history stood when the held items last caught up with it; null before the first load.
    private ChangeMark? mark;

    private WorkItem[] Snapshot()
    {
        lock (sync)
        {
            return [.. items!.Values];
        }
    }

    /// <summary>
    /// After a load and the first report over it: a load reads every item once more than it keeps (the store's rows,
    /// the copies an in-place reload drops, the backfill's weeks), so hand that memory back to the system now rather
    /// than keep it committed as the process's high-water mark. From <see cref="CompactAfterLoadOf"/> items.
    /// </summary>
    private void CompactAfterLoad()
    {
        if (Interlocked.Exchange(ref loadedCount, 0) >= CompactAfterLoadOf)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (items is null)
        {
            await LoadAsync(cancellationToken, onlyIfMissing: true);
        }
    }

    /// <summary>One change as <see cref="ApplyAsync"/> received it, kept to be applied again after a load.</summary>
    private sealed record Change(IReadOnlyList<WorkItem> Upserts, IReadOnlyList<string> Deletes);

    /// <summary>Applies a change to the held items and the incremental report; callers hold <c>sync</c>.</summary>
    private void ApplyLocked(IReadOnlyList<WorkItem> upserts, IReadOnlyList<string> deletes)
    {
        var set = items!;
        var accepted = new List<WorkItem>(upserts.Count);
        foreach (var item in upserts)
        {
            if (!set.TryGetValue(item.Key, out var known) || item.Updated >= known.Updated)
            {
                // As loaded from the store: no body, which nothing here reads, and repeating strings shared.
                var stored = Volatile.Read(ref strings).Compact(item);
                set[item.Key] = stored;
                accepted.Add(stored);
            }
        }
        foreach (var key in deletes)
        {
            set.Remove(key);
        }
        // The incremental report follows the same changes: what they touch, not every item.
        incremental?.Apply(accepted, deletes);
    }

    /// <summary>The store's versions (newer or not: the store is the truth), then the changes applied meanwhile; callers hold <c>sync</c>.</summary>
    private void SettleLocked(List<WorkItem> changed, List<string> removed)
    {
        var set = items!;
        foreach (var item in changed)
        {
            set[item.Key] = item;
        }
        removed.RemoveAll(key => !set.Remove(key));
        incremental?.Apply(changed, removed);
        foreach (var change in replay!)
        {
            ApplyLocked(change.Upserts, change.Deletes);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken, bool onlyIfMissing = false)
    {
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (onlyIfMissing && items is not null)
            {
                return;
            }
            lock (sync)
            {
                replay = [];
            }
            var started = Stopwatch.GetTimestamp();
            // The generation first: every report stored up to it was computed from items already in the store, which
            // the read below sees. A report stored after it makes this instance's next write lose, and catch up. The
            // change mark next: whatever changes while the items are read is read again by the next catch-up.
            var stored = await reports.ReadCurrentReportGenerationAsync(cancellationToken);
            var from = await itemStore.ReadItemChangeMarkAsync(cancellationToken);
            var pool = new ItemStrings();
            Dictionary<string, WorkItem>? held;
            lock (sync)
            {
                held = items;
            }
            int count;
            if (held is null)
            {
                var fresh = new Dictionary<string, WorkItem>(StringComparer.OrdinalIgnoreCase);
                await foreach (var item in itemStore.ReadAllItemsWithoutBodiesAsync(cancellationToken))
                {
                    fresh[item.Key] = pool.Compact(item);
                }
                await ReadHeldFindingsAsync(cancellationToken);
                lock (sync)
                {
                    items = fresh;
                    incremental = null;
                    SettleLocked([], []);
                    Caught(stored, from, pool);
                    count = fresh.Count;
                }
            }
            else
            {
                // In place: an item the store holds as it is held here is kept (the copy just read is garbage at once);
                // only the ones that differ wait for the end, and the keys seen, to find what the store no longer has.
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var changed = new List<WorkItem>();
                await foreach (var item in itemStore.ReadAllItemsWithoutBodiesAsync(cancellationToken))
                {
                    WorkItem? known;
                    lock (sync)
                    {
                        held.TryGetValue(item.Key, out known);
                    }
                    if (known is not null && WorkItemContent.Same(known, item))
                    {
                        seen.Add(known.Key);
                    }
                    else
                    {
                        var compact = pool.Compact(item);
                        changed.Add(compact);
                        seen.Add(compact.Key);
                    }
                }
                await ReadHeldFindingsAsync(cancellationToken);
                lock (sync)
                {
                    var removed = held.Keys.Where(key => !seen.Contains(key)).ToList();
                    SettleLocked(changed, removed);
                    Caught(stored, from, pool);
                    count = held.Count;
                }
                LogRealigned(logger, changed.Count, count);
            }
            LogLoaded(logger, count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            loadedCount = count;
        }
        finally
        {
            lock (sync)
            {
                replay = null;
            }
            loading.Release();
        }
    }

    /// <summary>
    /// Reads what changed in the store since the last load or catch-up and applies it: the cost of the changes, not of
    /// the store. A store that cannot say (no mark yet, or one it does not know) makes it a full load.
    /// </summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var full = true;
        await loading.WaitAsync(cancellationToken);
        try
        {
            if (items is null || mark is not { } since)
            {
                return;
            }
            lock (sync)
            {
                replay = [];
            }
            var stored = await reports.ReadCurrentReportGenerationAsync(cancellationToken);
            var changes = await itemStore.ReadItemsChangedSinceAsync(since, cancellationToken);
            if (changes.Incomplete)
            {
                LogCatchUpIncomplete(logger, since.Position);
                return;
            }
            full = false;
            var pool = Volatile.Read(ref strings);
            var changed = new List<WorkItem>(changes.Upserts.Count);
            foreach (var item in changes.Upserts)
            {
                WorkItem? known;
                lock (sync)
                {
                    items.TryGetValue(item.Key, out known);
                }
                if (known is null || !WorkItemContent.Same(known, item))
                {
                    changed.Add(pool.Compact(item));
                }
            }
            await ReadHeldFindingsAsync(cancellationToken);
            lock (sync)
            {
                SettleLocked(changed, [.. changes.Deletes]);
                Caught(stored, changes.Next, pool);
            }
            LogCaughtUp(logger, changes.Upserts.Count, changes.Deletes.Count, changed.Count);
        }
        finally
        {
            lock (sync)
            {
                replay = null;
            }
            loading.Release();
        }
        if (full)
        {
            await LoadAsync(cancellationToken);
        }
    }

    /// <summary>The held items now stand at <paramref name="at"/> of the store and report <paramref name="stored"/>; callers hold <c>sync</c>.</summary>
    private void Caught(long stored, ChangeMark at, ItemStrings pool)
    {
        Volatile.Write(ref strings, pool);
        Interlocked.Exchange(ref generation, stored);
        mark = at;
        loadedAt = clock.GetUtcNow();
    }

    private async Task ReadHeldFindingsAsync(CancellationToken cancellationToken) =>
        Volatile.Write(ref held, [.. await HeldReconcileFindings.ReadAsync(cursors, cancellationToken), .. await Metrics.StatusFindings.ReadAsync(cursors, cancellationToken)]);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reloaded in place: {Changed} of {Count} items differed from the ones held")]
    private static partial void LogRealigned(ILogger logger, int changed, int count);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Caught up with the store: {Upserts} items stored and {Deletes} deleted since the last read, {Changed} of them new here")]
    private static partial void LogCaughtUp(ILogger logger, int upserts, int deletes, int changed);

    [LoggerMessage(Level = LogLevel.Information, Message = "The store cannot say what changed since mark {Mark}: reading every item")]
    private static partial void LogCatchUpIncomplete(ILogger logger, string mark);
}
