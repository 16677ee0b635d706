using System.Text.Json;
using OkrSync.Core.Work;

namespace OkrSync.Trackers.Files;

/// <summary>
/// Reads tracker exports: JSON values back to back (as <c>gh api --paginate</c> prints them), arrays of arrays
/// (<c>--slurp</c>), and Jira search pages (<c>{"issues":[...]}</c>), alone, back to back or in an array.
/// Every problem is reported with the file, the line and column, and the reason.
/// </summary>
internal static class JsonExportReader
{
    public static List<WorkItem> Read(byte[] json, string file, Func<JsonElement, WorkItem> map)
    {
        var items = new List<WorkItem>();
        var values = 0;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                values++;
                ReadValue(ref reader, json, file, map, items, depth: 0);
            }
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new SourceFormatException($"{file}:{line}:{column}", $"invalid JSON: {FirstSentence(e.Message)}", e);
        }
        if (values == 0)
        {
            // An export with no issues is "[]"; an empty file is a failed or unfinished export, not zero items.
            throw new SourceFormatException($"{file}:1:1", json.Length == 0
                ? "the export is empty (0 bytes): expected a JSON array of issues ([] when there are none)"
                : "the export holds no JSON value: expected a JSON array of issues ([] when there are none)");
        }
        return items;
    }

    /// <summary>Whether a top-level object is an issue itself (it has an id, a number or a key), rather than a wrapper such as <c>{"items":[...]}</c>.</summary>
    private static bool LooksLikeAnIssue(JsonElement root) =>
        root.TryGetProperty("id", out _) || root.TryGetProperty("number", out _) || root.TryGetProperty("key", out _);

    private static void ReadValue(ref Utf8JsonReader reader, byte[] json, string file, Func<JsonElement, WorkItem> map, List<WorkItem> items, int depth)
    {
        var start = reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray when depth < 2:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    ReadValue(ref reader, json, file, map, items, depth + 1);
                }
                return;
            case JsonTokenType.StartObject:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    var root = document.RootElement;
                    if (root.TryGetProperty("issues", out var issues) && issues.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var issue in issues.EnumerateArray())
                        {
                            items.Add(MapAt(issue, json, start, $"issues[{index++}]", file, map));
                        }
                    }
                    else if (depth == 0 && !LooksLikeAnIssue(root))
                    {
                        var keys = string.Join(", ", root.EnumerateObject().Take(5).Select(p => $"'{p.Name}'"));
                        throw new SourceFormatException(Where(file, json, start), $"expected a JSON array of issues, found an object{(keys.Length == 0 ? "" : $" with {keys}")} (a GitHub export is what 'gh api --paginate repos/O/R/issues' prints; a Jira export is search pages {{\"issues\":[...]}})");
                    }
                    else
                    {
                        items.Add(MapAt(root, json, start, null, file, map));
                    }
                }
                return;
            default:
                throw new SourceFormatException(Where(file, json, start), $"expected an issue object or an array of issues, found {Describe(reader.TokenType)}");
        }
    }

    private static WorkItem MapAt(JsonElement issue, byte[] json, long start, string? path, string file, Func<JsonElement, WorkItem> map)
    {
        try
        {
            return map(issue);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            var which = path is null ? "" : $" ({path})";
            throw new SourceFormatException(Where(file, json, start) + which, e.Message, e);
        }
    }

    private static string Where(string file, byte[] json, long offset)
    {
        int line = 1, column = 1;
        for (var i = 0; i < offset && i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else if ((json[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return $"{file}:{line}:{column}";
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "arrays nested too deep",
        _ => token.ToString(),
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
