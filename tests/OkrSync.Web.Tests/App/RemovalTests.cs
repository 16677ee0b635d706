using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Pipeline.Events;
using OkrSync.Trackers.GitHub;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary>A deleted issue stays deleted when an older event about it arrives late (a queue retry, a slow delivery).</summary>
public sealed class RemovalTests
{
    private static readonly DateTimeOffset DeletedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OlderEventAfterTheDelete_DoesNotBringTheIssueBack()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await ApiTests.Apply(app, Upsert(5, updated: "2026-11-20T10:00:00Z", receivedAt: DeletedAt.AddHours(-2)));
        await ApiTests.Apply(app, Delete(5, receivedAt: DeletedAt));

        await ApiTests.Apply(app, Upsert(5, updated: "2026-11-20T11:00:00Z", receivedAt: DeletedAt.AddMinutes(5)));

        Assert.Null(await app.Store.GetItemAsync("acme/web#5"));
        var rollup = await app.GetJsonAsync("/api/rollup");
        Assert.Equal(0, rollup.GetProperty("summary").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task EventNewerThanTheDelete_IsApplied()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly);
        await ApiTests.Apply(app, Delete(5, receivedAt: DeletedAt));

        await ApiTests.Apply(app, Upsert(5, updated: "2026-11-20T12:30:00Z", receivedAt: DeletedAt.AddHours(1)));

        Assert.Equal(DeletedAt.AddMinutes(30), (await app.Store.GetItemAsync("acme/web#5"))?.Updated);
    }

    private static string Upsert(int number, string updated, DateTimeOffset receivedAt)
    {
        using var issue = JsonDocument.Parse(TrackerJson.GitHubIssue(number, updated: updated));
        var item = WorkItemMessage.From(GitHubIssueMapper.Map(issue.RootElement));
        return new TrackerEventMessage(1, "github", "issues", "edited", Guid.NewGuid().ToString(), receivedAt, [item], [], []).ToJson();
    }

    private static string Delete(int number, DateTimeOffset receivedAt) =>
        new TrackerEventMessage(1, "github", "issues", "deleted", Guid.NewGuid().ToString(), receivedAt, [], [$"acme/web#{number}"], []).ToJson();
}
