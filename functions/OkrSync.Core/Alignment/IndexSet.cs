namespace OkrSync.Core.Alignment;

/// <summary>
/// Sorted, duplicate-free arrays of small integers (initiative or not-doing indexes). Arrays are shared and
/// never mutated, so an item that matches exactly what its parent matches reuses the parent's array.
/// </summary>
internal static class IndexSet
{
    public static readonly int[] Empty = [];

    public static int[] Union(int[] a, int[] b)
    {
        if (b.Length == 0 || ReferenceEquals(a, b))
        {
            return a;
        }
        if (a.Length == 0)
        {
            return b;
        }
        if (a.Length == 1 && b.Length == 1)
        {
            return a[0] == b[0] ? a : a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
        }
        var merged = new List<int>(a.Length + b.Length);
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            var next = j >= b.Length || (i < a.Length && a[i] <= b[j]) ? a[i] : b[j];
            if (i < a.Length && a[i] == next) i++;
            if (j < b.Length && b[j] == next) j++;
            merged.Add(next);
        }
        return merged.Count == a.Length ? a : merged.Count == b.Length ? b : [.. merged];
    }

    public static int[] Of(IEnumerable<int> values)
    {
        var array = values.Distinct().Order().ToArray();
        return array.Length == 0 ? Empty : array;
    }
}
