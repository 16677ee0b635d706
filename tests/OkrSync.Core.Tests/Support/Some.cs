using OkrSync.Core.Alignment;
using OkrSync.Core.Reports;
using OkrSync.Core.Strategy;
using OkrSync.Core.Work;

namespace OkrSync.Core.Tests.Support;

/// <summary>Builders for test data: a small standard strategy and work items with sensible defaults.</summary>
internal static class Some
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Two bets. b1 (not doing: label dach) has kr1 (i1: onboarding label, ONB-1 subtree, milestone, component;
    /// i2: wizard label) and kr2 (i3: billing). b2 (not doing: on-prem) has kr3 (i4: perf), a decreasing metric.
    /// Operational: labels bug, ktlo; issue type Incident.
    /// </summary>
    public const string StandardYaml = """
        name: Test strategy
        operational:
          labels: [bug, ktlo]
          issue-types: [Incident]
        bets:
          - id: b1
            title: Bet one
            not-doing:
              - { id: nd1, title: Direct sales in DACH, labels: [dach] }
            key-results:
              - id: kr1
                title: KR one
                metric: { unit: "%", baseline: 0, target: 10, current: 1 }
                initiatives:
                  - id: i1
                    title: Initiative one
                    match:
                      labels: [onboarding]
                      parents: [ONB-1]
                      milestones: ["Onboarding v2"]
                      components: [Onboarding]
                  - id: i2
                    title: Initiative two
                    match: { labels: [wizard] }
              - id: kr2
                title: KR two
                metric: { baseline: 0, target: 10, current: 9 }
                initiatives:
                  - { id: i3, title: Initiative three, match: { labels: [billing] } }
            position:
              - { id: p1, title: Position one, metric: { unit: "%", baseline: 10, target: 20, current: 15 } }
          - id: b2
            title: Bet two
            position:
              - { id: p2, title: Position two, metric: { baseline: 0, target: 4, current: 2 } }
            not-doing:
              - { id: nd2, title: On-prem edition, labels: [on-prem] }
            key-results:
              - id: kr3
                title: KR three
                metric: { unit: ms, baseline: 100, target: 50, current: 75 }
                initiatives:
                  - { id: i4, title: Initiative four, match: { labels: [perf] } }
        """;

    public static StrategyDocument Strategy(string yaml = StandardYaml)
    {
        var result = StrategyLoader.Load(yaml, "test.yaml");
        return result.Strategy ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    }

    public static StrategyIndex Index(string yaml = StandardYaml) => new(Strategy(yaml));

    public static WorkItem Item(
        string key,
        StateCategory state = StateCategory.Todo,
        string[]? labels = null,
        string? parent = null,
        string? milestone = null,
        string[]? components = null,
        string type = "Story",
        double? estimate = null,
        DateTimeOffset? updated = null,
        bool pullRequest = false,
        string? assignee = null)
    {
        var github = key.Contains('#', StringComparison.Ordinal);
        return new WorkItem
        {
            Source = github ? SourceKind.GitHub : SourceKind.Jira,
            Key = key,
            Container = github ? key[..key.IndexOf('#', StringComparison.Ordinal)] : key[..key.LastIndexOf('-')],
            Title = $"Work {key}",
            Url = $"https://tracker.example/{key}",
            Type = type,
            State = state,
            Labels = labels ?? [],
            ParentKey = parent,
            Milestone = milestone,
            Components = components ?? [],
            Estimate = estimate,
            Assignee = assignee,
            Created = Now.AddDays(-30),
            Updated = updated ?? Now.AddDays(-1),
            IsPullRequest = pullRequest,
        };
    }

    public static IReadOnlyList<ItemAlignment> Align(params WorkItem[] items) => Aligner.Align(Index(), items);

    public static ItemAlignment AlignOne(WorkItem item, params WorkItem[] others) =>
        Aligner.Align(Index(), [item, .. others]).Single(a => a.Item.Key == item.Key);

    public static Report Report(params WorkItem[] items) => ReportBuilder.Build(Strategy(), items, Now);

    public static Report Report(string yaml, params WorkItem[] items) => ReportBuilder.Build(Strategy(yaml), items, Now);
}
