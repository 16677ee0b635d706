using System.Text.Json;
using OkrSync.Cli.Rendering;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.Support;
using Spectre.Console;

namespace OkrSync.Functions.Tests.Cli;

/// <summary>Position signals and the investment balance in the demo, in <c>okrsync init</c>'s workspace and in every report format.</summary>
public sealed class PositionAndInvestmentCliTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private string Store => $"sqlite:{Path.Combine(directory.Path, "demo.db")}";

    [Fact]
    public async Task Demo_ShowsTheFlatPositionAndTheStarvedBet()
    {
        var cli = new CliHarness(workingDirectory: directory.Path);

        var exit = await cli.RunAsync("demo", "--store", Store);

        Assert.Equal(0, exit);
        Assert.Contains("green-krs-flat-position (1)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("allocation-drift (1)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("• partners: Bet 'Grow through a partner ecosystem' was to get 15% of delivery; it got 0% over the 28 days to 2026-11-22", cli.Output, StringComparison.Ordinal);
        Assert.Contains("position ░░░░░░░░░░░░ 3% (partner-sourced-deals 6 → 6.5 of 25%)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("share    declared 15% · actual 0%", cli.Output, StringComparison.Ordinal);
        Assert.Contains("Investment over the 28 days to 2026-11-22", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoJson_CarriesTheNewFields()
    {
        var cli = new CliHarness(workingDirectory: directory.Path);

        await cli.RunAsync("demo", "--format", "json", "--store", Store);

        using var json = JsonDocument.Parse(cli.Output);
        var root = json.RootElement;
        var findings = root.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("kind").GetString(), f.GetProperty("subject").GetString())).ToList();
        Assert.Contains(("green-krs-flat-position", "partners"), findings);
        Assert.Contains(("allocation-drift", "partners"), findings);
        var partners = root.GetProperty("bets").EnumerateArray().Single(b => b.GetProperty("id").GetString() == "partners");
        Assert.Equal("partner-sourced-deals", partners.GetProperty("position")[0].GetProperty("id").GetString());
        Assert.InRange(partners.GetProperty("positionRatio").GetDouble(), 0, 0.25);
        Assert.Equal(0.15, partners.GetProperty("allocation").GetProperty("declared").GetDouble());
        Assert.Equal(0, partners.GetProperty("allocation").GetProperty("actual").GetDouble());
        var investment = root.GetProperty("investment");
        Assert.Equal(28, investment.GetProperty("windowDays").GetInt32());
        Assert.Equal("items", investment.GetProperty("unit").GetString());
        Assert.True(investment.GetProperty("total").GetDouble() > 100);
        Assert.True(investment.GetProperty("byContainer").GetArrayLength() >= 5);
        Assert.True(investment.GetProperty("byAssignee").GetArrayLength() >= 5);
    }

    [Fact]
    public async Task DemoEmail_HasTheInvestmentSectionAndBothFindings()
    {
        await new CliHarness(workingDirectory: directory.Path).RunAsync("demo", "--store", Store);
        var cli = new CliHarness(workingDirectory: directory.Path);

        var exit = await cli.RunAsync("report", "email", "--dry-run", "--store", Store, "--to", "ceo@acme.example");

        Assert.Equal(0, exit);
        Assert.Contains("INVESTMENT", cli.Output, StringComparison.Ordinal);
        Assert.Contains("partners: 0% (declared 15%), 0 items", cli.Output, StringComparison.Ordinal);
        Assert.Contains("BETS: KEY RESULTS GREEN, POSITION NOT MOVING (1)", cli.Output, StringComparison.Ordinal);
        Assert.Contains("DELIVERY OFF ITS DECLARED SHARE (1)", cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitWorkspace_ValidatesWithoutWarnings_AndDeclaresPositionsAndAllocations()
    {
        await new CliHarness(workingDirectory: directory.Path).RunAsync("init", directory.Path);
        var yaml = await File.ReadAllTextAsync(Path.Combine(directory.Path, "strategy.yaml"));

        var loaded = StrategyLoader.Load(yaml, "strategy.yaml");

        Assert.Empty(loaded.Diagnostics);
        Assert.All(loaded.Strategy!.Bets, b => Assert.NotEmpty(b.Position));
        Assert.All(loaded.Strategy.Bets, b => Assert.NotNull(b.Allocation));
        Assert.NotNull(loaded.Strategy.Operational.Allocation);
    }

    [Fact]
    public void MarkdownReport_ShowsPositionShareAndTheBalance()
    {
        var markdown = MarkdownReportWriter.Write(Sample());

        Assert.Contains("Position 5%: Share of partner deals (`deals`) 6 → 7 of 26%, 5%.", markdown, StringComparison.Ordinal);
        Assert.Contains("Share of delivery: declared 40%, actual 10% (1 of 10 points over 28 days).", markdown, StringComparison.Ordinal);
        Assert.Contains("## Investment", markdown, StringComparison.Ordinal);
        Assert.Contains("| `partners` | 40% | 10% | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| operational | 25% | 90% | 9 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| ONB | 10 | partners 10%, operational 90% |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void TextReport_ShowsPositionShareAndTheBalance()
    {
        var text = Text(Sample());

        Assert.Contains("position █░░░░░░░░░░░ 5% (deals 6 → 7 of 26%)", text, StringComparison.Ordinal);
        Assert.Contains("share    declared 40% · actual 10% (1 of 10 points, 28 days)", text, StringComparison.Ordinal);
        Assert.Contains("Investment over the 28 days to 2026-11-22: 10 points", text, StringComparison.Ordinal);
        Assert.Contains("ONB: 10 points · partners 10%, operational 90%", text, StringComparison.Ordinal);
    }

    /// <summary>One bet at 40% that got one of ten points; operational work got the rest.</summary>
    private static ReportDocument Sample()
    {
        const string Yaml = """
            name: Sample
            operational: { labels: [bug], allocation: 25% }
            bets:
              - id: partners
                title: Partners
                allocation: 40%
                position: [{ id: deals, title: Share of partner deals, metric: { unit: "%", baseline: 6, target: 26, current: 7 } }]
                not-doing: [{ id: nd, title: N, labels: [x] }]
                key-results:
                  - id: apps
                    title: Apps
                    metric: { baseline: 0, target: 10, current: 9 }
                    initiatives: [{ id: api, title: API, match: { labels: [api] } }]
            """;
        var strategy = StrategyLoader.Load(Yaml, "s.yaml").Strategy!;
        WorkItem Done(int n, string label, double points) => new()
        {
            Source = SourceKind.Jira, Key = $"ONB-{n}", Container = "ONB", Title = "Work", State = StateCategory.Done, Labels = [label],
            Estimate = points, Created = CliHarness.Now.AddDays(-30), Updated = CliHarness.Now.AddDays(-1), Closed = CliHarness.Now.AddDays(-1),
        };
        return ReportBuilder.Build(strategy, [Done(1, "api", 1), Done(2, "bug", 9)], CliHarness.Now).ToDocument();
    }

    private static string Text(ReportDocument report)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Ansi = AnsiSupport.No,
        });
        console.Profile.Width = 240;
        TextReportWriter.Write(console, report);
        return output.ToString();
    }

    [Fact]
    public void NewKinds_AreRows()
    {
        Assert.Contains(FindingKinds.GreenKeyResultsFlatPosition, FindingKinds.All);
        Assert.Contains(FindingKinds.AllocationDrift, FindingKinds.All);
    }
}
