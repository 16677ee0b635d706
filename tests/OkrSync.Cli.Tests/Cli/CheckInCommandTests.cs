using OkrSync.Functions.Tests.Support;
using static OkrSync.Functions.Tests.Support.TrackerJson;

namespace OkrSync.Functions.Tests.Cli;

public sealed class CheckInCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();
    private readonly string strategy;
    private readonly string store;

    public CheckInCommandTests()
    {
        strategy = directory.File("strategy.yaml", """
            name: Check-in test
            bets:
              - id: grow
                title: Grow
                key-results:
                  - id: activation
                    title: Activation from 20% to 40%
                    metric: { unit: "%", baseline: 20, target: 40, current: 25 }
                    initiatives: [{ id: onboarding, title: Onboarding, match: { labels: [onboarding] } }]
            """);
        store = $"sqlite:{Path.Combine(directory.Path, "okrsync.db")}";
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task CheckIn_IsStored_AndTheNextReportUsesIt()
    {
        var source = $"github-export:{directory.File("gh.json", $"[{GitHubIssue(1, labels: Label("onboarding"))}]")}";
        var checkin = new CliHarness();
        var report = new CliHarness();

        var checkinExit = await checkin.RunAsync("checkin", "activation", "30", "--at", "2026-11-20", "--confidence", "on-track", "--note", "new funnel", "--strategy", strategy, "--store", store);
        await new CliHarness().RunAsync("sync", "--strategy", strategy, "--source", source, "--store", store);
        var reportExit = await report.RunAsync("report", "--strategy", strategy, "--store", store);

        Assert.Equal((0, 0), (checkinExit, reportExit));
        Assert.Contains("Checked in key result activation (Activation from 20% to 40%): 30% measured 2026-11-20 00:00 UTC, on-track, \"new funnel\"", checkin.Output, StringComparison.Ordinal);
        Assert.Contains("20 → 30 of 40%", report.Output, StringComparison.Ordinal);
        Assert.Contains("current value from check-in, measured 2026-11-20, on-track: \"new funnel\"", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameCheckInTwice_SaysItWasAlreadyRecorded()
    {
        await new CliHarness().RunAsync("checkin", "activation", "30", "--at", "2026-11-20T09:00:00Z", "--strategy", strategy, "--store", store);
        var again = new CliHarness();

        var exit = await again.RunAsync("checkin", "activation", "30", "--at", "2026-11-20T10:00:00+01:00", "--strategy", strategy, "--store", store);

        Assert.Equal(0, exit);
        Assert.Contains("Already recorded", again.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "retention", "30" }, "no key result or position signal 'retention' in the strategy (its metrics: activation)")]
    [InlineData(new[] { "activation", "thirty" }, "VALUE must be a number (e.g. 29.5), not 'thirty'")]
    [InlineData(new[] { "activation", "30", "--confidence", "green" }, "'confidence' must be one of on-track, at-risk, off-track, not 'green'")]
    [InlineData(new[] { "activation", "30", "--at", "yesterday" }, "'at' must be an ISO-8601 date-time")]
    [InlineData(new[] { "activation", "30", "--at", "2027-01-01" }, "is in the future")]
    public async Task BadCheckIn_FailsWithOneClearLine(string[] args, string error)
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync([.. new[] { "checkin" }, .. args, "--strategy", strategy, "--store", store]);

        Assert.Equal(1, exit);
        Assert.Contains(error, cli.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was recorded", cli.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory.Path, "okrsync.db")));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("many")]
    public async Task HistoryWithBadWeeks_IsOneClearError(string weeks)
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("history", "--weeks", weeks, "--store", store);

        Assert.Equal(1, exit);
        Assert.Contains($"--weeks: '{weeks}' is not a number of weeks", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage", cli.Output + cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstSync_BackfillsAndHistoryShowsEachKeyResultWeekByWeek()
    {
        var issues = string.Join(",",
            GitHubIssue(1, labels: Label("onboarding"), state: "closed", updated: "2026-11-05T10:00:00Z"),
            GitHubIssue(2, labels: Label("onboarding")));
        var source = $"github-export:{directory.File("gh.json", $"[{issues}]")}";
        await new CliHarness().RunAsync("checkin", "activation", "22", "--at", "2026-11-02", "--strategy", strategy, "--store", store);
        await new CliHarness().RunAsync("checkin", "activation", "24", "--at", "2026-11-16", "--strategy", strategy, "--store", store);
        var sync = new CliHarness(new Dictionary<string, string?> { ["OkrSync:History:BackfillWeeks"] = "4" });
        var history = new CliHarness();

        await sync.RunAsync("sync", "--strategy", strategy, "--source", source, "--store", store);
        var exit = await history.RunAsync("history", "--weeks", "5", "--store", store);

        Assert.Equal(0, exit);
        Assert.Contains("backfilled 4 weekly snapshots", sync.Output, StringComparison.Ordinal);
        Assert.Contains("with today's strategy and labels", sync.Output, StringComparison.Ordinal);
        Assert.Contains("KR activation  Activation from 20% to 40%", history.Output, StringComparison.Ordinal);
        Assert.Contains("2026-W44 *", history.Output, StringComparison.Ordinal);
        Assert.Contains("2026-W47", history.Output, StringComparison.Ordinal);
        Assert.Contains("outcome +2", history.Output, StringComparison.Ordinal);
        Assert.Contains("  output   ", history.Output, StringComparison.Ordinal);
        Assert.Contains("* backfilled by the first sync", history.Output, StringComparison.Ordinal);
    }
}
