using OkrSync.Core.Reports;

namespace OkrSync.Web.Pages.Views;

// What each dashboard page draws, and what it answers to `?format=json`. Numbers reuse the read API's contract records
// (SummaryJson, OutputJson, OutcomeJson, CountsJson, WorkItemJson, FindingJson), so a field means the same everywhere.
// Add fields freely; never rename or remove one.

/// <summary>The strategy page: bets → key results → initiatives, the flags on them, and the window's effort flow.</summary>
public sealed record StrategyPageJson(
    string Strategy,
    DateTimeOffset AsOf,
    SummaryJson Summary,
    IReadOnlyList<BetNodeJson> Bets,
    EffortFlowJson EffortFlow,
    IReadOnlyList<FindingKindCountJson> FindingCounts);

/// <summary>
/// One bet on the strategy page. <see cref="Signals"/> is the bet's position and declared investment (issue 13, "Bets
/// that move"); null until that data exists. <see cref="Investment"/> is the bet's actual share of the window's effort.
/// </summary>
public sealed record BetNodeJson(
    string Id,
    string Title,
    string? Owner,
    OutputJson Output,
    BetOutcomeJson Outcome,
    BetSignalsJson? Signals,
    InvestmentJson Investment,
    IReadOnlyList<string> Flags,
    IReadOnlyList<NotDoingNodeJson> NotDoing,
    IReadOnlyList<KeyResultNodeJson> KeyResults);

/// <summary>
/// Where a bet stands: <see cref="Position"/> (<see cref="PositionStates"/>: <c>flat</c>, <c>moving</c>, <c>reached</c>,
/// <c>unmeasured</c>; null when the bet names no position signal), the mean ratio of its signals, each signal with its
/// check-ins, and the share of effort declared for it (<c>allocation</c> in the strategy file).
/// </summary>
public sealed record BetSignalsJson(string? Position, double? DeclaredShare)
{
    public double? PositionRatio { get; init; }

    public IReadOnlyList<PositionSignalNodeJson> Signals { get; init; } = [];
}

/// <summary>One position signal: its metric, its ratio <c>(current-baseline)/(target-baseline)</c> and its check-ins, oldest first.</summary>
public sealed record PositionSignalNodeJson(string Id, string Title, PositionMetricJson Metric, double? Ratio, IReadOnlyList<CheckInJson> CheckIns);

/// <summary>
/// A bet's share of the window's effort: declared in the strategy (null when not declared) and actual, with the weight
/// behind it in <see cref="Basis"/> (<c>points</c> or <c>items</c>, as the report's <c>investment.unit</c>).
/// </summary>
public sealed record InvestmentJson(double? Declared, double Actual, double Items, string Basis);

/// <summary>A "not doing" with the work that contradicts it (at most <see cref="StrategyView.ContradictionsShown"/>; <see cref="Count"/> is all of it).</summary>
public sealed record NotDoingNodeJson(string Id, string Title, IReadOnlyList<string> Labels, int Count, IReadOnlyList<WorkRefJson> Contradicting);

/// <summary>A work item as a link: key, title, where it lives, its state and assignee.</summary>
public sealed record WorkRefJson(string Key, string Title, string Url, string Container, string State, string? Assignee);

/// <summary>One key result: output (work) and outcome (metric) side by side, with its flags and initiatives.</summary>
public sealed record KeyResultNodeJson(
    string Id,
    string BetId,
    string Title,
    OutputJson Output,
    OutcomeJson Outcome,
    IReadOnlyList<string> Flags,
    IReadOnlyList<InitiativeNodeJson> Initiatives);

public sealed record InitiativeNodeJson(string Id, string Title, string? Owner, CountsJson Counts, double Ratio, DateTimeOffset? LastActivity, IReadOnlyList<string> Flags);

/// <summary>How many findings there are of one kind (the finding kinds' rows, in their order).</summary>
public sealed record FindingKindCountJson(string Kind, string Title, string Severity, int Count);

/// <summary>
/// The window's effort flowing from where the work lives (repositories and projects) into bets, operational work,
/// contradicting work and orphaned work, from the report's <c>investment</c>. <see cref="Basis"/> is its unit: <c>points</c>
/// (story points, when every item counted has them) or <c>items</c> (see <see cref="EffortFlows"/>).
/// </summary>
public sealed record EffortFlowJson(string Basis, DateTimeOffset WindowStart, DateTimeOffset WindowEnd, double Total, IReadOnlyList<FlowNodeJson> Sources, IReadOnlyList<FlowNodeJson> Targets, IReadOnlyList<FlowBandJson> Bands);

