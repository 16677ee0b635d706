using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Core.Alignment;

/// <summary>
/// Where one work item stands against the strategy. <see cref="Initiatives"/> lists every initiative the item
/// counts in (also when it is contradicting); <see cref="Contradicts"/> lists the "not doing" entries its labels hit.
/// </summary>
public sealed class ItemAlignment
{
    private readonly StrategyIndex index;

    internal ItemAlignment(WorkItem item, Classification classification, int[] initiatives, int[] contradicts, StrategyIndex index)
    {
        Item = item;
        Classification = classification;
        InitiativeIndexes = initiatives;
        ContradictIndexes = contradicts;
        this.index = index;
    }

    public WorkItem Item { get; }

    public Classification Classification { get; }

    public IEnumerable<Initiative> Initiatives => InitiativeIndexes.Select(i => index.Initiatives[i]);

    public IEnumerable<string> InitiativeIds => InitiativeIndexes.Select(i => index.InitiativeIds[i]);

    public IEnumerable<NotDoing> Contradicts => ContradictIndexes.Select(n => index.NotDoings[n]);

    /// <summary>The bets whose "not doing" this item hits.</summary>
    public IEnumerable<Bet> ContradictedBets => ContradictIndexes.Select(n => index.Bets[index.BetOfNotDoing[n]]).Distinct();

    internal int[] InitiativeIndexes { get; }

    internal int[] ContradictIndexes { get; }
}
