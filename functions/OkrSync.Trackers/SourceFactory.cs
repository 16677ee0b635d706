using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Internal;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Trackers.Files;
using OkrSync.Trackers.GitHub;
using OkrSync.Trackers.Jira;

namespace OkrSync.Trackers;

/// <summary>
/// Builds the sources of one run: from <c>--source</c> specs (<c>github:OWNER/REPO</c>, <c>jira:PROJECT</c>,
/// <c>github-export:PATH</c>, <c>jira-export:PATH</c>) or from configuration (<c>OkrSync:GitHub:Repositories</c>,
/// <c>OkrSync:Jira:Projects</c>). Jira sources of one call share a <see cref="JiraSite"/>, so <c>/myself</c> and
/// <c>/field</c> are read once per run. Create a new set for every run: API usage counts per instance.
/// </summary>
public sealed class SourceFactory(
    IOptions<GitHubOptions> gitHubOptions,
    IOptions<JiraOptions> jiraOptions,
    GitHubConnections gitHubConnections,
    GitHubAppTokenProvider gitHubAppTokens,
    IServiceProvider services,
    TimeProvider time)
{
    public IReadOnlyList<IWorkSource> CreateConfigured() =>
        Create([
            .. gitHubOptions.Value.Repositories.Select(r => new SourceSpec(SourceSpec.GitHub, r)),
            .. jiraOptions.Value.Projects.Select(p => new SourceSpec(SourceSpec.Jira, p)),
        ]);

    public IReadOnlyList<IWorkSource> Create(IEnumerable<SourceSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        JiraSite? site = null;
        var sources = new List<IWorkSource>();
        foreach (var spec in specs)
        {
            sources.Add(spec.Kind switch
            {
                SourceSpec.GitHubExport => new FileExportSource(SourceKind.GitHub, spec.Value),
                SourceSpec.JiraExport => new FileExportSource(SourceKind.Jira, spec.Value, jiraOptions.Value.StoryPointsField ?? JiraOptions.CommonStoryPointsField),
                SourceSpec.GitHub => CreateGitHub(spec.Value),
                SourceSpec.Jira => CreateJira(spec.Value.ToUpperInvariant(), site ??= CreateJiraSite()),
                _ => throw new ArgumentException($"unknown source kind '{spec.Kind}'", nameof(specs)),
            });
        }
        return sources;
    }

    private GitHubSource CreateGitHub(string repository)
    {
        var options = gitHubOptions.Value;
        ICredentialStore credentials = options.Token is { Length: > 0 } token
            ? new InMemoryCredentialStore(new Credentials(token))
            : options.UsesApp
                ? new GitHubAppCredentialStore(gitHubAppTokens)
                : new InMemoryCredentialStore(Credentials.Anonymous);
        return new GitHubSource(repository, options, gitHubConnections, credentials, time);
    }

    private JiraSite CreateJiraSite()
    {
        if (jiraOptions.Value.BaseUrl is null)
        {
            throw new InvalidOperationException("OkrSync:Jira:BaseUrl is not set");
        }
        return new JiraSite(services.GetRequiredService<JiraClient>(), jiraOptions.Value, services.GetRequiredService<ILogger<JiraSite>>());
    }

    private JiraSource CreateJira(string project, JiraSite site) =>
        new(project, services.GetRequiredService<JiraClient>(), site, jiraOptions.Value, time);
}
