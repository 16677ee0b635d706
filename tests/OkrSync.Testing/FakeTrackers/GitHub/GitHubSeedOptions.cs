namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>Parameters of the deterministic issue generator for one fake GitHub repository.</summary>
public sealed record GitHubSeedOptions
{
    /// <summary>Issues plus pull requests to generate.</summary>
    public int Count { get; init; } = 100;

    /// <summary>Seed of the generator's Random: same options, same issues.</summary>
    public int RandomSeed { get; init; } = 1;

    public IReadOnlyList<string> LabelVocabulary { get; init; } =
        ["bug", "enhancement", "documentation", "okr:activation", "okr:retention", "okr:reliability", "tech-debt", "security"];

    public int MaxLabelsPerIssue { get; init; } = 3;

    public IReadOnlyList<string> Assignees { get; init; } = ["octocat", "hubot", "monalisa", "mona", "defunkt"];

    /// <summary>Share of issues without an assignee.</summary>
    public double UnassignedShare { get; init; } = 0.2;

    /// <summary>Milestones created in the repository (numbers 1..N); issues pick one or none.</summary>
    public int MilestoneCount { get; init; } = 3;

    /// <summary>Share of generated items that are pull requests.</summary>
    public double PullRequestShare { get; init; } = 0.15;

    /// <summary>Share of items that are closed.</summary>
    public double ClosedShare { get; init; } = 0.4;

    /// <summary>Share of closed issues closed as <c>not_planned</c> (the rest <c>completed</c>).</summary>
    public double NotPlannedShareOfClosed { get; init; } = 0.2;

    /// <summary>Share of issues (not pull requests) that are parents of sub-issues.</summary>
    public double ParentShare { get; init; } = 0.05;

    /// <summary>Share of issues that are sub-issues of a parent (at most 100 sub-issues per parent, as on GitHub).</summary>
    public double SubIssueShare { get; init; } = 0.3;

    /// <summary>Start of the creation/update range; null means one year before the server clock.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>End of the update range; null means the server clock.</summary>
    public DateTimeOffset? To { get; init; }
}
