using System.Globalization;
using System.Text;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Tests.Support;

namespace OkrSync.Core.Tests.Findings;

/// <summary>
/// <c>green-krs-flat-position</c>: at least <c>krs-green</c> of a bet's KRs with a metric at an outcome ratio of at least
/// <c>krs-green</c>, while the bet's position ratio is below <c>position-moved</c>.
/// </summary>
public class GreenKeyResultsFlatPositionTests
{
    /// <summary>One bet whose KRs have outcome ratios <paramref name="outcomes"/> (null: no metric) and whose one signal is at <paramref name="position"/>.</summary>
    private static string Yaml(double? position, double?[] outcomes, string thresholds = "", params double[] morePositions)
    {
        var yaml = new StringBuilder($"name: x\n{thresholds}\nbets:\n  - id: partners\n    title: Partners\n    position:\n");
        foreach (var (p, n) in new[] { position }.Concat(morePositions.Select(m => (double?)m)).Select((p, n) => (p, n)))
        {
            var current = p is { } value ? string.Create(CultureInfo.InvariantCulture, $", current: {value * 100}") : "";
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{ id: signal{n}, title: Partner-sourced deals {n}, metric: {{ unit: \"%\", baseline: 0, target: 100{current} }} }}\n");
        }
        yaml.Append("    key-results:\n");
        for (var k = 0; k < outcomes.Length; k++)
        {
            var metric = outcomes[k] is { } o ? string.Create(CultureInfo.InvariantCulture, $", metric: {{ baseline: 0, target: 1000, current: {o * 1000} }}") : "";
            yaml.Append(CultureInfo.InvariantCulture, $"      - {{ id: kr{k}, title: KR {k}{metric} }}\n");
        }
        return yaml.ToString();
    }

    private static List<Finding> Flat(string yaml) =>
        [.. Some.Report(yaml).Findings.Where(f => f.Kind == FindingKinds.GreenKeyResultsFlatPosition)];

    [Fact]
    public void AllKeyResultsGreen_PositionFlat_Fires_NamingTheKeyResultsTheSignalAndTheNumbers()
    {
        var finding = Assert.Single(Flat(Yaml(0.05, [0.9, 0.85])));

        Assert.Equal("green-krs-flat-position", finding.Kind);
        Assert.Equal(("partners", "partners"), (finding.Subject, finding.BetId));
        Assert.Contains("2 of 2 key results", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'kr0' 90%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'kr1' 85%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("moved only 5% of the way", finding.Message, StringComparison.Ordinal);
        Assert.Contains("'Partner-sourced deals 0' 0 → 5, target 100%", finding.Message, StringComparison.Ordinal);
        Assert.Contains("measuring the wrong thing", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.24, true)]
    [InlineData(0.2499, true)]
    [InlineData(0.25, false)]
    [InlineData(0.26, false)]
    [InlineData(-0.1, true)]
    public void PositionAroundTheMovedThreshold(double position, bool fires) =>
        Assert.Equal(fires, Flat(Yaml(position, [0.9, 0.9])).Count == 1);

    [Theory]
    [InlineData(0.8, true)]
    [InlineData(0.79, false)]
    [InlineData(0.81, true)]
    public void KeyResultOutcomeAroundTheGreenThreshold(double outcome, bool fires) =>
        Assert.Equal(fires, Flat(Yaml(0.0, [outcome, outcome, outcome, outcome, outcome])).Count == 1);

    [Theory]
    [InlineData(4, true)]  // 4 of 5 = 80%
    [InlineData(3, false)] // 3 of 5 = 60%
    [InlineData(5, true)]
    public void ShareOfGreenKeyResultsAroundTheThreshold(int green, bool fires)
    {
        var outcomes = Enumerable.Range(0, 5).Select(k => (double?)(k < green ? 0.9 : 0.5)).ToArray();

        Assert.Equal(fires, Flat(Yaml(0.1, outcomes)).Count == 1);
    }

    [Fact]
    public void KeyResultsWithoutMetrics_AreLeftOut()
    {
        // Two KRs with metrics, both green; three without: still "all green".
        Assert.Single(Flat(Yaml(0.1, [0.9, null, null, 0.95, null])));
        // Only KRs without metrics: nothing to judge.
        Assert.Empty(Flat(Yaml(0.1, [null, null])));
    }

    [Fact]
    public void BetWithoutPosition_OrWithoutAMeasuredSignal_DoesNotFire()
    {
        Assert.Empty(Flat(Yaml(null, [0.9, 0.9])));
        Assert.Empty(Flat(Yaml(0.1, [0.9]).Replace("    position:\n      - { id: signal0, title: Partner-sourced deals 0, metric: { unit: \"%\", baseline: 0, target: 100, current: 10 } }\n", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void SeveralSignals_UseTheirMean()
    {
        Assert.Single(Flat(Yaml(0.1, [0.9], "", 0.3)));   // mean 0.2
        Assert.Empty(Flat(Yaml(0.1, [0.9], "", 0.5)));    // mean 0.3
    }

    [Theory]
    [InlineData("thresholds: { krs-green: 0.6 }", 0.65, 0.1, true)]
    [InlineData("thresholds: { krs-green: 0.7 }", 0.65, 0.1, false)]
    [InlineData("thresholds: { position-moved: 0.5 }", 0.9, 0.4, true)]
    [InlineData("thresholds: { position-moved: 0.4 }", 0.9, 0.4, false)]
    public void ThresholdsAreConfigurable(string thresholds, double outcome, double position, bool fires) =>
        Assert.Equal(fires, Flat(Yaml(position, [outcome, outcome], thresholds)).Count == 1);

    [Fact]
    public void Finding_IsInTheJsonContractWithItsBet()
    {
        var document = Some.Report(Yaml(0.05, [0.9])).ToDocument();

        var finding = Assert.Single(document.Findings, f => f.Kind == FindingKinds.GreenKeyResultsFlatPosition);
        Assert.Equal("partners", finding.BetId);
        Assert.Equal(0.05, document.Bets[0].PositionRatio!.Value, 12);
    }
}
