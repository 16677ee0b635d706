using System.Collections;

namespace OkrSync.Core.Reports;

/// <summary>
/// A list changed in place, one element at a time, whose snapshots cost nothing to take: the elements live in chunks of
/// <see cref="ChunkSize"/>; a snapshot shares them, and a chunk shared with a snapshot is copied before its next
/// change. So a report over a million items takes its lists without copying them, and an event that changes one
/// element copies one chunk. Order: appended at the end; removing moves the last element into the hole.
/// Not thread-safe for writers; snapshots are immutable and may be read from any thread.
/// </summary>
internal sealed class SnapshotList<T>
    where T : class
{
    private const int Shift = 12;

    /// <summary>Elements per chunk: 4,096 references, 32 KB, below the large object heap.</summary>
    public const int ChunkSize = 1 << Shift;

    private const int Mask = ChunkSize - 1;

    private T[][] chunks = [];
    private bool[] shared = [];

    public int Count { get; private set; }

    public T this[int index] => chunks[index >> Shift][index & Mask];

    /// <summary>Appends <paramref name="item"/>; returns its index.</summary>
    public int Add(T item)
    {
        var chunk = Count >> Shift;
        if (chunk == chunks.Length)
        {
            Array.Resize(ref chunks, Math.Max(4, chunks.Length * 2));
            Array.Resize(ref shared, chunks.Length);
        }
        chunks[chunk] ??= new T[ChunkSize];
        Write(Count, item);
        return Count++;
    }

    public void Set(int index, T item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        Write(index, item);
    }

    /// <summary>
    /// Removes the element at <paramref name="index"/> by moving the last one into its place; returns the moved element
    /// (now at <paramref name="index"/>), or null when the last one was removed.
    /// </summary>
    public T? RemoveAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        var last = Count - 1;
        T? moved = null;
        if (index != last)
        {
            moved = this[last];
            Write(index, moved);
        }
        Write(last, null!);
        Count--;
        return moved;
    }

    /// <summary>The elements as they are now, unaffected by later changes.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        var used = (Count + Mask) >> Shift;
        var taken = new T[used][];
        Array.Copy(chunks, taken, used);
        Array.Fill(shared, true, 0, used);
        return new View(taken, Count);
    }

    private void Write(int index, T value)
    {
        var chunk = index >> Shift;
        if (shared[chunk])
        {
            chunks[chunk] = (T[])chunks[chunk].Clone();
            shared[chunk] = false;
        }
        chunks[chunk][index & Mask] = value;
    }

    /// <summary>
    /// The index ranges, in order, where snapshots <paramref name="a"/> and <paramref name="b"/> may hold different
    /// elements: a chunk both share is unchanged between them (a shared chunk is copied before it changes, an append
    /// included), and whatever lies past the shorter one's end differs. Lists that are not two snapshots: one range.
    /// </summary>
    internal static IEnumerable<(int Start, int Count)> Unshared(IReadOnlyList<T> a, IReadOnlyList<T> b)
    {
        var longer = Math.Max(a.Count, b.Count);
        if (a is not View x || b is not View y)
        {
            if (longer > 0)
            {
                yield return (0, longer);
            }
            yield break;
        }
        var common = Math.Min(x.Count, y.Count);
        for (var chunk = 0; chunk << Shift < common; chunk++)
        {
            if (!ReferenceEquals(x.Chunks[chunk], y.Chunks[chunk]))
            {
                var start = chunk << Shift;
                yield return (start, Math.Min(ChunkSize, common - start));
            }
        }
        if (longer > common)
        {
            yield return (common, longer - common);
        }
    }

    private sealed class View(T[][] chunks, int count) : IReadOnlyList<T>
    {
        public T[][] Chunks => chunks;

        public T this[int index] => (uint)index < (uint)count ? chunks[index >> Shift][index & Mask] : throw new ArgumentOutOfRangeException(nameof(index));

        public int Count => count;

        public IEnumerator<T> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return chunks[i >> Shift][i & Mask];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Several lists read as one, in order, without copying them.</summary>
internal sealed class ConcatenatedList<T>(params IReadOnlyList<T>[] parts) : IReadOnlyList<T>
{
    public int Count { get; } = parts.Sum(p => p.Count);

    /// <summary>The lists joined, in order.</summary>
    public IReadOnlyList<IReadOnlyList<T>> Parts => parts;

    /// <summary>
    /// Which of <see cref="Parts"/> hold findings about single work items only (orphaned, contradicting), never one on
    /// the strategy, so that <see cref="StrategyFindings"/> can pass them by unread; none unless the joiner says so.
    /// </summary>
    public IReadOnlySet<int> AboutItems { get; init; } = new HashSet<int>();

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
            foreach (var part in parts)
            {
                if (index < part.Count)
                {
                    return part[index];
                }
                index -= part.Count;
            }
            throw new ArgumentOutOfRangeException(nameof(index));
        }
    }

    public IEnumerator<T> GetEnumerator()
    {
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Count; i++)
            {
                yield return part[i];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
