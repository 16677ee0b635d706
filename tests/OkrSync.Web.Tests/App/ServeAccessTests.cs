using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Logging;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary><c>okrsync serve</c> is safe by default: loopback, keys where they matter, and no key in the logs.</summary>
public sealed class ServeAccessTests
{
    private const string ReadKey = "read-key-5f1c2a";
    private const string AdminKey = "admin-key-93be7d";

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://*:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://[::]:8080")]
    [InlineData("http://127.0.0.1:7071;http://192.0.2.10:7071")]
    public void NonLoopbackAddressWithoutKey_RefusesToStart(string urls)
    {
        var error = Assert.Throws<AppHostException>(() => AppHost.Build(AppMode.Serve, [], c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls })));

        Assert.Contains("without OkrSync:Api:Key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071", true)]
    [InlineData("http://127.8.9.10:7071", true)]
    [InlineData("http://localhost:7071", true)]
    [InlineData("http://[::1]:7071", true)]
    [InlineData("https://0.0.0.0:443", false)]
    public void IsLoopback_KnowsLoopbackFromWildcardsAndOtherHosts(string url, bool loopback) =>
        Assert.Equal(loopback, ServeAccess.IsLoopback(url));

    [Fact]
    public void NonLoopbackAddressWithAKey_IsAllowed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["OkrSync:Api:Key"] = ReadKey }).Build();

        var access = ServeAccess.From(configuration, "http://0.0.0.0:8080");

        Assert.Equal((ReadKey, (string?)null), (access.Key, access.AdminKey));
    }

    [Fact]
    public async Task StateChangingEndpoint_IsOffWithoutAnAdminKey()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { ["OkrSync:Api:AdminKey"] = "" });

        var response = await SendAsync(app, HttpMethod.Post, "/ScheduledSync", key: null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("OkrSync:Api:AdminKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadKey_ReadsButDoesNotChangeState_AdminKeyDoesBoth()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, Keys());

        var noKey = await SendAsync(app, HttpMethod.Get, "/api/health", key: null);
        var readHealth = await SendAsync(app, HttpMethod.Get, "/api/health", ReadKey);
        var adminHealth = await SendAsync(app, HttpMethod.Get, "/api/health", AdminKey);
        var readRun = await SendAsync(app, HttpMethod.Post, "/ScheduledSync", ReadKey);
        var adminRun = await SendAsync(app, HttpMethod.Post, "/ScheduledSync", AdminKey);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK),
            (noKey.StatusCode, readHealth.StatusCode, adminHealth.StatusCode, readRun.StatusCode, adminRun.StatusCode));
    }

    [Fact]
    public async Task KeyInTheQueryString_IsAcceptedButNeverLogged()
    {
        var logs = new CapturingLoggerProvider();
        var settings = Keys();
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        await using var app = await AppHarness.StartAsync(AppMode.Serve, settings, s => s.AddSingleton<ILoggerProvider>(logs));
        app.Client.DefaultRequestHeaders.Remove("x-functions-key");

        var response = await app.Client.GetAsync(new Uri($"/api/health?code={ReadKey}", UriKind.Relative));
        // The request's log line is written once the response has gone out.
        var logged = await AppHarness.EventuallyAsync(() => Task.FromResult(logs.Lines.Any(l => l.Message.StartsWith("GET /api/health answered 200", StringComparison.Ordinal))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(logged, logs.Text);
        Assert.DoesNotContain(ReadKey, logs.Text, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Keys() => new() { ["OkrSync:Api:Key"] = ReadKey, ["OkrSync:Api:AdminKey"] = AdminKey };

    private static async Task<HttpResponseMessage> SendAsync(AppHarness app, HttpMethod method, string path, string? key)
    {
        app.Client.DefaultRequestHeaders.Remove("x-functions-key"); // the harness's own admin key is not this test's
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (method == HttpMethod.Post)
        {
            request.Content = HostPayloads.Json(HostPayloads.Timer("ScheduledSync"));
        }
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }
        return await app.Client.SendAsync(request);
    }
}
