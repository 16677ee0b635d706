using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Testing.Emulators;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Testing.Fakes;
using OkrSync.Web.Hosting;

namespace OkrSync.Functions.Tests.App;

public sealed class SyncInvocationTests
{
    [Fact]
    public async Task ScheduledSyncTimerInvocation_SyncsTheFakeTrackersAndSavesTheReport()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Guided setup", Labels = ["onboarding"] });
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Unplanned thing" });
        await using var jira = await FakeJiraServer.StartAsync();
        jira.AddProject("ONB");
        jira.AddIssue(new FakeJiraIssue { Project = "ONB", Summary = "Checklist", Labels = ["onboarding"] });
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Trackers(github, jira));

        var response = await app.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains(logs, l => l!.StartsWith("github:acme/web:", StringComparison.Ordinal) && l.Contains("written 2", StringComparison.Ordinal));
        Assert.Contains(logs, l => l!.StartsWith("jira:ONB:", StringComparison.Ordinal) && l.Contains("written 1", StringComparison.Ordinal));
        Assert.Equal(2, await GitHubWebhookTests.InitiativeTodo(app));
        Assert.Equal(["acme/web#2"], await GitHubWebhookTests.Orphans(app));
        var health = await app.GetJsonAsync("/api/health");
        Assert.All(health.GetProperty("sources").EnumerateArray(), s => Assert.Equal(JsonValueKind.String, s.GetProperty("lastSuccessfulSync").ValueKind));
    }

    [Fact]
    public async Task NightlyReconcile_RemovesAnIssueDeletedAtTheTracker()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Stays" });
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Goes" });
        for (var i = 0; i < 3; i++)
        {
            github.AddIssue("acme/web", new FakeGitHubIssue { Title = $"Also stays {i}" }); // one of five goes: within the 20% removal limit
        }
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Trackers(github, null));
        await app.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));
        github.DeleteIssue("acme/web", 2);

        var response = await app.Client.PostAsync(new Uri("/NightlyReconcile", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("NightlyReconcile")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await app.Store.GetItemAsync("acme/web#2"));
        Assert.NotNull(await app.Store.GetItemAsync("acme/web#1"));
    }

    [Fact]
    public async Task NightlyReconcile_ForgetsDeliveryIdsAndRemovalsPastTheirRetention()
    {
        var now = new DateTimeOffset(2026, 11, 23, 2, 30, 0, TimeSpan.Zero);
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        var settings = Trackers(github, null);
        settings["OkrSync:Webhooks:DeliveryRetentionDays"] = "3";
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, settings, services => services.AddSingleton<TimeProvider>(new InstantTimeProvider(now)));
        await app.Store.TryRecordDeliveryAsync("github", "four-days-old", now.AddDays(-4));
        await app.Store.TryRecordDeliveryAsync("github", "two-days-old", now.AddDays(-2));
        await app.Store.RecordRemovalsAsync(["acme/web#1", "acme/web#2"], now.AddDays(-5));
        await app.Store.RecordRemovalsAsync(["acme/web#3"], now.AddDays(-1));

        var response = await app.Client.PostAsync(new Uri("/NightlyReconcile", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("NightlyReconcile")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logs = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Contains("webhook deliveries: forgot 1 delivery id(s) and 2 removal(s) older than 3 days", logs);
        Assert.Null(await app.Store.GetRemovalAsync("acme/web#1"));
        Assert.Equal(now.AddDays(-1), await app.Store.GetRemovalAsync("acme/web#3"));
        Assert.True(await app.Store.TryRecordDeliveryAsync("github", "four-days-old", now), "forgotten");
        Assert.False(await app.Store.TryRecordDeliveryAsync("github", "two-days-old", now), "still remembered");
    }

    [Theory]
    [InlineData("a week")]
    [InlineData("0")]
    [InlineData("-7")]
    public async Task DeliveryRetentionNotAWholeNumberOfDays_StopsTheStartNamingTheSetting(string value)
    {
        var settings = new Dictionary<string, string?> { ["OkrSync:Webhooks:DeliveryRetentionDays"] = value };

        // Bound as options: a value that is not a number fails the binding, one out of range the check; both name it.
        var error = await Assert.ThrowsAnyAsync<Exception>(async () => await AppHarness.StartAsync(AppMode.EndpointsOnly, settings));

        Assert.Contains("OkrSync:Webhooks:DeliveryRetentionDays", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailingSource_FailsTheTimerInvocationAfterSavingTheReport()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Fine" });
        var settings = Trackers(github, null);
        settings["OkrSync:GitHub:Repositories:1"] = "acme/missing";
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, settings);

        var response = await app.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("github:acme/missing", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await app.GetJsonAsync("/api/rollup")).GetProperty("summary").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task ScheduledSyncWithEveryTrackerUnreachable_StoresNoReportAndNoSnapshot()
    {
        var settings = new Dictionary<string, string?>
        {
            ["OkrSync:GitHub:BaseUrl"] = $"http://127.0.0.1:{FreePorts.Take(1)[0]}/",
            ["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken,
            ["OkrSync:GitHub:Repositories:0"] = "acme/web",
        };
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, settings, services => services.AddSingleton<TimeProvider>(new InstantTimeProvider(DateTimeOffset.UtcNow)));

        var response = await app.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var logs = string.Join("\n", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains("every source failed", logs, StringComparison.Ordinal);
        Assert.Contains("connection refused", logs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(new Uri("/api/rollup", UriKind.Relative))).StatusCode);
        Assert.Null(await app.Store.ReadCurrentReportAsync());
        await foreach (var snapshot in app.Store.ReadWeeklySnapshotsAsync())
        {
            Assert.Fail($"a snapshot of {snapshot.IsoWeek} was stored");
        }
    }

    [Fact]
    public async Task NightlyReconcileOfATrackerListingNothing_KeepsTheItemsAndRaisesReconcileHeld()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "One" });
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Two" });
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, Trackers(github, null));
        await app.Client.PostAsync(new Uri("/ScheduledSync", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("ScheduledSync")));
        github.DeleteIssue("acme/web", 1);
        github.DeleteIssue("acme/web", 2);

        var response = await app.Client.PostAsync(new Uri("/NightlyReconcile", UriKind.Relative), HostPayloads.Json(HostPayloads.Timer("NightlyReconcile")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.NotNull(await app.Store.GetItemAsync("acme/web#1"));
        Assert.NotNull(await app.Store.GetItemAsync("acme/web#2"));
        var held = Assert.Single((await app.GetJsonAsync("/api/findings")).EnumerateArray(), f => f.GetProperty("kind").GetString() == "reconcile-held");
        Assert.Equal("github:acme/web", held.GetProperty("subject").GetString());
        Assert.Contains("2 of its 2 stored items", held.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains((await app.GetJsonAsync("/api/rollup")).GetProperty("findings").EnumerateArray(), f => f.GetProperty("kind").GetString() == "reconcile-held");
    }

    [Fact]
    public async Task EventTooLargeForTheQueue_IsEnqueuedAsAReferenceAndFetchedFromTheApi()
    {
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        var body = new string('x', 80 * 1024);
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Long", Body = body, Labels = ["onboarding"] });
        await using var app = await AppHarness.StartAsync(AppMode.Serve, Trackers(github, null));
        var payload = WebhookPayloads.Issues("edited", 1, Support.WebhookLabels.Onboarding).Replace("\"Body of 1\"", JsonSerializer.Serialize(body), StringComparison.Ordinal);

        var response = await app.Client.PostGitHubAsync("issues", payload);
        var applied = await AppHarness.EventuallyAsync(async () => await GitHubWebhookTests.InitiativeTodo(app) == 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(applied);
        Assert.Equal(1, github.Metrics.Requests(GitHubEndpoint.GetIssue));
    }

    [Fact]
    public async Task JiraEventWithoutStoryPointsField_IsFetchedThroughTheConnector()
    {
        await using var jira = await FakeJiraServer.StartAsync();
        jira.AddProject("ONB");
        jira.AddIssue(new FakeJiraIssue { Project = "ONB", Summary = "Checklist", Labels = ["onboarding"] });
        var settings = Trackers(null, jira);
        settings["OkrSync:Jira:StoryPointsField"] = null;
        await using var app = await AppHarness.StartAsync(AppMode.Serve, settings);

        var response = await app.Client.PostJiraAsync(WebhookPayloads.Jira("jira:issue_updated", "ONB-1", labels: "\"onboarding\""));
        var applied = await AppHarness.EventuallyAsync(async () => (await app.Store.GetItemAsync("ONB-1"))?.Title == "Checklist");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(applied);
    }

    internal static Dictionary<string, string?> Trackers(FakeGitHubServer? github, FakeJiraServer? jira)
    {
        var settings = new Dictionary<string, string?>();
        if (github is not null)
        {
            settings["OkrSync:GitHub:BaseUrl"] = github.BaseUri.AbsoluteUri;
            settings["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken;
            settings["OkrSync:GitHub:Repositories:0"] = "acme/web";
        }
        if (jira is not null)
        {
            settings["OkrSync:Jira:BaseUrl"] = jira.BaseUri.AbsoluteUri;
            settings["OkrSync:Jira:Deployment"] = "Cloud";
            settings["OkrSync:Jira:Email"] = jira.Options.Email;
            settings["OkrSync:Jira:ApiToken"] = jira.Options.ApiToken;
            settings["OkrSync:Jira:Projects:0"] = "ONB";
        }
        return settings;
    }
}
