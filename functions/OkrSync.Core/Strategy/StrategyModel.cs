namespace OkrSync.Core.Strategy;

/// <summary>
/// A strategy: the bets a company makes, what it chose not to do, the key results that measure each bet,
/// and the initiatives that should move each key result. Ids are unique across the whole document.
/// </summary>
public sealed record StrategyDocument(
    string Name,
    OperationalRules Operational,
    Conventions Conventions,
    IReadOnlyList<Bet> Bets)
{
    /// <summary>When findings fire; the file's <c>thresholds</c> section, or the defaults.</summary>
    public Thresholds Thresholds { get; init; } = Thresholds.Default;

    /// <summary>The commit this version was read from, when the strategy comes from git (<c>OkrSync:StrategySource</c>); null for a local file.</summary>
    public string? Commit { get; init; }

    public IEnumerable<KeyResult> KeyResults => Bets.SelectMany(b => b.KeyResults);

    public IEnumerable<Initiative> Initiatives => KeyResults.SelectMany(k => k.Initiatives);
}

/// <summary>Declared business-as-usual work (BAU/KTLO): legitimate, but not strategy. Names compare case-insensitively.</summary>
public sealed record OperationalRules(IReadOnlyList<string> Labels, IReadOnlyList<string> IssueTypes)
{
    public static OperationalRules None { get; } = new([], []);

    /// <summary>The share of delivery declared for operational work (<c>operational.allocation</c>), in [0, 1]; null when not declared.</summary>
    public double? Allocation { get; init; }
}

/// <summary>Naming conventions. A label <c>{InitiativeLabelPrefix}{id}</c> always maps to initiative <c>id</c>.</summary>
public sealed record Conventions(string InitiativeLabelPrefix)
{
    public const string DefaultInitiativeLabelPrefix = "initiative:";

    public static Conventions Default { get; } = new(DefaultInitiativeLabelPrefix);
}

public sealed record Bet(
    string Id,
    string Title,
    string? Why,
    string? Owner,
    IReadOnlyList<NotDoing> NotDoing,
    IReadOnlyList<KeyResult> KeyResults,
    SourceLocation Location)
{
    /// <summary>What winning this bet looks like in the market, above its key results: zero to three signals (the file's <c>position</c>).</summary>
    public IReadOnlyList<PositionSignal> Position { get; init; } = [];

    /// <summary>The share of delivery this bet was to get (<c>allocation</c>), in [0, 1]; null when not declared.</summary>
    public double? Allocation { get; init; }

    /// <summary>
    /// How far the bet's position has moved: the mean of its signals' <see cref="Metric.Progress"/>, unclamped; signals
    /// without a complete metric are left out. Null when the bet has no signal with a complete metric.
    /// </summary>
    public double? PositionRatio
    {
        get
        {
            var (sum, count) = (0.0, 0);
            foreach (var signal in Position)
            {
                if (signal.Metric.Progress is { } progress)
                {
                    sum += progress;
                    count++;
                }
            }
            return count == 0 ? null : sum / count;
        }
    }
}

/// <summary>
/// One market signal of a bet's position (e.g. share of new mid-market logos signed up self-serve), measured like a key
/// result's metric: its ratio is <c>(current-baseline)/(target-baseline)</c>.
/// </summary>
public sealed record PositionSignal(string Id, string Title, Metric Metric, SourceLocation Location);

/// <summary>An explicit trade-off: work carrying one of <see cref="Labels"/> contradicts the strategy.</summary>
public sealed record NotDoing(string Id, string Title, string? Why, IReadOnlyList<string> Labels, SourceLocation Location);

/// <summary>A measurable outcome of a bet. <see cref="Metric"/> is null when the file names none (a lint warning).</summary>
public sealed record KeyResult(
    string Id,
    string Title,
    Metric? Metric,
    IReadOnlyList<Initiative> Initiatives,
    SourceLocation Location);

public sealed record Initiative(string Id, string Title, string? Owner, MatchRules Match, SourceLocation Location);

/// <summary>
/// How work maps to an initiative. Labels, milestones and components compare case-insensitively.
/// <see cref="Parents"/> is a subtree rule: the listed items and everything beneath them match.
/// </summary>
public sealed record MatchRules(
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Parents,
    IReadOnlyList<string> Milestones,
    IReadOnlyList<string> Components)
{
    public static MatchRules None { get; } = new([], [], [], []);

    public bool IsEmpty => Labels.Count == 0 && Parents.Count == 0 && Milestones.Count == 0 && Components.Count == 0;
}
