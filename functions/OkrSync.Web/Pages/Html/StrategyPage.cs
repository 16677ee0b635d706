using System.Globalization;
using OkrSync.Core.Reports;
using OkrSync.Web.Pages.Charts;
using OkrSync.Web.Pages.Views;

namespace OkrSync.Web.Pages.Html;

/// <summary>The landing page: the summary, the effort flow, then each bet with its "not doing", key results and initiatives.</summary>
internal static class StrategyPage
{
    public static string Render(DashboardPaths paths, StrategyPageJson page, bool signOut, string jsonLink)
    {
        var classes = TargetClasses(page.Bets.Select(b => b.Id));
        return PageLayout.Render(paths, "Strategy", "Strategy", page.Strategy, page.AsOf, html =>
        {
            Summary(html, page.Summary, paths);
            Flow(html, page.EffortFlow, classes);
            html.Raw("<section class=\"bets\" aria-label=\"Bets\">");
            foreach (var bet in page.Bets)
            {
                Bet(html, paths, bet, classes);
            }
            html.Raw("</section>");
        }, signOut, jsonLink);
    }

    /// <summary>A colour class per flow target: bets take the palette in order; the other kinds have their own.</summary>
    public static Dictionary<string, string> TargetClasses(IEnumerable<string> betIds)
    {
        var classes = betIds.Select((id, i) => (id, $"t-bet{i % 8}")).ToDictionary(p => p.id, p => p.Item2, StringComparer.Ordinal);
        classes[EffortFlows.Operational] = "t-operational";
        classes[EffortFlows.Contradicting] = "t-contradicting";
        classes[EffortFlows.Orphaned] = "t-orphaned";
        return classes;
    }

    private static void Summary(HtmlText html, SummaryJson s, DashboardPaths paths)
    {
        html.Raw("<section class=\"summary\" aria-label=\"Work by classification\"><dl class=\"tiles\">");
        Tile(html, "total", "Work items", s.Total.ToString(CultureInfo.InvariantCulture), null);
        Tile(html, "aligned", "Aligned", s.Aligned.ToString(CultureInfo.InvariantCulture), null);
        Tile(html, "operational", "Operational", s.Operational.ToString(CultureInfo.InvariantCulture), null);
        Tile(html, "orphaned", "Orphaned", s.Orphaned.ToString(CultureInfo.InvariantCulture), paths.Orphans);
        Tile(html, "contradicting", "Contradicting", s.Contradicting.ToString(CultureInfo.InvariantCulture), paths.Findings + "?kind=contradicts-not-doing");
        Tile(html, "orphan-rate", "Open work orphaned", HtmlText.Percent(s.OrphanRate), paths.Orphans);
        html.Raw("</dl></section>");
    }

    private static void Tile(HtmlText html, string id, string label, string value, string? link)
    {
        html.Raw("<div class=\"tile\"").Attr("id", "summary-" + id).Raw("><dt>").Text(label).Raw("</dt><dd class=\"value\">");
        if (link is null)
        {
            html.Text(value);
        }
        else
        {
            html.Link(value, link);
        }
        html.Raw("</dd></div>");
    }

    private static void Flow(HtmlText html, EffortFlowJson flow, IReadOnlyDictionary<string, string> classes)
    {
        var orphaned = flow.Targets.FirstOrDefault(t => t.Id == EffortFlows.Orphaned)?.Value ?? 0;
        var operational = flow.Targets.FirstOrDefault(t => t.Id == EffortFlows.Operational)?.Value ?? 0;
        var contradicting = flow.Targets.FirstOrDefault(t => t.Id == EffortFlows.Contradicting)?.Value ?? 0;
        var noBet = flow.Total == 0 ? 0 : (orphaned + contradicting) / flow.Total;
        html.Raw("<section class=\"flow-section\" aria-labelledby=\"flow-heading\"><h2 id=\"flow-heading\">Where the effort went</h2>")
            .Raw("<p class=\"headline\"><strong").Attr("data-no-bet-share", noBet.ToString("0.####", CultureInfo.InvariantCulture)).Raw(">").Text(HtmlText.Percent(noBet)).Raw("</strong> of the window's work serves no bet (orphaned or against a \"not doing\"); ")
            .Text(HtmlText.Percent(flow.Total == 0 ? 0 : operational / flow.Total)).Raw(" is operational. ")
            .Raw("<span class=\"muted\">").Text($"Counted in work items open now or updated since {flow.WindowStart:yyyy-MM-dd} ({HtmlText.Fmt(flow.Total)} in all).").Raw("</span></p>");
        html.Raw("<div class=\"flow-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Effort flow chart (scrolls sideways on a small screen)\">");
        FlowChart.Draw(html, flow, classes);
        html.Raw("</div>");
        html.Raw("<details class=\"flow-table\"><summary>The numbers</summary><table><thead><tr><th scope=\"col\">From</th><th scope=\"col\">To</th><th scope=\"col\" class=\"num\">Items</th></tr></thead><tbody>");
        foreach (var band in flow.Bands)
        {
            html.Raw("<tr><td>").Text(band.From).Raw("</td><td>").Text(flow.Targets.FirstOrDefault(t => t.Id == band.To)?.Label ?? band.To).Raw("</td><td class=\"num\">").Number(band.Value).Raw("</td></tr>");
        }
        html.Raw("</tbody></table></details></section>");
    }

