using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;

namespace OkrSync.Functions.Tests.FakeTrackers;

/// <summary>Plain HttpClient helpers for the fake tracker tests.</summary>
internal static partial class FakeTrackerHttp
{
    public static readonly DateTimeOffset Epoch = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    public static HttpClient GitHub(FakeGitHubServer server, Uri? baseUri = null, string? token = FakeGitHubOptions.DefaultToken)
    {
        var client = new HttpClient { BaseAddress = baseUri ?? server.BaseUri };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("okrsync-tests/1.0");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("token", token);
        }

        return client;
    }

    public static HttpClient Jira(FakeJiraServer server)
    {
        var client = new HttpClient { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(server.AuthorizationHeader);
        return client;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) =>
        await client.PostAsync(path, new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));

    /// <summary>The relations of a GitHub <c>Link</c> header (rel to URL); empty without one.</summary>
    public static IReadOnlyDictionary<string, string> Links(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return new Dictionary<string, string>();
        }

        return LinkPart().Matches(string.Join(", ", values)).ToDictionary(m => m.Groups["rel"].Value, m => m.Groups["url"].Value);
    }

    public static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : string.Empty;

    /// <summary>Follows <c>rel="next"</c> from a first path; returns every issue number in order and the number of pages.</summary>
    public static async Task<(List<int> Numbers, int Pages)> ListAllAsync(HttpClient client, string firstPath)
    {
        var numbers = new List<int>();
        var pages = 0;
        for (string? next = firstPath; next is not null; pages++)
        {
            using var response = await client.GetAsync(next);
            response.EnsureSuccessStatusCode();
            numbers.AddRange((await JsonAsync(response)).EnumerateArray().Select(issue => issue.GetProperty("number").GetInt32()));
            next = Links(response).GetValueOrDefault("next");
        }

        return (numbers, pages);
    }

    [GeneratedRegex("<(?<url>[^>]+)>;\\s*rel=\"(?<rel>[a-z]+)\"")]
    private static partial Regex LinkPart();
}
