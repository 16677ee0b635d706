using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Pipeline.StrategySources;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers.GitHub;

namespace OkrSync.Functions.Tests.Sources;

public sealed class GitHubStrategyReaderTests
{
    private static readonly GitStrategyLocation Location = new("acme", "strategy", "okr/strategy.yaml", "main");
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task EnterpriseServerWithGitHubApp_ReadsTheFileAndItsCommitThenA304()
    {
        var clock = new FakeTimeProvider(Now);
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = clock, AppId = "12345", Tokens = [] });
        var commit = github.CommitFile("acme/strategy", "main", "okr/strategy.yaml", "name: Ünïcode strategy\n");
        using var key = RSA.Create(2048);
        await using var harness = ConnectorHarness.Create(clock, github, overrides: new Dictionary<string, string?>
        {
            ["OkrSync:GitHub:BaseUrl"] = github.EnterpriseBaseUri.AbsoluteUri,
            ["OkrSync:GitHub:Token"] = null,
            ["OkrSync:GitHub:AppId"] = "12345",
            ["OkrSync:GitHub:InstallationId"] = "777",
            ["OkrSync:GitHub:PrivateKey"] = key.ExportRSAPrivateKeyPem(),
        });
        var reader = harness.Services.GetRequiredService<IStrategySourceReader>();

        var first = await reader.ReadAsync(Location, null);
        var second = await reader.ReadAsync(Location, first.ETag);

        Assert.Null(first.Failure);
        Assert.Equal("name: Ünïcode strategy\n", first.Text);
        Assert.Equal(commit.Sha, first.Commit);
        Assert.NotNull(first.ETag);
        Assert.True(second.Unchanged);
        Assert.Single(github.ReceivedAppJwts);
        Assert.All(github.Metrics.RecordedRequests.Where(r => r.Endpoint != GitHubEndpoint.CreateInstallationToken), r => Assert.StartsWith("/api/v3/repos/acme/strategy/", r.PathAndQuery, StringComparison.Ordinal));
        Assert.Contains(github.Metrics.RecordedRequests, r => r.PathAndQuery == "/api/v3/repos/acme/strategy/commits?path=okr%2Fstrategy.yaml&sha=main&per_page=1");
    }

    [Fact]
    public async Task MissingFile_IsAFailureThatSaysWhatAndWhere()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.CommitFile("acme/strategy", "main", "README.md", "# hi\n");
        await using var harness = ConnectorHarness.Create(TimeProvider.System, github);

        var read = await harness.Services.GetRequiredService<IStrategySourceReader>().ReadAsync(Location, null);

        Assert.Null(read.Text);
        Assert.StartsWith("GitHub answered 404 for okr/strategy.yaml at main in acme/strategy: Not Found", read.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadToken_IsAFailureNamingTheSetting()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.CommitFile("acme/strategy", "main", "okr/strategy.yaml", "name: x\n");
        await using var harness = ConnectorHarness.Create(TimeProvider.System, github, overrides: new Dictionary<string, string?> { ["OkrSync:GitHub:Token"] = "ghp_wrong" });

        var read = await harness.Services.GetRequiredService<IStrategySourceReader>().ReadAsync(Location, null);

        Assert.Contains("GitHub answered 401", read.Failure, StringComparison.Ordinal);
        Assert.Contains("OkrSync:GitHub:Token", read.Failure, StringComparison.Ordinal);
    }
}
