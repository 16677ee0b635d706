using System.Collections.Concurrent;

namespace OkrSync.Storage.Tables;

/// <summary>
/// Partitions this store found empty of the keys it looked up, and the keys it has inserted into them since. A key of
/// such a partition that this store has not inserted is new as far as anyone could tell, so it is written with
/// <c>Add</c> without reading first: a first sync of a repository costs one round of reads instead of one read per
/// 12 items. <c>Add</c> never overwrites, so a wrong guess (another writer inserted the key) is a 409 that falls back
/// to reading and deciding, and the partition stops being fresh. Keys this store did insert are always read, so a
/// repeated sync still writes nothing.
/// </summary>
internal sealed class FreshPartitions
{
    /// <summary>Above this many inserted keys a partition is no longer tracked (bounded memory); it is read as usual.</summary>
    public const int MaxTrackedKeys = 250_000;

    private readonly ConcurrentDictionary<string, Keys> inserted = new(StringComparer.Ordinal);

    public bool IsNew(string partitionKey, string rowKey) =>
        inserted.TryGetValue(partitionKey, out var keys) && !keys.Rows.ContainsKey(rowKey);

    /// <summary>After a lookup: a partition where none of the looked-up keys exist becomes fresh; one where some exist is not.</summary>
    public void Observe(string partitionKey, bool anyFound)
    {
        if (anyFound)
        {
            inserted.TryRemove(partitionKey, out _);
        }
        else
        {
            inserted.TryAdd(partitionKey, new Keys());
        }
    }

    public void Inserted(string partitionKey, string rowKey)
    {
        if (inserted.TryGetValue(partitionKey, out var keys) && keys.Rows.TryAdd(rowKey, 0)
            && Interlocked.Increment(ref keys.Count) > MaxTrackedKeys)
        {
            inserted.TryRemove(partitionKey, out _);
        }
    }

    /// <summary>Another writer got there first: read this partition from now on.</summary>
    public void Forget(string partitionKey) => inserted.TryRemove(partitionKey, out _);

    // ConcurrentDictionary.Count takes every lock of the dictionary: counted here instead (a 100,000-item sync spent
    // 0.36 s of CPU in Count).
    private sealed class Keys
    {
        public readonly ConcurrentDictionary<string, byte> Rows = new(StringComparer.Ordinal);
        public int Count;
    }
}
