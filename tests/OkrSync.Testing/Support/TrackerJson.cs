namespace OkrSync.Functions.Tests.Support;

/// <summary>Small hand-written tracker payloads in the documented shapes (GitHub REST issues, Jira search pages).</summary>
internal static class TrackerJson
{
    public static string GitHubIssue(int number, string repo = "acme/web", string state = "open", string? stateReason = null, string labels = "", string milestone = "null", bool pullRequest = false, string? mergedAt = null, string updated = "2026-11-20T10:00:00Z") => $$"""
        {
          "url": "https://api.github.com/repos/{{repo}}/issues/{{number}}",
          "repository_url": "https://api.github.com/repos/{{repo}}",
          "html_url": "https://github.com/{{repo}}/issues/{{number}}",
          "id": {{1000 + number}}, "node_id": "I_kw{{number}}", "number": {{number}},
          "title": "Issue {{number}}", "user": { "login": "octocat", "id": 1 },
          "labels": [{{labels}}],
          "state": "{{state}}", "locked": false,
          "assignee": { "login": "octocat", "id": 1 }, "assignees": [{ "login": "octocat", "id": 1 }],
          "milestone": {{milestone}},
          "comments": 0, "created_at": "2026-10-01T08:00:00Z", "updated_at": "{{updated}}",
          "closed_at": {{(state == "closed" ? "\"2026-11-20T10:00:00Z\"" : "null")}},
          "author_association": "MEMBER", "body": "Body of {{number}}",
          "state_reason": {{(stateReason is null ? "null" : $"\"{stateReason}\"")}}
          {{(pullRequest ? $$""", "pull_request": { "url": "https://api.github.com/repos/{{repo}}/pulls/{{number}}", "merged_at": {{(mergedAt is null ? "null" : $"\"{mergedAt}\"")}} }""" : "")}}
        }
        """;

    public static string Label(string name) => $$"""{ "id": 1, "name": "{{name}}", "color": "ededed", "default": false }""";

    public static string JiraIssue(string key, string category = "new", string? resolution = null, string labels = "", string? parent = null, string updated = "2026-11-02T09:15:27.123+0900", string type = "Story") => $$"""
        {
          "id": "10{{key.Length}}", "self": "https://acme.atlassian.net/rest/api/3/issue/10001", "key": "{{key}}",
          "fields": {
            "summary": "Summary of {{key}}",
            "status": { "name": "Whatever", "statusCategory": { "key": "{{category}}", "name": "x" } },
            "issuetype": { "name": "{{type}}" },
            "project": { "key": "{{key[..key.IndexOf('-', StringComparison.Ordinal)]}}" },
            "labels": [{{labels}}],
            "components": [],
            {{(parent is null ? "" : $$""" "parent": { "key": "{{parent}}" }, """)}}
            "assignee": { "displayName": "Li Wen", "emailAddress": "li@acme.example" },
            "resolution": {{(resolution is null ? "null" : $$"""{ "name": "{{resolution}}" }""")}},
            "created": "2026-10-01T08:00:00.000+0000",
            "updated": "{{updated}}",
            "resolutiondate": null,
            "customfield_10016": 5
          }
        }
        """;
}
