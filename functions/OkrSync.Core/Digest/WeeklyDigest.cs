namespace OkrSync.Core.Digest;

/// <summary>
/// The weekly "orphaned work" e-mail, as data. <see cref="Owner"/> is null for the leadership digest (everything),
/// or the owner's address for a per-owner digest (only their part). The headline is always company-wide.
/// </summary>
public sealed record WeeklyDigest(
    string Strategy,
    string IsoWeek,
    DateTimeOffset AsOf,
    string? Owner,
    DigestHeadline Headline,
    OrphanList Orphans,
    IReadOnlyList<DigestFinding> Contradictions,
    IReadOnlyList<DigestFinding> OutputsWithoutOutcome,
    IReadOnlyList<DigestFinding> NothingBehind,
    IReadOnlyList<DigestFinding> StaleInitiatives,
    IReadOnlyList<TrendPoint> Trend)
{
    /// <summary>
    /// Sources whose data is in doubt (a held reconcile: the tracker listed far fewer items than are stored). Leadership
    /// digest only; empty in an owner's.
    /// </summary>
    public IReadOnlyList<DigestFinding> SyncProblems { get; init; } = [];

    /// <summary>Bets whose key results are green while their position does not move.</summary>
    public IReadOnlyList<DigestFinding> PositionNotMoving { get; init; } = [];

    /// <summary>Bets and operational work getting more or less delivery than declared.</summary>
    public IReadOnlyList<DigestFinding> AllocationDrift { get; init; } = [];

    /// <summary>Where delivery went over the investment window, company-wide; null when the report has no balance.</summary>
    public DigestInvestment? Investment { get; init; }

    /// <summary>Metrics whose latest value is too old (<c>outcome-unmeasured</c>).</summary>
    public IReadOnlyList<DigestFinding> Unmeasured { get; init; } = [];

    /// <summary>Each flagged key result's output and outcome over the last weeks (<see cref="KeyResultWeeks"/>); not counted as attention (its findings are).</summary>
    public IReadOnlyList<DigestFinding> FlaggedKeyResults { get; init; } = [];

    /// <summary>Orphaned items plus findings: how many things in this digest ask for attention.</summary>
    public int AttentionCount => Orphans.Total + Contradictions.Count + OutputsWithoutOutcome.Count + NothingBehind.Count + StaleInitiatives.Count + SyncProblems.Count
        + PositionNotMoving.Count + AllocationDrift.Count + Unmeasured.Count;

    public bool IsEmpty => AttentionCount == 0;
}

/// <summary>Open orphaned work, the work it is counted against (open, not operational), and the change since last week.</summary>
public sealed record DigestHeadline(int OpenOrphaned, int OpenNonOperational, double OrphanRate, WeekChange? Change);

/// <summary>Change since the latest snapshot of an earlier ISO week (<see cref="SinceWeek"/>). Rate change in percentage points.</summary>
public sealed record WeekChange(string SinceWeek, int OrphanedDelta, double RatePointsDelta);

/// <summary>The orphaned work listed: <see cref="Shown"/> of <see cref="Total"/>, grouped; <see cref="MoreUrl"/> lists them all.</summary>
public sealed record OrphanList(int Total, IReadOnlyList<OrphanGroup> Groups, string? MoreUrl)
{
    public static OrphanList Empty { get; } = new(0, [], null);

    public int Shown => Groups.Sum(g => g.Shown);

    public int Hidden => Total - Shown;
}

/// <summary>The orphaned work of one repository or Jira project, by assignee; <see cref="MoreUrl"/> lists the rest.</summary>
public sealed record OrphanGroup(string Container, int Total, IReadOnlyList<AssigneeOrphans> Assignees, string? MoreUrl)
{
    public int Shown => Assignees.Sum(a => a.Items.Count);

    public int Hidden => Total - Shown;
}

/// <summary>One assignee's orphaned items in a group, oldest first. <see cref="Assignee"/> is null for unassigned work.</summary>
public sealed record AssigneeOrphans(string? Assignee, IReadOnlyList<DigestItem> Items);

/// <summary>One orphaned item as listed: key, title, link, state and age in whole days.</summary>
public sealed record DigestItem(string Key, string Title, string Url, string State, int AgeDays);

/// <summary>A finding as listed: the sentence, and a link when the subject is a work item.</summary>
public sealed record DigestFinding(string Kind, string Subject, string Message, string? Url);

/// <summary>The orphan figures of one ISO week.</summary>
public sealed record TrendPoint(string IsoWeek, int OpenOrphaned, double OrphanRate);

/// <summary>
/// The investment balance as the e-mail shows it: the window, the unit and total, and one line per bet (strategy order),
/// then operational, orphaned and contradicting work.
/// </summary>
public sealed record DigestInvestment(int WindowDays, DateTimeOffset To, string Unit, double Total, IReadOnlyList<DigestShare> Shares);

/// <summary>One line of the balance: actual share (null when nothing was worked), declared share (null when not declared), and the weight.</summary>
public sealed record DigestShare(string Name, double? Actual, double? Declared, double Weight);
