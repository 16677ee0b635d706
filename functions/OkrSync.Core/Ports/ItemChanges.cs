using OkrSync.Core.Work;

namespace OkrSync.Core.Ports;

/// <summary>
/// A point in an item store's history of changes (<see cref="IItemStore.ReadItemChangeMarkAsync"/>): what changed after
/// it is what <see cref="IItemStore.ReadItemsChangedSinceAsync"/> returns. Opaque to callers; each store writes and
/// reads its own form, and a mark it cannot read (another store's, a store replaced since) makes it say
/// <see cref="ItemChanges.Incomplete"/>.
/// </summary>
public readonly record struct ChangeMark(string Position)
{
    public override string ToString() => Position;
}

/// <summary>
/// The items changed after a <see cref="ChangeMark"/>: upserted (stored now, without their bodies) and deleted (keys),
/// and the mark to ask from next time. A key is in one list at most: an item stored now is an upsert, whatever was
/// deleted before. Changes made while this was read may be returned again next time (never lost), so applying the
/// same change twice must be harmless (it is: the store's version replaces the one held).
/// </summary>
public sealed record ItemChanges(IReadOnlyList<WorkItem> Upserts, IReadOnlyList<string> Deletes, ChangeMark Next)
{
    /// <summary>
    /// The store cannot say what changed since that mark (a mark it does not know, or older than what it remembers of
    /// deletions): the caller reads every item instead. <see cref="Upserts"/> and <see cref="Deletes"/> are empty.
    /// </summary>
    public bool Incomplete { get; init; }

    public static ItemChanges Unknown(ChangeMark next) => new([], [], next) { Incomplete = true };
}
