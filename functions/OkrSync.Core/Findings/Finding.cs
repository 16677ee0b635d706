namespace OkrSync.Core.Findings;

/// <summary>
/// Something off between the strategy and the work. <see cref="Kind"/> is stable (see <see cref="FindingKinds"/>);
/// <see cref="Subject"/> is the id of what it is about (a work item key, a key result, bet or initiative id);
/// <see cref="Message"/> is one sentence for people.
/// </summary>
public sealed record Finding(string Kind, string Subject, string Message)
{
    /// <summary>The bet the finding belongs to, when there is one (for per-owner digests and grouping).</summary>
    public string? BetId { get; init; }

    /// <summary>A link to the subject, for work items.</summary>
    public string? Url { get; init; }

    /// <summary>The key result the finding is about or under, when there is one.</summary>
    public string? KeyResultId { get; init; }

    /// <summary>The initiative the finding is about, when there is one.</summary>
    public string? InitiativeId { get; init; }
}

/// <summary>The stable kinds of finding.</summary>
public static class FindingKinds
{
    /// <summary>Open work that serves no bet and is not declared operational.</summary>
    public const string OrphanedWork = "orphaned-work";

    /// <summary>Work carrying a label that a bet's "not doing" rules out.</summary>
    public const string ContradictsNotDoing = "contradicts-not-doing";

    /// <summary>A key result whose work is (nearly) done while its outcome has not moved: green, but the bet is not moving.</summary>
    public const string OutputsWithoutOutcome = "outputs-without-outcome";

    /// <summary>
    /// A bet whose key results are green (at least <c>krs-green</c> of those with a metric have an outcome ratio of at least
    /// <c>krs-green</c>) while its position ratio is below <c>position-moved</c>: the key results may measure the wrong thing.
    /// </summary>
    public const string GreenKeyResultsFlatPosition = "green-krs-flat-position";

    /// <summary>A bet's or operational work's actual share of delivery off its declared share by at least <c>allocation-drift</c>.</summary>
    public const string AllocationDrift = "allocation-drift";

    /// <summary>A key result with no open or done work behind it.</summary>
    public const string UnbackedKeyResult = "unbacked-kr";

    /// <summary>A bet with no open work under it.</summary>
    public const string IdleBet = "idle-bet";

    /// <summary>An initiative that is not done and has had no activity for the stale period.</summary>
    public const string StaleInitiative = "stale-initiative";

    /// <summary>A tracker event that could not be applied after its retries (kept in the poison queue).</summary>
    public const string PoisonEvent = "poison-event";

    /// <summary>
    /// A full reconcile of a source that would have removed more than the allowed share of its stored items, so it
    /// removed none; the subject is the source id (<c>github:acme/web</c>). It stays until a reconcile of that source succeeds.
    /// </summary>
    public const string ReconcileHeld = "reconcile-held";

    /// <summary>
    /// A key result or position signal whose latest value was measured <c>thresholds.metric-stale-days</c> days ago or
    /// more: its outcome is not known now. The subject is the metric id.
    /// </summary>
    public const string OutcomeUnmeasured = "outcome-unmeasured";

    /// <summary>
    /// A metric source whose last pull failed (unreachable, an error status, a timeout, a missing pointer, not a number,
    /// an unset secret setting): the metric keeps its last value. The subject is the metric id; the message names the
    /// source and the reason. It stays until a pull of that source succeeds.
    /// </summary>
    public const string MetricSourceFailed = "metric-source-failed";

    /// <summary>
    /// A new version of the strategy (from <c>OkrSync:StrategySource</c>) failed validation and is not used: the last good
    /// one stays. The subject is the commit; the message lists the located errors. It stays until a valid version is read.
    /// </summary>
    public const string StrategyInvalid = "strategy-invalid";

    /// <summary>
    /// Every kind as a row, in the order reports list them (most urgent first). Renderers read the title, severity and
    /// digest section from here instead of switching on the kind; adding a kind means adding a row.
    /// </summary>
    public static IReadOnlyList<FindingKind> Rows { get; } =
    [
        new(ReconcileHeld, "Sources whose data is in doubt", FindingSeverity.Critical, DigestSection.SyncProblems) { Mark = "✖ data in doubt" },
        new(StrategyInvalid, "Strategy versions rejected", FindingSeverity.Critical, DigestSection.SyncProblems) { Mark = "✖ strategy rejected" },
        new(ContradictsNotDoing, "Work that contradicts a \"not doing\"", FindingSeverity.Critical, DigestSection.Contradictions) { Mark = "✖ contradicts" },
        new(OutputsWithoutOutcome, "Key results: work done, outcome not moving", FindingSeverity.Critical, DigestSection.OutputsWithoutOutcome) { Mark = "⚠ done but flat" },
        new(GreenKeyResultsFlatPosition, "Bets: key results green, position not moving", FindingSeverity.Critical, DigestSection.PositionNotMoving) { Mark = "⚠ position flat" },
        new(AllocationDrift, "Bets getting more or less delivery than declared", FindingSeverity.Warning, DigestSection.Investment) { Mark = "⚠ allocation drift" },
        new(OutcomeUnmeasured, "Metrics nobody has measured lately", FindingSeverity.Warning, DigestSection.Unmeasured) { Mark = "⚠ unmeasured" },
        new(MetricSourceFailed, "Metric sources that failed", FindingSeverity.Warning, DigestSection.SyncProblems) { Mark = "✖ source failed" },
        new(UnbackedKeyResult, "Key results with no work behind them", FindingSeverity.Warning, DigestSection.NothingBehind) { Mark = "⚠ no work" },
        new(IdleBet, "Bets with no open work", FindingSeverity.Warning, DigestSection.NothingBehind) { Mark = "○ idle" },
        new(StaleInitiative, "Initiatives with no recent activity", FindingSeverity.Info, DigestSection.StaleInitiatives) { Mark = "○ stale" },
        new(OrphanedWork, "Orphaned work", FindingSeverity.Warning, DigestSection.OrphanList) { Mark = "⚠ orphaned" },
        new(PoisonEvent, "Tracker events that could not be applied", FindingSeverity.Warning, DigestSection.SyncProblems) { Mark = "✖ not applied" },
    ];

