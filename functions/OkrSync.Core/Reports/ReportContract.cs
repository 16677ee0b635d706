namespace OkrSync.Core.Reports;

// The JSON contract of `okrsync report --format json` and of the read API. Other tools rely on these names:
// add fields freely, never rename or remove one. Documented in README.md ("The JSON contract").

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
    /// <summary>The commit the strategy was read from (<c>OkrSync:StrategySource</c> = <c>github:…</c>); left out for a local file.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? StrategyCommit { get; init; }
}

public sealed record SummaryJson(int Total, int Aligned, int Operational, int Orphaned, int Contradicting, int OpenOrphaned, int OpenNonOperational, double OrphanRate);

public sealed record BetJson(string Id, string Title, string? Owner, OutputJson Output, BetOutcomeJson Outcome, IReadOnlyList<NotDoingJson> NotDoing, IReadOnlyList<KeyResultJson> KeyResults);

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
    DateTimeOffset? Closed);

public sealed record FindingJson(string Kind, string Subject, string Message, string? BetId, string? Url);
