using System.Globalization;
using System.Text.Json;

namespace OkrSync.Trackers;

/// <summary>Lenient, explicit reads of tracker JSON: a missing or null property is null; a wrong type is an error.</summary>
internal static class JsonFields
{
    public static JsonElement? Property(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(this JsonElement element, string name) => element.Property(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => throw new JsonFieldException(name, "must be a string"),
    };

    public static string RequiredString(this JsonElement element, string name) =>
        element.String(name) ?? throw new JsonFieldException(name, "is missing");

    /// <summary>A finite number: <c>1e400</c> (infinite as a double) and <c>"NaN"</c> are errors, not values.</summary>
    public static double? Number(this JsonElement element, string name) => element.Property(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetDouble(out var d) && double.IsFinite(d) => d,
        { ValueKind: JsonValueKind.String } value when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        _ => throw new JsonFieldException(name, "must be a finite number"),
    };

    public static IEnumerable<JsonElement> Array(this JsonElement element, string name) => element.Property(name) switch
    {
        null => [],
        { ValueKind: JsonValueKind.Array } value => value.EnumerateArray(),
        _ => throw new JsonFieldException(name, "must be an array"),
    };

    public static DateTimeOffset? Time(this JsonElement element, string name)
    {
        var text = element.String(name);
        return text is null ? null : TrackerTime.Parse(text, name);
    }
}
