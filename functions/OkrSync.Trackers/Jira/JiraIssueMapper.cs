using System.Text.Json;
using OkrSync.Core.Work;

namespace OkrSync.Trackers.Jira;

/// <summary>
/// Translates a Jira REST issue (<c>/rest/api/3/search/jql</c>, <c>/rest/api/2/search</c>, or a webhook's <c>issue</c>)
/// into a <see cref="WorkItem"/>. State comes from <c>status.statusCategory.key</c>; <c>parent</c> replaces Epic Link.
/// </summary>
public static class JiraIssueMapper
{
    /// <summary>The fields the model needs; ask Jira for these and no more.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        ["summary", "status", "issuetype", "labels", "components", "parent", "assignee", "resolution", "created", "updated", "resolutiondate", "project", "description"];

    /// <summary>Done with one of these resolutions is work that will not be done.</summary>
    private static readonly HashSet<string> CancelledResolutions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Won't Do", "Won’t Do", "Won't Fix", "Won’t Fix", "Duplicate", "Declined", "Cannot Reproduce", "Rejected", "Obsolete",
    };

    /// <exception cref="FormatException">The JSON is not a Jira issue; the message names the field.</exception>
    public static WorkItem Map(JsonElement issue, string? storyPointsField = null)
    {
        if (issue.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("an issue must be a JSON object");
        }
        var key = issue.RequiredString("key");
        if (TrackerKeys.Problem(SourceKind.Jira, key) is { } problem)
        {
            throw new FormatException($"'key': {problem}");
        }
        var fields = issue.Property("fields") ?? throw new FormatException($"issue {key} has no 'fields'");
        var project = fields.Property("project")?.String("key") ?? ProjectOfKey(key);
        if (!string.Equals(project, ProjectOfKey(key), StringComparison.Ordinal))
        {
            throw new FormatException($"issue {key} is not in its project '{project}' ('fields.project.key')");
        }
        var status = fields.Property("status");
        var resolution = fields.Property("resolution")?.String("name");
        var assignee = fields.Property("assignee");
        return new WorkItem
        {
            Source = SourceKind.Jira,
            Key = key,
            Container = project,
            Title = fields.String("summary") ?? "",
            Url = BrowseUrl(issue.String("self"), key),
            Type = fields.Property("issuetype")?.String("name") ?? "",
            State = StateOf(status?.Property("statusCategory")?.String("key"), resolution),
            Status = status?.String("name") ?? "",
            Labels = [.. fields.Array("labels").Select(l => l.GetString() ?? "").Where(l => l.Length > 0)],
            ParentKey = fields.Property("parent")?.String("key"),
            Components = [.. fields.Array("components").Select(c => c.String("name") ?? "").Where(c => c.Length > 0)],
            Assignee = assignee?.String("displayName") ?? assignee?.String("name"),
            AssigneeEmail = assignee?.String("emailAddress"),
            Estimate = storyPointsField is null ? null : fields.Number(storyPointsField),
            Created = fields.Time("created") ?? throw new FormatException($"issue {key} has no 'created'"),
            Updated = fields.Time("updated") ?? throw new FormatException($"issue {key} has no 'updated'"),
            Closed = fields.Time("resolutiondate"),
            Body = DescriptionText(fields.Property("description")),
        };
    }

    public static StateCategory StateOf(string? statusCategoryKey, string? resolution) => statusCategoryKey switch
    {
        "done" when resolution is not null && CancelledResolutions.Contains(resolution) => StateCategory.Cancelled,
        "done" => StateCategory.Done,
        "indeterminate" => StateCategory.InProgress,
        _ => StateCategory.Todo, // "new", and categories Jira may add later
    };

    private static string ProjectOfKey(string key)
    {
        var dash = key.LastIndexOf('-');
        return dash > 0 ? key[..dash] : throw new FormatException($"'{key}' is not a Jira issue key");
    }

    /// <summary><c>https://acme.atlassian.net/rest/api/3/issue/10001</c> to <c>https://acme.atlassian.net/browse/KEY</c>.</summary>
    private static string BrowseUrl(string? self, string key)
    {
        var at = self?.IndexOf("/rest/api/", StringComparison.Ordinal) ?? -1;
        return at < 0 ? "" : $"{self![..at]}/browse/{key}";
    }

    // v3 returns Atlassian Document Format; v2 returns plain text.
    private static string? DescriptionText(JsonElement? description)
    {
        if (description is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        var text = new System.Text.StringBuilder();
        AppendText(value, text);
        return text.ToString();
    }

    private static void AppendText(JsonElement node, System.Text.StringBuilder text)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (node.String("text") is { } t)
        {
            text.Append(t);
        }
        foreach (var child in node.Array("content"))
        {
            AppendText(child, text);
        }
        if (node.String("type") is "paragraph" or "heading" or "listItem")
        {
            text.Append('\n');
        }
    }
}
