using OkrSync.Core.Ports;

namespace OkrSync.Core.Digest;

/// <summary>Who gets which digest this week: the leadership list, and optionally each owner with their part.</summary>
public sealed record MailPlanOptions(IReadOnlyList<string> Leadership, bool PerOwnerDigests, DigestOptions Digest);

/// <summary>One digest and the addresses it goes to; <see cref="To"/> may be empty (nobody configured: shown, never sent).</summary>
public sealed record DigestMail(WeeklyDigest Digest, IReadOnlyList<string> To)
{
    public string Subject => DigestSubject.For(Digest);

    public string Text => DigestTextRenderer.Render(Digest);

    public string Html => DigestHtmlRenderer.Render(Digest);

    /// <summary>One mail per recipient, so that each send is claimed, retried and recorded on its own.</summary>
    public IEnumerable<OutgoingMail> ToMails()
    {
        var (subject, html, text) = (Subject, Html, Text);
        return To.Select(address => new OutgoingMail(address, subject, html, text, Digest.IsoWeek));
    }
}

public static class WeeklyMailPlan
{
    /// <summary>
    /// The leadership digest first (to <paramref name="overrideTo"/> when given, else to the leadership list), then, unless
    /// recipients were overridden and when enabled, one digest per owner who is not on the leadership list and has a part.
    /// Addresses compare case-insensitively; each address appears once.
    /// </summary>
    public static IReadOnlyList<DigestMail> Plan(DigestInput input, DateTimeOffset now, MailPlanOptions options, IReadOnlyList<string>? overrideTo = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var leaders = Distinct(overrideTo ?? options.Leadership, taken);
        var mails = new List<DigestMail> { new(WeeklyDigestBuilder.Build(input, now, options.Digest), leaders) };
        if (overrideTo is not null || !options.PerOwnerDigests)
        {
            return mails;
        }
        foreach (var address in OwnerScope.Addresses(input))
        {
            if (taken.Contains(address))
            {
                continue;
            }
            var digest = WeeklyDigestBuilder.BuildFor(input, OwnerScope.Of(input.Report, address), now, options.Digest);
            if (!digest.IsEmpty)
            {
                taken.Add(address);
                mails.Add(new DigestMail(digest, [address]));
            }
        }
        return mails;
    }

    private static List<string> Distinct(IEnumerable<string> addresses, HashSet<string> taken) =>
        [.. addresses.Select(a => a.Trim()).Where(a => a.Length > 0 && taken.Add(a))];
}
