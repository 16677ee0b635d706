using System.Globalization;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.Jira;

internal sealed partial class JiraJson
{
    private static readonly (string Id, string Name, string Type, string? Items)[] SystemFields =
    [
        ("summary", "Summary", "string", null),
        ("status", "Status", "status", null),
        ("issuetype", "Issue Type", "issuetype", null),
        ("project", "Project", "project", null),
        ("parent", "Parent", "issuelink", null),
        ("labels", "Labels", "array", "string"),
        ("components", "Components", "array", "component"),
        ("fixVersions", "Fix versions", "array", "version"),
        ("assignee", "Assignee", "user", null),
        ("resolution", "Resolution", "resolution", null),
        ("resolutiondate", "Resolved", "datetime", null),
        ("created", "Created", "datetime", null),
        ("updated", "Updated", "datetime", null),
    ];

    public void WriteMyself(Utf8JsonWriter w, JiraUrls urls)
    {
        w.WriteStartObject();
        if (options.Deployment == JiraDeployment.Cloud)
        {
            w.WriteString("self", $"{urls.Api}/user?accountId={options.AccountId}");
            w.WriteString("accountId", options.AccountId);
            w.WriteString("accountType", "atlassian");
        }
        else
        {
            w.WriteString("self", $"{urls.Api}/user?username={options.AccountId}");
            w.WriteString("key", options.AccountId);
            w.WriteString("name", options.AccountId);
        }

        w.WriteString("emailAddress", options.Email);
        w.WriteString("displayName", options.DisplayName);
        w.WriteBoolean("active", true);
        w.WriteString("timeZone", options.TimeZone);
        w.WriteString("locale", "en_US");
        w.WriteStartObject("groups");
        w.WriteNumber("size", 1);
        w.WriteStartArray("items");
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteString("expand", "groups,applicationRoles");
        w.WriteEndObject();
    }

    public void WriteFieldList(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        foreach (var (id, name, type, items) in SystemFields)
        {
            WriteFieldStart(w, id, name, custom: false, [id == "resolutiondate" ? "resolved" : id]);
            w.WriteString("type", type);
            if (items is not null)
            {
                w.WriteString("items", items);
            }

            w.WriteString("system", id);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        WriteCustomField(w, options.StoryPointsFieldId, options.StoryPointsFieldName, "number", null, options.StoryPointsFieldSchema);
        WriteCustomField(w, "customfield_10020", "Sprint", "array", "json", "com.pyxis.greenhopper.jira:gh-sprint");
        w.WriteEndArray();
    }

    private static void WriteCustomField(Utf8JsonWriter w, string id, string name, string type, string? items, string custom)
    {
        var customId = long.Parse(id["customfield_".Length..], CultureInfo.InvariantCulture);
        WriteFieldStart(w, id, name, custom: true, [$"cf[{customId}]", name]);
        w.WriteString("type", type);
        if (items is not null)
        {
            w.WriteString("items", items);
        }

        w.WriteString("custom", custom);
        w.WriteNumber("customId", customId);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the field object up to an open <c>schema</c> object; the caller closes both.</summary>
    private static void WriteFieldStart(Utf8JsonWriter w, string id, string name, bool custom, string[] clauseNames)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("key", id);
        w.WriteString("name", name);
        w.WriteString("untranslatedName", name);
        w.WriteBoolean("custom", custom);
        w.WriteBoolean("orderable", true);
        w.WriteBoolean("navigable", true);
        w.WriteBoolean("searchable", true);
        w.WriteStartArray("clauseNames");
        foreach (var clause in clauseNames)
        {
            w.WriteStringValue(clause);
        }

        w.WriteEndArray();
        w.WriteStartObject("schema");
    }
}
