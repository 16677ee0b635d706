using System.Diagnostics;
using OkrSync.Functions.Tests.Support;
using OkrSync.Testing.Emulators;
using OkrSync.Testing.Fakes;
using OkrSync.Testing.FakeTrackers.GitHub;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>
/// <c>okrsync sync</c> when trackers fail: against a fake GitHub on loopback, a closed loopback port (connection
/// refused), and a clock on which retry waits cost nothing but are counted.
/// </summary>
public sealed class SyncFailureTests : IAsyncLifetime
{
    private readonly CliWorkspace workspace = new();
    private readonly InstantTimeProvider clock = new(CliHarness.Now);
    private readonly string closedPort = $"http://127.0.0.1:{FreePorts.Take(1)[0]}/";
    private FakeGitHubServer github = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = clock });
        github.AddRepository("acme/web");
    }

    public async Task DisposeAsync()
    {
        await github.DisposeAsync();
        workspace.Dispose();
    }

    [Fact]
    public async Task EveryTrackerUnreachable_StoresNoSnapshotQuicklyNamingTheRefusedConnection_AndALaterGoodSyncThatWeekWritesIt()
    {
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Guided setup", Labels = ["onboarding"] });
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Unplanned" });
        var unreachable = new CliHarness(GitHubAt(closedPort), clock);
        var good = new CliHarness(GitHubAt(github.BaseUri.AbsoluteUri), clock);
        var started = Stopwatch.GetTimestamp();

        var failedExit = await unreachable.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var waited = clock.Waits.Aggregate(TimeSpan.Zero, (sum, wait) => sum + wait);
        var afterFailure = await workspace.SnapshotsAsync();
        var reportAfterFailure = await workspace.ReportAsync();
        clock.Advance(TimeSpan.FromHours(2));
        var goodExit = await good.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store);

        Assert.Equal(1, failedExit);
        Assert.Contains("connection refused", unreachable.Error, StringComparison.Ordinal);
        Assert.Contains($"{closedPort}repos/acme/web/issues", unreachable.Error, StringComparison.Ordinal);
        Assert.Contains("github:acme/web: retry 1", unreachable.Error, StringComparison.Ordinal);
        Assert.Contains("every source failed", unreachable.Error, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(40), $"the run took {elapsed}");
        Assert.True(waited < TimeSpan.FromSeconds(40), $"the retries waited {waited} in all");
        Assert.Empty(afterFailure);
        Assert.Null(reportAfterFailure);
        Assert.Equal(0, goodExit);
        var week = Assert.Single(await workspace.SnapshotsAsync());
        Assert.Equal(("2026-W47", 2), (week.IsoWeek, week.Summary.Total));
    }

    [Fact]
    public async Task LaterGoodSyncInTheSameWeek_ReplacesTheWeeksSnapshot()
    {
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "First" });
        await new CliHarness(GitHubAt(github.BaseUri.AbsoluteUri), clock).RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store);
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Second" });
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Third" });
        clock.Advance(TimeSpan.FromHours(3));
        var later = new CliHarness(GitHubAt(github.BaseUri.AbsoluteUri), clock);

        var exit = await later.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store);

        Assert.Equal(0, exit);
        var week = Assert.Single(await workspace.SnapshotsAsync());
        Assert.Equal((3, clock.GetUtcNow()), (week.Summary.Total, week.TakenAt));
        Assert.Contains("weekly snapshot written", later.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneOfTwoSourcesUnreachable_StoresWhatTheOtherReadAndSaysWhichFailed()
    {
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Guided setup", Labels = ["onboarding"] });
        var settings = GitHubAt(github.BaseUri.AbsoluteUri);
        settings["OkrSync:Jira:BaseUrl"] = closedPort;
        settings["OkrSync:Jira:Email"] = "bot@example.com";
        settings["OkrSync:Jira:ApiToken"] = "token";
        var cli = new CliHarness(settings, clock);

        var exit = await cli.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--source", "jira:ONB", "--store", workspace.Store);

        Assert.Equal(1, exit);
        Assert.Contains("jira:ONB: fetched 0", cli.Error, StringComparison.Ordinal);
        Assert.Contains("connection refused", cli.Error, StringComparison.Ordinal);
        Assert.Contains("1 of 2 sources failed: jira:ONB", cli.Error, StringComparison.Ordinal);
        Assert.Matches(@"github:acme/web: fetched \d+, written 1,", cli.Output);
        Assert.Equal(1, (await workspace.ReportAsync())?.Summary.Total);
        Assert.Equal(1, Assert.Single(await workspace.SnapshotsAsync()).Summary.Total);
    }

    private static Dictionary<string, string?> GitHubAt(string baseUrl) => new()
    {
        ["OkrSync:GitHub:BaseUrl"] = baseUrl,
        ["OkrSync:History:BackfillWeeks"] = "0", // these are about the week's own snapshot, not the first sync's history
        ["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken,
    };
}
