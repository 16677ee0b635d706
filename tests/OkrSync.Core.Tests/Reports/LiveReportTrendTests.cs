using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Reports;

/// <summary>The live report's findings, annotated with how long a pattern held, as a full build's are.</summary>
public sealed class LiveReportTrendTests
{
    [Fact]
    public void LiveReportWithOrphansContradictionsAndAFalseGreen_IsAnnotatedAsAFullBuildIs()
    {
        // kr1: 4 of 5 done with the metric at 1 of 10 (outputs-without-outcome); three orphans and a contradiction.
        WorkItem[] items =
        [
            .. Enumerable.Range(1, 4).Select(n => Some.Item($"acme/web#{n}", StateCategory.Done, labels: ["onboarding"])),
            Some.Item("acme/web#5", labels: ["onboarding"]),
            .. Enumerable.Range(10, 3).Select(n => Some.Item($"acme/web#{n}")),
            Some.Item("acme/web#20", labels: ["on-prem"]),
        ];
        var live = new IncrementalReport(Some.Index(), items).ToReport(Some.Now, []);
        var full = Some.Report(items);
        var liveDocument = live.ToDocument(includeWorkItems: false) with { Findings = live.Stored!.Findings };
        var fullDocument = full.ToDocument(includeWorkItems: false);
        IReadOnlyList<WeeklySnapshot> snapshots = [Week(2), Week(1)];

        var fromLive = OutcomeTrend.Annotate(liveDocument.Findings, liveDocument, snapshots, Thresholds.Default);
        var fromFull = OutcomeTrend.Annotate(fullDocument.Findings, fullDocument, snapshots, Thresholds.Default);

        Assert.Contains(fromLive, f => f.Kind == FindingKinds.OutputsWithoutOutcome && f.Message.Contains("The pattern has held for 2 weeks", StringComparison.Ordinal));
        Assert.Equal(3, fromLive.Count(f => f.Kind == FindingKinds.OrphanedWork));
        Assert.Single(fromLive, f => f.Kind == FindingKinds.ContradictsNotDoing);
        Assert.Equal(Sorted(fromFull), Sorted(fromLive));
    }

    private static WeeklySnapshot Week(int weeksAgo) => new(
        WeeklySnapshot.IsoWeekOf(Some.Now.AddDays(-7 * weeksAgo)),
        Some.Now.AddDays(-7 * weeksAgo),
        new SummaryJson(0, 0, 0, 0, 0, 0, 0, 0),
        [new KeyResultTrend("kr1", "b1", 0.6, 0.1, 5, 3) { Current = 1 }]);

    private static List<string> Sorted(IEnumerable<FindingJson> findings) =>
        [.. findings.Select(f => $"{f.Kind}|{f.Subject}|{f.Message}").Order(StringComparer.Ordinal)];
}
