using OkrSync.Core.Work;
using OkrSync.Functions.Tests.Support;
using OkrSync.Trackers;
using OkrSync.Trackers.Files;
using static OkrSync.Functions.Tests.Support.TrackerJson;

namespace OkrSync.Functions.Tests.Sources;

public sealed class FileExportSourceTests : IDisposable
{
    private readonly TempDirectory directory = new();

    public void Dispose() => directory.Dispose();

    private Task<List<WorkItem>> GitHubAsync(string json) => new FileExportSource(SourceKind.GitHub, directory.File("gh.json", json)).ReadAllAsync();

    private Task<List<WorkItem>> JiraAsync(string json) => new FileExportSource(SourceKind.Jira, directory.File("jira.json", json), "customfield_10016").ReadAllAsync();

    [Fact]
    public async Task PaginateOutput_ArraysBackToBack_AreAllRead()
    {
        var items = await GitHubAsync($"[{GitHubIssue(1)},{GitHubIssue(2)}]\n[{GitHubIssue(3, repo: "acme/api")}]\n");

        Assert.Equal(["acme/web#1", "acme/web#2", "acme/api#3"], items.Select(i => i.Key));
        Assert.Equal("acme/api", items[2].Container);
    }

    [Fact]
    public async Task SlurpedArrayOfArrays_IsRead()
    {
        var items = await GitHubAsync($"[[{GitHubIssue(1)}],[{GitHubIssue(2)}]]");

        Assert.Equal(2, items.Count);
    }

