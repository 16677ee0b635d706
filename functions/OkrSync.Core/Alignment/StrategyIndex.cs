using OkrSync.Core.Strategy;

namespace OkrSync.Core.Alignment;

/// <summary>
/// The strategy flattened for fast matching: initiatives, key results and bets by position, and
/// case-insensitive lookups from label, milestone, component and parent key to the initiatives they reach.
/// Built once per strategy; immutable and safe to share.
/// </summary>
public sealed class StrategyIndex
{
    private static readonly StringComparer Names = StringComparer.OrdinalIgnoreCase;

    public StrategyIndex(StrategyDocument strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        Strategy = strategy;
        Bets = [.. strategy.Bets];
        KeyResults = [.. strategy.KeyResults];
        Initiatives = [.. strategy.Initiatives];
        NotDoings = [.. strategy.Bets.SelectMany(b => b.NotDoing)];
        BetOfKeyResult = [.. Bets.SelectMany((bet, b) => bet.KeyResults.Select(_ => b))];
        KeyResultOfInitiative = [.. KeyResults.SelectMany((kr, k) => kr.Initiatives.Select(_ => k))];
        BetOfNotDoing = [.. Bets.SelectMany((bet, b) => bet.NotDoing.Select(_ => b))];

        var byLabel = new Dictionary<string, List<int>>(Names);
        var byMilestone = new Dictionary<string, List<int>>(Names);
        var byComponent = new Dictionary<string, List<int>>(Names);
        var byParent = new Dictionary<string, List<int>>(Names);
        for (var i = 0; i < Initiatives.Length; i++)
        {
            var initiative = Initiatives[i];
            Add(byLabel, strategy.Conventions.InitiativeLabelPrefix + initiative.Id, i);
            initiative.Match.Labels.ToList().ForEach(label => Add(byLabel, label, i));
            initiative.Match.Milestones.ToList().ForEach(milestone => Add(byMilestone, milestone, i));
            initiative.Match.Components.ToList().ForEach(component => Add(byComponent, component, i));
            initiative.Match.Parents.ToList().ForEach(parent => Add(byParent, parent, i));
        }
        var notDoingByLabel = new Dictionary<string, List<int>>(Names);
        for (var n = 0; n < NotDoings.Length; n++)
        {
            NotDoings[n].Labels.ToList().ForEach(label => Add(notDoingByLabel, label, n));
        }

        Labels = BuildLabels(byLabel, notDoingByLabel, strategy.Operational.Labels);
        ByMilestone = Freeze(byMilestone);
        ByComponent = Freeze(byComponent);
        ByParent = Freeze(byParent);
        OperationalTypes = new HashSet<string>(strategy.Operational.IssueTypes, Names);
        InitiativeIds = [.. Initiatives.Select(i => i.Id)];
    }

    public StrategyDocument Strategy { get; }

    internal Bet[] Bets { get; }
    internal KeyResult[] KeyResults { get; }
    internal Initiative[] Initiatives { get; }
    internal NotDoing[] NotDoings { get; }
    internal string[] InitiativeIds { get; }
    internal int[] BetOfKeyResult { get; }
    internal int[] KeyResultOfInitiative { get; }
    internal int[] BetOfNotDoing { get; }
    /// <summary>Everything a label means at once (initiatives, not-doings, operational), so each label is hashed once per item.</summary>
    internal Dictionary<string, LabelMeaning> Labels { get; }
    internal Dictionary<string, int[]> ByMilestone { get; }
    internal Dictionary<string, int[]> ByComponent { get; }
    internal Dictionary<string, int[]> ByParent { get; }
    internal HashSet<string> OperationalTypes { get; }

    private static void Add(Dictionary<string, List<int>> map, string key, int index)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(index);
    }

    private static Dictionary<string, LabelMeaning> BuildLabels(Dictionary<string, List<int>> initiatives, Dictionary<string, List<int>> notDoings, IEnumerable<string> operational)
    {
        var operationalSet = new HashSet<string>(operational, Names);
        return initiatives.Keys.Concat(notDoings.Keys).Concat(operationalSet).Distinct(Names).ToDictionary(
            label => label,
            label => new LabelMeaning(
                initiatives.TryGetValue(label, out var i) ? IndexSet.Of(i) : IndexSet.Empty,
                notDoings.TryGetValue(label, out var n) ? IndexSet.Of(n) : IndexSet.Empty,
                operationalSet.Contains(label)),
            Names);
    }

    private static Dictionary<string, int[]> Freeze(Dictionary<string, List<int>> map) =>
        map.ToDictionary(pair => pair.Key, pair => IndexSet.Of(pair.Value), Names);
}

/// <summary>What one label maps to: initiatives it reaches, not-doings it hits, and whether it marks operational work.</summary>
internal sealed record LabelMeaning(int[] Initiatives, int[] NotDoings, bool Operational);
