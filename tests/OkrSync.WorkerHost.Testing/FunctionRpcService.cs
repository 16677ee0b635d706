using Grpc.Core;
using OkrSync.WorkerHost.Testing.Rpc;

namespace OkrSync.WorkerHost.Testing;

/// <summary>The gRPC <c>AzureFunctionsRpcMessages.FunctionRpc</c> service: hands the worker's stream to the channel.</summary>
internal sealed class FunctionRpcService(WorkerChannel channel) : FunctionRpc.FunctionRpcBase
{
    public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
        => channel.RunAsync(requestStream, responseStream, context.CancellationToken);
}
