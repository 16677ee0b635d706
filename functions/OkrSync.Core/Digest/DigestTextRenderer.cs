using System.Globalization;
using System.Text;

namespace OkrSync.Core.Digest;

/// <summary>The plain-text alternative: the same content as the HTML, readable in any client and in a terminal.</summary>
public static class DigestTextRenderer
{
    public static string Render(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var text = new StringBuilder();
        Line(text, $"OkrSync weekly — {digest.Strategy} — week {digest.IsoWeek}");
        Line(text);
        if (digest.Owner is not null)
        {
            Line(text, "This is your part of this week's digest: your orphaned items and the findings on the bets and initiatives you own.");
            Line(text);
        }
        Headline(text, digest);
        Findings(text, DigestFormat.SyncProblemsTitle, digest.SyncProblems);
        Orphans(text, digest.Orphans);
        Findings(text, DigestFormat.ContradictionsTitle, digest.Contradictions);
        Findings(text, DigestFormat.OutputsWithoutOutcomeTitle, digest.OutputsWithoutOutcome);
        Findings(text, DigestFormat.PositionNotMovingTitle, digest.PositionNotMoving);
        Findings(text, DigestFormat.UnmeasuredTitle, digest.Unmeasured);
        Findings(text, DigestFormat.FlaggedKeyResultsTitle, digest.FlaggedKeyResults);
        Findings(text, DigestFormat.NothingBehindTitle, digest.NothingBehind);
        Findings(text, DigestFormat.StaleInitiativesTitle, digest.StaleInitiatives);
        Investment(text, digest);
        if (digest.IsEmpty)
        {
            Line(text, "Nothing needs attention this week: no orphaned work and no findings.");
            Line(text);
        }
        Line(text, "-- ");
        Line(text, $"Sent by OkrSync for {digest.IsoWeek}, as of {digest.AsOf.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
        return text.ToString();
    }

    private static void Headline(StringBuilder text, WeeklyDigest digest)
    {
        var headline = digest.Headline;
        Line(text, (digest.Owner is null ? "" : "Company-wide: ") + DigestFormat.Headline(headline));
        if (headline.Change is { } change)
        {
            Line(text, $"{DigestFormat.Change(change)} ({change.SinceWeek}), orphan rate {DigestFormat.Points(change.RatePointsDelta)}. {DigestFormat.Verdict(change)}");
        }
        else
        {
            Line(text, DigestFormat.Verdict(null));
        }
        if (digest.Trend.Count > 1)
        {
            Line(text, "Orphan rate by week: " + string.Join(" · ", digest.Trend.Select(p => $"{DigestFormat.ShortWeek(p.IsoWeek)} {DigestFormat.Percent(p.OrphanRate)}")));
        }
        Line(text);
    }

    private static void Orphans(StringBuilder text, OrphanList orphans)
    {
        if (orphans.Total == 0)
        {
            return;
        }
        var shown = orphans.Hidden > 0 ? $" (the oldest {orphans.Shown} of {orphans.Total})" : $" ({orphans.Total})";
        Heading(text, DigestFormat.OrphansTitle + shown);
        Line(text, DigestFormat.OrphansHint);
        foreach (var group in orphans.Groups)
        {
            Line(text);
            Line(text, $"{group.Container}: {DigestFormat.Items(group.Total)}");
            foreach (var assignee in group.Assignees)
            {
                Line(text, $"  {DigestFormat.Assignee(assignee.Assignee)}");
                foreach (var item in assignee.Items)
                {
                    Line(text, $"    - {item.Key}  {item.Title}  ({item.State}, {DigestFormat.Age(item.AgeDays)})");
                    if (DigestFormat.SafeUrl(item.Url) is { } url)
                    {
                        Line(text, $"      {url}");
                    }
                }
            }
            if (group.Hidden > 0)
            {
                Line(text, $"  and {group.Hidden} more in {group.Container}" + (group.MoreUrl is { } more ? $": {more}" : ""));
            }
        }
        if (orphans.Hidden > 0)
        {
            Line(text);
            Line(text, $"And {DigestFormat.Count(orphans.Hidden, "more orphaned item", "more orphaned items")}" + (orphans.MoreUrl is { } all ? $": {all}" : " (see the links under each repository or project)."));
        }
        Line(text);
    }

    private static void Findings(StringBuilder text, string title, IReadOnlyList<DigestFinding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }
        Heading(text, $"{title} ({findings.Count})");
        foreach (var finding in findings)
        {
            Line(text, $"  - {finding.Message}");
            if (DigestFormat.SafeUrl(finding.Url) is { } url)
            {
                Line(text, $"    {url}");
            }
        }
        Line(text);
    }

    /// <summary>The balance in a few lines, then the drift findings under it.</summary>
    private static void Investment(StringBuilder text, WeeklyDigest digest)
    {
        if (digest.Investment is not { } investment)
        {
            Findings(text, DigestFormat.AllocationDriftTitle, digest.AllocationDrift);
            return;
        }
        Heading(text, DigestFormat.InvestmentTitle);
        Line(text, DigestFormat.InvestmentHint(investment));
        foreach (var share in investment.Shares)
        {
            Line(text, $"  {DigestFormat.ShareLine(share, investment.Unit)}");
        }
        Line(text);
        Findings(text, DigestFormat.AllocationDriftTitle, digest.AllocationDrift);
    }

    private static void Heading(StringBuilder text, string title)
    {
        Line(text, title.ToUpperInvariant());
        Line(text, new string('=', Math.Min(title.Length, 72)));
    }

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
