using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Testing.Logging;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary>
/// The read API as tools use it (issue 15): filters and keyset paging on orphans and findings, JSON errors with a
/// reason, 405 for a wrong method, findings with severity, key result and initiative, items with their key results and bets.
/// </summary>
public sealed class ReadApiForToolsTests
{
    private static async Task<AppHarness> WithWorkAsync()
    {
        var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        foreach (var number in new[] { 3, 4, 5, 6, 7 })
        {
            await ApiTests.Apply(app, HostPayloads.GitHubUpsert(number));
        }
        await ApiTests.Apply(app, HostPayloads.GitHubUpsert(8, TrackerJson.Label("dach")));
        await ApiTests.Apply(app, HostPayloads.JiraUpsert("ONB-9"));
        return app;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(AppHarness app, string path, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri(path, UriKind.Relative));
        var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType == "application/json", $"{path}: {response.StatusCode} {text}");
        using var json = JsonDocument.Parse(text);
        return (response.StatusCode, json.RootElement.Clone(), response);
    }

    private static string[] Keys(JsonElement array) => [.. array.EnumerateArray().Select(i => i.GetProperty("key").GetString()!)];

    [Fact]
    public async Task Orphans_FilterBySourceContainerAndAssignee()
    {
        await using var app = await WithWorkAsync();

        var all = Keys((await GetAsync(app, "/api/orphans")).Body);
        var jira = Keys((await GetAsync(app, "/api/orphans?source=jira")).Body);
        var web = Keys((await GetAsync(app, "/api/orphans?container=ACME/WEB")).Body);
        var octocat = Keys((await GetAsync(app, "/api/orphans?assignee=octocat")).Body);
        var nobody = Keys((await GetAsync(app, "/api/orphans?assignee=someone-else")).Body);

        Assert.Equal(["acme/web#3", "acme/web#4", "acme/web#5", "acme/web#6", "acme/web#7", "ONB-9"], all);
        Assert.Equal(["ONB-9"], jira);
        Assert.Equal(["acme/web#3", "acme/web#4", "acme/web#5", "acme/web#6", "acme/web#7"], web);
        Assert.Equal(web, octocat);
        Assert.Empty(nobody);
    }

    [Fact]
    public async Task Orphans_PagedWithLimitAndCursor_GiveEveryItemOnceInAnEnvelope()
    {
        await using var app = await WithWorkAsync();
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;

        do
        {
            var (status, page, _) = await GetAsync(app, $"/api/orphans?limit=4{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(6, page.GetProperty("total").GetInt32());
            Assert.Equal(4, page.GetProperty("limit").GetInt32());
            Assert.Equal(page.GetProperty("items").GetArrayLength(), page.GetProperty("count").GetInt32());
            seen.AddRange(Keys(page.GetProperty("items")));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(2, pages);
        Assert.Equal(["acme/web#3", "acme/web#4", "acme/web#5", "acme/web#6", "acme/web#7", "ONB-9"], seen);
    }

    [Fact]
    public async Task Orphans_CursorStaysValidWhenAnEarlierItemGoes()
    {
        await using var app = await WithWorkAsync();
        var first = (await GetAsync(app, "/api/orphans?limit=2")).Body;
        var cursor = first.GetProperty("nextCursor").GetString();

        await ApiTests.Apply(app, HostPayloads.GitHubUpsert(3, TrackerJson.Label("onboarding"))); // no longer an orphan
        var second = (await GetAsync(app, $"/api/orphans?limit=2&cursor={cursor}")).Body;

        Assert.Equal(["acme/web#5", "acme/web#6"], Keys(second.GetProperty("items")));
    }

    [Theory]
    [InlineData("/api/orphans?asignee=octocat", "unknown query parameter 'asignee'")]
    [InlineData("/api/orphans?limit=0", "limit must be a whole number from 1 to 1000; got '0'")]
    [InlineData("/api/findings?limit=abc", "limit must be a whole number from 1 to 1000; got 'abc'")]
    [InlineData("/api/findings?cursor=not-a-cursor", "cursor 'not-a-cursor' is not one this API gave out")]
    [InlineData("/api/items", "give an item key")]
    [InlineData("/api/items/", "give an item key")]
    public async Task BadRequests_Are400WithAJsonReason(string path, string reason)
    {
        await using var app = await WithWorkAsync();

        var (status, body, _) = await GetAsync(app, path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_BeforeAnyReport_Are404LikeTheRollup()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var findings = await GetAsync(app, "/api/findings");
        var rollup = await GetAsync(app, "/api/rollup");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (findings.Status, rollup.Status));
        Assert.Equal(rollup.Body.GetProperty("error").GetString(), findings.Body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("POST", "/api/rollup", "GET")]
    [InlineData("DELETE", "/api/orphans", "GET")]
    [InlineData("PUT", "/api/items/ONB-9", "GET")]
    [InlineData("POST", "/api/health", "GET")]
    [InlineData("GET", "/api/webhooks/github", "POST")]
    [InlineData("PUT", "/api/webhooks/jira", "POST")]
    public async Task WrongMethod_Is405WithAllowAndAJsonReason(string method, string path, string allowed)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var (status, body, response) = await GetAsync(app, path, new HttpMethod(method));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal([allowed], response.Content.Headers.Allow);
        Assert.Contains($"{method} is not allowed here", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Findings_CarrySeverityBetKeyResultAndInitiative_AndFilterByThem()
    {
        await using var app = await WithWorkAsync();

        var findings = (await GetAsync(app, "/api/findings")).Body.EnumerateArray().ToList();
        var byBet = (await GetAsync(app, "/api/findings?bet=self-serve")).Body.EnumerateArray().ToList();
        var byKr = (await GetAsync(app, "/api/findings?kr=activation")).Body.EnumerateArray().ToList();
        var contradictions = (await GetAsync(app, "/api/findings?kind=contradicts-not-doing&source=github&container=acme/web")).Body.EnumerateArray().ToList();
        var jiraOrphans = (await GetAsync(app, "/api/findings?kind=orphaned-work&source=jira")).Body.EnumerateArray().ToList();

        var unbacked = Assert.Single(findings, f => f.GetProperty("kind").GetString() == "unbacked-kr");
        Assert.Equal(("warning", "self-serve", "activation"), (unbacked.GetProperty("severity").GetString(), unbacked.GetProperty("betId").GetString(), unbacked.GetProperty("keyResultId").GetString()));
        var stale = Assert.Single(findings, f => f.GetProperty("kind").GetString() == "stale-initiative");
        Assert.Equal(("info", "activation", "onboarding-v2"), (stale.GetProperty("severity").GetString(), stale.GetProperty("keyResultId").GetString(), stale.GetProperty("initiativeId").GetString()));
        var contradiction = Assert.Single(contradictions);
        Assert.Equal(("critical", "acme/web#8", "self-serve"), (contradiction.GetProperty("severity").GetString(), contradiction.GetProperty("subject").GetString(), contradiction.GetProperty("betId").GetString()));
        Assert.All(byBet, f => Assert.Equal("self-serve", f.GetProperty("betId").GetString()));
        Assert.Contains(byBet, f => f.GetProperty("kind").GetString() == "contradicts-not-doing");
        Assert.Equal(["stale-initiative", "unbacked-kr"], byKr.Select(f => f.GetProperty("kind").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("ONB-9", Assert.Single(jiraOrphans).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Findings_FilterByAssignee_ThroughTheirWorkItem()
    {
        await using var app = await WithWorkAsync();

        var li = (await GetAsync(app, "/api/findings?assignee=li%20wen")).Body.EnumerateArray().ToList();
        var paged = (await GetAsync(app, "/api/findings?kind=orphaned-work&limit=2")).Body;

        Assert.Equal("ONB-9", Assert.Single(li).GetProperty("subject").GetString());
        Assert.Equal(6, paged.GetProperty("total").GetInt32());
        Assert.NotNull(paged.GetProperty("nextCursor").GetString());
    }

    [Fact]
    public async Task Item_CarriesItsKeyResultsAndBets()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await ApiTests.Apply(app, HostPayloads.GitHubUpsert(12, TrackerJson.Label("onboarding")));
        await ApiTests.Apply(app, HostPayloads.GitHubUpsert(13));

        var aligned = (await GetAsync(app, "/api/items/acme%2Fweb%2312")).Body;
        var orphan = (await GetAsync(app, "/api/items/acme%2Fweb%2313")).Body;

        Assert.Equal(["activation"], aligned.GetProperty("keyResults").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(["self-serve"], aligned.GetProperty("bets").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal(0, orphan.GetProperty("keyResults").GetArrayLength());
        Assert.Equal(0, orphan.GetProperty("bets").GetArrayLength());
    }
}

/// <summary><c>okrsync serve</c> at start and per request (issue 15): a warning once per missing piece, at most one line per request.</summary>
public sealed class ServeLoggingTests
{
    [Fact]
    public async Task Serve_WithNothingConfigured_WarnsOnceForEachMissingPiece()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?>
        {
            ["OkrSync:StrategyPath"] = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.yaml"),
            ["OkrSync:GitHub:WebhookSecret"] = null,
            ["OkrSync:Jira:WebhookSecret"] = null,
        }, s => s.AddSingleton<ILoggerProvider>(logs));

        var warnings = logs.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();

        Assert.Single(warnings, w => w.StartsWith("No strategy: ", StringComparison.Ordinal) && w.Contains("no-such-", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.StartsWith("No sources: ", StringComparison.Ordinal) && w.Contains("OkrSync:GitHub:Repositories", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.StartsWith("github webhooks are refused with 401 until OkrSync:GitHub:WebhookSecret is set", StringComparison.Ordinal));
        Assert.Single(warnings, w => w.StartsWith("jira webhooks are refused with 401 until OkrSync:Jira:WebhookSecret is set", StringComparison.Ordinal));

        // A refused delivery does not say it again.
        using var delivery = await app.Client.PostAsync(new Uri("/api/webhooks/github", UriKind.Relative), new StringContent("{}"));
        Assert.Equal(HttpStatusCode.Unauthorized, delivery.StatusCode);
        Assert.Single(logs.Lines, l => l.Message.StartsWith("github webhooks are refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_Configured_DoesNotWarn()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?>
        {
            ["OkrSync:GitHub:Repositories"] = "acme/web",
        }, s => s.AddSingleton<ILoggerProvider>(logs));

        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Warning && l.Category.StartsWith("OkrSync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Serve_AtTheDefaultLevel_LogsNothingForReadsAndOneLineForAWebhookDelivery()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?>
        {
            ["OkrSync:GitHub:Repositories"] = "acme/web",
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        }, s => s.AddSingleton<ILoggerProvider>(logs));
        string[] reads = ["/api/health", "/api/strategy", "/api/rollup", "/api/findings", "/api/orphans"];
        foreach (var path in reads)
        {
            using var warmUp = await app.Client.GetAsync(new Uri(path, UriKind.Relative)); // first use opens the store (one line, once)
        }
        var before = logs.Lines.Count;

        foreach (var path in reads)
        {
            using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        }
        using var refused = await app.Client.PostAsync(new Uri("/api/webhooks/github", UriKind.Relative), new StringContent("{}"));
        var logged = await AppHarness.EventuallyAsync(() => Task.FromResult(logs.Lines.Skip(before).Any(l => l.Message.StartsWith("github webhook rejected with 401", StringComparison.Ordinal))));

        Assert.True(logged, logs.Text);
        var perRequest = logs.Lines.Skip(before).ToList();
        Assert.True(perRequest.Count == 1, string.Join('\n', perRequest.Select(l => $"{l.Level} {l.Category}: {l.Message}")));
    }
}
