using System.Text;

namespace OkrSync.Testing.FakeTrackers;

/// <summary>FNV-1a 64-bit: stable across processes (unlike string.GetHashCode), for derived ids and colors.</summary>
internal static class StableHash
{
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }

    /// <summary>A positive id in [1, range].</summary>
    public static long Id(string text, long range) => (long)(Of(text) % (ulong)range) + 1;
}
