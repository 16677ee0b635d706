using OkrSync.Core.Strategy;
using OkrSync.Core.Tests.Support;

namespace OkrSync.Core.Tests.Strategy;

/// <summary>The strategy file's <c>position</c>, <c>allocation</c> and the thresholds that go with them.</summary>
public class PositionAndAllocationTests
{
    private static string Yaml(string betExtra = "", string operationalExtra = "", string thresholds = "", string secondBetExtra = "") => $"""
        name: x
        operational:
          labels: [bug]
        {operationalExtra}
        {thresholds}
        bets:
          - id: b1
            title: Bet one
            not-doing: [{"{"} id: nd1, title: N, labels: [x] {"}"}]
        {betExtra}
            key-results:
              - id: kr1
                title: KR
                metric: {"{"} baseline: 0, target: 10, current: 1 {"}"}
                initiatives: [{"{"} id: i1, title: I, match: {"{"} labels: [a] {"}"} {"}"}]
          - id: b2
            title: Bet two
            not-doing: [{"{"} id: nd2, title: N, labels: [y] {"}"}]
            position: [{"{"} id: p2, title: P, metric: {"{"} baseline: 0, target: 1, current: 1 {"}"} {"}"}]
        {secondBetExtra}
            key-results:
              - id: kr2
                title: KR
                metric: {"{"} baseline: 0, target: 10, current: 1 {"}"}
                initiatives: [{"{"} id: i2, title: I, match: {"{"} labels: [b] {"}"} {"}"}]
        """;

    private static StrategyLoadResult Load(string yaml) => StrategyLoader.Load(yaml, "s.yaml");

    private static int LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void OneSignal_PositionRatioIsItsProgress()
    {
        var yaml = Yaml("    position:\n      - id: logos\n        title: Share of logos\n        metric: { unit: \"%\", baseline: 12, target: 30, current: 13 }");

        var bet = Load(yaml).Strategy!.Bets[0];

        var signal = Assert.Single(bet.Position);
        Assert.Equal(("logos", "Share of logos", "%"), (signal.Id, signal.Title, signal.Metric.Unit));
        Assert.Equal(1.0 / 18, bet.PositionRatio!.Value, 12);
    }

    [Fact]
    public void SeveralSignals_PositionRatioIsTheMeanOfTheirProgress()
    {
        var yaml = Yaml("""
                position:
                  - { id: s1, title: A, metric: { baseline: 0, target: 10, current: 5 } }
                  - { id: s2, title: B, metric: { baseline: 100, target: 50, current: 90 } }
                  - { id: s3, title: C, metric: { baseline: 0, target: 4, current: 4 } }
            """);

        var bet = Load(yaml).Strategy!.Bets[0];

        Assert.Equal(3, bet.Position.Count);
        Assert.Equal((0.5 + 0.2 + 1.0) / 3, bet.PositionRatio!.Value, 12);
    }

    [Fact]
    public void SignalWithoutCurrent_IsLeftOutOfTheMean_AndNoneMeasuredIsNull()
    {
        var some = Load(Yaml("    position:\n      - { id: s1, title: A, metric: { baseline: 0, target: 10, current: 3 } }\n      - { id: s2, title: B, metric: { baseline: 0, target: 10 } }")).Strategy!.Bets[0];
        var none = Load(Yaml("    position:\n      - { id: s1, title: A, metric: { baseline: 0, target: 10 } }")).Strategy!.Bets[0];

        Assert.Equal(0.3, some.PositionRatio!.Value, 12);
        Assert.Null(none.PositionRatio);
        Assert.Null(Load(Yaml()).Strategy!.Bets[0].PositionRatio);
    }

