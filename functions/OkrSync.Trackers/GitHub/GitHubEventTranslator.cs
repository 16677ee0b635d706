using System.Text.Json;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Events;
using OkrSync.Pipeline.Webhooks;

namespace OkrSync.Trackers.GitHub;

/// <summary>
/// GitHub webhook payloads to tracker events. <c>issues</c>: every action carries the whole issue, so it is an
/// upsert, except <c>deleted</c> and <c>transferred</c>, which remove the issue from its repository.
/// <c>sub_issues</c>: the sub-issue gains or loses its parent. Everything else is ignored.
/// </summary>
public static class GitHubEventTranslator
{
    private static readonly HashSet<string> Removals = new(StringComparer.Ordinal) { "deleted", "transferred" };
    private static readonly HashSet<string> ParentAdded = new(StringComparer.Ordinal) { "parent_issue_added", "sub_issue_added" };
    private static readonly HashSet<string> ParentRemoved = new(StringComparer.Ordinal) { "parent_issue_removed", "sub_issue_removed" };

    /// <summary>Translates one delivery; <paramref name="repositories"/> are the configured ones (events of others are ignored; empty: accept all).</summary>
    public static WebhookTranslation Translate(string eventName, JsonElement payload, IReadOnlySet<string> repositories, string? deliveryId, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(repositories);
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new WebhookTranslation.Invalid("the payload must be a JSON object");
        }
        try
        {
            return eventName switch
            {
                "issues" => Issues(payload, repositories, deliveryId, receivedAt),
                "sub_issues" => SubIssues(payload, repositories, deliveryId, receivedAt),
                _ => new WebhookTranslation.Ignore($"event '{eventName}' is not used by OkrSync"),
            };
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
        {
            return new WebhookTranslation.Invalid($"not a GitHub '{eventName}' payload: {e.Message}");
        }
    }

    private static WebhookTranslation Issues(JsonElement payload, IReadOnlySet<string> repositories, string? deliveryId, DateTimeOffset receivedAt)
    {
        var action = payload.RequiredString("action");
        var item = MapIssue(payload, "issue");
        if (!Tracked(item, repositories))
        {
            return new WebhookTranslation.Ignore($"repository {item.Container} is not configured");
        }
        return Removals.Contains(action)
            ? Message("issues", action, deliveryId, receivedAt, deletes: [item.Key])
            : Message("issues", action, deliveryId, receivedAt, upserts: [item]);
    }

    private static WebhookTranslation SubIssues(JsonElement payload, IReadOnlySet<string> repositories, string? deliveryId, DateTimeOffset receivedAt)
    {
        var action = payload.RequiredString("action");
        var added = ParentAdded.Contains(action);
        if (!added && !ParentRemoved.Contains(action))
        {
            return new WebhookTranslation.Ignore($"sub_issues action '{action}' is not used by OkrSync");
        }
        var parent = MapIssue(payload, "parent_issue");
        var child = MapIssue(payload, "sub_issue");
        if (!Tracked(child, repositories))
        {
            return new WebhookTranslation.Ignore($"repository {child.Container} is not configured");
        }
        return Message("sub_issues", action, deliveryId, receivedAt, upserts: [child with { ParentKey = added ? parent.Key : null }]);
    }

    /// <summary>The issue in <paramref name="field"/>; errors name the field by its path in the payload (<c>issue.number</c>).</summary>
    private static WorkItem MapIssue(JsonElement payload, string field)
    {
        var issue = payload.Property(field) ?? throw new JsonFieldException(field, "is missing");
        try
        {
            return GitHubIssueMapper.Map(issue);
        }
        catch (JsonFieldException e)
        {
            throw e.Within(field);
        }
    }

    private static bool Tracked(WorkItem item, IReadOnlySet<string> repositories) => repositories.Count == 0 || repositories.Contains(item.Container);

    private static WebhookTranslation.Enqueue Message(string eventName, string action, string? deliveryId, DateTimeOffset receivedAt, IReadOnlyList<WorkItem>? upserts = null, IReadOnlyList<string>? deletes = null) =>
        new(new TrackerEventMessage(
            TrackerEventMessage.CurrentVersion, SourceKind.GitHub.Value, eventName, action, deliveryId, receivedAt,
            [.. (upserts ?? []).Select(WorkItemMessage.From)], deletes ?? [], []));
}
