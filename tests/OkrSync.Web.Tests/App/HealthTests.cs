using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Core.Ports;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Emulators;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.Fakes;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary><c>/api/health</c>: degraded while a configured source has never synced or its last sync failed; unhealthy without a strategy.</summary>
public sealed class HealthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 45, 0, TimeSpan.Zero);

    [Fact]
    public async Task SourceThatNeverSynced_MakesHealthDegradedNamingIt()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Repositories("acme/web", "acme/api"));
        await app.Store.WriteCursorAsync(new SyncCursor("github:acme/web", "2026-11-22T09:44:00Z", Now));

        var (status, health) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var sources = Sources(health);
        Assert.Equal("ok", sources["github:acme/web"].GetProperty("status").GetString());
        Assert.Equal("never-synced", sources["github:acme/api"].GetProperty("status").GetString());
        Assert.Contains(health.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("github:acme/api: never synced", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SourceWhoseLastSyncFailed_MakesHealthDegradedWithItsError()
    {
        var settings = Repositories("acme/web");
        settings["OkrSync:GitHub:BaseUrl"] = $"http://127.0.0.1:{FreePorts.Take(1)[0]}/";
        settings["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken;
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, settings, services => services.AddSingleton<TimeProvider>(new InstantTimeProvider(Now)));
        await app.Store.WriteCursorAsync(new SyncCursor("github:acme/web", "2026-11-21T09:44:00Z", Now.AddDays(-1)));
        await app.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));

        var (status, health) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", health.GetProperty("status").GetString());
        var source = Sources(health)["github:acme/web"];
        Assert.Equal("failed", source.GetProperty("status").GetString());
        Assert.Contains("connection refused", source.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(-1), source.GetProperty("lastSuccessfulSync").GetDateTimeOffset());
        Assert.Contains(health.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("github:acme/web: the last sync failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StrategyThatCannotBeLoaded_MakesHealthUnhealthy()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?> { ["OkrSync:StrategyPath"] = "/nonexistent/strategy.yaml" });

        var (status, health) = await HealthAsync(app);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("strategy").GetProperty("ok").GetBoolean());
        Assert.Contains(health.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("strategy:", StringComparison.Ordinal));
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Health)> HealthAsync(AppHarness app)
    {
        using var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    internal static Dictionary<string, JsonElement> Sources(JsonElement health) =>
        health.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s);

    private static Dictionary<string, string?> Repositories(params string[] repositories) =>
        repositories.Select((r, i) => (Key: $"OkrSync:GitHub:Repositories:{i}", Value: r)).ToDictionary(p => p.Key, p => (string?)p.Value);
}
