using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// The common end of both webhooks: check what the event may touch (<see cref="TrackerEventChecks"/>: 400), stop a
/// redelivery (its id was recorded), put the message on the queue (as a fetch reference when it is too large), record
/// the delivery id, and wake the local queue pump. The id is recorded only after the enqueue succeeded: a failed
/// enqueue answers 503, and the tracker's retry of that delivery is applied, not taken for a duplicate.
/// </summary>
public sealed partial class WebhookIntake(IEventLog events, IEventQueue queue, QueueSignal signal, TimeProvider clock, TrackerClock trackerClock, ILogger<WebhookIntake> logger)
{
    public async Task<IResult> AcceptAsync(string source, string? deliveryId, TrackerEventMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (TrackerEventChecks.Problem(message, clock.GetUtcNow(), trackerClock) is { } problem)
        {
            return Reject(source, StatusCodes.Status400BadRequest, problem);
        }
        if (deliveryId is not null && await events.IsDeliveryRecordedAsync(source, deliveryId, cancellationToken))
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
        if (deliveryId is not null && !await events.TryRecordDeliveryAsync(source, deliveryId, clock.GetUtcNow(), cancellationToken))
        {
            // A concurrent delivery of the same id got there first: both messages are queued, and applying an event
            // twice changes nothing the second time.
            LogRaced(logger, source, deliveryId);
        }
        signal.Notify();
        Hosting.RequestLogLine.MarkWritten();
        LogAccepted(logger, source, message.Event, message.Action, deliveryId);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "accepted"));
        return WebhookResponses.Accepted(deliveryId);
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
