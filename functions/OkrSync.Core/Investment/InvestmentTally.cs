using System.Runtime.InteropServices;
using OkrSync.Core.Alignment;

namespace OkrSync.Core.Investment;

/// <summary>
/// The investment balance added up one item at a time, and taken away again: <see cref="InvestmentCalculator"/> adds
/// a list; the incremental report adds and removes the items it keeps as they change, and moves the window with
/// <see cref="MoveTo"/>. See <see cref="InvestmentCalculator"/> for what counts.
/// </summary>
/// <remarks>
/// Exact whatever the order: an aligned item split between d bets adds one to the count of "1/d of an item" of each,
/// and its points to the points of "1/d" (as decimals), so that adding and removing the same items in any order leaves
/// the same state, and the balance worked out from it is the same to the last bit as one worked out from scratch.
/// Allocates per bet, container and assignee, not per item.
/// </remarks>
public sealed class InvestmentTally
{
    /// <summary>Points above this are not an estimate but junk (and beyond what a decimal sum keeps exactly): counted as unestimated.</summary>
    public const double MaxPoints = 1e15;

    private readonly int bets;
    private readonly int slots;
    private readonly int splits;
    private readonly int windowDays;
    private readonly int[] betOfInitiative;
    private readonly Sums overall;
    private readonly Dictionary<string, Sums> byContainer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Sums> byAssignee = new(StringComparer.Ordinal);
    private readonly Sums unassigned;
    private int items, estimated;

    public InvestmentTally(StrategyIndex index, DateTimeOffset asOf, int windowDays)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowDays, 1);
        bets = index.Bets.Length;
        slots = bets + 3; // bets, then operational, orphaned, contradicting
        splits = Math.Max(1, bets);
        this.windowDays = windowDays;
        overall = new Sums(slots * splits);
        unassigned = new Sums(slots * splits);
        betOfInitiative = new int[index.Initiatives.Length];
        for (var i = 0; i < betOfInitiative.Length; i++)
        {
            betOfInitiative[i] = index.BetOfKeyResult[index.KeyResultOfInitiative[i]];
        }
        MoveTo(asOf);
    }

    /// <summary>The end of the window: work done in [<see cref="From"/>, <see cref="AsOf"/>] or in progress by then counts.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public DateTimeOffset From { get; private set; }

    /// <summary>Moves the window; the caller adds the items that enter it and removes those that leave.</summary>
    public void MoveTo(DateTimeOffset asOf)
    {
        AsOf = asOf;
        From = asOf.AddDays(-windowDays);
    }

    /// <summary>Whether the item counts in the window as it stands.</summary>
    public bool Counts(in ItemAlignment alignment) => InvestmentCalculator.WorkedIn(alignment.Item, From, AsOf);

    /// <summary>Counts one item, if it was worked in the window; returns whether it did.</summary>
    public bool Add(in ItemAlignment alignment)
    {
        if (!Counts(alignment))
        {
            return false;
        }
        Apply(alignment, +1);
        return true;
    }

    /// <summary>Takes away an item added before (whether or not it still counts in the window as it stands now).</summary>
    public void Remove(in ItemAlignment alignment) => Apply(alignment, -1);

    private void Apply(in ItemAlignment alignment, int sign)
    {
        var item = alignment.Item;
        items += sign;
        var hasPoints = item.Estimate is { } estimate && double.IsFinite(estimate) && estimate is >= 0 and <= MaxPoints;
        var points = hasPoints ? (decimal)item.Estimate!.Value : 0m;
        estimated += hasPoints ? sign : 0;
        var container = Of(byContainer, item.Container);
        var assignee = item.Assignee is { } name ? Of(byAssignee, name) : unassigned;
        container.Items += sign;
        assignee.Items += sign;
        switch (alignment.Classification)
        {
            case Classification.Contradicting:
                Add(bets + 2, 1, sign, points, container, assignee);
                break;
            case Classification.Operational:
                Add(bets, 1, sign, points, container, assignee);
                break;
            case Classification.Orphaned:
                Add(bets + 1, 1, sign, points, container, assignee);
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
                    Add(bets + 1, 1, sign, points, container, assignee);
                    break;
                }
                for (int k = 0, previous = -1; k < initiatives.Length; k++)
                {
                    var bet = betOfInitiative[initiatives[k]];
                    if (bet != previous)
                    {
                        Add(bet, distinct, sign, points, container, assignee);
                    }
                    previous = bet;
                }
                break;
        }
    }

    /// <summary>The balance of what is counted now: in points when every item counted has an estimate, else in items.</summary>
    public InvestmentBalance ToBalance()
    {
        var usePoints = items > 0 && estimated == items;
        return new InvestmentBalance(
            windowDays,
            From,
            AsOf,
            usePoints ? EffortUnits.Points : EffortUnits.Items,
            items,
            estimated,
            Slice(null, overall, usePoints),
            Order(byContainer.Where(pair => pair.Value.Items > 0).Select(pair => Slice(pair.Key, pair.Value, usePoints))),
            Order(byAssignee.Where(pair => pair.Value.Items > 0).Select(pair => Slice(pair.Key, pair.Value, usePoints)).Concat(unassigned.Items > 0 ? [Slice(null, unassigned, usePoints)] : [])));
    }

    private Sums Of(Dictionary<string, Sums> map, string key)
    {
        ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(map, key, out _);
        return sums ??= new Sums(slots * splits);
    }

    /// <summary>Adds (or takes away) 1/<paramref name="split"/> of the item to <paramref name="slot"/>.</summary>
    private void Add(int slot, int split, int sign, decimal points, Sums container, Sums assignee)
    {
        var at = (slot * splits) + split - 1;
        overall.Add(at, sign, points);
        container.Add(at, sign, points);
        assignee.Add(at, sign, points);
    }

    private InvestmentSlice Slice(string? name, Sums sums, bool usePoints)
    {
        var weights = new double[slots];
        for (var slot = 0; slot < slots; slot++)
        {
            var weight = 0.0;
            for (var split = 1; split <= splits; split++)
            {
                var at = (slot * splits) + split - 1;
                weight += usePoints ? (double)(sums.Points[at] / split) : (double)sums.Counts[at] / split;
            }
            weights[slot] = weight;
        }
        return new(name, weights.AsSpan(0, bets).ToArray(), weights[bets], weights[bets + 1], weights[bets + 2]);
    }

    private static List<InvestmentSlice> Order(IEnumerable<InvestmentSlice> slices) =>
        [.. slices.Select(s => (Slice: s, s.Total)).OrderByDescending(s => s.Total).ThenBy(s => s.Slice.Name ?? "\uffff", StringComparer.Ordinal).Select(s => s.Slice)];

    /// <summary>One slice's exact sums: per slot and split, how many items and how many points.</summary>
    private sealed class Sums(int cells)
    {
        public long Items;
        public readonly long[] Counts = new long[cells];
        public readonly decimal[] Points = new decimal[cells];

        public void Add(int at, int sign, decimal points)
        {
            Counts[at] += sign;
            if (points != 0m)
            {
                Points[at] += sign > 0 ? points : -points;
            }
        }
    }
}
