using OkrSync.Pipeline.Sync;

namespace OkrSync.Trackers.Jira;

/// <summary>
/// What every project of one Jira site shares during a run, read once: the querying user's time zone
/// (<c>/myself</c>) and the story points field (<c>/field</c>, skipped when configured). These are the run's
/// constant calls, counted on the source that first asks.
/// </summary>
public sealed partial class JiraSite(JiraClient client, JiraOptions options, ILogger<JiraSite> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SiteInfo? info;
    private StoryPoints? storyPoints;

    /// <summary>
    /// The story points field alone (configured, or discovered once from <c>/field</c>): what a single-issue fetch needs.
    /// It costs no call when the field is configured, and no <c>/myself</c> call ever.
    /// </summary>
    public async Task<string?> GetStoryPointsFieldAsync(ApiUsage usage, CancellationToken cancellationToken = default)
    {
        if (info is { } known)
        {
            return known.StoryPointsField;
        }
        if (options.StoryPointsField is { } configured)
        {
            return configured;
        }
        if (storyPoints is { } found)
        {
            return found.Field;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            storyPoints ??= new StoryPoints(await client.FindStoryPointsFieldAsync(usage, cancellationToken));
            return storyPoints.Field;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<SiteInfo> GetAsync(ApiUsage usage, CancellationToken cancellationToken = default)
    {
        if (info is { } known)
        {
            return known;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (info is { } again)
            {
                return again;
            }
            var zoneId = await client.GetTimeZoneIdAsync(usage, cancellationToken);
            var field = options.StoryPointsField ?? storyPoints?.Field ?? await client.FindStoryPointsFieldAsync(usage, cancellationToken);
            info = new SiteInfo(Resolve(zoneId), field);
            return info;
        }
        finally
        {
            gate.Release();
        }
    }

    private TimeZoneInfo? Resolve(string? zoneId)
    {
        if (zoneId is null)
        {
            LogZoneUnknown(logger, "(none)");
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            LogZoneUnknown(logger, zoneId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jira user time zone {ZoneId} is unknown on this machine; incremental queries start 14 hours earlier to miss nothing")]
    private static partial void LogZoneUnknown(ILogger logger, string zoneId);
}

/// <summary>A discovered story points field id; null inside when the site has none.</summary>
internal sealed record StoryPoints(string? Field);

/// <summary>The querying user's time zone (null when unknown) and the story points field id (null when none).</summary>
public sealed record SiteInfo(TimeZoneInfo? UserZone, string? StoryPointsField);
