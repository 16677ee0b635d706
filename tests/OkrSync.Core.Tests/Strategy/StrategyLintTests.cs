using OkrSync.Core.Strategy;
using OkrSync.Core.Tests.Support;

namespace OkrSync.Core.Tests.Strategy;

public class StrategyLintTests
{
    private static List<string> Codes(string yaml) => [.. StrategyLoader.Load(yaml, "s.yaml").Warnings.Select(w => w.Code)];

    private static string Bet(string id, int keyResults = 1, string notDoing = "    not-doing: [{ id: nd-ID, title: N, labels: [x-ID] }]\n") =>
        $"  - id: {id}\n    title: Bet {id}\n" + notDoing.Replace("ID", id, StringComparison.Ordinal) +
        $"    position: [{{ id: {id}-pos, title: P, metric: {{ baseline: 0, target: 1, current: 0 }} }}]\n" + "    key-results:\n" +
        string.Concat(Enumerable.Range(1, keyResults).Select(k =>
            $"      - id: {id}-kr{k}\n        title: KR\n        metric: {{ baseline: 0, target: 1 }}\n        initiatives:\n          - {{ id: {id}-i{k}, title: I, match: {{ labels: [{id}-{k}] }} }}\n"));

    [Fact]
    public void StandardStrategy_HasNoWarnings()
    {
        Assert.Empty(Codes(Some.StandardYaml));
    }

    [Fact]
    public void MoreThanFiveBets_Warns()
    {
        var yaml = "name: x\nbets:\n" + string.Concat(Enumerable.Range(1, 6).Select(n => Bet($"b{n}")));

        Assert.Equal([LintCodes.TooManyBets], Codes(yaml));
        Assert.Empty(Codes("name: x\nbets:\n" + string.Concat(Enumerable.Range(1, 5).Select(n => Bet($"b{n}")))));
    }

    [Fact]
    public void MoreThanFiveKeyResultsUnderOneBet_Warns()
    {
        Assert.Equal([LintCodes.TooManyKeyResults], Codes("name: x\nbets:\n" + Bet("b", keyResults: 6)));
        Assert.Empty(Codes("name: x\nbets:\n" + Bet("b", keyResults: 5)));
    }

    [Fact]
    public void BetWithoutNotDoing_Warns()
    {
        Assert.Equal([LintCodes.BetWithoutNotDoing], Codes("name: x\nbets:\n" + Bet("b", notDoing: "")));
    }

    [Theory]
    [InlineData("metric: { baseline: 0, target: 1 }", "metric: { unit: \"%\" }")]
    [InlineData("metric: { baseline: 0, target: 1 }", "metric: { target: 1 }")]
    [InlineData("metric: { baseline: 0, target: 1 }", "metric: { baseline: 0 }")]
    [InlineData("        metric: { baseline: 0, target: 1 }\n", "")]
    public void KeyResultWithoutACompleteMetric_Warns(string from, string to)
    {
        var yaml = "name: x\nbets:\n" + Bet("b").Replace(from, to, StringComparison.Ordinal);

        Assert.Equal([LintCodes.KeyResultWithoutMetric], Codes(yaml));
    }

    [Fact]
    public void InitiativeWithoutMatchRules_Warns()
    {
        var yaml = "name: x\nbets:\n" + Bet("b").Replace(", match: { labels: [b-1] }", "", StringComparison.Ordinal);

        var warning = Assert.Single(StrategyLoader.Load(yaml, "s.yaml").Warnings);

        Assert.Equal(LintCodes.InitiativeWithoutMatchRules, warning.Code);
        Assert.Contains("initiative:b-i1", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyResultWithoutInitiatives_Warns()
    {
        var yaml = "name: x\nbets:\n" + Bet("b").Replace("        initiatives:\n          - { id: b-i1, title: I, match: { labels: [b-1] } }\n", "", StringComparison.Ordinal);

        Assert.Equal([LintCodes.KeyResultWithoutInitiatives], Codes(yaml));
    }

    [Fact]
    public void Warning_NamesItsPlaceAndExplainsItself()
    {
        var warning = StrategyLoader.Load("name: x\nbets:\n" + Bet("b", notDoing: ""), "s.yaml").Warnings.Single();

        Assert.Equal("s.yaml:3:5: warning bet-without-not-doing: bet 'b' names no 'not-doing': a bet with no trade-offs is not a choice", warning.ToString());
    }
}
