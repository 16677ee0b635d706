using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.GitHub;

/// <summary>
/// Writes GitHub REST JSON (shapes of the documented "List repository issues" example, plus <c>sub_issues_summary</c>,
/// <c>issue_dependencies_summary</c> and <c>parent_issue_url</c>). Users and labels are cached as raw JSON per base URL.
/// </summary>
internal sealed partial class GitHubJson
{
    private static readonly HashSet<string> DefaultLabels =
        ["bug", "documentation", "duplicate", "enhancement", "good first issue", "help wanted", "invalid", "question", "wontfix"];

    private readonly ConcurrentDictionary<(string Base, string Kind, string Key), byte[]> _fragments = new();

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public void WriteIssue(Utf8JsonWriter w, GitHubUrls urls, GitHubRepoSnapshot repo, GitHubIssueView view)
    {
        var issue = view.Issue;
        var url = urls.Issue(repo.FullName, issue.Number);
        w.WriteStartObject();
        w.WriteNumber("id", issue.Id);
        w.WriteString("node_id", NodeId("I_kwDO", issue.Id));
        w.WriteString("url", url);
        w.WriteString("repository_url", urls.Repository(repo.FullName));
        w.WriteString("labels_url", url + "/labels{/name}");
        w.WriteString("comments_url", url + "/comments");
        w.WriteString("events_url", url + "/events");
        w.WriteString("html_url", $"{urls.Html}/{repo.FullName}/{(issue.IsPullRequest ? "pull" : "issues")}/{issue.Number}");
        w.WriteNumber("number", issue.Number);
        w.WriteString("state", issue.State == GitHubIssueState.Closed ? "closed" : "open");
        w.WriteString("title", issue.Title);
        w.WriteString("body", issue.Body);
        w.WritePropertyName("user");
        WriteUser(w, urls, issue.Author);
        w.WriteStartArray("labels");
        foreach (var label in issue.Labels)
        {
            WriteLabel(w, urls, repo.FullName, label);
        }

        w.WriteEndArray();
        w.WritePropertyName("assignee");
        WriteUserOrNull(w, urls, issue.Assignees.Count > 0 ? issue.Assignees[0] : null);
        w.WriteStartArray("assignees");
        foreach (var assignee in issue.Assignees)
        {
            WriteUser(w, urls, assignee);
        }

        w.WriteEndArray();
        w.WritePropertyName("milestone");
        if (issue.Milestone is { } number && repo.Milestones.TryGetValue(number, out var milestone))
        {
            WriteMilestone(w, urls, repo, milestone);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteBoolean("locked", false);
        w.WriteNull("active_lock_reason");
        w.WriteNumber("comments", issue.Comments);
        if (issue.IsPullRequest)
        {
            WritePullRequest(w, urls, repo.FullName, issue);
        }

        WriteTime(w, "closed_at", issue.ClosedAt);
        WriteTime(w, "created_at", issue.CreatedAt);
        WriteTime(w, "updated_at", issue.UpdatedAt);
        w.WriteString("author_association", string.Equals(issue.Author, repo.Owner, StringComparison.OrdinalIgnoreCase) ? "OWNER" : "MEMBER");
        w.WriteString("state_reason", StateReason(issue.StateReason));
        w.WriteNull("type");
        w.WriteNull("performed_via_github_app");
        w.WriteString("timeline_url", url + "/timeline");
        WriteReactions(w, url);
        if (!issue.IsPullRequest)
        {
            WriteHierarchy(w, urls, view);
        }

        w.WriteEndObject();
    }

    private static void WriteHierarchy(Utf8JsonWriter w, GitHubUrls urls, GitHubIssueView view)
    {
        w.WriteStartObject("sub_issues_summary");
        w.WriteNumber("total", view.SubIssuesTotal);
        w.WriteNumber("completed", view.SubIssuesCompleted);
        w.WriteNumber("percent_completed", view.SubIssuesTotal == 0 ? 0 : view.SubIssuesCompleted * 100 / view.SubIssuesTotal);
        w.WriteEndObject();
        w.WriteStartObject("issue_dependencies_summary");
        w.WriteNumber("blocked_by", 0);
        w.WriteNumber("blocking", 0);
        w.WriteNumber("total_blocked_by", 0);
        w.WriteNumber("total_blocking", 0);
        w.WriteEndObject();
        if (view.Issue.Parent is { } parent)
        {
            w.WriteString("parent_issue_url", urls.Issue(parent.Repository, parent.Number));
        }
    }

    private static void WritePullRequest(Utf8JsonWriter w, GitHubUrls urls, string repository, FakeGitHubIssue issue)
    {
        var html = $"{urls.Html}/{repository}/pull/{issue.Number}";
        w.WriteStartObject("pull_request");
        w.WriteString("url", $"{urls.Repository(repository)}/pulls/{issue.Number}");
        w.WriteString("html_url", html);
        w.WriteString("diff_url", html + ".diff");
        w.WriteString("patch_url", html + ".patch");
        WriteTime(w, "merged_at", issue.StateReason == GitHubStateReason.Completed ? issue.ClosedAt : null);
        w.WriteEndObject();
        w.WriteBoolean("draft", false);
    }

    private static void WriteReactions(Utf8JsonWriter w, string issueUrl)
    {
        w.WriteStartObject("reactions");
        w.WriteString("url", issueUrl + "/reactions");
        foreach (var name in (string[])["total_count", "+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"])
        {
            w.WriteNumber(name, 0);
        }

        w.WriteEndObject();
    }

    private static string? StateReason(GitHubStateReason? reason) => reason switch
    {
        GitHubStateReason.Completed => "completed",
        GitHubStateReason.NotPlanned => "not_planned",
        GitHubStateReason.Reopened => "reopened",
        GitHubStateReason.Duplicate => "duplicate",
        _ => null,
    };

    private static void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            w.WriteString(name, Time(time));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string NodeId(string prefix, long id) =>
        prefix + Convert.ToBase64String(BitConverter.GetBytes(id)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
