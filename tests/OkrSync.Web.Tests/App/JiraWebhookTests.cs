using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

public sealed class JiraWebhookTests
{
    [Fact]
    public async Task SignedIssueUpdated_Returns202AndAlignsTheIssue()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);

        var response = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_updated", "ONB-42", labels: "\"onboarding\""));
        var aligned = await AppHarness.EventuallyAsync(async () => await GitHubWebhookTests.InitiativeTodo(app) == 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(aligned);
        Assert.Equal(5, (await app.Store.GetItemAsync("ONB-42"))!.Estimate);
    }

    [Fact]
    public async Task IssueDeleted_RemovesTheIssue()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_created", "ONB-7"));
        Assert.True(await AppHarness.EventuallyAsync(async () => await app.Store.GetItemAsync("ONB-7") is not null));

        var response = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_deleted", "ONB-7"));
        var gone = await AppHarness.EventuallyAsync(async () => await app.Store.GetItemAsync("ONB-7") is null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(gone);
    }

    [Fact]
    public async Task MismatchedSignature_Returns401()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_updated", "ONB-1"), secret: "another-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task NoSecretConfigured_RefusesUnsignedDeliveries()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?> { ["OkrSync:Jira:WebhookSecret"] = "" });

        var response = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_updated", "ONB-1"), secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RedeliveredIdentifier_IsEnqueuedOnce()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        var body = WebhookPayloads.Jira("jira:issue_updated", "ONB-3");

        await app.Client.PostJiraAsync(body, deliveryId: "e3b0c442-98fc-1c14-9afb-f4c8996fb924");
        var again = await app.Client.PostJiraAsync(body, deliveryId: "e3b0c442-98fc-1c14-9afb-f4c8996fb924");

        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Single(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task OtherEvent_Returns202Ignored()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostJiraAsync("""{ "timestamp": 1763970000000, "webhookEvent": "comment_created", "comment": { "id": "1", "body": "hi" } }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ignored", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
