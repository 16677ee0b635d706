using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Investment;
using OkrSync.Core.Metrics;
using OkrSync.Core.Rollup;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Core.Reports;

/// <summary>
/// Counts of work by classification. <see cref="OrphanRate"/> is open orphaned work over open work that is not
/// operational, in [0, 1]; 0 when there is no such open work.
/// </summary>
public sealed record Summary(int Total, int Aligned, int Operational, int Orphaned, int Contradicting, int OpenOrphaned, int OpenNonOperational)
{
    public double OrphanRate => OpenNonOperational == 0 ? 0 : (double)OpenOrphaned / OpenNonOperational;
}

/// <summary>Everything the pipeline concludes about one strategy and one set of work items, as of one instant.</summary>
public sealed record Report(
    StrategyDocument Strategy,
    DateTimeOffset AsOf,
    Summary Summary,
    StrategyRollup Rollup,
    IReadOnlyList<ItemAlignment> Items,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Where delivery went over the trailing window ending at <see cref="AsOf"/>; null only in reports built by hand.</summary>
    public InvestmentBalance? Investment { get; init; }
    /// <summary>Each metric's current value, where it came from and when it was measured (the file's values when built without check-ins).</summary>
    public MetricReadings Readings { get; init; } = MetricReadings.FromStrategy(Strategy);

    /// <summary>
    /// The stored report's two long lists already as JSON, when whoever built the report kept them (the incremental
    /// report makes each item's once per version of the item); null otherwise, and they are mapped from <see cref="Items"/>
    /// and <see cref="Findings"/>.
    /// </summary>
    public StoredLists? Stored { get; init; }
}

/// <summary>
/// The work items needing attention (orphaned and contradicting) and <see cref="Report.Findings"/>, in its order, as the
/// stored report holds them: an unchanged item's entries are the same instances from one report to the next, so that
/// comparing and cutting the stored report skips them.
/// </summary>
public sealed record StoredLists(IReadOnlyList<WorkItemJson> Attention, IReadOnlyList<FindingJson> Findings);

/// <summary>The pure pipeline: align, roll up, find. Linear in the number of items.</summary>
public static class ReportBuilder
{
    public static Report Build(StrategyDocument strategy, IEnumerable<WorkItem> items, DateTimeOffset asOf, AlignmentOptions? options = null) =>
        Build(new StrategyIndex(strategy), items, asOf, options);

    public static Report Build(StrategyIndex index, IEnumerable<WorkItem> items, DateTimeOffset asOf, AlignmentOptions? options = null) =>
        Build(index, items, asOf, options, checkIns: []);

    /// <summary>Builds the report with each metric's current value from its latest check-in at or before <paramref name="asOf"/> (<see cref="MetricReadings"/>).</summary>
    /// <remarks><paramref name="historical"/>: a past week (see <see cref="MetricReadings.Resolve(StrategyDocument, IEnumerable{CheckIn}, DateTimeOffset, bool)"/>).</remarks>
    public static Report Build(StrategyIndex index, IEnumerable<WorkItem> items, DateTimeOffset asOf, AlignmentOptions? options, IEnumerable<CheckIn> checkIns, bool historical = false)
    {
        ArgumentNullException.ThrowIfNull(index);
        var readings = MetricReadings.Resolve(index.Strategy, checkIns, asOf, historical);
        var alignments = Aligner.Align(index, items, options);
        var rollup = Rollups.Compute(index, alignments, readings);
        var thresholds = index.Strategy.Thresholds;
        var investment = InvestmentCalculator.Compute(index, alignments, asOf, thresholds.InvestmentWindowDays);
        var findings = FindingRules.Evaluate(alignments, rollup, thresholds, asOf);
        var betFindings = BetFindingRules.Evaluate(index.Strategy, rollup, investment);
        IReadOnlyList<Finding> all = [.. findings, .. betFindings, .. MetricFindings.Evaluate(index.Strategy, readings, asOf)];
        return new Report(index.Strategy, asOf, Summarize(alignments), rollup, alignments, all) { Investment = investment, Readings = readings };
    }

    public static Summary Summarize(IReadOnlyList<ItemAlignment> alignments)
    {
        ArgumentNullException.ThrowIfNull(alignments);
        int aligned = 0, operational = 0, orphaned = 0, contradicting = 0, openOrphaned = 0, openNonOperational = 0;
        foreach (var alignment in alignments)
        {
            var open = alignment.Item.State.IsOpen();
            switch (alignment.Classification)
            {
                case Classification.Aligned: aligned++; break;
                case Classification.Operational: operational++; break;
                case Classification.Orphaned: orphaned++; openOrphaned += open ? 1 : 0; break;
                default: contradicting++; break;
            }
            openNonOperational += open && alignment.Classification != Classification.Operational ? 1 : 0;
        }
        return new Summary(alignments.Count, aligned, operational, orphaned, contradicting, openOrphaned, openNonOperational);
    }
}
