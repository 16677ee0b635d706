using Microsoft.Extensions.Options;
using OkrSync.Trackers.GitHub;
using OkrSync.Trackers.Jira;

namespace OkrSync.Trackers;

/// <summary>
/// What the <see cref="TrackerRegistry"/> entries build their sources from: the bound options
/// (<c>OkrSync:GitHub</c>, <c>OkrSync:Jira</c>), the shared HTTP connections, the clock and the loggers. Given by
/// constructor injection, so no entry looks a service up by itself.
/// </summary>
public sealed class TrackerServices(
    IOptions<GitHubOptions> gitHub,
    IOptions<JiraOptions> jira,
    GitHubConnections gitHubConnections,
    Lazy<GitHubAppTokenProvider> gitHubApp,
    Func<JiraClient> jiraClient,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public GitHubOptions GitHub => gitHub.Value;

    public JiraOptions Jira => jira.Value;

    public GitHubConnections GitHubConnections => gitHubConnections;

    /// <summary>The GitHub App's installation tokens, built on first use (only when the app, not a token, is configured).</summary>
    public GitHubAppTokenProvider GitHubApp => gitHubApp.Value;

    /// <summary>A Jira client on the Jira HTTP pipeline (a typed client: a new one per call, on pooled handlers).</summary>
    public JiraClient CreateJiraClient() => jiraClient();

    public TimeProvider Time => time;

    public ILoggerFactory Loggers => loggers;
}
