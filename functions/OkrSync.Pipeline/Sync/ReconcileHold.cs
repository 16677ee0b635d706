using System.Globalization;

namespace OkrSync.Pipeline.Sync;

/// <summary>
/// A full listing of a source that would have removed <see cref="Unseen"/> of its <see cref="Stored"/> items, a share
/// above <see cref="MaxShare"/>, so that none were removed. <see cref="At"/> is when the listing ran.
/// </summary>
public sealed record ReconcileHold(int Stored, int Unseen, double MaxShare, DateTimeOffset At)
{
    /// <summary>
    /// The hold for a listing that would remove <paramref name="unseen"/> of <paramref name="stored"/> items; null when
    /// that is at most <paramref name="maxShare"/> of them (removing nothing is never held).
    /// </summary>
    public static ReconcileHold? Check(int stored, int unseen, double maxShare, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(unseen);
        ArgumentOutOfRangeException.ThrowIfLessThan(stored, unseen);
        // Compared as a quotient, so that 2 of 10 against 0.2 is exactly at the limit.
        return unseen > 0 && (double)unseen / stored > maxShare ? new ReconcileHold(stored, unseen, maxShare, at) : null;
    }

    /// <summary>The share of the stored items the listing would have removed, in (0, 1].</summary>
    public double Share => Stored == 0 ? 0 : (double)Unseen / Stored;

    /// <summary>The CLI's and the log's line: the source, then <see cref="Explain"/>.</summary>
    public string Describe(string sourceId) => $"{sourceId}: {Explain()}";

    /// <summary>What happened and what to do, with the counts and the limit.</summary>
    public string Explain() => string.Create(
        CultureInfo.InvariantCulture,
        $"the full listing would remove {Unseen} of its {Stored} stored items ({Percent(Share)}, above the {Percent(MaxShare)} limit of {ReconcileOptions.Section}:MaxRemovalShare), so nothing was removed. If the tracker is right, run 'okrsync sync --full --allow-mass-removal' once; if not, check its token, permissions and scope.");

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.#}%");
}
