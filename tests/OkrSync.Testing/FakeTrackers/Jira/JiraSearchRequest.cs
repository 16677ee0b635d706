using System.Globalization;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Search parameters from the query string (GET) or the JSON body (POST).</summary>
internal sealed record JiraSearchRequest(string Jql, string? NextPageToken, int? StartAt, int? MaxResults, IReadOnlyList<string?> Fields)
{
    /// <summary>The request, or null when a POST body is not JSON.</summary>
    public static JiraSearchRequest? Read(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            var query = context.Request.Query;
            return new JiraSearchRequest(
                query["jql"].ToString(),
                string.IsNullOrEmpty(query["nextPageToken"]) ? null : query["nextPageToken"].ToString(),
                Number(query["startAt"]),
                Number(query["maxResults"]),
                [.. query["fields"]]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(FakeRequestPipeline.RequestBody(context) is { Length: > 0 } body ? body : "{}");
        }
        catch (JsonException)
        {
            return null;
        }

        using var owned = document;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new JiraSearchRequest(
            String(root, "jql") ?? string.Empty,
            String(root, "nextPageToken"),
            Int(root, "startAt"),
            Int(root, "maxResults"),
            root.TryGetProperty("fields", out var fields) && fields.ValueKind == JsonValueKind.Array
                ? [.. fields.EnumerateArray().Select(field => field.GetString())]
                : String(root, "fields") is { } list ? [list] : []);
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Int(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : null;
}
