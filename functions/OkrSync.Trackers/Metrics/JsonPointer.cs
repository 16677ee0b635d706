using System.Globalization;
using System.Text.Json;

namespace OkrSync.Trackers.Metrics;

/// <summary>RFC 6901 JSON Pointers: <c>/data/value</c>, <c>/series/0/y</c>; <c>~1</c> is <c>/</c> and <c>~0</c> is <c>~</c>.</summary>
internal static class JsonPointer
{
    /// <summary>The element at <paramref name="pointer"/>, or null with the first token that is not there.</summary>
    public static JsonElement? Find(JsonElement root, string pointer, out string? missing)
    {
        missing = null;
        var current = root;
        if (pointer.Length == 0)
        {
            return current;
        }
        var path = "";
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path += "/" + raw;
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(token, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else
            {
                missing = path;
                return null;
            }
        }
        return current;
    }
}
