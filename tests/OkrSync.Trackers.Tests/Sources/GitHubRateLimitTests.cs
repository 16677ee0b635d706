using System.Net;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;
using OkrSync.Trackers.Http;
using Polly;

namespace OkrSync.Functions.Tests.Sources;

public sealed class GitHubRateLimitTests
{
    private const string Repo = "acme/web";
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TooManyRequestsWithRetryAfter_WaitsThatLongThenSucceeds()
    {
        var clock = new InstantTimeProvider(Start);
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions
        {
            TimeProvider = clock,
            Faults = new FaultOptions { RetryAfter = TimeSpan.FromSeconds(30) },
        });
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = 150 });
        github.ScheduleFault(FaultKind.TooManyRequests, GitHubEndpoint.ListIssues);
        await using var harness = ConnectorHarness.Create(clock, github);
        var store = new InMemoryWorkStore();

        var report = await harness.Engine(store).SyncAsync(harness.Sources.Create([new SourceSpec(SourceSpec.GitHub, Repo)]));

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(150, store.Count);
        Assert.Equal([TimeSpan.FromSeconds(30)], clock.Waits);
        Assert.Equal(1, github.Metrics.TooManyRequests);
    }

    [Fact]
    public async Task PrimaryLimitExhausted_WaitsUntilTheResetThenFinishes()
    {
        var clock = new InstantTimeProvider(Start);
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { TimeProvider = clock, RateLimit = 3 });
        github.SeedRepository(Repo, new GitHubSeedOptions { Count = 450 });
        await using var harness = ConnectorHarness.Create(clock, github);
        var store = new InMemoryWorkStore();

        var report = await harness.Engine(store).SyncAsync(harness.Sources.Create([new SourceSpec(SourceSpec.GitHub, Repo)]));

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(450, store.Count);
        var wait = Assert.Single(clock.Waits, w => w > TimeSpan.FromMinutes(1));
        Assert.InRange(wait, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task SecondaryLimitWithoutHeaders_BacksOffExponentiallyFromOneMinute()
    {
        var policy = TrackerRetryPolicy.GitHub;
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden)
        {
            Content = new StringContent("""{"message":"You have exceeded a secondary rate limit."}"""),
        };
        var outcome = Outcome.FromResult(response);

        var retry = await policy.ShouldRetryAsync(outcome, CancellationToken.None);
        var delays = new[]
        {
            await policy.DelayAsync(outcome, 0, Start, CancellationToken.None),
            await policy.DelayAsync(outcome, 1, Start, CancellationToken.None),
            await policy.DelayAsync(outcome, 2, Start, CancellationToken.None),
        };

        Assert.True(retry);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4)], delays);
    }

    [Fact]
    public async Task ForbiddenWithoutRateLimitSigns_IsNotRetried()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden) { Content = new StringContent("""{"message":"Resource not accessible by integration"}""") };

        var retry = await TrackerRetryPolicy.GitHub.ShouldRetryAsync(Outcome.FromResult(response), CancellationToken.None);

        Assert.False(retry);
    }

    [Fact]
    public async Task RateLimitedWithResetHeader_WaitsUntilTheReset()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Forbidden);
        response.Headers.Add("x-ratelimit-remaining", "0");
        response.Headers.Add("x-ratelimit-reset", Start.AddMinutes(10).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var delay = await TrackerRetryPolicy.GitHub.DelayAsync(Outcome.FromResult(response), 0, Start, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1), delay);
    }
}
