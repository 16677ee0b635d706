using System.Text.Json;
using OkrSync.Functions.Tests.Support;
using static OkrSync.Functions.Tests.Support.TrackerJson;

namespace OkrSync.Functions.Tests.Cli;

public sealed class ReportCommandTests : IDisposable
{
    private const string Strategy = """
        name: Contract test
        operational: { labels: [bug] }
        bets:
          - id: grow
            title: Grow
            not-doing: [{ id: no-dach, title: DACH sales, labels: [dach] }]
            key-results:
              - id: activation
                title: Activation
                metric: { unit: "%", baseline: 20, target: 40, current: 25 }
                initiatives:
                  - { id: onboarding, title: Onboarding, match: { labels: [onboarding], parents: [ONB-1] } }
        """;

    private readonly TempDirectory directory = new();
    private readonly string strategy;
    private readonly string github;
    private readonly string jira;

    public ReportCommandTests()
    {
        strategy = directory.File("strategy.yaml", Strategy);
        github = directory.File("gh.json", $"[{GitHubIssue(1, labels: Label("onboarding"))},{GitHubIssue(2, state: "closed", labels: Label("onboarding"))},{GitHubIssue(3)},{GitHubIssue(4, labels: Label("bug"))},{GitHubIssue(5, labels: Label("dach"))}]");
        jira = directory.File("jira.json", $$"""{"issues":[{{JiraIssue("ONB-2", "indeterminate", parent: "ONB-1")}},{{JiraIssue("ONB-3", "done", "Won't Do", parent: "ONB-1")}}]}""");
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task UnclosedFlowSequenceInTheStrategy_IsALocatedErrorWithoutAStackTrace()
    {
        var broken = directory.File("broken.yaml", FortyLineStrategy.WithUnclosedTitle);
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "--strategy", broken, "--source", $"github-export:{github}");

        Assert.Equal(1, exit);
        Assert.StartsWith($"{broken}:{FortyLineStrategy.UnclosedLine}:{FortyLineStrategy.UnclosedColumn}: error syntax: ", cli.Error, StringComparison.Ordinal);
        Assert.Contains("is not a valid strategy; nothing was reported", cli.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cli.Error, StringComparison.Ordinal);
        Assert.Equal("", cli.Output);
    }

