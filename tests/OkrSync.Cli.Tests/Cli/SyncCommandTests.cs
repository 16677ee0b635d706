using OkrSync.Functions.Tests.Support;
using static OkrSync.Functions.Tests.Support.TrackerJson;

namespace OkrSync.Functions.Tests.Cli;

public sealed class SyncCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string strategy;
    private readonly string store;

    public SyncCommandTests()
    {
        strategy = directory.File("strategy.yaml", """
            name: Sync test
            bets:
              - id: grow
                title: Grow
                not-doing: [{ id: no-dach, title: DACH, labels: [dach] }]
                key-results:
                  - id: activation
                    title: Activation
                    metric: { baseline: 20, target: 40, current: 25 }
                    initiatives: [{ id: onboarding, title: Onboarding, match: { labels: [onboarding] } }]
            """);
        store = $"sqlite:{Path.Combine(directory.Path, "okrsync.db")}";
    }

    public void Dispose() => directory.Dispose();

    private string Export(params string[] issues) => directory.File("gh.json", $"[{string.Join(",", issues)}]");

    [Fact]
    public async Task SecondSyncOfUnchangedInput_WritesNothingAndSaysSo()
    {
        var source = $"github-export:{Export(GitHubIssue(1, labels: Label("onboarding")), GitHubIssue(2))}";
        var first = new CliHarness();
        var second = new CliHarness();

        var firstExit = await first.RunAsync("sync", "--strategy", strategy, "--source", source, "--store", store);
        var secondExit = await second.RunAsync("sync", "--strategy", strategy, "--source", source, "--store", store);

        Assert.Equal((0, 0), (firstExit, secondExit));
        Assert.Contains("fetched 2, written 2, unchanged 0", first.Output, StringComparison.Ordinal);
        Assert.Contains("weekly snapshot written", first.Output, StringComparison.Ordinal);
        Assert.Contains("fetched 2, written 0, unchanged 2", second.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing changed: no items written", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportWithoutSources_ShowsWhatTheLastSyncStored()
    {
        await new CliHarness().RunAsync("sync", "-s", strategy, "--source", $"github-export:{Export(GitHubIssue(1, labels: Label("onboarding")), GitHubIssue(2))}", "--store", store);
        var stored = new CliHarness();
        var realigned = new CliHarness();

        var storedExit = await stored.RunAsync("report", "--store", store, "--format", "json");
        var realignedExit = await realigned.RunAsync("report", "--store", store, "--strategy", strategy, "--format", "json");

        Assert.Equal((0, 0), (storedExit, realignedExit));
        Assert.Contains("\"strategy\": \"Sync test\"", stored.Output, StringComparison.Ordinal);
        Assert.Contains("\"orphaned\": 1", stored.Output, StringComparison.Ordinal);
        Assert.Contains("\"total\": 2", realigned.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportFromAnEmptyStore_ExplainsWhatToRunFirst()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "--store", store);

        Assert.Equal(1, exit);
        Assert.Contains("holds no report yet: run 'okrsync sync", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ShowsTheWeeklySnapshot()
    {
        await new CliHarness().RunAsync("sync", "-s", strategy, "--source", $"github-export:{Export(GitHubIssue(1), GitHubIssue(2))}", "--store", store);
        var cli = new CliHarness();

        var exit = await cli.RunAsync("history", "--store", store);

        Assert.Equal(0, exit);
        Assert.Contains("2026-W47", cli.Output, StringComparison.Ordinal);
        Assert.Contains("100%", cli.Output, StringComparison.Ordinal);
        Assert.Contains("activation", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StrategyWithAnUnclosedFlowSequence_IsALocatedErrorWithoutAStackTraceAndStoresNothing()
    {
        var broken = directory.File("broken.yaml", FortyLineStrategy.WithUnclosedTitle);
        var cli = new CliHarness();

        var exit = await cli.RunAsync("sync", "-s", broken, "--source", $"github-export:{Export(GitHubIssue(1))}", "--store", store);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{broken}:{FortyLineStrategy.UnclosedLine}:{FortyLineStrategy.UnclosedColumn}: error syntax: ", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "okrsync.db")));
    }

    [Fact]
    public async Task SyncWithAnInvalidStrategy_StoresNothing()
    {
        var bad = directory.File("bad.yaml", "name: x\n");
        var cli = new CliHarness();

        var exit = await cli.RunAsync("sync", "-s", bad, "--source", $"github-export:{Export(GitHubIssue(1))}", "--store", store);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(directory.Path, "okrsync.db")));
    }

    [Fact]
    public async Task MalformedExport_FailsTheSourceAndKeepsWhatWasStored()
    {
        await new CliHarness().RunAsync("sync", "-s", strategy, "--source", $"github-export:{Export(GitHubIssue(1, labels: Label("onboarding")))}", "--store", store);
        var broken = directory.File("broken.json", "[{\"number\": 1,");
        var cli = new CliHarness();
        var after = new CliHarness();

        var exit = await cli.RunAsync("sync", "-s", strategy, "--source", $"github-export:{broken}", "--store", store);
        await after.RunAsync("report", "--store", store, "-s", strategy, "-f", "json");

        Assert.Equal(1, exit);
        Assert.Contains("broken.json:1:", cli.Error, StringComparison.Ordinal);
        Assert.Contains("\"aligned\": 1", after.Output, StringComparison.Ordinal);
    }
}
