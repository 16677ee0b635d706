using OkrSync.Core.Reports;

namespace OkrSync.Core.Digest;

/// <summary>
/// What one owner's part of the digest is: the bets they own (all of those bets' findings), the initiatives they own
/// (those initiatives' findings, and the findings on the key results they serve), and, as an assignee, their own orphaned items.
/// </summary>
public sealed record OwnerScope(string Address, IReadOnlySet<string> Bets, IReadOnlySet<string> Initiatives, IReadOnlySet<string> KeyResults)
{
    /// <summary>The owner scope of <paramref name="address"/> in <paramref name="report"/>; empty sets when they own nothing there.</summary>
    public static OwnerScope Of(ReportDocument report, string address)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var bets = report.Bets.Where(b => SameAddress(b.Owner, address)).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var initiatives = report.Initiatives.Where(i => SameAddress(i.Owner, address)).ToList();
        return new OwnerScope(
            address.Trim(),
            bets,
            initiatives.Select(i => i.Id).ToHashSet(StringComparer.Ordinal),
            initiatives.Select(i => i.KeyResultId).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// Everyone who may get a per-owner digest, in a stable order: bet and initiative owners from the strategy, then
    /// assignees of orphaned work whose address the tracker exposes. Owners that are not e-mail addresses are left out.
    /// </summary>
    public static IReadOnlyList<string> Addresses(DigestInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var owners = input.Report.Bets.Select(b => b.Owner)
            .Concat(input.Report.Initiatives.Select(i => i.Owner))
            .Concat(input.OrphanedItems.Select(i => i.AssigneeEmail));
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new List<string>();
        foreach (var owner in owners)
        {
            if (LooksLikeAddress(owner) && seen.Add(owner!.Trim()))
            {
                addresses.Add(owner.Trim());
            }
        }
        return addresses;
    }

    public static bool SameAddress(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>A plausible single mailbox: one '@' with text on both sides and no spaces.</summary>
    public static bool LooksLikeAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        var at = trimmed.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == trimmed.LastIndexOf('@') && at < trimmed.Length - 1 && !trimmed.Any(char.IsWhiteSpace);
    }
}
