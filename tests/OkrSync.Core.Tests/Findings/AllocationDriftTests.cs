using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Findings;

/// <summary><c>allocation-drift</c>: a bet's or operational work's actual share off its declared share by at least <c>allocation-drift</c>.</summary>
public class AllocationDriftTests
{
    private static string Yaml(string b1 = "30%", string? operational = null, string thresholds = "")
    {
        var yaml = Some.StandardYaml
            .Replace("    title: Bet one\n", $"    title: Bet one\n    allocation: {b1}\n", StringComparison.Ordinal)
            .Replace("bets:", thresholds + "\nbets:", StringComparison.Ordinal);
        return operational is null ? yaml : yaml.Replace("  issue-types: [Incident]\n", $"  issue-types: [Incident]\n  allocation: {operational}\n", StringComparison.Ordinal);
    }

    /// <summary>Ten points of work done yesterday: <paramref name="b1"/> on bet b1, <paramref name="operational"/> operational, the rest on b2.</summary>
    private static WorkItem[] Work(double b1, double operational = 0) =>
    [
        Done("ONB-1", ["onboarding"], b1),
        Done("ONB-2", ["perf"], 10 - b1 - operational),
        .. operational > 0 ? new[] { Done("ONB-3", ["bug"], operational) } : [],
    ];

    private static WorkItem Done(string key, string[] labels, double points) =>
        Some.Item(key, StateCategory.Done, labels, estimate: points) with { Closed = Some.Now.AddDays(-1) };

    private static List<Finding> Drifts(string yaml, params WorkItem[] items) =>
        [.. Some.Report(yaml, items).Findings.Where(f => f.Kind == FindingKinds.AllocationDrift)];

    [Fact]
    public void StarvedBet_GetsAFinding_WithBothSharesTheWindowAndTheWeights()
    {
        var finding = Assert.Single(Drifts(Yaml("40%"), Work(b1: 1)));

        Assert.Equal("allocation-drift", finding.Kind);
        Assert.Equal(("b1", "b1"), (finding.Subject, finding.BetId));
        Assert.Equal("Bet 'Bet one' was to get 40% of delivery; it got 10% over the 28 days to 2026-11-22 (1 of 10 points).", finding.Message);
    }

    [Theory]
    [InlineData(2.0, true)]   // 30% declared, 20% actual: exactly 10 points
    [InlineData(2.1, false)]  // 9 points
    [InlineData(1.9, true)]   // 11 points
    [InlineData(4.0, true)]   // 10 points over
    [InlineData(3.9, false)]  // 9 points over
    [InlineData(3.0, false)]
    public void DriftAroundTheThreshold(double b1Points, bool fires) =>
        Assert.Equal(fires, Drifts(Yaml("30%"), Work(b1Points)).Count == 1);

    [Fact]
    public void Threshold_IsConfigurable()
    {
        Assert.Single(Drifts(Yaml("30%", thresholds: "thresholds: { allocation-drift: 5% }"), Work(2.5)));
        Assert.Empty(Drifts(Yaml("30%", thresholds: "thresholds: { allocation-drift: 0.2 }"), Work(1.5)));
    }

    [Fact]
    public void OperationalWork_DriftsToo()
    {
        var finding = Assert.Single(Drifts(Yaml("30%", operational: "10%"), Work(b1: 3, operational: 4)));

        Assert.Equal("operational", finding.Subject);
        Assert.Null(finding.BetId);
        Assert.StartsWith("Operational work was to get 10% of delivery; it got 40% over the 28 days", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BetWithoutDeclaredShare_NeverDrifts()
    {
        // b2 has no allocation and gets 90%: that is its actual share, not a drift.
        Assert.Empty(Drifts(Yaml("10%"), Work(b1: 1)));
        Assert.Empty(Drifts(Some.StandardYaml, Work(b1: 0.5)));
    }

    [Fact]
    public void NothingWorkedInTheWindow_IsNoDrift()
    {
        var old = Some.Item("ONB-1", StateCategory.Done, ["perf"], estimate: 5) with { Closed = Some.Now.AddDays(-60) };

        Assert.Empty(Drifts(Yaml("40%"), old));
    }

    [Fact]
    public void DeclaredAndActual_AreInTheBetsAllocation()
    {
        var document = Some.Report(Yaml("40%"), Work(b1: 1)).ToDocument();

        Assert.Equal(new AllocationJson(0.4, 0.1, 1), document.Bets[0].Allocation);
        Assert.Equal(new AllocationJson(null, 0.9, 9), document.Bets[1].Allocation);
        Assert.Equal(document.Investment!.Bets["b1"], document.Bets[0].Allocation);
        Assert.Equal("points", document.Investment.Unit);
        Assert.Equal(10, document.Investment.Total);
    }
}
