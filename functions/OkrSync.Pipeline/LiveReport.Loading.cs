using System.Diagnostics;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>Loading the in-memory items from the store, without losing changes applied while the load runs.</summary>
public sealed partial class LiveReport
{
    private WorkItem[] Snapshot()
    {
        lock (sync)
        {
            return [.. items!.Values];
        }
    }

    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (items is null)
        {
            await LoadAsync(cancellationToken, onlyIfMissing: true);
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
            // the read below sees. A report stored after it makes this instance's next write lose, and catch up.
            var stored = await reports.ReadCurrentReportGenerationAsync(cancellationToken);
            var fresh = new Dictionary<string, WorkItem>(StringComparer.OrdinalIgnoreCase);
            var pool = new ItemStrings();
            await foreach (var item in itemStore.ReadAllItemsWithoutBodiesAsync(cancellationToken))
            {
                fresh[item.Key] = pool.Compact(item);
            }
            Volatile.Write(ref held, [.. await HeldReconcileFindings.ReadAsync(cursors, cancellationToken), .. await Metrics.StatusFindings.ReadAsync(cursors, cancellationToken)]);
            lock (sync)
            {
                replay.ForEach(change => change(fresh));
                replay = null;
                items = fresh;
                incremental = null;
                Volatile.Write(ref strings, pool);
                Interlocked.Exchange(ref generation, stored);
                loadedAt = clock.GetUtcNow();
            }
            LogLoaded(logger, fresh.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
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
}
