using OkrSync.Core.Digest;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages.Html;

/// <summary>
/// Orphaned work: a filter form (a GET form, so it works with JavaScript off), then the page's items grouped by
/// repository/project and assignee, oldest first, each linked to the tracker, and links to the other pages.
/// </summary>
internal static class OrphansPage
{
    public static string Render(DashboardPaths paths, OrphanPageJson page, string? strategy, bool signOut, string jsonLink) =>
        PageLayout.Render(paths, "Orphaned work", "Orphaned work", strategy, page.AsOf, html =>
        {
            Filters(html, paths, page);
            html.Raw("<p class=\"result-count\" id=\"orphan-count\"").Attr("data-total", page.Total).Raw(">")
                .Text(page.Total == 0 ? "No open orphaned work matches." : $"{page.Total} open item{(page.Total == 1 ? "" : "s")} serve no bet and are not declared operational.")
                .Raw("</p>");
            foreach (var container in page.Items.GroupBy(i => i.Container))
            {
                var search = TrackerLinks.OpenWorkSearch(container.Key, container.First().Url);
                html.Raw("<section class=\"orphan-group\"").Attr("data-container", container.Key).Raw("><h2>").Link(container.Key, search).Raw("</h2>");
                foreach (var assignee in container.GroupBy(i => i.Assignee ?? OrphanListView.Unassigned))
                {
                    html.Raw("<h3 class=\"assignee\">").Text(assignee.Key).Raw(" <span class=\"muted\">").Text($"({assignee.Count()})").Raw("</span></h3>");
                    WorkTable.Render(html, assignee, page.AsOf);
                }
                html.Raw("</section>");
            }
            Pager.Render(html, paths.Orphans, [new("container", page.Filter.Container), new("assignee", page.Filter.Assignee), new("q", page.Filter.Query)], page.Page, page.Pages);
        }, signOut, jsonLink);

    private static void Filters(HtmlText html, DashboardPaths paths, OrphanPageJson page)
    {
        html.Raw("<form class=\"filters\" method=\"get\" data-autosubmit").Attr("action", paths.Orphans).Raw(">")
            .Raw("<label>Repository or project <select name=\"container\"><option value=\"\">All</option>");
        foreach (var c in page.Containers)
        {
            Option(html, c, page.Filter.Container);
        }
        html.Raw("</select></label><label>Assignee <select name=\"assignee\" id=\"assignee-filter\"><option value=\"\">All</option>");
        foreach (var a in page.Assignees)
        {
            Option(html, a, page.Filter.Assignee);
        }
        html.Raw("</select></label><label>Title or key <input type=\"search\" name=\"q\"").Attr("value", page.Filter.Query).Raw("></label>")
            .Raw("<button type=\"submit\">Filter</button>");
        if (page.Filter.Container is not null || page.Filter.Assignee is not null || page.Filter.Query is not null)
        {
            html.Raw(" ").Link("Clear", paths.Orphans);
        }
        html.Raw("</form>");
    }

    private static void Option(HtmlText html, FacetJson facet, string? selected)
    {
        html.Raw("<option").Attr("value", facet.Value);
        if (facet.Value == selected)
        {
            html.Raw(" selected");
        }
        html.Raw(">").Text($"{facet.Value} ({facet.Count})").Raw("</option>");
    }
}
