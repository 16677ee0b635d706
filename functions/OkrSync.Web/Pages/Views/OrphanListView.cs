using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// The orphan list: open orphaned work (as <c>/api/orphans</c>), filtered by container, assignee and text, ordered by
/// container, then assignee, then age (oldest first), 100 a page.
/// </summary>
public static class OrphanListView
{
    public const int PageSize = 100;

    /// <summary>The assignee filter value that selects unassigned work.</summary>
    public const string Unassigned = "(unassigned)";

    public static OrphanPageJson Build(IEnumerable<ItemAlignment> items, DateTimeOffset asOf, OrphanFilterJson filter, int page)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(filter);
        var orphans = items.Where(a => a.Classification == Classification.Orphaned && a.Item.State.IsOpen()).Select(a => a.Item).ToList();
        var containers = Facets(orphans.Select(o => o.Container));
        var assignees = Facets(orphans.Where(o => filter.Container is null || o.Container == filter.Container).Select(o => o.Assignee ?? Unassigned));
        var matching = orphans.Where(o =>
                (filter.Container is null || o.Container == filter.Container) &&
                (filter.Assignee is null || (o.Assignee ?? Unassigned) == filter.Assignee) &&
                (filter.Query is null || o.Title.Contains(filter.Query, StringComparison.OrdinalIgnoreCase) || o.Key.Contains(filter.Query, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var pages = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var current = Math.Clamp(page, 1, pages);
        var shown = matching
            .OrderBy(o => o.Container, StringComparer.Ordinal)
            .ThenBy(o => o.Assignee is null)
            .ThenBy(o => o.Assignee, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.Created)
            .ThenBy(o => o.Key, StringComparer.Ordinal)
            .Skip((current - 1) * PageSize)
            .Take(PageSize)
            .Select(ToJson)
            .ToList();
        return new OrphanPageJson(asOf, filter, matching.Count, current, PageSize, pages, containers, assignees, shown);
    }

    private static List<FacetJson> Facets(IEnumerable<string> values) =>
        [.. values.GroupBy(v => v, StringComparer.Ordinal).Select(g => new FacetJson(g.Key, g.Count())).OrderBy(f => f.Value == Unassigned).ThenBy(f => f.Value, StringComparer.OrdinalIgnoreCase)];

    private static WorkItemJson ToJson(WorkItem item) => new(
        item.Key, item.Source.Value, item.Container, item.Title, item.Url, item.Type, item.State.ToName(), Classification.Orphaned.ToName(),
        [], [], item.Assignee, item.Labels, item.ParentKey, item.Estimate, item.Created, item.Updated, item.Closed);
}
