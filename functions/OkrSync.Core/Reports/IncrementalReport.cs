using OkrSync.Core.Alignment;
using OkrSync.Core.Findings;
using OkrSync.Core.Metrics;
using OkrSync.Core.Rollup;
using OkrSync.Core.Work;

namespace OkrSync.Core.Reports;

/// <summary>
/// The report kept up to date one change at a time, at the cost of what the change touches: the item, its descendants
/// (children inherit their parent's mapping) and the counters of the initiatives, key results and bets they leave and
/// join. Each item's contribution (its alignment) is kept; a change takes the old contributions away, aligns the item
/// and its descendants again, and adds the new ones. Findings are derived from the counters and from the items that
/// need attention (orphaned, contradicting), never by aligning every item again. The investment balance is kept the same
/// way, and its trailing window moved as the as-of moves (IncrementalReport.Investment.cs). What the stored report lists
/// (the items needing attention, their findings) is kept in snapshot lists, so that a report copies none of it.
/// <see cref="ReportBuilder.Build(StrategyIndex, IEnumerable{WorkItem}, DateTimeOffset, AlignmentOptions?, IEnumerable{CheckIn}, bool)"/>
/// stays the reference: for the same items and check-ins, <see cref="ToReport(DateTimeOffset, IEnumerable{CheckIn})"/> gives the same
/// summary, rollup, readings, investment and findings (property tests
/// check it over random changes). One difference: the trackers allow no parent cycles, and where the data has one
/// anyway, the full build cuts it where its walk happens to enter it (its input order), this one where the change
/// closed it. Changes, reports and the snapshot of every item take one lock: a report's items, read later by a page,
/// are taken safely while the next change waits.
/// </summary>
public sealed partial class IncrementalReport
{
    private static readonly StringComparer Keys = StringComparer.OrdinalIgnoreCase;
    private readonly StrategyIndex index;
    private readonly AlignmentOptions options;
    private readonly Dictionary<string, Entry> entries = new(Keys);
    private readonly Dictionary<string, HashSet<string>> children = new(Keys);
    private readonly Dictionary<string, Entry> attention = new(Keys);
    // What the stored report lists, kept as the items change: every item needing attention (its JSON), and the items'
    // findings, contradictions and orphaned work apart (the full build's order puts the strategy's findings between).
    private readonly AttentionList attentionList = new();
    private readonly FindingList contradictions = new();
    private readonly FindingList orphans = new();
    private readonly RollupCounters counters;
    // Everything above is read and changed under this lock: one change, report or snapshot of the items at a time.
    private readonly Lock gate = new();
    // Moves on with every change: the items snapshot made for one version serves every report of it.
    private long version;
    private (long Version, ItemAlignment[] Items)? snapshot;
    // The last report's findings on the strategy (not on one item), with their JSON.
    private Dictionary<Finding, FindingJson> strategyFindingsJson = [];
    private int aligned, operational, orphaned, contradicting, openOrphaned, openNonOperational;

    public IncrementalReport(StrategyIndex index, IEnumerable<WorkItem> items, AlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(items);
        this.index = index;
        this.options = options ?? AlignmentOptions.Default;
        counters = new RollupCounters(index);
        foreach (var item in items)
        {
            if (!item.IsPullRequest || this.options.IncludePullRequests)
            {
                entries[item.Key] = new Entry(item);
            }
        }
        foreach (var entry in entries.Values)
        {
            Link(entry.Item);
        }
        AlignAll();
        foreach (var entry in entries.Values)
        {
            Contribute(entry, +1);
        }
    }

