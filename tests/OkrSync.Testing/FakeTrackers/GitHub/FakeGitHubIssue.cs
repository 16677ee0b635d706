namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>GitHub issue state (<c>state</c>).</summary>
public enum GitHubIssueState
{
    Open,
    Closed,
}

/// <summary>GitHub <c>state_reason</c>.</summary>
public enum GitHubStateReason
{
    Completed,
    NotPlanned,
    Reopened,
    Duplicate,
}

/// <summary>An issue (or pull request) in a fake GitHub repository.</summary>
public sealed record FakeGitHubIssue
{
    /// <summary>Number in the repository; 0 when adding means "next free number".</summary>
    public int Number { get; init; }

    /// <summary>Global id (64-bit, above int.MaxValue as on github.com); 0 when adding means "assign one".</summary>
    public long Id { get; init; }

    public required string Title { get; init; }

    public string? Body { get; init; }

    public GitHubIssueState State { get; init; } = GitHubIssueState.Open;

    public GitHubStateReason? StateReason { get; init; }

    /// <summary>Label names; label objects (id, color...) are derived from the name.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Assignee logins; the first is also <c>assignee</c>.</summary>
    public IReadOnlyList<string> Assignees { get; init; } = [];

    /// <summary>Login of the author (<c>user</c>).</summary>
    public string Author { get; init; } = "octocat";

    /// <summary>Milestone number in the same repository, or null.</summary>
    public int? Milestone { get; init; }

    /// <summary>Sub-issue parent (same owner, any repository), or null.</summary>
    public FakeIssueRef? Parent { get; init; }

    /// <summary>A pull request: listed by the issues endpoint with a <c>pull_request</c> key.</summary>
    public bool IsPullRequest { get; init; }

    public int Comments { get; init; }

    /// <summary>Creation time; default(DateTimeOffset) when adding means "now".</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last update; default(DateTimeOffset) when adding means CreatedAt. Stored to the second, as GitHub does.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>Reference to an issue: repository as <c>owner/name</c> and number.</summary>
public sealed record FakeIssueRef(string Repository, int Number);

/// <summary>A milestone of a fake GitHub repository.</summary>
public sealed record FakeGitHubMilestone(int Number, string Title, GitHubIssueState State = GitHubIssueState.Open, DateTimeOffset? DueOn = null);
