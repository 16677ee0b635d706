namespace OkrSync.Testing.FakeTrackers.Jira;

public sealed partial class FakeJiraServer
{
    /// <summary>Creates an empty project; a no-op when it exists.</summary>
    public void AddProject(string key, string? name = null) => _store.AddProject(key, name);

    /// <summary>Creates the project if needed and adds generated issues (deterministic for the same options).</summary>
    public void SeedProject(string key, JiraSeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store.AddProject(key, options.ProjectName);
        JiraIssueGenerator.Seed(_store, key.ToUpperInvariant(), options, _store.Now);
    }

    /// <summary>Adds a hand-written issue; empty Key / 0 Id are assigned, Created default is now, Updated default is Created.</summary>
    public FakeJiraIssue AddIssue(FakeJiraIssue issue) => _store.AddIssue(issue);

    /// <summary>
    /// Changes an issue. <c>updated</c> becomes the server clock unless the change sets it; setting a resolution sets
    /// <c>resolutiondate</c> (unless given), clearing it clears the date.
    /// </summary>
    public FakeJiraIssue UpdateIssue(string key, Func<FakeJiraIssue, FakeJiraIssue> change) => _store.UpdateIssue(key, change);

    /// <summary>Moves the issue to another status (and resolution, for done categories).</summary>
    public FakeJiraIssue TransitionIssue(string key, string status, JiraStatusCategory category, string? resolution = null) =>
        UpdateIssue(key, issue => issue with { Status = status, StatusCategory = category, Resolution = resolution });

    public FakeJiraIssue SetLabels(string key, params string[] labels) => UpdateIssue(key, issue => issue with { Labels = labels });

    public FakeJiraIssue SetSummary(string key, string summary) => UpdateIssue(key, issue => issue with { Summary = summary });

    public FakeJiraIssue SetParent(string key, string? parentKey) => UpdateIssue(key, issue => issue with { ParentKey = parentKey });

    /// <summary>Deletes an issue: it leaves search results, GET answers 404, its children lose their parent.</summary>
    public void DeleteIssue(string key) => _store.DeleteIssue(key);

    /// <summary>Moves an issue to another project under a new key (same id); the old key still resolves on GET.</summary>
    public FakeJiraIssue MoveIssue(string key, string targetProject) => _store.MoveIssue(key, targetProject);

    public FakeJiraIssue? GetIssue(string key) => _store.Find(key);

    /// <summary>All issues of a project, by number.</summary>
    public IReadOnlyList<FakeJiraIssue> GetIssues(string project) => _store.Issues(project);

    /// <summary>The instant in UTC that a JQL date literal such as <c>2026-11-02 09:15</c> means for the calling user.</summary>
    public DateTimeOffset JqlInstant(DateTime localMinute) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localMinute, DateTimeKind.Unspecified), TimeZone), TimeSpan.Zero);
}
