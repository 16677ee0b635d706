using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Web.Pages.Views;

/// <summary>
/// The orphan list: open orphaned work (as <c>/api/orphans</c>), filtered by container, assignee and text, ordered by
/// container, then assignee, then age (oldest first), 100 a page. The order and the facets are worked out once per
/// report (<see cref="OrphanList"/>); a request filters and slices that list.
/// </summary>
public static class OrphanListView
{
    public const int PageSize = ListPages.PageSize;

    /// <summary>The assignee filter value that selects unassigned work.</summary>
    public const string Unassigned = "(unassigned)";

    /// <summary>Page <paramref name="page"/> of <paramref name="list"/> under <paramref name="filter"/>; a page past the last is the last.</summary>
    public static OrphanPageJson Build(OrphanList list, DateTimeOffset asOf, OrphanFilterJson filter, int page)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(filter);
        var source = list.In(filter.Container);
        var (total, current, shown) = filter.Assignee is null && filter.Query is null
            ? ListPages.Slice(source, page)
            : ListPages.Slice(source.Where(o =>
                (filter.Assignee is null || (o.Assignee ?? Unassigned) == filter.Assignee) &&
                (filter.Query is null || o.Title.Contains(filter.Query, StringComparison.OrdinalIgnoreCase) || o.Key.Contains(filter.Query, StringComparison.OrdinalIgnoreCase))).ToList(), page);
        return new OrphanPageJson(asOf, filter, total, current, PageSize, ListPages.Count(total), list.Containers, list.AssigneesIn(filter.Container), shown);
    }
}

/// <summary>
/// One report's open orphaned work in list order (container, assignee with unassigned last, oldest first, then key), per
/// container, with the facets the filters offer. Built once per report from its stored work items (which keep every
/// orphaned and contradicting item); it holds references to them, not copies.
/// </summary>
public sealed class OrphanList
{
    private static readonly IReadOnlyList<WorkItemJson> None = [];
    private readonly Dictionary<string, IReadOnlyList<WorkItemJson>> byContainer;
    private readonly Dictionary<string, IReadOnlyList<FacetJson>> assigneesByContainer;
    private readonly IReadOnlyList<FacetJson> assignees;

    private OrphanList(List<WorkItemJson> ordered)
    {
        Items = ordered;
        byContainer = ordered.GroupBy(o => o.Container, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (IReadOnlyList<WorkItemJson>)[.. g], StringComparer.Ordinal);
        Containers = Facets(ordered.Select(o => o.Container));
        assignees = Facets(ordered.Select(o => o.Assignee ?? OrphanListView.Unassigned));
        assigneesByContainer = byContainer.ToDictionary(p => p.Key, p => (IReadOnlyList<FacetJson>)Facets(p.Value.Select(o => o.Assignee ?? OrphanListView.Unassigned)), StringComparer.Ordinal);
    }

    /// <summary>The open orphaned items among <paramref name="workItems"/> (a report's <c>workItems</c>), in list order.</summary>
    public static OrphanList Of(IEnumerable<WorkItemJson> workItems)
    {
        ArgumentNullException.ThrowIfNull(workItems);
        var orphaned = Classification.Orphaned.ToName();
        return new([.. workItems
            .Where(w => w.Classification == orphaned && StateCategoryNames.TryParse(w.State, out var state) && state.IsOpen())
            .OrderBy(o => o.Container, StringComparer.Ordinal)
            .ThenBy(o => o.Assignee is null)
            .ThenBy(o => o.Assignee, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.Created)
            .ThenBy(o => o.Key, StringComparer.Ordinal)]);
    }

    /// <summary>Every open orphaned item, in list order.</summary>
    public IReadOnlyList<WorkItemJson> Items { get; }

    /// <summary>Each container with its count of open orphaned items.</summary>
    public IReadOnlyList<FacetJson> Containers { get; }

    /// <summary>The items of <paramref name="container"/> (all when null), in list order.</summary>
    public IReadOnlyList<WorkItemJson> In(string? container) =>
        container is null ? Items : byContainer.GetValueOrDefault(container) ?? None;

    /// <summary>Each assignee (<see cref="OrphanListView.Unassigned"/> last) with their count, within <paramref name="container"/> when given.</summary>
    public IReadOnlyList<FacetJson> AssigneesIn(string? container) =>
        container is null ? assignees : assigneesByContainer.GetValueOrDefault(container) ?? [];

    private static List<FacetJson> Facets(IEnumerable<string> values) =>
        [.. values.GroupBy(v => v, StringComparer.Ordinal).Select(g => new FacetJson(g.Key, g.Count())).OrderBy(f => f.Value == OrphanListView.Unassigned).ThenBy(f => f.Value, StringComparer.OrdinalIgnoreCase)];
}
