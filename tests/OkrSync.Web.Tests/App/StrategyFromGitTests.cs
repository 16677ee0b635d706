using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary>
/// <c>OkrSync:StrategySource</c> = <c>github:OWNER/REPO/PATH@REF</c>, against the fake GitHub's contents and commits
/// endpoints: read at the scheduled sync (conditionally), reloaded on a signed <c>push</c> that touches the file, and a
/// rejected version that keeps the last good one and raises <c>strategy-invalid</c>.
/// </summary>
public sealed class StrategyFromGitTests
{
    private const string Repository = "acme/strategy";
    private const string FilePath = "okr/strategy.yaml";
    private const string Source = "github:acme/strategy/okr/strategy.yaml@main";

    [Fact]
    public async Task ScheduledSync_ReadsTheStrategyFromTheContentsEndpointAndReportsTheCommitOfTheFile()
    {
        await using var github = await StartGitHubAsync();
        var first = github.CommitFile(Repository, "main", FilePath, Strategy("Acme from git"));
        github.CommitFile(Repository, "main", "README.md", "# Strategy\n"); // a later commit that does not touch the file
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Settings(github));

        var logs = await ScheduledSyncAsync(app);

        Assert.Contains($"strategy: {Source} loaded at commit {first.Sha}", logs);
        Assert.Equal("Acme from git", (await app.GetJsonAsync("/api/strategy")).GetProperty("name").GetString());
        Assert.Equal(first.Sha, (await app.GetJsonAsync("/api/rollup")).GetProperty("strategyCommit").GetString());
        var read = Assert.Single(github.Metrics.RecordedRequests, r => r.Endpoint == GitHubEndpoint.GetContent);
        Assert.Equal("/repos/acme/strategy/contents/okr/strategy.yaml?ref=main", read.PathAndQuery);
        Assert.Equal(1, github.Metrics.Responses(GitHubEndpoint.ListCommits, 200));
    }

    [Fact]
    public async Task UnchangedStrategy_NextSyncIsA304AndKeepsTheCachedVersion()
    {
        await using var github = await StartGitHubAsync();
        var first = github.CommitFile(Repository, "main", FilePath, Strategy("Acme from git"));
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Settings(github));
        await ScheduledSyncAsync(app);
        github.Metrics.Reset();

        var logs = await ScheduledSyncAsync(app);

        Assert.Contains($"strategy: {Source} unchanged", logs);
        var read = Assert.Single(github.Metrics.RecordedRequests, r => r.Endpoint == GitHubEndpoint.GetContent);
        Assert.True(read.Conditional, "the read carries If-None-Match");
        Assert.Equal(304, read.StatusCode);
        Assert.Equal(0, github.Metrics.Requests(GitHubEndpoint.ListCommits));
        Assert.Equal(first.Sha, (await app.GetJsonAsync("/api/rollup")).GetProperty("strategyCommit").GetString());
    }

    [Fact]
    public async Task SignedPushTouchingTheFile_ReloadsTheStrategyAndRecomputesTheReportAtOnce()
    {
        await using var github = await StartGitHubAsync();
        github.CommitFile(Repository, "main", FilePath, Strategy("Acme from git"));
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Settings(github));
        await ScheduledSyncAsync(app);
        var second = github.CommitFile(Repository, "main", FilePath, Strategy("Acme, second version"));

        var response = await app.Client.PostGitHubAsync("push", Push("refs/heads/main", second.Sha, modified: [FilePath]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("strategy-reloaded", body.GetProperty("status").GetString());
        Assert.Equal("Acme, second version", (await app.GetJsonAsync("/api/strategy")).GetProperty("name").GetString());
        Assert.Equal(second.Sha, (await app.GetJsonAsync("/api/rollup")).GetProperty("strategyCommit").GetString());
    }

    [Fact]
    public async Task PushToAnotherBranchOrNotTouchingTheFile_DoesNotReadTheStrategy()
    {
        await using var github = await StartGitHubAsync();
        var first = github.CommitFile(Repository, "main", FilePath, Strategy("Acme from git"));
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Settings(github));
        await ScheduledSyncAsync(app);
        var feature = github.CommitFile(Repository, "feature/next", FilePath, Strategy("Acme on a branch"));
        var readme = github.CommitFile(Repository, "main", "README.md", "# Strategy\n");
        github.Metrics.Reset();

        var otherBranch = await app.Client.PostGitHubAsync("push", Push("refs/heads/feature/next", feature.Sha, modified: [FilePath]));
        var otherFile = await app.Client.PostGitHubAsync("push", Push("refs/heads/main", readme.Sha, modified: ["README.md"]));
        var otherRepository = await app.Client.PostGitHubAsync("push", Push("refs/heads/main", readme.Sha, modified: [FilePath], repository: "acme/web"));

        Assert.All([otherBranch, otherFile, otherRepository], r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        Assert.Equal(0, github.Metrics.Requests(GitHubEndpoint.GetContent));
        Assert.Equal("Acme from git", (await app.GetJsonAsync("/api/strategy")).GetProperty("name").GetString());
        Assert.Equal(first.Sha, (await app.GetJsonAsync("/api/rollup")).GetProperty("strategyCommit").GetString());
    }

    [Fact]
    public async Task InvalidVersion_IsRejectedTheLastGoodStaysAndStrategyInvalidNamesTheCommitAndTheErrors()
    {
        await using var github = await StartGitHubAsync();
        var good = github.CommitFile(Repository, "main", FilePath, Strategy("Acme from git"));
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Settings(github));
        await ScheduledSyncAsync(app);
        var bad = github.CommitFile(Repository, "main", FilePath, Strategy("Acme broken").Replace("id: activation", "id: self-serve", StringComparison.Ordinal));

        var response = await app.Client.PostGitHubAsync("push", Push("refs/heads/main", bad.Sha, modified: [FilePath]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("strategy-checked", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("Acme from git", (await app.GetJsonAsync("/api/strategy")).GetProperty("name").GetString());
        var rollup = await app.GetJsonAsync("/api/rollup");
        Assert.Equal(good.Sha, rollup.GetProperty("strategyCommit").GetString());
        var finding = Assert.Single((await app.GetJsonAsync("/api/findings")).EnumerateArray(), f => f.GetProperty("kind").GetString() == "strategy-invalid");
        var message = finding.GetProperty("message").GetString()!;
        Assert.Contains(bad.Sha, message, StringComparison.Ordinal);
        Assert.Contains($"last good version (commit {good.Sha}) stays", message, StringComparison.Ordinal);
        Assert.Matches(@"okr/strategy\.yaml:\d+:\d+: error duplicate-id", message);
        Assert.Contains(rollup.GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "strategy-invalid");

        // The rejected version is not read again while unchanged; the next good version clears the finding.
        var fixedVersion = github.CommitFile(Repository, "main", FilePath, Strategy("Acme fixed"));
        await app.Client.PostGitHubAsync("push", Push("refs/heads/main", fixedVersion.Sha, modified: [FilePath]));
        Assert.Equal(fixedVersion.Sha, (await app.GetJsonAsync("/api/rollup")).GetProperty("strategyCommit").GetString());
        Assert.DoesNotContain((await app.GetJsonAsync("/api/findings")).EnumerateArray(), f => f.GetProperty("kind").GetString() == "strategy-invalid");
    }

    [Fact]
    public async Task RejectedVersionUnchanged_NextSyncIsA304AndTheFindingStays()
    {
        await using var github = await StartGitHubAsync();
        github.CommitFile(Repository, "main", FilePath, Strategy("Acme from git"));
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Settings(github));
        await ScheduledSyncAsync(app);
        var bad = github.CommitFile(Repository, "main", FilePath, "bets: [\n");
        var rejected = await ScheduledSyncAsync(app);
        github.Metrics.Reset();

        var again = await ScheduledSyncAsync(app);

        Assert.Contains(rejected, l => l.StartsWith($"strategy: strategy-invalid: commit {bad.Sha} rejected", StringComparison.Ordinal));
        Assert.Contains($"strategy: {Source} unchanged", again);
        Assert.Equal(1, github.Metrics.Responses(GitHubEndpoint.GetContent, 304));
        Assert.Contains((await app.GetJsonAsync("/api/findings")).EnumerateArray(), f => f.GetProperty("kind").GetString() == "strategy-invalid");
    }

    [Fact]
    public async Task SourceUnreachableAndNothingCached_HealthSaysWhyWithoutAStackTrace()
    {
        await using var github = await StartGitHubAsync();
        var settings = Settings(github);
        settings["OkrSync:StrategySource"] = "github:acme/strategy/okr/missing.yaml@main";
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, settings);

        var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        var strategy = await app.Client.GetAsync(new Uri("/api/strategy", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        var reason = Assert.Single(health.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("strategy:", StringComparison.Ordinal)).GetString()!;
        Assert.Contains("github:acme/strategy/okr/missing.yaml@main", reason, StringComparison.Ordinal);
        Assert.Contains("GitHub answered 404", reason, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, strategy.StatusCode);
        Assert.DoesNotContain(" at OkrSync.", await strategy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("github:acme/strategy.yaml@main")]
    [InlineData("github:acme/strategy/strategy.yaml")]
    [InlineData("github:acme/strategy/strategy.yaml@")]
    [InlineData("github:acme//strategy.yaml@main")]
    public async Task MalformedGitSource_StopsTheStartNamingTheSetting(string value)
    {
        var settings = new Dictionary<string, string?> { ["OkrSync:StrategySource"] = value };

        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await AppHarness.StartAsync(AppMode.EndpointsOnly, settings));

        Assert.Contains("OkrSync:StrategySource", error.Message, StringComparison.Ordinal);
        Assert.Contains("github:OWNER/REPO/PATH@REF", error.Message, StringComparison.Ordinal);
    }

    private static async Task<FakeGitHubServer> StartGitHubAsync()
    {
        var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Guided setup", Labels = ["onboarding"] });
        return github;
    }

    private static Dictionary<string, string?> Settings(FakeGitHubServer github)
    {
        var settings = SyncInvocationTests.Trackers(github, null);
        settings["OkrSync:StrategySource"] = Source;
        return settings;
    }

    private static async Task<List<string>> ScheduledSyncAsync(AppHarness app)
    {
        var response = await app.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. body.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()!)];
    }

    private static string Strategy(string name) => $"""
        name: {name}
        bets:
          - id: self-serve
            title: Win the mid-market with self-serve onboarding
            key-results:
              - id: activation
                title: Self-serve activation from 22% to 40%
                metric: {"{"} unit: "%", baseline: 22, target: 40, current: 27 {"}"}
                initiatives:
                  - id: onboarding-v2
                    title: Onboarding v2
                    match:
                      labels: [onboarding]
        """;

    private static string Push(string reference, string after, string[] modified, string repository = Repository) =>
        JsonSerializer.Serialize(new
        {
            @ref = reference,
            before = new string('0', 40),
            after,
            created = false,
            deleted = false,
            forced = false,
            repository = new { id = 1296269, name = repository.Split('/')[1], full_name = repository, @private = true },
            pusher = new { name = "octocat", email = "octocat@github.com" },
            commits = new[]
            {
                new { id = after, message = "Update", timestamp = "2026-11-20T10:00:00Z", added = Array.Empty<string>(), removed = Array.Empty<string>(), modified },
            },
            head_commit = new { id = after, message = "Update" },
        });
}
