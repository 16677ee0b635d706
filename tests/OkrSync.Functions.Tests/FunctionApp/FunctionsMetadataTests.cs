using System.Text.Json;
using OkrSync.Core.Ports;

namespace OkrSync.Functions.Tests.FunctionApp;

/// <summary>The built <c>functions.metadata</c>: what the Functions host indexes, function by function.</summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = Read();

    [Theory]
    [InlineData("ScheduledSync", "%OKRSYNC_SYNC_SCHEDULE%")]
    [InlineData("NightlyReconcile", "%OKRSYNC_RECONCILE_SCHEDULE%")]
    [InlineData("WeeklyOrphanReport", "%OKRSYNC_REPORT_SCHEDULE%")]
    public void TimerFunction_HasItsScheduleSetting(string name, string schedule)
    {
        var trigger = Trigger(name);

        Assert.Equal(("timerTrigger", "In", schedule), (trigger.GetProperty("type").GetString(), trigger.GetProperty("direction").GetString(), trigger.GetProperty("schedule").GetString()));
    }

    [Fact]
    public void ApplyTrackerEvent_IsAQueueTriggerOnTrackerEventsWithTheIdentityConnection()
    {
        var trigger = Trigger("ApplyTrackerEvent");

        Assert.Equal(
            ("queueTrigger", EventQueueNames.TrackerEvents, "OkrSyncStorage", "String"),
            (trigger.GetProperty("type").GetString(), trigger.GetProperty("queueName").GetString(), trigger.GetProperty("connection").GetString(), trigger.GetProperty("dataType").GetString()));
    }

    [Theory]
    [InlineData("GitHubWebhook", "webhooks/github", "Anonymous", "post")]
    [InlineData("JiraWebhook", "webhooks/jira", "Anonymous", "post")]
    [InlineData("ApiStrategy", "strategy", "Function", "get")]
    [InlineData("ApiRollup", "rollup", "Function", "get")]
    [InlineData("ApiFindings", "findings", "Function", "get")]
    [InlineData("ApiOrphans", "orphans", "Function", "get")]
    [InlineData("ApiItem", "items/{*key}", "Function", "get")]
    [InlineData("ApiHealth", "health", "Function", "get")]
    [InlineData("ApiCheckInPost", "check-ins", "Function", "post")]
    [InlineData("ApiCheckIns", "check-ins", "Function", "get")]
    public void HttpFunction_HasItsRouteAuthLevelAndMethod(string name, string route, string authLevel, string method)
    {
        var trigger = Trigger(name);

        Assert.Equal(
            ("httpTrigger", route, authLevel, method),
            (trigger.GetProperty("type").GetString(), trigger.GetProperty("route").GetString(), trigger.GetProperty("authLevel").GetString(), Assert.Single(trigger.GetProperty("methods").EnumerateArray()).GetString()));
    }

    [Fact]
    public void App_HasExactlyTheFourteenFunctions_AllIsolatedInTheFunctionsAssembly()
    {
        var names = Functions.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(["ApiCheckInPost", "ApiCheckIns", "ApiFindings", "ApiHealth", "ApiItem", "ApiOrphans", "ApiRollup", "ApiStrategy", "ApplyTrackerEvent", "GitHubWebhook", "JiraWebhook", "NightlyReconcile", "ScheduledSync", "WeeklyOrphanReport"], names);
        Assert.All(Functions, f => Assert.Equal(("dotnet-isolated", "OkrSync.Functions.dll"), (f.GetProperty("language").GetString(), f.GetProperty("scriptFile").GetString())));
    }

    [Fact]
    public void HostJson_HasNoCustomHandlerNorBundle_AndBase64QueuesThatPoisonAfterFiveTries()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionAppBuild.Directory, "host.json")));
        var queues = host.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.False(host.RootElement.TryGetProperty("customHandler", out _));
        Assert.False(host.RootElement.TryGetProperty("extensionBundle", out _));
        Assert.Equal(("base64", 5), (queues.GetProperty("messageEncoding").GetString(), queues.GetProperty("maxDequeueCount").GetInt32()));
    }

    private static JsonElement Trigger(string function) =>
        Functions.Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray()
            .Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    private static JsonElement[] Read()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionAppBuild.Directory, "functions.metadata")));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }
}
