using System.Text.Json;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Trackers.Jira;

/// <summary>
/// Jira webhook payloads (<c>{"timestamp", "webhookEvent", "issue", ...}</c>) to tracker events:
/// <c>jira:issue_created</c> and <c>jira:issue_updated</c> upsert the issue, <c>jira:issue_deleted</c> deletes it.
/// Without a configured story-points field the issue cannot be mapped faithfully here, so the event carries a
/// fetch reference and the item is read through the connector (which discovers the field).
/// The key must be a Jira issue key (<c>PROJECT-123</c>) of a configured project: anything else is invalid (400).
/// </summary>
public static class JiraEventTranslator
{
    public static WebhookTranslation Translate(JsonElement payload, IReadOnlySet<string> projects, string? storyPointsField, string? deliveryId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(projects);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new WebhookTranslation.Invalid("the payload must be a JSON object");
        }
        try
        {
            var eventName = payload.String("webhookEvent") ?? throw new FormatException("'webhookEvent' is missing");
            if (eventName is not ("jira:issue_created" or "jira:issue_updated" or "jira:issue_deleted"))
            {
                return new WebhookTranslation.Ignore($"event '{eventName}' is not used by OkrSync");
            }
            var issue = payload.Property("issue") ?? throw new FormatException("'issue' is missing");
            var key = issue.RequiredString("key");
            if (TrackerKeys.JiraProjectOf(key) is not { } project)
            {
                return new WebhookTranslation.Invalid($"'issue.key': {TrackerKeys.Problem(SourceKind.Jira, key)}");
            }
            // A Jira event may only touch the configured projects' issues (when a list is configured).
            if (projects.Count > 0 && !projects.Contains(project))
            {
                return new WebhookTranslation.Invalid($"issue {key} is in project {project}, which is not in OkrSync:Jira:Projects");
            }
            if (eventName == "jira:issue_deleted")
            {
                return Message(eventName, deliveryId, receivedAt, deletes: [key]);
            }
            var item = JiraIssueMapper.Map(issue, storyPointsField);
            return storyPointsField is null
                ? Message(eventName, deliveryId, receivedAt, fetches: [item.Key])
                : Message(eventName, deliveryId, receivedAt, upserts: [item]);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            return new WebhookTranslation.Invalid($"not a Jira issue webhook payload: {e.Message}");
        }
    }

    private static WebhookTranslation.Enqueue Message(string eventName, string? deliveryId, DateTimeOffset receivedAt, IReadOnlyList<WorkItem>? upserts = null, IReadOnlyList<string>? deletes = null, IReadOnlyList<string>? fetches = null) =>
        new(new TrackerEventMessage(
            TrackerEventMessage.CurrentVersion, SourceKind.Jira.Value, eventName, null, deliveryId, receivedAt,
            [.. (upserts ?? []).Select(WorkItemMessage.From)], deletes ?? [], fetches ?? []));
}
