using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>
/// The "compute, then write" half of a sync: aligns everything in the store with the strategy, adds the
/// <c>reconcile-held</c> findings the store records, saves the current report, and saves this ISO week's snapshot
/// (replacing an earlier one of the week: the week's last good state wins). Callers run it only after a sync in which
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
        var items = new List<WorkItem>();
        await foreach (var item in store.ReadAllItemsWithoutBodiesAsync(cancellationToken))
        {
            items.Add(item);
        }
        var report = ReportBuilder.Build(strategy, items, asOf, options);
        var held = await HeldReconcileFindings.ReadAsync(store, cancellationToken);
        var document = HeldReconcileFindings.AddTo(ToStoredDocument(report), held);
        var previous = await store.ReadCurrentReportAsync(cancellationToken);
        var reportChanged = previous is null || !SameApartFromTime(previous, document);
        if (reportChanged)
        {
            await store.SaveCurrentReportAsync(document, cancellationToken);
        }
        var snapshotWritten = await store.SaveWeeklySnapshotAsync(WeeklySnapshot.From(document), cancellationToken);
        return new Recomputed(report, reportChanged, snapshotWritten) { HeldReconciles = held };
    }

    // The as-of instant moves on every run; what matters is whether anything else did.
    private static bool SameApartFromTime(ReportDocument a, ReportDocument b) =>
        ReportFingerprint.Of(a) == ReportFingerprint.Of(b);

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

/// <summary>A recomputed report, and what was written for it.</summary>
public sealed record Recomputed(Report Report, bool ReportWritten, bool SnapshotWritten)
{
    /// <summary>The <c>reconcile-held</c> findings added to the stored report (they are not the strategy's, so not in <see cref="Report"/>).</summary>
    public IReadOnlyList<FindingJson> HeldReconciles { get; init; } = [];
}
