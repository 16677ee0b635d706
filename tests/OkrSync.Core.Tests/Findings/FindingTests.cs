using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Findings;

public class FindingTests
{
    private static IReadOnlyList<Finding> Of(Report report, string kind) => [.. report.Findings.Where(f => f.Kind == kind)];

    [Fact]
    public void OpenOrphan_IsFound_ButDoneAndCancelledOrphansAreNot()
    {
        var report = Some.Report(
            Some.Item("acme/web#1", StateCategory.InProgress, assignee: "li.wen"),
            Some.Item("acme/web#2", StateCategory.Done),
            Some.Item("acme/web#3", StateCategory.Cancelled));

        var orphans = Of(report, FindingKinds.OrphanedWork);

        var finding = Assert.Single(orphans);
        Assert.Equal("acme/web#1", finding.Subject);
        Assert.Contains("li.wen", finding.Message, StringComparison.Ordinal);
        Assert.Equal("https://tracker.example/acme/web#1", finding.Url);
    }

    [Fact]
    public void OperationalWork_IsNotAnOrphan()
    {
        Assert.Empty(Of(Some.Report(Some.Item("acme/web#1", labels: ["ktlo"])), FindingKinds.OrphanedWork));
    }

    [Fact]
    public void WorkCarryingANotDoingLabel_IsFoundWithTheBet()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.Done, labels: ["on-prem"]));

        var finding = Assert.Single(Of(report, FindingKinds.ContradictsNotDoing));

        Assert.Equal("acme/web#1", finding.Subject);
        Assert.Equal("b2", finding.BetId);
        Assert.Contains("On-prem edition", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CancelledContradiction_IsNotFound()
    {
        Assert.Empty(Of(Some.Report(Some.Item("acme/web#1", StateCategory.Cancelled, labels: ["on-prem"])), FindingKinds.ContradictsNotDoing));
    }

    [Theory]
    [InlineData(4, 1, true)]   // output 0.8, outcome 0.1 (kr1: 0 -> 1 of 10)
    [InlineData(3, 1, false)]  // output 0.75 is below the threshold
    public void KrWithWorkDoneButOutcomeUnmoved_IsAFalseGreen(int done, int open, bool expected)
    {
        var items = Enumerable.Range(1, done).Select(n => Some.Item($"acme/web#{n}", StateCategory.Done, labels: ["onboarding"]))
            .Concat(Enumerable.Range(100, open).Select(n => Some.Item($"acme/web#{n}", labels: ["onboarding"])))
            .ToArray();

        var report = Some.Report(items);

        Assert.Equal(expected, Of(report, FindingKinds.OutputsWithoutOutcome).Any(f => f.Subject == "kr1"));
    }

    [Fact]
    public void KrWhoseOutcomeMoved_IsNotAFalseGreen()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.Done, labels: ["billing"]));

        Assert.DoesNotContain(Of(report, FindingKinds.OutputsWithoutOutcome), f => f.Subject == "kr2");
    }

    [Fact]
    public void OutcomeExactlyAtTheMovedThreshold_IsNotAFalseGreen()
    {
        var yaml = Some.StandardYaml.Replace("current: 1 }", "current: 2.5 }", StringComparison.Ordinal);

        var report = Some.Report(yaml, Some.Item("acme/web#1", StateCategory.Done, labels: ["onboarding"]));

        Assert.Empty(Of(report, FindingKinds.OutputsWithoutOutcome));
    }

    [Fact]
    public void ThresholdsFromTheStrategyFile_Apply()
    {
        var yaml = Some.StandardYaml.Replace("name: Test strategy", "name: T\nthresholds: { output-done: 0.5, outcome-moved: 0.05, stale-days: 3 }", StringComparison.Ordinal);
        var items = new[]
        {
            Some.Item("acme/web#1", StateCategory.Done, labels: ["onboarding"], updated: Some.Now.AddDays(-5)),
            Some.Item("acme/web#2", labels: ["onboarding"], updated: Some.Now.AddDays(-4)),
        };

        var report = Some.Report(yaml, items);

        Assert.Empty(Of(report, FindingKinds.OutputsWithoutOutcome)); // outcome 0.1 >= 0.05
        Assert.Contains(Of(report, FindingKinds.StaleInitiative), f => f.Subject == "i1");
    }

    [Fact]
    public void KrWithOnlyCancelledWork_IsUnbacked()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.Cancelled, labels: ["perf"]));

        Assert.Contains(Of(report, FindingKinds.UnbackedKeyResult), f => f.Subject == "kr3");
    }

    [Fact]
    public void KrWithDoneWork_IsNotUnbacked()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.Done, labels: ["perf"]));

        Assert.DoesNotContain(Of(report, FindingKinds.UnbackedKeyResult), f => f.Subject == "kr3");
    }

    [Fact]
    public void BetWithOnlyDoneWork_IsIdle_AndABetWithOpenWorkIsNot()
    {
        var report = Some.Report(
            Some.Item("acme/web#1", StateCategory.Done, labels: ["perf"]),
            Some.Item("acme/web#2", StateCategory.Todo, labels: ["billing"]));

        var idle = Of(report, FindingKinds.IdleBet);

        Assert.Equal(["b2"], idle.Select(f => f.Subject));
    }

    [Fact]
    public void InitiativeWithoutActivityForTheStalePeriod_IsStale()
    {
        var report = Some.Report(
            Some.Item("acme/web#1", labels: ["perf"], updated: Some.Now.AddDays(-14)),
            Some.Item("acme/web#2", labels: ["billing"], updated: Some.Now.AddDays(-13)));

        var stale = Of(report, FindingKinds.StaleInitiative).Select(f => f.Subject).ToList();

        Assert.Contains("i4", stale);
        Assert.DoesNotContain("i3", stale);
    }

    [Fact]
    public void DoneInitiative_IsNeverStale()
    {
        var report = Some.Report(Some.Item("acme/web#1", StateCategory.Done, labels: ["perf"], updated: Some.Now.AddDays(-90)));

        Assert.DoesNotContain(Of(report, FindingKinds.StaleInitiative), f => f.Subject == "i4");
    }

    [Fact]
    public void InitiativeWithNoWork_IsStale()
    {
        var report = Some.Report();

        Assert.Equal(["i1", "i2", "i3", "i4"], Of(report, FindingKinds.StaleInitiative).Select(f => f.Subject));
    }

    [Fact]
    public void Staleness_IsMeasuredFromAsOf_NotTheClock()
    {
        var items = new[] { Some.Item("acme/web#1", labels: ["perf"], updated: Some.Now.AddDays(-1)) };

        var later = ReportBuilder.Build(Some.Strategy(), items, Some.Now.AddDays(20));

        Assert.Contains(later.Findings, f => f.Kind == FindingKinds.StaleInitiative && f.Subject == "i4");
    }
}
