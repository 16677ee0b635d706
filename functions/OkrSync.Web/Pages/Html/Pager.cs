using System.Globalization;

namespace OkrSync.Web.Pages.Html;

/// <summary>Previous and next links under a paged list (plain links that keep the list's filters, so they work with JavaScript off).</summary>
internal static class Pager
{
    public static void Render(HtmlText html, string path, IEnumerable<KeyValuePair<string, string?>> filters, int page, int pages)
    {
        if (pages <= 1)
        {
            return;
        }
        var kept = filters.ToList();
        string Href(int p) => LinkOf(path, [.. kept, new("page", p.ToString(CultureInfo.InvariantCulture))]);
        html.Raw("<nav class=\"pager\" aria-label=\"Pages\">");
        if (page > 1)
        {
            html.Raw("<a rel=\"prev\"").Attr("href", Href(page - 1)).Raw(">← Previous</a>");
        }
        html.Raw("<span>").Text($"Page {page} of {pages}").Raw("</span>");
        if (page < pages)
        {
            html.Raw("<a rel=\"next\"").Attr("href", Href(page + 1)).Raw(">Next →</a>");
        }
        html.Raw("</nav>");
    }

    /// <summary><paramref name="path"/> with the query parameters that have a value.</summary>
    public static string LinkOf(string path, IEnumerable<KeyValuePair<string, string?>> query)
    {
        var pairs = query.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value!)).ToList();
        return pairs.Count == 0 ? path : path + "?" + string.Join("&", pairs);
    }
}
