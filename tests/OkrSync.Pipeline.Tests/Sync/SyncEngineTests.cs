using OkrSync.Core.Ports;
using OkrSync.Pipeline.Sync;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Functions.Tests.Sync;

public sealed class SyncEngineTests : IAsyncLifetime
{
    private const int PerContainer = 1000;
    private static readonly string[] Repos = ["acme/web", "acme/api"];
    private static readonly string[] Projects = ["ONB", "PAY"];
    private readonly InstantTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private FakeGitHubServer github = null!;
    private FakeJiraServer jira = null!;
    private ConnectorHarness harness = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = clock });
        jira = await FakeJiraServer.StartAsync(new FakeJiraOptions { TimeProvider = clock, TimeZone = "America/Los_Angeles" });
        for (var i = 0; i < Repos.Length; i++)
        {
            github.SeedRepository(Repos[i], new GitHubSeedOptions { Count = PerContainer, RandomSeed = i + 1 });
            jira.SeedProject(Projects[i], new JiraSeedOptions { Count = PerContainer, RandomSeed = i + 1 });
        }
        harness = ConnectorHarness.Create(clock, github, jira);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await github.DisposeAsync();
        await jira.DisposeAsync();
    }

    [Fact]
    public async Task FullSync_MakesTheMinimumCallsPlusTheDocumentedConstant()
    {
        var store = new InMemoryWorkStore();

        var report = await SyncAsync(store);

        Assert.True(report.Succeeded);
        Assert.Equal(4 * PerContainer, store.Count);
        Assert.Equal(Repos.Length * (PerContainer / 100 + 1), github.Metrics.Requests(GitHubEndpoint.ListIssues));
        Assert.Equal(Projects.Length * (PerContainer / 100), jira.Metrics.Requests(JiraEndpoint.SearchJql));
        Assert.Equal(2, jira.Metrics.Requests(JiraEndpoint.Myself) + jira.Metrics.Requests(JiraEndpoint.Fields));
        Assert.Equal(github.Metrics.TotalRequests + jira.Metrics.TotalRequests, report.ApiCalls);
    }

    [Fact]
    public async Task TwentyPercentOfResponsesFailing_EndsInTheFaultFreeState()
    {
        var clean = new InMemoryWorkStore();
        await SyncAsync(clean);
        var faulty = new InMemoryWorkStore();
        var faults = new FaultOptions { Probability = 0.2, Seed = 42 };
        github.Faults = faults;
        jira.Faults = faults;

        var report = await SyncAsync(faulty);

        Assert.True(report.Succeeded, string.Join("; ", report.Sources.Select(s => s.Error)));
        Assert.True(github.Metrics.FaultsInjected + jira.Metrics.FaultsInjected >= 5, "faults were injected");
        Assert.Equal(clean.ContentByKey(), faulty.ContentByKey());
    }

    // One tracker's sources (one lane), so that the three writes before the crash are all the first repository's.
    [Fact]
    public async Task CrashAfterThreeWrites_ResumesFromTheLastStoredPageWithNoGap()
    {
        var clean = new InMemoryWorkStore();
        await harness.Engine(clean).SyncAsync(GitHubSources());
        var inner = new InMemoryWorkStore();
        var crashing = new FailingWorkStore(inner, upsertsBeforeCrash: 3);
        var crashed = await harness.Engine(crashing).SyncAsync(GitHubSources());
        crashing.UpsertsBeforeCrash = null;
        github.Metrics.Reset();

        var resumed = await harness.Engine(crashing).SyncAsync(GitHubSources());

        Assert.False(crashed.Succeeded);
        Assert.True(resumed.Succeeded);
        Assert.Equal(clean.ContentByKey(), inner.ContentByKey());
        Assert.True(github.Metrics.Requests(GitHubEndpoint.ListIssues) < Repos.Length * (PerContainer / 100 + 1), "the first repository resumed from its cursor");
    }

    [Fact]
    public async Task IdleSyncs_RefreshTheCursorsSyncTimeAtMostHourly()
    {
        var store = new InMemoryWorkStore();
        await SyncAsync(store);
        var first = await CursorsAsync(store);
        clock.Advance(TimeSpan.FromMinutes(30));
        await SyncAsync(store);
        var halfAnHourLater = await CursorsAsync(store);
        clock.Advance(TimeSpan.FromMinutes(45));

        var report = await SyncAsync(store);

        var later = await CursorsAsync(store);
        Assert.True(report.Succeeded);
        Assert.Equal(first.Select(c => c.SyncedAt), halfAnHourLater.Select(c => c.SyncedAt));
        Assert.All(later, c => Assert.Equal(clock.GetUtcNow(), c.SyncedAt));
        Assert.Equal(first.Select(c => (c.Position, c.ETag)), later.Select(c => (c.Position, c.ETag)));
        Assert.Equal(0, report.Sources.Sum(s => s.Written));
    }

    [Fact]
    public async Task Reconcile_RemovesDeletedTransferredAndMovedItems()
    {
        var store = new InMemoryWorkStore();
        await SyncAsync(store);
        github.DeleteIssue(Repos[0], 10);
        github.TransferIssue(Repos[0], 11, Repos[1]);
        var deletedJira = jira.GetIssues(Projects[0])[5].Key;
        jira.DeleteIssue(deletedJira);

        var report = await harness.Engine(store).ReconcileAsync(AllSources());

        Assert.True(report.Succeeded);
        Assert.Null(await store.GetItemAsync($"{Repos[0]}#10"));
        Assert.Null(await store.GetItemAsync($"{Repos[0]}#11"));
        Assert.Null(await store.GetItemAsync(deletedJira));
        Assert.Equal(4 * PerContainer - 2, store.Count);
        Assert.Equal(3, report.Sources.Sum(s => s.Deleted));
    }

    [Fact]
    public async Task FailedReconcilePass_DeletesNothing()
    {
        var store = new InMemoryWorkStore();
        await SyncAsync(store);
        github.Faults = new FaultOptions { Probability = 1, Kinds = [FaultKind.InternalServerError] };
        github.DeleteIssue(Repos[0], 10);

        var report = await harness.Engine(store).ReconcileAsync(AllSources());

        Assert.False(report.Succeeded);
        Assert.NotNull(await store.GetItemAsync($"{Repos[0]}#10"));
    }

    private static async Task<List<SyncCursor>> CursorsAsync(IWorkStore store)
    {
        var cursors = new List<SyncCursor>();
        foreach (var id in Repos.Select(r => $"github:{r}").Concat(Projects.Select(p => $"jira:{p}")))
        {
            cursors.Add(await store.ReadCursorAsync(id) ?? throw new InvalidOperationException($"no cursor for {id}"));
        }

        return cursors;
    }

    private IReadOnlyList<IWorkSource> GitHubSources() => harness.Sources.Create([.. Repos.Select(r => new SourceSpec(SourceSpec.GitHub, r))]);

    private IReadOnlyList<IWorkSource> AllSources() =>
        harness.Sources.Create([.. Repos.Select(r => new SourceSpec(SourceSpec.GitHub, r)), .. Projects.Select(p => new SourceSpec(SourceSpec.Jira, p))]);

    private Task<SyncReport> SyncAsync(IWorkStore store) => harness.Engine(store).SyncAsync(AllSources());
}
