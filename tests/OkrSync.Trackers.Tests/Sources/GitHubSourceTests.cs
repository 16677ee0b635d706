using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.Fakes;

namespace OkrSync.Functions.Tests.Sources;

public sealed class GitHubSourceTests : IAsyncLifetime
{
    private const string Repo = "acme/web";
    private readonly InstantTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryWorkStore store = new();
    private FakeGitHubServer github = null!;
    private ConnectorHarness harness = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = clock });
        harness = ConnectorHarness.Create(clock, github);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await github.DisposeAsync();
    }

    [Fact]
    public async Task FullSync_MakesOneListCallPerHundredItemsPlusTheTailCall()
    {
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = 1050 });

        var report = await SyncAsync();

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(1050, store.Count);
        Assert.Equal(11 + 1, github.Metrics.Requests(GitHubEndpoint.ListIssues));
        Assert.Equal(12, report.Sources[0].ApiCalls);
        Assert.Equal(1050, report.Sources[0].Written);
    }

    [Fact]
    public async Task ImmediateSecondSync_IsOneConditionalCallAnswered304AndWritesNothing()
    {
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = 250 });
        await SyncAsync();
        github.Metrics.Reset();
        var rowsBefore = store.RowsWritten;

        var report = await SyncAsync();

        Assert.Equal(1, github.Metrics.Requests(GitHubEndpoint.ListIssues));
        Assert.Equal(1, github.Metrics.NotModified);
        Assert.Equal(1, report.Sources[0].NotModified);
        Assert.Equal(rowsBefore, store.RowsWritten);
        Assert.Equal(0, report.Sources[0].Fetched);
    }

    [Fact]
    public async Task ChangeAfterSync_IsReadByTheNextSyncInTwoCalls()
    {
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = 250 });
        await SyncAsync();
        clock.Advance(TimeSpan.FromMinutes(5));
        github.SetTitle(Repo, 7, "Renamed after the first sync");
        github.Metrics.Reset();

        var report = await SyncAsync();

        Assert.Equal("Renamed after the first sync", (await store.GetItemAsync($"{Repo}#7"))!.Title);
        Assert.Equal(1, report.Sources[0].Written);
        Assert.Equal(2, github.Metrics.Requests(GitHubEndpoint.ListIssues));
        Assert.Equal(0, github.Metrics.NotModified);
    }

    [Fact]
    public async Task SubIssue_InheritsItsParentFromTheIssueField()
    {
        github.AddRepository(Repo);
        var parent = github.AddIssue(Repo, new FakeGitHubIssue { Title = "Epic" });
        var child = github.AddIssue(Repo, new FakeGitHubIssue { Title = "Child", Parent = new FakeIssueRef(Repo, parent.Number) });

        await SyncAsync();

        Assert.Equal($"{Repo}#{parent.Number}", (await store.GetItemAsync($"{Repo}#{child.Number}"))!.ParentKey);
        Assert.Equal(0, github.Metrics.Requests(GitHubEndpoint.ListSubIssues));
    }

    [Fact]
    public async Task SubIssue_InheritsItsParentFromTheSubIssuesListWhenConfigured()
    {
        await using var listing = ConnectorHarness.Create(clock, github, overrides: new Dictionary<string, string?> { ["OkrSync:GitHub:SubIssueParents"] = "ListSubIssues" });
        github.AddRepository(Repo);
        var parent = github.AddIssue(Repo, new FakeGitHubIssue { Title = "Epic" });
        var child = github.AddIssue(Repo, new FakeGitHubIssue { Title = "Child", Parent = new FakeIssueRef(Repo, parent.Number) });

        await listing.Engine(store).SyncAsync(listing.Sources.Create([new OkrSync.Trackers.SourceSpec("github", Repo)]));

        Assert.Equal($"{Repo}#{parent.Number}", (await store.GetItemAsync($"{Repo}#{child.Number}"))!.ParentKey);
        Assert.Equal(1, github.Metrics.Requests(GitHubEndpoint.ListSubIssues));
    }

    [Fact]
    public async Task EnterpriseServerBaseUrl_SyncsThroughApiV3()
    {
        await using var enterprise = ConnectorHarness.Create(clock, github, overrides: new Dictionary<string, string?> { ["OkrSync:GitHub:BaseUrl"] = github.EnterpriseBaseUri.AbsoluteUri.TrimEnd('/') });
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = 120 });

        var report = await enterprise.Engine(store).SyncAsync(enterprise.Sources.Create([new OkrSync.Trackers.SourceSpec("github", Repo)]));

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(120, store.Count);
    }

    [Fact]
    public async Task PullRequests_AreToldApartByThePullRequestKey()
    {
        github.AddRepository(Repo);
        github.AddIssue(Repo, new FakeGitHubIssue { Title = "Issue" });
        var pull = github.AddIssue(Repo, new FakeGitHubIssue { Title = "PR", IsPullRequest = true });

        await SyncAsync();

        var item = await store.GetItemAsync($"{Repo}#{pull.Number}");
        Assert.True(item!.IsPullRequest);
        Assert.Equal("pull_request", item.Type);
    }

    private Task<OkrSync.Pipeline.Sync.SyncReport> SyncAsync() =>
        harness.Engine(store).SyncAsync(harness.Sources.Create([new OkrSync.Trackers.SourceSpec("github", Repo)]));
}
