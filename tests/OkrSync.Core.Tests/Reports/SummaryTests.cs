using OkrSync.Core.Tests.Support;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Reports;

public class SummaryTests
{
    [Fact]
    public void Summary_CountsEachClassificationOnce()
    {
        var report = Some.Report(
            Some.Item("acme/web#1", labels: ["billing"]),
            Some.Item("acme/web#2", labels: ["bug"]),
            Some.Item("acme/web#3"),
            Some.Item("acme/web#4", StateCategory.Done),
            Some.Item("acme/web#5", labels: ["on-prem"]));

        var s = report.Summary;

        Assert.Equal((5, 1, 1, 2, 1), (s.Total, s.Aligned, s.Operational, s.Orphaned, s.Contradicting));
    }

    [Fact]
    public void OrphanRate_IsOpenOrphansOverOpenNonOperationalWork()
    {
        var report = Some.Report(
            Some.Item("acme/web#1", labels: ["billing"]),
            Some.Item("acme/web#2", StateCategory.InProgress),
            Some.Item("acme/web#3", StateCategory.Done),
            Some.Item("acme/web#4", labels: ["bug"]),
            Some.Item("acme/web#5", labels: ["dach"]));

        Assert.Equal(1, report.Summary.OpenOrphaned);
        Assert.Equal(3, report.Summary.OpenNonOperational);
        Assert.Equal(1.0 / 3, report.Summary.OrphanRate, 10);
    }

    [Fact]
    public void NoOpenWork_HasAZeroOrphanRate()
    {
        Assert.Equal(0, Some.Report().Summary.OrphanRate);
    }
}
