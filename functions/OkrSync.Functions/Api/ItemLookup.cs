using OkrSync.Core.Alignment;
using OkrSync.Core.Ports;
using OkrSync.Core.Reports;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Api;

/// <summary>
/// One stored item, aligned: the item and its ancestors (an item inherits its parent's initiatives) are read from the
/// store and aligned together, so the answer matches what the full report says about the item.
/// </summary>
internal static class ItemLookup
{
    private const int MaxDepth = 32;

    public static async Task<WorkItemJson?> FindAsync(IWorkStore store, StrategyIndex strategy, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await store.GetItemAsync(key, cancellationToken) is not { } item)
        {
            return null;
        }
        var chain = new List<WorkItem> { item };
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { item.Key };
        for (var parentKey = item.ParentKey; parentKey is not null && chain.Count < MaxDepth && seen.Add(parentKey);)
        {
            var parent = await store.GetItemAsync(parentKey, cancellationToken);
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
    /// The key from the path: GitHub keys (<c>acme/web#12</c>) arrive URL-encoded (<c>acme%2Fweb%2312</c>), and the
    /// server leaves <c>%2F</c> encoded in the path, so the captured value is decoded once more.
    /// </summary>
    public static string DecodeKey(string captured) => Uri.UnescapeDataString(captured ?? "");
}
