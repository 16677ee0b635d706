namespace OkrSync.Testing.FakeTrackers.GitHub;

public sealed partial class FakeGitHubServer
{
    /// <summary>Creates an empty repository (<c>owner/name</c>); a no-op when it exists.</summary>
    public void AddRepository(string repository) => _store.AddRepository(repository);

    /// <summary>Creates the repository if needed and adds generated milestones and issues (deterministic for the same options).</summary>
    public void SeedRepository(string repository, GitHubSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store.AddRepository(repository);
        GitHubIssueGenerator.Seed(_store, repository, options, _store.Now);
    }

    public void AddMilestone(string repository, FakeGitHubMilestone milestone) => _store.AddMilestone(repository, milestone);

    /// <summary>Adds a hand-written issue; Number/Id 0 are assigned, CreatedAt default is now, UpdatedAt default is CreatedAt.</summary>
    public FakeGitHubIssue AddIssue(string repository, FakeGitHubIssue issue) => _store.AddIssue(repository, issue);

    /// <summary>
    /// Changes an issue. <c>updated_at</c> becomes the server clock unless the change sets it; closing sets <c>closed_at</c>
    /// (and <c>state_reason</c> completed unless given), reopening clears it (state_reason reopened).
    /// </summary>
    public FakeGitHubIssue UpdateIssue(string repository, int number, Func<FakeGitHubIssue, FakeGitHubIssue> change) =>
        _store.UpdateIssue(repository, number, change);

    public FakeGitHubIssue CloseIssue(string repository, int number, GitHubStateReason reason = GitHubStateReason.Completed) =>
        UpdateIssue(repository, number, issue => issue with { State = GitHubIssueState.Closed, StateReason = reason });

    public FakeGitHubIssue ReopenIssue(string repository, int number) =>
        UpdateIssue(repository, number, issue => issue with { State = GitHubIssueState.Open });

    public FakeGitHubIssue SetLabels(string repository, int number, params string[] labels) =>
        UpdateIssue(repository, number, issue => issue with { Labels = labels });

    public FakeGitHubIssue SetTitle(string repository, int number, string title) =>
        UpdateIssue(repository, number, issue => issue with { Title = title });

    /// <summary>Makes the issue a sub-issue of <paramref name="parent"/> (same owner), or removes its parent (null).</summary>
    public FakeGitHubIssue SetParent(string repository, int number, FakeIssueRef? parent) =>
        UpdateIssue(repository, number, issue => issue with { Parent = parent });

    /// <summary>Deletes an issue: it leaves the list, GET answers 410, its sub-issues lose their parent.</summary>
    public void DeleteIssue(string repository, int number) => _store.DeleteIssue(repository, number);

    /// <summary>Moves an issue to another repository under the next free number (same id); GET on the old number answers 301.</summary>
    public FakeGitHubIssue TransferIssue(string repository, int number, string targetRepository) =>
        _store.TransferIssue(repository, number, targetRepository);

    public FakeGitHubIssue? GetIssue(string repository, int number) => _store.Find(repository, number);

    /// <summary>All issues and pull requests of a repository, by number.</summary>
    public IReadOnlyList<FakeGitHubIssue> GetIssues(string repository) => _store.Issues(repository);
}
