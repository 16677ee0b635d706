using OkrSync.Core.Work;

namespace OkrSync.Core.Digest;

/// <summary>
/// Picks the oldest orphaned items up to the cap and groups them by repository or project (most orphans first),
/// then by assignee (alphabetical, unassigned last), oldest first. The rest are counted, per group and overall.
/// </summary>
public static class OrphanGrouping
{
    public static OrphanList Group(IReadOnlyList<WorkItem> orphans, DateTimeOffset asOf, DigestOptions options)
    {
        ArgumentNullException.ThrowIfNull(orphans);
        ArgumentNullException.ThrowIfNull(options);
        if (orphans.Count == 0)
        {
            return OrphanList.Empty;
        }
        var shown = orphans.OrderBy(i => i.Created).ThenBy(i => i.Key, StringComparer.Ordinal).Take(Math.Max(0, options.OrphanCap)).ToHashSet();
        var groups = orphans
            .GroupBy(i => i.Container, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ToGroup(g.Key, [.. g], shown, asOf, options))
            .ToList();
        var hidden = groups.Where(g => g.Hidden > 0).ToList();
        var moreUrl = options.ReportUrl ?? (hidden.Count == 1 ? hidden[0].MoreUrl : null);
        return new OrphanList(orphans.Count, groups, moreUrl);
    }

    private static OrphanGroup ToGroup(string container, List<WorkItem> items, HashSet<WorkItem> shown, DateTimeOffset asOf, DigestOptions options)
    {
        var listed = items.Where(shown.Contains).ToList();
        var assignees = listed
            .GroupBy(i => i.Assignee, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key is null ? 1 : 0)
            .ThenBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g => new AssigneeOrphans(g.Key, [.. g.OrderBy(i => i.Created).ThenBy(i => i.Key, StringComparer.Ordinal).Select(i => ToItem(i, asOf))]))
            .ToList();
        var moreUrl = listed.Count < items.Count ? options.ReportUrl ?? TrackerLinks.ItemSearch([.. items.Where(i => !shown.Contains(i))]) : null;
        return new OrphanGroup(container, items.Count, assignees, moreUrl);
    }

    private static DigestItem ToItem(WorkItem item, DateTimeOffset asOf) =>
        new(item.Key, item.Title, item.Url, item.State.ToName(), Math.Max(0, (int)(asOf - item.Created).TotalDays));
}
