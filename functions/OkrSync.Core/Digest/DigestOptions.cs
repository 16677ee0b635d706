namespace OkrSync.Core.Digest;

/// <summary>How a weekly digest is cut.</summary>
public sealed record DigestOptions
{
    public static DigestOptions Default { get; } = new();

    /// <summary>At most this many orphaned items are listed (the oldest); the rest are counted and linked.</summary>
    public int OrphanCap { get; init; } = 20;

    /// <summary>
    /// A page listing all orphaned work (a dashboard, or the read API's <c>/api/orphans</c>). The "and N more" links
    /// point here; without it they point to the tracker's search for the open work of that repository or project.
    /// </summary>
    public string? ReportUrl { get; init; }

    /// <summary>How many weeks the orphan-rate trend line shows, this week included.</summary>
    public int TrendWeeks { get; init; } = 6;
}