    private static void Bet(HtmlText html, DashboardPaths paths, BetNodeJson bet, IReadOnlyDictionary<string, string> classes)
    {
        html.Raw("<section").Attr("class", "bet" + (bet.Flags.Count > 0 ? " flagged" : "")).Attr("id", "bet-" + bet.Id).Attr("data-bet", bet.Id).Attr("aria-labelledby", "bet-title-" + bet.Id).Raw(">")
            .Raw("<header class=\"bet-head\"><span").Attr("class", "swatch " + classes.GetValueOrDefault(bet.Id, "t-other")).Raw(" aria-hidden=\"true\"></span><h2").Attr("id", "bet-title-" + bet.Id).Raw(">").Text(bet.Title).Raw("</h2>");
        Flags.Badges(html, bet.Flags);
        html.Raw("</header><p class=\"bet-meta\">");
        if (bet.Owner is not null)
        {
            html.Raw("Owner ").Text(bet.Owner).Raw(" · ");
        }
        html.Raw("Output ").Text($"{bet.Output.Done} of {bet.Output.Planned} done ({HtmlText.Percent(bet.Output.Ratio)})")
            .Raw(" · Outcome ").Text(bet.Outcome.Ratio is { } r ? HtmlText.Percent(r) + " of the way" : "not measured")
            .Raw(" · Position ").Raw("<span").Attr("class", "position position-" + (bet.Signals?.Position ?? "none")).Attr("data-position", bet.Signals?.Position)
                .Attr("data-position-ratio", bet.Signals?.PositionRatio?.ToString("R", CultureInfo.InvariantCulture)).Raw(">")
                .Text(PositionText(bet.Signals)).Raw("</span>")
            .Raw(" · Effort ").Raw("<span class=\"investment\"").Attr("data-actual-share", bet.Investment.Actual.ToString("R", CultureInfo.InvariantCulture))
                .Attr("data-declared-share", bet.Investment.Declared?.ToString("R", CultureInfo.InvariantCulture)).Attr("data-weight", bet.Investment.Items.ToString("R", CultureInfo.InvariantCulture)).Raw(">")
                .Text($"actual {HtmlText.Percent(bet.Investment.Actual)} ({HtmlText.Fmt(bet.Investment.Items)} {bet.Investment.Basis})")
                .Raw(", ").Text(bet.Investment.Declared is { } d ? $"declared {HtmlText.Percent(d)}" : "none declared").Raw("</span></p>");
        if (bet.Signals is { Signals.Count: > 0 } signals)
        {
            html.Raw("<ul class=\"position-signals\">");
            foreach (var p in signals.Signals)
            {
                html.Raw("<li").Attr("data-signal", p.Id).Raw("><span class=\"signal-title\">").Text(p.Title).Raw("</span>: ")
                    .Text(p.Metric.Current is { } c ? $"{HtmlText.Fmt(c)}{(p.Metric.Unit is { } u ? " " + u : "")}" : "not measured")
                    .Text(p.Metric.Target is { } t ? $" (target {HtmlText.Fmt(t)}" + (p.Ratio is { } pr ? $", {HtmlText.Percent(pr)} of the way)" : ")") : "")
                    .Text(p.CheckIns.Count > 0 ? $" · {p.CheckIns.Count} check-in{(p.CheckIns.Count == 1 ? "" : "s")}, last {p.CheckIns[^1].At.UtcDateTime:yyyy-MM-dd}" : "").Raw("</li>");
            }
            html.Raw("</ul>");
        }
        if (bet.NotDoing.Count > 0)
        {
            html.Raw("<div class=\"not-doing\"><h3>Not doing</h3><ul>");
            foreach (var n in bet.NotDoing)
            {
                html.Raw("<li").Attr("id", "not-doing-" + n.Id).Raw("><span class=\"nd-title\">").Text(n.Title).Raw("</span>");
                if (n.Count > 0)
                {
                    html.Raw(" <span class=\"contradiction-count\">").Text($"{n.Count} item{(n.Count == 1 ? "" : "s")} against it").Raw("</span><ul class=\"contradictions\">");
                    foreach (var w in n.Contradicting)
                    {
                        html.Raw("<li class=\"contradiction\">").Link(w.Key, w.Url).Raw(" ").Text(w.Title).Raw("</li>");
                    }
                    html.Raw("</ul>");
                }
                else
                {
                    html.Raw(" <span class=\"muted\">: nothing against it</span>");
                }
                html.Raw("</li>");
            }
            html.Raw("</ul></div>");
        }
        html.Raw("<div class=\"krs\">");
        foreach (var kr in bet.KeyResults)
        {
            KeyResult(html, paths, kr);
        }
        html.Raw("</div></section>");
    }

