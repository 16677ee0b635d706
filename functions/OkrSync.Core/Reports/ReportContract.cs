using OkrSync.Core.Findings;

namespace OkrSync.Core.Reports;

// The JSON contract of `okrsync report --format json` and of the read API. Other tools rely on these names:
// add fields freely, never rename or remove one. Documented in docs/api.md ("The JSON contract").

public sealed record ReportDocument(
    string Strategy,
    DateTimeOffset AsOf,
    SummaryJson Summary,
    IReadOnlyList<BetJson> Bets,
    IReadOnlyList<KeyResultJson> KeyResults,
    IReadOnlyList<InitiativeJson> Initiatives,
    IReadOnlyList<WorkItemJson> WorkItems,
    IReadOnlyList<FindingJson> Findings)
{
    /// <summary>Where delivery went over the trailing window ending at the as-of. Null in reports stored by versions before it existed.</summary>
    public InvestmentJson? Investment { get; init; }
    /// <summary>The commit the strategy was read from (<c>OkrSync:StrategySource</c> = <c>github:…</c>); left out for a local file.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? StrategyCommit { get; init; }
}

public sealed record SummaryJson(int Total, int Aligned, int Operational, int Orphaned, int Contradicting, int OpenOrphaned, int OpenNonOperational, double OrphanRate);

public sealed record BetJson(string Id, string Title, string? Owner, OutputJson Output, BetOutcomeJson Outcome, IReadOnlyList<NotDoingJson> NotDoing, IReadOnlyList<KeyResultJson> KeyResults)
{
    private readonly IReadOnlyList<PositionSignalJson>? position;

    /// <summary>The bet's position signals, in file order; empty when it names none (and in reports stored before they existed).</summary>
    public IReadOnlyList<PositionSignalJson> Position { get => position ?? []; init => position = value; }

    /// <summary>The mean of the signals' ratios (those with a complete metric), unclamped; null when none can be computed.</summary>
    public double? PositionRatio { get; init; }

    /// <summary>Declared versus actual share of delivery over the investment window. Null in reports stored by versions before it existed.</summary>
    public AllocationJson? Allocation { get; init; }
}

/// <summary>One position signal: its metric and its ratio <c>(current-baseline)/(target-baseline)</c> (null when incomplete).</summary>
public sealed record PositionSignalJson(string Id, string Title, PositionMetricJson Metric, double? Ratio);

public sealed record PositionMetricJson(string? Unit, double? Baseline, double? Target, double? Current);

/// <summary>
/// A share of delivery: <see cref="Declared"/> in the strategy (null when not declared, and always in breakdowns),
/// <see cref="Actual"/> over the window (null when nothing was worked), both ratios in [0, 1], and the
/// <see cref="Weight"/> behind the actual share in the investment's unit.
/// </summary>
public sealed record AllocationJson(double? Declared, double? Actual, double Weight);

/// <summary>
/// Where delivery went over the <see cref="WindowDays"/> days to <see cref="To"/>: the items worked (done in the window or
/// in progress at its end), weighted in <see cref="Unit"/> (<c>points</c> when every one has story points, else <c>items</c>).
/// <see cref="Bets"/> is keyed by bet id, in strategy order.
/// </summary>
public sealed record InvestmentJson(
    int WindowDays,
    DateTimeOffset From,
    DateTimeOffset To,
    string Unit,
    double Total,
    int Items,
    int Estimated,
    IReadOnlyDictionary<string, AllocationJson> Bets,
    AllocationJson Operational,
    AllocationJson Orphaned,
    AllocationJson Contradicting,
    IReadOnlyList<InvestmentSliceJson> ByContainer,
    IReadOnlyList<InvestmentSliceJson> ByAssignee);

/// <summary>
/// The same balance within one repository or Jira project (<c>byContainer</c>) or one assignee (<c>byAssignee</c>; a
/// null <see cref="Name"/> is unassigned work). Shares are of <see cref="Total"/>, this part's own weight.
/// </summary>
public sealed record InvestmentSliceJson(
    string? Name,
    double Total,
    IReadOnlyDictionary<string, AllocationJson> Bets,
    AllocationJson Operational,
    AllocationJson Orphaned,
    AllocationJson Contradicting);

public sealed record BetOutcomeJson(double? Ratio);

public sealed record NotDoingJson(string Id, string Title, IReadOnlyList<string> Labels);

public sealed record KeyResultJson(string Id, string BetId, string Title, OutputJson Output, OutcomeJson Outcome, IReadOnlyList<string> Initiatives);

public sealed record OutputJson(int Planned, int Done, double Ratio);

public sealed record OutcomeJson(string? Unit, double? Baseline, double? Target, double? Current, double? Ratio)
{
    /// <summary>Where <see cref="Current"/> came from: <c>yaml</c>, <c>check-in</c>, a metric source's name, or <c>none</c>.</summary>
    public string? Source { get; init; }

    /// <summary>When <see cref="Current"/> was measured; null when unknown (a file value without <c>measured-at</c>).</summary>
    public DateTimeOffset? MeasuredAt { get; init; }

    /// <summary>The latest check-in's confidence (<c>on-track</c>, <c>at-risk</c>, <c>off-track</c>), when it gave one.</summary>
    public string? Confidence { get; init; }

    /// <summary>The latest check-in's note, when it gave one.</summary>
    public string? Note { get; init; }
}

public sealed record InitiativeJson(
    string Id,
    string KeyResultId,
    string BetId,
    string Title,
    string? Owner,
    CountsJson Counts,
    PointsJson Points,
    double Ratio,
    double? PointsRatio,
    DateTimeOffset? LastActivity);

public sealed record CountsJson(int Todo, int InProgress, int Done, int Cancelled);

public sealed record PointsJson(double Todo, double InProgress, double Done, double Cancelled);

public sealed record WorkItemJson(
    string Key,
    string Source,
    string Container,
    string Title,
    string Url,
    string Type,
    string State,
    string Classification,
    IReadOnlyList<string> Initiatives,
    IReadOnlyList<string> Contradicts,
    string? Assignee,
    IReadOnlyList<string> Labels,
    string? Parent,
    double? Estimate,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset? Closed,
    IReadOnlyList<string>? KeyResults = null,
    IReadOnlyList<string>? Bets = null);

public sealed record FindingJson(string Kind, string Subject, string Message, string? BetId, string? Url, string? KeyResultId = null, string? InitiativeId = null)
{
    /// <summary>How urgent the kind is (<c>critical</c>, <c>warning</c>, <c>info</c>), from its row in <c>FindingKinds.Rows</c>.</summary>
    public string Severity => FindingKinds.Describe(Kind).Severity.ToName();
}
