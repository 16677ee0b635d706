using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>The start (StartStream, init, metadata, one load per function) and the stop (WorkerTerminate).</summary>
public sealed partial class FunctionsHostEmulator
{
    private async Task StartWorkerAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan Left() => options.StartupTimeout - clock.Elapsed;

        server = await RpcServer.StartAsync(channel, cancellationToken);
        var workerId = Guid.NewGuid().ToString();
        worker = WorkerProcess.Start(WorkerLaunch.Describe(options, server.Address, workerId, Guid.NewGuid().ToString()), Diagnostics);
        _ = worker.Exited.ContinueWith(
            exited => channel.Close(new InvalidOperationException($"The worker exited with code {exited.Result}.{Diagnostics.Describe()}")),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var started = await Bounded.WaitAsync(channel.Started, "the worker's StartStream", Left(), Diagnostics, cancellationToken);
        if (started.WorkerId != workerId)
        {
            throw new InvalidOperationException($"The worker started a stream as {started.WorkerId}, not as {workerId}.");
        }

        var appDirectory = Path.GetFullPath(options.AppDirectory);
        var init = new WorkerInitRequest { HostVersion = HostVersion, WorkerDirectory = appDirectory, FunctionAppDirectory = appDirectory };
        init.Capabilities.Add("MultiStream", "10");
        var initReply = await RequestAsync(new StreamingMessage { WorkerInitRequest = init }, "the WorkerInitResponse", Left(), cancellationToken);
        var initResponse = initReply.WorkerInitResponse ?? throw Unexpected(initReply, "a WorkerInitResponse");
        EnsureSuccess(initResponse.Result, "WorkerInitRequest");
        Capabilities = initResponse.Capabilities.ToDictionary();

        var metadataReply = await RequestAsync(
            new StreamingMessage { FunctionsMetadataRequest = new() { FunctionAppDirectory = appDirectory } }, "the FunctionMetadataResponse", Left(), cancellationToken);
        var metadata = metadataReply.FunctionMetadataResponse ?? throw Unexpected(metadataReply, "a FunctionMetadataResponse");
        EnsureSuccess(metadata.Result, "FunctionsMetadataRequest");

        await Task.WhenAll(metadata.FunctionMetadataResults.Select(f => LoadAsync(f, Left(), cancellationToken)));
        StartupDuration = clock.Elapsed;
    }

    private async Task LoadAsync(RpcFunctionMetadata function, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // The metadata goes back as received, with the id the worker gave the function.
        var load = new FunctionLoadRequest { FunctionId = function.FunctionId, Metadata = function };
        var reply = await RequestAsync(new StreamingMessage { FunctionLoadRequest = load }, $"the FunctionLoadResponse of {function.Name}", timeout, cancellationToken);
        EnsureSuccess((reply.FunctionLoadResponse ?? throw Unexpected(reply, "a FunctionLoadResponse")).Result, $"FunctionLoadRequest of {function.Name}");
        lock (functions)
        {
            functions.Add(function.Name, function);
        }
    }

    private async Task StopWorkerAsync()
    {
        using var stopping = new CancellationTokenSource(options.ShutdownTimeout);
        try
        {
            // The worker answers with an empty message, stops its host and exits 0.
            var terminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(options.ShutdownTimeout) };
            await channel.SendAsync(new StreamingMessage { WorkerTerminate = terminate }, stopping.Token);
            await worker!.Exited.WaitAsync(stopping.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException or Grpc.Core.RpcException)
        {
            // Never connected, already gone, or slow to stop: disposing the process kills it.
        }
    }

    private Task<StreamingMessage> RequestAsync(StreamingMessage message, string awaited, TimeSpan timeout, CancellationToken cancellationToken) =>
        Bounded.WaitAsync(channel.RequestAsync(message, cancellationToken), awaited, timeout, Diagnostics, cancellationToken);

    private void EnsureSuccess(StatusResult? result, string request)
    {
        if (result?.Status != StatusResult.Types.Status.Success)
        {
            throw new InvalidOperationException(
                $"The worker failed the {request}: {result?.Exception?.Message ?? "(no result)"}{Diagnostics.Describe()}");
        }
    }

    private InvalidOperationException Unexpected(StreamingMessage reply, string expected) =>
        new($"The worker answered with {reply.ContentCase} where {expected} was expected.{Diagnostics.Describe()}");
}
