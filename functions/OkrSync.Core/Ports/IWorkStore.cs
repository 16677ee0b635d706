using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Core.Ports;

/// <summary>
/// Where the pipeline keeps its state: work items, the current report, weekly snapshots, sync cursors,
/// webhook delivery ids and report sends. Two adapters implement it with the same semantics:
/// Azure Table Storage and embedded SQLite.
/// </summary>
public interface IWorkStore
{
    /// <summary>
    /// Inserts or updates items. An item whose content is unchanged is not rewritten; an item older than the
    /// stored version (by <see cref="WorkItem.Updated"/>) never overwrites it. Concurrent writers do not lose updates.
    /// </summary>
    Task<UpsertResult> UpsertAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts or updates items as a tracker's API lists them now (a sync or reconcile page): the tracker is the
    /// authority, so an item whose content differs replaces the stored version whatever the stored
    /// <see cref="WorkItem.Updated"/> (a forged far-future time cannot pin it). Unchanged items are not rewritten.
    /// </summary>
    Task<UpsertResult> UpsertFromTrackerAsync(IReadOnlyList<WorkItem> items, CancellationToken cancellationToken = default);

    /// <summary>Removes items by key; returns how many existed.</summary>
    Task<int> DeleteAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    Task<WorkItem?> GetItemAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The items of one repository or Jira project, streamed.</summary>
    IAsyncEnumerable<WorkItem> ReadItemsAsync(SourceKind source, string container, CancellationToken cancellationToken = default);

    /// <summary>All items, streamed.</summary>
    IAsyncEnumerable<WorkItem> ReadAllItemsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// All items without their description text (<see cref="WorkItem.Body"/> is null), streamed: what alignment and
    /// reports read. A body may hold up to 32,000 characters and nothing downstream of the store reads it, so a
    /// realign of every item holds a fraction of the memory; <see cref="GetItemAsync"/> gives one item whole.
    /// </summary>
    IAsyncEnumerable<WorkItem> ReadAllItemsWithoutBodiesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the current report, replacing the previous one, as given: callers keep its work items to those that need
    /// attention (orphaned and contradicting), so that it stays a bounded size. A large report is stored whole or not at all.
    /// </summary>
    Task SaveCurrentReportAsync(ReportDocument report, CancellationToken cancellationToken = default);

    Task<ReportDocument?> ReadCurrentReportAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes the snapshot of its ISO week, so that the week's last good state wins: a week with no snapshot gets this
    /// one; a week's snapshot is replaced by one taken later (<see cref="WeeklySnapshot.TakenAt"/>, compared as
    /// instants), never by one taken at the same time or earlier; and a week is never rewritten once a later week has a
    /// snapshot (a past week stays as it was). Returns whether this snapshot was written.
    /// </summary>
    Task<bool> SaveWeeklySnapshotAsync(WeeklySnapshot snapshot, CancellationToken cancellationToken = default);

    /// <summary>Weekly snapshots, oldest first.</summary>
    IAsyncEnumerable<WeeklySnapshot> ReadWeeklySnapshotsAsync(CancellationToken cancellationToken = default);

    Task<SyncCursor?> ReadCursorAsync(string sourceId, CancellationToken cancellationToken = default);

    Task WriteCursorAsync(SyncCursor cursor, CancellationToken cancellationToken = default);

    /// <summary>Whether a webhook delivery id was recorded (and not yet pruned).</summary>
    Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The cursors whose source id starts with <paramref name="sourceIdPrefix"/> (ordinal, case-sensitive), in ordinal
    /// order of their ids. The sync keeps a small status record per source under a prefix of its own (<c>status:</c>).
    /// </summary>
    IAsyncEnumerable<SyncCursor> ReadCursorsAsync(string sourceIdPrefix, CancellationToken cancellationToken = default);

    /// <summary>Records a webhook delivery id; false when it was already recorded (a redelivery).</summary>
    Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the delivery ids received before <paramref name="receivedBefore"/> (compared as instants); returns how
    /// many. A redelivery older than that is applied again, which is harmless: an event only upserts its item, and an
    /// older version never overwrites a newer one.
    /// </summary>
    Task<int> PruneDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Remembers that items were removed at the tracker (a deleted or transferred issue, told by a webhook) at
    /// <paramref name="removedAt"/>, so that an event about one of them that is older than the removal and arrives
    /// late is recognised as stale instead of bringing the item back. Recording a key again replaces its time.
    /// </summary>
    Task RecordRemovalsAsync(IReadOnlyList<string> keys, DateTimeOffset removedAt, CancellationToken cancellationToken = default);

    /// <summary>When the item was last recorded as removed, or null.</summary>
    Task<DateTimeOffset?> GetRemovalAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Forgets the removals recorded before <paramref name="removedBefore"/> (compared as instants); returns how many.</summary>
    Task<int> PruneRemovalsAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the send of one report to one recipient for one ISO week (e.g. <c>2026-W47</c>). False when it was
    /// already sent, or another sender holds an unexpired claim. A claim expires after <paramref name="lease"/>.
    /// </summary>
    Task<bool> TryClaimReportSendAsync(string isoWeek, string recipient, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a claimed send as done: it will never be claimed again.</summary>
    Task MarkReportSentAsync(string isoWeek, string recipient, DateTimeOffset sentAt, CancellationToken cancellationToken = default);

    /// <summary>Releases a claim after a failed send, so that a retry can claim it.</summary>
    Task ReleaseReportSendAsync(string isoWeek, string recipient, CancellationToken cancellationToken = default);
}

/// <summary>What an upsert did: rows written, items skipped because unchanged, and items skipped because the store held a newer version.</summary>
public readonly record struct UpsertResult(int Written, int Unchanged, int Stale)
{
    public static UpsertResult operator +(UpsertResult a, UpsertResult b) =>
        new(a.Written + b.Written, a.Unchanged + b.Unchanged, a.Stale + b.Stale);
}

/// <summary>
/// Where the last sync of one source stopped. <see cref="Position"/> is opaque to the store (an <c>updated</c>
/// high-water mark, usually ISO-8601). <see cref="ETag"/> lets a poll be conditional.
/// </summary>
public sealed record SyncCursor(string SourceId, string Position, DateTimeOffset SyncedAt)
{
    public string? ETag { get; init; }
}
