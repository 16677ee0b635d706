using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Metrics;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Metrics;

public sealed class CheckInReportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static StrategyDocument Strategy(string metric = "{ unit: \"%\", baseline: 22, target: 40, current: 27 }", string thresholds = "") =>
        StrategyLoader.Load($$"""
            name: Check-in test
            {{thresholds}}
            bets:
              - id: grow
                title: Grow
                key-results:
                  - id: activation
                    title: Activation from 22% to 40%
                    metric: {{metric}}
                    initiatives: [{ id: onboarding, title: Onboarding, match: { labels: [onboarding] } }]
            """, "strategy.yaml").Strategy ?? throw new InvalidOperationException("invalid test strategy");

    private static readonly WorkItem[] Items =
    [
        new() { Source = SourceKind.GitHub, Key = "acme/web#1", Container = "acme/web", Title = "Step one", State = StateCategory.Done, Labels = ["onboarding"], Created = Now.AddDays(-20), Updated = Now.AddDays(-2), Closed = Now.AddDays(-2) },
    ];

    private static Report Build(StrategyDocument strategy, params CheckIn[] checkIns) =>
        ReportBuilder.Build(new StrategyIndex(strategy), Items, Now, null, checkIns);

    [Fact]
    public void CheckIn_ChangesTheOutcomeAndSaysWhereItCameFrom()
    {
        var report = Build(Strategy(), new CheckIn("activation", 31, Now.AddDays(-1)) { Confidence = Confidence.AtRisk, Note = "new funnel" });

        var outcome = report.ToDocument().KeyResults.Single().Outcome;

        Assert.Equal((31.0, 0.5), (outcome.Current, outcome.Ratio));
        Assert.Equal(("check-in", Now.AddDays(-1), "at-risk", "new funnel"), (outcome.Source, outcome.MeasuredAt, outcome.Confidence, outcome.Note));
    }

    [Fact]
    public void NoCheckIn_FallsBackToTheFileWithItsDateUnknown()
    {
        var outcome = Build(Strategy()).ToDocument().KeyResults.Single().Outcome;

        Assert.Equal((27.0, "yaml", (DateTimeOffset?)null), (outcome.Current, outcome.Source, outcome.MeasuredAt));
    }

    [Fact]
    public void LatestByMeasuredTime_WinsWhateverTheOrderRecorded_AndLaterOnesAreIgnored()
    {
        var report = Build(
            Strategy(),
            new CheckIn("activation", 35, Now.AddDays(-2)) { RecordedAt = Now.AddDays(-2) },
            new CheckIn("activation", 29, Now.AddDays(-9)) { RecordedAt = Now.AddDays(-1) },
            new CheckIn("activation", 99, Now.AddDays(1)) { RecordedAt = Now });

        Assert.Equal(35, report.ToDocument().KeyResults.Single().Outcome.Current);
    }

    [Fact]
    public void PulledCheckIn_NamesItsSource()
    {
        var report = Build(Strategy(), new CheckIn("activation", 30, Now) { Source = "http https://metrics.example/a#/value" });

        Assert.Equal("http https://metrics.example/a#/value", report.ToDocument().KeyResults.Single().Outcome.Source);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(13.99, false)]
    [InlineData(14, true)]
    [InlineData(40, true)]
    public void LatestValueAge_AtTheDefaultThreshold_RaisesOutcomeUnmeasured(double daysAgo, bool expected)
    {
        var report = Build(Strategy(), new CheckIn("activation", 30, Now.AddDays(-daysAgo)));

        var finding = report.Findings.SingleOrDefault(f => f.Kind == FindingKinds.OutcomeUnmeasured);

        Assert.Equal(expected, finding is not null);
        if (finding is not null)
        {
            Assert.Equal(("activation", "grow"), (finding.Subject, finding.BetId));
            Assert.Contains($"last measured {(int)daysAgo} days ago", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void MetricStaleDays_FromTheFile_IsTheThreshold(int daysAgo, bool expected)
    {
        var strategy = Strategy(thresholds: "thresholds: { metric-stale-days: 7 }");

        var report = Build(strategy, new CheckIn("activation", 30, Now.AddDays(-daysAgo)));

        Assert.Equal(7, strategy.Thresholds.MetricStaleDays);
        Assert.Equal(expected, report.Findings.Any(f => f.Kind == FindingKinds.OutcomeUnmeasured));
    }

    [Fact]
    public void FileValueWithMeasuredAt_IsJudgedByItsDate()
    {
        var old = Build(Strategy("{ baseline: 22, target: 40, current: 27, measured-at: 2026-10-01 }"));
        var undated = Build(Strategy());

        Assert.Contains(old.Findings, f => f.Kind == FindingKinds.OutcomeUnmeasured && f.Message.Contains("from yaml", StringComparison.Ordinal));
        Assert.DoesNotContain(undated.Findings, f => f.Kind == FindingKinds.OutcomeUnmeasured);
    }

    [Fact]
    public void MeasuredMetrics_ListsKeyResultsWithAMetric()
    {
        Assert.Equal(["activation"], MeasuredMetrics.Of(Strategy()).Select(m => m.Id));
    }

    private static StrategyDocument WithPosition() =>
        StrategyLoader.Load("""
            name: Position check-in test
            bets:
              - id: grow
                title: Grow
                position:
                  - id: midmarket-logos
                    title: Share of new mid-market logos that signed up self-serve
                    metric: { unit: "%", baseline: 12, target: 30, current: 13 }
                key-results:
                  - id: activation
                    title: Activation from 22% to 40%
                    metric: { unit: "%", baseline: 22, target: 40, current: 27 }
                    initiatives: [{ id: onboarding, title: Onboarding, match: { labels: [onboarding] } }]
            """, "strategy.yaml").Strategy ?? throw new InvalidOperationException("invalid test strategy");

    [Fact]
    public void MeasuredMetrics_ListsPositionSignalsToo()
    {
        Assert.Equal(
            [("activation", MeasuredMetrics.KeyResult), ("midmarket-logos", MeasuredMetrics.PositionSignal)],
            MeasuredMetrics.Of(WithPosition()).Select(m => (m.Id, m.What)));
    }

    [Fact]
    public void CheckInOnAPositionSignal_MovesTheBetsPositionRatio()
    {
        var before = Build(WithPosition()).ToDocument().Bets.Single();
        var after = Build(WithPosition(), new CheckIn("midmarket-logos", 21, Now.AddDays(-1))).ToDocument().Bets.Single();

        Assert.Equal(1.0 / 18, before.PositionRatio!.Value, 6);
        Assert.Equal((21.0, 0.5), (after.Position.Single().Metric.Current, after.PositionRatio!.Value));
    }

    [Fact]
    public void PositionSignalNotMeasuredLately_RaisesOutcomeUnmeasured()
    {
        var report = Build(WithPosition(), new CheckIn("midmarket-logos", 13, Now.AddDays(-30)), new CheckIn("activation", 27, Now.AddDays(-1)));

        Assert.Contains(report.Findings, f => f.Kind == FindingKinds.OutcomeUnmeasured && f.Subject == "midmarket-logos");
        Assert.DoesNotContain(report.Findings, f => f.Kind == FindingKinds.OutcomeUnmeasured && f.Subject == "activation");
    }
}
