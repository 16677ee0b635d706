using System.Globalization;
using System.Text.Json;
using OkrSync.Core.Work;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// Translates a GitHub REST issue (as listed by <c>GET /repos/{o}/{r}/issues</c>, or inside a webhook payload) into a
/// <see cref="WorkItem"/>. Pull requests are issues with a <c>pull_request</c> key.
/// </summary>
public static class GitHubIssueMapper
{
    // GitHub has no native "in progress"; these labels are the common conventions for it.
    private static readonly HashSet<string> InProgressLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        "in progress", "in-progress", "wip", "doing", "status: in progress", "status/in-progress",
    };

    /// <exception cref="FormatException">The JSON is not a GitHub issue; the message names the field.</exception>
    public static WorkItem Map(JsonElement issue, string? parentKey = null)
    {
        if (issue.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an issue must be a JSON object");
        }
        var repository = RepositoryOf(issue.RequiredString("repository_url"));
        var number = NumberOf(issue);
        var pullRequest = issue.Property("pull_request");
        var labels = issue.Array("labels").Select(LabelName).Where(l => l.Length > 0).ToArray();
        var state = StateOf(issue, labels, pullRequest);
        return new WorkItem
        {
            Source = SourceKind.GitHub,
            Key = KeyOf(repository, number),
            Container = repository,
            Title = issue.String("title") ?? "",
            Url = issue.String("html_url") ?? "",
            Type = pullRequest is null ? "issue" : "pull_request",
            State = state,
            Status = issue.String("state") ?? "",
            Labels = labels,
            ParentKey = parentKey ?? ParentOf(issue),
            Milestone = issue.Property("milestone")?.String("title"),
            Assignee = issue.Property("assignee")?.String("login") ?? issue.Array("assignees").Select(a => a.String("login")).FirstOrDefault(),
            Created = issue.Time("created_at") ?? throw new FormatException("'created_at' is missing"),
            Updated = issue.Time("updated_at") ?? throw new FormatException("'updated_at' is missing"),
            Closed = issue.Time("closed_at"),
            IsPullRequest = pullRequest is not null,
            Body = issue.String("body"),
        };
    }

    /// <summary>
    /// An issue's <c>number</c>: GitHub numbers issues from 1 in each repository and the API types the number as a
    /// 32-bit integer, so anything but a whole number from 1 to <see cref="int.MaxValue"/> (<c>1e400</c>, <c>-5</c>,
    /// <c>0</c>, <c>12.5</c>, <c>"NaN"</c>, 301 digits) is refused rather than turned into a key. A string of digits is
    /// read as the number, as some exports write it.
    /// </summary>
    /// <exception cref="JsonFieldException">The number is missing or not such a number.</exception>
    public static int NumberOf(JsonElement issue)
    {
        var value = issue.Property("number") ?? throw new JsonFieldException("number", "is missing");
        var number = value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt32(out var n) => n,
            JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => 0,
        };
        return number >= 1 ? number : throw new JsonFieldException("number", $"must be a whole number from 1 to {int.MaxValue}, not {Truncated(value.GetRawText())}");
    }

    /// <summary><c>acme/web</c> and 12 to <c>acme/web#12</c>.</summary>
    public static string KeyOf(string repository, int number) => $"{repository}#{number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>https://api.github.com/repos/acme/web</c> (or a GHES <c>/api/v3/repos/...</c> URL) to <c>acme/web</c>.</summary>
    public static string RepositoryOf(string repositoryUrl)
    {
        var at = repositoryUrl.LastIndexOf("/repos/", StringComparison.Ordinal);
        var path = at < 0 ? "" : repositoryUrl[(at + "/repos/".Length)..].TrimEnd('/');
        var parts = path.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            throw new JsonFieldException("repository_url", $"does not name a repository: '{repositoryUrl}'");
        }
        return path;
    }

    /// <summary>
    /// An issue URL (<c>.../repos/acme/web/issues/10</c>) to its key (<c>acme/web#10</c>), or null when it is not an
    /// issue URL. <paramref name="field"/> names the URL's field in errors.
    /// </summary>
    /// <exception cref="JsonFieldException">The URL ends in something that is not an issue number.</exception>
    public static string? KeyOfIssueUrl(string? issueUrl, string field = "url")
    {
        if (issueUrl is null)
        {
            return null;
        }
        var at = issueUrl.LastIndexOf("/issues/", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }
        var tail = issueUrl[(at + "/issues/".Length)..].TrimEnd('/');
        return int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1
            ? KeyOf(RepositoryOf(issueUrl[..at]), number)
            : throw new JsonFieldException(field, $"does not end in an issue number: '{Truncated(issueUrl)}'");
    }

    private static string? ParentOf(JsonElement issue) =>
        KeyOfIssueUrl(issue.String("parent_issue_url"), "parent_issue_url")
        ?? (issue.Property("parent") is { } parent ? KeyOfIssueUrl(parent.String("url"), "parent.url") : null);

    private static string Truncated(string text) => text.Length <= 40 ? text : $"{text[..40]}... ({text.Length} characters)";

    private static StateCategory StateOf(JsonElement issue, string[] labels, JsonElement? pullRequest)
    {
        var state = issue.String("state");
        if (string.Equals(state, "closed", StringComparison.OrdinalIgnoreCase))
        {
            var reason = issue.String("state_reason");
            if (reason is "not_planned" or "duplicate")
            {
                return StateCategory.Cancelled;
            }
            if (pullRequest is { } pr && pr.Property("merged_at") is null && pr.ValueKind == JsonValueKind.Object && pr.TryGetProperty("merged_at", out _))
            {
                return StateCategory.Cancelled; // closed without merging
            }
            return StateCategory.Done;
        }
        return labels.Any(InProgressLabels.Contains) ? StateCategory.InProgress : StateCategory.Todo;
    }

    // The REST API gives label objects; some exports and older payloads give plain names.
    private static string LabelName(JsonElement label) => label.ValueKind switch
    {
        JsonValueKind.String => label.GetString() ?? "",
        JsonValueKind.Object => label.String("name") ?? "",
        _ => throw new JsonFieldException("labels", "entries must be label objects or names"),
    };
}
