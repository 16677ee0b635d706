using OkrSync.Pipeline.Sync;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Functions.Tests.Sources;

public sealed class JiraSourceTests : IAsyncDisposable
{
    private const string Project = "ONB";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly InstantTimeProvider clock = new(Start);
    private readonly InMemoryWorkStore store = new();
    private FakeJiraServer? jira;
    private ConnectorHarness? harness;

    [Fact]
    public async Task CloudFullSync_MakesOneSearchCallPerHundredItemsPlusMyselfAndField()
    {
        await StartAsync(new FakeJiraOptions());
        jira!.SeedProject(Project, new JiraSeedOptions { Count = 1050 });

        var report = await SyncAsync();

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(1050, store.Count);
        Assert.Equal(11, jira.Metrics.Requests(JiraEndpoint.SearchJql));
        Assert.Equal(1, jira.Metrics.Requests(JiraEndpoint.Myself));
        Assert.Equal(1, jira.Metrics.Requests(JiraEndpoint.Fields));
        Assert.Equal(13, report.Sources[0].ApiCalls);
    }

    [Fact]
    public async Task ImmediateSecondSync_ReadsOnePageAndWritesNothing()
    {
        await StartAsync(new FakeJiraOptions());
        jira!.SeedProject(Project, new JiraSeedOptions { Count = 450 });
        await SyncAsync();
        jira.Metrics.Reset();
        var rowsBefore = store.RowsWritten;

        var report = await SyncAsync();

        Assert.Equal(1, jira.Metrics.Requests(JiraEndpoint.SearchJql));
        Assert.Equal(rowsBefore, store.RowsWritten);
        Assert.Equal(0, report.Sources[0].Written);
    }

    [Fact]
    public async Task UserInZoneBehindUtc_UpdateRightAfterTheCursorIsNotMissed()
    {
        await StartAsync(new FakeJiraOptions { TimeZone = "America/Los_Angeles" });
        jira!.SeedProject(Project, new JiraSeedOptions { Count = 30, To = Start.AddHours(-1) });
        jira.AddIssue(new FakeJiraIssue { Project = Project, Summary = "Updated at the cursor" });
        await SyncAsync();
        clock.Advance(TimeSpan.FromSeconds(20));
        var key = jira.GetIssues(Project)[3].Key;
        jira.SetSummary(key, "Changed right after the cursor");

        await SyncAsync();

        Assert.Equal("Changed right after the cursor", (await store.GetItemAsync(key))!.Title);
    }

    [Fact]
    public async Task TimestampsWithOffsetWithoutColon_ParseToTheSameInstant()
    {
        await StartAsync(new FakeJiraOptions { TimeZone = "Asia/Tokyo" });
        jira!.SeedProject(Project, new JiraSeedOptions { Count = 5 });

        await SyncAsync();

        var issue = jira.GetIssues(Project)[0];
        var item = await store.GetItemAsync(issue.Key);
        Assert.Equal(issue.Updated.ToUnixTimeMilliseconds(), item!.Updated.ToUnixTimeMilliseconds());
        Assert.Equal(TimeSpan.FromHours(9), item.Updated.Offset);
    }

    [Fact]
    public async Task StoryPoints_ComeFromTheDiscoveredField()
    {
        await StartAsync(new FakeJiraOptions());
        jira!.AddProject(Project);
        var issue = jira.AddIssue(new FakeJiraIssue { Project = Project, Summary = "Estimated", StoryPoints = 5 });

        await SyncAsync();

        Assert.Equal(5, (await store.GetItemAsync(issue.Key))!.Estimate);
    }

    [Fact]
    public async Task DataCenterFullSync_PagesWithStartAtAndOneIssueOverlap()
    {
        await StartAsync(new FakeJiraOptions { Deployment = JiraDeployment.DataCenter });
        jira!.SeedProject(Project, new JiraSeedOptions { Count = 1050 });

        var report = await SyncAsync();

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(1050, store.Count);
        Assert.Equal(11, jira.Metrics.Requests(JiraEndpoint.Search)); // ⌈(1050 - 1) / 99⌉
    }

    [Fact]
    public async Task EpicChild_KeepsItsParentKey()
    {
        await StartAsync(new FakeJiraOptions());
        jira!.AddProject(Project);
        var epic = jira.AddIssue(new FakeJiraIssue { Project = Project, Summary = "Epic", IssueType = "Epic" });
        var story = jira.AddIssue(new FakeJiraIssue { Project = Project, Summary = "Story", ParentKey = epic.Key });

        await SyncAsync();

        Assert.Equal(epic.Key, (await store.GetItemAsync(story.Key))!.ParentKey);
    }

    public async ValueTask DisposeAsync()
    {
        if (harness is not null)
        {
            await harness.DisposeAsync();
        }
        if (jira is not null)
        {
            await jira.DisposeAsync();
        }
    }

    private async Task StartAsync(FakeJiraOptions options)
    {
        jira = await FakeJiraServer.StartAsync(options with { TimeProvider = clock });
        harness = ConnectorHarness.Create(clock, jira: jira);
    }

    private Task<SyncReport> SyncAsync() => harness!.Engine(store).SyncAsync(harness.Sources.Create([new SourceSpec(SourceSpec.Jira, Project)]));
}
