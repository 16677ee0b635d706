using System.Net;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Testing.FakeTrackers.GitHub;
using static OkrSync.Functions.Tests.FakeTrackers.FakeTrackerHttp;

namespace OkrSync.Functions.Tests.FakeTrackers;

public sealed class FakeGitHubListTests
{
    private const string Repo = "acme/api";
    private const string ListPath = "repos/acme/api/issues?state=all&sort=updated&direction=asc&per_page=100";

    [Fact]
    public async Task ListIssues_FirstPage_HasNextAndLastLinksOnly()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 250 });
        using var client = GitHub(server);

        using var response = await client.GetAsync(ListPath);

        var links = Links(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["last", "next"], links.Keys.Order());
        Assert.EndsWith("page=2", links["next"], StringComparison.Ordinal);
        Assert.EndsWith("page=3", links["last"], StringComparison.Ordinal);
        Assert.Contains("/repositories/", links["next"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIssues_FollowingNextLinks_ReturnsEveryItemOnceSortedByUpdated()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 250 });
        using var client = GitHub(server);

        var (numbers, pages) = await ListAllAsync(client, ListPath);

        var expected = server.GetIssues(Repo).OrderBy(i => i.UpdatedAt).ThenBy(i => i.Number).Select(i => i.Number);
        Assert.Equal(3, pages);
        Assert.Equal(expected, numbers);
        Assert.Equal(3, server.Metrics.Requests(GitHubEndpoint.ListIssues));
    }

    [Fact]
    public async Task ListIssues_LastPage_HasPrevAndFirstLinksOnly()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 250 });
        using var client = GitHub(server);

        using var response = await client.GetAsync(ListPath + "&page=3");

        Assert.Equal(["first", "prev"], Links(response).Keys.Order());
        Assert.Equal(50, (await JsonAsync(response)).GetArrayLength());
    }

    [Fact]
    public async Task ListIssues_WithSince_ReturnsOnlyItemsUpdatedAtOrAfterIt()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = time });
        server.AddRepository(Repo);
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "old", UpdatedAt = Epoch.AddHours(-2) });
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "boundary", UpdatedAt = Epoch.AddHours(-1) });
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "new", UpdatedAt = Epoch });
        using var client = GitHub(server);

        using var response = await client.GetAsync(ListPath + "&since=" + Uri.EscapeDataString("2026-11-01T23:00:00Z"));

        var titles = (await JsonAsync(response)).EnumerateArray().Select(i => i.GetProperty("title").GetString());
        Assert.Equal(["boundary", "new"], titles);
    }

    [Fact]
    public async Task ListIssues_DefaultState_ListsOpenItemsOnly()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.AddRepository(Repo);
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "open" });
        server.AddIssue(Repo, new FakeGitHubIssue { Title = "closed", State = GitHubIssueState.Closed });
        using var client = GitHub(server);

        using var response = await client.GetAsync("repos/acme/api/issues");

        var titles = (await JsonAsync(response)).EnumerateArray().Select(i => i.GetProperty("title").GetString());
        Assert.Equal(["open"], titles);
    }

    [Fact]
    public async Task ListIssues_EnterpriseBase_ServesTheSameRoutesWithApiV3Urls()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 150 });
        using var client = GitHub(server, server.EnterpriseBaseUri);

        using var response = await client.GetAsync(ListPath);

        var first = (await JsonAsync(response))[0];
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(server.EnterpriseBaseUri + "repos/acme/api/issues/", first.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.StartsWith(server.EnterpriseBaseUri + "repositories/", Links(response)["next"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListIssues_TwentyThousandItems_TakesExactlyTwoHundredPages()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 20_000, RandomSeed = 7 });
        using var client = GitHub(server);

        var (numbers, pages) = await ListAllAsync(client, ListPath);

        Assert.Equal(200, pages);
        Assert.Equal(20_000, numbers.Distinct().Count());
        Assert.Equal(200, server.Metrics.Responses(GitHubEndpoint.ListIssues, 200));
    }
}
