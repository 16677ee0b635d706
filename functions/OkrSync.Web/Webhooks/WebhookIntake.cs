using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// The common end of both webhooks: check what the event may touch (<see cref="TrackerEventChecks"/>: 400), stop a
/// redelivery (its id was recorded, or this process is recording it), put the message on the queue (as a fetch
/// reference when it is too large), wake the local queue pump, answer, and record the delivery id. The id is recorded
/// only after the enqueue succeeded: a failed enqueue answers 503, and the tracker's retry of that delivery is applied,
/// not taken for a duplicate. The record is written after the answer (<see cref="PendingDeliveries"/>): the answer
/// waits for two storage calls, not three. If the process stops before the record lands, a redelivery is queued again,
/// which changes nothing the second time.
/// </summary>
public sealed partial class WebhookIntake(IEventLog events, IEventQueue queue, QueueSignal signal, TimeProvider clock, TrackerClock trackerClock, ILogger<WebhookIntake> logger) : IAsyncDisposable
{
    private readonly PendingDeliveries pending = new();

    /// <summary>Waits (at most 10 s) for the delivery records still being written, so that a stopping app leaves them stored.</summary>
    public async ValueTask DisposeAsync() => await pending.DrainAsync(TimeSpan.FromSeconds(10));

    /// <summary>Waits for the delivery records still being written (tests, and a host that stops).</summary>
    internal Task DrainRecordsAsync(TimeSpan limit) => pending.DrainAsync(limit);

    public async Task<IResult> AcceptAsync(string source, string? deliveryId, TrackerEventMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TrackerEventChecks.Problem(message, clock.GetUtcNow(), trackerClock) is { } problem)
        {
            return Reject(source, StatusCodes.Status400BadRequest, problem);
        }
        if (deliveryId is not null && (pending.Contains(source, deliveryId) || await events.IsDeliveryRecordedAsync(source, deliveryId, cancellationToken)))
        {
            Hosting.RequestLogLine.MarkWritten();
            LogDuplicate(logger, source, deliveryId);
            OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "duplicate"));
            return WebhookResponses.Duplicate(deliveryId);
        }
        var fitted = message.FitToQueue();
        if (!ReferenceEquals(fitted, message))
        {
            Hosting.RequestLogLine.MarkWritten();
            LogReference(logger, source, message.Event, fitted.Fetches.Count);
        }
        try
        {
            await queue.EnqueueAsync(fitted.ToJson(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogEnqueueFailed(logger, source, deliveryId, e);
            return WebhookResponses.Error(StatusCodes.Status503ServiceUnavailable, "the event could not be queued; the next sync will pick the change up");
        }
        if (deliveryId is not null)
        {
            var receivedAt = clock.GetUtcNow();
            pending.Record(source, deliveryId, () => RecordAsync(source, deliveryId, receivedAt));
        }
        signal.Notify();
        Hosting.RequestLogLine.MarkWritten();
        LogAccepted(logger, source, message.Event, message.Action, deliveryId);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "accepted"));
        return WebhookResponses.Accepted(deliveryId);
    }

    // After the answer, so not with the request's token: the record must land even when the client has gone.
    private async Task RecordAsync(string source, string deliveryId, DateTimeOffset receivedAt)
    {
        try
        {
            if (!await events.TryRecordDeliveryAsync(source, deliveryId, receivedAt, CancellationToken.None))
            {
                // A concurrent delivery of the same id got there first: both messages are queued, and applying an
                // event twice changes nothing the second time.
                LogRaced(logger, source, deliveryId);
            }
        }
        catch (Exception e)
        {
            LogRecordFailed(logger, source, deliveryId, e);
        }
    }

    public IResult Ignore(string source, string eventName, string reason, string? deliveryId)
    {
        Hosting.RequestLogLine.MarkWritten();
        LogIgnored(logger, source, eventName, reason);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "ignored"));
        return WebhookResponses.Ignored(reason, deliveryId);
    }

    public IResult Reject(string source, int status, string reason)
    {
        Hosting.RequestLogLine.MarkWritten();
        LogRejected(logger, source, status, reason);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "rejected"));
        return WebhookResponses.Error(status, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook {Event}.{Action} accepted (delivery {DeliveryId})")]
    private static partial void LogAccepted(ILogger logger, string source, string @event, string? action, string? deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Source} webhook delivery {DeliveryId} could not be queued")]
    private static partial void LogEnqueueFailed(ILogger logger, string source, string? deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook delivery {DeliveryId} was queued but its id could not be recorded; a redelivery of it would be queued again")]
    private static partial void LogRecordFailed(ILogger logger, string source, string deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Source} webhook delivery {DeliveryId} arrived twice at once; both were queued")]
    private static partial void LogRaced(ILogger logger, string source, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook delivery {DeliveryId} was already received; ignored")]
    private static partial void LogDuplicate(ILogger logger, string source, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook {Event} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string source, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook {Event} is too large for a queue message; enqueued {Count} fetch reference(s) instead")]
    private static partial void LogReference(ILogger logger, string source, string @event, int count);
}