/// <summary>A node of the flow: a container (<c>kind</c> <c>container</c>), or a bet, <c>operational</c>, <c>contradicting</c> or <c>orphaned</c>.</summary>
public sealed record FlowNodeJson(string Id, string Label, string Kind, double Value);

public sealed record FlowBandJson(string From, string To, double Value);

/// <summary>The key-result page: the key result, its week-by-week trend, check-ins (issue 14) and its initiatives' open work.</summary>
public sealed record KeyResultPageJson(
    string Strategy,
    DateTimeOffset AsOf,
    string BetTitle,
    KeyResultNodeJson KeyResult,
    IReadOnlyList<KeyResultWeekJson> Weeks,
    IReadOnlyList<CheckInJson> CheckIns,
    IReadOnlyList<InitiativeWorkJson> Initiatives);

/// <summary>A key result in one week's stored snapshot (<c>okrsync history</c>).</summary>
public sealed record KeyResultWeekJson(string IsoWeek, DateTimeOffset TakenAt, double OutputRatio, double? OutcomeRatio, int Planned, int Done);

/// <summary>A check-in on a metric (a key result's or a position signal's): when it was measured, the value, who and why, and where it came from.</summary>
public sealed record CheckInJson(DateTimeOffset At, double Value, string? By, string? Note)
{
    /// <summary>The check-in's confidence (<c>on-track</c>, <c>at-risk</c>, <c>off-track</c>), when it gave one.</summary>
    public string? Confidence { get; init; }

    /// <summary><c>check-in</c> for a person's, else the metric source that pulled it.</summary>
    public string? Source { get; init; }
}

/// <summary>An initiative and its open work (the oldest <see cref="KeyResultView.OpenWorkShown"/>; <see cref="OpenCount"/> is all of it).</summary>
public sealed record InitiativeWorkJson(InitiativeNodeJson Initiative, int OpenCount, IReadOnlyList<WorkItemJson> OpenWork);

/// <summary>One page of open orphaned work, grouped by container and assignee, oldest first.</summary>
public sealed record OrphanPageJson(
    DateTimeOffset AsOf,
    OrphanFilterJson Filter,
    int Total,
    int Page,
    int PageSize,
    int Pages,
    IReadOnlyList<FacetJson> Containers,
    IReadOnlyList<FacetJson> Assignees,
    IReadOnlyList<WorkItemJson> Items);

/// <summary>The orphan list's filters; <see cref="OrphanListView.Unassigned"/> as the assignee selects unassigned work.</summary>
public sealed record OrphanFilterJson(string? Container, string? Assignee, string? Query);

public sealed record FacetJson(string Value, int Count);

/// <summary>The investment page: per bet declared versus actual share, the weekly trend, and per container.</summary>
public sealed record InvestmentPageJson(
    DateTimeOffset AsOf,
    string Basis,
    double Total,
    IReadOnlyList<ShareJson> Shares,
    IReadOnlyList<InvestmentWeekJson> Trend,
    IReadOnlyList<ContainerInvestmentJson> Containers)
{
    /// <summary>How many days the window reaches back (<c>investment.windowDays</c>).</summary>
    public int WindowDays { get; init; }

    public DateTimeOffset WindowStart { get; init; }

    /// <summary>How many work items the window counts (<c>investment.items</c>).</summary>
    public int Items { get; init; }
}

/// <summary>A bet's (or operational, contradicting, orphaned work's) share: <see cref="Declared"/> is null when the strategy declares none; <see cref="Items"/> is the weight in the page's basis.</summary>
public sealed record ShareJson(string Id, string Label, string Kind, double? Declared, double Actual, double Items);

/// <summary>
/// One week's shares per bet, from the stored weekly snapshot: the bet's planned items (over its key results) as a share
/// of all items that week.
/// </summary>
public sealed record InvestmentWeekJson(string IsoWeek, IReadOnlyList<BetShareJson> Bets);

public sealed record BetShareJson(string BetId, double Share);

public sealed record ContainerInvestmentJson(string Container, double Total, IReadOnlyList<ShareJson> Shares);

/// <summary>
/// One page of findings (100 a page), optionally of one kind, with the count per kind. <see cref="Total"/> is how many
/// findings the filter selects in all, <see cref="Findings"/> those on page <see cref="Page"/> of <see cref="Pages"/>.
/// </summary>
public sealed record FindingsPageJson(DateTimeOffset? AsOf, string? Kind, IReadOnlyList<FindingKindCountJson> Kinds, IReadOnlyList<FindingJson> Findings)
{
    public int Total { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = FindingsView.PageSize;

    public int Pages { get; init; } = 1;
}
