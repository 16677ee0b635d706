namespace OkrSync.Functions.Sync;

/// <summary>
/// What one source did in one run: items fetched, written, left unchanged or stale (the store held newer),
/// deleted (reconcile), pages, API calls on the wire (retries included) and 304s, the rate-limit budget left,
/// how long it took, and the error that stopped it (null when it completed).
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
    public bool Succeeded => Error is null;

    /// <summary>The CLI's closing line for this source.</summary>
    public string Summary() =>
        $"{SourceId}: fetched {Fetched}, written {Written}, unchanged {Unchanged}, API calls {ApiCalls}, 304s {NotModified}"
        + (Stale > 0 ? $", stale {Stale}" : "")
        + (Deleted > 0 ? $", deleted {Deleted}" : "")
        + (Error is null ? "" : $" FAILED: {Error}");
}

/// <summary>Progress of one source during a run, reported after each stored page (and once at the end).</summary>
public sealed record SourceProgress(string SourceId, int Items, int Pages, int? RateLimitRemaining, bool Completed);

/// <summary>One run over all sources.</summary>
public sealed record SyncReport(IReadOnlyList<SourceStats> Sources, TimeSpan Duration)
{
    public bool Succeeded => Sources.All(s => s.Succeeded);

    public int Fetched => Sources.Sum(s => s.Fetched);

    public long ApiCalls => Sources.Sum(s => s.ApiCalls);
}
