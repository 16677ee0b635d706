using OkrSync.Functions.Tests.Support;

namespace OkrSync.Functions.Tests.App.Support;

/// <summary>Webhook bodies in the shapes GitHub and Jira document (trimmed of fields OkrSync never reads, not of structure).</summary>
internal static class WebhookPayloads
{
    public static string Repository(string repo = "acme/web") => $$"""
        {
          "id": 1296269, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": "{{repo.Split('/')[1]}}", "full_name": "{{repo}}", "private": false,
          "owner": { "login": "{{repo.Split('/')[0]}}", "id": 1, "node_id": "MDQ6VXNlcjE=", "type": "Organization", "site_admin": false },
          "html_url": "https://github.com/{{repo}}", "url": "https://api.github.com/repos/{{repo}}",
          "created_at": "2024-01-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z", "pushed_at": "2026-11-01T00:00:00Z",
          "default_branch": "main", "open_issues_count": 3, "visibility": "public"
        }
        """;

    public const string Sender = """{ "login": "octocat", "id": 1, "node_id": "MDQ6VXNlcjE=", "type": "User", "site_admin": false }""";

    /// <summary>An <c>issues</c> event (<c>opened</c>, <c>labeled</c>, <c>edited</c>, <c>deleted</c>...), with the issue as it is after the change.</summary>
    public static string Issues(string action, int number, string labels = "", string updated = "2026-11-20T10:00:00Z", string repo = "acme/web", string state = "open", string? label = null) => $$"""
        {
          "action": "{{action}}",
          "issue": {{TrackerJson.GitHubIssue(number, repo: repo, state: state, labels: labels, updated: updated)}},
          {{(label is null ? "" : $"\"label\": {TrackerJson.Label(label)},")}}
          "repository": {{Repository(repo)}},
          "sender": {{Sender}}
        }
        """;

    public static string Ping(string repo = "acme/web") => $$"""
        {
          "zen": "Keep it logically awesome.",
          "hook_id": 109948940,
          "hook": { "type": "Repository", "id": 109948940, "name": "web", "active": true, "events": ["issues", "sub_issues"],
                    "config": { "content_type": "json", "insecure_ssl": "0", "url": "https://okrsync.example/api/webhooks/github" },
                    "updated_at": "2026-11-20T10:00:00Z", "created_at": "2026-11-20T10:00:00Z" },
          "repository": {{Repository(repo)}},
          "sender": {{Sender}}
        }
        """;

    /// <summary>A <c>sub_issues</c> event: <c>parent_issue_added</c>, <c>parent_issue_removed</c>, <c>sub_issue_added</c>, <c>sub_issue_removed</c>.</summary>
    public static string SubIssues(string action, int parent, int child, string repo = "acme/web") => $$"""
        {
          "action": "{{action}}",
          "parent_issue_id": {{1000 + parent}},
          "parent_issue": {{TrackerJson.GitHubIssue(parent, repo: repo)}},
          "parent_issue_repo": {{Repository(repo)}},
          "sub_issue_id": {{1000 + child}},
          "sub_issue": {{TrackerJson.GitHubIssue(child, repo: repo, updated: "2026-11-21T10:00:00Z")}},
          "sub_issue_repo": {{Repository(repo)}},
          "sender": {{Sender}}
        }
        """;

    /// <summary>A Jira issue webhook (<c>jira:issue_created</c>, <c>jira:issue_updated</c>, <c>jira:issue_deleted</c>).</summary>
    public static string Jira(string webhookEvent, string key, string labels = "", string updated = "2026-11-02T09:15:27.123+0900", string? parent = null) => $$"""
        {
          "timestamp": 1763970000000,
          "webhookEvent": "{{webhookEvent}}",
          "issue_event_type_name": "issue_generic",
          "user": { "self": "https://acme.atlassian.net/rest/api/2/user?accountId=5b10a2844c20165700ede21g", "accountId": "5b10a2844c20165700ede21g", "displayName": "Li Wen", "active": true, "timeZone": "Europe/Berlin" },
          "issue": {{TrackerJson.JiraIssue(key, labels: labels, updated: updated, parent: parent)}},
          "changelog": { "id": "10123", "items": [ { "field": "labels", "fieldtype": "jira", "from": null, "fromString": "", "to": null, "toString": "onboarding" } ] }
        }
        """;
}

/// <summary>Label arrays for payloads.</summary>
internal static class WebhookLabels
{
    public static string Onboarding => OkrSync.Functions.Tests.Support.TrackerJson.Label("onboarding");
}
