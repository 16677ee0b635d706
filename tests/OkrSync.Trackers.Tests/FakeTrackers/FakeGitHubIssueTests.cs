using System.Net;
using System.Text.Json;
using OkrSync.Testing.FakeTrackers.GitHub;
using static OkrSync.Functions.Tests.FakeTrackers.FakeTrackerHttp;

namespace OkrSync.Functions.Tests.FakeTrackers;

public sealed class FakeGitHubIssueTests
{
    private const string Repo = "acme/api";

    [Fact]
    public async Task GetIssue_SubIssueClosedNotPlanned_HasDocumentedFields()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.AddRepository(Repo);
        server.AddMilestone(Repo, new FakeGitHubMilestone(1, "Q4"));
        var parent = server.AddIssue(Repo, new FakeGitHubIssue { Title = "Epic" });
        server.AddIssue(Repo, new FakeGitHubIssue
        {
            Title = "Child",
            State = GitHubIssueState.Closed,
            StateReason = GitHubStateReason.NotPlanned,
            Labels = ["bug"],
            Assignees = ["hubot"],
            Milestone = 1,
            Parent = new FakeIssueRef(Repo, parent.Number),
        });
        using var client = GitHub(server);

        var child = await JsonAsync(await client.GetAsync("repos/acme/api/issues/2"));

        Assert.True(child.GetProperty("id").GetInt64() > int.MaxValue);
        Assert.Equal("closed", child.GetProperty("state").GetString());
        Assert.Equal("not_planned", child.GetProperty("state_reason").GetString());
        Assert.Equal("bug", child.GetProperty("labels")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.String, child.GetProperty("labels")[0].GetProperty("color").ValueKind);
        Assert.Equal("hubot", child.GetProperty("assignee").GetProperty("login").GetString());
        Assert.Equal("Q4", child.GetProperty("milestone").GetProperty("title").GetString());
        Assert.Equal(server.BaseUri + "repos/acme/api/issues/1", child.GetProperty("parent_issue_url").GetString());
        Assert.False(child.TryGetProperty("pull_request", out _));
        Assert.Equal(JsonValueKind.String, child.GetProperty("closed_at").ValueKind);
    }

    [Fact]
    public async Task GetIssue_Parent_HasSubIssuesSummaryAndNoParentUrl()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.AddRepository(Repo);
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "Epic" });
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "Done", State = GitHubIssueState.Closed, Parent = new FakeIssueRef(Repo, 1) });
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "Open", Parent = new FakeIssueRef(Repo, 1) });
        using var client = GitHub(server);

        var epic = await JsonAsync(await client.GetAsync("repos/acme/api/issues/1"));

        var summary = epic.GetProperty("sub_issues_summary");
        Assert.Equal(2, summary.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.GetProperty("completed").GetInt32());
        Assert.Equal(50, summary.GetProperty("percent_completed").GetInt32());
        Assert.False(epic.TryGetProperty("parent_issue_url", out _));
    }

    [Fact]
    public async Task PullRequest_InIssueList_CarriesPullRequestKey()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.AddRepository(Repo);
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "PR", IsPullRequest = true });
        using var client = GitHub(server);

        var pull = (await JsonAsync(await client.GetAsync("repos/acme/api/issues?state=all")))[0];

        Assert.EndsWith("/repos/acme/api/pulls/1", pull.GetProperty("pull_request").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://github.com/acme/api/pull/1", pull.GetProperty("html_url").GetString());
    }

    [Fact]
    public async Task SubIssuesAndParentEndpoints_ReturnLinkedIssues()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.AddRepository(Repo);
        server.AddRepository("acme/web");
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "Epic" });
        server.AddIssue("acme/web", new FakeGitHubIssue { Title = "Cross-repo child", Parent = new FakeIssueRef(Repo, 1) });
        using var client = GitHub(server);

        var children = await JsonAsync(await client.GetAsync("repos/acme/api/issues/1/sub_issues"));
        var parent = await JsonAsync(await client.GetAsync("repos/acme/web/issues/1/parent"));
        using var orphan = await client.GetAsync("repos/acme/api/issues/1/parent");

        Assert.Equal("Cross-repo child", children[0].GetProperty("title").GetString());
        Assert.Equal("Epic", parent.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, orphan.StatusCode);
    }

    [Fact]
    public async Task DeleteIssue_DisappearsFromListAndGetAnswers410()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 5 });
        using var client = GitHub(server);

        server.DeleteIssue(Repo, 4);

        var (numbers, _) = await ListAllAsync(client, "repos/acme/api/issues?state=all");
        using var gone = await client.GetAsync("repos/acme/api/issues/4");
        Assert.DoesNotContain(4, numbers);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    [Fact]
    public async Task TransferIssue_MovesItAndOldNumberAnswers301ToTheNewPlace()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 3 });
        server.AddRepository("acme/web");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.BaseUri };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("token", FakeGitHubOptions.DefaultToken);

        var moved = server.TransferIssue(Repo, 2, "acme/web");

        using var redirect = await client.GetAsync("repos/acme/api/issues/2");
        var followed = await JsonAsync(await client.GetAsync(redirect.Headers.Location));
        var (numbers, _) = await ListAllAsync(client, "repos/acme/api/issues?state=all");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal(moved.Number, followed.GetProperty("number").GetInt32());
        Assert.Equal(server.BaseUri + "repos/acme/web/issues/" + moved.Number, followed.GetProperty("url").GetString());
        Assert.DoesNotContain(2, numbers);
    }

    [Fact]
    public async Task SeedRepository_SameOptions_GeneratesTheSameVarietyOfIssues()
    {
        var options = new GitHubSeedOptions { Count = 2000, RandomSeed = 3 };

        var first = await SeedAsync(options);
        var second = await SeedAsync(options);

        Assert.Equal(first.Select(i => (i.Title, i.State, i.UpdatedAt, i.Parent)), second.Select(i => (i.Title, i.State, i.UpdatedAt, i.Parent)));
        Assert.Contains(first, i => i.IsPullRequest);
        Assert.Contains(first, i => i.StateReason == GitHubStateReason.NotPlanned);
        Assert.Contains(first, i => i.Parent is not null);
        Assert.Contains(first, i => i.Milestone is not null && i.Labels.Count > 0 && i.Assignees.Count > 0);
    }

    private static async Task<IReadOnlyList<FakeGitHubIssue>> SeedAsync(GitHubSeedOptions options)
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, options with { From = Epoch.AddDays(-30), To = Epoch });
        return server.GetIssues(Repo);
    }
}
