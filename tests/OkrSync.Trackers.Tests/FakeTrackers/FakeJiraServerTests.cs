using System.Net;
using System.Net.Http.Headers;
using OkrSync.Testing.FakeTrackers;
using OkrSync.Testing.FakeTrackers.Jira;
using static OkrSync.Functions.Tests.FakeTrackers.FakeTrackerHttp;

namespace OkrSync.Functions.Tests.FakeTrackers;

public sealed class FakeJiraServerTests
{
    [Fact]
    public async Task Request_WithWrongApiToken_Answers401()
    {
        await using var server = await FakeJiraServer.StartAsync();
        using var client = new HttpClient { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("okrsync-bot@example.com:wrong"u8.ToArray()));

        using var response = await client.GetAsync("rest/api/3/myself");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, (await JsonAsync(response)).GetProperty("errorMessages").GetArrayLength());
    }

    [Fact]
    public async Task Myself_ReportsTheConfiguredTimeZone()
    {
        await using var server = await FakeJiraServer.StartAsync(new FakeJiraOptions { TimeZone = "America/New_York" });
        using var client = Jira(server);

        var myself = await JsonAsync(await client.GetAsync("rest/api/3/myself"));

        Assert.Equal("America/New_York", myself.GetProperty("timeZone").GetString());
        Assert.Equal(server.Options.AccountId, myself.GetProperty("accountId").GetString());
    }

    [Fact]
    public async Task Field_ListsTheStoryPointsFieldWithItsCustomSchema()
    {
        await using var server = await FakeJiraServer.StartAsync();
        using var client = Jira(server);

        var fields = await JsonAsync(await client.GetAsync("rest/api/3/field"));

        var points = fields.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Story point estimate");
        Assert.Equal("customfield_10016", points.GetProperty("id").GetString());
        Assert.Equal("com.pyxis.greenhopper.jira:jsw-story-points", points.GetProperty("schema").GetProperty("custom").GetString());
    }

    [Fact]
    public async Task GetIssue_ChildOfEpicWontDo_HasParentResolutionAndStoryPoints()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.AddProject("OKR");
        server.AddIssue(new FakeJiraIssue { Project = "OKR", Summary = "Epic", IssueType = "Epic" });
        server.AddIssue(new FakeJiraIssue
        {
            Project = "OKR",
            Summary = "Story",
            ParentKey = "OKR-1",
            Status = "Done",
            StatusCategory = JiraStatusCategory.Done,
            Resolution = "Won't Do",
            StoryPoints = 5,
            Assignee = new FakeJiraUser("abc", "Mia", "mia@example.com"),
        });
        using var client = Jira(server);

        var fields = (await JsonAsync(await client.GetAsync("rest/api/3/issue/OKR-2"))).GetProperty("fields");

        Assert.Equal("OKR-1", fields.GetProperty("parent").GetProperty("key").GetString());
        Assert.Equal("Won't Do", fields.GetProperty("resolution").GetProperty("name").GetString());
        Assert.Equal("done", fields.GetProperty("status").GetProperty("statusCategory").GetProperty("key").GetString());
        Assert.Equal(5, fields.GetProperty("customfield_10016").GetDouble());
        Assert.Equal("abc", fields.GetProperty("assignee").GetProperty("accountId").GetString());
        Assert.EndsWith("+0900", fields.GetProperty("resolutiondate").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteIssue_LeavesSearchAndGetAnswers404()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 5 });
        using var client = Jira(server);

        server.DeleteIssue("OKR-3");

        var search = await JsonAsync(await client.GetAsync("rest/api/3/search/jql?jql=project%3DOKR&fields=summary"));
        using var gone = await client.GetAsync("rest/api/3/issue/OKR-3");
        Assert.DoesNotContain("OKR-3", search.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task MoveIssue_OldKeyStillResolvesToTheNewKey()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 2 });
        server.AddProject("NEW");
        using var client = Jira(server);

        server.MoveIssue("OKR-2", "NEW");

        var issue = await JsonAsync(await client.GetAsync("rest/api/3/issue/OKR-2?fields=summary"));
        Assert.Equal("NEW-1", issue.GetProperty("key").GetString());
    }

    [Fact]
    public async Task DataCenterSearch_PagesWithStartAtAndTotalUnderBearerAuth()
    {
        await using var server = await FakeJiraServer.StartAsync(new FakeJiraOptions { Deployment = JiraDeployment.DataCenter });
        server.SeedProject("OKR", new JiraSeedOptions { Count = 120 });
        using var client = Jira(server);

        var page = await JsonAsync(await client.GetAsync("rest/api/2/search?jql=project%3DOKR&startAt=100&maxResults=100&fields=summary"));

        Assert.StartsWith("Bearer ", server.AuthorizationHeader, StringComparison.Ordinal);
        Assert.Equal(120, page.GetProperty("total").GetInt32());
        Assert.Equal(100, page.GetProperty("startAt").GetInt32());
        Assert.Equal(20, page.GetProperty("issues").GetArrayLength());
    }

    [Fact]
    public async Task CloudOldSearch_Answers410Gone()
    {
        await using var server = await FakeJiraServer.StartAsync();
        using var client = Jira(server);

        using var response = await client.GetAsync("rest/api/3/search?jql=project%3DOKR");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task ScheduledTooManyRequests_Answers429WithRetryAfter()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.Faults = new FaultOptions { RetryAfter = TimeSpan.FromSeconds(1) };
        server.ScheduleFault(FaultKind.TooManyRequests, JiraEndpoint.Myself);
        using var client = Jira(server);

        using var response = await client.GetAsync("rest/api/3/myself");

        Assert.Equal((HttpStatusCode)429, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Equal(1, server.Metrics.Faults(JiraEndpoint.Myself));
    }

    [Fact]
    public async Task SeedProject_GeneratesEpicsChildrenWontDoAndEstimates()
    {
        var issues = await SeedAsync();

        Assert.Contains(issues, i => i.IssueType == "Epic");
        Assert.Contains(issues, i => i.ParentKey is not null && i.IssueType != "Subtask");
        Assert.Contains(issues, i => i.IssueType == "Subtask" && i.ParentKey is not null);
        Assert.Contains(issues, i => i.Resolution == "Won't Do");
        Assert.Contains(issues, i => i.StoryPoints is not null && i.Assignee is not null);
    }

    private static async Task<IReadOnlyList<FakeJiraIssue>> SeedAsync()
    {
        await using var server = await FakeJiraServer.StartAsync();
        server.SeedProject("OKR", new JiraSeedOptions { Count = 1000, RandomSeed = 9 });
        return server.GetIssues("OKR");
    }
}
