using OkrSync.Web.Pages.Charts;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages.Html;

/// <summary>Declared versus actual share per bet, the weekly trend, and the shares per repository/project.</summary>
internal static class InvestmentPage
{
    public static string Render(DashboardPaths paths, InvestmentPageJson page, string? strategy, IReadOnlyDictionary<string, string> classes, bool signOut, string jsonLink) =>
        PageLayout.Render(paths, "Investment", "Investment", strategy, page.AsOf, html =>
        {
            html.Raw("<section aria-labelledby=\"share-heading\"><h2 id=\"share-heading\">Declared versus actual, this window</h2>")
                .Raw("<p class=\"muted\">").Text($"Actual effort: work done in the last {page.WindowDays} days or in progress now, weighted in {(page.Basis == "points" ? "story points" : "items (not every item has story points)")} ({HtmlText.Fmt(page.Total)} in all, over {page.Items} item{(page.Items == 1 ? "" : "s")}). Declared shares are each bet's allocation in the strategy file.").Raw("</p>");
            Shares(html, page.Shares, classes, "investment-shares", declared: true);
            html.Raw("</section><section aria-labelledby=\"trend-heading\"><h2 id=\"trend-heading\">Trend by week</h2>");
            if (page.Trend.Count == 0)
            {
                html.Raw("<p class=\"notice\">No weekly snapshots yet: one is stored after each sync.</p>");
            }
            else
            {
                var bets = page.Shares.Where(s => s.Kind == "bet").ToList();
                var max = Math.Max(0.25, Math.Ceiling(page.Trend.SelectMany(w => w.Bets).Select(b => b.Share).DefaultIfEmpty(0).Max() * 4) / 4);
                LineChart.Draw(html, "Each bet's share of planned work, by week", [.. page.Trend.Select(w => w.IsoWeek)],
                    [.. bets.Select(b => new Series(b.Label, classes.GetValueOrDefault(b.Id, "t-other"), [.. page.Trend.Select(w => w.Bets.FirstOrDefault(x => x.BetId == b.Id)?.Share)]))],
                    [], [], 0, max);
                html.Raw("<p class=\"legend\">");
                foreach (var b in bets)
                {
                    html.Raw("<span").Attr("class", "key " + classes.GetValueOrDefault(b.Id, "t-other")).Raw("></span> ").Text(b.Label).Raw(" ");
                }
                html.Raw("</p><p class=\"muted\">A bet's share in a week: the planned items under its key results over all items, from that week's snapshot.</p>");
            }
            html.Raw("</section><section aria-labelledby=\"team-heading\"><h2 id=\"team-heading\">Per repository or project</h2><div class=\"containers\">");
            foreach (var c in page.Containers)
            {
                html.Raw("<div class=\"container-share\"><h3>").Text(c.Container).Raw(" <span class=\"muted\">").Text($"({HtmlText.Fmt(c.Total)} items)").Raw("</span></h3>");
                Shares(html, c.Shares, classes, null, declared: false);
                html.Raw("</div>");
            }
            html.Raw("</div></section>");
        }, signOut, jsonLink);

    private static void Shares(HtmlText html, IReadOnlyList<ShareJson> shares, IReadOnlyDictionary<string, string> classes, string? id, bool declared)
    {
        html.Raw("<table class=\"shares\"");
        if (id is not null)
        {
            html.Attr("id", id);
        }
        html.Raw("><thead><tr><th scope=\"col\">Where</th><th scope=\"col\">Actual</th><th scope=\"col\" class=\"num\">Weight</th>").Raw(declared ? "<th scope=\"col\" class=\"num\">Declared</th>" : "").Raw("</tr></thead><tbody>");
        foreach (var s in shares)
        {
            html.Raw("<tr").Attr("data-share", s.Id).Raw("><th scope=\"row\">").Text(s.Label).Raw("</th><td class=\"bar-cell\"><svg class=\"share-bar\" viewBox=\"0 0 200 14\" preserveAspectRatio=\"none\" aria-hidden=\"true\">")
                .Raw("<rect class=\"track\" x=\"0\" y=\"0\" width=\"200\" height=\"14\"/><rect").Attr("class", classes.GetValueOrDefault(s.Id, "t-other")).Raw(" x=\"0\" y=\"0\" height=\"14\"").Attr("width", s.Actual * 200).Raw("/>");
            if (s.Declared is { } mark)
            {
                html.Raw("<line class=\"declared-mark\" y1=\"0\" y2=\"14\"").Attr("x1", mark * 200).Attr("x2", mark * 200).Raw("/>");
            }
            html.Raw("</svg> ").Text(HtmlText.Percent(s.Actual)).Raw("</td><td class=\"num\">").Number(s.Items).Raw("</td>");
            if (declared)
            {
                html.Raw("<td class=\"num\">").Text(s.Declared is { } d ? HtmlText.Percent(d) : "–").Raw("</td>");
            }
            html.Raw("</tr>");
        }
        html.Raw("</tbody></table>");
    }
}
