using OkrSync.Core.Strategy;

namespace OkrSync.Core.Rollup;

/// <summary>
/// Progress of one initiative: item counts and story points per state, the share done by count (and by points
/// where any item is estimated), and the latest update among its items (null when it has none).
/// </summary>
public sealed record InitiativeRollup(
    Initiative Initiative,
    string KeyResultId,
    string BetId,
    StateCounts Counts,
    StateCounts Points,
    bool HasEstimates,
    DateTimeOffset? LastActivity)
{
    public double Ratio => Counts.Ratio;

    /// <summary>Done points over planned points, or null when no item under the initiative is estimated.</summary>
    public double? PointsRatio => HasEstimates ? Points.Ratio : null;

    /// <summary>Done: there is planned work, and all of it is done.</summary>
    public bool IsDone => Counts.Planned > 0 && Counts.Open == 0;
}

/// <summary>
/// A key result's output (its initiatives' work, each item once) kept apart from its outcome (the metric).
/// </summary>
public sealed record KeyResultRollup(KeyResult KeyResult, string BetId, Output Output, Outcome Outcome, IReadOnlyList<InitiativeRollup> Initiatives);

/// <summary>
/// A bet's output over all its key results (each item once) and its outcome: the mean of its key results'
/// outcome ratios, or null when none can be computed.
/// </summary>
public sealed record BetRollup(Bet Bet, Output Output, double? OutcomeRatio, IReadOnlyList<KeyResultRollup> KeyResults);

/// <summary>The whole strategy's progress, in strategy order.</summary>
public sealed record StrategyRollup(IReadOnlyList<BetRollup> Bets)
{
    public IEnumerable<KeyResultRollup> KeyResults => Bets.SelectMany(b => b.KeyResults);

    public IEnumerable<InitiativeRollup> Initiatives => KeyResults.SelectMany(k => k.Initiatives);
}
