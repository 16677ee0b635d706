using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Functions.Tests.Sync;

/// <summary>The reconcile's removal share limit (<c>OkrSync:Reconcile:MaxRemovalShare</c>), around its threshold.</summary>
public sealed class ReconcileLimitEngineTests
{
    private const string Repo = "acme/web";
    private const int Stored = 10;

    [Theory]
    [InlineData(null, 2, false)] // 20% of the stored items: at the default limit, removed
    [InlineData(null, 3, true)] // 30%: above it, held
    [InlineData("0.5", 5, false)]
    [InlineData("0.5", 6, true)]
    [InlineData("1", Stored, false)] // a limit of 1 never holds
    public async Task RemovalShare_IsAppliedUpToTheLimitAndHeldAboveIt(string? maxShare, int deleted, bool held)
    {
        var clock = new InstantTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        await using var github = await FakeGitHubServer.StartAsync();
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = Stored });
        var overrides = maxShare is null ? null : new Dictionary<string, string?> { ["OkrSync:Reconcile:MaxRemovalShare"] = maxShare };
        await using var harness = ConnectorHarness.Create(clock, github, overrides: overrides);
        var store = new InMemoryWorkStore();
        await harness.Engine(store).SyncAsync(Sources(harness));
        for (var number = 1; number <= deleted; number++)
        {
            github.DeleteIssue(Repo, number);
        }

        var report = await harness.Engine(store).ReconcileAsync(Sources(harness));

        Assert.Equal(held ? Stored : Stored - deleted, store.Count);
        Assert.Equal(!held, report.Succeeded);
        Assert.Equal(held ? 0 : deleted, report.Sources[0].Deleted);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("a fifth")]
    public async Task MaxRemovalShareNotAShare_FailsNamingTheSetting(string value)
    {
        await using var harness = ConnectorHarness.Create(TimeProvider.System, overrides: new Dictionary<string, string?> { ["OkrSync:Reconcile:MaxRemovalShare"] = value });

        var error = Assert.ThrowsAny<Exception>(() => harness.Engine(new InMemoryWorkStore()));

        Assert.Contains("OkrSync:Reconcile:MaxRemovalShare", error.Message, StringComparison.Ordinal);
    }

    private static IReadOnlyList<OkrSync.Core.Ports.IWorkSource> Sources(ConnectorHarness harness) =>
        harness.Sources.Create([new SourceSpec(SourceSpec.GitHub, Repo)]);
}
