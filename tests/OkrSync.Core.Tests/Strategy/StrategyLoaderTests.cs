using OkrSync.Core.Strategy;
using OkrSync.Core.Tests.Support;

namespace OkrSync.Core.Tests.Strategy;

public class StrategyLoaderTests
{
    private const string IssueExample = """
        name: Acme 2026 H2
        operational:                      # declared BAU/KTLO
          labels: [bug, chore, ktlo]
          issue-types: [Incident]
        conventions:
          initiative-label-prefix: "initiative:"
        bets:
          - id: self-serve
            title: Win the mid-market with self-serve onboarding
            why: ...
            owner: vp-growth@acme.example
            not-doing:
              - id: dach-direct-sales
                title: Direct sales in DACH
                why: would dilute the German team's focus
                labels: [dach]
            key-results:
              - id: activation
                title: Self-serve activation from 22% to 40%
                metric: { unit: "%", baseline: 22, target: 40, current: 27 }
                initiatives:
                  - id: onboarding-v2
                    title: Onboarding v2
                    owner: onboarding-lead@acme.example
                    match:
                      labels: [onboarding]
                      parents: [ONB-1, "acme/web#10"]
                      milestones: ["Onboarding v2"]
                      components: [Onboarding]
        """;

    [Fact]
    public void TheIssuesExample_LoadsEveryPart()
    {
        var result = StrategyLoader.Load(IssueExample, "strategy.yaml");

        var strategy = Assert.IsType<StrategyDocument>(result.Strategy);
        var bet = Assert.Single(strategy.Bets);
        var kr = Assert.Single(bet.KeyResults);
        var initiative = Assert.Single(kr.Initiatives);
        Assert.Equal("Acme 2026 H2", strategy.Name);
        Assert.Equal(["bug", "chore", "ktlo"], strategy.Operational.Labels);
        Assert.Equal(["Incident"], strategy.Operational.IssueTypes);
        Assert.Equal("vp-growth@acme.example", bet.Owner);
        Assert.Equal(["dach"], Assert.Single(bet.NotDoing).Labels);
        Assert.Equal(new Metric("%", 22, 40, 27), kr.Metric);
        Assert.Equal(["ONB-1", "acme/web#10"], initiative.Match.Parents);
        Assert.Equal(["Onboarding v2"], initiative.Match.Milestones);
        Assert.Equal(["Onboarding"], initiative.Match.Components);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void BrokenYaml_ReportsASyntaxErrorWithLineAndColumn()
    {
        var result = StrategyLoader.Load("name: x\nbets:\n  - id: a\n   title: [unclosed\n", "s.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Strategy);
        Assert.Equal("syntax", error.Code);
        Assert.Equal("s.yaml", error.Location.File);
        Assert.True(error.Location.Line >= 3, error.ToString());
        Assert.StartsWith($"s.yaml:{error.Location.Line}:{error.Location.Column}: error syntax: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedFlowSequenceInTheMiddleOfTheFile_IsALocatedSyntaxError()
    {
        var yaml = Some.StandardYaml.Replace("title: Initiative one", "title: [unclosed", StringComparison.Ordinal);

        var result = StrategyLoader.Load(yaml, "s.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Strategy);
        Assert.Equal(16, LineOf(yaml, "[unclosed"));
        Assert.Equal(new SourceLocation("s.yaml", 16, 20), error.Location);
        Assert.StartsWith("s.yaml:16:20: error syntax: ", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("current state of the object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingDeeperThanTheLimit_IsALocatedSyntaxErrorInsteadOfAStackOverflow()
    {
        var yaml = "name: x\nbets: " + new string('[', 200_000) + "\n";

        var result = StrategyLoader.Load(yaml, "s.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("syntax", error.Code);
        Assert.Equal(2, error.Location.Line);
        Assert.Contains($"deeper than {StrategyLoader.MaxDepth} levels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextOverOneMebibyte_IsRefusedWithItsSize()
    {
        var yaml = Some.StandardYaml + "\n# " + new string('x', StrategyLoader.MaxBytes) + "\n";

        var result = StrategyLoader.Load(yaml, "s.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Strategy);
        Assert.Equal("too-large", error.Code);
        Assert.Equal(new SourceLocation("s.yaml", 1, 1), error.Location);
        Assert.Contains($"{System.Text.Encoding.UTF8.GetByteCount(yaml):N0} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_IsReportedAtItsPosition()
    {
        var yaml = Some.StandardYaml.Replace("    title: Bet two", "    title: Bet two\n    tittle: typo", StringComparison.Ordinal);

        var result = StrategyLoader.Load(yaml, "s.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("unknown-key", error.Code);
        Assert.Contains("'tittle'", error.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(yaml, "tittle"), error.Location.Line);
        Assert.Equal(5, error.Location.Column);
    }

    [Fact]
    public void MissingId_IsReported()
    {
        var yaml = Some.StandardYaml.Replace("- { id: i3, title:", "- { title:", StringComparison.Ordinal);

        var error = Assert.Single(StrategyLoader.Load(yaml, "s.yaml").Errors);

        Assert.Equal("missing-id", error.Code);
        Assert.Equal(LineOf(yaml, "Initiative three"), error.Location.Line);
    }

    [Fact]
    public void DuplicateIdsAcrossKinds_AreReportedWithBothPlaces()
    {
        var yaml = Some.StandardYaml.Replace("id: i4,", "id: kr1,", StringComparison.Ordinal).Replace("id: nd2,", "id: b1,", StringComparison.Ordinal);

        var errors = StrategyLoader.Load(yaml, "s.yaml").Errors.ToList();

        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("duplicate-id", e.Code));
        Assert.Contains(errors, e => e.Message.Contains("'b1'", StringComparison.Ordinal) && e.Message.Contains($"line {LineOf(yaml, "id: b1")}", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'kr1'", StringComparison.Ordinal));
    }

    [Fact]
    public void TargetEqualToBaseline_IsAnError()
    {
        var yaml = Some.StandardYaml.Replace("baseline: 100, target: 50", "baseline: 50, target: 50", StringComparison.Ordinal);

        var error = Assert.Single(StrategyLoader.Load(yaml, "s.yaml").Errors);

        Assert.Equal("invalid-metric", error.Code);
        Assert.Contains("kr3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralProblems_AreAllReportedInFileOrder()
    {
        var yaml = Some.StandardYaml
            .Replace("    title: Bet one", "    title: Bet one\n    colour: red", StringComparison.Ordinal)
            .Replace("baseline: 0, target: 10, current: 9", "baseline: ten, target: 10, current: 9", StringComparison.Ordinal)
            .Replace("id: i4,", "id: i1,", StringComparison.Ordinal);

        var errors = StrategyLoader.Load(yaml, "s.yaml").Errors.ToList();

        Assert.Equal(["unknown-key", "invalid-value", "duplicate-id"], errors.Select(e => e.Code));
        Assert.Equal(errors.OrderBy(e => e.Location.Line).ToList(), errors);
    }

    [Theory]
    [InlineData("", "syntax")]
    [InlineData("- just\n- a list\n", "syntax")]
    [InlineData("name: x\n", "missing-field")]
    [InlineData("name: x\nbets: 3\n", "invalid-value")]
    [InlineData("name: x\nbets:\n  - id: has space\n    title: t\n", "invalid-id")]
    [InlineData("name: x\nbets:\n  - id: a\n", "missing-field")]
    public void InvalidFile_IsRejectedWithACode(string yaml, string code)
    {
        var result = StrategyLoader.Load(yaml, "s.yaml");

        Assert.Null(result.Strategy);
        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public void DuplicateYamlKey_IsASyntaxError()
    {
        var result = StrategyLoader.Load("name: a\nname: b\nbets: []\n", "s.yaml");

        Assert.Equal("syntax", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Warnings_DoNotMakeTheFileInvalid()
    {
        var result = StrategyLoader.Load("name: x\nbets:\n  - id: a\n    title: A\n", "s.yaml");

        Assert.NotNull(result.Strategy);
        Assert.NotEmpty(result.Warnings);
    }

    private static int LineOf(string text, string needle) =>
        text.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(needle, StringComparison.Ordinal)).index + 1;
}
