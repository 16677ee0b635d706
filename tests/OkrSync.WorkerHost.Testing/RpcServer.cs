using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OkrSync.WorkerHost.Testing;

/// <summary>
/// The host's gRPC server: Kestrel on a free loopback port, HTTP/2 without TLS (the worker's channel uses
/// <c>http://</c>, so it speaks HTTP/2 with prior knowledge), and message limits as large as the host's (int.MaxValue).
/// </summary>
internal sealed class RpcServer(WebApplication app, Uri address) : IAsyncDisposable
{
    /// <summary>The address the worker is given as <c>--functions-uri</c>, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; } = address;

    public static async Task<RpcServer> StartAsync(WorkerChannel channel, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, endpoint => endpoint.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(grpc =>
        {
            grpc.MaxReceiveMessageSize = int.MaxValue;
            grpc.MaxSendMessageSize = int.MaxValue;
        });
        builder.Services.AddSingleton(channel);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcService>();
        await app.StartAsync(cancellationToken);

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var port = new Uri(bound).Port;
        return new RpcServer(app, new Uri($"http://127.0.0.1:{port}/"));
    }

    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stopping.Token);
        await app.DisposeAsync();
    }
}
