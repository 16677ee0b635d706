using System.Globalization;
using static OkrSync.Core.Digest.HtmlWriter;

namespace OkrSync.Core.Digest;

/// <summary>
/// The HTML alternative, for common mail clients: table layout, inline styles, no scripts, no images. One column,
/// <c>width:100%</c> up to <c>max-width:640px</c> (fixed 640px in Outlook for Windows), so it reads on a phone too.
/// </summary>
public static class DigestHtmlRenderer
{
    public static string Render(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var subject = DigestSubject.For(digest);
        var html = new HtmlWriter();
        html.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"x-apple-disable-message-reformatting\">")
            .Raw("<title>").Text(subject).Raw("</title></head>")
            .Raw($"<body style=\"margin:0;padding:0;background-color:{Page};\">")
            .Raw("<div style=\"display:none;max-height:0;overflow:hidden;mso-hide:all;\">").Text(DigestFormat.Headline(digest.Headline)).Raw("</div>")
            .OpenTable("padding:16px 8px;", $"background-color:{Page};")
            .Raw("<!--[if mso]><table role=\"presentation\" width=\"640\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\"><tr><td><![endif]-->")
            .Raw("<table role=\"presentation\" width=\"100%\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" ")
            .Raw($"style=\"width:100%;max-width:640px;margin:0 auto;background-color:#ffffff;border:1px solid {Rule};border-radius:8px;border-collapse:separate;\">");
        Header(html, digest);
        Headline(html, digest);
        DigestHtmlSections.Findings(html, DigestFormat.SyncProblemsTitle, digest.SyncProblems, Worse);
        DigestHtmlSections.Orphans(html, digest.Orphans);
        DigestHtmlSections.Findings(html, DigestFormat.ContradictionsTitle, digest.Contradictions, Worse);
        DigestHtmlSections.Findings(html, DigestFormat.OutputsWithoutOutcomeTitle, digest.OutputsWithoutOutcome, "#b45309");
        DigestHtmlSections.Findings(html, DigestFormat.PositionNotMovingTitle, digest.PositionNotMoving, "#b45309");
        DigestHtmlSections.Findings(html, DigestFormat.UnmeasuredTitle, digest.Unmeasured, "#b45309");
        DigestHtmlSections.Findings(html, DigestFormat.FlaggedKeyResultsTitle, digest.FlaggedKeyResults, Muted);
        DigestHtmlSections.Findings(html, DigestFormat.NothingBehindTitle, digest.NothingBehind, "#6d28d9");
        DigestHtmlSections.Findings(html, DigestFormat.StaleInitiativesTitle, digest.StaleInitiatives, Muted);
        DigestHtmlSections.Investment(html, digest.Investment);
        DigestHtmlSections.Findings(html, DigestFormat.AllocationDriftTitle, digest.AllocationDrift, "#6d28d9");
        if (digest.IsEmpty)
        {
            html.Row("padding:8px 24px 16px 24px;", r => r.Paragraph($"font-size:15px;color:{Better};", p => p.Text("Nothing needs attention this week: no orphaned work and no findings.")));
        }
        html.Row($"padding:16px 24px 20px 24px;border-top:1px solid {Rule};", r => r.Paragraph(
            $"font-size:12px;line-height:18px;color:{Muted};",
            p => p.Text($"Sent by OkrSync for {digest.IsoWeek}, as of {digest.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC. "
                + (digest.Owner is null ? "Leadership digest." : "Your part as an owner or assignee."))));
        html.Raw("</table><!--[if mso]></td></tr></table><![endif]-->").CloseTable().Raw("</body></html>");
        return html.ToString();
    }

    private static void Header(HtmlWriter html, WeeklyDigest digest)
    {
        html.Row("padding:20px 24px 4px 24px;", r => r
            .Paragraph($"font-size:12px;line-height:16px;letter-spacing:0.06em;text-transform:uppercase;color:{Muted};", p => p.Text($"OkrSync weekly · {digest.IsoWeek}"))
            .Paragraph($"font-size:20px;line-height:26px;font-weight:700;color:{Ink};padding-top:4px;", p => p.Text(digest.Strategy)));
        if (digest.Owner is not null)
        {
            html.Row("padding:8px 24px 0 24px;", r => r.Paragraph(
                $"font-size:14px;line-height:20px;color:{Ink};",
                p => p.Text("This is your part of this week's digest: your orphaned items and the findings on the bets and initiatives you own.")));
        }
    }

    private static void Headline(HtmlWriter html, WeeklyDigest digest)
    {
        var headline = digest.Headline;
        var color = headline.Change switch { { OrphanedDelta: > 0 } => Worse, { OrphanedDelta: < 0 } => Better, _ => Muted };
        html.Row("padding:16px 24px 16px 24px;", r =>
        {
            r.Paragraph($"font-size:13px;line-height:18px;color:{Muted};", p => p.Text(digest.Owner is null ? "Orphaned open items" : "Orphaned open items, company-wide"))
                .Paragraph(
                    $"font-size:36px;line-height:44px;font-weight:700;color:{Ink};",
                    p => p.Text(headline.OpenOrphaned.ToString(CultureInfo.InvariantCulture))
                        .Raw($" <span style=\"font-size:18px;font-weight:600;color:{Ink};\">").Text($"{DigestFormat.Percent(headline.OrphanRate)} of open work").Raw("</span>"))
                .Paragraph($"font-size:13px;line-height:18px;color:{Muted};", p => p.Text($"{headline.OpenOrphaned} of {headline.OpenNonOperational} open items that are not operational serve no bet."));
            r.Paragraph($"font-size:14px;line-height:20px;color:{color};font-weight:600;padding-top:8px;", p => p.Text(headline.Change is { } change
                ? $"{DigestFormat.Change(change)} ({change.SinceWeek}), orphan rate {DigestFormat.Points(change.RatePointsDelta)}. {DigestFormat.Verdict(change)}"
                : DigestFormat.Verdict(null)));
        });
        if (digest.Trend.Count > 1)
        {
            html.Row("padding:0 24px 16px 24px;", r => DigestHtmlSections.Trend(r, digest.Trend));
        }
    }
}
