using OkrSync.Core.Alignment;
using OkrSync.Core.Metrics;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;
using OkrSync.Pipeline.History;

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
    /// Reads the items (<paramref name="items"/>), the check-ins (<paramref name="checkIns"/>, none when null) and the held
    /// reconciles and status findings (<paramref name="cursors"/>), aligns them and stores the report and the week's snapshot
    /// (<paramref name="reports"/>); when the store has no weekly snapshot yet, first backfills <paramref name="backfillWeeks"/>
    /// past weeks (<see cref="HistoryBackfill"/>). Says whether anything was written: an unchanged report is not rewritten.
    /// </summary>
    public static async Task<Recomputed> RecomputeWithOutcomeAsync(IItemStore items, ICursorStore cursors, IReportStore reports, StrategyDocument strategy, DateTimeOffset asOf, AlignmentOptions? options = null, ICheckInLog? checkIns = null, int backfillWeeks = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(reports);
        var index = new StrategyIndex(strategy);
        for (var attempt = 1; ; attempt++)
        {
            // The generation before the items: a report another process stores meanwhile makes this write lose, and read again.
            var generation = await reports.ReadCurrentReportGenerationAsync(cancellationToken);
            var read = await ReadCompactAsync(items, cancellationToken);
            var measured = new List<CheckIn>();
            if (checkIns is not null)
            {
                await foreach (var checkIn in checkIns.ReadAllCheckInsAsync(cancellationToken))
                {
                    measured.Add(checkIn);
                }
            }
            var backfilled = await HistoryBackfill.BackfillIfEmptyAsync(reports, index, read, measured, asOf, backfillWeeks, options, cancellationToken);
            var report = ReportBuilder.Build(index, read, asOf, options, measured);
            var held = await HeldReconcileFindings.ReadAsync(cursors, cancellationToken);
            var status = await Metrics.StatusFindings.ReadAsync(cursors, cancellationToken);
            var published = await ReportPublisher.PublishAsync(reports, report, [.. held, .. status], weeklySnapshot: true, generation, cancellationToken);
            if (!published.Lost)
            {
                return new Recomputed(report, published.ReportWritten, published.SnapshotWritten) { HeldReconciles = held, StatusFindings = status, BackfilledWeeks = backfilled, Stored = published.Document };
            }
            if (attempt >= MaxLostRaces)
            {
                throw new InvalidOperationException($"The report was not stored: other processes stored newer ones {attempt} times in a row while this one read the store again.");
            }
        }
    }

    /// <summary>
    /// Every stored item, streamed from the store into one list, each kept once in its compact form (no body; the strings
    /// that repeat across items, such as labels, containers and statuses, shared through <see cref="ItemStrings"/>): the
    /// realign after a sync holds each item once, and little more than what alignment and the report's pages read.
    /// </summary>
    internal static async Task<List<WorkItem>> ReadCompactAsync(IItemStore items, CancellationToken cancellationToken)
    {
        var pool = new ItemStrings();
        var read = new List<WorkItem>();
        await foreach (var item in items.ReadAllItemsWithoutBodiesAsync(cancellationToken))
        {
            read.Add(pool.Compact(item));
        }
        read.TrimExcess();
        return read;
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

    /// <summary>The <c>metric-source-failed</c> and <c>strategy-invalid</c> findings added to the stored report.</summary>
    public IReadOnlyList<FindingJson> StatusFindings { get; init; } = [];

    /// <summary>The document as stored (its findings say how long each outputs-without-outcome pattern has held).</summary>
    public ReportDocument? Stored { get; init; }

    /// <summary>How many past weeks were backfilled (the first sync of a store).</summary>
    public int BackfilledWeeks { get; init; }

    /// <summary>Every finding of the stored report.</summary>
    public int FindingCount => Report.Findings.Count + HeldReconciles.Count + StatusFindings.Count;
}
