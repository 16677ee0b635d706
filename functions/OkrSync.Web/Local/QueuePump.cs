using System.Globalization;
using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Pipeline.Webhooks;
using OkrSync.Web.Functions;
using OkrSync.Web.Invocations;

namespace OkrSync.Web.Local;

/// <summary>
/// <c>okrsync serve</c>'s stand-in for the host's queue trigger on <c>tracker-events</c>: receives batches, hands
/// each message to <c>ApplyTrackerEvent</c> in the host's payload shape (double-encoded text, string metadata)
/// through the <see cref="InvocationDispatcher"/>, deletes it on success, retries it after a failure, and moves it
/// to <c>tracker-events-poison</c> after <see cref="QueuePumpOptions.MaxDequeueCount"/> tries.
/// </summary>
internal sealed partial class QueuePump(IEventQueue queue, InvocationDispatcher dispatcher, QueueSignal signal, QueuePumpOptions options, ILogger<QueuePump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Like the host: up to BatchSize + BatchSize/2 messages in flight, fetching more once at most BatchSize/2 remain.
        var threshold = Math.Max(1, options.BatchSize / 2);
        var inFlight = new List<Task>();
        var idle = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(task => task.IsCompleted);
            try
            {
                if (inFlight.Count <= threshold)
                {
                    var messages = await queue.ReceiveAsync(options.BatchSize, options.VisibilityTimeout, stoppingToken);
                    if (messages.Count > 0)
                    {
                        idle = TimeSpan.FromMilliseconds(100);
                        // Task.Run: the SQLite adapters complete synchronously, which would otherwise apply messages (and
                        // report recomputes) one at a time instead of letting the recomputes coalesce.
                        inFlight.AddRange(messages.Select(m => Task.Run(() => ProcessAsync(m, stoppingToken), stoppingToken)));
                        continue;
                    }
                }
                if (inFlight.Count > 0)
                {
                    await InFlightOrSignalAsync(inFlight, stoppingToken);
                    continue;
                }
                await signal.WaitAsync(idle, stoppingToken);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, options.MaxPollingInterval.Ticks));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                LogPumpFailed(logger, e);
                if (!await BackOffAsync(stoppingToken))
                {
                    break;
                }
            }
        }
        try
        {
            await Task.WhenAll(inFlight);
        }
        catch (OperationCanceledException)
        {
            // Stopping: unfinished messages become visible again after their visibility timeout.
        }
    }

    /// <summary>
    /// Waits until a message in flight is done or a webhook enqueued another: a message in flight waits for the report
    /// write that covers it (at least the write interval), and a new event must not queue behind that.
    /// </summary>
    private async Task InFlightOrSignalAsync(List<Task> inFlight, CancellationToken stoppingToken)
    {
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = options.MaxPollingInterval > TimeSpan.Zero ? options.MaxPollingInterval : Timeout.InfiniteTimeSpan;
        var signalled = signal.WaitAsync(poll, abandon.Token);
        await Task.WhenAny(Task.WhenAny(inFlight), signalled);
        // A wait left pending would swallow the next signal: cancel it (or take what it got; the loop receives anyway).
        await abandon.CancelAsync();
        try
        {
            await signalled;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Cancelled above: nothing was signalled.
        }
    }

    private async Task<bool> BackOffAsync(CancellationToken stoppingToken)
    {
        try
        {
            await signal.WaitAsync(options.MaxPollingInterval, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ProcessAsync(QueuedEvent message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > options.MaxDequeueCount)
            {
                await PoisonAsync(message, stoppingToken);
                return;
            }
            var outcome = await dispatcher.DispatchAsync(ApplyTrackerEventFunction.FunctionName, Payload(message), stoppingToken);
            if (outcome.Succeeded)
            {
                await queue.DeleteAsync(message, stoppingToken);
            }
            else if (message.DequeueCount >= options.MaxDequeueCount)
            {
                await PoisonAsync(message, stoppingToken);
            }
            else
            {
                await queue.ReleaseAsync(message, options.RetryDelay, stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The message stays hidden until its visibility timeout ends, then it is tried again.
            LogMessageFailed(logger, message.Id, e);
        }
    }

    private async Task PoisonAsync(QueuedEvent message, CancellationToken stoppingToken)
    {
        await queue.MoveToPoisonAsync(message, stoppingToken);
        LogPoisoned(logger, message.Id, message.DequeueCount);
    }

    /// <summary>The host's queue invocation payload: the text JSON-encoded twice, scalars as strings.</summary>
    public static InvocationRequest Payload(QueuedEvent message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Data"] = new Dictionary<string, string> { [ApplyTrackerEventFunction.Binding] = JsonSerializer.Serialize(message.Text) },
            ["Metadata"] = new Dictionary<string, string>
            {
                ["DequeueCount"] = message.DequeueCount.ToString(CultureInfo.InvariantCulture),
                ["Id"] = JsonSerializer.Serialize(message.Id),
                ["InsertionTime"] = message.InsertedAt.ToString("o", CultureInfo.InvariantCulture),
                ["PopReceipt"] = JsonSerializer.Serialize(message.Receipt),
            },
        });
        return InvocationRequest.Parse(json);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue pump failed; polling again")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue operation on tracker event {MessageId} failed; it will be received again")]
    private static partial void LogMessageFailed(ILogger logger, string messageId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tracker event {MessageId} failed {DequeueCount} times; moved to tracker-events-poison")]
    private static partial void LogPoisoned(ILogger logger, string messageId, long dequeueCount);
}
