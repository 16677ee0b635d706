using OkrSync.Core.Work;

namespace OkrSync.Core.Digest;

/// <summary>Links into the trackers, derived from an item's own URL (so GitHub Enterprise and Jira Data Center work too).</summary>
public static class TrackerLinks
{
    /// <summary>The most keys one search link names; past it there is no link (a URL that long is refused by servers).</summary>
    public const int MaxKeysInSearch = 100;

    /// <summary>
    /// A search in the tracker for exactly <paramref name="items"/> (the orphans an e-mail could not list), not for all open
    /// work: for Jira, <c>key in (ONB-7, ONB-9)</c> on the items' site. GitHub's search has no filter by issue number, so
    /// GitHub items get no link (set <c>OkrSync:Mail:ReportUrl</c> to the app's orphan list instead). Null without a link.
    /// </summary>
    public static string? ItemSearch(IReadOnlyList<WorkItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0 || items.Count > MaxKeysInSearch || items[0].Url is not { Length: > 0 } first)
        {
            return null;
        }
        var browse = first.IndexOf("/browse/", StringComparison.Ordinal);
        if (browse <= 0 || !Uri.TryCreate(first, UriKind.Absolute, out _))
        {
            return null;
        }
        var site = first[..browse];
        if (items.Any(i => i.Url is null || !i.Url.StartsWith(site + "/browse/", StringComparison.Ordinal)))
        {
            return null;
        }
        var jql = $"key in ({string.Join(", ", items.Select(i => i.Key).Order(StringComparer.Ordinal))}) ORDER BY created ASC";
        return $"{site}/issues/?jql={Uri.EscapeDataString(jql)}";
    }

    /// <summary>
    /// The tracker's search for the open work of one repository or Jira project, given the URL of one of its items:
    /// <c>https://github.com/o/r/issues/1</c> gives the repository's open issues, oldest first;
    /// <c>https://acme.atlassian.net/browse/ONB-1</c> gives a JQL search of project ONB's open work. Null when the URL says neither.
    /// </summary>
    public static string? OpenWorkSearch(string container, string? itemUrl)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (string.IsNullOrEmpty(itemUrl) || !Uri.TryCreate(itemUrl, UriKind.Absolute, out _))
        {
            return null;
        }
        var browse = itemUrl.IndexOf("/browse/", StringComparison.Ordinal);
        if (browse > 0)
        {
            var jql = $"project = \"{container}\" AND statusCategory != Done ORDER BY created ASC";
            return $"{itemUrl[..browse]}/issues/?jql={Uri.EscapeDataString(jql)}";
        }
        var repository = itemUrl.IndexOf($"/{container}/", StringComparison.OrdinalIgnoreCase);
        if (repository > 0 && container.Contains('/', StringComparison.Ordinal))
        {
            return $"{itemUrl[..(repository + container.Length + 1)]}/issues?q={Uri.EscapeDataString("is:issue is:open sort:created-asc")}";
        }
        return null;
    }
}
