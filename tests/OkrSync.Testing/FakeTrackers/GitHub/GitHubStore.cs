namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Thread-safe in-memory state of a fake GitHub: repositories, issues, milestones, sub-issue links.</summary>
internal sealed partial class GitHubStore(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, GitHubRepository> _repositories = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<long, GitHubRepository> _repositoriesById = [];
    private readonly Dictionary<FakeIssueRef, List<FakeIssueRef>> _children = [];
    private long _nextIssueId = 3_000_000_000;
    private long _nextRepositoryId = 700_000_001;

    public DateTimeOffset Now => TruncateToSeconds(time.GetUtcNow());

    public void AddRepository(string fullName)
    {
        var parts = fullName.Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"Expected owner/name, got '{fullName}'.", nameof(fullName));
        }

        lock (_gate)
        {
            if (!_repositories.ContainsKey(fullName))
            {
                var repository = new GitHubRepository(parts[0], parts[1], _nextRepositoryId++, Now);
                _repositories.Add(fullName, repository);
                _repositoriesById.Add(repository.Id, repository);
            }
        }
    }

    public void AddMilestone(string repository, FakeGitHubMilestone milestone)
    {
        lock (_gate)
        {
            var repo = Require(repository);
            repo.Milestones[milestone.Number] = milestone;
            repo.Version++;
        }
    }

    public FakeGitHubIssue? Find(string repository, int number)
    {
        lock (_gate)
        {
            return Require(repository).Issues.GetValueOrDefault(number);
        }
    }

    public IReadOnlyList<FakeGitHubIssue> Issues(string repository)
    {
        lock (_gate)
        {
            return [.. Require(repository).Issues.Values.OrderBy(issue => issue.Number)];
        }
    }

    /// <summary>Where a number that is no longer in the repository went: (true, null) deleted, (true, ref) transferred.</summary>
    public (bool Gone, FakeIssueRef? MovedTo) Gone(string repository, int number)
    {
        lock (_gate)
        {
            var repo = Require(repository);
            return repo.Gone.TryGetValue(number, out var target) ? (true, target) : (false, null);
        }
    }

    public GitHubRepoSnapshot? Snapshot(string fullName)
    {
        lock (_gate)
        {
            return _repositories.TryGetValue(fullName, out var repo) ? SnapshotOf(repo) : null;
        }
    }

    public GitHubRepoSnapshot? Snapshot(long repositoryId)
    {
        lock (_gate)
        {
            return _repositoriesById.TryGetValue(repositoryId, out var repo) ? SnapshotOf(repo) : null;
        }
    }

    private GitHubRepoSnapshot SnapshotOf(GitHubRepository repo)
    {
        if (repo.Snapshot is { } cached && cached.Version == repo.Version)
        {
            return cached;
        }

        var views = repo.Issues.Values.Select(issue => ViewOf(repo, issue)).ToList();
        var counts = repo.Issues.Values
            .Where(issue => issue.Milestone is not null)
            .GroupBy(issue => (issue.Milestone!.Value, issue.State))
            .ToDictionary(group => group.Key, group => group.Count());
        var milestones = repo.Milestones.Values.ToDictionary(
            milestone => milestone.Number,
            milestone => new GitHubMilestoneView(
                milestone,
                StableHash.Id(repo.FullName + "#milestone" + milestone.Number, 9_000_000),
                counts.GetValueOrDefault((milestone.Number, GitHubIssueState.Open)),
                counts.GetValueOrDefault((milestone.Number, GitHubIssueState.Closed)),
                repo.CreatedAt));
        repo.Snapshot = new GitHubRepoSnapshot(repo, views, milestones);
        return repo.Snapshot;
    }

    private GitHubIssueView ViewOf(GitHubRepository repo, FakeGitHubIssue issue)
    {
        if (issue.IsPullRequest || !_children.TryGetValue(new FakeIssueRef(repo.FullName, issue.Number), out var children))
        {
            return new GitHubIssueView(issue, 0, 0);
        }

        var completed = children.Count(child => Lookup(child)?.State == GitHubIssueState.Closed);
        return new GitHubIssueView(issue, children.Count, completed);
    }

    /// <summary>Sub-issues of an issue, in the order they were linked (GitHub lists them by priority).</summary>
    public IReadOnlyList<FakeIssueRef> SubIssues(FakeIssueRef parent)
    {
        lock (_gate)
        {
            var canonical = Canonical(parent)!;
            return _children.TryGetValue(canonical, out var children) ? [.. children] : [];
        }
    }

    private FakeGitHubIssue? Lookup(FakeIssueRef reference) =>
        _repositories.TryGetValue(reference.Repository, out var repo) ? repo.Issues.GetValueOrDefault(reference.Number) : null;

    private GitHubRepository Require(string repository) =>
        _repositories.TryGetValue(repository, out var repo)
            ? repo
            : throw new KeyNotFoundException($"Repository '{repository}' does not exist in the fake GitHub.");

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
