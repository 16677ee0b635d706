using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Pipeline.Events;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

public sealed class InvocationTests
{
    [Fact]
    public async Task QueueInvocation_DoubleEncodedMessage_AppliesTheEventAndAnswersTheHostShape()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(HostPayloads.Queue(HostPayloads.GitHubUpsert(12, TrackerJson.Label("onboarding")))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Contains("written 1", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.Equal(1, await GitHubWebhookTests.InitiativeTodo(app));
    }

    [Fact]
    public async Task QueueInvocation_MessageAsObject_IsAlsoApplied()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        var payload = $$"""{ "Data": { "message": {{HostPayloads.GitHubUpsert(3)}} }, "Metadata": { "DequeueCount": 1 } }""";

        var response = await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(payload));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await app.Store.GetItemAsync("acme/web#3"));
    }

    [Fact]
    public async Task QueueInvocation_UnreadableMessage_Returns500WithTheHostShape()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(HostPayloads.Queue("""{"hello":"world"}""")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("not a tracker event message", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
    }

    [Theory]
    [InlineData("jira", "acme/web#12")]
    [InlineData("github", "ONB-12")]
    [InlineData("github", "acme/web#-5")]
    public async Task QueuedEventNamingAKeyItsSourceDoesNotOwn_FailsAndChangesNothing(string source, string key)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        var message = new TrackerEventMessage(1, source, "deleted", null, null, DateTimeOffset.UnixEpoch, [], [key], []).ToJson();

        var response = await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(HostPayloads.Queue(message)));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains($"'{key}' is not a", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await app.Store.GetRemovalAsync(key));
    }

    [Fact]
    public async Task SameQueueMessageTwice_HasNoSecondEffect()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        var payload = HostPayloads.Queue(HostPayloads.GitHubUpsert(4));

        await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(payload));
        var again = await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(payload));

        Assert.Contains("written 0, unchanged 1", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OlderEvent_AfterAnotherInstanceStoredANewerVersion_ReportsTheStoredVersion()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await ApiTests.Apply(app, HostPayloads.GitHubUpsert(6, updated: "2026-11-20T08:00:00Z"));
        using var newer = System.Text.Json.JsonDocument.Parse(TrackerJson.GitHubIssue(6, labels: TrackerJson.Label("onboarding"), updated: "2026-11-20T12:00:00Z"));
        await app.Store.UpsertAsync([OkrSync.Trackers.GitHub.GitHubIssueMapper.Map(newer.RootElement)]);

        var response = await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(HostPayloads.Queue(HostPayloads.GitHubUpsert(6, updated: "2026-11-20T10:00:00Z"))));

        Assert.Contains("stale 1", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await GitHubWebhookTests.InitiativeTodo(app));
    }

    [Theory]
    [InlineData("ScheduledSync")]
    [InlineData("NightlyReconcile")]
    public async Task TimerInvocation_AnswersTheHostShape(string function)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostAsync(new Uri($"/{function}", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer(function)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.NotEqual(0, body.GetProperty("Logs").GetArrayLength());
    }

    [Fact]
    public async Task WeeklyOrphanReportTimer_SendsTheDigestThroughTheMailHook()
    {
        var outbox = Directory.CreateTempSubdirectory("okrsync-outbox-").FullName;
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?>
        {
            ["OkrSync:Mail:OutboxPath"] = outbox,
            ["OkrSync:Mail:From"] = "okrsync@acme.example",
            ["OkrSync:Mail:Leadership:0"] = "lead@acme.example",
        });
        await ApiTests.Apply(app, HostPayloads.GitHubUpsert(5));

        var response = await app.Client.PostAsync(new Uri("/WeeklyOrphanReport", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("WeeklyOrphanReport")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 sent", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(outbox, "*.eml", SearchOption.AllDirectories));
        Directory.Delete(outbox, recursive: true);
    }

    [Fact]
    public async Task UnknownFunction_Returns404()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostAsync(new Uri("/NoSuchFunction", UriKind.Relative), HostPayloads.Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task HostReadinessPing_Returns200()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
