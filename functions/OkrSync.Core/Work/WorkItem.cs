namespace OkrSync.Core.Work;

/// <summary>
/// One issue, story, task or pull request from a tracker, normalised.
/// Keys are <c>owner/repo#123</c> for GitHub and <c>ONB-42</c> for Jira; the container is the repository
/// (<c>owner/repo</c>) or the Jira project key. Times are the tracker's own, with their offsets.
/// </summary>
public sealed record WorkItem
{
    public required SourceKind Source { get; init; }

    /// <summary>Unique across all sources: <c>owner/repo#123</c> or <c>PROJ-42</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The repository (<c>owner/repo</c>) or Jira project key that holds the item.</summary>
    public required string Container { get; init; }

    public required string Title { get; init; }

    public string Url { get; init; } = "";

    /// <summary>GitHub: <c>issue</c> or <c>pull_request</c>; Jira: the issue type name (Story, Bug, Incident...).</summary>
    public string Type { get; init; } = "";

    public required StateCategory State { get; init; }

    /// <summary>The tracker's own status name, for display (e.g. "In Review"); may be empty.</summary>
    public string Status { get; init; } = "";

    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Key of the parent (Jira parent/epic, GitHub sub-issue parent), or null.</summary>
    public string? ParentKey { get; init; }

    /// <summary>GitHub milestone title, or null.</summary>
    public string? Milestone { get; init; }

    /// <summary>Jira components; empty for GitHub.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>Assignee login or display name, or null when unassigned.</summary>
    public string? Assignee { get; init; }

    /// <summary>Assignee's e-mail address where the tracker exposes it, or null.</summary>
    public string? AssigneeEmail { get; init; }

    /// <summary>Estimate in story points, or null when the item is not estimated.</summary>
    public double? Estimate { get; init; }

    public DateTimeOffset Created { get; init; }

    /// <summary>The tracker's last-updated time: the order of truth between two versions of an item.</summary>
    public DateTimeOffset Updated { get; init; }

    public DateTimeOffset? Closed { get; init; }

    public bool IsPullRequest { get; init; }

    /// <summary>Description text; may be long, and adapters may truncate it when storing.</summary>
    public string? Body { get; init; }
}
