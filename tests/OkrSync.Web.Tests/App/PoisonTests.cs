using System.Net.Http.Json;
using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

public sealed class PoisonTests
{
    [Fact]
    public async Task MessageThatAlwaysFails_IsKeptInThePoisonQueueAndShownAsAFinding()
    {
        await using var app = await AppHarness.StartAsync(AppMode.Serve);

        await app.Queue.EnqueueAsync("""{"version":1,"source":"github","event":"issues"}""");
        var shown = await AppHarness.EventuallyAsync(async () => (await PoisonFindings(app)).Count == 1);

        Assert.True(shown);
        var kept = Assert.Single(await app.Queue.PeekPoisonAsync(32));
        Assert.Equal(5, kept.DequeueCount);
        Assert.Contains("tracker-events-poison", (await PoisonFindings(app))[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    /// <summary>The poison-event findings; none while <c>/api/findings</c> still answers 404 (no report and nothing poisoned yet).</summary>
    private static async Task<List<JsonElement>> PoisonFindings(AppHarness app)
    {
        using var response = await app.Client.GetAsync(new Uri("/api/findings", UriKind.Relative));
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return [];
        }
        response.EnsureSuccessStatusCode();
        var findings = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. findings.EnumerateArray().Where(f => f.GetProperty("kind").GetString() == "poison-event")];
    }
}
