using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Storage;

/// <summary>An item ready to store: cut to the storage limits, with the hash of its original content.</summary>
internal sealed record PreparedItem(WorkItem Item, string Hash);

/// <summary>What the store holds for one key: enough to decide an upsert without reading the whole item.</summary>
internal sealed record StoredVersion(string Hash, DateTimeOffset Updated);

/// <summary>Who speaks for an upsert: an event (newer wins among events) or the tracker's API (always wins).</summary>
internal enum UpsertAuthority
{
    NewerWins,
    Tracker,
}

internal enum UpsertDecision
{
    Insert,
    Replace,
    Unchanged,
    Stale,
}

/// <summary>The upsert rules both adapters follow, so that they decide alike.</summary>
internal static class UpsertRules
{
    /// <summary>
    /// Same hash: nothing to write. Older <c>updated</c> than stored: never overwrite, unless the candidate comes from
    /// the tracker's API (<see cref="UpsertAuthority.Tracker"/>), which is the truth whatever the stored time says.
    /// Otherwise write, including an equal <c>updated</c> with a different hash (the tracker changed something without
    /// bumping its time: take the newer read).
    /// </summary>
    public static UpsertDecision Decide(PreparedItem candidate, StoredVersion? stored, UpsertAuthority authority = UpsertAuthority.NewerWins)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        if (stored is null)
        {
            return UpsertDecision.Insert;
        }

        if (string.Equals(stored.Hash, candidate.Hash, StringComparison.Ordinal))
        {
            return UpsertDecision.Unchanged;
        }

        return authority == UpsertAuthority.NewerWins && candidate.Item.Updated < stored.Updated ? UpsertDecision.Stale : UpsertDecision.Replace;
    }

    public static UpsertResult Count(UpsertDecision decision) => decision switch
    {
        UpsertDecision.Insert or UpsertDecision.Replace => new UpsertResult(1, 0, 0),
        UpsertDecision.Unchanged => new UpsertResult(0, 1, 0),
        _ => new UpsertResult(0, 0, 1),
    };

    /// <summary>
    /// Prepares a call's items and keeps one per key: the latest by <c>updated</c>, the last given among equals. The
    /// others are counted here, as unchanged when identical to the kept one, else as stale.
    /// </summary>
    public static (IReadOnlyList<PreparedItem> Kept, UpsertResult Dropped) Prepare(IReadOnlyList<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var kept = new Dictionary<string, PreparedItem>(items.Count, StringComparer.Ordinal);
        var dropped = default(UpsertResult);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item);
            var prepared = new PreparedItem(StoredItemLimits.Fit(item), WorkItemHash.Compute(item));
            if (!kept.TryGetValue(prepared.Item.Key, out var previous))
            {
                kept.Add(prepared.Item.Key, prepared);
                continue;
            }

            var (winner, loser) = prepared.Item.Updated >= previous.Item.Updated ? (prepared, previous) : (previous, prepared);
            kept[prepared.Item.Key] = winner;
            dropped += winner.Hash == loser.Hash ? new UpsertResult(0, 1, 0) : new UpsertResult(0, 0, 1);
        }

        return ([.. kept.Values], dropped);
    }
}
