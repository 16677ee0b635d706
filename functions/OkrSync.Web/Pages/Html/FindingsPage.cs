using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages.Html;

/// <summary>
/// Every finding, most urgent first, 100 a page, filterable by kind (links, so it works with JavaScript off), each
/// linking to its subject; previous and next links keep the kind.
/// </summary>
internal static class FindingsPage
{
    public static string Render(DashboardPaths paths, FindingsPageJson page, ReportIndex? report, string? strategy, bool signOut, string jsonLink) =>
        PageLayout.Render(paths, "Findings", "Findings", strategy, page.AsOf, html =>
        {
            html.Raw("<nav class=\"kinds\" aria-label=\"Filter by kind\"><ul><li><a").Attr("href", paths.Findings);
            if (page.Kind is null)
            {
                html.Raw(" aria-current=\"true\"");
            }
            html.Raw(">").Text($"All ({page.Kinds.Sum(k => k.Count)})").Raw("</a></li>");
            foreach (var kind in page.Kinds)
            {
                html.Raw("<li><a").Attr("href", paths.Findings + "?kind=" + Uri.EscapeDataString(kind.Kind)).Attr("class", "sev-" + kind.Severity).Attr("data-kind", kind.Kind);
                if (kind.Kind == page.Kind)
                {
                    html.Raw(" aria-current=\"true\"");
                }
                html.Raw(">").Text($"{kind.Title} ({kind.Count})").Raw("</a></li>");
            }
            html.Raw("</ul></nav>");
            if (page.Findings.Count == 0)
            {
                html.Raw("<p class=\"notice\">").Text(page.Kind is null ? "No findings: the work and the strategy agree." : "No findings of this kind.").Raw("</p>");
                return;
            }
            var first = (page.Page - 1) * page.PageSize + 1;
            html.Raw("<p class=\"result-count\" id=\"finding-count\"").Attr("data-total", page.Total).Raw(">")
                .Text(page.Pages > 1
                    ? $"Findings {first}–{first + page.Findings.Count - 1} of {page.Total}."
                    : $"{page.Total} finding{(page.Total == 1 ? "" : "s")}.")
                .Raw("</p>");
            html.Raw("<ul class=\"findings\">");
            foreach (var f in page.Findings)
            {
                var row = FindingKinds.Describe(f.Kind);
                html.Raw("<li").Attr("class", "finding sev-" + row.Severity.ToString().ToLowerInvariant()).Attr("data-kind", f.Kind).Raw("><span class=\"kind\">").Text(row.Title).Raw("</span> ")
                    .Link(f.Subject, SubjectLink(paths, f, report), "subject").Raw(" <span class=\"message\">").Text(f.Message).Raw("</span></li>");
            }
            html.Raw("</ul>");
            Pager.Render(html, paths.Findings, [new("kind", page.Kind)], page.Page, page.Pages);
        }, signOut, jsonLink);

    /// <summary>Work items link to the tracker; key results to their page; bets and initiatives to their place on the strategy page.</summary>
    public static string? SubjectLink(DashboardPaths paths, FindingJson finding, ReportIndex? report)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Url is not null)
        {
            return finding.Url;
        }
        if (report is null)
        {
            return null;
        }
        if (report.IsKeyResult(finding.Subject))
        {
            return paths.KeyResult(finding.Subject);
        }
        if (report.IsBet(finding.Subject))
        {
            return paths.BetAnchor(finding.Subject);
        }
        return report.IsInitiative(finding.Subject) ? paths.InitiativeAnchor(finding.Subject) : null;
    }
}
