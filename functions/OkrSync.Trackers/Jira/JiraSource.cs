using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Trackers.Jira;

/// <summary>
/// One Jira project (Id <c>jira:PROJ</c>): the issues updated since the cursor minus the overlap, ordered by
/// <c>updated, key</c>, page by page. The cursor is the <c>updated</c> high-water mark of the stored pages.
/// Cloud pages with <c>nextPageToken</c> until <c>isLast</c>; Data Center pages with <c>startAt</c>, overlapping each
/// page by one issue to detect a shift (an issue updated mid-run moves to the end) and restart from the cursor.
/// </summary>
public sealed class JiraSource(string project, JiraClient client, JiraSite site, JiraOptions options, TimeProvider time) : ITrackerSource
{
    private const int MaxRestarts = 5;

    public string Id => $"jira:{project}";

    public SourceKind Kind => SourceKind.Jira;

    public string Container => project;

    public ApiUsage Usage { get; } = new();

    public async IAsyncEnumerable<WorkPage> ReadAsync(SyncCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var info = await site.GetAsync(Usage, cancellationToken);
        var fields = info.StoryPointsField is { } points ? [.. JiraIssueMapper.Fields, points] : JiraIssueMapper.Fields;
        DateTimeOffset? position = string.IsNullOrEmpty(since?.Position) ? null : TrackerTime.Parse(since.Position, "cursor");
        var pages = options.Deployment == JiraDeployment.Cloud
            ? ReadCloudAsync(position, fields, info, cancellationToken)
            : ReadDataCenterAsync(position, fields, info, cancellationToken);
        await foreach (var items in pages)
        {
            if (items.Count > 0 && items.Max(i => i.Updated) is var high && (position is null || high > position))
            {
                position = high;
            }
            yield return new WorkPage(items, position is { } p ? new SyncCursor(Id, Format(p), time.GetUtcNow()) : null);
        }
    }

    /// <summary>One issue of this project, read through the API (for events that carry a reference); null when it is gone.</summary>
    public async Task<WorkItem?> FetchAsync(string key, CancellationToken cancellationToken = default)
    {
        var storyPoints = await site.GetStoryPointsFieldAsync(Usage, cancellationToken);
        var fields = storyPoints is { } points ? [.. JiraIssueMapper.Fields, points] : JiraIssueMapper.Fields;
        using var issue = await client.GetIssueAsync(key, fields, Usage, cancellationToken);
        return issue is null ? null : JiraIssueMapper.Map(issue.RootElement, storyPoints);
    }

    private async IAsyncEnumerable<List<WorkItem>> ReadCloudAsync(DateTimeOffset? since, IReadOnlyList<string> fields, SiteInfo info, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var jql = JiraJql.Incremental([project], since, options.Overlap, info.UserZone);
        string? token = null;
        do
        {
            using var page = await client.SearchAsync(jql, fields, token, 0, Usage, cancellationToken);
            yield return Map(page.RootElement, info);
            token = page.RootElement.String("nextPageToken");
            if (page.RootElement.Property("isLast")?.GetBoolean() == true)
            {
                token = null;
            }
        }
        while (token is not null);
    }

    private async IAsyncEnumerable<List<WorkItem>> ReadDataCenterAsync(DateTimeOffset? since, IReadOnlyList<string> fields, SiteInfo info, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var jql = JiraJql.Incremental([project], since, options.Overlap, info.UserZone);
        var startAt = 0;
        string? lastKey = null;
        DateTimeOffset? high = since;
        var restarts = 0;
        while (true)
        {
            using var page = await client.SearchAsync(jql, fields, null, lastKey is null ? startAt : startAt - 1, Usage, cancellationToken);
            var items = Map(page.RootElement, info);
            if (lastKey is not null)
            {
                if (items.Count == 0 || items[0].Key != lastKey)
                {
                    if (++restarts > MaxRestarts)
                    {
                        throw new JiraApiException($"Jira search results for {project} kept shifting while paging; try again later");
                    }
                    // The result shifted under us: query again from what is stored so far, from the start.
                    jql = JiraJql.Incremental([project], high, options.Overlap, info.UserZone);
                    (startAt, lastKey) = (0, null);
                    continue;
                }
                items.RemoveAt(0);
            }
            if (items.Count == 0)
            {
                yield break;
            }
            yield return items;
            high = items.Max(i => i.Updated) is var max && (high is null || max > high) ? max : high;
            startAt += items.Count;
            lastKey = items[^1].Key;
            if (startAt >= (page.RootElement.Number("total") ?? 0))
            {
                yield break;
            }
        }
    }

    private static List<WorkItem> Map(JsonElement page, SiteInfo info)
    {
        var items = new List<WorkItem>();
        foreach (var issue in page.Array("issues"))
        {
            try
            {
                items.Add(JiraIssueMapper.Map(issue, info.StoryPointsField));
            }
            catch (FormatException e)
            {
                throw new SourceFormatException($"Jira search, issue {issue.String("key") ?? "?"}", e.Message, e);
            }
        }
        return items;
    }

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
