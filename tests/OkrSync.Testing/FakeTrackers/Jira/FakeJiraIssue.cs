namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Jira status category (<c>statusCategory.key</c>: new, indeterminate, done).</summary>
public enum JiraStatusCategory
{
    New,
    Indeterminate,
    Done,
}

/// <summary>A Jira user as shown in <c>assignee</c>.</summary>
public sealed record FakeJiraUser(string AccountId, string DisplayName, string? EmailAddress = null);

/// <summary>An issue in a fake Jira project.</summary>
public sealed record FakeJiraIssue
{
    /// <summary>Issue key; empty when adding means "PROJECT-next".</summary>
    public string Key { get; init; } = string.Empty;

    /// <summary>Numeric id; 0 when adding means "assign one".</summary>
    public long Id { get; init; }

    /// <summary>Project key.</summary>
    public required string Project { get; init; }

    public required string Summary { get; init; }

    public string Status { get; init; } = "To Do";

    public JiraStatusCategory StatusCategory { get; init; } = JiraStatusCategory.New;

    /// <summary>Issue type name: Epic (hierarchy level 1), Story, Task, Bug (0), Subtask/Sub-task (-1, <c>subtask: true</c>).</summary>
    public string IssueType { get; init; } = "Story";

    /// <summary>Key of the parent (epic, or the parent of a sub-task), any project.</summary>
    public string? ParentKey { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<string> Components { get; init; } = [];

    public IReadOnlyList<string> FixVersions { get; init; } = [];

    public FakeJiraUser? Assignee { get; init; }

    /// <summary>Resolution name (Done, Won't Do, Duplicate, ...), null while unresolved.</summary>
    public string? Resolution { get; init; }

    /// <summary>Value of the story points custom field.</summary>
    public double? StoryPoints { get; init; }

    /// <summary>Creation time; default(DateTimeOffset) when adding means "now".</summary>
    public DateTimeOffset Created { get; init; }

    /// <summary>Last update; default(DateTimeOffset) when adding means Created.</summary>
    public DateTimeOffset Updated { get; init; }

    public DateTimeOffset? ResolutionDate { get; init; }
}
