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
        var items = workItems.Where(w => options.IncludePullRequests || !w.IsPullRequest).ToArray();
        var n = items.Length;

        var position = new Dictionary<string, int>(n, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < n; i++)
        {
            position[items[i].Key] = i;
        }
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = items[i].ParentKey is { } key && position.TryGetValue(key, out var p) && p != i ? p : -1;
        }

        var subtree = new int[n][];   // initiatives reached through `parents:` rules on the item or an ancestor
        var effective = new int[n][]; // direct matches, else the nearest ancestor's
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
                var rule = Lookup(index.ByParent, item.Key);
                if (up < 0 && parent[node] < 0 && item.ParentKey is { } missingParent)
                {
                    rule = IndexSet.Union(rule, Lookup(index.ByParent, missingParent));
                }
                subtree[node] = up >= 0 ? IndexSet.Union(subtree[up], rule) : rule;
                var direct = IndexSet.Union(OwnMatches(index, item), subtree[node]);
                effective[node] = direct.Length > 0 || up < 0 ? direct : effective[up];
                operational[node] = IsOperational(index, item) || (up >= 0 && operational[up]);
                state[node] = Done;
            }
        }

        var result = new ItemAlignment[n];
        for (var i = 0; i < n; i++)
        {
            var contradicts = Contradictions(index, items[i]);
            var classification =
                contradicts.Length > 0 ? Classification.Contradicting :
                effective[i].Length > 0 ? Classification.Aligned :
                operational[i] ? Classification.Operational :
                Classification.Orphaned;
            result[i] = new ItemAlignment(items[i], classification, effective[i], contradicts, index);
        }
        return result;
    }

    private static int[] OwnMatches(StrategyIndex index, WorkItem item)
    {
        var matches = IndexSet.Empty;
        foreach (var label in item.Labels)
        {
            matches = IndexSet.Union(matches, Lookup(index.ByLabel, label));
        }
        if (item.Milestone is { } milestone)
        {
            matches = IndexSet.Union(matches, Lookup(index.ByMilestone, milestone));
        }
        foreach (var component in item.Components)
        {
            matches = IndexSet.Union(matches, Lookup(index.ByComponent, component));
        }
        return matches;
    }

    private static bool IsOperational(StrategyIndex index, WorkItem item)
    {
        if (index.OperationalTypes.Count > 0 && item.Type.Length > 0 && index.OperationalTypes.Contains(item.Type))
        {
            return true;
        }
        if (index.OperationalLabels.Count > 0)
        {
            foreach (var label in item.Labels)
            {
                if (index.OperationalLabels.Contains(label))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static int[] Contradictions(StrategyIndex index, WorkItem item)
    {
        var hits = IndexSet.Empty;
        if (index.NotDoingByLabel.Count > 0)
        {
            foreach (var label in item.Labels)
            {
                hits = IndexSet.Union(hits, Lookup(index.NotDoingByLabel, label));
            }
        }
        return hits;
    }

    private static int[] Lookup(Dictionary<string, int[]> map, string key) =>
        map.Count > 0 && map.TryGetValue(key, out var found) ? found : IndexSet.Empty;
}
