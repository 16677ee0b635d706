using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Core.Alignment;

/// <summary>
/// Where one work item stands against the strategy. <see cref="Initiatives"/> lists every initiative the item
/// counts in (also when it is contradicting); <see cref="Contradicts"/> lists the "not doing" entries its labels hit.
/// A struct: a million of them are one array, not a million objects for the garbage collector to trace.
/// </summary>
public readonly struct ItemAlignment
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

    public IEnumerable<Initiative> Initiatives => Resolve(InitiativeIndexes, index.Initiatives);

    public IEnumerable<string> InitiativeIds => Resolve(InitiativeIndexes, index.InitiativeIds);

    public IEnumerable<NotDoing> Contradicts => Resolve(ContradictIndexes, index.NotDoings);

    /// <summary>The ids of the key results the item counts in (through its initiatives), each once.</summary>
    public IEnumerable<string> KeyResultIds
    {
        get
        {
            var keyResults = index.KeyResults;
            var ofInitiative = index.KeyResultOfInitiative;
            return InitiativeIndexes.Select(i => ofInitiative[i]).Distinct().Select(k => keyResults[k].Id);
        }
    }

    /// <summary>The ids of the bets the item counts in (through its initiatives), each once.</summary>
    public IEnumerable<string> BetIds
    {
        get
        {
            var bets = index.Bets;
            var ofKeyResult = index.BetOfKeyResult;
            var ofInitiative = index.KeyResultOfInitiative;
            return InitiativeIndexes.Select(i => ofKeyResult[ofInitiative[i]]).Distinct().Select(b => bets[b].Id);
        }
    }

    /// <summary>The bets whose "not doing" this item hits.</summary>
    public IEnumerable<Bet> ContradictedBets => Resolve(ContradictIndexes, index.BetOfNotDoing).Distinct().Select(Resolve(index.Bets));

    private static IEnumerable<T> Resolve<T>(int[] indexes, T[] values) => indexes.Select(i => values[i]);

    private static Func<int, T> Resolve<T>(T[] values) => i => values[i];

    internal int[] InitiativeIndexes { get; }

    internal int[] ContradictIndexes { get; }
}
