using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

public sealed class GitHubWebhookTests
{
    [Fact]
    public async Task SignedLabeledEvent_Returns202AndMovesTheOrphanIntoTheInitiative()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        var opened = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", 12, updated: "2026-11-20T10:00:00Z"));
        Assert.True(await AppHarness.EventuallyAsync(async () => (await Orphans(app)).Contains("acme/web#12")));

        var labeled = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("labeled", 12, TrackerJson.Label("onboarding"), "2026-11-20T11:00:00Z", label: "onboarding"));
        var moved = await AppHarness.EventuallyAsync(async () => await InitiativeTodo(app) == 1);

        Assert.Equal(HttpStatusCode.Accepted, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, labeled.StatusCode);
        Assert.True(moved);
        Assert.DoesNotContain("acme/web#12", await Orphans(app));
    }

    [Fact]
    public async Task EventsWhileAnotherWaitsForItsReportWrite_AreStoredAtOnce()
    {
        // A write interval of a minute: after the first report, an event's report waits for it, and the events that
        // arrive meanwhile must not queue behind that wait (the pump wakes for them, and one later write covers all).
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { ["OkrSync:Report:MinWriteIntervalMs"] = "60000" });

        foreach (var number in new[] { 31, 32, 33 })
        {
            var response = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", number, updated: "2026-11-20T10:00:00Z"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(await AppHarness.EventuallyAsync(() => StoredAsync(app, number)), $"acme/web#{number} was not stored within 10 s while an earlier event waited for its report write");
        }
    }

    private static async Task<bool> StoredAsync(AppHarness app, int number)
    {
        using var response = await app.Client.GetAsync(new Uri($"/api/items/acme%2Fweb%23{number}", UriKind.Relative));
        return response.IsSuccessStatusCode;
    }

    [Theory]
    [InlineData(null, "missing X-Hub-Signature-256")]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000", "does not match")]
    [InlineData("sha1=abc", "does not match")]
    public async Task BadSignature_Returns401AndEnqueuesNothing(string? signature, string reason)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", 1), secret: null, signature: signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task NoSecretConfigured_Returns401()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?> { ["OkrSync:GitHub:WebhookSecret"] = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/github-webhook-secret)" });

        var response = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", 1));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("OkrSync:GitHub:WebhookSecret is a Key Vault reference that did not resolve", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_Returns200Pong()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostGitHubAsync("ping", WebhookPayloads.Ping());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("pong", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task MalformedJson_Returns400WithAReason()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostGitHubAsync("issues", """{ "action": "opened", "issue": { """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("malformed JSON", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueWithoutRequiredFields_Returns400NamingTheField()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostGitHubAsync("issues", """{ "action": "opened", "issue": { "number": 3 } }""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("repository_url", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("\"NaN\"")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("12.5")]
    [InlineData("2147483648")]
    [InlineData("1" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000")]
    public async Task IssueNumberNotAPositive32BitInteger_Returns400NamingIssueNumberAndEnqueuesNothing(string number)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        var body = WebhookPayloads.Issues("opened", 7).Replace("\"number\": 7,", $"\"number\": {number},", StringComparison.Ordinal);

        var response = await app.Client.PostGitHubAsync("issues", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'issue.number' must be a whole number from 1 to 2147483647", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task OversizedBody_Returns413()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostGitHubAsync("issues", new string(' ', WebhookBodyLimit + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task UnknownEvent_Returns202IgnoredAndEnqueuesNothing()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.PostGitHubAsync("star", """{ "action": "created", "starred_at": "2026-11-20T10:00:00Z" }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("ignored", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RedeliveredDeliveryId_IsEnqueuedOnce()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        var body = WebhookPayloads.Issues("edited", 5);

        var first = await app.Client.PostGitHubAsync("issues", body, deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958");
        var second = await app.Client.PostGitHubAsync("issues", body, deliveryId: "72d3162e-cc78-11e3-81ab-4c9367dc0958");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("duplicate", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Single(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task OlderEvent_NeverOverwritesNewerState()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("labeled", 7, TrackerJson.Label("onboarding"), "2026-11-20T12:00:00Z", label: "onboarding"));
        Assert.True(await AppHarness.EventuallyAsync(async () => await InitiativeTodo(app) == 1));

        var older = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("unlabeled", 7, "", "2026-11-20T08:00:00Z", label: "onboarding"));
        await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", 8, updated: "2026-11-20T09:00:00Z"));
        Assert.True(await AppHarness.EventuallyAsync(async () => (await Orphans(app)).Contains("acme/web#8")));

        Assert.Equal(HttpStatusCode.Accepted, older.StatusCode);
        Assert.Equal(1, await InitiativeTodo(app));
        Assert.Equal(["onboarding"], (await app.Store.GetItemAsync("acme/web#7"))!.Labels);
    }

    [Fact]
    public async Task DeletedIssue_IsRemovedFromTheStore()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", 9));
        Assert.True(await AppHarness.EventuallyAsync(async () => await app.Store.GetItemAsync("acme/web#9") is not null));

        var deleted = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("deleted", 9));
        var gone = await AppHarness.EventuallyAsync(async () => await app.Store.GetItemAsync("acme/web#9") is null);

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.True(gone);
    }

    [Fact]
    public async Task ParentIssueAdded_PutsTheSubIssueUnderItsParent()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);

        var response = await app.Client.PostGitHubAsync("sub_issues", WebhookPayloads.SubIssues("parent_issue_added", parent: 10, child: 11));
        var linked = await AppHarness.EventuallyAsync(async () => (await app.Store.GetItemAsync("acme/web#11"))?.ParentKey == "acme/web#10");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(linked);
    }

    private const int WebhookBodyLimit = OkrSync.Web.Webhooks.WebhookBody.MaxBytes;

    internal static async Task<List<string>> Orphans(AppHarness app)
    {
        var response = await app.Client.GetAsync(new Uri("/api/orphans", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        var orphans = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. orphans.EnumerateArray().Select(o => o.GetProperty("key").GetString()!)];
    }

    internal static async Task<int> InitiativeTodo(AppHarness app)
    {
        var response = await app.Client.GetAsync(new Uri("/api/rollup", UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return -1;
        }
        var rollup = await response.Content.ReadFromJsonAsync<JsonElement>();
        var initiative = rollup.GetProperty("initiatives").EnumerateArray().Single(i => i.GetProperty("id").GetString() == AppStrategy.Initiative);
        return initiative.GetProperty("counts").GetProperty("todo").GetInt32();
    }
}
