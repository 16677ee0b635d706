using System.Net;
using System.Text;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Pipeline.Webhooks;
using Status = OkrSync.WorkerHost.Testing.Rpc.StatusResult.Types.Status;

namespace OkrSync.Functions.Tests.FunctionApp;

/// <summary>The function app's own worker, driven over the worker protocol with the host's payload shapes.</summary>
[Collection(FunctionAppWorkerCollection.Name)]
public sealed class FunctionAppWorkerTests(FunctionAppWorkerFixture app)
{
    [Fact]
    public async Task ScheduledSyncTimer_SucceedsAndStoresTheReport()
    {
        var response = await app.Host.InvokeTimerAsync("ScheduledSync");

        Assert.True(response.Result.Status == Status.Success, response.Result.Exception?.Message);
        Assert.NotNull(await app.OpenStore().ReadCurrentReportAsync());
    }

    [Fact]
    public async Task QueuedEvent_IsAppliedToTheStore()
    {
        var response = await app.Host.InvokeQueueAsync("ApplyTrackerEvent", HostPayloads.GitHubUpsert(41, TrackerJson.Label("onboarding")));

        Assert.True(response.Result.Status == Status.Success, response.Result.Exception?.Message);
        Assert.Equal("Issue 41", (await app.OpenStore().GetItemAsync("acme/web#41"))?.Title);
    }

    [Fact]
    public async Task UnreadableQueueMessage_FailsSoTheHostRetriesThenPoisonsIt()
    {
        var response = await app.Host.InvokeQueueAsync("ApplyTrackerEvent", """{"hello":"world"}""", dequeueCount: 2);

        Assert.Equal(Status.Failure, response.Result.Status);
        Assert.Contains("not a tracker event message", response.Result.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedGitHubWebhook_IsAcceptedThroughTheWorkersHttpListener()
    {
        var body = WebhookPayloads.Issues("opened", 42);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/webhooks/github", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-GitHub-Event", "issues");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(AppHarness.GitHubSecret, Encoding.UTF8.GetBytes(body)));

        var result = await app.Host.InvokeHttpAsync("GitHubWebhook", request);

        Assert.Equal(HttpStatusCode.Accepted, result.StatusCode);
        Assert.Equal("accepted", JsonDocument.Parse(result.Body).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task UnsignedJiraWebhook_IsRefusedWith401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/webhooks/jira", UriKind.Relative))
        {
            Content = new StringContent(WebhookPayloads.Jira("jira:issue_deleted", "ONB-7"), Encoding.UTF8, "application/json"),
        };

        var result = await app.Host.InvokeHttpAsync("JiraWebhook", request);

        Assert.Equal(HttpStatusCode.Unauthorized, result.StatusCode);
    }

    [Fact]
    public async Task Health_AnswersThroughTheReadApiFunction()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("api/health", UriKind.Relative));

        var result = await app.Host.InvokeHttpAsync("ApiHealth", request);

        Assert.Equal(HttpStatusCode.OK, result.StatusCode);
        Assert.True(JsonDocument.Parse(result.Body).RootElement.GetProperty("storage").GetProperty("ok").GetBoolean(), result.Body);
    }
}
