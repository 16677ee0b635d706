using System.Collections.Concurrent;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>
/// Immutable view of one repository at one version, with issues pre-sorted by (updated_at, number) so a page is a slice.
/// Other orders and filters are computed once per snapshot and cached.
/// </summary>
internal sealed class GitHubRepoSnapshot
{
    private const int MaxCachedQueries = 64;
    private readonly GitHubIssueView[] _byUpdated;
    private readonly ConcurrentDictionary<GitHubListQuery, GitHubIssueView[]> _queries = new();

    public GitHubRepoSnapshot(
        GitHubRepository repository,
        IReadOnlyList<GitHubIssueView> issues,
        IReadOnlyDictionary<int, GitHubMilestoneView> milestones)
    {
        Owner = repository.Owner;
        Name = repository.Name;
        FullName = repository.FullName;
        RepositoryId = repository.Id;
        Version = repository.Version;
        Milestones = milestones;
        _byUpdated = [.. issues];
        Array.Sort(_byUpdated, CompareByUpdated);
        ByNumber = _byUpdated.ToDictionary(view => view.Issue.Number);
    }

    public string Owner { get; }

    public string Name { get; }

    public string FullName { get; }

    public long RepositoryId { get; }

    public long Version { get; }

    public IReadOnlyDictionary<int, GitHubIssueView> ByNumber { get; }

    public IReadOnlyDictionary<int, GitHubMilestoneView> Milestones { get; }

    public IReadOnlyList<GitHubIssueView> Query(GitHubListQuery query)
    {
        if (query is { Sort: "updated", Ascending: true, State: "all" })
        {
            var start = query.Since is { } since ? FirstUpdatedAtOrAfter(since) : 0;
            return new ArraySegment<GitHubIssueView>(_byUpdated, start, _byUpdated.Length - start);
        }

        if (_queries.Count > MaxCachedQueries)
        {
            _queries.Clear();
        }

        return _queries.GetOrAdd(query, Compute);
    }

    private GitHubIssueView[] Compute(GitHubListQuery query)
    {
        var selected = _byUpdated
            .Where(view => query.State == "all" || (query.State == "closed") == (view.Issue.State == GitHubIssueState.Closed))
            .Where(view => query.Since is not { } since || view.Issue.UpdatedAt >= since)
            .ToArray();
        Comparison<GitHubIssueView> comparison = query.Sort switch
        {
            "updated" => CompareByUpdated,
            "comments" => (a, b) => (a.Issue.Comments, a.Issue.Number).CompareTo((b.Issue.Comments, b.Issue.Number)),
            _ => (a, b) => (a.Issue.CreatedAt, a.Issue.Number).CompareTo((b.Issue.CreatedAt, b.Issue.Number)),
        };
        Array.Sort(selected, query.Ascending ? comparison : (a, b) => comparison(b, a));
        return selected;
    }

    private int FirstUpdatedAtOrAfter(DateTimeOffset since)
    {
        int low = 0, high = _byUpdated.Length;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_byUpdated[middle].Issue.UpdatedAt < since)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int CompareByUpdated(GitHubIssueView a, GitHubIssueView b) =>
        (a.Issue.UpdatedAt, a.Issue.Number).CompareTo((b.Issue.UpdatedAt, b.Issue.Number));
}
