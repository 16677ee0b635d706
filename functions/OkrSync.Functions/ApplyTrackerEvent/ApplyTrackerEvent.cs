using OkrSync.Core.Ports;
using OkrSync.Pipeline.Events;

namespace OkrSync.Functions.ApplyTrackerEvent;

/// <summary>
/// The <c>tracker-events</c> queue (identity-based connection <c>OkrSyncStorage</c>): applies one webhook event. An
/// unreadable or refused message throws, so the host retries it and, after <c>maxDequeueCount</c>, moves it to
/// <c>tracker-events-poison</c>, where <c>/api/findings</c> reports it.
/// </summary>
public sealed class ApplyTrackerEvent(TrackerEventApplier applier)
{
    public const string Connection = "OkrSyncStorage";

    [Function(nameof(ApplyTrackerEvent))]
    public Task RunAsync([QueueTrigger(EventQueueNames.TrackerEvents, Connection = Connection)] string message, CancellationToken cancellationToken)
        => applier.ApplyAsync(TrackerEventMessage.Parse(message), cancellationToken);
}