    /// <summary>
    /// The first load, as <see cref="Aligner"/> does it and in the same order: each item's parent chain walked once,
    /// parents aligned before their children, a cycle cut where the walk entered it.
    /// </summary>
    private void AlignAll()
    {
        var done = new HashSet<Entry>();
        var visiting = new HashSet<Entry>();
        var path = new List<Entry>();
        foreach (var start in entries.Values)
        {
            if (done.Contains(start))
            {
                continue;
            }
            path.Clear();
            Entry? top = null;
            for (var node = start; ;)
            {
                if (done.Contains(node)) { top = node; break; }
                if (!visiting.Add(node)) { break; } // a cycle: cut the link into it
                path.Add(node);
                if (Parent(node.Item) is not { } parent) { break; }
                node = parent;
            }
            for (var k = path.Count - 1; k >= 0; k--)
            {
                var node = path[k];
                Realign(node, k == path.Count - 1 ? top : path[k + 1]);
                done.Add(node);
            }
        }
    }

    public StrategyIndex Index => index;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return entries.Count;
            }
        }
    }

    /// <summary>Inserts or replaces items (as given: callers keep the newer version) and removes keys.</summary>
    public void Apply(IReadOnlyList<WorkItem> upserts, IReadOnlyList<string> deletes)
    {
        ArgumentNullException.ThrowIfNull(upserts);
        ArgumentNullException.ThrowIfNull(deletes);
        lock (gate)
        {
            foreach (var item in upserts)
            {
                UpsertLocked(item);
            }
            foreach (var key in deletes)
            {
                DeleteLocked(key);
            }
        }
    }

    public void Upsert(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (gate)
        {
            UpsertLocked(item);
        }
    }

    public void Delete(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (gate)
        {
            DeleteLocked(key);
        }
    }

    private void UpsertLocked(WorkItem item)
    {
        version++;
        if (item.IsPullRequest && !options.IncludePullRequests)
        {
            // Not work under these options: as absent from the alignment as a deleted item.
            DeleteLocked(item.Key);
            return;
        }
        if (entries.TryGetValue(item.Key, out var known))
        {
            Unlink(known.Item);
            Contribute(known, -1);
            known.Item = item;
            Link(item);
            Realign(known);
            Contribute(known, +1);
        }
        else
        {
            var entry = new Entry(item);
            entries[item.Key] = entry;
            Link(item);
            Realign(entry);
            Contribute(entry, +1);
        }
        RealignDescendants(item.Key);
    }

    private void DeleteLocked(string key)
    {
        version++;
        if (!entries.Remove(key, out var known))
        {
            return;
        }
        Unlink(known.Item);
        Contribute(known, -1);
        RealignDescendants(key);
    }

    /// <summary>The report as <see cref="ReportBuilder"/> builds it from the same items and no check-ins (item order aside).</summary>
    public Report ToReport(DateTimeOffset asOf) => ToReport(asOf, []);

    /// <summary>
    /// The report as <see cref="ReportBuilder.Build(StrategyIndex, IEnumerable{WorkItem}, DateTimeOffset, AlignmentOptions?, IEnumerable{CheckIn}, bool)"/>
    /// builds it from the same items and <paramref name="checkIns"/> (item order aside): the rollup from the counters with
    /// each metric's reading, findings from the counters and the items needing attention, plus the bet and metric findings.
    /// The investment balance's trailing window ends at <paramref name="asOf"/>: the kept balance is moved there (the done
    /// items that fell out of it leave, the items dated up to it join); an as-of earlier than the last counts every item again.
    /// </summary>
    public Report ToReport(DateTimeOffset asOf, IEnumerable<CheckIn> checkIns)
    {
        ArgumentNullException.ThrowIfNull(checkIns);
        var readings = MetricReadings.Resolve(index.Strategy, checkIns, asOf);
        lock (gate)
        {
            var rollup = counters.ToRollup(readings);
            var thresholds = index.Strategy.Thresholds;
            var investment = InvestmentAt(asOf);
            // The full build's order: contradictions, what the rollup says, orphaned work, then the bets and the metrics.
            // The items' parts are kept list by list as the items change (their findings and JSON made once per
            // alignment) and taken as snapshots; only the findings on the strategy are made here.
            var fromRollup = new List<Finding>();
            FindingRules.ForStrategy(rollup, thresholds, asOf, fromRollup);
            var fromBetsAndMetrics = new List<Finding>(BetFindingRules.Evaluate(index.Strategy, rollup, investment));
            fromBetsAndMetrics.AddRange(MetricFindings.Evaluate(index.Strategy, readings, asOf));
            var madeJson = new Dictionary<Finding, FindingJson>();
            List<FindingJson> JsonOf(List<Finding> made)
            {
                var json = new List<FindingJson>(made.Count);
                foreach (var finding in made)
                {
                    // The same finding as in the last report (by value): the same JSON instance, as for an unchanged item.
                    var one = strategyFindingsJson.GetValueOrDefault(finding) ?? finding.ToJson();
                    madeJson.TryAdd(finding, one);
                    json.Add(one);
                }
                return json;
            }
            var findings = new ConcatenatedList<Finding>(contradictions.Findings.Snapshot(), fromRollup, orphans.Findings.Snapshot(), fromBetsAndMetrics);
            var findingsJson = new ConcatenatedList<FindingJson>(contradictions.Json.Snapshot(), JsonOf(fromRollup), orphans.Json.Snapshot(), JsonOf(fromBetsAndMetrics))
            {
                AboutItems = new HashSet<int> { 0, 2 },
            };
            strategyFindingsJson = madeJson;
            var attentionJson = attentionList.Json.Snapshot();
            return new Report(index.Strategy, asOf, Summary, rollup, new ItemsOnDemand(this), findings)
            {
                Investment = investment,
                Readings = readings,
                Stored = new StoredLists(attentionJson, findingsJson),
            };
        }
    }

    public Summary Summary
    {
        get
        {
            lock (gate)
            {
                return new(entries.Count, aligned, operational, orphaned, contradicting, openOrphaned, openNonOperational);
            }
        }
    }

    /// <summary>The items that need attention (orphaned and contradicting), what the stored report keeps.</summary>
    public IReadOnlyList<ItemAlignment> Attention
    {
        get
        {
            lock (gate)
            {
                return [.. attention.Values.Select(e => e.Alignment)];
            }
        }
    }

    /// <summary>Every item's alignment now: one array per version of the items, made when first asked for.</summary>
    private ItemAlignment[] Items()
    {
        lock (gate)
        {
            if (snapshot is { } made && made.Version == version)
            {
                return made.Items;
            }
            var items = new ItemAlignment[entries.Count];
            var at = 0;
            foreach (var entry in entries.Values)
            {
                items[at++] = entry.Alignment;
            }
            snapshot = (version, items);
            return items;
        }
    }

    private void Link(WorkItem item)
    {
        if (item.ParentKey is { } parent)
        {
            if (!children.TryGetValue(parent, out var set))
            {
                children[parent] = set = new HashSet<string>(Keys);
            }
            set.Add(item.Key);
        }
    }

    private void Unlink(WorkItem item)
    {
        if (item.ParentKey is { } parent && children.TryGetValue(parent, out var set))
        {
            set.Remove(item.Key);
            if (set.Count == 0)
            {
                children.Remove(parent);
            }
        }
    }

    /// <summary>The parent the full build links to: present, not the item itself.</summary>
    private Entry? Parent(WorkItem item) =>
        item.ParentKey is { } key && !Keys.Equals(key, item.Key) && entries.TryGetValue(key, out var parent) ? parent : null;

    private void Realign(Entry entry) => Realign(entry, Parent(entry.Item));

    /// <summary>One item, as <see cref="Aligner"/> aligns it under <paramref name="up"/> (null: a root, or where a cycle is cut).</summary>
    private void Realign(Entry entry, Entry? up)
    {
        var item = entry.Item;
        var rule = Lookup(index.ByParent, item.Key);
        if (up is null && item.ParentKey is { } missing && Parent(item) is null)
        {
            // A parent missing from the data still counts as a link, for `parents:` rules.
            rule = IndexSet.Union(rule, Lookup(index.ByParent, missing));
        }
        entry.Subtree = up is not null ? IndexSet.Union(up.Subtree, rule) : rule;
        var own = Aligner.ReadLabels(index, item, out var labelOperational, out var contradicts);
        var direct = IndexSet.Union(own, entry.Subtree);
        var effective = direct.Length > 0 || up is null ? direct : up.Alignment.InitiativeIndexes;
        var isOperational = labelOperational || Aligner.IsOperationalType(index, item) || (up is not null && up.Operational);
        entry.Operational = isOperational;
        var classification =
            contradicts.Length > 0 ? Classification.Contradicting :
            effective.Length > 0 ? Classification.Aligned :
            isOperational ? Classification.Operational :
            Classification.Orphaned;
        entry.Alignment = new ItemAlignment(item, classification, effective, contradicts, index);
    }

    /// <summary>Aligns the descendants of <paramref name="key"/> again, parents before children, each once (a cycle stops the walk).</summary>
    private void RealignDescendants(string key)
    {
        if (!children.ContainsKey(key))
        {
            return;
        }
        var visited = new HashSet<string>(Keys) { key };
        var queue = new Queue<string>();
        queue.Enqueue(key);
        while (queue.TryDequeue(out var parentKey))
        {
            if (!children.TryGetValue(parentKey, out var set))
            {
                continue;
            }
            foreach (var childKey in set)
            {
                if (!visited.Add(childKey) || !entries.TryGetValue(childKey, out var child))
                {
                    continue;
                }
                Contribute(child, -1);
                Realign(child);
                Contribute(child, +1);
                queue.Enqueue(childKey);
            }
        }
    }

    private void Contribute(Entry entry, int sign)
    {
        var alignment = entry.Alignment;
        var item = alignment.Item;
        var open = item.State.IsOpen();
        switch (alignment.Classification)
        {
            case Classification.Aligned: aligned += sign; break;
            case Classification.Operational: operational += sign; break;
            case Classification.Orphaned: orphaned += sign; openOrphaned += open ? sign : 0; break;
            default: contradicting += sign; break;
        }
        openNonOperational += open && alignment.Classification != Classification.Operational ? sign : 0;
        counters.Apply(item, alignment.InitiativeIndexes, sign);
        Invest(entry, sign);
        if (alignment.Classification is Classification.Orphaned or Classification.Contradicting)
        {
            if (sign > 0)
            {
                attention[item.Key] = entry;
                entry.AttentionSlot = attentionList.Add(entry, entry.Json);
                if (entry.Finding is { } finding)
                {
                    entry.FindingList = alignment.Classification == Classification.Contradicting ? contradictions : orphans;
                    entry.FindingSlot = entry.FindingList.Add(entry, finding, entry.FindingJson!);
                }
            }
            else
            {
                attention.Remove(item.Key);
                attentionList.Remove(entry.AttentionSlot);
                entry.AttentionSlot = -1;
                entry.FindingList?.Remove(entry.FindingSlot);
                entry.FindingList = null;
            }
        }
    }

    private static int[] Lookup(Dictionary<string, int[]> map, string key) =>
        map.Count > 0 && map.TryGetValue(key, out var found) ? found : IndexSet.Empty;

    /// <summary>
    /// A report's items, taken from the incremental report when first read (most reports are stored and never asked for
    /// every item): the items as they are at that moment, which is the report's version or a later one.
    /// </summary>
    private sealed class ItemsOnDemand(IncrementalReport owner) : IReadOnlyList<ItemAlignment>
    {
        private ItemAlignment[]? items;

        private ItemAlignment[] All => items ??= owner.Items();

        public ItemAlignment this[int index] => All[index];

        public int Count => All.Length;

        public IEnumerator<ItemAlignment> GetEnumerator() => ((IEnumerable<ItemAlignment>)All).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>
    /// One item and what it contributes: its alignment, and what its children inherit; for an item needing attention,
    /// its finding and stored JSON, made once per alignment (an unchanged item is the same instances in every report).
    /// </summary>
    private sealed class Entry(WorkItem item)
    {
        private ItemAlignment alignment;
        private WorkItemJson? json;
        private (Finding? Finding, FindingJson? Json)? finding;

        public WorkItem Item { get; set; } = item;

        public ItemAlignment Alignment
        {
            get => alignment;
            set
            {
                if (!Same(alignment, value))
                {
                    json = null;
                    finding = null;
                }
                alignment = value;
            }
        }

        public WorkItemJson Json => json ??= alignment.ToJson();

        public Finding? Finding => Made().Finding;

        public FindingJson? FindingJson => Made().Json;

        /// <summary>Initiatives reached through <c>parents:</c> rules on the item or an ancestor.</summary>
        public int[] Subtree { get; set; } = IndexSet.Empty;

        public bool Operational { get; set; }

        /// <summary>Where the item's JSON is in the attention list; -1 when it needs no attention.</summary>
        public int AttentionSlot { get; set; } = -1;

        /// <summary>The list holding the item's finding (contradictions or orphaned work), and where in it; null when it has none.</summary>
        public FindingList? FindingList { get; set; }

        public int FindingSlot { get; set; } = -1;

        /// <summary>The alignment counted in the investment window, to take away when it changes; null when not counted.</summary>
        public ItemAlignment? Invested { get; set; }

        /// <summary>Moves on each time the item is counted again: a queued departure from the window for an earlier count is void.</summary>
        public int InvestedCount { get; set; }

        private (Finding? Finding, FindingJson? Json) Made()
        {
            if (finding is { } made)
            {
                return made;
            }
            var found = FindingRules.ForItem(alignment);
            finding = (found, found?.ToJson());
            return finding.Value;
        }

        // The same item instance aligned the same way (a descendant realigned under a parent whose change did not reach it).
        private static bool Same(ItemAlignment a, ItemAlignment b) =>
            ReferenceEquals(a.Item, b.Item)
            && a.Classification == b.Classification
            && a.InitiativeIndexes.AsSpan().SequenceEqual(b.InitiativeIndexes)
            && a.ContradictIndexes.AsSpan().SequenceEqual(b.ContradictIndexes);
    }

    /// <summary>The items needing attention as JSON, slot by slot.</summary>
    private sealed class AttentionList
    {
        private readonly Slots slots = new((entry, slot) => entry.AttentionSlot = slot);

        public SnapshotList<WorkItemJson> Json { get; } = new();

        public int Add(Entry entry, WorkItemJson json)
        {
            slots.Add(entry);
            return Json.Add(json);
        }

        public void Remove(int slot)
        {
            Json.RemoveAt(slot);
            slots.Remove(slot);
        }
    }

    /// <summary>Items' findings and their JSON, slot by slot.</summary>
    private sealed class FindingList
    {
        private readonly Slots slots = new((entry, slot) => entry.FindingSlot = slot);

        public SnapshotList<Finding> Findings { get; } = new();

        public SnapshotList<FindingJson> Json { get; } = new();

        public int Add(Entry entry, Finding finding, FindingJson json)
        {
            slots.Add(entry);
            Json.Add(json);
            return Findings.Add(finding);
        }

        public void Remove(int slot)
        {
            Findings.RemoveAt(slot);
            Json.RemoveAt(slot);
            slots.Remove(slot);
        }
    }

    /// <summary>
    /// Which entry holds each slot of a <see cref="SnapshotList{T}"/>: a removal moves the last element into the hole,
    /// and the entry it belongs to is told its new slot.
    /// </summary>
    private sealed class Slots(Action<Entry, int> moved)
    {
        private readonly List<Entry> entries = [];

        public void Add(Entry entry) => entries.Add(entry);

        public void Remove(int slot)
        {
            var last = entries.Count - 1;
            if (slot != last)
            {
                entries[slot] = entries[last];
                moved(entries[slot], slot);
            }
            entries.RemoveAt(last);
        }
    }
}
