using Grpc.Core;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// The host's end of the one event stream a worker opens: it sends requests and matches the worker's replies by
/// request id (the worker answers concurrently, so replies come in any order), records the worker's logs, and fails
/// every pending request once the stream or the worker is gone.
/// </summary>
internal sealed class WorkerChannel(WorkerDiagnostics diagnostics)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TaskCompletionSource<StreamingMessage>> pending = [];
    private readonly TaskCompletionSource<StartStream> started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim writing = new(1, 1);
    private IServerStreamWriter<StreamingMessage>? writer;
    private Exception? closure;

    /// <summary>Completes with the worker's first message.</summary>
    public Task<StartStream> Started => started.Task;

    /// <summary>Runs for as long as the worker keeps its stream open (the gRPC call's lifetime).</summary>
    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> reader, IServerStreamWriter<StreamingMessage> streamWriter, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref writer, streamWriter, null) is not null)
        {
            throw new Grpc.Core.RpcException(new Status(StatusCode.AlreadyExists, "This test host serves one worker stream."));
        }

        try
        {
            await foreach (var message in reader.ReadAllAsync(cancellationToken))
            {
                Dispatch(message);
            }
            Close(new IOException("The worker closed its event stream."));
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or Grpc.Core.RpcException)
        {
            Close(new IOException($"The worker's event stream broke: {ex.Message}", ex));
        }
    }

    /// <summary>Sends <paramref name="message"/> under a new request id and completes with the worker's reply to it.</summary>
    public async Task<StreamingMessage> RequestAsync(StreamingMessage message, CancellationToken cancellationToken = default)
    {
        message.RequestId = Guid.NewGuid().ToString();
        var reply = new TaskCompletionSource<StreamingMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (closure is not null)
            {
                throw new InvalidOperationException($"The worker is gone: {closure.Message}", closure);
            }
            pending.Add(message.RequestId, reply);
        }

        await WriteAsync(message, cancellationToken);
        return await reply.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Sends <paramref name="message"/> under a new request id without waiting for a reply.</summary>
    public Task SendAsync(StreamingMessage message, CancellationToken cancellationToken = default)
    {
        message.RequestId = Guid.NewGuid().ToString();
        return WriteAsync(message, cancellationToken);
    }

    /// <summary>Fails the start and every pending request with <paramref name="reason"/>; later requests fail at once.</summary>
    public void Close(Exception reason)
    {
        List<TaskCompletionSource<StreamingMessage>> abandoned;
        lock (gate)
        {
            closure ??= reason;
            abandoned = [.. pending.Values];
            pending.Clear();
        }
        started.TrySetException(closure);
        abandoned.ForEach(r => r.TrySetException(closure));
    }

    private async Task WriteAsync(StreamingMessage message, CancellationToken cancellationToken)
    {
        var stream = writer ?? throw new InvalidOperationException("The worker has not opened its event stream yet.");
        await writing.WaitAsync(cancellationToken);
        try
        {
            // A server stream takes one write at a time.
            await stream.WriteAsync(message, cancellationToken);
        }
        finally
        {
            writing.Release();
        }
    }

    private void Dispatch(StreamingMessage message)
    {
        switch (message.ContentCase)
        {
            case StreamingMessage.ContentOneofCase.StartStream:
                started.TrySetResult(message.StartStream);
                break;
            case StreamingMessage.ContentOneofCase.RpcLog:
                diagnostics.AddLog(message.RpcLog);
                break;
            default:
                TaskCompletionSource<StreamingMessage>? reply;
                lock (gate)
                {
                    pending.Remove(message.RequestId, out reply);
                }
                reply?.TrySetResult(message);
                break;
        }
    }
}