    [Fact]
    public async Task GitHubIssue_MapsEveryField()
    {
        var item = (await GitHubAsync($"[{GitHubIssue(7, labels: Label("Onboarding") + "," + Label("in progress"), milestone: """{ "title": "Onboarding v2" }""")}]")).Single();

        Assert.Equal(SourceKind.GitHub, item.Source);
        Assert.Equal("Issue 7", item.Title);
        Assert.Equal("https://github.com/acme/web/issues/7", item.Url);
        Assert.Equal(StateCategory.InProgress, item.State);
        Assert.Equal(["Onboarding", "in progress"], item.Labels);
        Assert.Equal("Onboarding v2", item.Milestone);
        Assert.Equal("octocat", item.Assignee);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), item.Updated);
        Assert.False(item.IsPullRequest);
    }

    [Theory]
    [InlineData("completed", StateCategory.Done)]
    [InlineData("not_planned", StateCategory.Cancelled)]
    [InlineData("duplicate", StateCategory.Cancelled)]
    [InlineData(null, StateCategory.Done)]
    public async Task ClosedIssue_StateFollowsItsReason(string? reason, StateCategory expected)
    {
        var item = (await GitHubAsync($"[{GitHubIssue(1, state: "closed", stateReason: reason)}]")).Single();

        Assert.Equal(expected, item.State);
    }

    [Fact]
    public async Task PullRequests_AreToldApartByThePullRequestKey()
    {
        var items = await GitHubAsync($"[{GitHubIssue(1, pullRequest: true, state: "closed", mergedAt: "2026-11-20T10:00:00Z")},{GitHubIssue(2, pullRequest: true, state: "closed")}]");

        Assert.All(items, i => Assert.True(i.IsPullRequest));
        Assert.Equal(StateCategory.Done, items[0].State);
        Assert.Equal(StateCategory.Cancelled, items[1].State); // closed without merging
    }

    [Fact]
    public async Task EnterpriseServerUrls_GiveTheRepository()
    {
        var json = GitHubIssue(4).Replace("https://api.github.com/repos/", "https://ghe.acme.example/api/v3/repos/", StringComparison.Ordinal);

        var item = (await GitHubAsync($"[{json}]")).Single();

        Assert.Equal("acme/web#4", item.Key);
    }

    [Fact]
    public async Task JiraPagesBackToBackAndInAnArray_AreRead()
    {
        var page1 = $$"""{"issues":[{{JiraIssue("ONB-1")}},{{JiraIssue("ONB-2", parent: "ONB-1")}}],"nextPageToken":"x","isLast":false}""";
        var page2 = $$"""{"issues":[{{JiraIssue("PAY-3")}}],"isLast":true}""";

        var backToBack = await JiraAsync(page1 + "\n" + page2);
        var inArray = await JiraAsync($"[{page1},{page2}]");

        Assert.Equal(["ONB-1", "ONB-2", "PAY-3"], backToBack.Select(i => i.Key));
        Assert.Equal(backToBack.Select(i => i.Key), inArray.Select(i => i.Key));
        Assert.Equal("ONB-1", backToBack[1].ParentKey);
        Assert.Equal("PAY", backToBack[2].Container);
    }

    [Fact]
    public async Task JiraOffsetWithoutAColon_Parses()
    {
        var item = (await JiraAsync($$"""{"issues":[{{JiraIssue("ONB-1", updated: "2026-11-02T09:15:27.123+0900")}}]}""")).Single();

        Assert.Equal(new DateTimeOffset(2026, 11, 2, 0, 15, 27, 123, TimeSpan.Zero), item.Updated.ToUniversalTime());
    }

    [Theory]
    [InlineData("new", null, StateCategory.Todo)]
    [InlineData("indeterminate", null, StateCategory.InProgress)]
    [InlineData("done", "Done", StateCategory.Done)]
    [InlineData("done", "Won't Do", StateCategory.Cancelled)]
    [InlineData("done", "Duplicate", StateCategory.Cancelled)]
    [InlineData("some-future-category", null, StateCategory.Todo)]
    public async Task JiraState_ComesFromTheStatusCategoryAndResolution(string category, string? resolution, StateCategory expected)
    {
        var item = (await JiraAsync($$"""{"issues":[{{JiraIssue("ONB-1", category, resolution)}}]}""")).Single();

        Assert.Equal(expected, item.State);
    }

    [Fact]
    public async Task JiraIssue_MapsBrowseUrlAssigneeAndPoints()
    {
        var item = (await JiraAsync($$"""{"issues":[{{JiraIssue("ONB-1", type: "Incident")}}]}""")).Single();

        Assert.Equal("https://acme.atlassian.net/browse/ONB-1", item.Url);
        Assert.Equal("Li Wen", item.Assignee);
        Assert.Equal("li@acme.example", item.AssigneeEmail);
        Assert.Equal(5, item.Estimate);
        Assert.Equal("Incident", item.Type);
    }

    [Fact]
    public async Task MalformedJson_FailsWithFileLineColumnAndReason()
    {
        var json = $"[{GitHubIssue(1)},\n  {{\"number\": 2,, }}]";

        var error = await Assert.ThrowsAsync<SourceFormatException>(() => GitHubAsync(json));

        Assert.Matches(@"gh\.json:\d+:\d+$", error.Where);
        Assert.Contains($":{json.Split('\n').Length}:", error.Where, StringComparison.Ordinal);
        Assert.StartsWith("invalid JSON", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueMissingARequiredField_FailsWithItsPositionAndTheField()
    {
        var json = $"[{GitHubIssue(1)},\n{GitHubIssue(2).Replace("\"updated_at\"", "\"updated\"", StringComparison.Ordinal)}]";

        var error = await Assert.ThrowsAsync<SourceFormatException>(() => GitHubAsync(json));

        Assert.EndsWith($"gh.json:{GitHubIssue(1).Split('\n').Length + 1}:1", error.Where, StringComparison.Ordinal);
        Assert.Contains("'updated_at' is missing", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("\"NaN\"")]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("12.5")]
    [InlineData("99999999999")]
    public async Task IssueNumberNotAPositive32BitInteger_FailsWithItsPositionAndTheField(string number)
    {
        var json = $"[{GitHubIssue(1)},\n{GitHubIssue(2).Replace("\"number\": 2,", $"\"number\": {number},", StringComparison.Ordinal)}]";

        var error = await Assert.ThrowsAsync<SourceFormatException>(() => GitHubAsync(json));

        Assert.EndsWith($"gh.json:{GitHubIssue(1).Split('\n').Length + 1}:1", error.Where, StringComparison.Ordinal);
        Assert.StartsWith($"'number' must be a whole number from 1 to 2147483647, not {number}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedTopLevelValue_IsRejected()
    {
        var error = await Assert.ThrowsAsync<SourceFormatException>(() => GitHubAsync("\"hello\""));

        Assert.Contains("expected an issue object", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFile_FailsClearly()
    {
        var source = new FileExportSource(SourceKind.GitHub, Path.Combine(directory.Path, "nope.json"));

        var error = await Assert.ThrowsAsync<SourceFormatException>(() => source.ReadAllAsync());

        Assert.Equal("file not found", error.Reason);
    }
}
