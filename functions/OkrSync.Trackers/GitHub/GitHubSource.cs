using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Octokit;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;
using OkrSync.Trackers.Http;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// One repository's issues and pull requests:
/// <c>GET /repos/{o}/{r}/issues?state=all&amp;sort=updated&amp;direction=asc&amp;per_page=100&amp;since=CURSOR</c>, following
/// <c>Link: rel="next"</c>. The cursor is the <c>updated_at</c> high-water mark (GitHub's <c>since</c> is inclusive,
/// so the boundary item is read again, harmlessly). When a run moved the cursor, one more call asks for the first
/// page at the new cursor and keeps its ETag, so that the next poll is conditional and, when nothing changed, a 304.
/// </summary>
public sealed class GitHubSource : ITrackerSource
{
    private const string Accept = "application/vnd.github+json";
    private const int MaxTailReads = 3;
    private readonly Connection connection;
    private readonly GitHubEtagCache cache = new();
    private readonly GitHubOptions options;
    private readonly TimeProvider time;
    private readonly GitHubSubIssues subIssues;

    public GitHubSource(string repository, GitHubOptions options, GitHubConnections connections, ICredentialStore credentials, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(connections);
        Repository = GitHubIssueMapper.RepositoryOf($"/repos/{repository}");
        this.options = options;
        this.time = time;
        connection = connections.CreateRaw(credentials, Usage, cache);
        subIssues = new GitHubSubIssues(connection, Repository);
    }

    public string Id => $"github:{Repository}";

    public string Repository { get; }

    public SourceKind Kind => SourceKind.GitHub;

    public string Container => Repository;

    public ApiUsage Usage { get; } = new();

    public async IAsyncEnumerable<WorkPage> ReadAsync(SyncCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var position = string.IsNullOrEmpty(since?.Position) ? null : since.Position;
        var endpoint = FirstPage(position);
        cache.Seed(endpoint, since?.ETag);
        var tailReads = 0;
        var parents = new Dictionary<string, string>(StringComparer.Ordinal);
        var expanded = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var response = await connection.Get<object>(new Uri(endpoint, UriKind.RelativeOrAbsolute), null, Accept, cancellationToken);
            var http = response.HttpResponse;
            if (http.StatusCode == HttpStatusCode.NotModified)
            {
                yield break; // the first page is as stored: nothing changed
            }
            var (items, listedHigh) = await ReadPageAsync(http.Body, endpoint, parents, expanded, cancellationToken);
            var pageHigh = listedHigh is { } high ? Format(high) : null;
            var newPosition = Later(position, pageHigh);
            http.ApiInfo.Links.TryGetValue("next", out var next);
            var isFirstPageAtNewPosition = next is null && endpoint == FirstPage(newPosition);
            var cursor = new SyncCursor(Id, newPosition ?? "", time.GetUtcNow()) { ETag = isFirstPageAtNewPosition ? http.ApiInfo.Etag : null };
            position = newPosition;
            yield return new WorkPage(items, cursor);
            if (next is not null)
            {
                endpoint = next.AbsoluteUri;
            }
            else if (!isFirstPageAtNewPosition && tailReads++ < MaxTailReads)
            {
                endpoint = FirstPage(position); // the tail read: learn the ETag of the next poll's request
            }
            else
            {
                yield break;
            }
        }
    }

    /// <summary>
    /// One issue (<c>GET /repos/{o}/{r}/issues/{n}</c>), for events that carry a reference instead of the item;
    /// null when it is gone (404, or 410 for a deleted issue).
    /// </summary>
    public async Task<WorkItem?> FetchAsync(int number, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await connection.Get<object>(new Uri($"repos/{Repository}/issues/{number.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative), null, Accept, cancellationToken);
            using var document = JsonBody.Parse(response.HttpResponse.Body, "null");
            return GitHubIssueMapper.Map(document.RootElement);
        }
        catch (ApiException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return null;
        }
    }

    // The high-water mark counts listed issues only: sub-issue children added to the page may be newer than the listing's position.
    private async Task<(List<WorkItem> Items, DateTimeOffset? ListedHigh)> ReadPageAsync(
        object? body, string endpoint, Dictionary<string, string> parents, HashSet<string> expanded, CancellationToken cancellationToken)
    {
        using var document = JsonBody.Parse(body, "[]");
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new SourceFormatException(endpoint, "expected a JSON array of issues");
        }
        var items = new List<WorkItem>(document.RootElement.GetArrayLength());
        var index = 0;
        foreach (var issue in document.RootElement.EnumerateArray())
        {
            try
            {
                var item = GitHubIssueMapper.Map(issue);
                items.Add(item.ParentKey is null && parents.TryGetValue(item.Key, out var parent) ? item with { ParentKey = parent } : item);
            }
            catch (FormatException e)
            {
                throw new SourceFormatException($"{endpoint} [{index}]", e.Message, e);
            }
            index++;
        }
        DateTimeOffset? listedHigh = items.Count == 0 ? null : items.Max(i => i.Updated);
        if (options.SubIssueParents == SubIssueParentMode.ListSubIssues)
        {
            await subIssues.AddChildrenAsync(document.RootElement, items, parents, expanded, cancellationToken);
        }
        return (items, listedHigh);
    }

    private string FirstPage(string? since) =>
        $"repos/{Repository}/issues?state=all&sort=updated&direction=asc&per_page={options.PageSize.ToString(CultureInfo.InvariantCulture)}"
        + (since is null ? "" : $"&since={Uri.EscapeDataString(since)}");

    /// <summary>GitHub's own format, whole seconds (flooring keeps <c>since</c> inclusive of the high-water item).</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string? Later(string? a, string? b) =>
        a is null ? b : b is null ? a : TrackerTime.Parse(a) >= TrackerTime.Parse(b) ? a : b;
}
