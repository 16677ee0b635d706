namespace OkrSync.Core.Ports;

/// <summary>
/// The durable queue of tracker events between the webhooks and the function that applies them
/// (<c>tracker-events</c>, poison queue <c>tracker-events-poison</c>). Two adapters implement it with the same
/// semantics: Azure Storage Queues and an embedded SQLite queue for local mode.
/// A received message stays invisible for the visibility timeout; it is deleted once applied, made visible again
/// after a failure, and moved to the poison queue after too many tries, where it is kept.
/// </summary>
public interface IEventQueue
{
    /// <summary>Adds a message; the answer names it for <see cref="WithdrawAsync"/>.</summary>
    Task<EnqueuedEvent> EnqueueAsync(string message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes back a message this process enqueued, as long as nobody has received it yet. False when it was received
    /// meanwhile (it is then applied as any other) or is gone.
    /// </summary>
    Task<bool> WithdrawAsync(EnqueuedEvent message, CancellationToken cancellationToken = default);

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueuedEvent>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default);

    /// <summary>Removes a received message for good (it was applied).</summary>
    Task DeleteAsync(QueuedEvent message, CancellationToken cancellationToken = default);

    /// <summary>Makes a received message visible again after <paramref name="delay"/> (it failed and will be retried).</summary>
    Task ReleaseAsync(QueuedEvent message, TimeSpan delay, CancellationToken cancellationToken = default);

    /// <summary>Moves a received message to the poison queue, where it is kept.</summary>
    Task MoveToPoisonAsync(QueuedEvent message, CancellationToken cancellationToken = default);

    /// <summary>Reads, without removing, up to <paramref name="maxMessages"/> messages of the poison queue, oldest first.</summary>
    Task<IReadOnlyList<QueuedEvent>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken = default);
}

/// <summary>A message as enqueued: its id, and the receipt that lets its sender withdraw it (Azure's pop receipt).</summary>
public sealed record EnqueuedEvent(string Id, string Receipt);

/// <summary>
/// One message as received: <see cref="Receipt"/> proves the receive (Azure's pop receipt); <see cref="DequeueCount"/>
/// counts the receives so far, this one included.
/// </summary>
public sealed record QueuedEvent(string Id, string Receipt, string Text, long DequeueCount, DateTimeOffset InsertedAt);

/// <summary>The queue names shared by the app, the function.json bindings and the Bicep template.</summary>
public static class EventQueueNames
{
    public const string TrackerEvents = "tracker-events";
    public const string TrackerEventsPoison = "tracker-events-poison";
}
