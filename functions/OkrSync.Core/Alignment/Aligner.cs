using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using OkrSync.Core.Work;

namespace OkrSync.Core.Alignment;

/// <summary>
/// Maps work items onto the strategy. Pure and linear in the number of items: each item's parent chain is
/// walked once, results are memoised, cycles are cut, and parents missing from the data still count as links.
/// </summary>
public static class Aligner
{
    private const byte Unvisited = 0, Visiting = 1, Done = 2;

    public static IReadOnlyList<ItemAlignment> Align(StrategyIndex index, IEnumerable<WorkItem> workItems, AlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(workItems);
        options ??= AlignmentOptions.Default;
        var items = Filter(workItems, options.IncludePullRequests);
        var n = items.Length;

        // Only keys that something points at need an index: parents named by items and by `parents:` rules.
        // That is a small share of the items, so the lookup table stays small and cache-friendly.
        var position = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (item.ParentKey is { } parentKey)
            {
                position.TryAdd(parentKey, -1);
            }
        }
        foreach (var key in index.ByParent.Keys)
        {
            position.TryAdd(key, -1);
        }
        if (position.Count > 0)
        {
            for (var i = 0; i < n; i++)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(position, items[i].Key);
                if (!Unsafe.IsNullRef(ref slot))
                {
                    slot = i;
                }
            }
        }
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = items[i].ParentKey is { } key && position.TryGetValue(key, out var p) && p >= 0 && p != i ? p : -1;
        }
        var ruleAt = new Dictionary<int, int[]>();
        foreach (var (key, initiatives) in index.ByParent)
        {
            if (position.TryGetValue(key, out var at) && at >= 0)
            {
                ruleAt[at] = initiatives;
            }
        }

        // Each item's alignment is written as soon as its parent's is known: a child reads what it inherits
        // (initiatives, operational) from its parent's entry, so no per-item scratch arrays beyond these.
        var result = new ItemAlignment[n];
        var subtree = new int[n][];   // initiatives reached through `parents:` rules on the item or an ancestor
        var operational = new bool[n];
        var state = new byte[n];
        var path = new List<int>();
        for (var start = 0; start < n; start++)
        {
            if (state[start] == Done)
            {
                continue;
            }
            path.Clear();
            var top = -1;
            for (var j = start; ;)
            {
                if (state[j] == Done) { top = j; break; }
                if (state[j] == Visiting) { break; } // a cycle: cut the link into it
                state[j] = Visiting;
                path.Add(j);
                if (parent[j] < 0) { break; }
                j = parent[j];
            }
            for (var k = path.Count - 1; k >= 0; k--)
            {
                var node = path[k];
                var up = k == path.Count - 1 ? top : path[k + 1];
                var item = items[node];
                var rule = ruleAt.TryGetValue(node, out var listed) ? listed : IndexSet.Empty;
                if (up < 0 && parent[node] < 0 && item.ParentKey is { } missingParent)
                {
                    rule = IndexSet.Union(rule, Lookup(index.ByParent, missingParent));
                }
                subtree[node] = up >= 0 ? IndexSet.Union(subtree[up], rule) : rule;
                var own = ReadLabels(index, item, out var labelOperational, out var contradicts);
                var direct = IndexSet.Union(own, subtree[node]);
                // Direct matches, else the nearest ancestor's.
                var effective = direct.Length > 0 || up < 0 ? direct : result[up].InitiativeIndexes;
                var isOperational = labelOperational || IsOperationalType(index, item) || (up >= 0 && operational[up]);
                operational[node] = isOperational;
                var classification =
                    contradicts.Length > 0 ? Classification.Contradicting :
                    effective.Length > 0 ? Classification.Aligned :
                    isOperational ? Classification.Operational :
                    Classification.Orphaned;
                result[node] = new ItemAlignment(item, classification, effective, contradicts, index);
                state[node] = Done;
            }
        }
        return result;
    }

    /// <summary>One pass over the item's labels, milestone and components: initiatives matched, operational, not-doings hit.</summary>
    internal static int[] ReadLabels(StrategyIndex index, WorkItem item, out bool operational, out int[] contradicts)
    {
        var matches = IndexSet.Empty;
        operational = false;
        contradicts = IndexSet.Empty;
        // Indexed loops: a foreach over the interface would allocate an enumerator per item (32 MB at a million items).
        var labels = item.Labels;
        for (var l = 0; l < labels.Count; l++)
        {
            if (index.Labels.TryGetValue(labels[l], out var meaning))
            {
                matches = IndexSet.Union(matches, meaning.Initiatives);
                contradicts = IndexSet.Union(contradicts, meaning.NotDoings);
                operational |= meaning.Operational;
            }
        }
        if (item.Milestone is { } milestone)
        {
            matches = IndexSet.Union(matches, Lookup(index.ByMilestone, milestone));
        }
        var components = item.Components;
        for (var c = 0; c < components.Count; c++)
        {
            matches = IndexSet.Union(matches, Lookup(index.ByComponent, components[c]));
        }
        return matches;
    }

    internal static bool IsOperationalType(StrategyIndex index, WorkItem item) =>
        index.OperationalTypes.Count > 0 && item.Type.Length > 0 && index.OperationalTypes.Contains(item.Type);

    /// <summary>The items to align: the given array itself when nothing is left out (no copy of a million references).</summary>
    private static WorkItem[] Filter(IEnumerable<WorkItem> workItems, bool includePullRequests)
    {
        if (workItems is WorkItem[] array && (includePullRequests || !Array.Exists(array, static item => item.IsPullRequest)))
        {
            return array;
        }
        if (includePullRequests)
        {
            return [.. workItems];
        }
        var list = workItems is ICollection<WorkItem> known ? new List<WorkItem>(known.Count) : [];
        foreach (var item in workItems)
        {
            if (!item.IsPullRequest)
            {
                list.Add(item);
            }
        }
        return [.. list];
    }

    private static int[] Lookup(Dictionary<string, int[]> map, string key) =>
        map.Count > 0 && map.TryGetValue(key, out var found) ? found : IndexSet.Empty;
}
