using System.Text.Json;
using OkrSync.Core.Reports;
using OkrSync.Functions.Tests.Support;
using static OkrSync.Functions.Tests.Support.TrackerJson;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>The smaller traps of the first hour (issue 15, "Why"), each pinned to its new behaviour.</summary>
public sealed class FirstHourCliTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Dispose();
    }

    private string Store => $"sqlite:{Path.Combine(directory.Path, "okrsync.db")}";

    private string Strategy => directory.File("strategy.yaml", """
        name: Quote's strategy
        bets:
          - id: grow
            title: Grow the customer's base
            not-doing: [{ id: dach, title: Direct sales in DACH, labels: [dach] }]
            key-results:
              - id: activation
                title: Activation from 20% to 40%
                metric: { baseline: 20, target: 40, current: 25 }
                initiatives: [{ id: onboarding, title: Onboarding, match: { labels: [onboarding] } }]
        """);

    private string GitHubExport => directory.File("gh.json", $"[{GitHubIssue(1, labels: Label("onboarding"))},{GitHubIssue(3)},{GitHubIssue(4)}]");

    [Fact]
    public async Task JsonReport_WritesApostrophesAsThemselves()
    {
        var cli = new CliHarness();

        Assert.Equal(0, await cli.RunAsync("report", "-s", Strategy, "--source", $"github-export:{GitHubExport}", "--format", "json"));

        Assert.Contains("\"strategy\": \"Quote's strategy\"", cli.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", cli.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(cli.Output);
        Assert.Equal("Grow the customer's base", json.RootElement.GetProperty("bets")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task MarkdownReport_ListsEachOrphanOnce_WithItsAge()
    {
        var cli = new CliHarness();

        Assert.Equal(0, await cli.RunAsync("report", "-s", Strategy, "--source", $"github-export:{GitHubExport}", "--format", "markdown", "--as-of", "2026-11-22"));

        var markdown = cli.Output;
        Assert.Equal(1, Occurrences(markdown, "acme/web#3"));
        Assert.Equal(1, Occurrences(markdown, "acme/web#4"));
        Assert.Contains("| Source | Assignee | Item | Title | State | Age (days) |", markdown, StringComparison.Ordinal);
        Assert.Contains("[acme/web#3](https://github.com/acme/web/issues/3) | Issue 3 | todo | 51 |", markdown, StringComparison.Ordinal);
        Assert.Contains("listed under [Orphaned work](#orphaned-work) below", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportFromTheStore_WithAsOfButNoStrategy_SaysAsOfNeedsAStrategy()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "--store", Store, "--as-of", "2026-11-01");

        Assert.Equal(1, exit);
        Assert.Contains("--as-of needs --strategy", cli.Error, StringComparison.Ordinal);
        Assert.Equal("", cli.Output);
    }

    [Fact]
    public async Task Init_IntoAFolderWithTheWorkspaceFiles_MentionsForce()
    {
        await new CliHarness().RunAsync("init", directory.Path);
        var again = new CliHarness();

        var exit = await again.RunAsync("init", directory.Path);

        Assert.Equal(1, exit);
        Assert.Contains("nothing was written", again.Error, StringComparison.Ordinal);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.Equal(0, await new CliHarness().RunAsync("init", directory.Path, "--force"));
    }

    [Theory]
    [InlineData("0", "--weeks: '0' is not a number of weeks")]
    [InlineData("abc", "--weeks: 'abc' is not a number of weeks")]
    [InlineData("-3", "--weeks: '-3' is not a number of weeks")]
    public async Task History_WithABadWeeks_SaysSoWithoutTheWholeHelp(string weeks, string message)
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("history", "--store", Store, "--weeks", weeks);

        Assert.NotEqual(0, exit);
        Assert.Contains(message, cli.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'okrsync history --help' for usage.", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Options:", cli.Output + cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Usage:", cli.Output + cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_ShowsKeyResultTitlesAndAFilledChangeColumn()
    {
        var week1 = new CliHarness(clock: new FixedClock(new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero)));
        var week2 = new CliHarness(clock: new FixedClock(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var strategy = Strategy;
        Assert.Equal(0, await week1.RunAsync("sync", "-s", strategy, "--source", $"github-export:{directory.File("w1.json", $"[{GitHubIssue(1, labels: Label("onboarding"))},{GitHubIssue(3)}]")}", "--store", Store));
        Assert.Equal(0, await week2.RunAsync("sync", "-s", strategy, "--source", $"github-export:{GitHubExport}", "--store", Store));
        var cli = new CliHarness();

        Assert.Equal(0, await cli.RunAsync("history", "--store", Store));

        Assert.Contains("Activation from 20% to 40%", cli.Output, StringComparison.Ordinal);
        Assert.Contains("first snapshot", cli.Output, StringComparison.Ordinal);
        Assert.Contains("▲1 (worse)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("(worse)", cli.Output, StringComparison.Ordinal);

        var lastWeekOnly = new CliHarness();
        Assert.Equal(0, await lastWeekOnly.RunAsync("history", "--store", Store, "--weeks", "1"));
        Assert.Contains("▲1 (worse)", lastWeekOnly.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("first snapshot", lastWeekOnly.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithAnUnknownStoreAndASource_IsRefused()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", Strategy, "--source", $"github-export:{GitHubExport}", "--store", "mongo:foo");

        Assert.Equal(1, exit);
        Assert.Contains("--store mongo:foo: The store must be 'sqlite:PATH', 'tables:CONNECTION-STRING' or 'tables'.", cli.Error, StringComparison.Ordinal);
        Assert.Equal("", cli.Output);
    }

    [Fact]
    public async Task Report_WithAValidStoreAndASource_SaysTheStoreIsNotUsed()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", Strategy, "--source", $"github-export:{GitHubExport}", "--store", Store);

        Assert.Equal(1, exit);
        Assert.Contains("--store is not used with --source", cli.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_ThatIsAnObject_SaysItExpectedAnArrayOfIssues()
    {
        var export = directory.File("items.json", """{"items":[]}""");
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", Strategy, "--source", $"github-export:{export}");

        Assert.Equal(1, exit);
        Assert.Contains($"{export}:1:1: expected a JSON array of issues, found an object with 'items'", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("repository_url", cli.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("github-export")]
    [InlineData("jira-export")]
    public async Task Export_ThatIsEmpty_IsAnError(string kind)
    {
        var export = directory.File("empty.json", "");
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", Strategy, "--source", $"{kind}:{export}");

        Assert.Equal(1, exit);
        Assert.Contains($"{export}:1:1: the export is empty (0 bytes): expected a JSON array of issues", cli.Error, StringComparison.Ordinal);
        Assert.Equal("", cli.Output);
    }

    [Fact]
    public async Task Export_ThatIsAnEmptyArray_IsZeroItems()
    {
        var export = directory.File("none.json", "[]");
        var cli = new CliHarness();

        Assert.Equal(0, await cli.RunAsync("report", "-s", Strategy, "--source", $"github-export:{export}", "--format", "json"));

        Assert.Equal(0, JsonSerializer.Deserialize(cli.Output, ReportJsonContext.Default.ReportDocument)!.Summary.Total);
    }

    [Fact]
    public async Task Validate_GivenAFolder_SaysItIsAFolder()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("validate", directory.Path);

        Assert.Equal(1, exit);
        Assert.Contains("it is a folder", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("denied", cli.Error, StringComparison.OrdinalIgnoreCase);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
