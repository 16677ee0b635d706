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

    public static IReadOnlyList<string> All { get; } =
        [ReconcileHeld, ContradictsNotDoing, OutputsWithoutOutcome, UnbackedKeyResult, IdleBet, StaleInitiative, OrphanedWork, PoisonEvent];
}
