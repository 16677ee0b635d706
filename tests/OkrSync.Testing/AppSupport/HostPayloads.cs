using System.Text.Json;
using OkrSync.Functions.Tests.Support;
using OkrSync.Pipeline.Events;

namespace OkrSync.Functions.Tests.App.Support;

/// <summary>The Functions host's invocation payloads, as captured from real hosts (strings double-encoded, metadata scalars as strings).</summary>
internal static class HostPayloads
{
    public static string Queue(string messageText, long dequeueCount = 1) => $$"""
        {
          "Data": { "message": {{JsonSerializer.Serialize(JsonSerializer.Serialize(messageText))}} },
          "Metadata": {
            "DequeueCount": "{{dequeueCount}}",
            "ExpirationTime": "2026-11-29T10:00:00+00:00",
            "Id": "\"52d53c5f-e212-487e-998b-abbe3b9d51e4\"",
            "InsertionTime": "2026-11-22T10:00:00+00:00",
            "NextVisibleTime": "2026-11-22T10:10:00+00:00",
            "PopReceipt": "\"MThGZWIyMDI1MDM6MDY6MjA3NjM1\"",
            "sys": { "MethodName": "ApplyTrackerEvent", "RandGuid": "e59556b5-6bd3-4f4e-9d6a-2a4a2c4a1f0b", "UtcNow": "2026-11-22T10:00:00.7562691Z" }
          }
        }
        """;

    public static string Timer(string function) => $$"""
        {
          "Data": { "timer": { "Schedule": { "AdjustForDST": true },
                               "ScheduleStatus": { "Last": "0001-01-01T00:00:00", "Next": "2026-11-22T10:15:00+00:00", "LastUpdated": "2026-11-22T10:00:00.403838+00:00" },
                               "IsPastDue": false } },
          "Metadata": { "sys": { "MethodName": "{{function}}", "UtcNow": "2026-11-22T10:00:00.46239Z", "RandGuid": "fa3b2fbc-7d1e-4b0c-9e43-1f5c2a0d4e11" } }
        }
        """;

    /// <summary>A tracker event message as a webhook would enqueue it: one GitHub issue to upsert.</summary>
    public static string GitHubUpsert(int number, string labels = "", string updated = "2026-11-20T10:00:00Z")
    {
        using var issue = JsonDocument.Parse(TrackerJson.GitHubIssue(number, labels: labels, updated: updated));
        var item = OkrSync.Trackers.GitHub.GitHubIssueMapper.Map(issue.RootElement);
        return new TrackerEventMessage(1, "github", "issues", "edited", Guid.NewGuid().ToString(), DateTimeOffset.UnixEpoch, [WorkItemMessage.From(item)], [], []).ToJson();
    }

    public static string JiraUpsert(string key, string labels = "")
    {
        using var issue = JsonDocument.Parse(TrackerJson.JiraIssue(key, labels: labels));
        var item = OkrSync.Trackers.Jira.JiraIssueMapper.Map(issue.RootElement, "customfield_10016");
        return new TrackerEventMessage(1, "jira", "jira:issue_updated", null, null, DateTimeOffset.UnixEpoch, [WorkItemMessage.From(item)], [], []).ToJson();
    }

    public static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