    /// <summary>The kind names, in the order of <see cref="Rows"/>.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Rows.Select(r => r.Name)];

    private static readonly Dictionary<string, FindingKind> ByName = Rows.ToDictionary(r => r.Name, StringComparer.Ordinal);

    /// <summary>
    /// The row of <paramref name="kind"/>. A kind this version does not know (from a newer writer of a stored report) gets
    /// a fallback row: titled by its name, a warning, listed after the known kinds and left out of the digest.
    /// </summary>
    public static FindingKind Describe(string kind) =>
        ByName.TryGetValue(kind, out var row) ? row : new FindingKind(kind, kind, FindingSeverity.Warning, DigestSection.NotInDigest);

    /// <summary>Where <paramref name="kind"/> sorts among findings: its index in <see cref="Rows"/>, unknown kinds last.</summary>
    public static int Order(string kind) => Positions.TryGetValue(kind, out var index) ? index : Rows.Count;

    private static readonly Dictionary<string, int> Positions = Rows.Select((r, i) => (r.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
}

/// <summary>
/// What every renderer needs to know about a kind of finding: its stable <see cref="Name"/> (the JSON contract),
/// a <see cref="Title"/> for people (a group heading), how urgent it is, and where the weekly e-mail lists it.
/// </summary>
public sealed record FindingKind
{
    public FindingKind(string name, string title, FindingSeverity severity, DigestSection section)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        Name = name;
        Title = title;
        Severity = severity;
        Section = section;
    }

    public string Name { get; }

    public string Title { get; }

    public FindingSeverity Severity { get; }

    public DigestSection Section { get; }

    /// <summary>
    /// How the text report marks a flagged node inline: a glyph and a word or two (<c>⚠ done but flat</c>). Without one,
    /// the glyph of the severity (✖ critical, ⚠ warning, ○ info) and the kind's name.
    /// </summary>
    public string Mark
    {
        get => mark ?? $"{Severity.Glyph()} {Name}";
        init => mark = value;
    }

    private readonly string? mark;
}

/// <summary>How urgent a kind of finding is; renderers pick colours and accents from it.</summary>
public enum FindingSeverity
{
    /// <summary>The strategy or the data is wrong now: work against a "not doing", a bet not moving, a source in doubt.</summary>
    Critical,

    /// <summary>Needs a decision soon: work or bets without backing.</summary>
    Warning,

    /// <summary>Worth a look: things gone quiet.</summary>
    Info,
}

/// <summary>Names and glyphs of <see cref="FindingSeverity"/>.</summary>
public static class FindingSeverityNames
{
    /// <summary>The stable name in the JSON contract: <c>critical</c>, <c>warning</c>, <c>info</c>.</summary>
    public static string ToName(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Critical => "critical",
        FindingSeverity.Info => "info",
        _ => "warning",
    };

    /// <summary>The glyph that marks it in text: ✖ critical, ⚠ warning, ○ info.</summary>
    public static string Glyph(this FindingSeverity severity) => severity switch
    {
        FindingSeverity.Critical => "✖",
        FindingSeverity.Info => "○",
        _ => "⚠",
    };
}

/// <summary>Where the weekly digest e-mail lists findings of a kind.</summary>
public enum DigestSection
{
    /// <summary>Sources or events whose data is in doubt; leadership digest only.</summary>
    SyncProblems,

    /// <summary>Not listed as findings: the e-mail lists the orphaned items themselves (key, title, assignee, age).</summary>
    OrphanList,

    /// <summary>Work that contradicts a "not doing".</summary>
    Contradictions,

    /// <summary>Key results whose work is done while the outcome does not move.</summary>
    OutputsWithoutOutcome,

    /// <summary>Bets and key results with no work behind them.</summary>
    NothingBehind,

    /// <summary>Bets whose key results are green while their position does not move.</summary>
    PositionNotMoving,

    /// <summary>The investment section: delivery off its declared share.</summary>
    Investment,
    /// <summary>Metrics whose latest value is too old to judge the outcome by.</summary>
    Unmeasured,

    /// <summary>Initiatives with no recent activity.</summary>
    StaleInitiatives,

    /// <summary>Left out of the e-mail.</summary>
    NotInDigest,
}
