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
    [InlineData("ApiStrategy", "strategy", "Function", AllMethods)]
    [InlineData("ApiRollup", "rollup", "Function", AllMethods)]
    [InlineData("ApiFindings", "findings", "Function", AllMethods)]
    [InlineData("ApiOrphans", "orphans", "Function", AllMethods)]
    [InlineData("ApiItem", "items/{*key}", "Function", AllMethods)]
    [InlineData("ApiHealth", "health", "Function", AllMethods)]
    [InlineData("DashboardStrategy", "dashboard", "Anonymous", "get")]
    [InlineData("DashboardKeyResult", "dashboard/key-results/{id}", "Anonymous", "get")]
    [InlineData("DashboardOrphans", "dashboard/orphans", "Anonymous", "get")]
    [InlineData("DashboardInvestment", "dashboard/investment", "Anonymous", "get")]
    [InlineData("DashboardFindings", "dashboard/findings", "Anonymous", "get")]
    [InlineData("DashboardAsset", "dashboard/assets/{name}", "Anonymous", "get")]
    [InlineData("ApiCheckInPost", "check-ins", "Function", "post")]
    [InlineData("ApiCheckIns", "check-ins", "Function", "get")]
    public void HttpFunction_HasItsRouteAuthLevelAndMethods(string name, string route, string authLevel, string methods)
    {
        var trigger = Trigger(name);

        Assert.Equal(
            ("httpTrigger", route, authLevel, methods),
            (trigger.GetProperty("type").GetString(), trigger.GetProperty("route").GetString(), trigger.GetProperty("authLevel").GetString(), string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()))));
    }

    /// <summary>The read API's triggers take every method, so that the shared handler answers a wrong one with a JSON 405 instead of the host's 404.</summary>
    private const string AllMethods = "get,head,post,put,patch,delete,options";

    [Fact]
    public void App_HasExactlyTheTwentyFunctions_AllIsolatedInTheFunctionsAssembly()
    {
        var names = Functions.Select(f => f.GetProperty("name").GetString()).Order(StringComparer.Ordinal);

        Assert.Equal(["ApiCheckInPost", "ApiCheckIns", "ApiFindings", "ApiHealth", "ApiItem", "ApiOrphans", "ApiRollup", "ApiStrategy", "ApplyTrackerEvent", "DashboardAsset", "DashboardFindings", "DashboardInvestment", "DashboardKeyResult", "DashboardOrphans", "DashboardStrategy", "GitHubWebhook", "JiraWebhook", "NightlyReconcile", "ScheduledSync", "WeeklyOrphanReport"], names);
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
