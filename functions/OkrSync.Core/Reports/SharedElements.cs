namespace OkrSync.Core.Reports;

/// <summary>
/// Where two of the live report's long lists (two reports' findings, or their work items) may differ, found without
/// reading the parts they share: successive reports take their lists as snapshots of the same chunked lists, so an
/// event that changed one item leaves all but a chunk or two the very same arrays. Lists made otherwise are one range.
/// </summary>
public static class SharedElements
{
    /// <summary>
    /// The index ranges, in order and not overlapping, outside which <paramref name="a"/> and <paramref name="b"/> hold
    /// the same instances at the same indexes; past the shorter list's end, everything of the longer one.
    /// </summary>
    public static IEnumerable<(int Start, int Count)> Unshared<T>(IReadOnlyList<T> a, IReadOnlyList<T> b)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (ReferenceEquals(a, b))
        {
            yield break;
        }
        if (a is not ConcatenatedList<T> x || b is not ConcatenatedList<T> y || x.Parts.Count != y.Parts.Count)
        {
            // Two snapshots of one chunked list, or lists made otherwise (then one range, the whole).
            foreach (var range in SnapshotList<T>.Unshared(a, b))
            {
                yield return range;
            }
            yield break;
        }
        var offset = 0;
        for (var i = 0; i < x.Parts.Count; i++)
        {
            var (p, q) = (x.Parts[i], y.Parts[i]);
            if (p.Count != q.Count)
            {
                // The parts after this one start at different indexes: from the shorter one's end, all of it differs.
                var common = Math.Min(p.Count, q.Count);
                foreach (var (start, count) in SnapshotList<T>.Unshared(p, q))
                {
                    if (start < common)
                    {
                        yield return (offset + start, Math.Min(count, common - start));
                    }
                }
                yield return (offset + common, Math.Max(a.Count, b.Count) - offset - common);
                yield break;
            }
            if (!ReferenceEquals(p, q))
            {
                foreach (var (start, count) in SnapshotList<T>.Unshared(p, q))
                {
                    yield return (offset + start, count);
                }
            }
            offset += p.Count;
        }
    }
}
