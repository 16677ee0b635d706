using OkrSync.Core.Work;

namespace OkrSync.Pipeline;

/// <summary>
/// One copy of each string that repeats across the in-memory work items (container, type, status, milestone, parent
/// key, assignee, each label and component, and whole label and component lists), so that a working set of a million
/// items holds the few thousand distinct values once instead of once per item. Titles, keys and URLs are unique per
/// item and kept as they are. Safe to call from several threads; a pool lives as long as one load of the items.
/// </summary>
public sealed class ItemStrings
{
    private const char Separator = '\u001f';
    private readonly Lock gate = new();
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> lists = new(StringComparer.Ordinal);

    /// <summary>How many distinct strings the pool holds.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return strings.Count;
            }
        }
    }

    /// <summary>The item with its repeating strings replaced by the pool's copies (and without its body, which nothing in memory reads).</summary>
    public WorkItem Compact(WorkItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        lock (gate)
        {
            return item with
            {
                Container = One(item.Container),
                Type = One(item.Type),
                Status = One(item.Status),
                Milestone = OneOrNull(item.Milestone),
                ParentKey = OneOrNull(item.ParentKey),
                Assignee = OneOrNull(item.Assignee),
                AssigneeEmail = OneOrNull(item.AssigneeEmail),
                Labels = List(item.Labels),
                Components = List(item.Components),
                Body = null,
            };
        }
    }

    private string One(string value)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }
        if (strings.TryGetValue(value, out var known))
        {
            return known;
        }
        strings[value] = value;
        return value;
    }

    private string? OneOrNull(string? value) => value is null ? null : One(value);

    private IReadOnlyList<string> List(IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return [];
        }
        var key = values.Count == 1 ? values[0] : string.Join(Separator, values);
        if (lists.TryGetValue(key, out var known))
        {
            return known;
        }
        var list = new string[values.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = One(values[i]);
        }
        lists[values.Count == 1 ? list[0] : key] = list;
        return list;
    }
}
