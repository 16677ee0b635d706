using OkrSync.Core.Work;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;

namespace OkrSync.Functions.Tests.Sync;

/// <summary>A page read from the tracker's API is the truth: it replaces what events wrote, and a future time is clamped.</summary>
public sealed class TrackerAuthorityTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private readonly InstantTimeProvider clock = new(Now);
    private FakeGitHubServer github = null!;
    private ConnectorHarness harness = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = clock });
        github.AddRepository("acme/web");
        harness = ConnectorHarness.Create(clock, github);
    }

    public async Task DisposeAsync()
    {
        await harness.DisposeAsync();
        await github.DisposeAsync();
    }

    [Fact]
    public async Task ItemPinnedByAFarFutureEvent_IsReplacedByTheNextSync()
    {
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Guided setup checklist", UpdatedAt = Now.AddDays(-1) });
        var store = new InMemoryWorkStore();
        await store.UpsertAsync([new WorkItem
        {
            Source = SourceKind.GitHub, Key = "acme/web#1", Container = "acme/web", Title = "Pinned by a forged event",
            State = StateCategory.Done, Created = Now.AddDays(-3), Updated = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        }]);

        var report = await harness.Engine(store).SyncAsync(Sources());

        Assert.True(report.Succeeded);
        Assert.Equal(0, report.Sources[0].Stale);
        var stored = await store.GetItemAsync("acme/web#1");
        Assert.Equal(("Guided setup checklist", StateCategory.Todo, Now.AddDays(-1)), (stored!.Title, stored.State, stored.Updated));
    }

    [Fact]
    public async Task ApiItemAheadOfTheClock_IsStoredWithUpdatedClampedToNow()
    {
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Within the skew", UpdatedAt = Now.AddMinutes(4) });
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "A year ahead", UpdatedAt = Now.AddYears(1) });
        var store = new InMemoryWorkStore();

        var report = await harness.Engine(store).SyncAsync(Sources());

        Assert.True(report.Succeeded);
        Assert.Equal(Now.AddMinutes(4), (await store.GetItemAsync("acme/web#1"))!.Updated);
        Assert.Equal(Now, (await store.GetItemAsync("acme/web#2"))!.Updated);
    }

    private IReadOnlyList<OkrSync.Core.Ports.IWorkSource> Sources() => harness.Sources.Create([new SourceSpec(SourceSpec.GitHub, "acme/web")]);
}
