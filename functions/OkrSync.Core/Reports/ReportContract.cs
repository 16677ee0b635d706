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
    IReadOnlyList<FindingJson> Findings);

public sealed record SummaryJson(int Total, int Aligned, int Operational, int Orphaned, int Contradicting, int OpenOrphaned, int OpenNonOperational, double OrphanRate);

public sealed record BetJson(string Id, string Title, string? Owner, OutputJson Output, BetOutcomeJson Outcome, IReadOnlyList<NotDoingJson> NotDoing, IReadOnlyList<KeyResultJson> KeyResults);

public sealed record BetOutcomeJson(double? Ratio);

public sealed record NotDoingJson(string Id, string Title, IReadOnlyList<string> Labels);

public sealed record KeyResultJson(string Id, string BetId, string Title, OutputJson Output, OutcomeJson Outcome, IReadOnlyList<string> Initiatives);

public sealed record OutputJson(int Planned, int Done, double Ratio);

public sealed record OutcomeJson(string? Unit, double? Baseline, double? Target, double? Current, double? Ratio);

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
