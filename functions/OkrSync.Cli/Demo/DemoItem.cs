namespace OkrSync.Cli.Demo;

/// <summary>How a demo item stands, in tracker terms: GitHub open/closed (+reason), Jira status category (+resolution).</summary>
internal enum DemoState
{
    Open,
    InProgress,
    Done,
    WontDo,
}

/// <summary>One item of the demo company's trackers, before it is written in GitHub's or Jira's JSON shape.</summary>
internal sealed record DemoItem(string Container, string Title, DemoState State)
{
    public string Key { get; set; } = "";
    public int Number { get; set; }
    public string[] Labels { get; init; } = [];
    public string? Milestone { get; init; }
    public string? Component { get; init; }
    public string? Parent { get; init; }
    public string Type { get; init; } = "Story";
    public bool PullRequest { get; init; }
    public int AgeDays { get; init; } = 40;
    public int IdleDays { get; init; } = 2;
    public string? Assignee { get; init; }
    public double? Points { get; init; }

    public bool IsJira => !Container.Contains('/', StringComparison.Ordinal);
}
