using System.Runtime.InteropServices;
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
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(alignments);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        var bets = index.Bets.Length;
        var slots = bets + 3; // bets, then operational, orphaned, contradicting
        var from = asOf.AddDays(-windowDays);
        // Both weightings are kept until the end, when it is known whether every item counted has points.
        var overall = new double[2 * slots];
        var byContainer = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var byAssignee = new Dictionary<string, double[]>(StringComparer.Ordinal);
        double[]? unassigned = null;
        var betOfInitiative = new int[index.Initiatives.Length];
        for (var i = 0; i < betOfInitiative.Length; i++)
        {
            betOfInitiative[i] = index.BetOfKeyResult[index.KeyResultOfInitiative[i]];
        }
        int items = 0, estimated = 0;
        string? lastContainer = null;
        double[]? containerSums = null;

        for (var a = 0; a < alignments.Count; a++)
        {
            var alignment = alignments[a];
            var item = alignment.Item;
            if (!WorkedIn(item, from, asOf))
            {
                continue;
            }
            items++;
            var points = item.Estimate is { } estimate && double.IsFinite(estimate) && estimate >= 0 ? estimate : double.NaN;
            estimated += double.IsNaN(points) ? 0 : 1;
            if (!ReferenceEquals(item.Container, lastContainer))
            {
                containerSums = Sums(byContainer, item.Container, slots);
                lastContainer = item.Container;
            }
            var assigneeSums = item.Assignee is { } assignee ? Sums(byAssignee, assignee, slots) : unassigned ??= new double[2 * slots];
            switch (alignment.Classification)
            {
                case Classification.Contradicting:
                    Add(bets + 2, 1, points, slots, overall, containerSums!, assigneeSums);
                    break;
                case Classification.Operational:
                    Add(bets, 1, points, slots, overall, containerSums!, assigneeSums);
                    break;
                case Classification.Orphaned:
                    Add(bets + 1, 1, points, slots, overall, containerSums!, assigneeSums);
                    break;
                default:
                    // Initiative indexes are sorted and laid out bet by bet, so their bets are sorted too: distinct bets are the changes.
                    var initiatives = alignment.InitiativeIndexes;
                    var distinct = 0;
                    for (int k = 0, previous = -1; k < initiatives.Length; k++)
                    {
                        var bet = betOfInitiative[initiatives[k]];
                        distinct += bet != previous ? 1 : 0;
                        previous = bet;
                    }
                    if (distinct == 0)
                    {
                        Add(bets + 1, 1, points, slots, overall, containerSums!, assigneeSums);
                        break;
                    }
                    for (int k = 0, previous = -1; k < initiatives.Length; k++)
                    {
                        var bet = betOfInitiative[initiatives[k]];
                        if (bet != previous)
                        {
                            Add(bet, 1.0 / distinct, points, slots, overall, containerSums!, assigneeSums);
                        }
                        previous = bet;
                    }
                    break;
            }
        }

        var usePoints = items > 0 && estimated == items;
        var offset = usePoints ? slots : 0;
        return new InvestmentBalance(
            windowDays,
            from,
            asOf,
            usePoints ? EffortUnits.Points : EffortUnits.Items,
            items,
            estimated,
            Slice(null, overall, bets, offset),
            Order(byContainer.Select(pair => Slice(pair.Key, pair.Value, bets, offset))),
            Order(byAssignee.Select(pair => Slice(pair.Key, pair.Value, bets, offset)).Concat(unassigned is null ? [] : [Slice(null, unassigned, bets, offset)])));
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

    private static double[] Sums(Dictionary<string, double[]> map, string key, int slots)
    {
        ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        return sums ??= new double[2 * slots];
    }

    /// <summary>Adds <paramref name="fraction"/> of the item to <paramref name="slot"/>: by count in the first half, by points in the second.</summary>
    private static void Add(int slot, double fraction, double points, int slots, double[] overall, double[] container, double[] assignee)
    {
        overall[slot] += fraction;
        container[slot] += fraction;
        assignee[slot] += fraction;
        if (!double.IsNaN(points))
        {
            var weight = fraction * points;
            overall[slots + slot] += weight;
            container[slots + slot] += weight;
            assignee[slots + slot] += weight;
        }
    }

    private static InvestmentSlice Slice(string? name, double[] sums, int bets, int offset) =>
        new(name, sums.AsSpan(offset, bets).ToArray(), sums[offset + bets], sums[offset + bets + 1], sums[offset + bets + 2]);

    private static List<InvestmentSlice> Order(IEnumerable<InvestmentSlice> slices) =>
        [.. slices.Select(s => (Slice: s, s.Total)).OrderByDescending(s => s.Total).ThenBy(s => s.Slice.Name ?? "\uffff", StringComparer.Ordinal).Select(s => s.Slice)];
}
