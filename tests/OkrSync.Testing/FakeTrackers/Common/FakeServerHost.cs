using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OkrSync.Testing.FakeTrackers;

/// <summary>Starts a Kestrel server on 127.0.0.1 with a free port and reports its base address.</summary>
internal static class FakeServerHost
{
    public static async Task<(WebApplication App, Uri BaseUri)> StartAsync(
        Action<WebApplication> configure, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeServerHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, 0);
        });
        var app = builder.Build();
        configure(app);
        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return (app, new Uri(addresses.Addresses.First().TrimEnd('/') + "/"));
    }
}
