namespace OkrSync.Core.Ports;

/// <summary>
/// What the webhooks have told: the delivery ids already applied (so that a redelivery is recognised) and the items
/// removed at the tracker (so that a late, older event does not bring one back). Both are pruned by age. A role of <see
/// cref="IWorkStore"/>: one store instance serves every role.
/// </summary>
public interface IEventLog
{
    /// <summary>Whether a webhook delivery id was recorded (and not yet pruned).</summary>
    Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default);

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
}
