using System.Net;
using System.Text.Json;
using OkrSync.Testing.FakeTrackers;
using OkrSync.Testing.FakeTrackers.GitHub;
using static OkrSync.Functions.Tests.FakeTrackers.FakeTrackerHttp;

namespace OkrSync.Functions.Tests.FakeTrackers;

public sealed class FakeGitHubFaultTests
{
    private const string Repo = "acme/api";
    private const string ListPath = "repos/acme/api/issues?state=all&sort=updated&direction=asc&per_page=100";

    [Fact]
    public async Task ScheduledTooManyRequests_Answers429WithRetryAfterOnce()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 5 });
        server.Faults = new FaultOptions { RetryAfter = TimeSpan.FromSeconds(2) };
        server.ScheduleFault(FaultKind.TooManyRequests, GitHubEndpoint.ListIssues);
        using var client = GitHub(server);

        using var limited = await client.GetAsync(ListPath);
        using var retried = await client.GetAsync(ListPath);

        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), limited.Headers.RetryAfter?.Delta);
        Assert.Equal("0", Header(limited, "x-ratelimit-remaining"));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, server.Metrics.TooManyRequests);
    }

    [Fact]
    public async Task ScheduledSecondaryRateLimit_Answers403WithRetryAfter()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 5 });
        server.ScheduleFault(FaultKind.SecondaryRateLimit);
        using var client = GitHub(server);

        using var response = await client.GetAsync(ListPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(TimeSpan.Zero, response.Headers.RetryAfter?.Delta);
        Assert.Contains("secondary rate limit", (await JsonAsync(response)).GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FaultKind.InternalServerError, 500)]
    [InlineData(FaultKind.BadGateway, 502)]
    [InlineData(FaultKind.ServiceUnavailable, 503)]
    public async Task ScheduledServerError_AnswersItsStatus(FaultKind kind, int status)
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 5 });
        server.ScheduleFault(kind);
        using var client = GitHub(server);

        using var response = await client.GetAsync(ListPath);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Theory]
    [InlineData(FaultKind.ConnectionReset)]
    [InlineData(FaultKind.TruncatedThenReset)]
    public async Task ScheduledReset_FailsTheRequest(FaultKind kind)
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 5 });
        server.ScheduleFault(kind);
        using var client = GitHub(server);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => client.GetAsync(ListPath));
    }

    [Fact]
    public async Task ScheduledTruncatedJson_Answers200WithUnparsableBody()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 5 });
        server.ScheduleFault(FaultKind.TruncatedJson);
        using var client = GitHub(server);

        using var response = await client.GetAsync(ListPath);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Assert.ThrowsAnyAsync<JsonException>(() => JsonAsync(response));
    }

    [Fact]
    public async Task RandomFaults_RetriedListing_EqualsFaultFreeListing()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 1000 });
        using var client = GitHub(server);
        var faultFree = await ListAllAsync(client, ListPath);
        server.Faults = new FaultOptions { Probability = 0.3, Seed = 11 };

        var faulty = await ListWithRetriesAsync(client, ListPath);

        Assert.Equal(faultFree.Numbers, faulty);
        Assert.True(server.Metrics.FaultsInjected > 0);
        Assert.Equal(1000, server.GetIssues(Repo).Count);
    }

    private static async Task<List<int>> ListWithRetriesAsync(HttpClient client, string firstPath)
    {
        var numbers = new List<int>();
        for (string? next = firstPath; next is not null;)
        {
            try
            {
                using var response = await client.GetAsync(next);
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                numbers.AddRange((await JsonAsync(response)).EnumerateArray().Select(issue => issue.GetProperty("number").GetInt32()));
                next = Links(response).GetValueOrDefault("next");
            }
            catch (Exception exception) when (exception is HttpRequestException or JsonException)
            {
            }
        }

        return numbers;
    }
}
