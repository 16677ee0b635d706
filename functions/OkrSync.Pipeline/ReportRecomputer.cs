using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>
/// The "compute, then write" half of the CLI's sync: aligns everything in the store with the strategy and stores it
/// through <see cref="ReportPublisher"/>, the same path as the app's live report (the current report, with the
/// <c>reconcile-held</c> findings, and this ISO week's snapshot: the week's last good state wins). Callers run it only after a sync in which
/// at least one source succeeded, so that a run that read nothing never overwrites a good report or snapshot.
/// The stored report keeps only the work items that need attention (orphaned and contradicting) so that it stays
/// small; the full list is always in the store's items.
/// </summary>
public static class ReportRecomputer
{
    /// <summary>
    /// Reads the items (<paramref name="items"/>) and the held reconciles (<paramref name="cursors"/>), aligns them and
    /// stores the report and the week's snapshot (<paramref name="reports"/>); says whether anything was written: an
    /// unchanged report is not rewritten.
    /// </summary>
    public static async Task<Recomputed> RecomputeWithOutcomeAsync(IItemStore items, ICursorStore cursors, IReportStore reports, StrategyDocument strategy, DateTimeOffset asOf, AlignmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var read = new List<WorkItem>();
        await foreach (var item in items.ReadAllItemsWithoutBodiesAsync(cancellationToken))
        {
            read.Add(item);
        }
        var report = ReportBuilder.Build(strategy, read, asOf, options);
        var held = await HeldReconcileFindings.ReadAsync(cursors, cancellationToken);
        var published = await ReportPublisher.PublishAsync(reports, report, held, weeklySnapshot: true, cancellationToken);
        return new Recomputed(report, published.ReportWritten, published.SnapshotWritten) { HeldReconciles = held };
    }

    /// <summary>The report as stored: everything but the aligned and operational work items.</summary>
    public static ReportDocument ToStoredDocument(Report report) => ReportPublisher.ToStoredDocument(report);
}

/// <summary>A recomputed report, and what was written for it.</summary>
public sealed record Recomputed(Report Report, bool ReportWritten, bool SnapshotWritten)
{
    /// <summary>The <c>reconcile-held</c> findings added to the stored report (they are not the strategy's, so not in <see cref="Report"/>).</summary>
    public IReadOnlyList<FindingJson> HeldReconciles { get; init; } = [];
}
