using OkrSync.Core.Work;

namespace OkrSync.Core.Ports;

/// <summary>
/// Work items, as the trackers list them: what the sync writes and alignment and reports read. A role of <see
/// cref="IWorkStore"/>: one store instance serves every role.
/// </summary>
public interface IItemStore
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
    /// The store's change mark now: every item change made after it (an upsert that wrote, a delete) is returned by
    /// <see cref="ReadItemsChangedSinceAsync"/> given it. Read it before a full read of the items, so that whatever
    /// changes while they are read is caught up afterwards.
    /// </summary>
    Task<ChangeMark> ReadItemChangeMarkAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// What changed after <paramref name="since"/>: items upserted since (without bodies, as
    /// <see cref="ReadAllItemsWithoutBodiesAsync"/>) and keys deleted since, with the mark to pass next time. Costs what
    /// changed, not what is stored. A mark the store cannot answer for gives <see cref="ItemChanges.Incomplete"/>.
    /// </summary>
    Task<ItemChanges> ReadItemsChangedSinceAsync(ChangeMark since, CancellationToken cancellationToken = default);
}
