namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>
/// A fake GitHub REST API on 127.0.0.1 (free port), for connector tests and benchmarks. Serves every route both at the root
/// (<see cref="BaseUri"/>, like api.github.com) and under <c>/api/v3</c> (<see cref="EnterpriseBaseUri"/>, like GHES).
/// State is in memory and thread-safe; mutate it with the C# methods.
/// </summary>
public sealed partial class FakeGitHubServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GitHubStore _store;
    private readonly GitHubAuth _auth;
    private readonly GitHubRateLimiter _rateLimiter;
    private readonly FaultInjector _faults;
    private readonly GitHubFiles _files;

    private FakeGitHubServer(WebApplication app, Uri baseUri, Parts parts)
    {
        _app = app;
        BaseUri = baseUri;
        _store = parts.Store;
        _auth = parts.Auth;
        _rateLimiter = parts.RateLimiter;
        _faults = parts.Faults;
        _files = parts.Files;
        Metrics = parts.Metrics;
        Options = parts.Options;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>: the api.github.com style base.</summary>
    public Uri BaseUri { get; }

    /// <summary><c>http://127.0.0.1:PORT/api/v3/</c>: the GitHub Enterprise Server style base.</summary>
    public Uri EnterpriseBaseUri => new(BaseUri, "api/v3/");

    public FakeGitHubOptions Options { get; }

    public FakeTrackerMetrics Metrics { get; }

    /// <summary>Random fault injection in force; setting it restarts its Random from the new seed.</summary>
    public FaultOptions Faults
    {
        get => _faults.Options;
        set => _faults.Options = value;
    }

    /// <summary>App JWTs received on the installation-token endpoint, accepted ones only.</summary>
    public IReadOnlyList<GitHubAppJwt> ReceivedAppJwts => _auth.Jwts;

    /// <summary>The core rate limit as the next response would report it.</summary>
    public GitHubRateState RateLimit => _rateLimiter.Peek();

    public static async Task<FakeGitHubServer> StartAsync(FakeGitHubOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parts = new Parts(options ?? new FakeGitHubOptions());
        var (app, baseUri) = await FakeServerHost.StartAsync(parts.Map, cancellationToken);
        return new FakeGitHubServer(app, baseUri, parts);
    }

    /// <summary>The next <paramref name="count"/> requests (to <paramref name="endpoint"/>, or any) fail with <paramref name="kind"/>.</summary>
    public void ScheduleFault(FaultKind kind, string? endpoint = null, int count = 1) => _faults.Schedule(kind, endpoint, count);

    /// <summary>
    /// Commits files to a branch (created on first use): each path's new content, or null to delete it. Returns the
    /// commit; the contents endpoint serves the branch head, and the commits endpoint lists it.
    /// </summary>
    public FakeGitHubCommit CommitFiles(string repository, string branch, string message, IReadOnlyDictionary<string, string?> changes) =>
        _files.Commit(repository, branch, message, changes);

    /// <summary>Commits one file to a branch.</summary>
    public FakeGitHubCommit CommitFile(string repository, string branch, string path, string content, string message = "Update strategy") =>
        _files.Commit(repository, branch, message, new Dictionary<string, string?> { [path] = content });

    /// <summary>Accepts another personal access token.</summary>
    public void AddToken(string token) => _auth.AddToken(token);

    /// <summary>Restores the full core rate-limit budget.</summary>
    public void ResetRateLimit() => _rateLimiter.Reset();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Parts
    {
        public Parts(FakeGitHubOptions options)
        {
            Options = options;
            Store = new GitHubStore(options.TimeProvider);
            Auth = new GitHubAuth(options);
            RateLimiter = new GitHubRateLimiter(options.TimeProvider, options.RateLimit, options.RateLimitWindow);
            Faults = new FaultInjector(options.Faults);
            Handlers = new GitHubHandlers(Store, new GitHubJson(), options);
            Files = new GitHubFiles(options.TimeProvider);
            Contents = new GitHubContentsHandlers(Files);
            Pipeline = new FakeRequestPipeline(new GitHubProtocol(Auth, RateLimiter, options.TimeProvider), Faults, Metrics, options.TimeProvider);
        }

        public FakeGitHubOptions Options { get; }

        public GitHubStore Store { get; }

        public GitHubAuth Auth { get; }

        public GitHubRateLimiter RateLimiter { get; }

        public FaultInjector Faults { get; }

        public FakeTrackerMetrics Metrics { get; } = new();

        public GitHubFiles Files { get; }

        private GitHubHandlers Handlers { get; }

        private GitHubContentsHandlers Contents { get; }

        private FakeRequestPipeline Pipeline { get; }

        public void Map(WebApplication app)
        {
            app.UsePathBase("/api/v3");
            app.UseRouting();
            var time = Options.TimeProvider;
            app.MapGet("/repos/{owner}/{repo}/issues", Pipeline.Handle(GitHubEndpoint.ListIssues, Handlers.ListIssues));
            app.MapGet("/repositories/{repositoryId:long}/issues", Pipeline.Handle(GitHubEndpoint.ListIssues, Handlers.ListIssues));
            app.MapGet("/repos/{owner}/{repo}/issues/{number:int}", Pipeline.Handle(GitHubEndpoint.GetIssue, Handlers.GetIssue));
            app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/sub_issues", Pipeline.Handle(GitHubEndpoint.ListSubIssues, Handlers.ListSubIssues));
            app.MapGet("/repos/{owner}/{repo}/issues/{number:int}/parent", Pipeline.Handle(GitHubEndpoint.GetParent, Handlers.GetParent));
            app.MapGet("/repos/{owner}/{repo}/contents/{**path}", Pipeline.Handle(GitHubEndpoint.GetContent, Contents.GetContent));
            app.MapGet("/repos/{owner}/{repo}/commits", Pipeline.Handle(GitHubEndpoint.ListCommits, Contents.ListCommits));
            app.MapGet("/rate_limit", Pipeline.Handle(GitHubEndpoint.RateLimit, _ => GitHubHandlers.RateLimit(RateLimiter.Peek())));
            app.MapPost(
                "/app/installations/{installationId:long}/access_tokens",
                Pipeline.Handle(GitHubEndpoint.CreateInstallationToken, context => Handlers.CreateInstallationToken(context, Auth, time.GetUtcNow())));
            app.MapFallback(Pipeline.Handle(GitHubEndpoint.NotFound, _ => GitHubErrors.NotFound()));
        }
    }
}
