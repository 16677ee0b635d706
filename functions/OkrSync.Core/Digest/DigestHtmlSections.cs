using System.Globalization;
using static OkrSync.Core.Digest.HtmlWriter;

namespace OkrSync.Core.Digest;

/// <summary>The sections of the HTML digest: the trend bars, the orphaned work and the findings. One column throughout.</summary>
internal static class DigestHtmlSections
{
    private const int BarHeight = 36;

    /// <summary>The orphan rate by week as small bars: plain table cells with a background colour, no images.</summary>
    public static void Trend(HtmlWriter html, IReadOnlyList<TrendPoint> trend)
    {
        var max = Math.Max(0.01, trend.Max(p => p.OrphanRate));
        html.Paragraph($"font-size:12px;line-height:16px;color:{Muted};padding-bottom:6px;", p => p.Text("Orphan rate by week"))
            .Raw("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" style=\"border-collapse:collapse;\"><tr>");
        for (var i = 0; i < trend.Count; i++)
        {
            var point = trend[i];
            var bar = Math.Max(2, (int)Math.Round(BarHeight * point.OrphanRate / max));
            var color = i == trend.Count - 1 ? Ink : "#9ca3af";
            html.Raw($"<td valign=\"bottom\" align=\"center\" style=\"{Font}padding:0 6px 0 0;width:44px;\">")
                .Raw("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" width=\"28\" style=\"border-collapse:collapse;\">")
                .Raw($"<tr><td height=\"{BarHeight - bar}\" style=\"height:{BarHeight - bar}px;font-size:0;line-height:0;\">&nbsp;</td></tr>")
                .Raw($"<tr><td height=\"{bar}\" bgcolor=\"{color}\" style=\"height:{bar}px;background-color:{color};font-size:0;line-height:0;\">&nbsp;</td></tr></table>")
                .Paragraph($"font-size:11px;line-height:14px;color:{Muted};padding-top:3px;white-space:nowrap;", p => p.Text(DigestFormat.ShortWeek(point.IsoWeek)))
                .Paragraph($"font-size:12px;line-height:14px;color:{color};font-weight:600;white-space:nowrap;", p => p.Text(DigestFormat.Percent(point.OrphanRate)))
                .Raw("</td>");
        }
        html.Raw("</tr></table>");
    }

    public static void Orphans(HtmlWriter html, OrphanList orphans)
    {
        if (orphans.Total == 0)
        {
            return;
        }
        html.Row("padding:0 24px 8px 24px;", r =>
        {
            r.Heading(DigestFormat.OrphansTitle, orphans.Total)
                .Paragraph($"font-size:13px;line-height:18px;color:{Muted};", p => p.Text(DigestFormat.OrphansHint
                    + (orphans.Hidden > 0 ? string.Create(CultureInfo.InvariantCulture, $" The oldest {orphans.Shown} are listed.") : "")));
            foreach (var group in orphans.Groups)
            {
                Group(r, group);
            }
            if (orphans.Hidden > 0)
            {
                r.Paragraph($"font-size:14px;line-height:20px;color:{Ink};padding:12px 0 4px 0;font-weight:600;", p =>
                {
                    p.Text($"And {DigestFormat.Count(orphans.Hidden, "more orphaned item", "more orphaned items")}");
                    _ = orphans.MoreUrl is { } more ? p.Text(": ").Link("see them all", more) : p.Text(" (see the links under each repository or project).");
                });
            }
        });
    }

    /// <summary>The investment balance: one line per bet, then operational, orphaned and contradicting work.</summary>
    public static void Investment(HtmlWriter html, DigestInvestment? investment)
    {
        if (investment is null)
        {
            return;
        }
        html.Row("padding:0 24px 8px 24px;", r =>
        {
            r.Paragraph($"font-size:16px;line-height:22px;font-weight:700;color:{Ink};padding-top:12px;", p => p.Text(DigestFormat.InvestmentTitle))
                .Paragraph($"font-size:13px;line-height:18px;color:{Muted};", p => p.Text(DigestFormat.InvestmentHint(investment)));
            foreach (var share in investment.Shares)
            {
                r.OpenTable($"padding:4px 0;border-bottom:1px solid {Rule};font-size:14px;line-height:20px;color:{Ink};")
                    .Text(DigestFormat.ShareLine(share, investment.Unit))
                    .CloseTable();
            }
        });
    }

    public static void Findings(HtmlWriter html, string title, IReadOnlyList<DigestFinding> findings, string accent)
    {
        if (findings.Count == 0)
        {
            return;
        }
        html.Row("padding:0 24px 8px 24px;", r =>
        {
            r.Heading(title, findings.Count);
            foreach (var finding in findings)
            {
                r.OpenTable($"padding:6px 0 6px 10px;border-left:3px solid {accent};font-size:14px;line-height:20px;color:{Ink};", "margin-top:8px;")
                    .Text(finding.Message);
                if (DigestFormat.SafeUrl(finding.Url) is { } url)
                {
                    r.Raw("<br>").Link($"Open {finding.Subject}", url, "font-size:13px;");
                }
                r.CloseTable();
            }
        });
    }

    private static void Group(HtmlWriter html, OrphanGroup group)
    {
        html.Paragraph(
            $"font-size:15px;line-height:20px;font-weight:700;color:{Ink};padding:14px 0 2px 0;",
            p => p.Text(group.Container).Raw($" <span style=\"font-weight:400;color:{Muted};\">").Text($"· {DigestFormat.Items(group.Total)}").Raw("</span>"));
        foreach (var assignee in group.Assignees)
        {
            html.Paragraph($"font-size:13px;line-height:18px;font-weight:600;color:{Muted};padding:8px 0 2px 0;", p => p.Text(DigestFormat.Assignee(assignee.Assignee)));
            foreach (var item in assignee.Items)
            {
                html.OpenTable($"padding:6px 0;border-bottom:1px solid {Rule};font-size:14px;line-height:20px;color:{Ink};")
                    .Link(item.Key, item.Url, "font-weight:600;")
                    .Raw(" ").Text(item.Title)
                    .Raw($"<br><span style=\"font-size:12px;line-height:16px;color:{Muted};\">").Text($"{item.State} · {DigestFormat.Age(item.AgeDays)}").Raw("</span>")
                    .CloseTable();
            }
        }
        if (group.Hidden > 0)
        {
            html.Paragraph($"font-size:13px;line-height:18px;color:{Ink};padding:6px 0 0 0;", p =>
            {
                p.Text($"and {group.Hidden} more in {group.Container}");
                _ = group.MoreUrl is { } more ? p.Text(" · ").Link("see all", more) : p;
            });
        }
    }
}
