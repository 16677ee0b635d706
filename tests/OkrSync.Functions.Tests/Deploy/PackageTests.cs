using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Emulators;

namespace OkrSync.Functions.Tests.Deploy;

/// <summary>The deployable zip: the custom-handler layout, and the packaged executable started the way the Functions host starts it.</summary>
public sealed class PackageTests(PackageFixture package) : IClassFixture<PackageFixture>
{
    private static readonly string[] Functions = ["ScheduledSync", "NightlyReconcile", "WeeklyOrphanReport", "GitHubWebhook", "JiraWebhook", "ApplyTrackerEvent", "Api"];

    [Fact]
    public void Package_HasTheCustomHandlerLayout()
    {
        var root = package.AppRoot;

        Assert.True(File.Exists(Path.Combine(root, "host.json")));
        Assert.True(File.Exists(Path.Combine(root, "strategy.yaml")));
        Assert.True(!OperatingSystem.IsWindows() && File.GetUnixFileMode(Path.Combine(root, "okrsync")).HasFlag(UnixFileMode.UserExecute));
        Assert.StartsWith("-rwx", package.ZipInfo, StringComparison.Ordinal);
        Assert.All(Functions, function => Assert.True(File.Exists(Path.Combine(root, function, "function.json")), function));
        Assert.False(File.Exists(Path.Combine(root, "local.settings.json")));
    }

    [Fact]
    public void HostJson_StartsHandlerModeWithProxyingAndBase64Queues()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "host.json")));
        var root = host.RootElement;

        var handler = root.GetProperty("customHandler");
        Assert.Equal("okrsync", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal(["handler"], handler.GetProperty("description").GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.True(handler.GetProperty("enableProxyingHttpRequest").GetBoolean());
        Assert.Equal("[4.*, 5.0.0)", root.GetProperty("extensionBundle").GetProperty("version").GetString());
        Assert.Equal("api", root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("base64", root.GetProperty("extensions").GetProperty("queues").GetProperty("messageEncoding").GetString());
        Assert.Equal(5, root.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public async Task PackagedExecutable_StartedAsTheHostDoes_AnswersTimerAndQueueInvocations()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(package.AppRoot, "host.json")));
        var description = host.RootElement.GetProperty("customHandler").GetProperty("description");
        var executable = Path.Combine(package.AppRoot, description.GetProperty("defaultExecutablePath").GetString()!);
        var arguments = description.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()!).ToList();
        var port = FreePorts.Take(1)[0];
        var environment = new Dictionary<string, string>
        {
            ["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["FUNCTIONS_APP_ROOT_PATH"] = package.AppRoot,
            ["OkrSync__Store"] = $"sqlite:{Path.Combine(package.Folder, "okrsync.db")}",
        };
        await using var handler = await OkrsyncProcess.StartAsync(executable, arguments, package.AppRoot, environment, port, "/");

        var timer = await handler.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));
        var queue = await handler.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(HostPayloads.Queue(HostPayloads.GitHubUpsert(12))));

        await AssertInvocationResultAsync(timer, "report:");
        await AssertInvocationResultAsync(queue, "written 1");
    }

    private static async Task AssertInvocationResultAsync(HttpResponseMessage response, string logged)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains(body.GetProperty("Logs").EnumerateArray(), l => l.GetString()!.Contains(logged, StringComparison.Ordinal));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
    }
}
