namespace OkrSync.Core.Digest;

/// <summary>Links into the trackers, derived from an item's own URL (so GitHub Enterprise and Jira Data Center work too).</summary>
public static class TrackerLinks
{
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
