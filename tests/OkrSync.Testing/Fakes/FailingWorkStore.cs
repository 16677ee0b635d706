using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Testing.Fakes;

/// <summary>
/// Wraps a store and throws <see cref="SimulatedCrashException"/> on the upsert after <see cref="UpsertsBeforeCrash"/>
/// successful ones: a process that dies mid-sync. Set <see cref="UpsertsBeforeCrash"/> to null to stop failing.
/// </summary>
public sealed class FailingWorkStore(IWorkStore inner, int? upsertsBeforeCrash) : IWorkStore
{
    private int upserts;

    public int? UpsertsBeforeCrash { get; set; } = upsertsBeforeCrash;

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        if (UpsertsBeforeCrash is { } limit && Interlocked.Increment(ref upserts) > limit)
        {
            throw new SimulatedCrashException();
        }
        return inner.UpsertAsync(items, cancellationToken);
    }

    public Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default)
    {
        if (UpsertsBeforeCrash is { } limit && Interlocked.Increment(ref upserts) > limit)
        {
            throw new SimulatedCrashException();
        }
        return inner.UpsertFromTrackerAsync(items, cancellationToken);
    }

    public Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) => inner.DeleteAsync(keys, cancellationToken);

    public Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default) => inner.GetItemAsync(key, cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, CancellationToken cancellationToken = default) =>
        inner.ReadItemsAsync(source, container, cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default) => inner.ReadAllItemsAsync(cancellationToken);

    public IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync(CancellationToken cancellationToken = default) => inner.ReadAllItemsWithoutBodiesAsync(cancellationToken);

    public Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default) => inner.ReadItemChangeMarkAsync(cancellationToken);

    public Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default) =>
        inner.ReadItemsChangedSinceAsync(since, cancellationToken);

    public Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default) => inner.SaveCurrentReportAsync(report, cancellationToken);

    public Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default) => inner.ReadCurrentReportAsync(cancellationToken);

    public Task<long> ReadCurrentReportGenerationAsync(CancellationToken cancellationToken = default) => inner.ReadCurrentReportGenerationAsync(cancellationToken);

    public Task<ReportWrite> SaveCurrentReportIfAsync(ReportDocument report, long expectedGeneration, CancellationToken cancellationToken = default) =>
        inner.SaveCurrentReportIfAsync(report, expectedGeneration, cancellationToken);

    public Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default) =>
        inner.SaveWeeklySnapshotAsync(snapshot, cancellationToken);

    public IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync(CancellationToken cancellationToken = default) => inner.ReadWeeklySnapshotsAsync(cancellationToken);

    public Task<SyncCursor?> ReadCursorAsync(string sourceId, CancellationToken cancellationToken = default) => inner.ReadCursorAsync(sourceId, cancellationToken);

    public Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken = default) => inner.WriteCursorAsync(cursor, cancellationToken);

    public Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default) =>
        inner.IsDeliveryRecordedAsync(source, deliveryId, cancellationToken);

    public IAsyncEnumerable<SyncCursor> ReadCursorsAsync(string sourceIdPrefix, CancellationToken cancellationToken = default) =>
        inner.ReadCursorsAsync(sourceIdPrefix, cancellationToken);

    public Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default) =>
        inner.TryRecordDeliveryAsync(source, deliveryId, receivedAt, cancellationToken);

    public Task<int> PruneDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default) =>
        inner.PruneDeliveriesAsync(receivedBefore, cancellationToken);

    public Task RecordRemovalsAsync(IReadOnlyList<string> keys, DateTimeOffset removedAt, CancellationToken cancellationToken = default) =>
        inner.RecordRemovalsAsync(keys, removedAt, cancellationToken);

    public Task<DateTimeOffset?> GetRemovalAsync(string key, CancellationToken cancellationToken = default) => inner.GetRemovalAsync(key, cancellationToken);

    public Task<int> PruneRemovalsAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default) =>
        inner.PruneRemovalsAsync(removedBefore, cancellationToken);

    public Task<bool> TryClaimReportSendAsync(string isoWeek, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
        inner.TryClaimReportSendAsync(isoWeek, recipient, now, lease, cancellationToken);

    public Task MarkReportSentAsync(string isoWeek, string recipient, DateTimeOffset sentAt, CancellationToken cancellationToken = default) =>
        inner.MarkReportSentAsync(isoWeek, recipient, sentAt, cancellationToken);

    public Task<bool> AppendCheckInAsync(CheckIn checkIn, CancellationToken cancellationToken = default) =>
        inner.AppendCheckInAsync(checkIn, cancellationToken);

    public IAsyncEnumerable<CheckIn> ReadCheckInsAsync(string metricId, CancellationToken cancellationToken = default) =>
        inner.ReadCheckInsAsync(metricId, cancellationToken);

    public IAsyncEnumerable<CheckIn> ReadAllCheckInsAsync(CancellationToken cancellationToken = default) =>
        inner.ReadAllCheckInsAsync(cancellationToken);

    public Task ReleaseReportSendAsync(string isoWeek, string recipient, CancellationToken cancellationToken = default) =>
        inner.ReleaseReportSendAsync(isoWeek, recipient, cancellationToken);
}

public sealed class SimulatedCrashException : Exception
{
    public SimulatedCrashException()
        : base("simulated crash while writing to the store")
    {
    }

    public SimulatedCrashException(string message)
        : base(message)
    {
    }

    public SimulatedCrashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
