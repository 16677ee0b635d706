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
    public static async Task<Report> RecomputeAsync(IWorkStore store, StrategyDocument strategy, DateTimeOffset asOf, AlignmentOptions? options = null, CancellationToken cancellationToken = default) =>
        (await RecomputeWithOutcomeAsync(store, strategy, asOf, options, cancellationToken)).Report;

    /// <summary>As <see cref="RecomputeAsync"/>, and says whether anything was written: an unchanged report is not rewritten.</summary>
    public static async Task<Recomputed> RecomputeWithOutcomeAsync(IWorkStore store, StrategyDocument strategy, DateTimeOffset asOf, AlignmentOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        for (var attempt = 1; ; attempt++)
        {
            // The generation before the items: a report another process stores meanwhile makes this write lose, and read again.
            var generation = await store.ReadCurrentReportGenerationAsync(cancellationToken);
            var items = new List<WorkItem>();
            await foreach (var item in store.ReadAllItemsWithoutBodiesAsync(cancellationToken))
            {
                items.Add(item);
            }
            var report = ReportBuilder.Build(strategy, items, asOf, options);
            var held = await HeldReconcileFindings.ReadAsync(store, cancellationToken);
            var published = await ReportPublisher.PublishAsync(store, report, held, weeklySnapshot: true, generation, cancellationToken);
            if (!published.Lost)
            {
                return new Recomputed(report, published.ReportWritten, published.SnapshotWritten) { HeldReconciles = held };
            }
            if (attempt >= MaxLostRaces)
            {
                throw new InvalidOperationException($"The report was not stored: other processes stored newer ones {attempt} times in a row while this one read the store again.");
            }
        }
    }

    /// <summary>How many times in a row the write may lose to another process (and read everything again) before it gives up.</summary>
    public const int MaxLostRaces = 5;

    /// <summary>The report as stored: everything but the aligned and operational work items.</summary>
    public static ReportDocument ToStoredDocument(Report report) => ReportPublisher.ToStoredDocument(report);
}

/// <summary>A recomputed report, and what was written for it.</summary>
public sealed record Recomputed(Report Report, bool ReportWritten, bool SnapshotWritten)
{
    /// <summary>The <c>reconcile-held</c> findings added to the stored report (they are not the strategy's, so not in <see cref="Report"/>).</summary>
    public IReadOnlyList<FindingJson> HeldReconciles { get; init; } = [];
}
