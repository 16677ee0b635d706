using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Web.Api;

/// <summary>
/// One stored item, aligned: the item and its ancestors (an item inherits its parent's initiatives) are read from the
/// store and aligned together, so the answer matches what the full report says about the item.
/// </summary>
internal static class ItemLookup
{
    private const int MaxDepth = 32;

    public static async Task<WorkItemJson?> FindAsync(IItemStore items, StrategyIndex strategy, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (await items.GetItemAsync(key, cancellationToken) is not { } item)
        {
            return null;
        }
        var chain = new List<WorkItem> { item };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { item.Key };
        for (var parentKey = item.ParentKey; parentKey is not null && chain.Count < MaxDepth && seen.Add(parentKey);)
        {
            var parent = await items.GetItemAsync(parentKey, cancellationToken);
            if (parent is null)
            {
                break;
            }
            chain.Add(parent);
            parentKey = parent.ParentKey;
        }
        var options = new AlignmentOptions(IncludePullRequests: item.IsPullRequest);
        return Aligner.Align(strategy, chain, options).First(a => string.Equals(a.Item.Key, item.Key, StringComparison.OrdinalIgnoreCase)).ToJson();
    }

    /// <summary>
    /// The key from the request target as the client sent it (<paramref name="rawTarget"/>): the text after
    /// <c>/api/items/</c>, before any query, percent-decoded exactly once. GitHub keys arrive encoded
    /// (<c>acme%2Fweb%2312</c> is <c>acme/web#12</c>), and <c>acme%252Fweb%252312</c> is the literal key
    /// <c>acme%2Fweb%2312</c>. The server's route value cannot be used as is: it is already decoded, except
    /// <c>%2F</c>, so decoding it again would decode twice. Only when the target does not spell the prefix out
    /// (<c>/api/%69tems/...</c>) is the route value used, with its <c>%2F</c> decoded.
    /// </summary>
    public static string KeyFromTarget(string? rawTarget, string captured)
    {
        const string Prefix = "/api/items/";
        var path = rawTarget ?? "";
        if (path.IndexOf('?', StringComparison.Ordinal) is var query and >= 0)
        {
            path = path[..query];
        }
        var at = path.IndexOf(Prefix, StringComparison.OrdinalIgnoreCase);
        return at >= 0
            ? Uri.UnescapeDataString(path[(at + Prefix.Length)..])
            : (captured ?? "").Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
    }
}
