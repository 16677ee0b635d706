using System.Globalization;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.Jira;

internal sealed partial class JiraJson
{
    public void WriteUser(Utf8JsonWriter w, JiraUrls urls, FakeJiraUser? user)
    {
        if (user is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        if (options.Deployment == JiraDeployment.Cloud)
        {
            w.WriteString("self", $"{urls.Api}/user?accountId={Uri.EscapeDataString(user.AccountId)}");
            w.WriteString("accountId", user.AccountId);
        }
        else
        {
            w.WriteString("self", $"{urls.Api}/user?username={Uri.EscapeDataString(user.AccountId)}");
            w.WriteString("name", user.AccountId);
            w.WriteString("key", "JIRAUSER" + StableHash.Id(user.AccountId, 99_999));
        }

        w.WriteString("emailAddress", user.EmailAddress);
        w.WriteStartObject("avatarUrls");
        foreach (var size in (string[])["48x48", "24x24", "16x16", "32x32"])
        {
            w.WriteString(size, $"https://avatar-management.example.com/{StableHash.Id(user.AccountId, 1_000_000)}/{size}");
        }

        w.WriteEndObject();
        w.WriteString("displayName", user.DisplayName);
        w.WriteBoolean("active", true);
        w.WriteString("timeZone", options.TimeZone);
        if (options.Deployment == JiraDeployment.Cloud)
        {
            w.WriteString("accountType", "atlassian");
        }

        w.WriteEndObject();
    }

    private static void WriteStatus(Utf8JsonWriter w, JiraUrls urls, FakeJiraIssue issue)
    {
        var id = issue.Status switch
        {
            "To Do" => "10000",
            "In Progress" => "3",
            "Done" => "10001",
            _ => StableHash.Id("status:" + issue.Status, 90_000).ToString(CultureInfo.InvariantCulture),
        };
        var (categoryId, key, color, name) = issue.StatusCategory switch
        {
            JiraStatusCategory.Done => (3, "done", "green", "Done"),
            JiraStatusCategory.Indeterminate => (4, "indeterminate", "yellow", "In Progress"),
            _ => (2, "new", "blue-gray", "To Do"),
        };
        w.WriteStartObject();
        w.WriteString("self", $"{urls.Api}/status/{id}");
        w.WriteString("description", string.Empty);
        w.WriteString("iconUrl", $"{urls.Site}/");
        w.WriteString("name", issue.Status);
        w.WriteString("id", id);
        w.WriteStartObject("statusCategory");
        w.WriteString("self", $"{urls.Api}/statuscategory/{categoryId}");
        w.WriteNumber("id", categoryId);
        w.WriteString("key", key);
        w.WriteString("colorName", color);
        w.WriteString("name", name);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteIssueType(Utf8JsonWriter w, JiraUrls urls, string name)
    {
        var subtask = name.Contains("sub", StringComparison.OrdinalIgnoreCase);
        var level = subtask ? -1 : string.Equals(name, "Epic", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
        var id = StableHash.Id("issuetype:" + name, 9_999) + 10_000;
        w.WriteStartObject();
        w.WriteString("self", $"{urls.Api}/issuetype/{id}");
        w.WriteString("id", id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("description", string.Empty);
        w.WriteString("iconUrl", $"{urls.Site}/rest/api/2/universal_avatar/view/type/issuetype/avatar/{id}?size=medium");
        w.WriteString("name", name);
        w.WriteBoolean("subtask", subtask);
        w.WriteNumber("avatarId", id);
        w.WriteNumber("hierarchyLevel", level);
        w.WriteEndObject();
    }

    private static void WriteProject(Utf8JsonWriter w, JiraUrls urls, JiraProject project)
    {
        w.WriteStartObject();
        w.WriteString("self", $"{urls.Api}/project/{project.Id}");
        w.WriteString("id", project.Id.ToString(CultureInfo.InvariantCulture));
        w.WriteString("key", project.Key);
        w.WriteString("name", project.Name);
        w.WriteString("projectTypeKey", "software");
        w.WriteBoolean("simplified", false);
        w.WriteEndObject();
    }

    private static void WriteParent(Utf8JsonWriter w, JiraUrls urls, FakeJiraIssue parent)
    {
        var id = parent.Id.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject("parent");
        w.WriteString("id", id);
        w.WriteString("key", parent.Key);
        w.WriteString("self", $"{urls.Api}/issue/{id}");
        w.WriteStartObject("fields");
        w.WriteString("summary", parent.Summary);
        w.WritePropertyName("status");
        WriteStatus(w, urls, parent);
        w.WritePropertyName("issuetype");
        WriteIssueType(w, urls, parent.IssueType);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteNamed(Utf8JsonWriter w, JiraUrls urls, string field, string kind, IReadOnlyList<string> names)
    {
        w.WriteStartArray(field);
        foreach (var name in names)
        {
            var id = (StableHash.Id(kind + ":" + name, 89_999) + 10_000).ToString(CultureInfo.InvariantCulture);
            w.WriteStartObject();
            w.WriteString("self", $"{urls.Api}/{kind}/{id}");
            w.WriteString("id", id);
            w.WriteString("name", name);
            if (kind == "version")
            {
                w.WriteString("description", string.Empty);
                w.WriteBoolean("archived", false);
                w.WriteBoolean("released", false);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteResolution(Utf8JsonWriter w, JiraUrls urls, string? name)
    {
        if (name is null)
        {
            w.WriteNullValue();
            return;
        }

        var id = name switch
        {
            "Done" => "10000",
            "Won't Do" => "10001",
            "Duplicate" => "10002",
            "Cannot Reproduce" => "10003",
            _ => (StableHash.Id("resolution:" + name, 89_999) + 10_000).ToString(CultureInfo.InvariantCulture),
        };
        w.WriteStartObject();
        w.WriteString("self", $"{urls.Api}/resolution/{id}");
        w.WriteString("id", id);
        w.WriteString("description", string.Empty);
        w.WriteString("name", name);
        w.WriteEndObject();
    }
}
