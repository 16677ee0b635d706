namespace OkrSync.Web.Pages.Views;

/// <summary>How the long lists (orphaned work, findings) are paged: 100 a page, numbered from 1; a page past the last is the last.</summary>
public static class ListPages
{
    public const int PageSize = 100;

    /// <summary>How many pages <paramref name="total"/> items fill: at least one (an empty list is one empty page).</summary>
    public static int Count(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>Page <paramref name="page"/> of <paramref name="ordered"/> (clamped to the pages there are): the total, the page shown and its items.</summary>
    public static (int Total, int Page, List<T> Items) Slice<T>(IReadOnlyList<T> ordered, int page)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var at = Math.Clamp(page, 1, Count(ordered.Count));
        var items = new List<T>(Math.Min(PageSize, ordered.Count));
        for (var i = (at - 1) * PageSize; i < ordered.Count && items.Count < PageSize; i++)
        {
            items.Add(ordered[i]);
        }
        return (ordered.Count, at, items);
    }
}
