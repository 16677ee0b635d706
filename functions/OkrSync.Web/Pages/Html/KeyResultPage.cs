using System.Globalization;
using OkrSync.Web.Pages.Charts;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages.Html;

/// <summary>One key result: output and outcome week by week on one chart (target and baseline lines, check-ins as points), then its initiatives' open work.</summary>
internal static class KeyResultPage
{
    public static string Render(DashboardPaths paths, KeyResultPageJson page, bool signOut, string jsonLink)
    {
        var kr = page.KeyResult;
        return PageLayout.Render(paths, kr.Title, "", page.Strategy, page.AsOf, html =>
        {
            html.Raw("<p class=\"crumbs\">").Link("Strategy", paths.Strategy).Raw(" › ").Link(page.BetTitle, paths.BetAnchor(kr.BetId)).Raw("</p>");
            StrategyPage.KeyResult(html, paths, kr, link: false);
            Reading(html, kr.Outcome);
            html.Raw("<section aria-labelledby=\"trend-heading\"><h2 id=\"trend-heading\">Week by week</h2>");
            Trend(html, page);
            html.Raw("</section><section aria-labelledby=\"work-heading\"><h2 id=\"work-heading\">Initiatives and their open work</h2>");
            if (page.Initiatives.Count == 0)
            {
                html.Raw("<p class=\"notice\">No initiatives move this key result.</p>");
            }
            foreach (var i in page.Initiatives)
            {
                html.Raw("<div class=\"initiative-work\"").Attr("id", "initiative-" + i.Initiative.Id).Raw("><h3>").Text(i.Initiative.Title).Raw("</h3> ");
                Flags.Badges(html, i.Initiative.Flags);
                html.Raw("<p class=\"muted\">").Text($"{i.Initiative.Counts.Done} done, {i.OpenCount} open" + (i.Initiative.Owner is null ? "" : $" · owner {i.Initiative.Owner}")).Raw("</p>");
                if (i.OpenWork.Count > 0)
                {
                    WorkTable.Render(html, i.OpenWork, page.AsOf);
                }
                if (i.OpenCount > i.OpenWork.Count)
                {
                    html.Raw("<p class=\"muted\">").Text($"The oldest {i.OpenWork.Count} of {i.OpenCount} shown.").Raw("</p>");
                }
                html.Raw("</div>");
            }
            html.Raw("</section>");
        }, signOut, jsonLink);
    }

    private static void Trend(HtmlText html, KeyResultPageJson page)
    {
        var kr = page.KeyResult;
        if (page.Weeks.Count == 0 && page.CheckIns.Count == 0)
        {
            html.Raw("<p class=\"notice\">No weekly snapshots yet: one is stored after each sync (see <code>okrsync history</code>).</p>");
            return;
        }
        var labels = page.Weeks.Select(w => w.IsoWeek).ToList();
        var outcome = kr.Outcome;
        var markers = new List<Marker>();
        if (outcome.Baseline is { } baseline && outcome.Target is { } target && target != baseline && page.Weeks.Count > 0)
        {
            var first = page.Weeks[0].TakenAt;
            var last = page.Weeks[^1].TakenAt;
            foreach (var c in page.CheckIns)
            {
                var x = last == first ? 0 : (c.At - first).TotalSeconds / (last - first).TotalSeconds * (page.Weeks.Count - 1);
                markers.Add(new Marker(Math.Clamp(x, 0, page.Weeks.Count - 1), (c.Value - baseline) / (target - baseline), $"Check-in {c.At:yyyy-MM-dd}: {HtmlText.Fmt(c.Value)}{(c.By is null ? "" : " by " + c.By)}{(c.Note is null ? "" : ": " + c.Note)}"));
            }
        }
        var unit = string.IsNullOrEmpty(outcome.Unit) ? "" : outcome.Unit == "%" ? "%" : " " + outcome.Unit;
        LineChart.Draw(
            html,
            $"Output and outcome of {kr.Title} by week",
            labels,
            [new Series("Output (work done)", "s-output", [.. page.Weeks.Select(w => (double?)w.OutputRatio)]), new Series("Outcome (metric)", "s-outcome", [.. page.Weeks.Select(w => w.OutcomeRatio)])],
            [
                new ReferenceLine("target" + (outcome.Target is { } t ? $" {HtmlText.Fmt(t)}{unit}" : ""), 1, "target"),
                new ReferenceLine("baseline" + (outcome.Baseline is { } b ? $" {HtmlText.Fmt(b)}{unit}" : ""), 0, "baseline"),
            ],
            markers,
            -0.2,
            1.2);
        html.Raw("<p class=\"legend\"><span class=\"key s-output\"></span> Output: share of planned work done <span class=\"key s-outcome\"></span> Outcome: share of the way from baseline to target")
            .Raw(page.CheckIns.Count > 0 ? " <span class=\"key check-in\"></span> Check-in" : "").Raw("</p>");
        html.Raw("<details><summary>The numbers</summary><table><thead><tr><th scope=\"col\">Week</th><th scope=\"col\" class=\"num\">Done</th><th scope=\"col\" class=\"num\">Planned</th><th scope=\"col\" class=\"num\">Output</th><th scope=\"col\" class=\"num\">Outcome</th></tr></thead><tbody>");
        foreach (var w in page.Weeks)
        {
            html.Raw("<tr><td>").Text(w.IsoWeek).Raw("</td><td class=\"num\">").Text(w.Done.ToString(CultureInfo.InvariantCulture)).Raw("</td><td class=\"num\">").Text(w.Planned.ToString(CultureInfo.InvariantCulture))
                .Raw("</td><td class=\"num\">").Text(HtmlText.Percent(w.OutputRatio)).Raw("</td><td class=\"num\">").Text(w.OutcomeRatio is { } o ? HtmlText.Percent(o) : "–").Raw("</td></tr>");
        }
        html.Raw("</tbody></table></details>");
        CheckIns(html, page.CheckIns, outcome.Unit);
    }

