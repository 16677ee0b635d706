using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Testing.FakeTrackers.Jira;
using static OkrSync.Functions.Tests.FakeTrackers.FakeTrackerHttp;

namespace OkrSync.Functions.Tests.FakeTrackers;

public sealed class FakeJiraSearchTests
{
    private const string SearchPath = "rest/api/3/search/jql";
    private static readonly string[] SyncFields = ["summary", "updated"];

    [Fact]
    public async Task SearchJql_FollowingNextPageToken_ReturnsEveryIssueOnceUntilIsLast()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 250 });
        using var client = Jira(server);

        var pages = await SearchAllAsync(client, "project = OKR ORDER BY updated ASC, key ASC");

        Assert.Equal([100, 100, 50], pages.Select(p => p.GetProperty("issues").GetArrayLength()));
        Assert.Equal([false, false, true], pages.Select(p => p.GetProperty("isLast").GetBoolean()));
        Assert.False(pages[^1].TryGetProperty("nextPageToken", out _));
        var keys = pages.SelectMany(p => p.GetProperty("issues").EnumerateArray()).Select(i => i.GetProperty("key").GetString());
        var expected = server.GetIssues("OKR").OrderBy(i => i.Updated).ThenBy(i => i.Id).Select(i => i.Key);
        Assert.Equal(expected, keys);
        Assert.Equal(3, server.Metrics.Requests(JiraEndpoint.SearchJql));
    }

    [Fact]
    public async Task SearchJql_MaxResultsAbove100WithFields_IsCappedAt100()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 150 });
        using var client = Jira(server);

        using var response = await PostJsonAsync(client, SearchPath, new { jql = "project = OKR", maxResults = 500, fields = SyncFields });

        Assert.Equal(100, (await JsonAsync(response)).GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task SearchJql_WithoutFields_ReturnsIdsOnly()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 3 });
        using var client = Jira(server);

        using var response = await client.GetAsync(SearchPath + "?jql=project%3DOKR");

        var issue = (await JsonAsync(response)).GetProperty("issues")[0];
        Assert.Equal(["id"], issue.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task SearchJql_WithFields_ReturnsOnlyThoseFields()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 3 });
        using var client = Jira(server);

        using var response = await client.GetAsync(SearchPath + "?jql=project%3DOKR&fields=summary,status");

        var fields = (await JsonAsync(response)).GetProperty("issues")[0].GetProperty("fields");
        Assert.Equal(["summary", "status"], fields.EnumerateObject().Select(p => p.Name));
        Assert.Contains(fields.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString(), (string[])["new", "indeterminate", "done"]);
    }

    [Fact]
    public async Task SearchJql_UpdatedClause_IsReadInTheUsersTimeZoneToTheMinute()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var server = await FakeJiraServer.StartAsync(new FakeJiraOptions { TimeProvider = time, TimeZone = "Asia/Tokyo" });
        server.AddProject("OKR");
        server.AddIssue(new FakeJiraIssue { Project = "OKR", Summary = "09:14:59 JST", Created = Epoch.AddMinutes(14).AddSeconds(59) });
        server.AddIssue(new FakeJiraIssue { Project = "OKR", Summary = "09:15:27 JST", Created = Epoch.AddMinutes(15).AddSeconds(27) });
        using var client = Jira(server);

        using var response = await PostJsonAsync(client, SearchPath, new
        {
            jql = "project in (OKR) AND updated >= \"2026-11-02 09:15\" ORDER BY updated ASC, key ASC",
            fields = SyncFields,
        });

        var issue = Assert.Single((await JsonAsync(response)).GetProperty("issues").EnumerateArray());
        Assert.Equal("09:15:27 JST", issue.GetProperty("fields").GetProperty("summary").GetString());
        Assert.Equal("2026-11-02T09:15:27.000+0900", issue.GetProperty("fields").GetProperty("updated").GetString());
    }

    [Fact]
    public async Task SearchJql_ProjectIn_FiltersProjectsAndOrdersByUpdatedThenKey()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.AddProject("A");
        server.AddProject("B");
        server.AddProject("C");
        server.AddIssue(new FakeJiraIssue { Project = "B", Summary = "b1", Created = Epoch });
        server.AddIssue(new FakeJiraIssue { Project = "A", Summary = "a1", Created = Epoch });
        server.AddIssue(new FakeJiraIssue { Project = "C", Summary = "c1", Created = Epoch.AddMinutes(-1) });
        server.AddIssue(new FakeJiraIssue { Project = "A", Summary = "a2", Created = Epoch.AddMinutes(-1) });
        using var client = Jira(server);

        using var response = await PostJsonAsync(client, SearchPath, new { jql = "project in (A, B) ORDER BY updated ASC, key ASC", fields = SyncFields });

        var keys = (await JsonAsync(response)).GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString());
        Assert.Equal(["A-2", "A-1", "B-1"], keys);
    }

    [Theory]
    [InlineData("project = OKR AND", "Error in the JQL Query")]
    [InlineData("project = NOPE", "The value 'NOPE' does not exist for the field 'project'.")]
    [InlineData("project = OKR AND updated >= \"2026-11-02 09:15:00\"", "Date value '2026-11-02 09:15:00' for field 'updated' is invalid.")]
    [InlineData("ORDER BY updated ASC", "Unbounded JQL queries are not allowed here.")]
    public async Task SearchJql_JqlItCannotRun_Answers400WithJiraErrorShape(string jql, string message)
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.AddProject("OKR");
        using var client = Jira(server);

        using var response = await PostJsonAsync(client, SearchPath, new { jql });

        var body = await JsonAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(message, body.GetProperty("errorMessages")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task SearchJql_TwentyThousandIssues_TakesExactlyTwoHundredPages()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 20_000, RandomSeed = 5 });
        using var client = Jira(server);

        var pages = await SearchAllAsync(client, "project in (OKR) ORDER BY updated ASC, key ASC");

        Assert.Equal(200, pages.Count);
        Assert.Equal(20_000, pages.SelectMany(p => p.GetProperty("issues").EnumerateArray()).Select(i => i.GetProperty("id").GetString()).Distinct().Count());
    }

    private static async Task<List<JsonElement>> SearchAllAsync(HttpClient client, string jql)
    {
        var pages = new List<JsonElement>();
        string? token = null;
        do
        {
            using var response = await PostJsonAsync(client, SearchPath, new { jql, nextPageToken = token, maxResults = 100, fields = SyncFields });
            response.EnsureSuccessStatusCode();
            var page = await JsonAsync(response);
            pages.Add(page);
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);
        return pages;
    }
}
