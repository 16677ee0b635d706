using System.Runtime.CompilerServices;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;
using OkrSync.Testing.Fakes;
using OkrSync.Testing.Stores;

namespace OkrSync.Functions.Tests.Sync;

/// <summary>
/// What the engine overlaps: a source's next page is fetched while this one is written, and sources of different
/// trackers run side by side, while one tracker's sources take turns. The handshakes below fail (after a guard
/// timeout) instead of waiting forever when the overlap is missing.
/// </summary>
public sealed class SyncEngineOverlapTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private readonly InstantTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task FirstPageBeingWritten_NextPageIsAlreadyBeingFetched()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 3);
        var store = new InMemoryWorkStore();
        store.BeforeUpsert = async batch =>
        {
            if (batch[0].Key.EndsWith("#p0-0", StringComparison.Ordinal))
            {
                await source.PageRequested(1).WaitAsync(Guard);
            }
        };

        var report = await Engine(store).SyncAsync([source]).WaitAsync(Guard);

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(3 * ScriptedSource.PerPage, store.Count);
        Assert.Equal("p2", (await store.ReadCursorAsync(source.Id))?.Position);
    }

    [Fact]
    public async Task FetchFailsAfterTwoPages_BothPagesAndTheirCursorAreStored()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 2, failAfter: true);
        var store = new InMemoryWorkStore();

        var report = await Engine(store).SyncAsync([source]).WaitAsync(Guard);

        Assert.False(report.Succeeded);
        Assert.Contains("page 2 failed", report.Sources[0].Error, StringComparison.Ordinal);
        Assert.Equal(2 * ScriptedSource.PerPage, store.Count);
        Assert.Equal("p1", (await store.ReadCursorAsync(source.Id))?.Position);
    }

    [Fact]
    public async Task WriteFails_FetchingStopsAndNoLaterCursorIsStored()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 50);
        var crashing = new CrashingWorkStore(new InMemoryWorkStore(), writesBeforeCrash: (2 * ScriptedSource.PerPage) + 2);

        var report = await Engine(crashing).SyncAsync([source]).WaitAsync(Guard);

        Assert.False(report.Succeeded);
        Assert.Equal("p1", (await crashing.ReadCursorAsync(source.Id))?.Position);
        Assert.True(source.PagesRequested <= 5, $"fetching went on to page {source.PagesRequested} after the write failed");
    }

    [Fact]
    public async Task GitHubAndJiraSources_RunSideBySide()
    {
        var github = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 2);
        var jira = new ScriptedSource("jira:ONB", SourceKind.Jira, pages: 2);
        var store = new InMemoryWorkStore();
        // GitHub's first page is not written until Jira's source has started.
        store.BeforeUpsert = batch => batch[0].Source == SourceKind.GitHub ? jira.PageRequested(0).WaitAsync(Guard) : Task.CompletedTask;

        var report = await Engine(store).SyncAsync([github, jira]).WaitAsync(Guard);

        Assert.True(report.Succeeded, string.Join("; ", report.Sources.Select(s => s.Error)));
        Assert.Equal(["github:acme/web", "jira:ONB"], report.Sources.Select(s => s.SourceId));
        Assert.Equal(4 * ScriptedSource.PerPage, store.Count);
    }

    [Fact]
    public async Task TwoGitHubRepositories_TakeTurns()
    {
        var first = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 3);
        var second = new ScriptedSource("github:acme/api", SourceKind.GitHub, pages: 3);
        var store = new InMemoryWorkStore();

        var report = await Engine(store).SyncAsync([first, second]).WaitAsync(Guard);

        Assert.True(report.Succeeded);
        Assert.True(first.FinishedAt < second.StartedAt, "the second repository started before the first had finished");
    }

    private SyncEngine Engine(IWorkStore store) => new(store, store, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<SyncEngine>.Instance, Microsoft.Extensions.Options.Options.Create(new ReconcileOptions()));

    /// <summary>A tracker source of numbered pages that says when each page is asked for.</summary>
    private sealed class ScriptedSource(string id, SourceKind kind, int pages, bool failAfter = false) : ITrackerSource
    {
        public const int PerPage = 10;
        private static long sequence;
        private readonly TaskCompletionSource[] requested = [.. Enumerable.Range(0, pages + 1).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];
        private int pagesRequested;

        public string Id => id;

        public SourceKind Kind => kind;

        public string Container => id;

        public ApiUsage Usage { get; } = new();

        public int PagesRequested => Volatile.Read(ref pagesRequested);

        public long StartedAt { get; private set; } = long.MaxValue;

        public long FinishedAt { get; private set; }

        public Task PageRequested(int page) => requested[page].Task;

        public async IAsyncEnumerable<WorkPage> ReadAsync(SyncCursor? since, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            StartedAt = Interlocked.Increment(ref sequence);
            for (var page = 0; page < pages; page++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Interlocked.Increment(ref pagesRequested);
                requested[page].TrySetResult();
                await Task.Yield();
                yield return new WorkPage([.. Enumerable.Range(0, PerPage).Select(i => Item(page, i))], new SyncCursor(id, $"p{page}", DateTimeOffset.UnixEpoch));
            }

            requested[pages].TrySetResult();
            FinishedAt = Interlocked.Increment(ref sequence);
            if (failAfter)
            {
                throw new HttpRequestException($"page {pages} failed");
            }
        }

        private WorkItem Item(int page, int index) => new()
        {
            Source = kind,
            Key = $"{id}#p{page}-{index}",
            Container = id,
            Title = $"Page {page} item {index}",
            State = StateCategory.Todo,
            Created = DateTimeOffset.UnixEpoch,
            Updated = DateTimeOffset.UnixEpoch,
        };
    }
}
