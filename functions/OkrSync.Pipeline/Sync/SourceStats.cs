
namespace OkrSync.Pipeline.Sync;

/// <summary>
/// What one source did in one run: items fetched, written, left unchanged or stale (the store held newer),
/// deleted (reconcile), pages, API calls on the wire (retries included) and 304s, the rate-limit budget left,
/// how long it took, the error that stopped it (null when it completed), and a reconcile's removals held back
/// (<see cref="Held"/>: the listing completed, but would have removed too much).
/// </summary>
public sealed record SourceStats(
    string SourceId,
    int Fetched,
    int Written,
    int Unchanged,
    int Stale,
    int Deleted,
    int Pages,
    long ApiCalls,
    long NotModified,
    int? RateLimitRemaining,
    TimeSpan Duration,
    string? Error)
{
    /// <summary>The removals this reconcile held back; null when it removed what it should (or was not a reconcile).</summary>
    public ReconcileHold? Held { get; init; }

    /// <summary>The source could not be read to the end: nothing after the last stored page was stored.</summary>
    public bool Failed => Error is not null;

    /// <summary>Read to the end, and nothing held back.</summary>
    public bool Succeeded => Error is null && Held is null;

    /// <summary>The CLI's closing line for this source.</summary>
    public string Summary() =>
        $"{SourceId}: fetched {Fetched}, written {Written}, unchanged {Unchanged}, API calls {ApiCalls}, 304s {NotModified}"
        + (Stale > 0 ? $", stale {Stale}" : "")
        + (Deleted > 0 ? $", deleted {Deleted}" : "")
        + (Held is { } held ? $" HELD: would remove {held.Unseen} of {held.Stored} stored items; removed none" : "")
        + (Error is null ? "" : $" FAILED: {Error}");
}

/// <summary>
/// Progress of one source during a run, reported after each stored page, at each retry of a tracker call (with
/// <see cref="Retry"/>), and once at the end.
/// </summary>
public sealed record SourceProgress(string SourceId, int Items, int Pages, int? RateLimitRemaining, bool Completed)
{
    /// <summary>The retry this report announces; null for a page or the end.</summary>
    public TrackerRetry? Retry { get; init; }
}

/// <summary>One run over all sources.</summary>
public sealed record SyncReport(IReadOnlyList<SourceStats> Sources, TimeSpan Duration)
{
    public bool Succeeded => Sources.All(s => s.Succeeded);

    /// <summary>Every source failed: nothing of this run is worth a report or a snapshot.</summary>
    public bool AllFailed => Sources.Count > 0 && Sources.All(s => s.Failed);

    public IReadOnlyList<string> FailedSources => [.. Sources.Where(s => s.Failed).Select(s => s.SourceId)];

    public int Fetched => Sources.Sum(s => s.Fetched);

    public long ApiCalls => Sources.Sum(s => s.ApiCalls);
}
