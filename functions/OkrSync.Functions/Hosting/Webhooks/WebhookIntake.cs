using OkrSync.Core.Ports;
using OkrSync.Functions.Events;

namespace OkrSync.Functions.Hosting.Webhooks;

/// <summary>
/// The common end of both webhooks: record the delivery id (a redelivery stops here), put the message on the queue
/// (as a fetch reference when it is too large), and wake the local queue pump.
/// The delivery is recorded before the enqueue: if the enqueue then fails, the answer is a 503 and the redelivery is
/// ignored; the next scheduled sync picks the change up.
/// </summary>
internal sealed partial class WebhookIntake(IWorkStore store, IEventQueue queue, QueueSignal signal, TimeProvider clock, ILogger<WebhookIntake> logger)
{
    public async Task<IResult> AcceptAsync(string source, string? deliveryId, TrackerEventMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (deliveryId is not null && !await store.TryRecordDeliveryAsync(source, deliveryId, clock.GetUtcNow(), cancellationToken))
        {
            LogDuplicate(logger, source, deliveryId);
            OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "duplicate"));
            return WebhookResponses.Duplicate(deliveryId);
        }
        var fitted = message.FitToQueue();
        if (!ReferenceEquals(fitted, message))
        {
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
        signal.Notify();
        LogAccepted(logger, source, message.Event, message.Action, deliveryId);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "accepted"));
        return WebhookResponses.Accepted(deliveryId);
    }

    public IResult Ignore(string source, string eventName, string reason, string? deliveryId)
    {
        LogIgnored(logger, source, eventName, reason);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "ignored"));
        return WebhookResponses.Ignored(reason, deliveryId);
    }

    public IResult Reject(string source, int status, string reason)
    {
        LogRejected(logger, source, status, reason);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "rejected"));
        return WebhookResponses.Error(status, reason);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook {Event}.{Action} accepted (delivery {DeliveryId})")]
    private static partial void LogAccepted(ILogger logger, string source, string @event, string? action, string? deliveryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Source} webhook delivery {DeliveryId} could not be queued")]
    private static partial void LogEnqueueFailed(ILogger logger, string source, string? deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook delivery {DeliveryId} was already received; ignored")]
    private static partial void LogDuplicate(ILogger logger, string source, string deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook {Event} ignored: {Reason}")]
    private static partial void LogIgnored(ILogger logger, string source, string @event, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook rejected with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string source, int status, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Source} webhook {Event} is too large for a queue message; enqueued {Count} fetch reference(s) instead")]
    private static partial void LogReference(ILogger logger, string source, string @event, int count);
}