    [Fact]
    public async Task JsonFormat_FollowsTheDocumentedContract()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "--strategy", strategy, "--source", $"github-export:{github}", "--source", $"jira-export:{jira}", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(cli.Output);
        var root = json.RootElement;
        var summary = root.GetProperty("summary");
        Assert.Equal((7, 4, 1, 1, 1), (summary.GetProperty("total").GetInt32(), summary.GetProperty("aligned").GetInt32(), summary.GetProperty("operational").GetInt32(), summary.GetProperty("orphaned").GetInt32(), summary.GetProperty("contradicting").GetInt32()));
        var bet = root.GetProperty("bets")[0];
        Assert.Equal("grow", bet.GetProperty("id").GetString());
        Assert.Equal("Grow", bet.GetProperty("title").GetString());
        Assert.Equal("activation", bet.GetProperty("keyResults")[0].GetProperty("id").GetString());
        var kr = root.GetProperty("keyResults")[0];
        Assert.Equal("grow", kr.GetProperty("betId").GetString());
        Assert.Equal((3, 1, 1.0 / 3), (kr.GetProperty("output").GetProperty("planned").GetInt32(), kr.GetProperty("output").GetProperty("done").GetInt32(), kr.GetProperty("output").GetProperty("ratio").GetDouble()));
        var outcome = kr.GetProperty("outcome");
        Assert.Equal((20, 40, 25, 0.25), (outcome.GetProperty("baseline").GetDouble(), outcome.GetProperty("target").GetDouble(), outcome.GetProperty("current").GetDouble(), outcome.GetProperty("ratio").GetDouble()));
        var initiative = root.GetProperty("initiatives")[0];
        Assert.Equal("activation", initiative.GetProperty("keyResultId").GetString());
        var counts = initiative.GetProperty("counts");
        Assert.Equal((1, 1, 1, 1), (counts.GetProperty("todo").GetInt32(), counts.GetProperty("inProgress").GetInt32(), counts.GetProperty("done").GetInt32(), counts.GetProperty("cancelled").GetInt32()));
        Assert.Equal(1.0 / 3, initiative.GetProperty("ratio").GetDouble(), 10);
        var items = root.GetProperty("workItems").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!);
        Assert.Equal("in-progress", items["ONB-2"].GetProperty("state").GetString());
        Assert.Equal("jira", items["ONB-2"].GetProperty("source").GetString());
        Assert.Equal("aligned", items["ONB-2"].GetProperty("classification").GetString());
        Assert.Equal(["onboarding"], items["ONB-2"].GetProperty("initiatives").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("contradicting", items["acme/web#5"].GetProperty("classification").GetString());
        Assert.Equal(["no-dach"], items["acme/web#5"].GetProperty("contradicts").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://github.com/acme/web/issues/3", items["acme/web#3"].GetProperty("url").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("subject").GetString())).ToList();
        Assert.Contains(("orphaned-work", "acme/web#3"), findings);
        Assert.Contains(("contradicts-not-doing", "acme/web#5"), findings);
        Assert.All(root.GetProperty("findings").EnumerateArray(), f => Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task TextFormat_PrintsTheTreeFindingsAndOrphansBySourceAndAssignee()
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", strategy, "--source", $"github-export:{github}", "--source", $"jira-export:{jira}");

        Assert.Equal(0, exit);
        var output = cli.Output;
        Assert.Contains("◆ grow", output, StringComparison.Ordinal);
        Assert.Contains("KR activation", output, StringComparison.Ordinal);
        Assert.Contains("onboarding  Onboarding  1 todo · 1 in progress · 1 done · 1 cancelled", output, StringComparison.Ordinal);
        Assert.Contains("outcome ███░░░░░░░░░ 25% (20 → 25 of 40%)", output, StringComparison.Ordinal);
        Assert.Contains("contradicts-not-doing (1)", output, StringComparison.Ordinal);
        Assert.Contains("github · acme/web (1)", output, StringComparison.Ordinal);
        Assert.Contains("    octocat (1)", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("Findings", StringComparison.Ordinal) < output.IndexOf("Orphaned work", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MarkdownFormat_HasTablesAndLinks()
    {
        var cli = new CliHarness();

        await cli.RunAsync("report", "-s", strategy, "--source", $"github-export:{github}", "--format", "markdown");

        Assert.Contains("# Contract test", cli.Output, StringComparison.Ordinal);
        Assert.Contains("| [acme/web#3](https://github.com/acme/web/issues/3) |", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AsOf_DecidesWhatIsStale()
    {
        var fresh = new CliHarness();
        var later = new CliHarness();

        await fresh.RunAsync("report", "-s", strategy, "--source", $"github-export:{github}", "--as-of", "2026-11-21", "-f", "json");
        await later.RunAsync("report", "-s", strategy, "--source", $"github-export:{github}", "--as-of", "2026-12-20", "-f", "json");

        Assert.DoesNotContain("stale-initiative", fresh.Output, StringComparison.Ordinal);
        Assert.Contains("stale-initiative", later.Output, StringComparison.Ordinal);
        Assert.Contains("\"asOf\": \"2026-12-20T00:00:00+00:00\"", later.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PullRequests_CountOnlyWhenAskedFor()
    {
        var prs = directory.File("prs.json", $"[{GitHubIssue(9, pullRequest: true, labels: Label("onboarding"))}]");
        var without = new CliHarness();
        var with = new CliHarness();

        await without.RunAsync("report", "-s", strategy, "--source", $"github-export:{prs}", "-f", "json");
        await with.RunAsync("report", "-s", strategy, "--source", $"github-export:{prs}", "-f", "json", "--include-pull-requests");

        Assert.Contains("\"total\": 0", without.Output, StringComparison.Ordinal);
        Assert.Contains("\"total\": 1", with.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSource_ExitsOneNamingFilePositionAndReason()
    {
        var broken = directory.File("broken.json", "[{\"number\": 1,\n  \"title\": }]");
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", strategy, "--source", $"github-export:{broken}");

        Assert.Equal(1, exit);
        Assert.Matches($@"error: {System.Text.RegularExpressions.Regex.Escape(broken)}:2:\d+: invalid JSON", cli.Error);
        Assert.Equal("", cli.Output);
    }

    [Fact]
    public async Task InvalidStrategy_ExitsOneWithoutAReport()
    {
        var bad = directory.File("bad.yaml", "name: x\nbets: [ {id: a} ]\n");
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", bad, "--source", $"github-export:{github}");

        Assert.Equal(1, exit);
        Assert.Contains("error missing-field", cli.Error, StringComparison.Ordinal);
        Assert.Equal("", cli.Output);
    }

    [Theory]
    [InlineData("svn:repo", "is not a source")]
    [InlineData("github:just-owner", "github:OWNER/REPO")]
    public async Task BadSourceSpec_ExitsOneAndExplainsTheForm(string spec, string expected)
    {
        var cli = new CliHarness();

        var exit = await cli.RunAsync("report", "-s", strategy, "--source", spec);

        Assert.Equal(1, exit);
        Assert.Contains(expected, cli.Error, StringComparison.Ordinal);
    }
}
