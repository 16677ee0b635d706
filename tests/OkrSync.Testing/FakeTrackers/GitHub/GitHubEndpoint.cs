namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Endpoint names used by <see cref="FakeTrackerMetrics"/>, <see cref="FaultOptions.Endpoints"/> and scheduled faults.</summary>
public static class GitHubEndpoint
{
    /// <summary><c>GET /repos/{owner}/{repo}/issues</c> and <c>GET /repositories/{id}/issues</c> (the Link targets).</summary>
    public const string ListIssues = "github.list-issues";

    /// <summary><c>GET /repos/{owner}/{repo}/issues/{number}</c>.</summary>
    public const string GetIssue = "github.get-issue";

    /// <summary><c>GET /repos/{owner}/{repo}/issues/{number}/sub_issues</c>.</summary>
    public const string ListSubIssues = "github.list-sub-issues";

    /// <summary><c>GET /repos/{owner}/{repo}/issues/{number}/parent</c>.</summary>
    public const string GetParent = "github.get-parent";

    /// <summary><c>GET /repos/{owner}/{repo}/contents/{path}?ref=</c>: a file, base64.</summary>
    public const string GetContent = "github.get-content";

    /// <summary><c>GET /repos/{owner}/{repo}/commits?sha=&amp;path=&amp;per_page=</c>.</summary>
    public const string ListCommits = "github.list-commits";

    /// <summary><c>GET /rate_limit</c> (not charged).</summary>
    public const string RateLimit = "github.rate-limit";

    /// <summary><c>POST /app/installations/{id}/access_tokens</c> (app JWT auth, not charged).</summary>
    public const string CreateInstallationToken = "github.create-installation-token";

    /// <summary>Any other path (404).</summary>
    public const string NotFound = "github.not-found";
}
