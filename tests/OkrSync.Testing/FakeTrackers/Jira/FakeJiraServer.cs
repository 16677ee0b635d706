namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>
/// A fake Jira REST API (Cloud or Data Center) on 127.0.0.1 (free port), for connector tests and benchmarks.
/// State is in memory and thread-safe; mutate it with the C# methods.
/// </summary>
public sealed partial class FakeJiraServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly JiraStore _store;
    private readonly FaultInjector _faults;

    private FakeJiraServer(WebApplication app, Uri baseUri, Parts parts)
    {
        _app = app;
        BaseUri = baseUri;
        _store = parts.Store;
        _faults = parts.Faults;
        Metrics = parts.Metrics;
        Options = parts.Options;
        TimeZone = parts.Zone;
    }

    /// <summary><c>http://127.0.0.1:PORT/</c>: the site base (like https://acme.atlassian.net/).</summary>
    public Uri BaseUri { get; }

    public FakeJiraOptions Options { get; }

    /// <summary>The calling user's time zone (<see cref="FakeJiraOptions.TimeZone"/>).</summary>
    public TimeZoneInfo TimeZone { get; }

    public FakeTrackerMetrics Metrics { get; }

    /// <summary>The <c>Authorization</c> header value the server accepts (basic for Cloud, bearer for Data Center).</summary>
    public string AuthorizationHeader => Options.Deployment == JiraDeployment.Cloud
        ? "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Options.Email}:{Options.ApiToken}"))
        : "Bearer " + Options.PersonalAccessToken;

    /// <summary>Random fault injection in force; setting it restarts its Random from the new seed.</summary>
    public FaultOptions Faults
    {
        get => _faults.Options;
        set => _faults.Options = value;
    }

    public static async Task<FakeJiraServer> StartAsync(FakeJiraOptions? options = null, CancellationToken cancellationToken = default)
    {
        var parts = new Parts(options ?? new FakeJiraOptions());
        var (app, baseUri) = await FakeServerHost.StartAsync(parts.Map, cancellationToken);
        return new FakeJiraServer(app, baseUri, parts);
    }

    /// <summary>The next <paramref name="count"/> requests (to <paramref name="endpoint"/>, or any) fail with <paramref name="kind"/>.</summary>
    public void ScheduleFault(FaultKind kind, string? endpoint = null, int count = 1) => _faults.Schedule(kind, endpoint, count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class Parts
    {
        public Parts(FakeJiraOptions options)
        {
            Options = options;
            Zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
            Store = new JiraStore(options.TimeProvider);
            Faults = new FaultInjector(options.Faults);
            Handlers = new JiraHandlers(Store, new JiraJson(options, Zone), options, Zone);
            Pipeline = new FakeRequestPipeline(new JiraProtocol(options), Faults, Metrics, options.TimeProvider);
        }

        public FakeJiraOptions Options { get; }

        public TimeZoneInfo Zone { get; }

        public JiraStore Store { get; }

        public FaultInjector Faults { get; }

        public FakeTrackerMetrics Metrics { get; } = new();

        private JiraHandlers Handlers { get; }

        private FakeRequestPipeline Pipeline { get; }

        public void Map(WebApplication app)
        {
            var searchJql = Pipeline.Handle(JiraEndpoint.SearchJql, Handlers.SearchJql);
            var search = Pipeline.Handle(JiraEndpoint.Search, Handlers.Search);
            app.MapGet("/rest/api/{version}/search/jql", searchJql);
            app.MapPost("/rest/api/{version}/search/jql", searchJql);
            app.MapGet("/rest/api/{version}/search", search);
            app.MapPost("/rest/api/{version}/search", search);
            app.MapGet("/rest/api/{version}/issue/{idOrKey}", Pipeline.Handle(JiraEndpoint.GetIssue, Handlers.GetIssue));
            app.MapGet("/rest/api/{version}/myself", Pipeline.Handle(JiraEndpoint.Myself, Handlers.Myself));
            app.MapGet("/rest/api/{version}/field", Pipeline.Handle(JiraEndpoint.Fields, Handlers.Fields));
            app.MapFallback(Pipeline.Handle(JiraEndpoint.NotFound, _ => JiraErrors.NotFound()));
        }
    }
}
