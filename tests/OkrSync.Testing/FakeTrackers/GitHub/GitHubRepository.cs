namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Mutable state of one fake repository; guarded by the store's lock.</summary>
internal sealed class GitHubRepository(string owner, string name, long id, DateTimeOffset createdAt)
{
    public string Owner { get; } = owner;

    public string Name { get; } = name;

    public string FullName { get; } = owner + "/" + name;

    public long Id { get; } = id;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public Dictionary<int, FakeGitHubIssue> Issues { get; } = [];

    public Dictionary<int, FakeGitHubMilestone> Milestones { get; } = [];

    /// <summary>Numbers of deleted issues (null target) and transferred issues (their new place).</summary>
    public Dictionary<int, FakeIssueRef?> Gone { get; } = [];

    public int NextNumber { get; set; } = 1;

    public long Version { get; set; }

    public GitHubRepoSnapshot? Snapshot { get; set; }
}
