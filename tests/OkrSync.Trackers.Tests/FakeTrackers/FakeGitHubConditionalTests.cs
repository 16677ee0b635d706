using System.Net;
using Microsoft.Extensions.Time.Testing;
using OkrSync.Testing.FakeTrackers.GitHub;
using static OkrSync.Functions.Tests.FakeTrackers.FakeTrackerHttp;

namespace OkrSync.Functions.Tests.FakeTrackers;

public sealed class FakeGitHubConditionalTests
{
    private const string Repo = "acme/api";
    private const string ListPath = "repos/acme/api/issues?state=all&sort=updated&direction=asc&per_page=100";

    [Fact]
    public async Task ListIssues_Response_CarriesWeakETagAndRateLimitHeaders()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 10 });
        using var client = GitHub(server);

        using var response = await client.GetAsync(ListPath);

        Assert.StartsWith("W/\"", response.Headers.ETag?.ToString(), StringComparison.Ordinal);
        Assert.Equal("5000", Header(response, "x-ratelimit-limit"));
        Assert.Equal("4999", Header(response, "x-ratelimit-remaining"));
        Assert.Equal("1", Header(response, "x-ratelimit-used"));
        Assert.Equal("core", Header(response, "x-ratelimit-resource"));
        Assert.True(long.Parse(Header(response, "x-ratelimit-reset"), System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task ListIssues_IfNoneMatchWithCurrentETag_Answers304WithoutBodyOrCharge()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 10 });
        using var client = GitHub(server);
        using var first = await client.GetAsync(ListPath);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, ListPath);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("4999", Header(response, "x-ratelimit-remaining"));
        Assert.Equal(1, server.Metrics.NotModified);
        Assert.True(server.Metrics.RecordedRequests[^1].Conditional);
    }

    [Fact]
    public async Task ListIssues_IfNoneMatchAfterAnUpdate_Answers200WithNewETag()
    {
        var time = new FakeTimeProvider(Epoch);
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = time });
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 10 });
        using var client = GitHub(server);
        using var first = await client.GetAsync(ListPath);
        time.Advance(TimeSpan.FromMinutes(5));
        server.SetLabels(Repo, 3, "okr:activation");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, ListPath);
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(conditional);

        var last = (await JsonAsync(response)).EnumerateArray().Last();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(first.Headers.ETag, response.Headers.ETag);
        Assert.Equal(3, last.GetProperty("number").GetInt32());
        Assert.Equal("2026-11-02T00:05:00Z", last.GetProperty("updated_at").GetString());
    }

    [Fact]
    public async Task GetIssue_IfNoneMatchWithCurrentETag_Answers304()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 3 });
        using var client = GitHub(server);
        using var first = await client.GetAsync("repos/acme/api/issues/2");
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "repos/acme/api/issues/2");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(conditional);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task ListIssues_RateLimitSpent_Answers403WithZeroRemaining()
    {
        await using var server = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { RateLimit = 2 });
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 3 });
        using var client = GitHub(server);
        (await client.GetAsync(ListPath)).Dispose();
        (await client.GetAsync(ListPath)).Dispose();

        using var response = await client.GetAsync(ListPath);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("0", Header(response, "x-ratelimit-remaining"));
        Assert.Contains("rate limit exceeded", (await JsonAsync(response)).GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task RateLimit_Endpoint_ReportsCoreUsageWithoutCharging()
    {
        await using var server = await FakeGitHubServer.StartAsync();
        server.SeedRepository(Repo, new GitHubSeedOptions { Count = 3 });
        using var client = GitHub(server);
        (await client.GetAsync(ListPath)).Dispose();

        using var response = await client.GetAsync("rate_limit");

        var core = (await JsonAsync(response)).GetProperty("resources").GetProperty("core");
        Assert.Equal(1, core.GetProperty("used").GetInt32());
        Assert.Equal(4999, core.GetProperty("remaining").GetInt32());
    }
}
