using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Functions.Tests.Sources;

public sealed class GitHubAppAuthTests
{
    private const string Repo = "acme/web";

    [Fact]
    public async Task InstallationToken_IsReusedThenRefreshedFiveMinutesBeforeExpiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = clock, AppId = "12345", Tokens = [] });
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = 20 });
        using var key = RSA.Create(2048);
        await using var harness = ConnectorHarness.Create(clock, github, overrides: new Dictionary<string, string?>
        {
            ["OkrSync:GitHub:Token"] = null,
            ["OkrSync:GitHub:AppId"] = "12345",
            ["OkrSync:GitHub:InstallationId"] = "777",
            ["OkrSync:GitHub:PrivateKey"] = key.ExportRSAPrivateKeyPem(),
        });
        var store = new InMemoryWorkStore();
        async Task<string?> SyncAsync() => (await harness.Engine(store).SyncAsync(harness.Sources.Create([new SourceSpec(SourceSpec.GitHub, Repo)]))).Sources[0].Error;

        var first = await SyncAsync();
        clock.Advance(TimeSpan.FromMinutes(54));
        var beforeMargin = await SyncAsync();
        var tokensBeforeMargin = github.ReceivedAppJwts.Count;
        clock.Advance(TimeSpan.FromMinutes(2));
        var insideMargin = await SyncAsync();

        Assert.Equal("", $"{first}{beforeMargin}{insideMargin}");
        Assert.Equal(1, tokensBeforeMargin);
        Assert.Equal(2, github.ReceivedAppJwts.Count);
        Assert.All(github.ReceivedAppJwts, jwt => Assert.Equal("RS256", jwt.Algorithm));
        Assert.All(github.ReceivedAppJwts, jwt => Assert.Equal("12345", jwt.Issuer));
        Assert.Equal(20, store.Count);
    }
}
