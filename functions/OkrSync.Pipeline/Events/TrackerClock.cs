using System.Globalization;

namespace OkrSync.Pipeline.Events;

/// <summary>
/// How far a tracker's <c>updated</c> may run ahead of this server's clock (<c>OkrSync:Trackers:MaxClockSkew</c>,
/// default 5 minutes). Beyond it, a webhook event is refused and an item read from a tracker's API is stored with its
/// <c>updated</c> clamped to now, with a warning: a far-future time would otherwise make every later version look older.
/// </summary>
public sealed record TrackerClock
{
    public const string Setting = "OkrSync:Trackers:MaxClockSkew";

    public static readonly TimeSpan DefaultMaxSkew = TimeSpan.FromMinutes(5);

    public TrackerClock(TimeSpan maxSkew)
    {
        if (maxSkew < TimeSpan.Zero || maxSkew > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(maxSkew), maxSkew, $"{Setting} must be between 00:00:00 and 1.00:00:00");
        }
        MaxSkew = maxSkew;
    }

    public TimeSpan MaxSkew { get; }

    public static TrackerClock Default { get; } = new(DefaultMaxSkew);

    /// <summary>How far <paramref name="updated"/> is beyond the allowed skew ahead of <paramref name="now"/>; null when within it.</summary>
    public TimeSpan? AheadBy(DateTimeOffset updated, DateTimeOffset now) =>
        updated > now + MaxSkew ? updated - now : null;

    /// <summary>The latest <c>updated</c> accepted at <paramref name="now"/>.</summary>
    public DateTimeOffset Limit(DateTimeOffset now) => now + MaxSkew;

    public static string Describe(TimeSpan ahead) =>
        ahead.TotalDays >= 2 ? $"{Math.Floor(ahead.TotalDays).ToString("N0", CultureInfo.InvariantCulture)} days"
        : ahead.TotalHours >= 2 ? $"{Math.Floor(ahead.TotalHours).ToString(CultureInfo.InvariantCulture)} hours"
        : $"{Math.Ceiling(ahead.TotalMinutes).ToString(CultureInfo.InvariantCulture)} minutes";
}
