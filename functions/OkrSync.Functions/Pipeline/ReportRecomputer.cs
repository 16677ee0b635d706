using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Pipeline;

/// <summary>
/// The "compute, then write" half of a sync: aligns everything in the store with the strategy, saves the current
/// report, and writes this ISO week's snapshot if the week has none yet.
/// The stored report keeps only the work items that need attention (orphaned and contradicting) so that it stays
/// small; the full list is always in the store's items.
/// </summary>
public static class ReportRecomputer
{
    public static async Task<Report> RecomputeAsync(IWorkStore store, StrategyDocument strategy, DateTimeOffset asOf, AlignmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var items = new List<WorkItem>();
        await foreach (var item in store.ReadAllItemsAsync(cancellationToken))
        {
            items.Add(item);
        }
        var report = ReportBuilder.Build(strategy, items, asOf, options);
        var document = ToStoredDocument(report);
        await store.SaveCurrentReportAsync(document, cancellationToken);
        await store.SaveWeeklySnapshotAsync(WeeklySnapshot.From(document), cancellationToken);
        return report;
    }

    /// <summary>The report as stored: everything but the aligned and operational work items.</summary>
    public static ReportDocument ToStoredDocument(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var attention = report.Items
            .Where(a => a.Classification is Classification.Orphaned or Classification.Contradicting)
            .Select(a => a.ToJson())
            .ToList();
        return report.ToDocument(includeWorkItems: false) with { WorkItems = attention };
    }
}