    /// <summary>Where the current value came from: the strategy file, a person's check-in or a metric source, and when it was measured.</summary>
    private static void Reading(HtmlText html, Core.Reports.OutcomeJson outcome)
    {
        var source = outcome.Source ?? (outcome.Current is null ? "none" : "yaml");
        html.Raw("<p class=\"reading\"").Attr("data-source", source).Raw(">Current value ");
        if (outcome.Current is { } current)
        {
            html.Text(HtmlText.Fmt(current) + (string.IsNullOrEmpty(outcome.Unit) ? "" : " " + outcome.Unit)).Raw(" from ").Text(source switch
            {
                "yaml" => "the strategy file",
                "check-in" => "a check-in",
                _ => "metric source " + source,
            });
            html.Text(outcome.MeasuredAt is { } at ? $", measured {at.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : ", measurement date unknown");
            if (outcome.Confidence is not null)
            {
                html.Text($" · confidence {outcome.Confidence}");
            }
            if (outcome.Note is not null)
            {
                html.Raw(" · “").Text(outcome.Note).Raw("”");
            }
        }
        else
        {
            html.Raw("not measured yet: check one in (<code>okrsync checkin</code>) or give the metric a source.");
        }
        html.Raw("</p>");
    }

    private static void CheckIns(HtmlText html, IReadOnlyList<CheckInJson> checkIns, string? unit)
    {
        if (checkIns.Count == 0)
        {
            return;
        }
        html.Raw("<details class=\"check-ins\" open><summary>").Text($"Check-ins ({checkIns.Count})").Raw("</summary><table><thead><tr><th scope=\"col\">Measured</th><th scope=\"col\" class=\"num\">Value</th><th scope=\"col\">By</th><th scope=\"col\">Confidence</th><th scope=\"col\">Note</th></tr></thead><tbody>");
        foreach (var c in checkIns.Reverse())
        {
            html.Raw("<tr class=\"check-in-row\"><td>").Text(c.At.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("</td><td class=\"num\">")
                .Text(HtmlText.Fmt(c.Value) + (string.IsNullOrEmpty(unit) ? "" : " " + unit)).Raw("</td><td>")
                .Text(c.By ?? (c.Source is { } s && s != "check-in" ? s : "–")).Raw("</td><td>").Text(c.Confidence ?? "–").Raw("</td><td>").Text(c.Note ?? "").Raw("</td></tr>");
        }
        html.Raw("</tbody></table></details>");
    }
}
