using OkrSync.Core.Ports;
using OkrSync.Pipeline;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Web.Webhooks;

/// <summary>
/// The common end of both webhooks: check what the event may touch (<see cref="TrackerEventChecks"/>: 400), stop a
/// redelivery (its id was recorded, or this process is recording it), put the message on the queue (as a fetch
/// reference when it is too large), wake the local queue pump, answer, and record the delivery id.
/// The enqueue and the check for a recorded id go to storage together, so the answer waits for one round trip. When
/// the id turns out to be recorded, the copy just queued is taken back (<see cref="IEventQueue.WithdrawAsync"/>)
/// and the answer is <c>duplicate</c>; if the pump received the copy first, it is applied, which changes nothing.
/// The id is recorded only after the enqueue succeeded: a failed enqueue answers 503, and the tracker's retry of that
/// delivery is applied, not taken for a duplicate. The record is written after the answer
/// (<see cref="PendingDeliveries"/>). If the process stops before the record lands, a redelivery is queued again,
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
        if (deliveryId is not null && pending.Contains(source, deliveryId))
        {
            return Duplicate(source, deliveryId);
        }
        var fitted = message.FitToQueue();
        if (!ReferenceEquals(fitted, message))
        {
            Hosting.RequestLogLine.MarkWritten();
            LogReference(logger, source, message.Event, fitted.Fetches.Count);
        }
        // The enqueue and the redelivery check go out together: the answer waits for one storage round trip, not two.
        var enqueue = EnqueueAsync(fitted, cancellationToken);
        var recorded = deliveryId is not null && await IsRecordedAsync(source, deliveryId, cancellationToken);
        var queued = await enqueue;
        if (recorded)
        {
            if (queued.Message is { } copy)
            {
                await WithdrawAsync(source, deliveryId!, copy);
            }
            return Duplicate(source, deliveryId!);
        }
        if (queued.Failure is { } failure)
        {
            LogEnqueueFailed(logger, source, deliveryId, failure);
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

    private async Task<(EnqueuedEvent? Message, Exception? Failure)> EnqueueAsync(TrackerEventMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return (await queue.EnqueueAsync(message.ToJson(), cancellationToken), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (null, e);
        }
    }

    // A check that fails does not stop the event: it is queued, and applying a redelivered event changes nothing.
    private async Task<bool> IsRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken)
    {
        try
        {
            return await events.IsDeliveryRecordedAsync(source, deliveryId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCheckFailed(logger, source, deliveryId, e);
            return false;
        }
    }

    // Not with the request's token: a client that has gone should not leave the copy queued.
    private async Task WithdrawAsync(string source, string deliveryId, EnqueuedEvent copy)
    {
        try
        {
            if (!await queue.WithdrawAsync(copy, CancellationToken.None))
            {
                LogCopyApplied(logger, source, deliveryId);
            }
        }
        catch (Exception e)
        {
            LogWithdrawFailed(logger, source, deliveryId, e);
        }
    }

    private IResult Duplicate(string source, string deliveryId)
    {
        Hosting.RequestLogLine.MarkWritten();
        LogDuplicate(logger, source, deliveryId);
        OkrSyncTelemetry.Webhooks.Add(1, new("okrsync.source", source), new("okrsync.outcome", "duplicate"));
        return WebhookResponses.Duplicate(deliveryId);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook delivery {DeliveryId}: whether it was received before could not be checked; it was queued, and applying it again changes nothing")]
    private static partial void LogCheckFailed(ILogger logger, string source, string deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Source} webhook delivery {DeliveryId} was a redelivery, but its copy was received before it could be taken back; applying it again changes nothing")]
    private static partial void LogCopyApplied(ILogger logger, string source, string deliveryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Source} webhook delivery {DeliveryId} was a redelivery, and its copy could not be taken back from the queue; applying it again changes nothing")]
    private static partial void LogWithdrawFailed(ILogger logger, string source, string deliveryId, Exception exception);

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
