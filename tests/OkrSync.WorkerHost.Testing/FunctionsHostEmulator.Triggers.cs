using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

public sealed partial class FunctionsHostEmulator
{
    /// <summary>Fires a timer function as the host's timer listener does, with the schedule from its metadata.</summary>
    public Task<InvocationResponse> InvokeTimerAsync(string functionName, bool isPastDue = false, CancellationToken cancellationToken = default)
    {
        var function = Function(functionName);
        var schedule = function.Trigger().GetProperty("schedule").GetString() ?? "";
        var (input, metadata) = TriggerPayloads.Timer(schedule, isPastDue, options.TimeProvider.GetUtcNow());
        return InvokeAsync(functionName, Input(function, input), metadata, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Delivers a queue message as the host's queue listener does: the (already decoded) text as the trigger input and
    /// the message's binding data. <paramref name="dequeueCount"/> is 1 on the first delivery; a Failure answer is what
    /// makes the host deliver the message again, and move it to the poison queue after <c>maxDequeueCount</c>.
    /// </summary>
    public Task<InvocationResponse> InvokeQueueAsync(string functionName, string messageText, long dequeueCount = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dequeueCount, 1);
        var function = Function(functionName);
        var (input, metadata) = TriggerPayloads.Queue(messageText, dequeueCount, options.TimeProvider.GetUtcNow());
        return InvokeAsync(functionName, Input(function, input), metadata, cancellationToken: cancellationToken);
    }

    private static Dictionary<string, TypedData> Input(RpcFunctionMetadata function, TypedData trigger) =>
        new() { [function.TriggerName()] = trigger };
}
