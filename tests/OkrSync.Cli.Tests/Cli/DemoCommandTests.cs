using System.Text.Json;
using OkrSync.Core.Findings;
using OkrSync.Functions.Tests.Support;

namespace OkrSync.Functions.Tests.Cli;

public sealed class DemoCommandTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Demo_PrintsTheTreeAndEveryKindOfFinding()
    {
        var cli = new CliHarness(workingDirectory: directory.Path);

        var exit = await cli.RunAsync("demo", "--store", Store);

        Assert.Equal(0, exit);
        Assert.Contains("Acme Cloud 2026 H2", cli.Output, StringComparison.Ordinal);
        Assert.Contains("◆ self-serve", cli.Output, StringComparison.Ordinal);
        foreach (var kind in new[] { FindingKinds.OrphanedWork, FindingKinds.ContradictsNotDoing, FindingKinds.OutputsWithoutOutcome, FindingKinds.UnbackedKeyResult, FindingKinds.IdleBet, FindingKinds.StaleInitiative })
        {
            Assert.Contains(kind, cli.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DemoCompany_IsBelievablySized()
    {
        var cli = new CliHarness(workingDirectory: directory.Path);

        await cli.RunAsync("demo", "--format", "json", "--store", Store);

        using var json = JsonDocument.Parse(cli.Output);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("bets").GetArrayLength());
        Assert.InRange(root.GetProperty("keyResults").GetArrayLength(), 7, 9);
        Assert.InRange(root.GetProperty("initiatives").GetArrayLength(), 13, 17);
        Assert.InRange(root.GetProperty("summary").GetProperty("total").GetInt32(), 200, 500);
        var sources = root.GetProperty("workItems").EnumerateArray().Select(i => i.GetProperty("source").GetString()).Distinct().Order();
        Assert.Equal(["github", "jira"], sources);
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "idle-bet" && f.GetProperty("subject").GetString() == "partners");
        Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "outputs-without-outcome" && f.GetProperty("subject").GetString() == "time-to-value");
    }

    private string Store => $"sqlite:{Path.Combine(directory.Path, "demo.db")}";

    [Fact]
    public async Task DemoTwice_SecondRunWritesNothing()
    {
        var first = new CliHarness(workingDirectory: directory.Path);
        var second = new CliHarness(workingDirectory: directory.Path);

        await first.RunAsync("demo", "--store", Store);
        await second.RunAsync("demo", "--store", Store);

        Assert.Matches(@"\((\d+) items written, 0 unchanged\)", first.Output);
        Assert.Contains("(0 items written,", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoThenEmailDryRun_PrintsTheEmail()
    {
        await new CliHarness(workingDirectory: directory.Path).RunAsync("demo", "--store", Store);
        var cli = new CliHarness(workingDirectory: directory.Path);

        var exit = await cli.RunAsync("report", "email", "--dry-run", "--store", Store, "--to", "ceo@acme.example");

        Assert.Equal(0, exit);
        Assert.Contains("Subject: OkrSync weekly: 25 orphaned items", cli.Output, StringComparison.Ordinal);
        Assert.Contains("https://github.com/acme/web/issues/", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_WritesAWorkspaceThatValidatesAndReports()
    {
        var init = new CliHarness(workingDirectory: directory.Path);
        var report = new CliHarness(workingDirectory: directory.Path);

        var exit = await init.RunAsync("init", directory.Path);
        var reportExit = await report.RunAsync("report", "-s", Path.Combine(directory.Path, "strategy.yaml"), "--source", $"github-export:{Path.Combine(directory.Path, "github-issues.json")}", "--source", $"jira-export:{Path.Combine(directory.Path, "jira-issues.json")}");

        Assert.Equal(0, exit);
        Assert.Equal(0, reportExit);
        Assert.StartsWith("# OkrSync strategy file", await File.ReadAllTextAsync(Path.Combine(directory.Path, "strategy.yaml")), StringComparison.Ordinal);
        Assert.Contains("◆ dependable", report.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_RefusesToOverwriteAnExistingWorkspace()
    {
        var existing = directory.File("strategy.yaml", "name: mine\n");
        var cli = new CliHarness(workingDirectory: directory.Path);

        var exit = await cli.RunAsync("init", directory.Path);

        Assert.Equal(1, exit);
        Assert.Contains("nothing was written", cli.Error, StringComparison.Ordinal);
        Assert.Equal("name: mine\n", await File.ReadAllTextAsync(existing));
    }
}
