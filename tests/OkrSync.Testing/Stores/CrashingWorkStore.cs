using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Testing.Stores;

/// <summary>The simulated crash of <see cref="CrashingWorkStore"/>.</summary>
public sealed class SimulatedCrashException(int writes) : Exception($"Simulated crash after {writes} writes.");

/// <summary>
/// Wraps a store and "crashes" once a budget of writes is spent: a write beyond it throws
/// <see cref="SimulatedCrashException"/>. An upsert that straddles the budget writes its first items (as a smaller
/// upsert) and then throws, like a process dying mid-call. Each upserted item, cursor, deletion, report, snapshot,
/// delivery and send counts as one write. Reads always pass through.
/// </summary>
public sealed class CrashingWorkStore(IWorkStore inner, int writesBeforeCrash) : IWorkStore
{
    private readonly int budget = writesBeforeCrash;
    private int remaining = writesBeforeCrash;

    public bool Crashed { get; private set; }

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        UpsertAsync(items, inner.UpsertAsync, cancellationToken);

    public Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default) =>
        UpsertAsync(items, inner.UpsertFromTrackerAsync, cancellationToken);

    private async Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, Func<IReadOnlyList<WorkItem>, CancellationToken, Task<UpsertResult>> upsert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count <= remaining)
        {
            remaining -= items.Count;
            return await upsert(items, cancellationToken);
        }

        var allowed = Math.Max(remaining, 0);
        if (allowed > 0)
        {
            await upsert([.. items.Take(allowed)], cancellationToken);
        }

        throw Crash();
    }

    public async Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        Spend();
        return await inner.DeleteAsync(keys, cancellationToken);
    }

    public Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default) => inner.GetItemAsync(key, cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, CancellationToken cancellationToken = default) =>
        inner.ReadItemsAsync(source, container, cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default) => inner.ReadAllItemsAsync(cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync(CancellationToken cancellationToken = default) => inner.ReadAllItemsWithoutBodiesAsync(cancellationToken);

    public Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default) => inner.ReadItemChangeMarkAsync(cancellationToken);

    public Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default) =>
        inner.ReadItemsChangedSinceAsync(since, cancellationToken);

    public Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.SaveCurrentReportAsync(report, cancellationToken);
    }

    public Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default) => inner.ReadCurrentReportAsync(cancellationToken);

    public Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default) => inner.ReadCurrentReportGenerationAsync(cancellationToken);

    public Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.SaveCurrentReportIfAsync(report, expectedGeneration, cancellationToken);
    }

    public Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.SaveWeeklySnapshotAsync(snapshot, cancellationToken);
    }

    public IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync(CancellationToken cancellationToken = default) => inner.ReadWeeklySnapshotsAsync(cancellationToken);

    public Task<SyncCursor?> ReadCursorAsync(string sourceId, CancellationToken cancellationToken = default) => inner.ReadCursorAsync(sourceId, cancellationToken);

    public Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.WriteCursorAsync(cursor, cancellationToken);
    }

    public Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.IsDeliveryRecordedAsync(source, deliveryId, cancellationToken);
    }

    public IAsyncEnumerable<SyncCursor> ReadCursorsAsync(string sourceIdPrefix, CancellationToken cancellationToken = default) =>
        inner.ReadCursorsAsync(sourceIdPrefix, cancellationToken);

    public Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.TryRecordDeliveryAsync(source, deliveryId, receivedAt, cancellationToken);
    }

    public Task<int> PruneDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.PruneDeliveriesAsync(receivedBefore, cancellationToken);
    }

    public Task RecordRemovalsAsync(IReadOnlyList<string> keys, DateTimeOffset removedAt, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.RecordRemovalsAsync(keys, removedAt, cancellationToken);
    }

    public Task<DateTimeOffset?> GetRemovalAsync(string key, CancellationToken cancellationToken = default) => inner.GetRemovalAsync(key, cancellationToken);

    public Task<int> PruneRemovalsAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.PruneRemovalsAsync(removedBefore, cancellationToken);
    }

    public Task<bool> TryClaimReportSendAsync(string isoWeek, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.TryClaimReportSendAsync(isoWeek, recipient, now, lease, cancellationToken);
    }

    public Task MarkReportSentAsync(string isoWeek, string recipient, DateTimeOffset sentAt, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.MarkReportSentAsync(isoWeek, recipient, sentAt, cancellationToken);
    }

    public Task<bool> AppendCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.AppendCheckInAsync(checkIn, cancellationToken);
    }

    public IAsyncEnumerable<CheckIn> ReadCheckInsAsync(string metricId, CancellationToken cancellationToken = default) =>
        inner.ReadCheckInsAsync(metricId, cancellationToken);

    public IAsyncEnumerable<CheckIn> ReadAllCheckInsAsync(CancellationToken cancellationToken = default) =>
        inner.ReadAllCheckInsAsync(cancellationToken);

    public Task ReleaseReportSendAsync(string isoWeek, string recipient, CancellationToken cancellationToken = default)
    {
        Spend();
        return inner.ReleaseReportSendAsync(isoWeek, recipient, cancellationToken);
    }

    private void Spend()
    {
        if (remaining <= 0)
        {
            throw Crash();
        }

        remaining--;
    }

    private SimulatedCrashException Crash()
    {
        Crashed = true;
        return new SimulatedCrashException(budget);
    }
}
