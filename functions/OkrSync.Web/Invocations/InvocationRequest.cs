using System.Globalization;
using System.Text.Json;

namespace OkrSync.Web.Invocations;

/// <summary>
/// The Functions host's invocation payload for non-HTTP triggers: <c>{"Data": {binding: value}, "Metadata": {...}}</c>.
/// The host serialises strings twice and numbers as strings (see the functions-contract notes), so the readers
/// here unwrap leniently.
/// </summary>
internal sealed record InvocationRequest(IReadOnlyDictionary<string, JsonElement> Data, IReadOnlyDictionary<string, JsonElement> Metadata)
{
    public static InvocationRequest Empty { get; } = new(new Dictionary<string, JsonElement>(), new Dictionary<string, JsonElement>());

    /// <exception cref="FormatException">The body is not an invocation payload.</exception>
    public static InvocationRequest Parse(string body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the invocation payload is not JSON: {e.Message}", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the invocation payload must be a JSON object with Data and Metadata");
            }
            return new InvocationRequest(Section(document.RootElement, "Data"), Section(document.RootElement, "Metadata"));
        }
    }

    /// <summary>The text of a string-valued binding: a double-encoded JSON string is unwrapped once; an object is its raw JSON.</summary>
    public string? Text(string binding) => Data.TryGetValue(binding, out var value) ? Unwrap(value) : null;

    /// <summary>A metadata scalar as text, with the host's extra quotes removed (<c>"\"guid\""</c> to <c>guid</c>).</summary>
    public string? MetadataText(string key) => Metadata.TryGetValue(key, out var value) ? Unwrap(value) : null;

    /// <summary>A metadata number sent as a number or as a string (<c>"DequeueCount": "1"</c>).</summary>
    public long? MetadataNumber(string key) =>
        Metadata.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number
        : long.TryParse(MetadataText(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : null;

    /// <summary>A metadata time (<c>InsertionTime</c>), or null.</summary>
    public DateTimeOffset? MetadataTime(string key) =>
        DateTimeOffset.TryParse(MetadataText(key), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    public static string Unwrap(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value.GetRawText();
        }
        var text = value.GetString() ?? "";
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            try
            {
                using var inner = JsonDocument.Parse(text);
                if (inner.RootElement.ValueKind == JsonValueKind.String)
                {
                    return inner.RootElement.GetString() ?? "";
                }
            }
            catch (JsonException)
            {
                // Not a JSON string literal after all: the text is the value.
            }
        }
        return text;
    }

    private static Dictionary<string, JsonElement> Section(JsonElement root, string name)
    {
        var section = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in root.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in property.Value.EnumerateObject())
                {
                    section[entry.Name] = entry.Value.Clone();
                }
            }
        }
        return section;
    }
}
