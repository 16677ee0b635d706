namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>An issue with what GitHub derives from other issues: its sub-issue counts.</summary>
internal sealed record GitHubIssueView(FakeGitHubIssue Issue, int SubIssuesTotal, int SubIssuesCompleted);

/// <summary>A milestone with its issue counts at snapshot time.</summary>
internal sealed record GitHubMilestoneView(FakeGitHubMilestone Milestone, long Id, int OpenIssues, int ClosedIssues, DateTimeOffset CreatedAt);

/// <summary>The list parameters that shape a result: <c>sort</c>, <c>direction</c>, <c>state</c>, <c>since</c>.</summary>
internal sealed record GitHubListQuery(string Sort, bool Ascending, string State, DateTimeOffset? Since);
