using System.Net;
using System.Text.Json;
using OkrSync.Core.Ports;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

public sealed class ApiTests
{
    [Theory]
    [InlineData("/api/items/acme%2Fweb%2312", "acme/web#12")]
    [InlineData("/api/items/acme/web%2312", "acme/web#12")]
    [InlineData("/api/items/ONB-42", "ONB-42")]
    public async Task Items_KeyInThePath_ReturnsTheAlignedItem(string path, string key)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await Apply(app, HostPayloads.GitHubUpsert(12, TrackerJson.Label("onboarding")));
        await Apply(app, HostPayloads.JiraUpsert("ONB-42", "\"onboarding\""));

        var item = await app.GetJsonAsync(path);

        Assert.Equal(key, item.GetProperty("key").GetString());
        Assert.Equal("aligned", item.GetProperty("classification").GetString());
        Assert.Equal(AppStrategy.Initiative, item.GetProperty("initiatives")[0].GetString());
    }

    [Fact]
    public async Task Items_DoublyEncodedKey_IsDecodedOnceAndLookedUpLiterally()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await Apply(app, HostPayloads.GitHubUpsert(12, TrackerJson.Label("onboarding")));

        var response = await app.Client.GetAsync(new Uri("/api/items/acme%252Fweb%252312", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("no work item 'acme%2Fweb%2312'", error.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Items_UnknownKey_Returns404()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.GetAsync(new Uri("/api/items/acme%2Fweb%23999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("acme/web#999", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rollup_HasTheCliJsonContract()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await Apply(app, HostPayloads.GitHubUpsert(1));

        var rollup = await app.GetJsonAsync("/api/rollup");

        Assert.Equal(["strategy", "asOf", "summary", "bets", "keyResults", "initiatives", "workItems", "findings", "investment"], rollup.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, rollup.GetProperty("summary").GetProperty("openOrphaned").GetInt32());
    }

    [Fact]
    public async Task Rollup_CarriesPositionAllocationAndInvestment()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await Apply(app, HostPayloads.GitHubUpsert(1));

        var rollup = await app.GetJsonAsync("/api/rollup");

        var bet = rollup.GetProperty("bets")[0];
        Assert.Equal(JsonValueKind.Array, bet.GetProperty("position").ValueKind);
        Assert.True(bet.TryGetProperty("positionRatio", out _));
        Assert.Equal(["declared", "actual", "weight"], bet.GetProperty("allocation").EnumerateObject().Select(p => p.Name));
        var investment = rollup.GetProperty("investment");
        Assert.Equal(["windowDays", "from", "to", "unit", "total", "items", "estimated", "bets", "operational", "orphaned", "contradicting", "byContainer", "byAssignee"],
            investment.EnumerateObject().Select(p => p.Name));
        Assert.Equal(28, investment.GetProperty("windowDays").GetInt32());
        Assert.Equal(bet.GetProperty("id").GetString(), investment.GetProperty("bets").EnumerateObject().First().Name);
    }

    [Fact]
    public async Task Rollup_ETagOfTheCurrentReport_Returns304UntilTheReportChanges()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await Apply(app, HostPayloads.GitHubUpsert(1));
        using var first = await app.Client.GetAsync(new Uri("/api/rollup", UriKind.Relative));
        var etag = first.Headers.ETag;

        using var unchanged = await GetRollupAsync(app, etag!.Tag);
        await Apply(app, HostPayloads.GitHubUpsert(2));
        using var changed = await GetRollupAsync(app, etag.Tag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(etag, unchanged.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        using var json = JsonDocument.Parse(await changed.Content.ReadAsStringAsync());
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("openOrphaned").GetInt32());
    }

    [Fact]
    public async Task Rollup_BeforeAnyReport_Returns404()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var response = await app.Client.GetAsync(new Uri("/api/rollup", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Findings_And_Orphans_ListTheOrphanedItem()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await Apply(app, HostPayloads.GitHubUpsert(5));

        var findings = await app.GetJsonAsync("/api/findings");
        var orphans = await app.GetJsonAsync("/api/orphans");

        Assert.Contains(findings.EnumerateArray(), f => f.GetProperty("kind").GetString() == "orphaned-work" && f.GetProperty("subject").GetString() == "acme/web#5");
        Assert.Equal("acme/web#5", Assert.Single(orphans.EnumerateArray()).GetProperty("key").GetString());
    }

    [Fact]
    public async Task Strategy_ReturnsTheLoadedStrategy()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);

        var strategy = await app.GetJsonAsync("/api/strategy");

        Assert.Equal("Acme test strategy", strategy.GetProperty("name").GetString());
        Assert.Equal(["onboarding"], strategy.GetProperty("bets")[0].GetProperty("keyResults")[0].GetProperty("initiatives")[0].GetProperty("match").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Strategy_MissingFile_Returns503SayingSo()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?> { ["OkrSync:StrategyPath"] = "/nonexistent/strategy.yaml" });

        var response = await app.Client.GetAsync(new Uri("/api/strategy", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("strategy file not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_StrategyWithAnUnclosedFlowSequence_ReportsTheLocatedError()
    {
        using var directory = new TempDirectory();
        var strategy = directory.File("strategy.yaml", FortyLineStrategy.WithUnclosedTitle);
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { ["OkrSync:StrategyPath"] = strategy });

        var response = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("unhealthy", health.RootElement.GetProperty("status").GetString());
        var component = health.RootElement.GetProperty("strategy");
        Assert.False(component.GetProperty("ok").GetBoolean());
        Assert.Contains($"{strategy}:{FortyLineStrategy.UnclosedLine}:{FortyLineStrategy.UnclosedColumn}: error syntax: ", component.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsStorageAndTheLastSyncPerSource()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?> { ["OkrSync:GitHub:Repositories:0"] = "acme/web", ["OkrSync:GitHub:Repositories:1"] = "acme/api" });
        var syncedAt = new DateTimeOffset(2026, 11, 22, 9, 45, 0, TimeSpan.Zero);
        await app.Store.WriteCursorAsync(new SyncCursor("github:acme/web", "2026-11-22T09:44:00Z", syncedAt));

        var health = await app.GetJsonAsync("/api/health");

        Assert.Equal("degraded", health.GetProperty("status").GetString()); // acme/api has never synced
        Assert.True(health.GetProperty("storage").GetProperty("ok").GetBoolean());
        var sources = health.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("lastSuccessfulSync"));
        Assert.Equal(syncedAt, sources["github:acme/web"].GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, sources["github:acme/api"].ValueKind);
    }

    [Fact]
    public async Task ApiKeyConfigured_ServeRequiresIt()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve, new Dictionary<string, string?> { ["OkrSync:Api:Key"] = "local-key" });
        app.Client.DefaultRequestHeaders.Remove("x-functions-key"); // the harness's admin key would read too

        var without = await app.Client.GetAsync(new Uri("/api/strategy", UriKind.Relative));
        var header = await app.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri("/api/strategy", UriKind.Relative)) { Headers = { { "x-functions-key", "local-key" } } });
        var query = await app.Client.GetAsync(new Uri("/api/strategy?code=local-key", UriKind.Relative));
        var webhook = await app.Client.PostGitHubAsync("ping", WebhookPayloads.Ping());

        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        Assert.Equal(HttpStatusCode.OK, webhook.StatusCode);
    }

    internal static async Task Apply(AppHarness app, string message)
    {
        var response = await app.Client.PostAsync(new Uri("/ApplyTrackerEvent", UriKind.Relative), HostPayloads.Json(HostPayloads.Queue(message)));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<HttpResponseMessage> GetRollupAsync(AppHarness app, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/rollup", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        return await app.Client.SendAsync(request);
    }
}
