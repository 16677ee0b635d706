using OkrSync.Core.Alignment;
using OkrSync.Core.Metrics;
using OkrSync.Core.Work;

namespace OkrSync.Core.Rollup;

/// <summary>
/// The rollup kept as counters that an item's contribution can be added to and taken from again (sign +1 or -1), so
/// that a change costs the initiatives, key results and bets the item touches, not a pass over every item. It holds
/// exactly what <see cref="Rollups.Compute"/> sums, and <see cref="ToRollup"/> gives the same <see cref="StrategyRollup"/>;
/// the full compute stays the reference (property tests compare the two). The latest activity per initiative, a maximum,
/// is kept as a count per instant, so that taking the latest item away finds the one before it.
/// A new aggregate (for example effort per bet over a window) is another counter array here with its own add/remove.
/// </summary>
public sealed class RollupCounters
{
    private readonly StrategyIndex index;
    private readonly StateCounts[] counts;
    private readonly StateCounts[] points;
    private readonly int[] estimated;
    private readonly Instants?[] activity;
    private readonly int[] krPlanned;
    private readonly int[] krDone;
    private readonly int[] betPlanned;
    private readonly int[] betDone;

    public RollupCounters(StrategyIndex index)
    {
        ArgumentNullException.ThrowIfNull(index);
        this.index = index;
        counts = new StateCounts[index.Initiatives.Length];
        points = new StateCounts[index.Initiatives.Length];
        estimated = new int[index.Initiatives.Length];
        activity = new Instants?[index.Initiatives.Length];
        krPlanned = new int[index.KeyResults.Length];
        krDone = new int[index.KeyResults.Length];
        betPlanned = new int[index.Bets.Length];
        betDone = new int[index.Bets.Length];
    }

    /// <summary>Adds (<paramref name="sign"/> +1) or takes away (-1) one item counted in <paramref name="initiatives"/>.</summary>
    internal void Apply(WorkItem item, int[] initiatives, int sign)
    {
        if (initiatives.Length == 0)
        {
            return;
        }
        var planned = item.State.IsPlanned();
        var done = item.State == StateCategory.Done ? sign : 0;
        var lastKr = -1;
        var lastBet = -1;
        Span<int> seenKr = initiatives.Length <= 16 ? stackalloc int[initiatives.Length] : new int[initiatives.Length];
        Span<int> seenBet = initiatives.Length <= 16 ? stackalloc int[initiatives.Length] : new int[initiatives.Length];
        int krs = 0, bets = 0;
        foreach (var i in initiatives)
        {
            counts[i] = counts[i].Add(item.State, sign);
            if (item.Estimate is { } estimate)
            {
                points[i] = points[i].Add(item.State, sign * estimate);
                estimated[i] += sign;
            }
            Activity(i, item.Updated, sign);
            var kr = index.KeyResultOfInitiative[i];
            var bet = index.BetOfKeyResult[kr];
            if (planned && kr != lastKr && !seenKr[..krs].Contains(kr))
            {
                seenKr[krs++] = kr;
                krPlanned[kr] += sign;
                krDone[kr] += done;
            }
            if (planned && bet != lastBet && !seenBet[..bets].Contains(bet))
            {
                seenBet[bets++] = bet;
                betPlanned[bet] += sign;
                betDone[bet] += done;
            }
            lastKr = kr;
            lastBet = bet;
        }
    }

    private void Activity(int initiative, DateTimeOffset updated, int sign) => (activity[initiative] ??= new Instants()).Add(updated, sign);

    /// <summary>
    /// The rollup as <see cref="Rollups.Compute"/> builds it with the same <paramref name="readings"/> (the file's values
    /// when null), from the counters: linear in the size of the strategy.
    /// </summary>
    public StrategyRollup ToRollup(MetricReadings? readings = null) => Rollups.Assemble(
        index,
        (i, initiative, keyResultId, betId) => new InitiativeRollup(initiative, keyResultId, betId, counts[i], points[i], estimated[i] > 0, activity[i]?.Latest),
        krPlanned, krDone, betPlanned, betDone, readings);

    /// <summary>A multiset of instants with its latest in O(log n): the distinct instants sorted, and how many items have each.</summary>
    private sealed class Instants
    {
        private readonly SortedSet<DateTimeOffset> sorted = [];
        private readonly Dictionary<DateTimeOffset, int> count = [];

        public DateTimeOffset? Latest => sorted.Count == 0 ? null : sorted.Max;

        public void Add(DateTimeOffset instant, int sign)
        {
            count.TryGetValue(instant, out var n);
            n += sign;
            if (n <= 0)
            {
                count.Remove(instant);
                sorted.Remove(instant);
            }
            else
            {
                count[instant] = n;
                sorted.Add(instant);
            }
        }
    }
}
