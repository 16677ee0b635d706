using System.Runtime.CompilerServices;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Tests.Pipeline;

/// <summary>The items store as a live report sees it, counting the items it reads: every one, or the changed ones.</summary>
internal sealed class CountingItemStore(IItemStore inner) : IItemStore
{
    private int fullReads;
    private int changesRead;

    /// <summary>Items read by full reads (<see cref="ReadAllItemsWithoutBodiesAsync"/>).</summary>
    public int ItemsReadInFull => Volatile.Read(ref fullReads);

    /// <summary>Items and deleted keys read as changes (<see cref="ReadItemsChangedSinceAsync"/>).</summary>
    public int ChangesRead => Volatile.Read(ref changesRead);

    /// <summary>Awaited once during the next full read, after its first item is read and before it is handed on.</summary>
    public Func<Task>? DuringNextFullRead { get; set; }

    public async IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in inner.ReadAllItemsWithoutBodiesAsync(cancellationToken))
        {
            if (DuringNextFullRead is { } hook)
            {
                DuringNextFullRead = null;
                await hook();
            }
            Interlocked.Increment(ref fullReads);
            yield return item;
        }
    }

    public async Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default)
    {
        var changes = await inner.ReadItemsChangedSinceAsync(since, cancellationToken);
        Interlocked.Add(ref changesRead, changes.Upserts.Count + changes.Deletes.Count);
        return changes;
    }

    public Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default) => inner.ReadItemChangeMarkAsync(cancellationToken);

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) => inner.UpsertAsync(items, cancellationToken);

    public Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) => inner.UpsertFromTrackerAsync(items, cancellationToken);

    public Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

    public Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default) => inner.GetItemAsync(key, cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, CancellationToken cancellationToken = default) => inner.ReadItemsAsync(source, container, cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default) => inner.ReadAllItemsAsync(cancellationToken);
}

/// <summary>The report store, recording when each current report was stored (by the clock given).</summary>
internal sealed class RecordingReportStore(IReportStore inner, TimeProvider clock) : IReportStore
{
    private readonly List<DateTimeOffset> written = [];

    public IReadOnlyList<DateTimeOffset> Written
    {
        get
        {
            lock (written)
            {
                return [.. written];
            }
        }
    }

    public async Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        var write = await inner.SaveCurrentReportIfAsync(report, expectedGeneration, cancellationToken);
        if (write.Written)
        {
            lock (written)
            {
                written.Add(clock.GetUtcNow());
            }
        }
        return write;
    }

    public Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default) => inner.SaveCurrentReportAsync(report, cancellationToken);

    public Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default) => inner.ReadCurrentReportGenerationAsync(cancellationToken);

    public Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default) => inner.ReadCurrentReportAsync(cancellationToken);

    public Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default) => inner.SaveWeeklySnapshotAsync(snapshot, cancellationToken);

    public IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync(CancellationToken cancellationToken = default) => inner.ReadWeeklySnapshotsAsync(cancellationToken);
}
