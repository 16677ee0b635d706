using System.Text.Json;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Functions.Tests.Support;
using OkrSync.Pipeline.Events;
using OkrSync.Trackers.GitHub;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

/// <summary>The app's live report aligns with the same options as the CLI's stored reports (one recompute path).</summary>
public sealed class AlignmentSettingTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("false", 0)]
    [InlineData("true", 1)]
    public async Task IncludePullRequestsSetting_DecidesWhetherTheLiveReportCountsAPullRequest(string? setting, int total)
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?> { ["OkrSync:Alignment:IncludePullRequests"] = setting });
        using var pullRequest = JsonDocument.Parse(TrackerJson.GitHubIssue(7, pullRequest: true, labels: TrackerJson.Label("onboarding")));
        var message = new TrackerEventMessage(1, "github", "issues", "opened", null, DateTimeOffset.UnixEpoch, [WorkItemMessage.From(GitHubIssueMapper.Map(pullRequest.RootElement))], [], []).ToJson();

        await ApiTests.Apply(app, message);
        var rollup = await app.GetJsonAsync("/api/rollup");

        Assert.Equal(total, rollup.GetProperty("summary").GetProperty("total").GetInt32());
    }
}
