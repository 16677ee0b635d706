using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Logging;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary>Webhooks fail closed: no secret, no entry; each source owns its keys; the tracker's clock is not trusted blindly.</summary>
public sealed class WebhookTrustTests
{
    private const string UnresolvedSecret = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/jira-webhook-secret)";
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string> UnsignedJiraAttacks => new()
    {
        { "", "delete" },
        { "", "update-github-key" },
        { UnresolvedSecret, "delete" },
        { UnresolvedSecret, "update-github-key" },
    };

    [Theory]
    [MemberData(nameof(UnsignedJiraAttacks))]
    public async Task UnsignedJiraEvent_WithNoUsableSecret_Is401AndChangesNothing(string secret, string attack)
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { ["OkrSync:Jira:WebhookSecret"] = secret });
        await app.Store.UpsertAsync([Stored(SourceKind.Jira, "ONB-7", "ONB"), Stored(SourceKind.GitHub, "acme/web#12", "acme/web")]);
        var body = attack == "delete"
            ? WebhookPayloads.Jira("jira:issue_deleted", "ONB-7")
            : WebhookPayloads.Jira("jira:issue_updated", "ONB-12").Replace("\"key\": \"ONB-12\"", "\"key\": \"acme/web#12\"", StringComparison.Ordinal);

        var response = await app.Client.PostJiraAsync(body, secret: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("OkrSync:Jira:WebhookSecret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Stored ONB-7", (await app.Store.GetItemAsync("ONB-7"))?.Title);
        Assert.Equal("Stored acme/web#12", (await app.Store.GetItemAsync("acme/web#12"))?.Title);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RefusedForNoSecret_IsLoggedOnceNamingTheSetting()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { ["OkrSync:Jira:WebhookSecret"] = "" }, s => s.AddSingleton<ILoggerProvider>(logs));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_updated", "ONB-1"), secret: null)).StatusCode);
        }

        Assert.Single(logs.Lines, l => l.Message.Contains("jira webhooks are refused with 401 until OkrSync:Jira:WebhookSecret is set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllowUnsignedWebhooks_AcceptsUnsignedJiraLoudly()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?>
        {
            ["OkrSync:Jira:WebhookSecret"] = "",
            ["OkrSync:Jira:AllowUnsignedWebhooks"] = "true",
        }, s => s.AddSingleton<ILoggerProvider>(logs));

        var response = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_updated", "ONB-1"), secret: null);
        var health = await app.GetJsonAsync("/api/health");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("INSECURE: jira webhooks accept unsigned deliveries", StringComparison.Ordinal));
        Assert.Contains("accept unsigned deliveries", health.GetProperty("warnings")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedJiraEventNamingAGitHubKey_Is400AndChangesNothing()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        await app.Store.UpsertAsync([Stored(SourceKind.GitHub, "acme/web#12", "acme/web")]);
        var body = WebhookPayloads.Jira("jira:issue_updated", "ONB-12").Replace("\"key\": \"ONB-12\"", "\"key\": \"acme/web#12\"", StringComparison.Ordinal);

        var response = await app.Client.PostJiraAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'acme/web#12' is not a Jira issue key", await ErrorOf(response), StringComparison.Ordinal);
        Assert.Equal("Stored acme/web#12", (await app.Store.GetItemAsync("acme/web#12"))?.Title);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task SignedJiraEventOfAnUnconfiguredProject_Is400()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { ["OkrSync:Jira:Projects"] = "ONB,PAY" });

        var response = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_deleted", "HR-3"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("HR-3 is in project HR, which is not in OkrSync:Jira:Projects", await ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("4294967297")]
    [InlineData("5.5")]
    public async Task GitHubEventWithAnImpossibleIssueNumber_Is400AndNothingIsQueued(string number)
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        var body = WebhookPayloads.Issues("opened", 5).Replace("\"number\": 5,", $"\"number\": {number},", StringComparison.Ordinal);

        var response = await app.Client.PostGitHubAsync("issues", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ThreeHundredDigitIssueNumber_Is400()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);
        var body = WebhookPayloads.Issues("opened", 5).Replace("\"number\": 5,", $"\"number\": 1{new string('0', 300)},", StringComparison.Ordinal);

        var response = await app.Client.PostGitHubAsync("issues", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task ForgedFarFutureUpdated_IsRefusedWith400()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);

        var github = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("edited", 12, updated: "9999-12-31T00:00:00Z"));
        var jira = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_updated", "ONB-12", updated: "9999-12-31T00:00:00.000+0000"));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (github.StatusCode, jira.StatusCode));
        Assert.Contains("acme/web#12: 'updated' 9999-12-31T00:00:00+00:00 is", await ErrorOf(github), StringComparison.Ordinal);
        Assert.Contains("OkrSync:Trackers:MaxClockSkew", await ErrorOf(jira), StringComparison.Ordinal);
        Assert.Null(await app.Store.GetItemAsync("acme/web#12"));
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    private static WorkItem Stored(SourceKind source, string key, string container) => new()
    {
        Source = source,
        Key = key,
        Container = container,
        Title = $"Stored {key}",
        State = StateCategory.InProgress,
        Created = T0,
        Updated = T0,
    };

    private static async Task<string> ErrorOf(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString()!;
}
