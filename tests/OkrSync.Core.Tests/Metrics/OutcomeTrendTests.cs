using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;

namespace OkrSync.Core.Tests.Metrics;

public sealed class OutcomeTrendTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static WeeklySnapshot Week(int weeksAgo, double output, double? outcome, double current) => new(
        WeeklySnapshot.IsoWeekOf(Now.AddDays(-7 * weeksAgo)),
        Now.AddDays(-7 * weeksAgo),
        new SummaryJson(0, 0, 0, 0, 0, 0, 0, 0),
        [new KeyResultTrend("ttv", "grow", output, outcome, 22, (int)(output * 22)) { Current = current }]);

    private static ReportDocument Report(double output, double current) => new(
        "s", Now, new SummaryJson(0, 0, 0, 0, 0, 0, 0, 0), [],
        [new KeyResultJson("ttv", "grow", "Time to value", new OutputJson(22, (int)(output * 22), output), new OutcomeJson("h", 72, 24, current, (72 - current) / 48), [])],
        [], [], [new FindingJson(FindingKinds.OutputsWithoutOutcome, "ttv", "Key result 'Time to value' has 91% of its work done.", "grow", null)]);

    [Fact]
    public void PatternHeldSixWeeks_SaysHowOutputAndMetricMoved()
    {
        var report = Report(0.91, 70);
        // Seven weeks ago the outcome had moved (0.3 ≥ 0.25): the run starts six weeks ago.
        IReadOnlyList<WeeklySnapshot> snapshots =
        [
            Week(7, 0.2, 0.3, 57.6), Week(6, 0.35, 0, 72), Week(5, 0.4, 0, 72), Week(4, 0.5, 0.02, 71), Week(3, 0.6, 0.02, 71), Week(2, 0.8, 0.04, 70), Week(1, 0.88, 0.04, 70),
        ];

        var findings = OutcomeTrend.Annotate(report.Findings, report, snapshots, Thresholds.Default);

        Assert.EndsWith("The pattern has held for 6 weeks: output 35% → 91% while the metric moved 72 → 70.", findings.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoEarlierWeekWithThePattern_LeavesTheFindingAsItIs()
    {
        var report = Report(0.91, 70);

        var findings = OutcomeTrend.Annotate(report.Findings, report, [Week(1, 0.5, 0.5, 48)], Thresholds.Default);

        Assert.Equal(report.Findings, findings);
    }
}
