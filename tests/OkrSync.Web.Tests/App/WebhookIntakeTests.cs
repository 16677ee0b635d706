using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Functions.Tests.App.Support;
using OkrSync.Pipeline.Events;
using OkrSync.Storage.Queues;
using OkrSync.Testing.FakeTrackers.GitHub;
using OkrSync.Testing.FakeTrackers.Jira;
using OkrSync.Web.Hosting;
using OkrSync.Web.Webhooks;

namespace OkrSync.Functions.Tests.App;

/// <summary>
/// The enqueue and the redelivery check go out together; a redelivery's copy is taken back; the delivery id is recorded
/// after the enqueue, and after the answer; a referenced item costs one tracker call.
/// </summary>
public sealed class WebhookIntakeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task FailedEnqueue_Answers503AndTheTrackersRetryIsApplied()
    {
        HookedQueue? flaky = null;
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, services: s => s.AddSingleton<IEventQueue>(sp =>
            flaky = new HookedQueue(EventQueueFactory.Create(sp.GetRequiredService<IConfiguration>(), TimeProvider.System), failFirst: true)));
        var body = WebhookPayloads.Issues("opened", 3);

        var first = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-3");
        var retry = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-3");
        var again = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-3");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal("accepted", (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        // The third went to the queue alongside its redelivery check, and was taken back.
        Assert.Equal((3, 1), (flaky!.Attempts, flaky.Withdrawn));
        Assert.Single(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task EnqueueAndRedeliveryCheck_AreInFlightAtOnce()
    {
        // Each side waits (at most 5 s) for the other to have started: only calls that overlap see each other.
        var enqueueStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var checkStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool checkSawEnqueue = false, enqueueSawCheck = false;
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, services: s => s
            .AddSingleton<IEventQueue>(sp => new HookedQueue(EventQueueFactory.Create(sp.GetRequiredService<IConfiguration>(), TimeProvider.System), onEnqueue: async () =>
            {
                enqueueStarted.TrySetResult();
                enqueueSawCheck = await Within(checkStarted.Task);
            }))
            .AddSingleton<IEventLog>(sp => new GatedEventLog(sp.GetRequiredService<IWorkStore>(), onCheck: async () =>
            {
                checkStarted.TrySetResult();
                checkSawEnqueue = await Within(enqueueStarted.Task);
            })));

        var answer = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", 7), deliveryId: "delivery-7").WaitAsync(Guard);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.True(checkSawEnqueue, "the redelivery check ran while no enqueue was in flight");
        Assert.True(enqueueSawCheck, "the enqueue ran while no redelivery check was in flight");

        static async Task<bool> Within(Task other) => await Task.WhenAny(other, Task.Delay(TimeSpan.FromSeconds(5))) == other;
    }

    [Fact]
    public async Task RecordedDeliveryComesAgain_ItsQueuedCopyIsTakenBack()
    {
        HookedQueue? queue = null;
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, services: s => s.AddSingleton<IEventQueue>(sp =>
            queue = new HookedQueue(EventQueueFactory.Create(sp.GetRequiredService<IConfiguration>(), TimeProvider.System))));
        var body = WebhookPayloads.Issues("opened", 8);

        var first = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-8");
        await app.Services.GetRequiredService<WebhookIntake>().DrainRecordsAsync(Guard);
        var again = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-8");

        Assert.Equal("accepted", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal((2, 1), (queue!.Attempts, queue.Withdrawn));
        Assert.Single(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task RedeliveryCheckFails_TheEventIsQueuedAndAccepted()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, services: s => s.AddSingleton<IEventLog>(sp =>
            new GatedEventLog(sp.GetRequiredService<IWorkStore>(), onCheck: () => throw new IOException("the table service is unreachable"))));

        var answer = await app.Client.PostGitHubAsync("issues", WebhookPayloads.Issues("opened", 9), deliveryId: "delivery-9");

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("accepted", (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Single(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task DeliveryRecordStillBeingWritten_TheAnswerIsAcceptedAndARedeliveryIsADuplicate()
    {
        GatedEventLog? log = null;
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, services: s => s.AddSingleton<IEventLog>(sp =>
            log = new GatedEventLog(sp.GetRequiredService<IWorkStore>())));
        var body = WebhookPayloads.Issues("opened", 4);

        // The record is held back: the answer must not wait for it.
        var first = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-4").WaitAsync(Guard);
        var meanwhile = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-4").WaitAsync(Guard);
        log!.Release();
        await app.Services.GetRequiredService<WebhookIntake>().DrainRecordsAsync(Guard);
        var later = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-4").WaitAsync(Guard);

        Assert.Equal("accepted", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await meanwhile.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("duplicate", (await later.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.True(await app.Store.IsDeliveryRecordedAsync("github", "delivery-4"));
        Assert.Single(await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task DeliveryRecordBlocksItsThread_TheAnswerDoesNotWaitForIt()
    {
        GatedEventLog? log = null;
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, services: s => s.AddSingleton<IEventLog>(sp =>
            log = new GatedEventLog(sp.GetRequiredService<IWorkStore>(), blockThread: true)));
        var body = WebhookPayloads.Issues("opened", 6);

        // As SQLite's record does while the queue pump writes: the call blocks its thread before it returns a task.
        var answer = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-6").WaitAsync(TimeSpan.FromSeconds(5));
        log!.Release();
        await app.Services.GetRequiredService<WebhookIntake>().DrainRecordsAsync(Guard);

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.True(await app.Store.IsDeliveryRecordedAsync("github", "delivery-6"));
    }

    [Fact]
    public async Task DeliveryRecordFails_TheAnswerIsAcceptedAndARedeliveryIsQueuedAgain()
    {
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, services: s => s.AddSingleton<IEventLog>(sp =>
            new GatedEventLog(sp.GetRequiredService<IWorkStore>(), failRecords: true)));
        var body = WebhookPayloads.Issues("opened", 5);

        var first = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-5");
        await app.Services.GetRequiredService<WebhookIntake>().DrainRecordsAsync(Guard);
        var redelivery = await app.Client.PostGitHubAsync("issues", body, deliveryId: "delivery-5");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("accepted", (await redelivery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(2, (await app.Queue.ReceiveAsync(32, TimeSpan.FromSeconds(1))).Count);
    }

    [Fact]
    public async Task ReferencedItems_ReuseOneSourcePerContainer_OneTrackerCallEach()
    {
        await using var jira = await FakeJiraServer.StartAsync();
        jira.AddProject("ONB");
        jira.AddIssue(new FakeJiraIssue { Project = "ONB", Summary = "First" });
        jira.AddIssue(new FakeJiraIssue { Project = "ONB", Summary = "Second" });
        await using var github = await FakeGitHubServer.StartAsync();
        github.AddRepository("acme/web");
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "One" });
        github.AddIssue("acme/web", new FakeGitHubIssue { Title = "Two" });
        await using var app = await AppHarness.StartAsync(AppMode.EndpointsOnly, new Dictionary<string, string?>
        {
            ["OkrSync:Jira:BaseUrl"] = jira.BaseUri.AbsoluteUri,
            ["OkrSync:Jira:Email"] = jira.Options.Email,
            ["OkrSync:Jira:ApiToken"] = jira.Options.ApiToken,
            ["OkrSync:GitHub:BaseUrl"] = github.BaseUri.AbsoluteUri,
            ["OkrSync:GitHub:Token"] = FakeGitHubOptions.DefaultToken,
        });
        var fetcher = app.Services.GetRequiredService<IWorkItemFetcher>();

        var items = new[]
        {
            await fetcher.FetchAsync(SourceKind.Jira, "ONB-1"),
            await fetcher.FetchAsync(SourceKind.Jira, "ONB-2"),
            await fetcher.FetchAsync(SourceKind.GitHub, "acme/web#1"),
            await fetcher.FetchAsync(SourceKind.GitHub, "acme/web#2"),
        };

        Assert.Equal(["First", "Second", "One", "Two"], items.Select(i => i!.Title));
        Assert.Equal((2L, 2L), (jira.Metrics.TotalRequests, jira.Metrics.Requests(JiraEndpoint.GetIssue)));
        Assert.Equal(2L, github.Metrics.TotalRequests);
    }

    /// <summary>
    /// The store's event log, whose delivery records wait for <see cref="Release"/> (or, with <c>failRecords</c>, fail
    /// as an unreachable store would). With <c>blockThread</c> the wait blocks the calling thread (at most 10 s), as a
    /// store that completes synchronously does. <c>onCheck</c> runs before each redelivery check.
    /// </summary>
    private sealed class GatedEventLog(IEventLog inner, bool failRecords = false, bool blockThread = false, Func<Task>? onCheck = null) : IEventLog
    {
        private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => gate.TrySetResult();

        public async Task<bool> IsDeliveryRecordedAsync(string source, string deliveryId, CancellationToken cancellationToken = default)
        {
            if (onCheck is not null)
            {
                await onCheck();
            }
            return await inner.IsDeliveryRecordedAsync(source, deliveryId, cancellationToken);
        }

        public async Task<bool> TryRecordDeliveryAsync(string source, string deliveryId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
        {
            if (failRecords)
            {
                throw new IOException("the table service is unreachable");
            }
            if (blockThread)
            {
                gate.Task.Wait(TimeSpan.FromSeconds(10), cancellationToken);
            }
            await gate.Task.WaitAsync(cancellationToken);
            return await inner.TryRecordDeliveryAsync(source, deliveryId, receivedAt, cancellationToken);
        }

        public Task<int> PruneDeliveriesAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken = default) => inner.PruneDeliveriesAsync(receivedBefore, cancellationToken);

        public Task RecordRemovalsAsync(IReadOnlyList<string> keys, DateTimeOffset removedAt, CancellationToken cancellationToken = default) => inner.RecordRemovalsAsync(keys, removedAt, cancellationToken);

        public Task<DateTimeOffset?> GetRemovalAsync(string key, CancellationToken cancellationToken = default) => inner.GetRemovalAsync(key, cancellationToken);

        public Task<int> PruneRemovalsAsync(DateTimeOffset removedBefore, CancellationToken cancellationToken = default) => inner.PruneRemovalsAsync(removedBefore, cancellationToken);
    }

    /// <summary>
    /// Passes everything on, counting enqueues and withdrawals. With <c>failFirst</c> its first enqueue fails, as a
    /// storage outage would; <c>onEnqueue</c> runs before each enqueue.
    /// </summary>
    private sealed class HookedQueue(IEventQueue inner, bool failFirst = false, Func<Task>? onEnqueue = null) : IEventQueue
    {
        private int attempts;
        private int withdrawn;

        public int Attempts => attempts;

        public int Withdrawn => withdrawn;

        public async Task<EnqueuedEvent> EnqueueAsync(string message, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref attempts) == 1 && failFirst)
            {
                throw new IOException("the queue service is unreachable");
            }
            if (onEnqueue is not null)
            {
                await onEnqueue();
            }
            return await inner.EnqueueAsync(message, cancellationToken);
        }

        public async Task<bool> WithdrawAsync(EnqueuedEvent message, CancellationToken cancellationToken = default)
        {
            var taken = await inner.WithdrawAsync(message, cancellationToken);
            if (taken)
            {
                Interlocked.Increment(ref withdrawn);
            }
            return taken;
        }

        public Task<IReadOnlyList<QueuedEvent>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default) =>
            inner.ReceiveAsync(maxMessages, visibilityTimeout, cancellationToken);

        public Task DeleteAsync(QueuedEvent message, CancellationToken cancellationToken = default) => inner.DeleteAsync(message, cancellationToken);

        public Task ReleaseAsync(QueuedEvent message, TimeSpan delay, CancellationToken cancellationToken = default) => inner.ReleaseAsync(message, delay, cancellationToken);

        public Task MoveToPoisonAsync(QueuedEvent message, CancellationToken cancellationToken = default) => inner.MoveToPoisonAsync(message, cancellationToken);

        public Task<IReadOnlyList<QueuedEvent>> PeekPoisonAsync(int maxMessages, CancellationToken cancellationToken = default) => inner.PeekPoisonAsync(maxMessages, cancellationToken);
    }
}