    [Fact]
    public void BetWithoutPosition_WarnsAtTheBet()
    {
        var yaml = Yaml();

        var warning = Assert.Single(Load(yaml).Warnings);

        Assert.Equal(LintCodes.BetWithoutPosition, warning.Code);
        Assert.Equal("bet-without-position", warning.Code);
        Assert.Equal(new SourceLocation("s.yaml", LineOf(yaml, "- id: b1"), 5), warning.Location);
        Assert.Contains("'b1'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SignalWithTargetEqualToBaseline_IsALocatedError()
    {
        var yaml = Yaml("    position:\n      - id: flat\n        title: Flat\n        metric: { baseline: 5, target: 5, current: 5 }");

        var result = Load(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Strategy);
        Assert.Equal("invalid-metric", error.Code);
        Assert.Equal(LineOf(yaml, "baseline: 5, target: 5"), error.Location.Line);
        Assert.Contains("position signal 'flat'", error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"s.yaml:{error.Location.Line}:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SignalWithoutBaselineOrTarget_Warns()
    {
        var yaml = Yaml("    position:\n      - { id: half, title: Half, metric: { target: 5, current: 1 } }");

        var codes = Load(yaml).Warnings.Select(w => w.Code);

        Assert.Equal([LintCodes.PositionWithoutMetric], codes);
    }

    [Fact]
    public void SignalWithoutMetric_OrWithAnUnknownKey_IsALocatedError()
    {
        var noMetric = Yaml("    position:\n      - { id: s, title: S }");
        var unknown = Yaml("    position:\n      - { id: s, title: S, goal: 3, metric: { baseline: 0, target: 1 } }");

        var missing = Assert.Single(Load(noMetric).Errors);
        var key = Assert.Single(Load(unknown).Errors);

        Assert.Equal(("missing-field", LineOf(noMetric, "id: s, title: S")), (missing.Code, missing.Location.Line));
        Assert.Equal(("unknown-key", LineOf(unknown, "goal: 3")), (key.Code, key.Location.Line));
    }

    [Fact]
    public void FourSignals_IsAnErrorAtTheFourth()
    {
        var yaml = Yaml("    position:\n" + string.Concat(Enumerable.Range(1, 4).Select(n => $"      - {{ id: s{n}, title: S{n}, metric: {{ baseline: 0, target: 1, current: 0 }} }}\n")).TrimEnd('\n'));

        var error = Assert.Single(Load(yaml).Errors);

        Assert.Equal("too-many-position-signals", error.Code);
        Assert.Equal(LineOf(yaml, "id: s4"), error.Location.Line);
    }

    [Fact]
    public void SignalId_MustBeUniqueInTheFile()
    {
        var yaml = Yaml("    position: [{ id: kr2, title: S, metric: { baseline: 0, target: 1 } }]");

        var error = Assert.Single(Load(yaml).Errors);

        Assert.Equal("duplicate-id", error.Code);
    }

    [Fact]
    public void Allocations_AreReadAsShares()
    {
        var strategy = Load(Yaml("    allocation: 40%", "  allocation: 25%", secondBetExtra: "    allocation: 12.5")).Strategy!;

        Assert.Equal(0.40, strategy.Bets[0].Allocation!.Value, 12);
        Assert.Equal(0.125, strategy.Bets[1].Allocation!.Value, 12);
        Assert.Equal(0.25, strategy.Operational.Allocation!.Value, 12);
        Assert.Null(Load(Yaml()).Strategy!.Bets[0].Allocation);
    }

    [Theory]
    [InlineData("    allocation: 140%", "140%")]
    [InlineData("    allocation: -5%", "-5%")]
    [InlineData("    allocation: lots", "lots")]
    [InlineData("    allocation: 0.4", "0.4")]
    public void AllocationOutsideZeroToHundredOrNotAPercentage_IsALocatedError(string line, string value)
    {
        var yaml = Yaml(line);

        var result = Load(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Strategy);
        Assert.Equal(new SourceLocation("s.yaml", LineOf(yaml, line.Trim()), line.IndexOf(value, StringComparison.Ordinal) + 1), error.Location);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperationalAllocationOutsideTheRange_IsALocatedError()
    {
        var yaml = Yaml(operationalExtra: "  allocation: 101%");

        var error = Assert.Single(Load(yaml).Errors);

        Assert.Equal(("invalid-allocation", LineOf(yaml, "allocation: 101%"), 15), (error.Code, error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void AllocationsOverAHundredPercent_IsAnErrorAtTheShareThatGoesOver()
    {
        var yaml = Yaml("    allocation: 50%", "  allocation: 30%", secondBetExtra: "    allocation: 25%");

        var result = Load(yaml);

        var error = Assert.Single(result.Errors);
        Assert.Null(result.Strategy);
        Assert.Equal("invalid-allocation", error.Code);
        Assert.Equal(new SourceLocation("s.yaml", LineOf(yaml, "allocation: 25%"), 17), error.Location);
        Assert.Contains("105%", error.Message, StringComparison.Ordinal);
        Assert.Contains("bet 'b2' 25%", error.Message, StringComparison.Ordinal);
        Assert.Contains("operational 30%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllocationsOfExactlyAHundredPercent_AreValid()
    {
        var result = Load(Yaml("    allocation: 33.4%", "  allocation: 33.3%", secondBetExtra: "    allocation: 33.3%"));

        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Thresholds_ReadTheNewKeys_AndDefaultWithoutThem()
    {
        var set = Load(Yaml(thresholds: "thresholds: { krs-green: 0.7, position-moved: 0.3, investment-window-days: 14, allocation-drift: 15% }")).Strategy!.Thresholds;
        var ratio = Load(Yaml(thresholds: "thresholds: { allocation-drift: 0.05 }")).Strategy!.Thresholds;
        var defaults = Load(Yaml()).Strategy!.Thresholds;

        Assert.Equal((0.7, 0.3, 14), (set.KeyResultsGreen, set.PositionMoved, set.InvestmentWindowDays));
        Assert.Equal(0.15, set.AllocationDrift, 12);
        Assert.Equal(0.05, ratio.AllocationDrift, 12);
        Assert.Equal((0.8, 0.25, 28, 0.10), (defaults.KeyResultsGreen, defaults.PositionMoved, defaults.InvestmentWindowDays, defaults.AllocationDrift));
    }

    [Theory]
    [InlineData("krs-green: 1.5", "krs-green")]
    [InlineData("position-moved: -0.1", "position-moved")]
    [InlineData("investment-window-days: 0", "investment-window-days")]
    [InlineData("investment-window-days: 2.5", "investment-window-days")]
    [InlineData("allocation-drift: 10", "allocation-drift")]
    public void BadThreshold_IsALocatedError(string entry, string key)
    {
        var yaml = Yaml(thresholds: "thresholds:\n  " + entry);

        var error = Assert.Single(Load(yaml).Errors);

        Assert.Equal(LineOf(yaml, entry), error.Location.Line);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StandardTestStrategy_StillLoadsWithoutWarnings() =>
        Assert.Empty(StrategyLoader.Load(Some.StandardYaml, "t.yaml").Diagnostics);
}
