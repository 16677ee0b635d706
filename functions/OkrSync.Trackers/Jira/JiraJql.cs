using System.Globalization;

namespace OkrSync.Trackers.Jira;

/// <summary>
/// The incremental query: <c>project in (...) AND updated &gt;= "yyyy-MM-dd HH:mm" ORDER BY updated ASC, key ASC</c>.
/// JQL dates are minute-granular and read in the querying user's time zone, so the cursor minus the overlap is
/// converted to that zone and floored to the minute (earlier is safe: upserts are idempotent).
/// </summary>
public static class JiraJql
{
    /// <summary>UTC-12 is the furthest behind; when the user's zone is unknown, starting this much earlier misses nothing.</summary>
    public static readonly TimeSpan UnknownZoneMargin = TimeSpan.FromHours(14);

    public static string Incremental(IReadOnlyList<string> projects, DateTimeOffset? since, TimeSpan overlap, TimeZoneInfo? userZone)
    {
        ArgumentNullException.ThrowIfNull(projects);
        var scope = $"project in ({string.Join(", ", projects.Select(Quote))})";
        var where = since is { } from ? $"{scope} AND updated >= \"{LocalMinute(from - overlap, userZone)}\"" : scope;
        return $"{where} ORDER BY updated ASC, key ASC";
    }

    /// <summary>The instant as wall-clock time in <paramref name="zone"/>, floored to the minute.</summary>
    public static string LocalMinute(DateTimeOffset instant, TimeZoneInfo? zone)
    {
        if (zone is null)
        {
            return Format(instant.UtcDateTime - UnknownZoneMargin);
        }
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        // In the repeated hour after a DST fall-back, Jira may take the later reading; start an hour earlier instead.
        return zone.IsAmbiguousTime(local) ? Format(TimeZoneInfo.ConvertTime(instant - TimeSpan.FromHours(1), zone).DateTime) : Format(local.DateTime);
    }

    private static string Format(DateTime wallClock) => wallClock.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Quote(string project) => $"\"{project.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
}
