using OkrSync.Core.Strategy;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;

namespace OkrSync.Core.Tests.Reports;

public sealed class StrategyFindingsTests
{
    private static FindingJson Finding(string kind, string subject) => new(kind, subject, $"{kind} on {subject}", null, null);

    [Fact]
    public void PartsSaidToBeAboutItems_AreNotRead()
    {
        // A part that would throw if read: the parts about items must be passed by.
        var joined = new ConcatenatedList<FindingJson>([Finding(FindingKinds.OrphanedWork, "ONB-1")], new Unreadable(), [Finding(FindingKinds.OutputsWithoutOutcome, "ttv")])
        {
            AboutItems = new HashSet<int> { 1 },
        };

        var any = StrategyFindings.Any(joined, f => f.Kind == FindingKinds.OutputsWithoutOutcome);
        var mapped = (ConcatenatedList<FindingJson>)StrategyFindings.Select(joined, f => f.Kind == FindingKinds.OutputsWithoutOutcome ? f with { Message = "annotated" } : f);

        Assert.True(any);
        Assert.Same(joined.Parts[1], mapped.Parts[1]);
        Assert.Equal("annotated", mapped.Parts[2][0].Message);
        Assert.Same(joined.Parts[0][0], mapped.Parts[0][0]);
        Assert.Equal(joined.AboutItems, mapped.AboutItems);
    }

    [Fact]
    public void AFindingOnlyInAPartAboutItems_IsNotFound()
    {
        var joined = new ConcatenatedList<FindingJson>([Finding(FindingKinds.OutputsWithoutOutcome, "ttv")], [])
        {
            AboutItems = new HashSet<int> { 0 },
        };

        Assert.False(StrategyFindings.Any(joined, f => f.Kind == FindingKinds.OutputsWithoutOutcome));
    }

    [Fact]
    public void AListMadeOtherwise_IsReadWhole()
    {
        IReadOnlyList<FindingJson> plain = [Finding(FindingKinds.OrphanedWork, "ONB-1"), Finding(FindingKinds.OutputsWithoutOutcome, "ttv")];

        var mapped = StrategyFindings.Select(plain, f => f with { Message = "m" });

        Assert.True(StrategyFindings.Any(plain, f => f.Kind == FindingKinds.OutputsWithoutOutcome));
        Assert.All(mapped, f => Assert.Equal("m", f.Message));
        Assert.Equal(plain.Select(f => f.Subject), mapped.Select(f => f.Subject));
    }

    private sealed class Unreadable : IReadOnlyList<FindingJson>
    {
        public FindingJson this[int index] => throw new InvalidOperationException("a part about items was read");

        public int Count => 1;

        public IEnumerator<FindingJson> GetEnumerator() => throw new InvalidOperationException("a part about items was read");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

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
