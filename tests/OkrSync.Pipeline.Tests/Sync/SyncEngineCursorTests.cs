using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OkrSync.Core.Work;
using OkrSync.Pipeline.Sync;
using OkrSync.Testing.Fakes;

namespace OkrSync.Functions.Tests.Sync;

/// <summary>
/// When the engine writes a source's cursor: at most every <see cref="SyncEngine.CursorInterval"/> while pages are
/// read, at the end, and after a failure or a cancellation, always the cursor of a page already stored.
/// </summary>
public sealed class SyncEngineCursorTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private readonly InstantTimeProvider clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryWorkStore store = new();

    [Fact]
    public async Task ThirtyPagesWithinTheInterval_TheCursorIsWrittenOnceAtTheEnd()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 30);

        var report = await Engine().SyncAsync([source]).WaitAsync(Guard);

        Assert.True(report.Succeeded, report.Sources[0].Error);
        Assert.Equal(["p29"], Writes(source));
    }

    [Fact]
    public async Task PagesStoredTwoSecondsApart_TheCursorIsWrittenOnceFiveSecondsHavePassed()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 10);
        store.BeforeUpsert = _ =>
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            return Task.CompletedTask;
        };

        var report = await Engine().SyncAsync([source]).WaitAsync(Guard);

        Assert.True(report.Succeeded, report.Sources[0].Error);
        // Stored at +2 s, +4 s, +6 s (written), +8, +10, +12 (written), +14, +16, +18 (written), +20 (the end).
        Assert.Equal(["p2", "p5", "p8", "p9"], Writes(source));
    }

    [Fact]
    public async Task SecondSyncWithNothingNew_WritesNoCursor()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 3);
        await Engine().SyncAsync([source]).WaitAsync(Guard);

        var again = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 3);
        await Engine().SyncAsync([again]).WaitAsync(Guard);

        Assert.Equal(["p2"], Writes(source));
    }

    [Fact]
    public async Task FetchFailsWithinTheInterval_TheLastStoredPagesCursorIsWritten()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 4, failAfter: true);

        var report = await Engine().SyncAsync([source]).WaitAsync(Guard);

        Assert.False(report.Succeeded);
        Assert.Equal(["p3"], Writes(source));
    }

    [Fact]
    public async Task RunCancelledWithinTheInterval_TheLastStoredPagesCursorIsWritten()
    {
        var source = new ScriptedSource("github:acme/web", SourceKind.GitHub, pages: 30);
        using var cancel = new CancellationTokenSource();
        store.BeforeUpsert = batch =>
        {
            if (batch[0].Key.EndsWith("#p5-0", StringComparison.Ordinal))
            {
                cancel.Cancel();
            }
            return Task.CompletedTask;
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine().SyncAsync([source], cancellationToken: cancel.Token).WaitAsync(Guard));

        // Pages 0-4 were stored before the cancel; the page being written and the one read ahead may be stored too.
        var written = Assert.Single(Writes(source));
        var page = int.Parse(written[1..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(page, 4, 29);
        Assert.True(store.Count >= (page + 1) * ScriptedSource.PerPage, $"the cursor ({written}) moved past the {store.Count} stored items");
    }

    private string[] Writes(ScriptedSource source) => [.. store.CursorWrites.Where(c => c.SourceId == source.Id).Select(c => c.Position)];

    private SyncEngine Engine() => new(store, store, clock, NullLogger<SyncEngine>.Instance, Options.Create(new ReconcileOptions()));
}
