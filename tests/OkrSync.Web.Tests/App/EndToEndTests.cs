using System.Net.Http.Json;
using System.Globalization;
using System.Net;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Storage;
using OkrSync.Testing.Emulators;
using OkrSync.Testing.FakeTrackers.GitHub;

namespace OkrSync.Functions.Tests.App;

/// <summary><c>okrsync serve</c> as its own process, on Azurite (tables and queues) and the fake GitHub.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SignedLabeledWebhook_MovesTheOrphanIntoTheInitiative_InRollupAndOrphans()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Guided setup checklist" });
        using var folder = new Tests.Support.TempDirectory();
        folder.File("strategy.yaml", AppStrategy.Yaml);
        var port = FreePorts.Take(1)[0];
        await using var serve = await OkrsyncProcess.StartAsync(
            OkrsyncProcess.BuiltExecutable(), ["serve", "--urls", $"http://127.0.0.1:{port}"], folder.Path, Environment(github, folder.Path), port, "/api/health");
        using var runNow = new HttpRequestMessage(HttpMethod.Post, new Uri("/ScheduledSync", UriKind.Relative)) { Content = HostPayloads.Json(HostPayloads.Timer("ScheduledSync")) };
        runNow.Headers.Add("x-functions-key", AdminKey);
        var sync = await serve.Client.SendAsync(runNow);
        Assert.True(sync.IsSuccessStatusCode, serve.Output);
        Assert.Contains("acme/web#1", await Orphans(serve.Client));
        var labeled = github.SetLabels("acme/web", 1, "onboarding");

        var response = await serve.Client.PostGitHubAsync("issues", await LabeledPayloadAsync(github, labeled.Number));
        var moved = await AppHarness.EventuallyAsync(async () => await InitiativeTodo(serve.Client) == 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(moved, serve.Output);
        Assert.DoesNotContain("acme/web#1", await Orphans(serve.Client));
    }

    private const string AdminKey = "e2e-admin-key";

    private Dictionary<string, string> Environment(FakeGitHubServer github, string folder) => new()
    {
        ["OkrSync__Api__AdminKey"] = AdminKey,
        ["OkrSync__Storage__ConnectionString"] = azurite.ConnectionString,
        ["OkrSync__Storage__TablePrefix"] = "e2e" + Guid.NewGuid().ToString("N")[..8],
        ["OkrSync__StrategyPath"] = Path.Combine(folder, "strategy.yaml"),
        ["OkrSync__GitHub__BaseUrl"] = github.BaseUri.AbsoluteUri,
        ["OkrSync__GitHub__Token"] = FakeGitHubOptions.DefaultToken,
        ["OkrSync__GitHub__Repositories__0"] = "acme/web",
        ["OkrSync__GitHub__WebhookSecret"] = AppHarness.GitHubSecret,
        ["OkrSync__Queue__MaxPollingInterval"] = "00:00:00.250",
    };

    // The webhook carries the issue as the API shows it after the change, with the label that was added.
    private static async Task<string> LabeledPayloadAsync(FakeGitHubServer github, int number)
    {
        using var api = new HttpClient { BaseAddress = github.BaseUri };
        api.DefaultRequestHeaders.Add("Authorization", $"token {FakeGitHubOptions.DefaultToken}");
        api.DefaultRequestHeaders.UserAgent.ParseAdd("okrsync-tests");
        var issue = await api.GetStringAsync(new Uri($"repos/acme/web/issues/{number.ToString(CultureInfo.InvariantCulture)}", UriKind.Relative));
        return $$"""{ "action": "labeled", "issue": {{issue}}, "label": {{Tests.Support.TrackerJson.Label("onboarding")}}, "repository": {{WebhookPayloads.Repository()}}, "sender": {{WebhookPayloads.Sender}} }""";
    }

    private static async Task<List<string>> Orphans(HttpClient client)
    {
        var orphans = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/orphans", UriKind.Relative));
        return [.. orphans.EnumerateArray().Select(o => o.GetProperty("key").GetString()!)];
    }

    private static async Task<int> InitiativeTodo(HttpClient client)
    {
        var rollup = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/rollup", UriKind.Relative));
        return rollup.GetProperty("initiatives").EnumerateArray().Single(i => i.GetProperty("id").GetString() == AppStrategy.Initiative).GetProperty("counts").GetProperty("todo").GetInt32();
    }
}
