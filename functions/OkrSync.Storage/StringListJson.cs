using System.Text.Encodings.Web;
using System.Text.Json;

namespace OkrSync.Storage;

/// <summary>Label and component lists as one JSON array string (one property, one column).</summary>
internal static class StringListJson
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = Encoder };

    public static string Serialize(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    public static IReadOnlyList<string> Deserialize(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e => e.GetString() ?? "")];
    }

    /// <summary>
    /// The longest prefix of the list whose JSON has at most <paramref name="maxChars"/> characters; an entry that alone
    /// is too long is cut. Returns the same list when it already fits.
    /// </summary>
    public static IReadOnlyList<string> Fit(IReadOnlyList<string> values, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(values);
        var budget = maxChars - 2; // [ ]
        var kept = new List<string>(values.Count);
        var changed = false;
        foreach (var value in values)
        {
            var separator = kept.Count == 0 ? 0 : 1;
            var cost = EncodedLength(value) + 2 + separator;
            if (cost <= budget)
            {
                kept.Add(value);
                budget -= cost;
                continue;
            }

            if (kept.Count == 0)
            {
                // A single giant entry: cut it until its encoding fits (escapes can make the encoding longer than the text).
                var cut = value[..Math.Min(value.Length, budget - 2)];
                while (cut.Length > 0 && EncodedLength(cut) + 2 > budget)
                {
                    cut = cut[..(cut.Length * 3 / 4)];
                }

                if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
                {
                    cut = cut[..^1];
                }

                kept.Add(cut);
            }

            changed = true;
            break;
        }

        return changed ? kept : values;
    }

    private static int EncodedLength(string value) => JsonEncodedText.Encode(value, Encoder).Value.Length;
}
