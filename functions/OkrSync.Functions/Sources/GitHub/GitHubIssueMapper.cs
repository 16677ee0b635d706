using System.Text.Json;
using OkrSync.Core.Work;

namespace OkrSync.Functions.Sources.GitHub;

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
        var number = issue.Number("number") ?? throw new FormatException("'number' is missing");
        var pullRequest = issue.Property("pull_request");
        var labels = issue.Array("labels").Select(LabelName).Where(l => l.Length > 0).ToArray();
        var state = StateOf(issue, labels, pullRequest);
        return new WorkItem
        {
            Source = SourceKind.GitHub,
            Key = $"{repository}#{number:0}",
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

    /// <summary><c>https://api.github.com/repos/acme/web</c> (or a GHES <c>/api/v3/repos/...</c> URL) to <c>acme/web</c>.</summary>
    public static string RepositoryOf(string repositoryUrl)
    {
        var at = repositoryUrl.LastIndexOf("/repos/", StringComparison.Ordinal);
        var path = at < 0 ? "" : repositoryUrl[(at + "/repos/".Length)..].TrimEnd('/');
        var parts = path.Split('/');
        if (parts.Length != 2 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"'repository_url' does not name a repository: '{repositoryUrl}'");
        }
        return path;
    }

    /// <summary>An issue URL (<c>.../repos/acme/web/issues/10</c>) to its key (<c>acme/web#10</c>), or null.</summary>
    public static string? KeyOfIssueUrl(string? issueUrl)
    {
        if (issueUrl is null)
        {
            return null;
        }
        var at = issueUrl.LastIndexOf("/issues/", StringComparison.Ordinal);
        return at < 0 ? null : $"{RepositoryOf(issueUrl[..at])}#{issueUrl[(at + "/issues/".Length)..].TrimEnd('/')}";
    }

    private static string? ParentOf(JsonElement issue) =>
        KeyOfIssueUrl(issue.String("parent_issue_url"))
        ?? (issue.Property("parent") is { } parent ? KeyOfIssueUrl(parent.String("url")) : null);

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
        _ => throw new FormatException("'labels' entries must be label objects or names"),
    };
}
