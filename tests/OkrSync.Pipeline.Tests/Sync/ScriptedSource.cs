using System.Runtime.CompilerServices;
using OkrSync.Core.Ports;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;

namespace OkrSync.Functions.Tests.Sync;

/// <summary>A tracker source of numbered pages that says when each page is asked for.</summary>
internal sealed class ScriptedSource(string id, SourceKind kind, int pages, bool failAfter = false) : ITrackerSource
{
    public const int PerPage = 10;

    /// <summary>The time in the pages' cursors: the tests' clocks start there, so no refresh of it is due.</summary>
    public static readonly DateTimeOffset SyncedAt = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
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
            yield return new WorkPage([.. Enumerable.Range(0, PerPage).Select(i => Item(page, i))], new SyncCursor(id, $"p{page}", SyncedAt));
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
