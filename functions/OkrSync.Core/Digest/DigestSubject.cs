using System.Globalization;

namespace OkrSync.Core.Digest;

/// <summary>The subject line: it carries the headline number.</summary>
public static class DigestSubject
{
    /// <summary>
    /// Leadership: <c>OkrSync weekly: 25 orphaned items (27% of open work, ▲3 since last week) — Acme Cloud 2026 H2</c>.
    /// Owner: <c>OkrSync weekly, your part: 3 orphaned items, 2 findings — Acme Cloud 2026 H2</c> (a zero count is left out).
    /// </summary>
    public static string For(WeeklyDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.Owner is not null)
        {
            var findings = digest.AttentionCount - digest.Orphans.Total;
            var parts = new List<string>(2);
            if (digest.Orphans.Total > 0 || findings == 0)
            {
                parts.Add(DigestFormat.Items(digest.Orphans.Total));
            }
            if (findings > 0)
            {
                parts.Add(DigestFormat.Count(findings, "finding", "findings"));
            }
            return string.Create(CultureInfo.InvariantCulture, $"OkrSync weekly, your part: {string.Join(", ", parts)} — {digest.Strategy}");
        }
        var headline = digest.Headline;
        var change = DigestFormat.Change(headline.Change) is { } text ? ", " + text : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"OkrSync weekly: {DigestFormat.Items(headline.OpenOrphaned)} ({DigestFormat.Percent(headline.OrphanRate)} of open work{change}) — {digest.Strategy}");
    }
}
