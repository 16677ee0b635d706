namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Parameters of the deterministic issue generator for one fake Jira project.</summary>
public sealed record JiraSeedOptions
{
    /// <summary>Issues to generate (epics included).</summary>
    public int Count { get; init; } = 100;

    public int RandomSeed { get; init; } = 1;

    public string? ProjectName { get; init; }

    public IReadOnlyList<string> LabelVocabulary { get; init; } =
        ["okr-activation", "okr-retention", "okr-reliability", "tech-debt", "customer", "security", "q3", "q4"];

    public int MaxLabelsPerIssue { get; init; } = 3;

    public IReadOnlyList<string> Components { get; init; } = ["Backend", "Frontend", "Mobile", "Data"];

    public IReadOnlyList<string> FixVersions { get; init; } = ["2026.1", "2026.2", "2026.3"];

    public IReadOnlyList<FakeJiraUser> Assignees { get; init; } =
    [
        new("557058:f58131cb-b67d-43c7-b30d-6b58d40bd077", "Mia Krystof", "mia@example.com"),
        new("5b10ac8d82e05b22cc7d4ef5", "Emma Richards", "emma@example.com"),
        new("712020:2a1b7a5c-5c3e-4b8f-9e3a-0f7e5c0d2b11", "Kenji Sato", "kenji@example.com"),
    ];

    public double UnassignedShare { get; init; } = 0.2;

    /// <summary>Share of issues that are epics (parents).</summary>
    public double EpicShare { get; init; } = 0.05;

    /// <summary>Share of non-epic issues under an epic (<c>parent</c>).</summary>
    public double ChildShare { get; init; } = 0.6;

    /// <summary>Share of issues that are sub-tasks of a story or task.</summary>
    public double SubtaskShare { get; init; } = 0.1;

    /// <summary>Shares of the status categories done and in progress (the rest is new).</summary>
    public double DoneShare { get; init; } = 0.4;

    public double InProgressShare { get; init; } = 0.2;

    /// <summary>Share of done issues resolved "Won't Do" (the rest "Done").</summary>
    public double WontDoShareOfDone { get; init; } = 0.15;

    /// <summary>Share of stories and tasks with story points.</summary>
    public double EstimatedShare { get; init; } = 0.7;

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}
