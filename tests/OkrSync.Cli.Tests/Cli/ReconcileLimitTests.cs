using OkrSync.Functions.Tests.Support;
using OkrSync.Testing.Fakes;
using OkrSync.Testing.FakeTrackers.GitHub;

namespace OkrSync.Functions.Tests.Cli;

/// <summary><c>okrsync sync --full</c> against a fake GitHub whose repository suddenly lists nothing (an outage, a token that lost its scope).</summary>
public sealed class ReconcileLimitTests : IAsyncLifetime
{
    private const int Issues = 5;
    private readonly CliWorkspace workspace = new();
    private readonly InstantTimeProvider clock = new(CliHarness.Now);
    private FakeGitHubServer github = null!;

    public async Task InitializeAsync()
    {
        // The tracker runs on the CLI's clock: items updated "in the future" of that clock would be clamped.
        github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = new FixedClock(CliHarness.Now) });
        github.AddRepository("acme/web");
        for (var i = 0; i < Issues; i++)
        {
            github.AddIssue("acme/web", new FakeGitHubIssue { Title = $"Issue {i}" });
        }
        await Cli().RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store);
        for (var number = 1; number <= Issues; number++)
        {
            github.DeleteIssue("acme/web", number);
        }
    }

    public async Task DisposeAsync()
    {
        await github.DisposeAsync();
        workspace.Dispose();
    }

    [Fact]
    public async Task FullSyncOfATrackerListingNothing_KeepsEveryItemExitsNonZeroAndRaisesReconcileHeld()
    {
        var cli = Cli();
        var report = Cli();
        var realigned = Cli();

        var exit = await cli.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store, "--full");
        await report.RunAsync("report", "--store", workspace.Store);
        await realigned.RunAsync("report", "--store", workspace.Store, "--strategy", workspace.Strategy, "--format", "markdown");

        Assert.Equal(1, exit);
        Assert.Equal(Issues, await workspace.ItemCountAsync());
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
        await Cli().RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store, "--full");
        var cli = Cli();
        var report = Cli();

        var exit = await cli.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store, "--full", "--allow-mass-removal");
        await report.RunAsync("report", "--store", workspace.Store, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal(0, await workspace.ItemCountAsync());
        Assert.Contains($"{Issues} removed", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("reconcile-held", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncrementalSyncAfterAHeldReconcile_KeepsTheFinding()
    {
        await Cli().RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store, "--full");
        var cli = Cli();
        var report = Cli();

        var exit = await cli.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store);
        await report.RunAsync("report", "--store", workspace.Store, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Contains("\"kind\": \"reconcile-held\"", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllowMassRemovalWithoutFull_IsRefused()
    {
        var cli = Cli();

        var exit = await cli.RunAsync("sync", "-s", workspace.Strategy, "--source", "github:acme/web", "--store", workspace.Store, "--allow-mass-removal");

        Assert.Equal(1, exit);
        Assert.Contains("--allow-mass-removal only applies to a full sync (--full)", cli.Error, StringComparison.Ordinal);
        Assert.Equal(Issues, await workspace.ItemCountAsync());
    }

    private CliHarness Cli() => new(
        new Dictionary<string, string?> { ["OkrSync:GitHub:BaseUrl"] = github.BaseUri.AbsoluteUri, ["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken },
        clock);
}
