using System.Globalization;
using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Html;

/// <summary>Work items as a table: key (linked to the tracker), title, assignee, state, age.</summary>
internal static class WorkTable
{
    public static void Render(HtmlText html, IEnumerable<WorkItemJson> items, DateTimeOffset asOf, bool showContainer = false)
    {
        html.Raw("<div class=\"table-wrap\"><table class=\"work\"><thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Title</th>");
        if (showContainer)
        {
            html.Raw("<th scope=\"col\">Where</th>");
        }
        html.Raw("<th scope=\"col\">Assignee</th><th scope=\"col\">State</th><th scope=\"col\" class=\"num\">Age</th></tr></thead><tbody>");
        foreach (var w in items)
        {
            html.Raw("<tr").Attr("data-assignee", w.Assignee ?? "").Raw("><td class=\"key\">").Link(w.Key, w.Url).Raw("</td><td>").Text(w.Title).Raw("</td>");
            if (showContainer)
            {
                html.Raw("<td>").Text(w.Container).Raw("</td>");
            }
            html.Raw("<td>").Text(w.Assignee ?? "unassigned").Raw("</td><td>").Text(w.State).Raw("</td><td class=\"num\">")
                .Text(Age(asOf, w.Created)).Raw("</td></tr>");
        }
        html.Raw("</tbody></table></div>");
    }

    public static string Age(DateTimeOffset asOf, DateTimeOffset created)
    {
        var days = Math.Max(0, (int)(asOf - created).TotalDays);
        return days.ToString(CultureInfo.InvariantCulture) + " d";
    }
}
