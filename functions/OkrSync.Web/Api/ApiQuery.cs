using System.Text;
using OkrSync.Core.Findings;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Web.Api;

/// <summary>
/// The filters and paging of <c>/api/orphans</c> and <c>/api/findings</c>: <c>source</c>, <c>container</c>,
/// <c>assignee</c>, <c>kind</c>, <c>bet</c>, <c>kr</c> (each exact, case-insensitive; all given must match), then
/// <c>limit</c> (1 to <see cref="MaxLimit"/>) and <c>cursor</c> (the <c>nextCursor</c> of the page before). Without
/// <c>limit</c> and <c>cursor</c> the answer is the bare array of every match, as before paging existed; with either,
/// it is a <see cref="PageJson{T}"/>. Cursors are keyset cursors (the sort key of the last item sent), so a page
/// never repeats or skips an item that stays while others come and go.
/// </summary>
public sealed record ApiQuery(
    string? Source,
    string? Container,
    string? Assignee,
    string? Kind,
    string? Bet,
    string? KeyResult,
    int? Limit,
    string? After)
{
    public const int MaxLimit = 1000;

    /// <summary>The query parameters this API reads; any other is refused, so a typo does not silently return everything.</summary>
    public static IReadOnlyList<string> Parameters { get; } = ["source", "container", "assignee", "kind", "bet", "kr", "limit", "cursor", "code"];

    public bool Paged => Limit is not null || After is not null;

    /// <summary>Reads the query, or says what is wrong with it.</summary>
    public static bool TryParse(IQueryCollection query, out ApiQuery parsed, out string? error)
    {
        ArgumentNullException.ThrowIfNull(query);
        parsed = new ApiQuery(null, null, null, null, null, null, null, null);
        error = null;
        if (query.Keys.FirstOrDefault(k => !Parameters.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            error = $"unknown query parameter '{unknown}': use {string.Join(", ", Parameters.Where(p => p != "code"))}";
            return false;
        }
        int? limit = null;
        if (One(query, "limit") is { } limitText)
        {
            if (!int.TryParse(limitText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1 || value > MaxLimit)
            {
                error = $"limit must be a whole number from 1 to {MaxLimit}; got '{limitText}'";
                return false;
            }
            limit = value;
        }
        string? after = null;
        if (One(query, "cursor") is { } cursor)
        {
            after = DecodeCursor(cursor);
            if (after is null)
            {
                error = $"cursor '{cursor}' is not one this API gave out: pass the nextCursor of the previous page as it is";
                return false;
            }
        }
        parsed = new ApiQuery(One(query, "source"), One(query, "container"), One(query, "assignee"), One(query, "kind"), One(query, "bet"), One(query, "kr"), limit, after);
        return true;
    }

    /// <summary>Sorts by <paramref name="sortKey"/>, keeps what comes after the cursor, and cuts the page.</summary>
    public (IReadOnlyList<T> Page, int Total, string? NextCursor) Apply<T>(IEnumerable<T> matching, Func<T, string> sortKey)
    {
        var sorted = matching.Select(m => (Item: m, Key: sortKey(m))).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var remaining = After is null ? sorted : [.. sorted.Where(p => string.CompareOrdinal(p.Key, After) > 0)];
        if (Limit is not { } limit || remaining.Count <= limit)
        {
            return ([.. remaining.Select(p => p.Item)], sorted.Count, null);
        }
        var page = remaining.Take(limit).ToList();
        return ([.. page.Select(p => p.Item)], sorted.Count, EncodeCursor(page[^1].Key));
    }

    public bool Matches(WorkItemJson item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Is(Source, item.Source) && Is(Container, item.Container) && IsAssignee(item.Assignee) && Is(Kind, item.Type)
            && (Bet is null || (item.Bets ?? []).Contains(Bet, StringComparer.OrdinalIgnoreCase))
            && (KeyResult is null || (item.KeyResults ?? []).Contains(KeyResult, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>A finding matches on its kind, bet and key result; on source, container and assignee through the work item (or source) it is about.</summary>
    public bool Matches(FindingJson finding, Func<string, WorkItemJson?> item)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(item);
        if (!Is(Kind, finding.Kind) || !(Bet is null || Is(Bet, finding.BetId) || Is(Bet, finding.Subject)) || !(KeyResult is null || Is(KeyResult, finding.KeyResultId) || Is(KeyResult, finding.Subject)))
        {
            return false;
        }
        if (Source is null && Container is null && Assignee is null)
        {
            return true;
        }
        var (source, container) = Where(finding);
        return Is(Source, source) && Is(Container, container) && (Assignee is null || (item(finding.Subject) is { } found && IsAssignee(found.Assignee)));
    }

    /// <summary>The sort key of a finding: most urgent kind first, then subject and message.</summary>
    public static string SortKey(FindingJson finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"{FindingKinds.Order(finding.Kind):D4}\u0001{finding.Kind}\u0001{finding.Subject}\u0001{finding.Message}";
    }

    /// <summary>The source and container a finding is about: its work item's (from the key) or its source's (<c>github:acme/web</c>).</summary>
    private static (string? Source, string? Container) Where(FindingJson finding)
    {
        var subject = finding.Subject;
        if (subject.StartsWith("github:", StringComparison.Ordinal) || subject.StartsWith("jira:", StringComparison.Ordinal))
        {
            var colon = subject.IndexOf(':', StringComparison.Ordinal);
            return (subject[..colon], subject[(colon + 1)..]);
        }
        if (TrackerKeys.IsGitHubKey(subject))
        {
            return ("github", subject[..subject.LastIndexOf('#')]);
        }
        if (TrackerKeys.IsJiraKey(subject))
        {
            return ("jira", subject[..subject.LastIndexOf('-')]);
        }
        return (null, null);
    }

    private bool IsAssignee(string? assignee) =>
        Assignee is null || (assignee is null ? Assignee.Equals("unassigned", StringComparison.OrdinalIgnoreCase) : Assignee.Equals(assignee, StringComparison.OrdinalIgnoreCase));

    private static bool Is(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);

    private static string? One(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    private const string CursorPrefix = "v1\u0001";

    private static string EncodeCursor(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeCursor(string cursor)
    {
        var base64 = cursor.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal) ? text[CursorPrefix.Length..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>
/// One page of a list: <c>items</c>, how many there are on this page (<c>count</c>) and in all pages (<c>total</c>,
/// after filters), the <c>limit</c> asked for, and <c>nextCursor</c> (null on the last page). Stable: fields may be added,
/// never renamed or removed.
/// </summary>
public sealed record PageJson<T>(IReadOnlyList<T> Items, int Count, int Total, int? Limit, string? NextCursor);
