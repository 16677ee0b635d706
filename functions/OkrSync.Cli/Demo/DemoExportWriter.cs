using System.Globalization;
using System.Text.Json;

namespace OkrSync.Cli.Demo;

/// <summary>
/// Writes demo items in the trackers' own wire shapes: GitHub issues as <c>gh api --paginate</c> prints them
/// (arrays of up to 100, back to back), Jira issues as <c>/rest/api/3/search/jql</c> pages.
/// </summary>
internal static class DemoExportWriter
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true };

    public static void WriteGitHub(Stream stream, IEnumerable<DemoItem> items, DateTimeOffset now)
    {
        foreach (var repo in items.Where(i => !i.IsJira).GroupBy(i => i.Container))
        {
            foreach (var page in repo.Chunk(100))
            {
                // One writer per page: the export is JSON values back to back, as `gh api --paginate` prints them.
                using var json = new Utf8JsonWriter(stream, Indented);
                json.WriteStartArray();
                foreach (var item in page)
                {
                    WriteGitHubIssue(json, item, now);
                }
                json.WriteEndArray();
                json.Flush();
                stream.WriteByte((byte)'\n');
            }
        }
    }

    public static void WriteJira(Stream stream, IEnumerable<DemoItem> items, DateTimeOffset now)
    {
        var pages = items.Where(i => i.IsJira).Chunk(50).ToList();
        for (var p = 0; p < pages.Count; p++)
        {
            using var json = new Utf8JsonWriter(stream, Indented);
            json.WriteStartObject();
            json.WriteStartArray("issues");
            foreach (var item in pages[p])
            {
                WriteJiraIssue(json, item, now);
            }
            json.WriteEndArray();
            if (p < pages.Count - 1)
            {
                json.WriteString("nextPageToken", Convert.ToBase64String(BitConverter.GetBytes(p + 1)));
            }
            json.WriteBoolean("isLast", p == pages.Count - 1);
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        }
    }

    private static void WriteGitHubIssue(Utf8JsonWriter json, DemoItem item, DateTimeOffset now)
    {
        var api = $"https://api.github.com/repos/{item.Container}";
        var web = $"https://github.com/{item.Container}/{(item.PullRequest ? "pull" : "issues")}/{item.Number}";
        var closed = item.State is DemoState.Done or DemoState.WontDo;
        json.WriteStartObject();
        json.WriteString("url", $"{api}/issues/{item.Number}");
        json.WriteString("repository_url", api);
        json.WriteString("html_url", web);
        json.WriteNumber("id", 3_000_000_000L + (Math.Abs(item.Key.GetHashCode(StringComparison.Ordinal)) % 100_000_000));
        json.WriteString("node_id", $"I_kwDOAcme{item.Number:0000}");
        json.WriteNumber("number", item.Number);
        json.WriteString("title", item.Title);
        WriteUser(json, "user", item.Assignee ?? "mara.k");
        json.WriteStartArray("labels");
        // GitHub has no "in progress" state; teams mark it with a label, which the mapper understands.
        foreach (var label in item.State == DemoState.InProgress ? [.. item.Labels, "in progress"] : item.Labels)
        {
            json.WriteStartObject();
            json.WriteString("name", label);
            json.WriteString("color", "ededed");
            json.WriteBoolean("default", label == "bug");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteString("state", closed ? "closed" : "open");
        json.WriteBoolean("locked", false);
        if (item.Assignee is { } assignee) { WriteUser(json, "assignee", assignee); } else { json.WriteNull("assignee"); }
        json.WriteStartArray("assignees");
        if (item.Assignee is { } a) { WriteUserObject(json, a); }
        json.WriteEndArray();
        if (item.Milestone is { } milestone)
        {
            json.WriteStartObject("milestone");
            json.WriteString("title", milestone);
            json.WriteString("state", "open");
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("milestone");
        }
        json.WriteNumber("comments", item.Number % 7);
        json.WriteString("created_at", GitHubTime(now.AddDays(-item.AgeDays)));
        json.WriteString("updated_at", GitHubTime(Updated(item, now)));
        if (closed) { json.WriteString("closed_at", GitHubTime(Updated(item, now))); } else { json.WriteNull("closed_at"); }
        json.WriteString("author_association", "MEMBER");
        json.WriteString("body", $"Part of Acme Cloud's roadmap. {item.Title}.");
        if (item.State == DemoState.WontDo) { json.WriteString("state_reason", "not_planned"); }
        else if (closed) { json.WriteString("state_reason", "completed"); }
        else { json.WriteNull("state_reason"); }
        if (item.Parent is { } parent)
        {
            json.WriteString("parent_issue_url", $"https://api.github.com/repos/{parent.Replace("#", "/issues/", StringComparison.Ordinal)}");
        }
        if (item.PullRequest)
        {
            json.WriteStartObject("pull_request");
            json.WriteString("url", $"{api}/pulls/{item.Number}");
            json.WriteString("html_url", web);
            if (closed) { json.WriteString("merged_at", GitHubTime(Updated(item, now))); } else { json.WriteNull("merged_at"); }
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteJiraIssue(Utf8JsonWriter json, DemoItem item, DateTimeOffset now)
    {
        var id = (10_000 + item.Number + (item.Container.GetHashCode(StringComparison.Ordinal) & 0xFFF) * 1000).ToString(CultureInfo.InvariantCulture);
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("self", $"https://acme.atlassian.net/rest/api/3/issue/{id}");
        json.WriteString("key", item.Key);
        json.WriteStartObject("fields");
        json.WriteString("summary", item.Title);
        var (status, category) = item.State switch
        {
            DemoState.Open => ("To Do", "new"),
            DemoState.InProgress => ("In Progress", "indeterminate"),
            _ => ("Done", "done"),
        };
        json.WriteStartObject("status");
        json.WriteString("name", status);
        json.WriteStartObject("statusCategory");
        json.WriteString("key", category);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartObject("issuetype");
        json.WriteString("name", item.Type);
        json.WriteBoolean("subtask", item.Type == "Sub-task");
        json.WriteEndObject();
        json.WriteStartObject("project");
        json.WriteString("key", item.Container);
        json.WriteEndObject();
        json.WriteStartArray("labels");
        foreach (var label in item.Labels) { json.WriteStringValue(label); }
        json.WriteEndArray();
        json.WriteStartArray("components");
        if (item.Component is { } component) { json.WriteStartObject(); json.WriteString("name", component); json.WriteEndObject(); }
        json.WriteEndArray();
        if (item.Parent is { } parent) { json.WriteStartObject("parent"); json.WriteString("key", parent); json.WriteEndObject(); }
        if (item.Assignee is { } assignee)
        {
            json.WriteStartObject("assignee");
            json.WriteString("displayName", assignee);
            json.WriteString("emailAddress", $"{assignee}@acme.example");
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("assignee");
        }
        if (item.State == DemoState.WontDo) { json.WriteStartObject("resolution"); json.WriteString("name", "Won't Do"); json.WriteEndObject(); }
        else if (item.State == DemoState.Done) { json.WriteStartObject("resolution"); json.WriteString("name", "Done"); json.WriteEndObject(); }
        else { json.WriteNull("resolution"); }
        json.WriteString("created", JiraTime(now.AddDays(-item.AgeDays)));
        json.WriteString("updated", JiraTime(Updated(item, now)));
        if (item.State is DemoState.Done or DemoState.WontDo) { json.WriteString("resolutiondate", JiraTime(Updated(item, now))); } else { json.WriteNull("resolutiondate"); }
        if (item.Points is { } points) { json.WriteNumber("customfield_10016", points); } else { json.WriteNull("customfield_10016"); }
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static DateTimeOffset Updated(DemoItem item, DateTimeOffset now) => now.AddDays(-Math.Min(item.IdleDays, item.AgeDays)).AddMinutes(-item.Number);

    private static void WriteUser(Utf8JsonWriter json, string property, string login)
    {
        json.WritePropertyName(property);
        WriteUserObject(json, login);
    }

    private static void WriteUserObject(Utf8JsonWriter json, string login)
    {
        json.WriteStartObject();
        json.WriteString("login", login);
        json.WriteString("type", login.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User");
        json.WriteEndObject();
    }

    private static string GitHubTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Jira's own format: milliseconds and an offset without a colon (here Central European Time, +0100).
    private static string JiraTime(DateTimeOffset t) => t.ToOffset(TimeSpan.FromHours(1)).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0100";
}
