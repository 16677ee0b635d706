using OkrSync.Core.Ports;
using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>Collects items from several sources; when two sources hold the same key, the later update wins.</summary>
public static class WorkItemSet
{
    public static async Task<IReadOnlyList<WorkItem>> ReadAllAsync(IEnumerable<IWorkSource> sources, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var byKey = new Dictionary<string, WorkItem>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            await foreach (var page in source.ReadAsync(null, cancellationToken))
            {
                foreach (var item in page.Items)
                {
                    if (!byKey.TryGetValue(item.Key, out var known) || item.Updated >= known.Updated)
                    {
                        byKey[item.Key] = item;
                    }
                }
            }
        }
        return [.. byKey.Values];
    }
}
