using OkrSync.Functions.Storage.Sqlite;
using OkrSync.Functions.Tests.Support;
using OkrSync.Testing.Fakes;
using OkrSync.Testing.FakeTrackers.GitHub;

namespace OkrSync.Functions.Tests.Cli;

/// <summary><c>okrsync sync --full</c> against a fake GitHub whose repository suddenly lists nothing (an outage, a token that lost its scope).</summary>
public sealed class ReconcileLimitTests : IAsyncLifetime
{
    private const int Issues = 5;
    private readonly TempDirectory directory = new();
    private readonly InstantTimeProvider clock = new(CliHarness.Now);
    private FakeGitHubServer github = null!;
    private string strategy = null!;
    private string dbPath = null!;
    private string store = null!;

    public async Task InitializeAsync()
    {
        github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        for (var i = 0; i < Issues; i++)
        {
            github.AddIssue("acme/web", new FakeGitHubIssue { Title = $"Issue {i}" });
        }
        strategy = directory.File("strategy.yaml", """
            name: Reconcile test
            bets:
              - id: grow
                title: Grow
                key-results:
                  - id: activation
                    title: Activation
                    metric: { baseline: 20, target: 40, current: 25 }
                    initiatives: [{ id: onboarding, title: Onboarding, match: { labels: [onboarding] } }]
            """);
        dbPath = Path.Combine(directory.Path, "okrsync.db");
        store = $"sqlite:{dbPath}";
        await Cli().RunAsync("sync", "-s", strategy, "--source", "github:acme/web", "--store", store);
        for (var number = 1; number <= Issues; number++)
        {
            github.DeleteIssue("acme/web", number);
        }
    }

    public async Task DisposeAsync()
    {
        await github.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    [Fact]
    public async Task FullSyncOfATrackerListingNothing_KeepsEveryItemExitsNonZeroAndRaisesReconcileHeld()
    {
        var cli = Cli();
        var report = Cli();
        var realigned = Cli();

        var exit = await cli.RunAsync("sync", "-s", strategy, "--source", "github:acme/web", "--store", store, "--full");
        await report.RunAsync("report", "--store", store);
        await realigned.RunAsync("report", "--store", store, "--strategy", strategy, "--format", "markdown");

        Assert.Equal(1, exit);
        Assert.Equal(Issues, await StoredCountAsync());
        Assert.Contains("reconcile-held", cli.Output, StringComparison.Ordinal);
        Assert.Contains($"github:acme/web: the full listing would remove {Issues} of its {Issues} stored items", cli.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-mass-removal", cli.Error, StringComparison.Ordinal);
        Assert.Contains("reconcile-held", report.Output, StringComparison.Ordinal);
        Assert.Contains("github:acme/web", report.Output, StringComparison.Ordinal);
        Assert.Contains("- **reconcile-held** `github:acme/web`", realigned.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowMassRemoval_RemovesThemThatOnceAndClearsTheFinding()
    {
        await Cli().RunAsync("sync", "-s", strategy, "--source", "github:acme/web", "--store", store, "--full");
        var cli = Cli();
        var report = Cli();

        var exit = await cli.RunAsync("sync", "-s", strategy, "--source", "github:acme/web", "--store", store, "--full", "--allow-mass-removal");
        await report.RunAsync("report", "--store", store, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(0, await StoredCountAsync());
        Assert.Contains($"{Issues} removed", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("reconcile-held", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncrementalSyncAfterAHeldReconcile_KeepsTheFinding()
    {
        await Cli().RunAsync("sync", "-s", strategy, "--source", "github:acme/web", "--store", store, "--full");
        var cli = Cli();
        var report = Cli();

        var exit = await cli.RunAsync("sync", "-s", strategy, "--source", "github:acme/web", "--store", store);
        await report.RunAsync("report", "--store", store, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("\"kind\": \"reconcile-held\"", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowMassRemovalWithoutFull_IsRefused()
    {
        var cli = Cli();

        var exit = await cli.RunAsync("sync", "-s", strategy, "--source", "github:acme/web", "--store", store, "--allow-mass-removal");

        Assert.Equal(1, exit);
        Assert.Contains("--allow-mass-removal only applies to a full sync (--full)", cli.Error, StringComparison.Ordinal);
        Assert.Equal(Issues, await StoredCountAsync());
    }

    private CliHarness Cli() => new(
        new Dictionary<string, string?> { ["OkrSync:GitHub:BaseUrl"] = github.BaseUri.AbsoluteUri, ["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken },
        clock);

    private async Task<int> StoredCountAsync()
    {
        using var opened = new SqliteWorkStore(new SqliteStoreOptions { Path = dbPath });
        var count = 0;
        await foreach (var item in opened.ReadAllItemsAsync())
        {
            count++;
        }
        return count;
    }
}
