using System.Globalization;
using System.Text.Json;

namespace OkrSync.Testing.FakeTrackers.Jira;

/// <summary>Writes Jira REST issue JSON with only the selected fields; timestamps as <c>2026-11-02T09:15:27.123+0900</c>.</summary>
internal sealed partial class JiraJson(FakeJiraOptions options, TimeZoneInfo zone)
{
    private const string IssueExpand = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations";

    public IReadOnlyList<string> FieldOrder { get; } =
    [
        "summary", "status", "issuetype", "project", "parent", "labels", "components", "fixVersions",
        "assignee", "resolution", "resolutiondate", "created", "updated", options.StoryPointsFieldId,
    ];

    public string Time(DateTimeOffset value)
    {
        var local = TimeZoneInfo.ConvertTime(value, zone);
        var offset = local.Offset.Duration();
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture)
            + (local.Offset < TimeSpan.Zero ? "-" : "+")
            + offset.Hours.ToString("D2", CultureInfo.InvariantCulture)
            + offset.Minutes.ToString("D2", CultureInfo.InvariantCulture);
    }

    public void WriteIssue(Utf8JsonWriter w, JiraUrls urls, JiraSnapshot snapshot, FakeJiraIssue issue, JiraFieldSelection fields)
    {
        var id = issue.Id.ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        if (fields.IsIdOnly)
        {
            w.WriteString("id", id);
            if (fields.WantsKey)
            {
                w.WriteString("key", issue.Key);
            }

            w.WriteEndObject();
            return;
        }

        w.WriteString("expand", IssueExpand);
        w.WriteString("id", id);
        w.WriteString("self", $"{urls.Api}/issue/{id}");
        w.WriteString("key", issue.Key);
        w.WriteStartObject("fields");
        foreach (var field in FieldOrder)
        {
            if (fields.Includes(field))
            {
                WriteField(w, urls, snapshot, issue, field);
            }
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private void WriteField(Utf8JsonWriter w, JiraUrls urls, JiraSnapshot snapshot, FakeJiraIssue issue, string field)
    {
        switch (field)
        {
            case "summary":
                w.WriteString(field, issue.Summary);
                break;
            case "status":
                w.WritePropertyName(field);
                WriteStatus(w, urls, issue);
                break;
            case "issuetype":
                w.WritePropertyName(field);
                WriteIssueType(w, urls, issue.IssueType);
                break;
            case "project":
                w.WritePropertyName(field);
                WriteProject(w, urls, snapshot.Projects[issue.Project]);
                break;
            case "parent" when issue.ParentKey is { } parentKey && snapshot.Issues.TryGetValue(parentKey, out var parent):
                WriteParent(w, urls, parent);
                break;
            case "labels":
                WriteStrings(w, field, issue.Labels);
                break;
            case "components":
                WriteNamed(w, urls, field, "component", issue.Components);
                break;
            case "fixVersions":
                WriteNamed(w, urls, field, "version", issue.FixVersions);
                break;
            case "assignee":
                w.WritePropertyName(field);
                WriteUser(w, urls, issue.Assignee);
                break;
            case "resolution":
                w.WritePropertyName(field);
                WriteResolution(w, urls, issue.Resolution);
                break;
            case "resolutiondate":
                WriteTime(w, field, issue.ResolutionDate);
                break;
            case "created":
                WriteTime(w, field, issue.Created);
                break;
            case "updated":
                WriteTime(w, field, issue.Updated);
                break;
            default:
                if (field == options.StoryPointsFieldId && issue.StoryPoints is { } points)
                {
                    w.WriteNumber(field, points);
                }
                else if (field == options.StoryPointsFieldId)
                {
                    w.WriteNull(field);
                }

                break;
        }
    }

    private void WriteTime(Utf8JsonWriter w, string name, DateTimeOffset? value)
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

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
    }
}
