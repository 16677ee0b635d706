using OkrSync.Core.Alignment;
using OkrSync.Core.Work;

namespace OkrSync.Core.Investment;

/// <summary>
/// Weighs the work worked in a trailing window ending at the report's as-of: items done within the window
/// (their closing time, or last update when the tracker gives none, in [as-of − days, as-of]) and items in progress now
/// that existed by the as-of. Cancelled and to-do work counts nothing. Aligned work is split equally between the
/// distinct bets its initiatives serve; contradicting work counts as contradicting only. One pass, linear in the items;
/// it allocates per bet and per container and assignee, not per item.
/// </summary>
public static class InvestmentCalculator
{
    public static InvestmentBalance Compute(StrategyIndex index, IReadOnlyList<ItemAlignment> alignments, DateTimeOffset asOf, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(alignments);
        var tally = new InvestmentTally(index, asOf, windowDays);
        for (var a = 0; a < alignments.Count; a++)
        {
            tally.Add(alignments[a]);
        }
        return tally.ToBalance();
    }

    /// <summary>Done within [<paramref name="from"/>, <paramref name="to"/>], or in progress now and created by <paramref name="to"/>.</summary>
    public static bool WorkedIn(WorkItem item, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(item);
        switch (item.State)
        {
            case StateCategory.Done:
                var finished = item.Closed ?? item.Updated;
                return finished >= from && finished <= to;
            case StateCategory.InProgress:
                return item.Created <= to;
            default:
                return false;
        }
    }
}