    private static string PositionText(BetSignalsJson? signals) => signals switch
    {
        null or { Position: null } => "no position signals",
        { Position: PositionStates.Unmeasured } => "not measured",
        { PositionRatio: { } ratio } => $"{signals.Position}, {HtmlText.Percent(ratio)} of the way",
        _ => signals.Position,
    };

    public static void KeyResult(HtmlText html, DashboardPaths paths, KeyResultNodeJson kr, bool link = true)
    {
        html.Raw("<article").Attr("class", "kr" + (kr.Flags.Count > 0 ? " flagged" : "")).Attr("id", "kr-" + kr.Id).Attr("data-kr", kr.Id)
            .Attr("data-flags", string.Join(' ', kr.Flags))
            .Attr("data-output-planned", kr.Output.Planned).Attr("data-output-done", kr.Output.Done).Attr("data-output-ratio", kr.Output.Ratio.ToString("R", CultureInfo.InvariantCulture))
            .Attr("data-outcome-ratio", kr.Outcome.Ratio?.ToString("R", CultureInfo.InvariantCulture)).Attr("data-outcome-current", kr.Outcome.Current?.ToString("R", CultureInfo.InvariantCulture)).Raw(">")
            .Raw("<h3 class=\"kr-title\">");
        if (link)
        {
            html.Link(kr.Title, paths.KeyResult(kr.Id));
        }
        else
        {
            html.Text(kr.Title);
        }
        html.Raw("</h3>");
        Flags.Badges(html, kr.Flags);
        html.Raw("<dl class=\"figures\"><div class=\"figure output\"><dt>Output</dt><dd><span class=\"output-value\">").Text($"{kr.Output.Done} of {kr.Output.Planned} done").Raw("</span> <span class=\"ratio\">").Text(HtmlText.Percent(kr.Output.Ratio)).Raw("</span></dd></div>")
            .Raw("<div class=\"figure outcome\"><dt>Outcome</dt><dd><span class=\"outcome-value\">").Text(OutcomeText(kr.Outcome)).Raw("</span> <span class=\"ratio\">").Text(kr.Outcome.Ratio is { } r ? HtmlText.Percent(r) : "–").Raw("</span></dd></div></dl>");
        ProgressPair.Draw(html, kr.Output, kr.Outcome, $"Output {HtmlText.Percent(kr.Output.Ratio)} done; outcome {(kr.Outcome.Ratio is { } o ? HtmlText.Percent(o) : "not measured")} of the way to target");
        if (kr.Initiatives.Count > 0)
        {
            html.Raw("<ul class=\"initiatives\">");
            foreach (var i in kr.Initiatives)
            {
                html.Raw("<li").Attr("class", "initiative" + (i.Flags.Count > 0 ? " flagged" : "")).Attr("id", "initiative-" + i.Id).Raw("><span class=\"i-title\">").Text(i.Title).Raw("</span> <span class=\"muted\">")
                    .Text($"{i.Counts.Done}/{i.Counts.Done + i.Counts.Todo + i.Counts.InProgress} done").Raw("</span> ");
                Flags.Badges(html, i.Flags);
                html.Raw("</li>");
            }
            html.Raw("</ul>");
        }
        html.Raw("</article>");
    }

    public static string OutcomeText(OutcomeJson o)
    {
        if (o.Current is null)
        {
            return "not measured";
        }
        var unit = string.IsNullOrEmpty(o.Unit) ? "" : o.Unit == "%" ? "%" : " " + o.Unit;
        return $"{HtmlText.Fmt(o.Current.Value)}{unit} (baseline {(o.Baseline is { } b ? HtmlText.Fmt(b) : "–")} → target {(o.Target is { } t ? HtmlText.Fmt(t) : "–")})";
    }
}
