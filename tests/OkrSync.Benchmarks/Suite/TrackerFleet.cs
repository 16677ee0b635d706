using System.Globalization;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;

namespace OkrSync.Benchmarks.Suite;

/// <summary>
/// The fake trackers of one run, in this process: N items, half in 10 GitHub repositories, half in 5 Jira (Cloud)
/// projects, spread evenly. Gives the connector configuration (as <c>OkrSync__…</c> environment variables) and the
/// list calls the trackers saw.
/// </summary>
internal sealed class TrackerFleet : IAsyncDisposable
{
    public const int Repositories = 10;
    public const int Projects = 5;
    public const int PageSize = 100;

    private TrackerFleet(FakeGitHubServer github, FakeJiraServer jira, IReadOnlyDictionary<string, int> repos, IReadOnlyDictionary<string, int> projects)
    {
        GitHub = github;
        Jira = jira;
        RepositoryCounts = repos;
        ProjectCounts = projects;
    }

    public FakeGitHubServer GitHub { get; }

    public FakeJiraServer Jira { get; }

    public IReadOnlyDictionary<string, int> RepositoryCounts { get; }

    public IReadOnlyDictionary<string, int> ProjectCounts { get; }

    /// <summary>⌈n/100⌉ list calls per repository or project: the least any poller must make to read every item once.</summary>
    public int MinimumListCalls => RepositoryCounts.Values.Concat(ProjectCounts.Values).Sum(n => Math.Max(1, (n + PageSize - 1) / PageSize));

    public static async Task<TrackerFleet> StartAsync(int items, CancellationToken cancellationToken = default)
    {
        var github = await FakeGitHubServer.StartAsync(new FakeGitHubOptions { RateLimit = 1_000_000 }, cancellationToken);
        var jira = await FakeJiraServer.StartAsync(cancellationToken: cancellationToken);
        var repos = Spread(items / 2, Repositories, i => $"acme/repo{i:D2}");
        var projects = Spread(items - items / 2, Projects, i => $"P{(char)('A' + i)}");
        var seed = 1;
        foreach (var (repo, count) in repos)
        {
            github.SeedRepository(repo, new GitHubSeedOptions { Count = count, RandomSeed = seed++ });
        }
        foreach (var (project, count) in projects)
        {
            jira.SeedProject(project, new JiraSeedOptions { Count = count, RandomSeed = seed++ });
        }
        return new TrackerFleet(github, jira, repos, projects);
    }

    /// <summary>The connector settings a sync process needs, as environment variables (standard .NET configuration).</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment() => Environment(RepositoryCounts.Keys, ProjectCounts.Keys);

    /// <summary>The same settings for other repositories and projects of these trackers (<see cref="FleetWarmUp"/>).</summary>
    public IEnumerable<KeyValuePair<string, string>> Environment(IEnumerable<string> repositories, IEnumerable<string> projects)
    {
        yield return new("OkrSync__GitHub__BaseUrl", GitHub.BaseUri.AbsoluteUri);
        yield return new("OkrSync__GitHub__Token", FakeGitHubOptions.DefaultToken);
        yield return new("OkrSync__Jira__BaseUrl", Jira.BaseUri.AbsoluteUri);
        yield return new("OkrSync__Jira__Deployment", "Cloud");
        yield return new("OkrSync__Jira__Email", Jira.Options.Email);
        yield return new("OkrSync__Jira__ApiToken", Jira.Options.ApiToken);
        var index = 0;
        foreach (var repo in repositories)
        {
            yield return new($"OkrSync__GitHub__Repositories__{index++}", repo);
        }
        index = 0;
        foreach (var project in projects)
        {
            yield return new($"OkrSync__Jira__Projects__{index++}", project);
        }
    }

    /// <summary>What the trackers answered so far (server side).</summary>
    public TrackerCalls Calls() => new(
        GitHub.Metrics.Requests(GitHubEndpoint.ListIssues),
        GitHub.Metrics.Responses(GitHubEndpoint.ListIssues, 304),
        GitHub.Metrics.TotalRequests,
        Jira.Metrics.Requests(JiraEndpoint.SearchJql),
        Jira.Metrics.TotalRequests);

    public async ValueTask DisposeAsync()
    {
        await GitHub.DisposeAsync();
        await Jira.DisposeAsync();
    }

    private static Dictionary<string, int> Spread(int total, int containers, Func<int, string> name) =>
        Enumerable.Range(0, containers).ToDictionary(name, i => total / containers + (i < total % containers ? 1 : 0), StringComparer.Ordinal);
}

/// <summary>Requests the fake trackers received: GitHub list calls (and how many were 304), Jira searches, and all requests.</summary>
internal sealed record TrackerCalls(long GitHubList, long GitHub304, long GitHubTotal, long JiraSearch, long JiraTotal)
{
    public long ListCalls => GitHubList + JiraSearch;

    public long Total => GitHubTotal + JiraTotal;

    public static TrackerCalls operator -(TrackerCalls end, TrackerCalls start) => new(
        end.GitHubList - start.GitHubList, end.GitHub304 - start.GitHub304, end.GitHubTotal - start.GitHubTotal,
        end.JiraSearch - start.JiraSearch, end.JiraTotal - start.JiraTotal);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"GitHub {GitHubList} list ({GitHub304} × 304) of {GitHubTotal}, Jira {JiraSearch} search of {JiraTotal}");
}
