using System.Globalization;
using System.Text.Json;
using OkrSync.Pipeline.Sync;
using OkrSync.Trackers.Http;

namespace OkrSync.Trackers.Jira;

/// <summary>
/// Typed HttpClient for the Jira REST calls a sync needs: <c>/myself</c> (time zone), <c>/field</c> (story points),
/// and search (Cloud: <c>/rest/api/3/search/jql</c> with <c>nextPageToken</c>; Data Center: <c>/rest/api/2/search</c>
/// with <c>startAt</c>). Auth, retries and rate limits are set up once in the client's pipeline.
/// </summary>
public sealed class JiraClient(HttpClient http, JiraOptions options)
{
    private string Api => options.Deployment == JiraDeployment.Cloud ? "rest/api/3" : "rest/api/2";

    /// <summary>The querying user's time zone id (IANA, e.g. <c>America/Los_Angeles</c>), or null when Jira gives none.</summary>
    public async Task<string?> GetTimeZoneIdAsync(ApiUsage usage, CancellationToken cancellationToken = default)
    {
        using var document = await GetJsonAsync($"{Api}/myself", usage, "/myself", cancellationToken);
        return document.RootElement.String("timeZone");
    }

    /// <summary>The story points field id: the Jira Software estimate field, else a field named "Story Points" / "Story point estimate".</summary>
    public async Task<string?> FindStoryPointsFieldAsync(ApiUsage usage, CancellationToken cancellationToken = default)
    {
        using var document = await GetJsonAsync($"{Api}/field", usage, "/field", cancellationToken);
        var fields = document.RootElement.EnumerateArray().ToList();
        return fields.FirstOrDefault(f => f.Property("schema")?.String("custom") == "com.pyxis.greenhopper.jira:jsw-story-points").String("id")
            ?? fields.FirstOrDefault(f => f.String("name") is { } name
                && (name.Equals("Story Points", StringComparison.OrdinalIgnoreCase) || name.Equals("Story point estimate", StringComparison.OrdinalIgnoreCase)))
                .String("id");
    }

    /// <summary>One search page. <paramref name="nextPageToken"/> (Cloud) or <paramref name="startAt"/> (Data Center) picks the page.</summary>
    public Task<JsonDocument> SearchAsync(string jql, IReadOnlyList<string> fields, string? nextPageToken, int startAt, ApiUsage usage, CancellationToken cancellationToken = default)
    {
        var query = $"jql={Uri.EscapeDataString(jql)}&maxResults={options.PageSize.ToString(CultureInfo.InvariantCulture)}&fields={Uri.EscapeDataString(string.Join(',', fields))}";
        var path = options.Deployment == JiraDeployment.Cloud
            ? $"rest/api/3/search/jql?{query}" + (nextPageToken is null ? "" : $"&nextPageToken={Uri.EscapeDataString(nextPageToken)}")
            : $"rest/api/2/search?{query}&startAt={startAt.ToString(CultureInfo.InvariantCulture)}";
        return GetJsonAsync(path, usage, "the issue search", cancellationToken);
    }

    /// <summary>One issue (<c>GET /issue/{key}?fields=...</c>), or null when Jira has no such issue (deleted or not visible).</summary>
    public async Task<JsonDocument?> GetIssueAsync(string key, IReadOnlyList<string> fields, ApiUsage usage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(usage);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/issue/{Uri.EscapeDataString(key)}?fields={Uri.EscapeDataString(string.Join(',', fields))}");
        usage.Attach(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        await JiraErrors.EnsureSuccessAsync(response, $"issue {key}", cancellationToken);
        return await JsonBody.ParseAsync(response.Content, cancellationToken);
    }

    private async Task<JsonDocument> GetJsonAsync(string path, ApiUsage usage, string what, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        usage.Attach(request);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await JiraErrors.EnsureSuccessAsync(response, what, cancellationToken);
        return await JsonBody.ParseAsync(response.Content, cancellationToken);
    }
}
