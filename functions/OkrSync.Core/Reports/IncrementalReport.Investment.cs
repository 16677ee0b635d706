using OkrSync.Core.Investment;
using OkrSync.Core.Work;

namespace OkrSync.Core.Reports;

/// <summary>
/// The investment balance kept as the items change and as its trailing window moves: an item is counted when it
/// changes (its old alignment taken away, its new one added, if worked in the window); when the window moves on, done
/// items that fall out of it leave (queued by when they were finished) and items dated after the window's end join
/// once it reaches them. Only a window that moves back counts every item again.
/// </summary>
public sealed partial class IncrementalReport
{
    // Null until the first report (which counts every item); then moved by each report.
    private InvestmentTally? investment;
    // Counted done items by the instant they were finished: the order in which they leave the window.
    private readonly PriorityQueue<(Entry Entry, int Count), long> leaving = new();
    // Items worked after the window's end (done later, or in progress but created later): they count once it reaches them.
    private readonly HashSet<Entry> arriving = [];

    private InvestmentBalance InvestmentAt(DateTimeOffset asOf)
    {
        if (investment is null || asOf < investment.AsOf || leaving.Count > entries.Count + 4096)
        {
            investment = new InvestmentTally(index, asOf, index.Strategy.Thresholds.InvestmentWindowDays);
            leaving.Clear();
            arriving.Clear();
            foreach (var entry in entries.Values)
            {
                entry.Invested = null;
                Invest(entry, +1);
            }
            return investment.ToBalance();
        }
        if (asOf > investment.AsOf)
        {
            investment.MoveTo(asOf);
            var from = investment.From.UtcTicks;
            while (leaving.TryPeek(out var next, out var finished) && finished < from)
            {
                leaving.Dequeue();
                if (next.Entry.InvestedCount == next.Count && next.Entry.Invested is { } counted)
                {
                    investment.Remove(counted);
                    next.Entry.Invested = null;
                }
            }
            if (arriving.Count > 0)
            {
                foreach (var entry in arriving.Where(e => investment.Counts(e.Alignment)).ToList())
                {
                    arriving.Remove(entry);
                    Invest(entry, +1);
                }
            }
        }
        return investment.ToBalance();
    }

    /// <summary>Takes an entry's counted alignment away (<paramref name="sign"/> −1) or counts its current one (+1), once the window exists.</summary>
    private void Invest(Entry entry, int sign)
    {
        if (investment is null)
        {
            return;
        }
        if (sign < 0)
        {
            if (entry.Invested is { } counted)
            {
                investment.Remove(counted);
                entry.Invested = null;
            }
            arriving.Remove(entry);
            return;
        }
        var alignment = entry.Alignment;
        var item = alignment.Item;
        if (investment.Add(alignment))
        {
            entry.Invested = alignment;
            entry.InvestedCount++;
            if (item.State == StateCategory.Done)
            {
                leaving.Enqueue((entry, entry.InvestedCount), (item.Closed ?? item.Updated).UtcTicks);
            }
        }
        else if (item.State == StateCategory.Done ? (item.Closed ?? item.Updated) > investment.AsOf : item.State == StateCategory.InProgress && item.Created > investment.AsOf)
        {
            arriving.Add(entry);
        }
    }
}
