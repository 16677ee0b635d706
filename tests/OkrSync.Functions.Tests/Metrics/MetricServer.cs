using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OkrSync.Functions.Tests.Metrics;

/// <summary>
/// A local metrics endpoint speaking JSON over HTTP: a number, a document without the pointer, a 500, one that never
/// answers (until the client gives up), a non-number, and one that needs a secret header. Counts requests per path.
/// </summary>
internal sealed class MetricServer : IAsyncDisposable
{
    public const string Secret = "s3cret-token";

    private readonly WebApplication app;
    private readonly Dictionary<string, int> hits = [];

    private MetricServer(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public Uri Url(string path) => new(BaseUri, path);

    public int Hits(string path)
    {
        lock (hits)
        {
            return hits.GetValueOrDefault(path);
        }
    }

    public static async Task<MetricServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        MetricServer? server = null;
        app.Use(async (context, next) =>
        {
            lock (server!.hits)
            {
                server.hits[context.Request.Path] = server.hits.GetValueOrDefault(context.Request.Path) + 1;
            }
            await next(context);
        });
        app.MapGet("/number", () => Results.Text("""{"data":{"value":41.5,"unit":"points"}}""", "application/json"));
        app.MapGet("/missing", () => Results.Text("""{"data":{"other":1}}""", "application/json"));
        app.MapGet("/error", () => Results.Text("""{"message":"database down"}""", "application/json", statusCode: 500));
        app.MapGet("/never", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        });
        app.MapGet("/text", () => Results.Text("""{"data":{"value":"n/a"}}""", "application/json"));
        app.MapGet("/secured", (HttpContext context) => context.Request.Headers["X-Api-Key"] == Secret
            ? Results.Text("""{"series":[{"y":3},{"y":7.25}]}""", "application/json")
            : Results.Text("""{"message":"unauthorized"}""", "application/json", statusCode: 401));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new MetricServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
