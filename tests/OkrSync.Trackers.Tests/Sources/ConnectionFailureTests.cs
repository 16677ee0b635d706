using System.Diagnostics;
using System.Net.Sockets;
using OkrSync.Testing.Connectors;
using OkrSync.Testing.FakeTrackers;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Testing.Fakes;
using OkrSync.Trackers;
using OkrSync.Trackers.Http;
using Polly;

namespace OkrSync.Functions.Tests.Sources;

/// <summary>
/// How a source fails when its tracker cannot be talked to: at once, with the cause and the URL. Real HTTP on
/// loopback; retry waits run on an instant clock, request timeouts on the real one (they measure the network).
/// </summary>
public sealed class ConnectionFailureTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("github")]
    [InlineData("jira")]
    public async Task TrackerThatNeverAnswers_FailsAfterTheConfiguredRequestTimeoutNamingIt(string tracker)
    {
        var hang = new FaultOptions { Probability = 1, Kinds = [FaultKind.SlowResponse], SlowResponseDelay = TimeSpan.FromMinutes(10) };
        await using var github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { Faults = hang });
        await using var jira = await FakeJiraServer.StartAsync(new FakeJiraOptions { Faults = hang });
        github.AddRepository("acme/web");
        jira.AddProject("ONB");
        var timeout = new Dictionary<string, string?> { ["OkrSync:GitHub:RequestTimeout"] = "00:00:00.300", ["OkrSync:Jira:RequestTimeout"] = "00:00:00.300" };
        await using var harness = ConnectorHarness.Create(new InstantTimeProvider(Start), github, jira, timeout);
        var spec = tracker == "github" ? new SourceSpec(SourceSpec.GitHub, "acme/web") : new SourceSpec(SourceSpec.Jira, "ONB");
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // ends the test on code that waits 100 s
        var started = Stopwatch.GetTimestamp();

        var report = await harness.Engine(new InMemoryWorkStore()).SyncAsync(harness.Sources.Create([spec]), cancellationToken: guard.Token);

        var elapsed = Stopwatch.GetElapsedTime(started);
        var error = Assert.Single(report.Sources).Error;
        Assert.NotNull(error);
        Assert.Contains("no response within 0.3 s", error, StringComparison.Ordinal);
        Assert.Contains((tracker == "github" ? github.BaseUri : jira.BaseUri).AbsoluteUri, error, StringComparison.Ordinal);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed}");
    }

    [Fact]
    public async Task HttpsToAPlainHttpTracker_FailsOnceNamingTls()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        var https = new UriBuilder(github.BaseUri) { Scheme = "https" }.Uri.AbsoluteUri;
        await using var harness = ConnectorHarness.Create(new InstantTimeProvider(Start), overrides: new Dictionary<string, string?>
        {
            ["OkrSync:GitHub:BaseUrl"] = https,
            ["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken,
        });

        var report = await harness.Engine(new InMemoryWorkStore()).SyncAsync(harness.Sources.Create([new SourceSpec(SourceSpec.GitHub, "acme/web")]));

        var source = Assert.Single(report.Sources);
        Assert.NotNull(source.Error);
        Assert.StartsWith("TLS", source.Error, StringComparison.Ordinal);
        Assert.Contains($"{https}repos/acme/web/issues", source.Error, StringComparison.Ordinal);
        Assert.Equal(1, source.ApiCalls);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, SocketError.ConnectionRefused, ConnectionFailure.Refused)]
    [InlineData(HttpRequestError.ConnectionError, SocketError.HostUnreachable, ConnectionFailure.Unreachable)]
    [InlineData(HttpRequestError.NameResolutionError, SocketError.HostNotFound, ConnectionFailure.NameNotResolved)]
    [InlineData(HttpRequestError.SecureConnectionError, SocketError.Success, ConnectionFailure.Tls)]
    public void TransportError_IsToldByItsCause(HttpRequestError error, SocketError socket, ConnectionFailure expected)
    {
        var exception = new HttpRequestException(error, "as the socket handler says", new SocketException((int)socket));

        var failure = TrackerConnectionException.Classify(exception);

        Assert.Equal(expected, failure);
    }

    [Fact]
    public void ResponseCutShort_IsNotAConnectionFailure()
    {
        var failure = TrackerConnectionException.Classify(new HttpRequestException(HttpRequestError.ResponseEnded, "ended"));

        Assert.Null(failure);
    }

    [Theory]
    [InlineData(ConnectionFailure.Refused, 3, 7)]
    [InlineData(ConnectionFailure.NameNotResolved, 3, 7)]
    [InlineData(ConnectionFailure.Timeout, 1, 1)]
    [InlineData(ConnectionFailure.Tls, 0, 0)]
    public async Task DefaultPolicy_RetriesAnUnreachableTrackerBrieflyThenGivesUp(ConnectionFailure failure, int retries, int secondsWaited)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/repos/acme/web/issues?state=all");
        var outcome = Outcome.FromException<HttpResponseMessage>(TrackerConnectionException.For(failure, request, TimeSpan.FromSeconds(30), new HttpRequestException()));
        var policy = TrackerRetryPolicy.GitHub;

        var retried = 0;
        var waited = TimeSpan.Zero;
        while (retried < 20 && await policy.ShouldRetryAsync(outcome, retried, CancellationToken.None))
        {
            waited += await policy.DelayAsync(outcome, retried, Start, CancellationToken.None);
            retried++;
        }

        Assert.Equal((retries, TimeSpan.FromSeconds(secondsWaited)), (retried, waited));
        Assert.EndsWith(": GET http://127.0.0.1:9/repos/acme/web/issues", outcome.Exception!.Message.Split(" (")[0], StringComparison.Ordinal);
    }
}
